package pipeline

import (
	"context"
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/nlp"
)

// TestRetractions runs every example of the retraction table: each note
// becomes one retraction by the outlet, naming what was withdrawn, and no
// other statement of the note survives.
func TestRetractions(t *testing.T) {
	a, err := nlp.NewAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range retractions {
		for _, example := range r.examples {
			checkRetraction(t, a, example)
		}
	}
	// A paragraph that is no correction note retracts nothing.
	text := "A story published on Monday said the ferry had sunk, the minister complained."
	art := &claimtrail.Article{ID: "a1", Outlet: "Harbour Times", Text: text, Paragraphs: []claimtrail.Span{{Start: 0, End: len(text)}}}
	doc, _ := a.Analyze(context.Background(), art)
	if got := applyRetractions(doc, nil); len(got) != 0 {
		t.Errorf("ordinary paragraph: got %+v, want nothing", got)
	}
}

// TestFigureCorrections runs every example of the figure-correction table:
// the note becomes one retraction by the outlet that negates what the
// figure counts and the old figure, never the new one.
func TestFigureCorrections(t *testing.T) {
	a, err := nlp.NewAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	wants := map[string]string{
		figureCorrections[0].example: "number of passengers 14",
		figureCorrections[1].example: "amount of the council's grant 30 million euros",
	}
	if len(wants) != len(figureCorrections) {
		t.Fatalf("%d examples, %d expectations", len(figureCorrections), len(wants))
	}
	for _, f := range figureCorrections {
		text := "The ferry sank on Monday, officials said.\n\n" + f.example
		art := &claimtrail.Article{ID: "a1", Outlet: "Harbour Times", Text: text,
			Paragraphs: []claimtrail.Span{{Start: 0, End: 41}, {Start: 43, End: len(text)}}}
		doc, err := a.Analyze(context.Background(), art)
		if err != nil {
			t.Fatal(err)
		}
		got := applyRetractions(doc, nil)
		if len(got) != 1 || !got[0].Retracts || got[0].Polarity != claimtrail.Denies {
			t.Errorf("%q: got %+v, want one retraction", f.example, got)
			continue
		}
		if got[0].Negates != wants[f.example] {
			t.Errorf("%q: negates %q, want %q", f.example, got[0].Negates, wants[f.example])
		}
		if got[0].Speaker().Name != "Harbour Times" {
			t.Errorf("%q: retracted by %v, want the outlet", f.example, got[0].Speaker())
		}
	}
}

// TestRetractionsDenyTheirClaims: a correction note denies the claim its
// earlier version made, even where the corrected text restates part of it
// in the outlet's voice, and a figure correction denies the claim giving
// the old figure, not the one giving the new.
func TestRetractionsDenyTheirClaims(t *testing.T) {
	p, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	arts := []claimtrail.Article{
		{Outlet: "Orsa Courier", Title: "Fire reaches Orsa", Text: "Fire reaches Orsa\n\n" +
			"The village of Orsa has been destroyed by the fire, resident Lena Stroud told the Orsa Courier.\n\n" +
			"Hackers stole the records of 3.1 million Velka Bank customers, a person familiar with the bank's investigation said."},
		{Outlet: "Orsa Courier", Title: "Most of Orsa intact", Text: "Most of Orsa intact\n\n" +
			"Most of the village of Orsa is intact after the fire, its mayor, Tomas Lind, said.\n\n" +
			"Velka Bank said the records of 1.3 million customers had been stolen.\n\n" +
			"CORRECTION: An earlier version of this story said the village of Orsa had been destroyed by the fire. That was wrong.\n\n" +
			"(Corrects number of affected customers in the second paragraph of the story of 3 May to 1.3 million from 3.1 million.)"},
	}
	for i := range arts {
		arts[i].ID = string(rune('a' + i))
		arts[i].Paragraphs = paragraphsOf(arts[i].Text)
	}
	l, err := p.Ledger(context.Background(), arts)
	if err != nil {
		t.Fatal(err)
	}
	denied := map[string]bool{}
	for _, c := range l.Claims {
		for _, st := range c.Statements {
			if st.Retracts {
				denied[c.Text] = true
			}
		}
	}
	for _, want := range []string{"destroyed", "3.1 million"} {
		found := false
		for text := range denied {
			found = found || strings.Contains(text, want)
		}
		if !found {
			t.Errorf("no retraction of the claim with %q; retracted: %v", want, denied)
		}
	}
	for text := range denied {
		if strings.Contains(text, "1.3 million") {
			t.Errorf("the corrected figure's claim %q is retracted", text)
		}
	}
}

// paragraphsOf splits a test text at its blank lines.
func paragraphsOf(text string) []claimtrail.Span {
	var out []claimtrail.Span
	start := 0
	for {
		k := strings.Index(text[start:], "\n\n")
		if k < 0 {
			return append(out, claimtrail.Span{Start: start, End: len(text)})
		}
		out = append(out, claimtrail.Span{Start: start, End: start + k})
		start += k + 2
	}
}

// checkRetraction runs one example of the retraction table: the note
// becomes one retraction by the outlet, naming only what was withdrawn,
// and no other statement of the note survives.
func checkRetraction(t *testing.T, a *nlp.Analyzer, example string) {
	t.Helper()
	text := "The harbour reopened on Monday, officials said.\n\n" + example
	art := &claimtrail.Article{ID: "a1", Outlet: "Harbour Times", Text: text,
		Paragraphs: []claimtrail.Span{{Start: 0, End: 47}, {Start: 49, End: len(text)}}}
	doc, err := a.Analyze(context.Background(), art)
	if err != nil {
		t.Fatal(err)
	}
	quoted := claimtrail.Statement{Article: "a1", Content: claimtrail.Span{Start: 49, End: len(text)},
		Sentence: claimtrail.Span{Start: 49, End: len(text)}, Polarity: claimtrail.Asserts}
	got := applyRetractions(doc, []claimtrail.Statement{quoted})
	if len(got) != 1 || !got[0].Retracts || got[0].Polarity != claimtrail.Denies {
		t.Errorf("%q: got %+v, want one retraction", example, got)
		return
	}
	said := got[0].Content.In(text)
	if strings.Contains(said, "said") || strings.HasSuffix(said, ".") || strings.HasSuffix(said, ")") || len(said) < 10 {
		t.Errorf("%q: retracted %q, want only what was said", example, said)
	}
	if got[0].Speaker().Name != "Harbour Times" {
		t.Errorf("%q: retracted by %v, want the outlet", example, got[0].Speaker())
	}
}

// TestReportedRetractions runs every example of a reported retraction:
// the sentence becomes one retraction by the party it names, of what that
// party had said, and the article's outlet is the chain's first link.
func TestReportedRetractions(t *testing.T) {
	for example, party := range reportedRetractionExamples {
		art := &claimtrail.Article{ID: "a1", Outlet: "Quay Post", Text: example}
		st, ok := reportedRetraction(art, claimtrail.Span{Start: 0, End: len(example)})
		if !ok || !st.Retracts || st.Polarity != claimtrail.Denies {
			t.Errorf("%q: got %+v, want a retraction", example, st)
			continue
		}
		if st.Speaker().Name != party || st.Chain[0].Name != "Quay Post" {
			t.Errorf("%q: chain %v, want Quay Post ← %s", example, st.Chain, party)
		}
		said := st.Content.In(example)
		if strings.Contains(said, "retract") || strings.Contains(said, "withdrew") || strings.HasSuffix(said, ".") || strings.Contains(said, "after") {
			t.Errorf("%q: retracted %q, want only what was said", example, said)
		}
	}
	// A retraction of something other than a report is no retraction of a claim.
	for _, s := range []string{"The council has withdrawn its offer to the union.", "The club retracted the contract offer."} {
		if _, ok := reportedRetraction(&claimtrail.Article{ID: "a1", Text: s}, claimtrail.Span{Start: 0, End: len(s)}); ok {
			t.Errorf("%q read as a retraction", s)
		}
	}
}

// TestRetractionCue checks that retractionCue lets through every cue
// reportedRetractionRe can match: each word of its cue group.
func TestRetractionCue(t *testing.T) {
	expr := reportedRetractionRe.String()
	start := strings.Index(expr, "(retracted|")
	if start < 0 {
		t.Fatal("reportedRetractionRe has no cue group (retracted|…)")
	}
	group := expr[start+1 : start+strings.Index(expr[start:], ")")]
	for _, cue := range strings.Split(group, "|") {
		if !retractionCue("They " + cue + " it.") {
			t.Errorf("retractionCue misses %q, a cue of reportedRetractionRe", cue)
		}
	}
}

// TestContrastRetractions runs every example of a correction note that
// contrasts the right figure with the wrong one: one retraction by the
// outlet, negating the statement with the wrong figure.
func TestContrastRetractions(t *testing.T) {
	for example, want := range contrastCorrectionExamples {
		art := &claimtrail.Article{ID: "a1", Outlet: "Orm Ledger", Text: example}
		st, ok := contrastRetraction(art, claimtrail.Span{Start: 0, End: len(example)})
		if !ok || !st.Retracts || st.Negates != want || st.Speaker().Name != "Orm Ledger" {
			t.Errorf("%q: got %v negating %q by %v, want a retraction negating %q", example, ok, st.Negates, st.Chain, want)
		}
	}
}
