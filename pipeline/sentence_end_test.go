package pipeline

import (
	"context"
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail"
)

// TestSentenceEndingWithAbbrevIsStated: an own-voice sentence ending with
// a month or an abbreviation ("closed in May.", "at 6 p.m.", "Ltd.") is a
// statement like any other, and the sentence after it is its own, not
// read as part of it.
func TestSentenceEndingWithAbbrevIsStated(t *testing.T) {
	p, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	text := "Orlen mill\n\nThe Orlen paper mill closed in May. Union officials said 300 jobs were lost.\n\n" +
		"The last Orlen shift ended at 6 p.m. Police said nobody was hurt.\n\n" +
		"The Orlen site was sold to Tavik Holdings Ltd. The buyer plans flats, the council said.\n\n" +
		"Two Orlen guards were hurt in the blast, including U.S. Consul Osk Varnet.\n"
	l, err := p.Ledger(context.Background(), []claimtrail.Article{{Outlet: "Tarn Echo", Title: "Orlen mill", Text: text}})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{} // content → chain's last source
	for _, c := range l.Claims {
		for _, st := range c.Statements {
			got[st.Content.In(text)] = st.Chain[len(st.Chain)-1].Name
		}
	}
	for content := range got {
		if strings.HasSuffix(content, "U.S") || strings.HasSuffix(content, "U.S.") {
			t.Errorf("a piece cut off before a name is a statement: %q", content)
		}
	}
	for content, speaker := range map[string]string{
		"The Orlen paper mill closed in May":            "Tarn Echo",
		"The last Orlen shift ended at 6 p.m.":          "Tarn Echo",
		"The Orlen site was sold to Tavik Holdings Ltd": "Tarn Echo",
		"300 jobs were lost":                            "Union officials",
		"nobody was hurt":                               "Police",
	} {
		if got[content] == "" || !strings.Contains(got[content], speaker) {
			t.Errorf("no statement %q by %s; got %q", content, speaker, got)
		}
	}
}
