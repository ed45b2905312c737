package attrib

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/attrib/seq"
	"github.com/claimtrail/claimtrail/load"
	"github.com/claimtrail/claimtrail/nlp"
)

// TestClausalHops runs the example of each clausalHops row through the
// extractor as analyze runs it: its statement's chain runs through the
// relay closing the sentence.
func TestClausalHops(t *testing.T) {
	an, err := nlp.NewAnalyzer(nlp.TagOnly(NeedsTags))
	if err != nil {
		t.Fatal(err)
	}
	m, err := seq.Default()
	if err != nil {
		t.Fatal(err)
	}
	x := New().WithModel(m, an)
	for _, h := range clausalHops {
		text := h.example
		if i := strings.Index(text, " ("); i > 0 {
			text = text[:i]
		}
		path := filepath.Join(t.TempDir(), "case.txt")
		if err := os.WriteFile(path, []byte(text+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		got := extractWith(t, an, x, path, "Test Wire")
		if len(got.stmts) == 0 {
			t.Errorf("%s: no statement", h.rel)
			continue
		}
		var chain []string
		for _, s := range got.stmts[0].Chain {
			chain = append(chain, s.Name)
		}
		if strings.Join(chain, " ← ") != strings.Join(h.chain, " ← ") {
			t.Errorf("%s: chain %v, want %v", h.rel, chain, h.chain)
		}
	}
}

// TestHeadsContent: a saying that tops a content is its clause; one
// inside a relative clause on a noun of it is not.
func TestHeadsContent(t *testing.T) {
	an, err := nlp.NewAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		sentence, content, cue string
		want                   bool
	}{
		{"“The vote is lost,” the mayor conceded, according to the Ostrel Herald.", "“The vote is lost,” the mayor conceded", "conceded", true},
		{"Port workers are sharing photographs of a crane they say has collapsed, according to an analyst.", "Port workers are sharing photographs of a crane they say has collapsed", "say", false},
	}
	for _, c := range cases {
		path := filepath.Join(t.TempDir(), "case.txt")
		if err := os.WriteFile(path, []byte(c.sentence+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		doc := analyzed(t, an, path)
		text := doc.Article.Text
		ci, ki := strings.Index(text, c.content), strings.Index(text, c.cue)
		toks := doc.SentenceTokens(0)
		content := spanOf(ci, len(c.content))
		cue := spanOf(ki, len(c.cue))
		if got := headsContent(doc.Tree(0), toks, content, cue); got != c.want {
			t.Errorf("%q: headsContent(%q) = %v, want %v", c.sentence, c.cue, got, c.want)
		}
	}
}

// analyzed loads the file at path as extractWith does and analyses it.
func analyzed(t *testing.T, an *nlp.Analyzer, path string) *nlp.Document {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	art, err := load.Text(path, append([]byte("Test case\n\n"), data...))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := an.Analyze(context.Background(), &art)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// spanOf is the span of n bytes from start.
func spanOf(start, n int) claimtrail.Span { return claimtrail.Span{Start: start, End: start + n} }
