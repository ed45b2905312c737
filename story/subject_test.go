package story

import "testing"

// TestOwnWords: a denial that speaks of its speaker's own acts or things
// is the subject's; one that speaks only of others' is not.
func TestOwnWords(t *testing.T) {
	for text, want := range map[string]bool{
		"The suggestion that we ignored a distress call for six hours is false": true,
		"chicken from its plant was the source of the outbreak":                 true,
		"she had not conceded defeat":                                           true,
		"Forty children in Pellow suffered seizures after the booster":          false,
		"the rocket had exploded over the sea":                                  false,
		"the council and the club had agreed the plan long before his arrival":  false,
	} {
		if got := ownWords(text); got != want {
			t.Errorf("ownWords(%q) = %v, want %v", text, got, want)
		}
	}
}
