package render

import (
	"bytes"
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail"
)

// attributionLedger is contractLedger with one attribution that is no
// claim in an article on the story and one in the off-story article.
func attributionLedger() *claimtrail.Ledger {
	l := contractLedger()
	text := "Admiral Ida Renk hopes to refloat the Aldis on Friday."
	l.Articles = append(l.Articles, claimtrail.Article{ID: "a3", Outlet: "Coast Wire", Text: text})
	l.Attributions = []claimtrail.Attribution{
		{Article: "a2", Cue: claimtrail.Span{Start: 6, End: 11}, Content: claimtrail.Span{Start: 0, End: 5}, Reason: claimtrail.ReasonNoSource},
		{
			Article: "a3", Source: claimtrail.Span{Start: 0, End: 16}, Cue: claimtrail.Span{Start: 17, End: 22},
			Content: claimtrail.Span{Start: 23, End: 53}, Sentence: claimtrail.Span{Start: 0, End: 54},
			Chain:  []claimtrail.Source{{Name: "Coast Wire", Kind: claimtrail.KindOutlet}, {Name: "Ida Renk", Kind: claimtrail.KindPerson}},
			Reason: claimtrail.ReasonPlan,
		},
	}
	return l
}

// TestViewsListAttributions checks that the text, Markdown and HTML views
// list the attributions that are no claims, with their reason, only when
// asked (--all), that the text view counts them otherwise, and that the
// off-story article's are left out.
func TestViewsListAttributions(t *testing.T) {
	l := attributionLedger()
	views := map[string]func(all bool) (string, error){
		"text": func(all bool) (string, error) {
			var b bytes.Buffer
			err := Text(&b, l, TextOptions{All: all})
			return b.String(), err
		},
		"markdown": func(all bool) (string, error) {
			var b bytes.Buffer
			err := MarkdownWith(&b, l, MarkdownOptions{All: all})
			return b.String(), err
		},
		"html": func(all bool) (string, error) {
			var b bytes.Buffer
			err := HTMLWith(&b, l, HTMLOptions{All: all})
			return b.String(), err
		},
	}
	for name, view := range views {
		all, err := view(true)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, want := range []string{"Other attributions (not ledger claims)", "to refloat the Aldis on Friday", "plan", "Coast Wire ← Ida Renk"} {
			if !strings.Contains(all, want) {
				t.Errorf("%s --all lacks %q", name, want)
			}
		}
		if strings.Contains(all, "no-source") {
			t.Errorf("%s --all lists the off-story article's attribution", name)
		}
		plain, err := view(false)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if strings.Contains(plain, "to refloat") {
			t.Errorf("%s lists the attributions without --all", name)
		}
		if name == "text" && !strings.Contains(plain, "1 other attribution not listed") {
			t.Errorf("text view does not count the attribution it leaves out:\n%s", plain)
		}
	}
}
