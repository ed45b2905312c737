package story

import (
	"testing"

	"github.com/claimtrail/claimtrail"
)

// TestMembersOfTheirBody: an unnamed source named after a body that is
// itself an origin of the claim speaks for it; one whose words merely
// share a word with another body's name, or name no member, stays apart.
func TestMembersOfTheirBody(t *testing.T) {
	for _, tc := range []struct {
		anon, body string
		kind       claimtrail.SourceKind
		same       bool
	}{
		{"union members (Radio Kelm)", "dockers' union", claimtrail.KindOrganization, true},
		{"union officials (Brask Courier)", "Brask Dockers Union", claimtrail.KindOrganization, true},
		{"police sources", "police", claimtrail.KindOfficial, true},
		{"Vosk officials", "Vosk media", claimtrail.KindOrganization, false},
		{"union members", "Radio Kelm", claimtrail.KindOutlet, false},
		{"witnesses", "dockers' union", claimtrail.KindOrganization, false},
	} {
		found := []origin{
			{key: "a", src: claimtrail.Source{Name: tc.anon, Kind: claimtrail.KindAnonymous}},
			{key: "b", src: claimtrail.Source{Name: tc.body, Kind: tc.kind}},
		}
		membersOfTheirBody(found)
		if got := found[0].key == found[1].key; got != tc.same {
			t.Errorf("%q and %q: one origin %v, want %v", tc.anon, tc.body, got, tc.same)
		}
	}
}
