package story

import (
	"slices"
	"testing"

	"github.com/claimtrail/claimtrail"
)

// TestDocumentOwnerNotAnonymous: figures a named body publishes are on the
// record; figures an unnamed official passes on, or a memo only an outlet
// has seen, are anonymous sourcing.
func TestDocumentOwnerNotAnonymous(t *testing.T) {
	outlet := claimtrail.Source{Name: "Tarrow Gazette", Kind: claimtrail.KindOutlet}
	figures := claimtrail.Source{Name: "figures", Kind: claimtrail.KindDocument}
	for _, tc := range []struct {
		why    string
		chain  []claimtrail.Source
		origin string
		anon   bool
	}{
		{"according to transport ministry figures", []claimtrail.Source{outlet, {Name: "transport ministry", Kind: claimtrail.KindOfficial}, figures}, "figures (transport ministry)", false},
		{"figures an unnamed official shared", []claimtrail.Source{outlet, {Name: "an official", Kind: claimtrail.KindAnonymous}, figures}, "figures (Tarrow Gazette)", true},
		{"a memo seen by the outlet", []claimtrail.Source{outlet, {Name: "a memo", Kind: claimtrail.KindDocument}}, "a memo (Tarrow Gazette)", true},
	} {
		c := &claimtrail.Claim{
			Statements: []claimtrail.Statement{{Article: "a1", Chain: tc.chain, Polarity: claimtrail.Asserts}},
			Origins:    []claimtrail.Source{{Name: tc.origin, Kind: claimtrail.KindDocument}},
		}
		got := slices.Contains(flags(c, nil), claimtrail.FlagAnonymousOnly)
		if got != tc.anon {
			t.Errorf("%s: anonymous-only %v, want %v", tc.why, got, tc.anon)
		}
	}
}

// TestConditionalLeftAlone: a statement hedged by a condition says what
// would follow were the report right; other hedges do not make one.
func TestConditionalLeftAlone(t *testing.T) {
	for hedges, want := range map[string]bool{
		"if confirmed":            true,
		"if the reports are true": true,
		"reportedly":              false,
		"anonymous sourcing":      false,
	} {
		if got := conditional([]string{hedges}); got != want {
			t.Errorf("conditional(%q) = %v, want %v", hedges, got, want)
		}
	}
}
