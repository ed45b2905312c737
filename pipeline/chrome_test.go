package pipeline

import (
	"context"
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail"
)

// TestChromeStatesNothing: page furniture inside a body (a "continue
// reading" line, a linked headline cut off in mid-phrase, a "read more"
// line) gives no statement, while the body around it still does.
func TestChromeStatesNothing(t *testing.T) {
	p, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	text := "Ferry strike spreads\n\n" +
		"Dock workers in Quayside walked out on Monday, the union said.\n\n" +
		"Continue reading the main story\n\n" +
		"Harbour master Lena Okafor reveals her plan after being pushed to...\n\n" +
		"The port authority called the strike illegal, a spokesman for the authority said.\n\n" +
		"Read more about ferries and the Quayside strike."
	art := claimtrail.Article{ID: "a", Outlet: "Quay Times", Title: "Ferry strike spreads", Text: text, Paragraphs: paragraphsOf(text)}
	an, err := p.Analyze(context.Background(), &art)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, st := range an.Statements {
		got = append(got, st.Content.In(text))
	}
	all := strings.Join(got, " | ")
	for _, furniture := range []string{"main story", "her plan", "ferries and the Quayside strike"} {
		if strings.Contains(all, furniture) {
			t.Errorf("a statement from page furniture (%q): %s", furniture, all)
		}
	}
	for _, body := range []string{"walked out on Monday", "called the strike illegal"} {
		if !strings.Contains(all, body) {
			t.Errorf("no statement %q: %s", body, all)
		}
	}
}
