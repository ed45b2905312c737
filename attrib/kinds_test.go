package attrib

import (
	"context"
	"testing"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/nlp"
)

// TestLookalikeKinds: names and words that look like a person's or an
// outlet's are typed as what they are (documentAuthorKinds, the org
// endings of a person-shaped name, groupWord, first and second person
// pronouns).
func TestLookalikeKinds(t *testing.T) {
	an, err := nlp.NewAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		text, name string
		kind       claimtrail.SourceKind
	}{
		{"A study by the Halvard Institute found that the terminal handled 40 percent of the grain.", "Halvard Institute", claimtrail.KindOrganization},
		{"The Veldt University study found that bread prices would rise.", "Veldt University", claimtrail.KindOrganization},
		{"The Lantern report said the ferry was late.", "Lantern", claimtrail.KindOutlet},
		{"The Fenwick study said ferry inspections had fallen by half.", "Fenwick study", claimtrail.KindDocument},
		{"The Orsk audit said the ferry was late.", "Orsk audit", claimtrail.KindDocument},
		{"Talvo International said the port had hidden the figures.", "Talvo International", claimtrail.KindOrganization},
		{"Others have said the ferry was late.", "Others", claimtrail.KindAnonymous},
		{"Sunniva Velt: You say the ferry was late.", "Test Wire", claimtrail.KindOutlet},
		{"Last week the US said it had attempted a rescue.", "US", claimtrail.KindOrganization},
		// A public body by its head word, not an outlet ("agency") nor a company.
		{"Halvik's Medicines Agency said the batch was safe.", "Halvik's Medicines Agency", claimtrail.KindOfficial},
		{"The Orvel Revenue Service said the audit was over.", "Orvel Revenue Service", claimtrail.KindOfficial},
		{"The Tarn fire service said the blaze was arson.", "Tarn fire service", claimtrail.KindOfficial},
		// A named role is an office of a named body, not an anonymous source.
		{"The wing will close, said the director of the Pascoe Museum.", "director of the Pascoe Museum", claimtrail.KindOfficial},
		{"The head of Orvel's fire service said the blaze was arson.", "head of Orvel's fire service", claimtrail.KindOfficial},
		{"A museum official said the roof leaked.", "museum official", claimtrail.KindAnonymous},
		{"A director at the Pascoe Museum said the roof leaked.", "director at the Pascoe Museum", claimtrail.KindAnonymous},
		// People who saw something report it; they are no outlet.
		{"Residents of Varro reported shelling near the bridge.", "Residents of Varro", claimtrail.KindAnonymous},
	} {
		last, ok := lastStatement(t, an, tc.text)
		if !ok {
			t.Errorf("%q: no statements", tc.text)
			continue
		}
		got := last.Speaker()
		if got.Name != tc.name || got.Kind != tc.kind {
			t.Errorf("%q: spoken by %q (%s), want %q (%s)", tc.text, got.Name, got.Kind, tc.name, tc.kind)
		}
	}
}

// TestChannelSpeaker: a lawyer, spokesman or statement a speaker talks
// through is a channel, not the source: the pronoun or surname resolves to
// the person, with another person of the other gender speaking last.
func TestChannelSpeaker(t *testing.T) {
	an, err := nlp.NewAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	intro := "Ferry operator Astrid Solvik was questioned by police on Monday. Port warden Rune Bjerke said the ferry had left without clearance.\n\n"
	for _, tc := range []struct{ text, want string }{
		{"The ferry had been cleared by the coast guard, she said through her lawyer.", "Astrid Solvik"},
		{"Bjerke told reporters via a spokesman, Ole Brand, that the logs had been altered.", "Rune Bjerke"},
		{"Solvik said in a statement issued by her lawyer, Lisbet Vinn, that the logs were intact.", "Astrid Solvik"},
	} {
		text := intro + tc.text
		last, ok := lastStatement(t, an, text)
		if !ok {
			t.Fatalf("%q: no statements", text)
		}
		if got := last.Speaker().Name; got != tc.want || len(last.Chain) != 2 {
			t.Errorf("%q: chain %v, want the outlet and %q", tc.text, last.Chain, tc.want)
		}
	}
}

// lastStatement analyses text as an article of "Test Wire" and returns the
// last statement the extractor finds in it, or false when it finds none.
func lastStatement(t *testing.T, an *nlp.Analyzer, text string) (claimtrail.Statement, bool) {
	t.Helper()
	doc, err := an.Analyze(context.Background(), &claimtrail.Article{Text: text, Outlet: "Test Wire"})
	if err != nil {
		t.Fatal(err)
	}
	sts := New().Extract(doc)
	if len(sts) == 0 {
		return claimtrail.Statement{}, false
	}
	return sts[len(sts)-1], true
}
