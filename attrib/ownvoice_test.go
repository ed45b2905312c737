package attrib

import (
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail/nlp"
)

// TestOwnVoiceRaisingHedge: an own-voice sentence that names nothing is
// colour and makes no statement, unless the writer marks it as reported
// with a raising hedge ("is believed to"): then it is a claim to check.
func TestOwnVoiceRaisingHedge(t *testing.T) {
	an, err := nlp.NewAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	for text, want := range map[string]bool{
		"The skipper is believed to have radioed for help twice before the engine room flooded.": true,
		"The crew are understood to have abandoned the wheelhouse within minutes.":               true,
		"The skipper radioed for help twice before the engine room flooded.":                     false,
		"The crew was told to leave the wheelhouse within minutes.":                              false,
	} {
		st, ok := lastStatement(t, an, text)
		got := ok && strings.HasPrefix(text, st.Sentence.In(text)[:10])
		if got != want {
			t.Errorf("%q: statement %v, want %v", text, got, want)
		}
	}
}
