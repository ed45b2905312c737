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
		"Cyclist Anna Brel tested positive for the steroid nandrolone in May, the national agency said. "+
			"Analysis of her second sample confirmed the result of the first test, the agency said.",
		"Anna Brel denied that she had ever taken the steroid nandrolone. \"The lab result is wrong,\" Brel said.")
	second := claimWith(claims, "second sample")
	if second == nil {
		t.Fatalf("no second-sample claim in %+v", claims)
	}
	if got := articlesOf(second, claimtrail.Denies); got != "" {
		t.Errorf("second-sample claim denied by %q, want by no article", got)
	}
}
