package link

import (
	"testing"

	"github.com/claimtrail/claimtrail"

	"github.com/claimtrail/claimtrail/nlp"
)

// TestExclusiveRules: each rule's and state's counter-statement counters
// its claim; the claim restated, or the mark dropped, counters nothing.
func TestExclusiveRules(t *testing.T) {
	an, err := nlp.NewAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	var pairs [][2]string
	for _, r := range exclusiveRules {
		pairs = append(pairs, r.example)
	}
	for _, s := range exclusiveStates {
		pairs = append(pairs, s.example)
	}
	for _, p := range pairs {
		y, x := parsedCore(t, an, p[0]), parsedCore(t, an, p[1])
		if !counters(x, y) {
			t.Errorf("%q does not counter %q: heads %v / %v, exclusive %v, subjects %v / %v, rest %v / %v",
				p[1], p[0], x.heads, y.heads, x.exclusive, x.subject, y.subject, x.rest, y.rest)
		}
		if counters(y, x) {
			t.Errorf("%q counters %q", p[0], p[1])
		}
	}
	for _, p := range [][2]string{
		{"The convoy carried rifles.", "The convoy carried only rifles."},                        // the same argument
		{"The convoy carried rifles.", "The convoy carried tents and water."},                    // no mark: another fact
		{"The convoy carried rifles.", "Only the convoy from Tarsk carried tents."},              // "only" on the subject
		{"The convoy carried rifles.", "The ferry carried only tents and water."},                // another subject
		{"Velmora's foreign minister called the sanctions a mistake.", "Only Velmora objected."}, // another act
	} {
		y, x := parsedCore(t, an, p[0]), parsedCore(t, an, p[1])
		if counters(x, y) {
			t.Errorf("%q counters %q", p[1], p[0])
		}
	}
}

// TestCounterStatementDenies: a party's counter-statement ("carried only
// tents and water") is its denial of the claim it contradicts, not a
// claim of its own beside it; a statement of another act of the same
// subject denies nothing.
func TestCounterStatementDenies(t *testing.T) {
	claims := linkTexts(t,
		"The convoy carried rifles and ammunition, officials told the Dunmere Courier.",
		"The Orvath transport ministry said the convoy carried only tents and water.",
		"Border guards said the convoy crossed the bridge at dawn.")
	c := claimWith(claims, "rifles")
	if c == nil {
		t.Fatalf("no claim of the rifles in %+v", claims)
	}
	if got := articlesOf(c, claimtrail.Denies); got != "b" {
		t.Errorf("%q denied by %q, want b", c.Text, got)
	}
	if c := claimWith(claims, "tents"); c != nil {
		t.Errorf("the counter-statement is a claim of its own: %q", c.Text)
	}
	if c := claimWith(claims, "bridge"); c == nil || articlesOf(c, claimtrail.Denies) != "" {
		t.Errorf("another act of the convoy: %+v", c)
	}
}
