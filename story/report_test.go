package story_test

import (
	"testing"

	"github.com/claimtrail/claimtrail"
)

// TestBlanketTies: a verdict on one outlet's report reaches the claims of
// that report — beside the denied claim, or later in the article with the
// same sources behind the outlet — and not the outlet's other reports: its
// earlier reporting told in another paragraph, a claim it relays from a
// named speaker of its own, or a claim other sources assert as well. The
// rows of reportTies and reportBreaks, in an invented story where the
// outlet is one source among several (one article of five cites it).
func TestBlanketTies(t *testing.T) {
	l := ledger(t,
		art("Lorn Gazette", "Talvor's army is massing troops near the Presk border, defence sources told the Vantage Herald. Grain exports from Presk fell by a fifth in May, the Vantage Herald reported, citing trade minister Olla Quistad. The Presk river has flooded twice this spring, the Vantage Herald reported.\n\n"+
			"The Vantage Herald reported in 2019 that Talvor had bought forty tanks from abroad.\n\n"+
			"Reserve units were ordered to the Presk border on Monday, the Vantage Herald reported, citing defence sources."),
		art("Osk Tribune", "Talvor has moved troops near the Presk border. The Presk river has flooded twice this spring, the regional water board said."),
		art("Oskan Times", "Talvor's defence ministry said its army was holding routine exercises near the Presk border."),
		art("Brill Post", "Troops from Talvor were seen near the Presk border on Sunday, residents said."),
		art("Pike Bulletin", "Talvor's defence ministry denied that its army was massing troops near the Presk border. \"The Vantage Herald story is a fabrication,\" the ministry said."),
	)
	for _, tc := range []struct {
		words string
		want  bool
		why   string
	}{
		{"Reserve units", true, "same article, same sources behind the outlet"},
		{"tanks", false, "the outlet's earlier report, in another paragraph"},
		{"Grain", false, "a named speaker of its own"},
		{"flooded", false, "one of several sources"},
	} {
		c := find(t, l, tc.words)
		if got := len(c.ReportDenials) > 0; got != tc.want {
			t.Errorf("%s (%s): denial of its report %v, want %v; statements %+v", tc.words, tc.why, got, tc.want, c.Statements)
		}
		if c.Status == claimtrail.Contested && tc.want {
			t.Errorf("%s: contested by a verdict on its report", tc.words)
		}
	}
}
