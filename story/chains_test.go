package story

import (
	"testing"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/nlp"
)

// TestExtendStopsAtWhatTheArticleNames checks that a relay's chain goes on
// through the relayed outlet's own chain only to sources the relaying
// article names itself.
func TestExtendStopsAtWhatTheArticleNames(t *testing.T) {
	wire := []claimtrail.Source{{Name: "Harrow Wire", Kind: claimtrail.KindOutlet},
		{Name: "two officials familiar with the plan", Kind: claimtrail.KindAnonymous}}
	own := func(outlet string) []claimtrail.Source {
		if outlet == nlp.SourceKey("Harrow Wire") {
			return wire
		}
		return nil
	}
	relay := []claimtrail.Source{{Name: "Daily Lamp", Kind: claimtrail.KindOutlet}, {Name: "Harrow Wire", Kind: claimtrail.KindOutlet}}
	for _, tc := range []struct {
		text string
		want int
	}{
		{"Harrow Wire reported that the plan was dropped. The wire cited two officials familiar with the plan.", 3},
		{"Harrow Wire reported that the plan was dropped, three days before the vote.", 2},
	} {
		got := extend(relay, own, nlp.SourceKey("Daily Lamp"), articleWords(tc.text))
		if len(got) != tc.want {
			t.Errorf("%q: chain %v, want %d sources", tc.text, got, tc.want)
		}
	}
}
