package link

import (
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/nlp"
)

// TestVerdictWords: every verdict adjective ends a verdict on a thing, and
// a verdict whose subject carries a clause, or a fact, is no such verdict.
func TestVerdictWords(t *testing.T) {
	for w := range verdictWords {
		if !verdictOnText(t, "The rider said the lab result was "+w+".", "the lab result was "+w) {
			t.Errorf("%q: not a verdict on a thing", w)
		}
	}
	for _, tc := range []struct{ sentence, content string }{
		{"The bank said reports that the board has agreed an increase are false.", "reports that the board has agreed an increase are false"},
		{"The rider said the lab was closed.", "the lab was closed"},
		{"The rider said she was wrong to trust the coach.", "she was wrong to trust the coach"},
	} {
		if verdictOnText(t, tc.sentence, tc.content) {
			t.Errorf("%q: read as a verdict on a thing", tc.content)
		}
	}
}

// verdictOnText builds a denial of content in sentence and asks whether it
// is a verdict on a thing.
func verdictOnText(t *testing.T, sentence, content string) bool {
	t.Helper()
	d := analyse(t, sentence)
	k := strings.Index(sentence, content)
	st := &claimtrail.Statement{Article: "a", Content: claimtrail.Span{Start: k, End: k + len(content)}, Polarity: claimtrail.Denies}
	b := &builder{items: []item{{st: st, text: content, span: st.Content}}, docs: map[string]*nlp.Document{"a": d}}
	return b.verdictOnThing(0)
}

// TestVerdictJoinsWhatItsSpeakerDenied: "the lab result is wrong" after
// the rider's own denial of the positive test judges that test, not the
// claim that a second analysis confirmed the result.
func TestVerdictJoinsWhatItsSpeakerDenied(t *testing.T) {
	claims := linkTexts(t,
		"Cyclist Anna Brevik tested positive for the steroid nandrolone in May, the national agency said. "+
			"Analysis of her second sample confirmed the result of the first test, the agency said.",
		"Anna Brevik denied that she had ever taken the steroid nandrolone. \"The lab result is wrong,\" Brevik said.")
	second := claimWith(claims, "second sample")
	if second == nil {
		t.Fatalf("no second-sample claim in %+v", claims)
	}
	if got := articlesOf(second, claimtrail.Denies); got != "" {
		t.Errorf("second-sample claim denied by %q, want by no article", got)
	}
}

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

// TestNegativeFindingDoesNotHideDenial: a party's own negative fact ("its
// sensors had recorded no ammonia …, contradicting residents' accounts of a
// gas cloud") agrees with its officer's negation, so the
// officer's "there was no ammonia cloud" is no continuation of it and
// denies the residents' account.
func TestNegativeFindingDoesNotHideDenial(t *testing.T) {
	claims := linkTexts(t,
		"A cloud of ammonia gas drifted over the harbour district after the fire, residents said.",
		"The port authority said on Tuesday that its sensors had recorded no ammonia in the air over Tolvik after the fire, contradicting residents' accounts of a gas cloud. \"Our sensors found no ammonia over the harbour at any point. There was no ammonia cloud,\" said Jan Ekholm, the port authority's safety director.")
	c := claimWith(claims, "cloud of ammonia gas")
	if c == nil {
		t.Fatalf("no claim of the cloud in %+v", claims)
	}
	if got := articlesOf(c, claimtrail.Denies); got != "b" {
		t.Errorf("cloud denied by %q, want b", got)
	}
}
