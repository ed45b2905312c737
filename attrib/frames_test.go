package attrib

import (
	"context"
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/nlp"
)

// TestFrames runs every example of the frame table: the frame must read
// the example's cue, source and content off the sentence's tree.
func TestFrames(t *testing.T) {
	an, err := nlp.NewAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	for fi := range frames {
		f := &frames[fi]
		if len(f.examples) == 0 {
			t.Errorf("frame %q has no example", f.name)
		}
		for _, ex := range f.examples {
			t.Run(f.name+"/"+ex.text, func(t *testing.T) {
				art := claimtrail.Article{ID: "a1", Outlet: "Test Wire", Text: ex.text}
				doc, err := an.Analyze(context.Background(), &art)
				if err != nil {
					t.Fatal(err)
				}
				r := newReader(doc)
				r.si = 0
				toks := doc.SentenceTokens(0)
				tree := r.sentenceTree(toks)
				if tree == nil {
					t.Fatal("no tree")
				}
				q := quoteMask(toks, false)
				for v := range toks {
					if lower(toks[v]) != anchorWord(ex.cue, f.cueToSource || f.phrasal) {
						continue
					}
					if !f.words[lower(toks[v])] || !f.anchorFits(tree, v) {
						t.Fatalf("frame does not fit %q (%s %s)", toks[v].Text, tree.UPOS(v), tree.Rel(v))
					}
					a, ok := r.readFrame(f, tree, toks, q, 0, len(toks), v)
					if !ok {
						t.Fatalf("frame reads nothing at %q", toks[v].Text)
					}
					text := doc.Article.Text
					if got := a.cue.In(text); got != ex.cue {
						t.Errorf("cue %q, want %q", got, ex.cue)
					}
					if got := a.srcSpan.In(text); got != ex.source {
						t.Errorf("source %q, want %q", got, ex.source)
					}
					if got := contentText(toks, a, text); got != ex.content {
						t.Errorf("content %q, want %q", got, ex.content)
					}
					return
				}
				t.Fatalf("no token %q", ex.cue)
			})
		}
	}
}

// TestFrameVetoes checks that each veto's example makes no attribution.
func TestFrameVetoes(t *testing.T) {
	an, err := nlp.NewAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range frameVetoes {
		art := claimtrail.Article{ID: "a1", Outlet: "Test Wire", Text: v.example}
		doc, err := an.Analyze(context.Background(), &art)
		if err != nil {
			t.Fatal(err)
		}
		for _, st := range New().WithCues(FramesOnly).Extract(doc) {
			if !st.Cue.Empty() {
				t.Errorf("%q: cue %q, want none", v.example, st.Cue.In(v.example))
			}
		}
	}
}

// TestReportedEvents runs every example of reportedEvents through the
// rules: the outer cue reads the whole clause, and the inner verb is no
// cue.
func TestReportedEvents(t *testing.T) {
	an, err := nlp.NewAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	for _, ex := range reportedEvents {
		art := claimtrail.Article{ID: "a1", Outlet: "Test Wire", Text: ex.text}
		doc, err := an.Analyze(context.Background(), &art)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, st := range New().Extract(doc) {
			if !st.Cue.Empty() {
				got = append(got, st.Cue.In(ex.text)+"|"+st.Source.In(ex.text)+"|"+st.Content.In(ex.text))
			}
		}
		if want := ex.cue + "|" + ex.source + "|" + ex.content; len(got) != 1 || got[0] != want {
			t.Errorf("%q: statements %q, want [%q]", ex.text, got, want)
		}
	}
}

func lowerText(s string) string { return lower(nlp.Token{Text: s}) }

// anchorWord is the word of a cue the frame anchors on: the first of
// "according to" and "brushed aside", the last of "has said".
func anchorWord(cue string, first bool) string {
	w := strings.Fields(cue)
	if first {
		return lowerText(w[0])
	}
	return lowerText(w[len(w)-1])
}

// contentText is an attribution's content as one string, its hole left
// out.
func contentText(toks []nlp.Token, a attribution, text string) string {
	if a.holeHi > a.holeLo {
		b1, e1 := trim(toks, a.lo, a.holeLo)
		b2, e2 := trim(toks, a.holeHi, a.hi)
		return span(toks, b1, e1).In(text) + " … " + span(toks, b2, e2).In(text)
	}
	c := span(toks, a.lo, a.hi)
	if last := toks[a.hi-1].Text; len(last) > 1 && last[len(last)-1] == '.' {
		c.End-- // as statement does: "May." closing the sentence
	}
	return c.In(text)
}

// TestWordOrderReadings runs every example of wordOrderReadings through its
// reading: at the first word it matches, the reading must find the
// example's cue, source and content, whatever the tree says.
func TestWordOrderReadings(t *testing.T) {
	an, err := nlp.NewAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	for _, rd := range wordOrderReadings {
		if len(rd.examples) == 0 {
			t.Errorf("reading %q has no example", rd.name)
		}
		for _, ex := range rd.examples {
			t.Run(rd.name+"/"+ex.text, func(t *testing.T) {
				art := claimtrail.Article{ID: "a1", Outlet: "Test Wire", Text: ex.text}
				doc, err := an.Analyze(context.Background(), &art)
				if err != nil {
					t.Fatal(err)
				}
				r := newReader(doc)
				toks := doc.SentenceTokens(0)
				q := quoteMask(toks, false)
				for v := range toks {
					if q[v] || !rd.match(toks, 0, len(toks), v) {
						continue
					}
					a, ok := rd.read(r, toks, q, 0, len(toks), v)
					if !ok {
						t.Fatalf("reading finds nothing at %q", toks[v].Text)
					}
					text := doc.Article.Text
					if got := a.cue.In(text); got != ex.cue {
						t.Errorf("cue %q, want %q", got, ex.cue)
					}
					if got := a.srcSpan.In(text); got != ex.source {
						t.Errorf("source %q, want %q", got, ex.source)
					}
					if got := contentText(toks, a, text); got != ex.content {
						t.Errorf("content %q, want %q", got, ex.content)
					}
					return
				}
				t.Fatal("no word matches")
			})
		}
	}
}

// TestDeclinedAttributions checks that the rules report the attributions
// they refuse as statements, with the veto's reason, and report none
// where a statement holds the cue.
func TestDeclinedAttributions(t *testing.T) {
	an, err := nlp.NewAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		text, cue, content string
		reason             claimtrail.NotStatement
	}{
		{"The port authority did not deny that the crane had collapsed during the storm.", "did not deny",
			"the crane had collapsed during the storm", claimtrail.ReasonNegated},
		{"The mayor declined to say whether the library budget would be cut.", "declined to say",
			"whether the library budget would be cut", claimtrail.ReasonWithheld},
		{"The ministry has said whether the tunnel will reopen in spring.", "has said",
			"whether the tunnel will reopen in spring", claimtrail.ReasonQuestion},
		{"The port authority said that the crane had collapsed during the storm.", "", "", ""},
	}
	for _, c := range cases {
		art := claimtrail.Article{ID: "a1", Outlet: "Test Wire", Text: c.text}
		doc, err := an.Analyze(context.Background(), &art)
		if err != nil {
			t.Fatal(err)
		}
		e, err := New().ExtractAll(context.Background(), doc)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, a := range e.Attributions {
			got = append(got, a.Cue.In(c.text)+"|"+a.Content.In(c.text)+"|"+string(a.Reason))
		}
		want := []string{c.cue + "|" + c.content + "|" + string(c.reason)}
		if c.cue == "" {
			want = nil
		}
		if strings.Join(got, ";") != strings.Join(want, ";") {
			t.Errorf("%q: attributions %q, want %q", c.text, got, want)
		}
	}
}
