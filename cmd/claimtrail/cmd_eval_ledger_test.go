package main

import (
	"bytes"
	"encoding/json"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

const (
	tinyStories = "../../eval/ledger/testdata/stories"
	// ledgerDev is the ledger-dev development set beside the repository.
	ledgerDev = "../../../shared/data/ledger-dev/stories"
	// referenceScorer is the data set's own scorer.
	referenceScorer = "../../../shared/tools/ledger-eval/score.py"
)

func TestEvalLedgerText(t *testing.T) {
	out, stderr, err := run(t, "eval", "ledger", "--gold", tinyStories, "--details")
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	for _, want := range []string{"story", "recall", "falseC", "01-harbour", "TOTAL", "SUMMARY {", "-> c"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestEvalLedgerJSONAndSavedLedgers(t *testing.T) {
	dir := t.TempDir()
	out, stderr, err := run(t, "eval", "ledger", "--gold", tinyStories, "--format", "json", "--save-ledgers", dir)
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	var rep struct {
		Summary map[string]any
		Stories []map[string]any
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	for _, k := range []string{"claim_recall", "claim_precision", "status_accuracy", "origin_count_accuracy", "denial_accuracy",
		"stance_accuracy", "stance_accuracy_non_absent", "chain_accuracy", "false_merges", "false_corroboration",
		"offstory_article_accuracy", "ledgers_unreadable"} {
		if _, ok := rep.Summary[k]; !ok {
			t.Errorf("summary lacks %q", k)
		}
	}
	if len(rep.Stories) != 1 || rep.Stories[0]["story"] != "01-harbour" {
		t.Fatalf("stories: %v", rep.Stories)
	}
	// The saved ledger is what analyze prints for the folder.
	saved, err := os.ReadFile(filepath.Join(dir, "01-harbour.json"))
	if err != nil {
		t.Fatal(err)
	}
	direct, stderr, err := run(t, "analyze", "--format", "json", filepath.Join(tinyStories, "01-harbour"))
	if err != nil {
		t.Fatalf("analyze: %v\n%s", err, stderr)
	}
	if string(saved) != direct {
		t.Errorf("saved ledger differs from analyze --format json")
	}
	// Scoring the saved ledgers gives the same figures.
	again, _, err := run(t, "eval", "ledger", "--gold", tinyStories, "--format", "json", "--ledgers", dir)
	if err != nil || again != out {
		t.Errorf("--ledgers scores differ (%v):\n%s\nvs\n%s", err, again, out)
	}
}

func TestEvalLedgerErrors(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"eval", "ledger"}, "--gold STORIES_DIR is required"},
		{[]string{"eval", "ledger", "--gold", tinyStories, "--format", "xml"}, `--format "xml"`},
		{[]string{"eval", "ledger", "--gold", tinyStories, "--extractor", "magic"}, `--extractor "magic"`},
		{[]string{"eval", "ledger", "--gold", "testdata/no-such-set"}, "no-such-set"},
	} {
		_, _, err := run(t, c.args...)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%v: error %v, want %q", c.args, err, c.want)
		}
	}
}

// TestEvalLedgerBadGold: a malformed gold.json is named on stderr and the
// exit status is 1, while the other stories still score.
func TestEvalLedgerBadGold(t *testing.T) {
	dir := t.TempDir()
	if err := os.CopyFS(filepath.Join(dir, "01-harbour"), os.DirFS(filepath.Join(tinyStories, "01-harbour"))); err != nil {
		t.Fatal(err)
	}
	bad := filepath.Join(dir, "02-broken")
	if err := os.MkdirAll(bad, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(bad, "gold.json"), []byte(`{"story": "02-broken", "articles": {"a.txt": {}}, "claims": [{"id": "g1"}]}`), 0o644); err != nil {
		t.Fatal(err)
	}
	out, stderr, err := run(t, "eval", "ledger", "--gold", dir)
	if err == nil {
		t.Error("want an error exit")
	}
	if !strings.Contains(stderr, filepath.Join("02-broken", "gold.json")) || !strings.Contains(stderr, `no "text"`) {
		t.Errorf("stderr does not name the file and problem:\n%s", stderr)
	}
	if !strings.Contains(out, "01-harbour") || strings.Contains(out, "02-broken") {
		t.Errorf("want the good story scored alone:\n%s", out)
	}
}

// TestEvalLedgerAgreesWithReference runs claimtrail's scorer and the data
// set's reference scorer (score.py) on the same ledgers of the development
// set and compares every summary figure.
func TestEvalLedgerAgreesWithReference(t *testing.T) {
	if testing.Short() {
		t.Skip("short: the development set takes about 10 s")
	}
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not found: cannot run the reference scorer")
	}
	for _, p := range []string{ledgerDev, referenceScorer} {
		if _, err := os.Stat(p); err != nil {
			t.Skipf("%s not found (the data set lives beside the repository in shared/): %v", p, err)
		}
	}
	dir := t.TempDir()
	out, stderr, err := run(t, "eval", "ledger", "--gold", ledgerDev, "--format", "json", "--save-ledgers", dir)
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	var ours struct{ Summary map[string]any }
	if err := json.Unmarshal([]byte(out), &ours); err != nil {
		t.Fatal(err)
	}
	cmd := exec.CommandContext(t.Context(), py, referenceScorer, "--stories", ledgerDev, "--ledgers", dir)
	var refOut, refErr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &refOut, &refErr
	if err := cmd.Run(); err != nil {
		t.Fatalf("reference scorer: %v\n%s", err, refErr.String())
	}
	var ref map[string]any
	for _, line := range strings.Split(refOut.String(), "\n") {
		if rest, ok := strings.CutPrefix(line, "SUMMARY "); ok {
			if err := json.Unmarshal([]byte(rest), &ref); err != nil {
				t.Fatal(err)
			}
		}
	}
	if len(ref) == 0 {
		t.Fatalf("no SUMMARY line from the reference scorer:\n%s", refOut.String())
	}
	for k, want := range ref {
		got, ok := ours.Summary[k]
		if !ok {
			t.Errorf("%s: missing (reference %v)", k, want)
			continue
		}
		w, wok := want.(float64)
		g, gok := got.(float64)
		if wok != gok || wok && math.Abs(w-g) > 0.01 {
			t.Errorf("%s = %v, reference %v", k, got, want)
		}
	}
	t.Logf("agreed on %d figures; recall %v, status %v, chains %v", len(ref), ref["claim_recall"], ref["status_accuracy"], ref["chain_accuracy"])
}
