package link

import (
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail"
)

// deniersOf returns the speakers denying the claim whose text holds words.
func deniersOf(claims []claimtrail.Claim, words string) []string {
	var out []string
	for _, c := range claims {
		if !strings.Contains(c.Text, words) {
			continue
		}
		for _, st := range c.Statements {
			if st.Polarity == claimtrail.Denies {
				out = append(out, st.Speaker().Name)
			}
		}
	}
	return out
}

// TestVerdictJudgesWhatItNames: a spokesman's bare verdict on "reports of
// his arrest" falls on the arrest its ministry denied, not on the flight
// another office denied in the same article. A protest "against the
// arrest" makes the verdict's one word ambiguous, so that it judges the
// claims its article denied.
func TestVerdictJudgesWhatItNames(t *testing.T) {
	claims := linkTexts(t,
		"General Oren Vale has been placed under house arrest in Tarsk, two officials told the Mirror.",
		"President Kesh Arlo has left the country on a private jet, according to posts on social media.",
		"Hundreds of people protested in Tarsk on Sunday against the arrest, the Courier reported.",
		"The defence ministry denied that General Oren Vale had been arrested. The presidency denied that President Kesh Arlo had left the country. \"Reports of his arrest are lies,\" ministry spokesman Tomas Rell said.",
	)
	for _, d := range deniersOf(claims, "left the country") {
		if strings.Contains(d, "Rell") {
			t.Errorf("the verdict on the arrest denies the flight: %v", deniersOf(claims, "left the country"))
		}
	}
}

// TestOfficerGoesOnWithOwnClaim: a county officer's negative finding that
// goes on with what her county said in the same article is a fact the
// county reports, not a denial of the minister's plan for surveys.
func TestOfficerGoesOnWithOwnClaim(t *testing.T) {
	claims := linkTexts(t,
		"The government would consider rules requiring structural surveys of all bridges every four years, transport minister Ed Vance said.",
		"The county said its engineers had inspected the town's four other bridges after the collapse. \"Our engineers found no structural faults in the other four bridges,\" the county's head of roads, Mara Quist, said.",
	)
	if d := deniersOf(claims, "surveys"); len(d) > 0 {
		t.Errorf("the surveys claim is denied by %v", d)
	}
}
