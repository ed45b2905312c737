package story_test

import (
	"testing"

	"github.com/claimtrail/claimtrail"
)

// correctionCase is one invented story of testdata with a correction or a
// retraction: the claim (by words of its canonical text) that must be
// retracted, and by whom.
type correctionCase struct {
	dir, claim, retractedBy string
}

// correctionCases cover each way a story withdraws a claim: a note that
// misstated a figure, a note on an updated story, a retraction another
// outlet reports, a figure correction whose corrected figure must not
// corroborate the wrong one, and a note contrasting the right figure with
// the wrong one ("…, not 300 tonnes as reported earlier").
var correctionCases = []correctionCase{
	{"correction-misstated", "140 passengers", "Quenby Gazette"},
	{"correction-updated", "resign", "Vorn Herald"},
	{"retraction-reported", "three-year contract", "Pell Courier"},
	{"correction-figure", "Fourteen people", "Keld Tribune"},
	{"correction-contrast", "300 tonnes", "Orm Ledger"},
}

// TestCorrections checks that each story's withdrawn claim is contested
// and retracted by the outlet, that no claim of these single-source
// stories is corroborated (a corrected figure or an earlier version is no
// second source), and that no origin is an outlet's earlier version.
func TestCorrections(t *testing.T) {
	for _, cc := range correctionCases {
		t.Run(cc.dir, func(t *testing.T) {
			l := ledgerOf(t, cc.dir)
			c := find(t, l, cc.claim)
			if c.Status != claimtrail.Contested || len(c.RetractedBy) != 1 || c.RetractedBy[0].Name != cc.retractedBy {
				t.Errorf("%q: status %s, retracted by %v; want contested, retracted by %s", c.Text, c.Status, c.RetractedBy, cc.retractedBy)
			}
			for _, o := range l.Claims {
				if o.Status == claimtrail.Corroborated {
					t.Errorf("%q corroborated by %q", o.Text, originNames(&o))
				}
				for _, n := range originNames(&o) {
					if n == "earlier version ("+cc.retractedBy+")" {
						t.Errorf("%q has the earlier version as an origin", o.Text)
					}
				}
			}
		})
	}
	// The corrected figure is a claim of its own, undenied.
	l := ledgerOf(t, "correction-figure")
	if c := find(t, l, "41 people"); c.Status != claimtrail.SingleSource || len(c.RetractedBy) > 0 {
		t.Errorf("corrected figure %q: status %s, retracted by %v; want single-source, not retracted", c.Text, c.Status, c.RetractedBy)
	}
}

// TestAnaphoricVerdicts checks verdicts that name a report by anaphora:
// the outlet's own "That report was wrong." and a party's "rejected that
// report" / "dismissed those claims" deny the claim of the report the
// article cited just before; where the article cited two reports just
// before ("dismissed those reports"), the verdict denies neither, so that
// a wrong choice cannot leave the other claim looking unchallenged; a
// verdict naming one report's outlet ("rejected the Kelda Times report")
// denies that report's claim alone.
func TestAnaphoricVerdicts(t *testing.T) {
	cases := []struct {
		dir, claim, denier string
	}{
		{"anaphor-verdict", "refinery would close", "Fen Chronicle"},
		{"anaphor-rejected", "under investigation", "Sorvik"},
		{"anaphor-named", "bridge will close", "Inga Vaskaard"},
	}
	for _, cc := range cases {
		t.Run(cc.dir, func(t *testing.T) {
			l := ledgerOf(t, cc.dir)
			c := find(t, l, cc.claim)
			denied := false
			for _, d := range c.DeniedBy {
				denied = denied || d.Name == cc.denier
			}
			if c.Status != claimtrail.Contested || !denied {
				t.Errorf("%q: status %s, denied by %v; want contested, denied by %s", c.Text, c.Status, c.DeniedBy, cc.denier)
			}
		})
	}
	// The verdict names one of two reports: the other is not denied.
	if c := find(t, ledgerOf(t, "anaphor-named"), "fined"); len(c.DeniedBy) > 0 {
		t.Errorf("%q denied by %v: the verdict named the other report", c.Text, c.DeniedBy)
	}
	l := ledgerOf(t, "anaphor-ambiguous")
	for _, c := range l.Claims {
		if len(c.DeniedBy) > 0 {
			t.Errorf("%q denied by %v: the verdict's antecedent is ambiguous", c.Text, c.DeniedBy)
		}
	}
}
