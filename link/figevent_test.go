package link

import (
	"context"
	"testing"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/nlp"
)

// readSentence parses one sentence and reads its figures.
func readSentence(t *testing.T, an *nlp.Analyzer, s string) []figureRead {
	t.Helper()
	d, err := an.Analyze(context.Background(), &claimtrail.Article{Text: s})
	if err != nil {
		t.Fatal(err)
	}
	return readFigures(d, claimtrail.Span{Start: 0, End: len(s)}, newStemmer())
}

// pairHolds reports whether some figure of a and some of b satisfy hold.
func pairHolds(a, b []figureRead, hold func(f, g figureRead) bool) bool {
	for _, f := range a {
		for _, g := range b {
			if hold(f, g) {
				return true
			}
		}
	}
	return false
}

// TestFigureEventRules checks each row of figureEventRules on its
// examples: the row holds for the pair it joins and fails for the pair it
// keeps apart.
func TestFigureEventRules(t *testing.T) {
	an, err := nlp.NewAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range figureEventRules {
		j0, j1 := readSentence(t, an, r.joins[0]), readSentence(t, an, r.joins[1])
		if len(j0) == 0 || len(j1) == 0 || !pairHolds(j0, j1, r.holds) {
			t.Errorf("%s: %q / %q not joined (%+v / %+v)", r.name, r.joins[0], r.joins[1], j0, j1)
		}
		s0, s1 := readSentence(t, an, r.splits[0]), readSentence(t, an, r.splits[1])
		if pairHolds(s0, s1, r.holds) {
			t.Errorf("%s: %q / %q joined (%+v / %+v)", r.name, r.splits[0], r.splits[1], s0, s1)
		}
	}
}

// TestReadFigure: the counted noun is the number's head past a name
// between, the noun of a figure noun's "of" phrase, or none; the event is
// the clause's predicate, or the clause hung on a figure noun.
func TestReadFigure(t *testing.T) {
	an, err := nlp.NewAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		text, noun, event string
		measure           bool
	}{
		{"Some 212 Tolvern residents were evacuated after the flood.", "resid", "evacu", false},
		{"Officials put the number evacuated from Tolvern at 230.", "", "evacu", false},
		{"The number of people evacuated from Tolvern was 230.", "peopl", "evacu", false},
		{"Dovan Pell signed a three-year contract with the club.", "year", "sign", true},
	} {
		fs := readSentence(t, an, c.text)
		if len(fs) != 1 || fs[0].noun != c.noun || !fs[0].events[c.event] || fs[0].measure != c.measure {
			t.Errorf("%q: read %+v, want noun %q, event %q, measure %v", c.text, fs, c.noun, c.event, c.measure)
		}
	}
}

// TestFiguresOfOneEventJoin: reports of one evacuation whose figures
// differ, worded apart or counting by other nouns, are one claim showing
// both figures.
func TestFiguresOfOneEventJoin(t *testing.T) {
	for _, pair := range [][2]string{
		{"At least 212 people were evacuated from Tolvern after the river burst its banks, the county said.",
			"Officials put the number evacuated from Tolvern at 230, the Tolvern Gazette reported."},
		{"Some 212 Tolvern residents were evacuated after the river burst its banks, the county said.",
			"About 230 people were evacuated from Tolvern after the flood, fire chief Ansel Brook said."},
	} {
		claims := linkTexts(t, pair[0], pair[1])
		c := claimWith(claims, "Tolvern")
		if c == nil || articlesOf(c, claimtrail.Asserts) != "a,b" {
			t.Errorf("one evacuation split: %q", texts(claims))
			continue
		}
		if len(c.Figures) != 2 || c.Figures[0].Value != 212 || c.Figures[1].Value != 230 {
			t.Errorf("figures %+v, want 212 and 230", c.Figures)
		}
	}
}

// TestOneNumberOtherUnits: one number of other units, one a measure, is
// no shared fact ("three weeks" out / "a three-year contract").
func TestOneNumberOtherUnits(t *testing.T) {
	claims := linkTexts(t,
		"Pellam City striker Dovan Pell will be out for three weeks with a knee injury, the club said.",
		"Pell joined Pellam City on a three-year contract, the club said.")
	for _, c := range claims {
		if articlesOf(&c, claimtrail.Asserts) == "a,b" {
			t.Errorf("an injury and a contract joined: %q", c.Text)
		}
	}
}

// TestMirrorAccusationDeniesNothing: "A accused B of X" neither joins
// nor denies "B accused A of X": the parties' roles are swapped.
func TestMirrorAccusationDeniesNothing(t *testing.T) {
	claims := linkTexts(t,
		"Senator Idra Calder accused Governor Amos Fenn of lying about the Tolvern budget, the Courier reported.",
		"Governor Amos Fenn accused Senator Idra Calder of lying about the Tolvern budget, the Herald reported.")
	for _, c := range claims {
		if articlesOf(&c, claimtrail.Asserts) == "b" && articlesOf(&c, claimtrail.Denies) != "" {
			t.Errorf("the mirror accusation denies %q: %s", c.Text, articlesOf(&c, claimtrail.Denies))
		}
		if articlesOf(&c, claimtrail.Asserts) == "a,b" {
			t.Errorf("mirror accusations joined: %q", c.Text)
		}
	}
}
