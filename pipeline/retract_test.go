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
		text := "The harbour reopened on Monday, officials said.\n\n" + r.example
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
			t.Errorf("%q: got %+v, want one retraction", r.example, got)
			continue
		}
		said := got[0].Content.In(text)
		if strings.Contains(said, "said") || strings.HasSuffix(said, ".") || strings.HasSuffix(said, ")") || len(said) < 10 {
			t.Errorf("%q: retracted %q, want only what was said", r.example, said)
		}
		if got[0].Speaker().Name != "Harbour Times" {
			t.Errorf("%q: retracted by %v, want the outlet", r.example, got[0].Speaker())
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
