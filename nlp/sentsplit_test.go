package nlp

import (
	"context"
	"testing"

	"github.com/claimtrail/claimtrail"
)

// sentenceTexts analyses text as one article and returns its sentences.
func sentenceTexts(t *testing.T, a *Analyzer, text string) []string {
	t.Helper()
	art := &claimtrail.Article{Text: text}
	doc, err := a.Analyze(context.Background(), art)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, s := range doc.Sentences {
		out = append(out, text[s.Start:s.End])
	}
	return out
}

// TestAbbrevBreaks runs every row's examples through the analyzer: the
// split texts must come out as two sentences, cut after the abbreviation,
// and the whole ones as one.
func TestAbbrevBreaks(t *testing.T) {
	a, err := NewAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range abbrevBreaks {
		t.Run(b.name, func(t *testing.T) {
			for _, s := range b.split {
				if got := sentenceTexts(t, a, s); len(got) != 2 {
					t.Errorf("%q: got %q, want two sentences", s, got)
				}
			}
			for _, s := range b.whole {
				if got := sentenceTexts(t, a, s); len(got) != 1 {
					t.Errorf("%q: got %q, want one sentence", s, got)
				}
			}
		})
	}
}

// TestSentenceEndsWithAbbrevOrMonth: a sentence that ends with a month, a
// time or another abbreviation is neither merged with the next nor lost.
func TestSentenceEndsWithAbbrevOrMonth(t *testing.T) {
	a, err := NewAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	for text, want := range map[string][]string{
		"Officials said the Orlen plant closed in May. Police said nobody was hurt.": {
			"Officials said the Orlen plant closed in May.", "Police said nobody was hurt."},
		"The convoy reached Tavik at 9 a.m. Police said nobody was hurt.": {
			"The convoy reached Tavik at 9 a.m.", "Police said nobody was hurt."},
		"Talks ended on Dec. 5. Officials left in Sept. Residents stayed.": {
			"Talks ended on Dec. 5.", "Officials left in Sept.", "Residents stayed."},
		"Its office is in the U.S. “It was never ours,” she said.": {
			"Its office is in the U.S.", "“It was never ours,” she said."},
		"The ferry docked at 6 a.m. Dockers in Tavik said it was late; dockers know.": {
			"The ferry docked at 6 a.m.", "Dockers in Tavik said it was late; dockers know."},
	} {
		got := sentenceTexts(t, a, text)
		if len(got) != len(want) {
			t.Errorf("%q: got %q, want %q", text, got, want)
			continue
		}
		for i := range want {
			if got[i] != want[i] {
				t.Errorf("%q: sentence %d %q, want %q", text, i, got[i], want[i])
			}
		}
	}
}

// FuzzSplitAfterAbbrevs: whatever the text, the cut sentences lie in
// order inside the paragraph, each is its own text there, trimmed and not
// empty, and together they keep every non-space byte prose's sentences
// held.
func FuzzSplitAfterAbbrevs(f *testing.F) {
	for _, b := range abbrevBreaks {
		for _, s := range append(append([]string{}, b.split...), b.whole...) {
			f.Add(s)
		}
	}
	f.Add("At 9 a.m. It was. At 5 p.m. Police came. U.S. The end. e.g. A. b.c. D")
	f.Add(". . a. B a.. C")
	a, err := NewAnalyzer()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if len(text) > 2000 {
			text = text[:2000]
		}
		segs := a.seg.Segment(text)
		out := splitAfterAbbrevs(segs, newWordEvidence(text))
		if len(out) < len(segs) {
			t.Fatalf("%d sentences from %d", len(out), len(segs))
		}
		nonSpace := func(ss []string) string {
			var b []byte
			for _, s := range ss {
				for i := 0; i < len(s); i++ {
					if s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '\r' && s[i] != '\v' && s[i] != '\f' {
						b = append(b, s[i])
					}
				}
			}
			return string(b)
		}
		var before, after []string
		for _, s := range segs {
			before = append(before, s.Text)
		}
		end := 0
		for _, s := range out {
			if s.Text == "" || s.Start < end || s.End() > len(text) || text[s.Start:s.End()] != s.Text {
				t.Fatalf("bad sentence %q at %d (previous end %d)", s.Text, s.Start, end)
			}
			end = s.End()
			after = append(after, s.Text)
		}
		if x, y := nonSpace(before), nonSpace(after); x != y {
			t.Fatalf("text changed: %q → %q", x, y)
		}
	})
}
