package link

import (
	"context"
	"testing"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/nlp"
)

// readEstimateSentence parses one sentence and reads the estimates of its
// figures as oneEvent does for statements that share no name.
func readEstimateSentence(t *testing.T, an *nlp.Analyzer, s string) []estimate {
	t.Helper()
	d, err := an.Analyze(context.Background(), &claimtrail.Article{Text: s})
	if err != nil {
		t.Fatal(err)
	}
	span := claimtrail.Span{Start: 0, End: len(s)}
	c, ok := coreOf(d, span, newStemmer())
	if !ok {
		t.Fatalf("%q: no core", s)
	}
	return readEstimates(mainActs(readFigures(d, span, newStemmer()), c), c, s)
}

// estimatePair reports whether some estimate of a and some of b satisfy
// hold.
func estimatePair(a, b []estimate, hold func(f, g estimate) bool) bool {
	for _, f := range a {
		for _, g := range b {
			if hold(f, g) {
				return true
			}
		}
	}
	return false
}

// TestEstimateRules checks each row of estimateRules on its examples: the
// row holds for the pair it joins and fails for the pair it keeps apart;
// every joined pair passes all rows.
func TestEstimateRules(t *testing.T) {
	an, err := nlp.NewAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range estimateRules {
		j0, j1 := readEstimateSentence(t, an, r.joins[0]), readEstimateSentence(t, an, r.joins[1])
		if !estimatePair(j0, j1, r.holds) || !estimatePair(j0, j1, estimateHolds) {
			t.Errorf("%s: %q / %q not joined (%+v / %+v)", r.name, r.joins[0], r.joins[1], j0, j1)
		}
		s0, s1 := readEstimateSentence(t, an, r.splits[0]), readEstimateSentence(t, an, r.splits[1])
		if estimatePair(s0, s1, r.holds) {
			t.Errorf("%s: %q / %q joined (%+v / %+v)", r.name, r.splits[0], r.splits[1], s0, s1)
		}
	}
}

// TestEstimateEvents: the words of a row of estimateEvents name one act,
// so its pair of statements passes every row of estimateRules.
func TestEstimateEvents(t *testing.T) {
	an, err := nlp.NewAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	pairs := [][2]string{}
	for _, r := range estimateEvents {
		pairs = append(pairs, r.joins)
	}
	for _, r := range estimatePhrases {
		pairs = append(pairs, r.joins)
	}
	for _, r := range pairs {
		j0, j1 := readEstimateSentence(t, an, r[0]), readEstimateSentence(t, an, r[1])
		if !estimatePair(j0, j1, estimateHolds) {
			t.Errorf("%q / %q not joined (%+v / %+v)", r[0], r[1], j0, j1)
		}
	}
}

// TestUnnamedEstimatesJoin: three sources giving differing figures for
// one evacuation, none naming a place in its content, are one claim that
// shows the three figures; tolls of one story far apart, or the arrests
// of other agents, stay apart.
func TestUnnamedEstimatesJoin(t *testing.T) {
	claims := linkTexts(t,
		"The mayor said about 1,500 residents were evacuated.",
		"The water board put the number of evacuees at 1,200.",
		"More than 1,300 people had been evacuated, police said.")
	c := claimWith(claims, "evacu")
	if c == nil || articlesOf(c, claimtrail.Asserts) != "a,b,c" {
		t.Fatalf("the three estimates are not one claim: %q", texts(claims))
	}
	if len(c.Figures) != 3 {
		t.Errorf("figures %+v, want 1,500, 1,200 and 1,300", c.Figures)
	}
	for _, pair := range [][2]string{
		{"At least eight people were killed in the market bombing, the governor said.",
			"At least 30 people were killed on Thursday and Friday, a hospital official said."},
		{"Police arrested about 40 marchers, a witness said.",
			"Soldiers arrested 55 marchers, the organisers said."},
	} {
		for _, c := range linkTexts(t, pair[0], pair[1]) {
			if articlesOf(&c, claimtrail.Asserts) == "a,b" {
				t.Errorf("two events joined: %q", c.Text)
			}
		}
	}
}
