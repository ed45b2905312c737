package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/attrib/seq"
	"github.com/claimtrail/claimtrail/eval/polnear"
)

const tinyPolNeAR = "../../eval/polnear/testdata/tiny"

func TestEvalAttributionJSON(t *testing.T) {
	dir := t.TempDir()
	for _, ex := range []string{"shipped", "rules", "seq", "model-first", "unexplained", "rules-first", "labeller-first", "labeller-spans", "labeller-cues", "phrases"} {
		out, stderr, err := run(t, "eval", "attribution", "--polnear", tinyPolNeAR, "--format", "json",
			"--extractor", ex, "--predictions", filepath.Join(dir, ex))
		if err != nil {
			t.Fatalf("%s: %v\n%s", ex, err, stderr)
		}
		var rep map[string]json.RawMessage
		if err := json.Unmarshal([]byte(out), &rep); err != nil {
			t.Fatalf("%s: output is not JSON: %v\n%s", ex, err, out)
		}
		for _, k := range []string{"source", "cue", "content", "attribution", "articles", "sentences_per_second"} {
			if _, ok := rep[k]; !ok {
				t.Errorf("%s: key %q missing from %s", ex, k, out)
			}
		}
		var role struct {
			Exact, Overlap struct{ P, R, F1 *float64 }
		}
		if err := json.Unmarshal(rep["content"], &role); err != nil || role.Exact.F1 == nil || role.Overlap.P == nil {
			t.Errorf("%s: content is not {exact:{p,r,f1}, overlap:{p,r,f1}}: %s", ex, rep["content"])
		}
		if string(rep["articles"]) != "3" {
			t.Errorf("%s: articles = %s, want 3", ex, rep["articles"])
		}
		// Every article gets a brat file that the corpus reader accepts.
		for _, name := range []string{"alpha", "beta", "gamma"} {
			text, err := os.ReadFile(filepath.Join(dir, ex, name+".txt"))
			if err != nil {
				t.Fatal(err)
			}
			ann, err := os.ReadFile(filepath.Join(dir, ex, name+".ann"))
			if err != nil {
				t.Fatal(err)
			}
			if _, err := polnear.ParseAnn(string(text), ann); err != nil {
				t.Errorf("%s: %s.ann does not parse: %v", ex, name, err)
			}
		}
	}
}

// TestEvalAttributionShippedByDefault: with no --extractor, eval scores
// what analyze ships ("combined" in analyze's words).
func TestEvalAttributionShippedByDefault(t *testing.T) {
	var outs []string
	for _, args := range [][]string{{}, {"--extractor", "combined"}, {"--extractor", "shipped"}} {
		out, stderr, err := run(t, append([]string{"eval", "attribution", "--polnear", tinyPolNeAR, "--format", "json"}, args...)...)
		if err != nil {
			t.Fatalf("%v: %v\n%s", args, err, stderr)
		}
		var rep map[string]any
		if err := json.Unmarshal([]byte(out), &rep); err != nil {
			t.Fatal(err)
		}
		if rep["extractor"] != "shipped" {
			t.Errorf("%v: extractor %v, want shipped", args, rep["extractor"])
		}
		delete(rep, "sentences_per_second")
		delete(rep, "analysis_sentences_per_second")
		js, _ := json.Marshal(rep)
		outs = append(outs, string(js))
	}
	if outs[0] != outs[1] || outs[0] != outs[2] {
		t.Errorf("default, combined and shipped differ:\n%s", strings.Join(outs, "\n"))
	}
}

func TestEvalAttributionText(t *testing.T) {
	out, stderr, err := run(t, "eval", "attribution", "--polnear", tinyPolNeAR)
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	for _, want := range []string{"source", "cue", "content", "attribution", "exact", "overlap", "sentences/s"} {
		if !strings.Contains(out, want) {
			t.Errorf("text output lacks %q:\n%s", want, out)
		}
	}
}

func TestEvalAttributionErrors(t *testing.T) {
	bad := filepath.Join(t.TempDir(), "bad.model")
	if err := os.WriteFile(bad, []byte("CTSEQMDL\x01\x00garbage"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"eval", "attribution"}, "--polnear SPLIT_DIR is required"},
		{[]string{"eval", "attribution", "--polnear", tinyPolNeAR, "--format", "xml"}, `--format "xml"`},
		{[]string{"eval", "attribution", "--polnear", tinyPolNeAR, "--extractor", "magic"}, `--extractor "magic"`},
		{[]string{"eval", "attribution", "--polnear", "testdata/no-such-split"}, "no-such-split"},
		{[]string{"eval", "attribution", "--polnear", tinyPolNeAR, "--model", bad}, "bad.model: not a claimtrail attribution model"},
	} {
		_, _, err := run(t, c.args...)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%v: error %v, want %q", c.args, err, c.want)
		}
	}
}

func TestTrainAttributionTiny(t *testing.T) {
	out := filepath.Join(t.TempDir(), "tiny.model")
	stdout, stderr, err := run(t, "train", "attribution", "--polnear", tinyPolNeAR, "--dev", tinyPolNeAR,
		"--out", out, "--epochs", "2", "--bits", "12", "--seed", "7")
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	if !strings.Contains(stdout, "wrote "+out) {
		t.Errorf("stdout %q", stdout)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := seq.Unmarshal(data); err != nil {
		t.Errorf("trained model does not load: %v", err)
	}
	if _, _, err := run(t, "train", "attribution"); err == nil || !strings.Contains(err.Error(), "--polnear TRAIN_DIR is required") {
		t.Errorf("missing --polnear: error %v", err)
	}
}

func TestEvalAttributionAnnotators(t *testing.T) {
	out, stderr, err := run(t, "eval", "attribution", "--polnear", tinyPolNeAR, "--format", "json", "--extractor", "annotators")
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	var rep struct {
		Articles int
		Source   struct{ Exact struct{ P, R float64 } }
		Cue      struct{ Overlap struct{ P, R float64 } }
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	// Only alpha has a second annotator, who marks one of the first's two
	// attributions, with the cue "said on Tuesday" for "said": the source
	// matches, the cue does not even by overlap (1 token of 3).
	if rep.Articles != 1 || rep.Source.Exact.P != 1 || rep.Source.Exact.R != 0.5 || rep.Cue.Overlap.P != 0 {
		t.Errorf("agreement report %+v from\n%s", rep, out)
	}
}

// TestStatementAttributions checks the mapping of statements to PolNeAR
// attributions: one per cue, contents widened to PolNeAR's boundaries.
func TestStatementAttributions(t *testing.T) {
	text := `“The bridge is shut,” the mayor said. “It will stay shut.” The council said that fares will rise.`
	at := func(s string) claimtrail.Span { return spanOf(t, text, s) }
	said := at("said")
	sts := []claimtrail.Statement{
		{Content: at("The bridge is shut"), Cue: said, Source: at("the mayor")},
		{Content: at("It will stay shut"), Cue: said},
		{Content: at("fares will rise"), Cue: at("said that"), Source: at("The council")},
		{Content: at("The council")}, // own voice: no attribution
	}
	sts[2].Cue.End = sts[2].Cue.Start + len("said")
	got := statementAttributions(text, sts)
	if len(got) != 2 {
		t.Fatalf("%d attributions, want 2: %+v", len(got), got)
	}
	var parts []string
	for _, c := range got[0].Content {
		parts = append(parts, c.In(text))
	}
	if want := "“The bridge is shut,”|“It will stay shut.”"; strings.Join(parts, "|") != want {
		t.Errorf("first content %q, want %q", strings.Join(parts, "|"), want)
	}
	if got[0].Source[0].In(text) != "the mayor" {
		t.Errorf("first source %q", got[0].Source[0].In(text))
	}
	if c := got[1].Content[0].In(text); c != "that fares will rise" {
		t.Errorf("second content %q, want %q", c, "that fares will rise")
	}
}

// TestStatementAttributionsJoined checks that the contents of one cue's
// statements in consecutive sentences become one content, the full stop
// between them included, while a speaker's quotations around the cue stay
// two fragments.
func TestStatementAttributionsJoined(t *testing.T) {
	text := `Vera Holm said the pier was unsafe. Nobody had checked the bolts. “It is old,” she said. “It will fall.”`
	at := func(s string) claimtrail.Span { return spanOf(t, text, s) }
	said := at("said")
	sts := []claimtrail.Statement{
		{Content: at("the pier was unsafe"), Cue: said, Source: at("Vera Holm")},
		{Content: at("Nobody had checked the bolts"), Cue: said, Source: at("Vera Holm")},
		{Content: at("It is old"), Cue: at("she said"), Source: at("she")},
		{Content: at("It will fall"), Cue: at("she said"), Source: at("she")},
	}
	got := statementAttributions(text, sts)
	if len(got) != 2 {
		t.Fatalf("%d attributions, want 2: %+v", len(got), got)
	}
	if len(got[0].Content) != 1 || got[0].Content[0].In(text) != "the pier was unsafe. Nobody had checked the bolts" {
		t.Errorf("first content %+v, want one fragment over both sentences", got[0].Content)
	}
	if len(got[1].Content) != 2 {
		t.Errorf("second content %+v, want the two quotations apart", got[1].Content)
	}
}

// TestStatementAttributionsMarked checks that statements the labeller
// marks are scored by their marking, once for the statements sharing it,
// and that a refused attribution's discontinuous content is scored by its
// fragments.
func TestStatementAttributionsMarked(t *testing.T) {
	text := `Tomas Ek, the ferry operator's chief, said: “The pier is closed. Ferries will wait.” The plan, Ek said, is dead.`
	at := func(s string) claimtrail.Span { return spanOf(t, text, s) }
	quote := at("“The pier is closed. Ferries will wait.”")
	m := claimtrail.Marking{Source: at("Tomas Ek, the ferry operator's chief,"), Cue: at("said:"), Content: []claimtrail.Span{quote}}
	m.Cue.End--
	sts := []claimtrail.Statement{
		{Source: at("Tomas Ek"), Cue: m.Cue, Content: at("The pier is closed"), Marked: m},
		{Source: at("Tomas Ek"), Cue: m.Cue, Content: at("Ferries will wait"), Marked: m},
	}
	got := statementAttributions(text, sts)
	if len(got) != 1 || got[0].Source[0] != m.Source || got[0].Cue[0] != m.Cue || len(got[0].Content) != 1 || got[0].Content[0] != quote {
		t.Fatalf("got %+v, want the one marking %+v", got, m)
	}
	parts := []claimtrail.Span{at("The plan"), at("is dead.")}
	ek := at("Ek said")
	src, cue := claimtrail.Span{Start: ek.Start, End: ek.Start + 2}, claimtrail.Span{Start: ek.Start + 3, End: ek.End}
	other := otherAttributions([]claimtrail.Attribution{{Source: src, Cue: cue, Content: claimtrail.Span{Start: parts[0].Start, End: parts[1].End}, Parts: parts}})
	if len(other) != 1 || len(other[0].Content) != 2 || other[0].Content[1] != parts[1] {
		t.Errorf("refused attribution content %+v, want its fragments %v", other, parts)
	}
}

// spanOf returns the span of the first s in text.
func spanOf(t *testing.T, text, s string) claimtrail.Span {
	t.Helper()
	i := strings.Index(text, s)
	if i < 0 {
		t.Fatalf("no %q", s)
	}
	return claimtrail.Span{Start: i, End: i + len(s)}
}
