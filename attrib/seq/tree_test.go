package seq

import (
	"testing"
)

// TestTreeFeatures checks what the tree tells the labeller about the
// words of a reported clause and of its speaker: the relation under the
// nearest cue word above them, and the edges of the subtree it heads.
func TestTreeFeatures(t *testing.T) {
	text := "The harbour master said the new pier would open in March."
	doc := analyse(t, text)
	m := &Model{lexicon: map[string]bool{"said": true}}
	var s scratch
	ws := windows(doc)
	if len(ws) != 1 {
		t.Fatalf("%d windows, want 1", len(ws))
	}
	m.featurize(doc, ws[0], &s)
	word := func(w string) *tokenInfo {
		for i := range s.info {
			if s.info[i].lower == w {
				return &s.info[i]
			}
		}
		t.Fatalf("no token %q", w)
		return nil
	}
	for _, c := range []struct {
		word, top string
		edge      int8
	}{
		{"the", "nsubj", 1}, // the first "the", opening the subject
		{"master", "nsubj", 2},
		{"pier", "ccomp", 0},
		{"open", "ccomp", 0},
		{"march", "ccomp", 2},
		{"said", "", 0},
	} {
		got := word(c.word).tree
		if got.cueTop != c.top || (c.top != "" && got.compEdge != c.edge) {
			t.Errorf("%q: under the cue by %q (edges %d), want %q (%d)", c.word, got.cueTop, got.compEdge, c.top, c.edge)
		}
		if c.top != "" && s.info[got.cueAnc].lower != "said" {
			t.Errorf("%q: cue ancestor %q, want \"said\"", c.word, s.info[got.cueAnc].lower)
		}
	}
	if k := word("said").tree.kids; k&(1<<0) == 0 || k&(1<<1) == 0 {
		t.Errorf("\"said\" dependents %08b, want nsubj and ccomp", k)
	}
	if got := word("the").tree.clauseFirst; got != "" {
		t.Errorf("\"the\" opens a %q clause, want none", got)
	}
	if got := word(".").tree.rel; got != "punct" {
		t.Errorf("\".\" relation %q, want punct", got)
	}
}
