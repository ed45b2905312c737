package link

import (
	"testing"

	"github.com/claimtrail/claimtrail"
)

// TestCarriedQuotationOfficerDeniesNotHerBody: a negation in a quotation
// carried over from the sentence that named its speaker as a body's
// officer ("Nobody came.") supports what her body says; it is no denial.
func TestCarriedQuotationOfficerDeniesNotHerBody(t *testing.T) {
	claims := linkTexts(t,
		"The charity Seawatch said on Sunday that the harbour police had ignored a call for help from the yacht for three hours. "+
			"\"We passed the yacht's position to the harbour police at midnight,\" said Lena Ekdahl, Seawatch's rescue coordinator. "+
			"\"Nobody came. For three hours, nobody came. By then the yacht had sunk.\"")
	c := claimWith(claims, "ignored a call for help")
	if c == nil {
		t.Fatalf("no claim of the ignored call in %+v", claims)
	}
	for _, st := range c.Statements {
		if st.Polarity == claimtrail.Denies {
			t.Errorf("the accusation is denied by %v (%q)", st.Speaker(), st.Negates)
		}
	}
}
