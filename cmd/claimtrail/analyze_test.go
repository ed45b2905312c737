package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail/render"
)

var update = flag.Bool("update", false, "rewrite golden files from the current output")

// run executes the CLI with args and returns stdout, stderr and the error.
func run(t *testing.T, args ...string) (string, string, error) {
	t.Helper()
	var out, errOut bytes.Buffer
	root := newRootCmd()
	root.SetArgs(args)
	root.SetOut(&out)
	root.SetErr(&errOut)
	err := root.Execute()
	return out.String(), errOut.String(), err
}

const exampleStory = "../../examples/story"

// TestAnalyzeExampleGolden pins the whole JSON ledger of the bundled example
// story. Run `go test ./cmd/claimtrail -run Golden -update` after a deliberate
// change, and read the diff.
func TestAnalyzeExampleGolden(t *testing.T) {
	out, stderr, err := run(t, "analyze", "--format", "json", exampleStory)
	if err != nil {
		t.Fatalf("analyze: %v\n%s", err, stderr)
	}
	golden := filepath.Join("..", "..", "examples", "golden", "story.json")
	if *update {
		if err := os.WriteFile(golden, []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("read golden file (run with -update to create it): %v", err)
	}
	if out != string(want) {
		t.Errorf("ledger differs from %s; rerun with -update and review the diff", golden)
	}
}

// TestAnalyzeExampleLedger checks what the example story is written to show,
// independently of the golden file's exact wording.
func TestAnalyzeExampleLedger(t *testing.T) {
	out, _, err := run(t, "analyze", "--format", "json", exampleStory)
	if err != nil {
		t.Fatal(err)
	}
	var l render.LedgerDoc
	if err := json.Unmarshal([]byte(out), &l); err != nil {
		t.Fatal(err)
	}
	if l.Schema != "claimtrail.ledger/v1" || len(l.Articles) != 5 {
		t.Fatalf("schema %q with %d articles, want claimtrail.ledger/v1 with 5", l.Schema, len(l.Articles))
	}
	offStory := l.Articles[4]
	if !strings.Contains(offStory.Outlet, "Lakeside") || !offStory.OffStory {
		t.Errorf("the tram article should be off the story: %+v", offStory)
	}
	for _, c := range l.Claims {
		for _, st := range c.Statements {
			if st.Article == offStory.ID {
				t.Errorf("claim %s holds a statement of the off-story article", c.ID)
			}
		}
	}

	troops := findClaim(t, l, "15,000 troops")
	if troops.Status != "contested" || troops.IndependentOrigins != 1 {
		t.Errorf("troops claim: status %s with %d origins, want contested with 1", troops.Status, troops.IndependentOrigins)
	}
	if !strings.Contains(troops.Origins[0].Name, "Northgate Wire") || troops.Origins[0].Kind != "anonymous" {
		t.Errorf("troops origin = %+v, want Northgate Wire's anonymous sources", troops.Origins[0])
	}
	wantStances := map[string]string{"a1": "asserts", "a2": "reports", "a3": "reports", "a4": "denies", "a5": "absent"}
	for id, want := range wantStances {
		if got := troops.Stances[id]; got != want {
			t.Errorf("troops stance of %s = %s, want %s", id, got, want)
		}
	}
	if !hasFlag(troops, "anonymous-only") || !hasFlag(troops, "denied-by-subject") {
		t.Errorf("troops flags = %v, want anonymous-only and denied-by-subject", troops.Flags)
	}
	if len(troops.DeniedBy) != 1 || !strings.Contains(troops.DeniedBy[0].Name, "foreign ministry") {
		t.Errorf("troops denied by %+v, want the foreign ministry", troops.DeniedBy)
	}
	relayed := false
	for _, st := range troops.Statements {
		if st.Article == "a3" && chainText(st.Chain) == "Harbour Daily Post ← The Capital Ledger ← Northgate Wire ← senior intelligence sources" {
			relayed = true
		}
	}
	if !relayed {
		t.Error("troops claim lacks the relay chain Harbour Daily Post ← The Capital Ledger ← Northgate Wire ← senior intelligence sources")
	}

	meetings := findClaim(t, l, "secret meetings")
	if meetings.Status != "contested" {
		t.Errorf("meetings claim status %s, want contested", meetings.Status)
	}
	stamp := findClaim(t, l, "Not valid for travel")
	if stamp.Status != "single-source" || len(stamp.DeniedBy) != 0 {
		t.Errorf("passport-stamp claim: %s denied by %v, want single-source and undenied", stamp.Status, stamp.DeniedBy)
	}
	talks := findClaim(t, l, "under discussion")
	if talks.Origins[0].Kind != "anonymous" || talks.Stances["a4"] != "asserts" {
		t.Errorf("officials' account: origins %+v stances %v", talks.Origins, talks.Stances)
	}
}

func findClaim(t *testing.T, l render.LedgerDoc, text string) render.ClaimDoc {
	t.Helper()
	for _, c := range l.Claims {
		if strings.Contains(c.Text, text) {
			return c
		}
	}
	t.Fatalf("no claim mentions %q", text)
	return render.ClaimDoc{}
}

func hasFlag(c render.ClaimDoc, f string) bool {
	for _, g := range c.Flags {
		if g == f {
			return true
		}
	}
	return false
}

func chainText(chain []render.SourceDoc) string {
	names := make([]string, len(chain))
	for i, s := range chain {
		names[i] = s.Name
	}
	return strings.Join(names, " ← ")
}

// TestAnalyzeBadInput checks that unreadable inputs are named on stderr,
// the good ones are still analysed, and the exit status is an error.
func TestAnalyzeBadInput(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	good := write("good.txt", []byte("Harbour strike ends\n\nDock workers returned to work on Friday, the union said.\n"))
	empty := write("empty.txt", nil)
	binary := write("binary.txt", []byte{0x00, 0x01, 0x02, 0xff, 0x00})
	latin1 := write("latin1.txt", []byte("Caf\xe9 owners protest\n\nThe owners said rents had doubled.\n"))
	jsonl := write("feed.jsonl", []byte("{\"title\":\"Ok\",\"text\":\"The council said the bridge would reopen.\"}\n{not json\n"))
	missing := filepath.Join(dir, "missing.txt")

	out, stderr, err := run(t, "analyze", good, empty, binary, latin1, jsonl, missing)
	if !errors.Is(err, errReported) {
		t.Fatalf("err = %v, want the reported-errors exit", err)
	}
	for _, want := range []string{"empty.txt", "binary.txt", "latin1.txt", "feed.jsonl:2", "missing.txt", "5 input(s) or lines skipped"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr does not mention %q:\n%s", want, stderr)
		}
	}
	if !strings.Contains(out, "Claim ledger") || !strings.Contains(out, "union") {
		t.Errorf("the good inputs were not analysed:\n%s", out)
	}
}

func TestAnalyzeNothingReadable(t *testing.T) {
	_, _, err := run(t, "analyze", filepath.Join(t.TempDir(), "nope.txt"))
	if err == nil || !strings.Contains(err.Error(), "no articles") {
		t.Fatalf("err = %v, want 'no articles'", err)
	}
	empty := t.TempDir()
	if _, _, err := run(t, "analyze", empty); err == nil || !strings.Contains(err.Error(), "no .txt, .html, .htm or .jsonl articles found in "+empty) {
		t.Errorf("empty folder: err = %v", err)
	}
	if _, _, err := run(t, "analyze"); err == nil || !strings.Contains(err.Error(), "at least one PATH") {
		t.Errorf("no path: err = %v", err)
	}
}

func TestAnalyzeUnknownFormat(t *testing.T) {
	_, _, err := run(t, "analyze", "--format", "yaml", exampleStory)
	if err == nil || !strings.Contains(err.Error(), "yaml") {
		t.Fatalf("err = %v, want an unknown-format error naming yaml", err)
	}
}

func TestAnalyzeTextFitsWidth(t *testing.T) {
	out, _, err := run(t, "analyze", "--color", "never", exampleStory)
	if err != nil {
		t.Fatal(err)
	}
	for i, line := range strings.Split(out, "\n") {
		if n := len([]rune(line)); n > 100 {
			t.Errorf("line %d is %d columns wide: %q", i+1, n, line)
		}
	}
	if strings.Contains(out, "\x1b[") {
		t.Error("colour codes written with --color never")
	}
	if !strings.Contains(strings.Join(strings.Fields(out), " "), "Harbour Daily Post ← The Capital Ledger ← Northgate Wire ← senior intelligence sources") {
		t.Error("text view does not draw the relay chain")
	}
	if first := strings.Index(out, "CONTESTED"); first < 0 || first > strings.Index(out, "SINGLE-SOURCE") {
		t.Error("contested claims should come first")
	}
}

func TestAnalyzeMarkdown(t *testing.T) {
	out, _, err := run(t, "analyze", "--format", "markdown", exampleStory)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(out, "# Claim ledger") || !strings.Contains(out, "| c1 | contested |") {
		t.Errorf("markdown output lacks its heading or stance matrix:\n%.400s", out)
	}
}

func TestVersion(t *testing.T) {
	out, _, err := run(t, "version")
	if err != nil || !strings.HasPrefix(out, "claimtrail ") {
		t.Fatalf("version: %q, %v", out, err)
	}
}

// TestAnalyzeCombinedExtractor runs the rules with the trained attribution
// labeller: the example's main claim must come out as with the rules alone.
func TestAnalyzeCombinedExtractor(t *testing.T) {
	out, stderr, err := run(t, "analyze", "--format", "json", "--extractor", "combined", exampleStory)
	if err != nil {
		t.Fatalf("analyze --extractor combined: %v\n%s", err, stderr)
	}
	var l render.LedgerDoc
	if err := json.Unmarshal([]byte(out), &l); err != nil {
		t.Fatal(err)
	}
	troops := findClaim(t, l, "15,000 troops")
	if troops.Status != "contested" || troops.IndependentOrigins != 1 {
		t.Errorf("troops claim: %s with %d origins, want contested with 1", troops.Status, troops.IndependentOrigins)
	}
	if _, _, err := run(t, "analyze", "--extractor", "magic", exampleStory); err == nil || !strings.Contains(err.Error(), "magic") {
		t.Errorf("an unknown extractor gave %v", err)
	}
}

// TestAnalyzeWarnings checks that an empty folder beside other inputs, and
// the inputs that fall off the story, are named on stderr without failing
// the command.
func TestAnalyzeWarnings(t *testing.T) {
	empty := t.TempDir()
	_, stderr, err := run(t, "analyze", empty, exampleStory)
	if err != nil {
		t.Fatalf("analyze: %v\n%s", err, stderr)
	}
	for _, want := range []string{"warning: " + empty + ": folder holds no", "off the story", "05-lakeside-gazette.txt"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr does not say %q:\n%s", want, stderr)
		}
	}
	if strings.Contains(stderr, "01-northgate-wire.txt") {
		t.Errorf("an article of the story is named as off it:\n%s", stderr)
	}
}

// TestShowNeedsOneStory: show without a story number says what it wants
// and where to find it, rather than cobra's bare argument count.
func TestShowNeedsOneStory(t *testing.T) {
	for _, args := range [][]string{{"show"}, {"show", "--all"}, {"show", "1", "2"}} {
		_, _, err := run(t, args...)
		if err == nil || !strings.Contains(err.Error(), "claimtrail stories") {
			t.Errorf("%v: error %v, want one naming 'claimtrail stories'", args, err)
		}
	}
}
