package story_test

import (
	"slices"
	"testing"

	"github.com/claimtrail/claimtrail"
)

// TestSpeaksFor checks denied-by-subject where the denier is a person
// introduced as speaking for the claim's subject (an appositive, a title
// before the name, a possessive), and not where the phrase only says what
// the person once did (a relative clause).
func TestSpeaksFor(t *testing.T) {
	l := ledgerOf(t, "speaks-for")
	for claim, want := range map[string]bool{
		"40 of its branches": true,  // "Sela Solden, chief executive of Brellin Bank"
		"600 jobs":           true,  // "Brellin Bank spokesman Ivo Pell"
		"frozen pies":        true,  // "Kai Ronder, Dovra Foods' head of safety"
		"private fund":       false, // "Jory Pascoe, who once audited the port"
	} {
		c := find(t, l, claim)
		if c.Status != claimtrail.Contested {
			t.Errorf("%q: status %s, want contested", c.Text, c.Status)
		}
		if got := slices.Contains(c.Flags, claimtrail.FlagDeniedBySubject); got != want {
			t.Errorf("%q: denied-by-subject %v, want %v (denied by %v)", c.Text, got, want, c.DeniedBy)
		}
	}
}
