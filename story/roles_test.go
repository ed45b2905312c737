package story

import (
	"slices"
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail"
)

// TestRoleProper runs the examples of the body a person's role phrase
// names: before the name, in apposition before it (a possessive pronoun
// read as the sentence's opening name), and after it.
func TestRoleProper(t *testing.T) {
	for _, tc := range []struct {
		text, name string
		want       string // a body word that must be found, or "" for none
		not        string // a word that must not be
	}{
		{"Korvex's head of market access, Ida Moll, said the price was fair.", "Ida Moll", "korvex", ""},
		{"Korvex Labs will build a plant in Harn, its chief executive, Dr Ole Brandt, said on Monday.", "Ole Brandt", "korvex", ""},
		{"The opposition health spokesman, Tom Reyes, said the deal was secret.", "Tom Reyes", "", "health"},
		{"The deal was agreed with its maker, Korvex Labs, Health Minister Ana Perl said.", "Health Minister Ana Perl", "", "korvex"},
		{"Ida Moll, Korvex's head of market access, said the price was fair.", "Ida Moll", "korvex", ""},
	} {
		k := strings.Index(tc.text, tc.name)
		got := roleProper(tc.text, claimtrail.Span{Start: k, End: k + len(tc.name)})
		if tc.want != "" && !slices.Contains(got, tc.want) {
			t.Errorf("%q: role words %q lack %q", tc.text, got, tc.want)
		}
		if tc.not != "" && slices.Contains(got, tc.not) {
			t.Errorf("%q: role words %q hold %q", tc.text, got, tc.not)
		}
	}
}

func TestTwoOfficersOfOneBodyAreOneOrigin(t *testing.T) {
	a := origin{key: "ida moll", src: claimtrail.Source{Name: "Ida Moll", Kind: claimtrail.KindPerson}, proper: []string{"korvex", "ida", "moll"}}
	b := origin{key: "ole brandt", src: claimtrail.Source{Name: "Ole Brandt", Kind: claimtrail.KindPerson}, proper: []string{"korvex", "labs", "dr", "ole", "brandt"}}
	c := origin{key: "ana perl", src: claimtrail.Source{Name: "Ana Perl", Kind: claimtrail.KindPerson}, proper: []string{"ana", "perl"}}
	if got := sameParty([]origin{a, b, c}); got[0].key != got[1].key || got[2].key == got[0].key {
		t.Errorf("keys %q %q %q: want the two Korvex officers as one origin, the minister apart", got[0].key, got[1].key, got[2].key)
	}
}

// TestRoleBodies runs roleBodyPatterns' examples: the role phrase after a
// name gives the noun of the body the person speaks for.
func TestRoleBodies(t *testing.T) {
	for _, r := range roleBodyPatterns {
		text, want, _ := strings.Cut(r.example, "=")
		name := text[:strings.Index(text, ",")]
		got := roleBodies(text, claimtrail.Span{Start: 0, End: len(name)})
		if !slices.Contains(got, want) {
			t.Errorf("%q: bodies %q, want %q", text, got, want)
		}
	}
	// A place is no body: "the country's envoy".
	text := "Ivo Dane, the country's envoy"
	if got := roleBodies(text, claimtrail.Span{Start: 0, End: 8}); len(got) > 0 {
		t.Errorf("%q: bodies %q, want none", text, got)
	}
}
