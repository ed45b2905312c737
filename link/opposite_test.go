package link

import (
	"testing"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/nlp"
)

// TestHandAntonyms: each hand pair's two examples parse to opposite cores.
func TestHandAntonyms(t *testing.T) {
	an, err := nlp.NewAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range handAntonyms {
		x, y := parsedCore(t, an, h.example[0]), parsedCore(t, an, h.example[1])
		if !oppositeCores(x, y) {
			t.Errorf("%q / %q: heads %v / %v not opposite", h.example[0], h.example[1], x.heads, y.heads)
		}
	}
}

// TestTableAntonyms: pairs from WordNet's antonym pointers, read through
// the linker's folds ("lower" is folded to "cut"), are opposite heads;
// synonyms are not.
func TestTableAntonyms(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"rais", "cut", true},      // raise!lower, "lower" folded to "cut"
		{"approv", "reject", true}, // approve!disapprove, whose synset holds "reject"
		{"win", "lose", true},
		{"rais", "hike", false},
	} {
		if got := oppositeHeads[[2]string{foldStem(tc.a), foldStem(tc.b)}]; got != tc.want {
			t.Errorf("%s / %s opposite = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}

// TestOppositePredicatesContest: two sources who give one fact with
// opposite predicates do not corroborate each other; the second answers
// the first, and the claim is contested.
func TestOppositePredicatesContest(t *testing.T) {
	for _, pair := range [][2]string{
		{"The Harlen town council approved the harbour bill on Thursday, councillor Ebba Stroud said.",
			"The Harlen town council rejected the harbour bill on Thursday, councillor Piet Varga said."},
		{"The Bank of Tessaly raised its benchmark rate by a quarter point, its deputy governor Ana Roos said.",
			"The Bank of Tessaly cut its benchmark rate by a quarter point, economist Lars Fenn said."},
	} {
		claims := linkTexts(t, pair[0], pair[1])
		for _, c := range claims {
			if got := articlesOf(&c, claimtrail.Asserts); got == "a,b" {
				t.Errorf("one claim asserted by both: %q", c.Text)
			}
		}
		denied := false
		for _, c := range claims {
			denied = denied || articlesOf(&c, claimtrail.Asserts) == "a" && articlesOf(&c, claimtrail.Denies) == "b"
		}
		if !denied {
			t.Errorf("%q is not answered by %q: %v", pair[0], pair[1], texts(claims))
		}
	}
}
