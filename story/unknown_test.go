package story_test

import (
	"slices"
	"testing"

	"github.com/claimtrail/claimtrail"
)

// TestUnknownOutletsAreSeparateParties: articles without a known outlet
// (plain .txt files without a sidecar) are each their own party. Two of
// them stating the same fact in their own voice are two origins, not one
// "unknown outlet"; the third, which denies it, is its own denier; and
// every party is named by its article.
func TestUnknownOutletsAreSeparateParties(t *testing.T) {
	l := ledger(t,
		art("", "The ferry Morwen Star ran aground off Kellis Point on Tuesday evening. Her crew of twelve was taken off by lifeboat."),
		art("", "The ferry Morwen Star ran aground off Kellis Point on Tuesday evening, and tugs were sent from the harbour."),
		art("", "Reports that the ferry Morwen Star ran aground off Kellis Point on Tuesday evening are false. It anchored there for the night."),
	)
	c := find(t, l, "Morwen Star ran aground")
	names := originNames(c)
	want := []string{"unknown outlet (a1)", "unknown outlet (a2)"}
	for _, w := range want {
		if !slices.Contains(names, w) {
			t.Errorf("origins %q, want %q among them", names, w)
		}
	}
	if slices.Contains(names, claimtrail.UnknownOutlet) {
		t.Errorf("origins %q: the unknown outlets collapsed into one", names)
	}
	if len(c.DeniedBy) == 0 {
		t.Errorf("status %s with no denier, want the third article as denier", c.Status)
	}
	for _, d := range c.DeniedBy {
		if d.Name != "unknown outlet (a3)" {
			t.Errorf("denied by %q, want only the third article's voice", d.Name)
		}
	}
}
