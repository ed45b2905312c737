package pipeline

import (
	"context"
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/nlp"
)

// TestDatelines runs every example of the dateline table: the credit is
// found, and the article's own words begin after the dash.
func TestDatelines(t *testing.T) {
	for _, d := range datelines {
		art := &claimtrail.Article{Outlet: "Harbour Times", Text: d.example,
			Paragraphs: []claimtrail.Span{{Start: 0, End: len(d.example)}}}
		name, body, ok := creditOf(art)
		if !ok || name != "Tarn Wire" {
			t.Errorf("%q: credit %q, %v; want Tarn Wire", d.example, name, ok)
			continue
		}
		if rest := d.example[body:]; rest[0] != 'T' {
			t.Errorf("%q: own words start at %q", d.example, rest)
		}
	}
}

// TestCreditCases covers the datelines that are not credits of another
// outlet, and the other shapes of the place.
func TestCreditCases(t *testing.T) {
	cases := []struct {
		outlet, text, want string
	}{
		{"Harbour Times", "DAKAR, Senegal (Tarn Wire) — Rain fell.", "Tarn Wire"},
		{"Harbour Times", "Kesh (Norland) (Tarn Wire) – Rain fell.", "Tarn Wire"},
		{"Harbour Times", "KESH CITY, Feb. 22 (NEWS 24) -- Rain fell.", "NEWS 24"},
		{"Tarn Wire", "KESH (Tarn Wire) — Rain fell.", ""},           // the wire's own story
		{"Associated Tarn", "KESH (AT) — Rain fell.", ""},            // its initials
		{"Harbour Times", "KESH (updated at noon) — Rain fell.", ""}, // not a name
		{"Harbour Times", "Rain fell in Kesh (Norland) - again.", ""},
		{"Harbour Times", "The mayor (Tarn Wire) — said nothing.", ""}, // not a place
	}
	for _, c := range cases {
		art := &claimtrail.Article{Outlet: c.outlet, Text: c.text,
			Paragraphs: []claimtrail.Span{{Start: 0, End: len(c.text)}}}
		name, _, _ := creditOf(art)
		if name != c.want {
			t.Errorf("%q (outlet %s): credit %q, want %q", c.text, c.outlet, name, c.want)
		}
	}
}

// TestApplyCredit checks that the dateline leaves the statements' words
// and that their chains stay the article's own: the ledger, not the
// chain, counts the credited outlet (story.Builder.CreditOf).
func TestApplyCredit(t *testing.T) {
	text := "KESH (Tarn Wire) — The ferry sank on Sunday. The port said it was closed."
	art := &claimtrail.Article{ID: "a1", Outlet: "Harbour Times", Text: text,
		Paragraphs: []claimtrail.Span{{Start: 0, End: len(text)}}}
	own := []claimtrail.Source{{Name: "Harbour Times", Kind: claimtrail.KindOutlet}}
	end := strings.Index(text, " The port")
	stmts := []claimtrail.Statement{{Article: "a1", Content: claimtrail.Span{Start: 0, End: end}, Chain: own}}
	got := applyCredit(&nlp.Document{Article: art}, stmts)
	if s := got[0].Content.In(text); s != "The ferry sank on Sunday." {
		t.Errorf("own words %q, want the dateline cut", s)
	}
	if len(got[0].Chain) != 1 {
		t.Errorf("chain %v, want the article's own", got[0].Chain)
	}
	m := credits([]claimtrail.Article{*art}, []*Analysis{{Doc: &nlp.Document{Article: art}}})
	if m["a1"] != "Tarn Wire" {
		t.Errorf("credits %v, want a1: Tarn Wire", m)
	}
}

// TestTrailers runs every example of the closing-credit table, and the
// lines in that place that are no outlet's credit.
func TestTrailers(t *testing.T) {
	a, err := nlp.NewAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	lead := "The ferry docked two hours late on Sunday, the port said."
	cases := map[string]string{
		"(Reporting by Maria Lindqvist; Editing by Tom Holm)": "",
		"(Reporting by Maria Lindqvist)":                      "",
		"Read more at the port's website.":                    "",
		"(Harbour Times)":                                     "", // the article's own outlet
	}
	for _, tr := range trailers {
		cases[tr.example] = "Tarn Wire"
	}
	for line, want := range cases {
		text := lead + "\n\n" + line
		art := &claimtrail.Article{ID: "a1", Outlet: "Harbour Times", Text: text,
			Paragraphs: []claimtrail.Span{{Start: 0, End: len(lead)}, {Start: len(lead) + 2, End: len(text)}}}
		doc, err := a.Analyze(context.Background(), art)
		if err != nil {
			t.Fatal(err)
		}
		got, _ := creditedOutlet(doc)
		if got != want {
			t.Errorf("%q: credit %q, want %q", line, got, want)
		}
		own := claimtrail.Statement{Article: "a1", Content: claimtrail.Span{Start: 0, End: 40},
			Chain: []claimtrail.Source{{Name: "Harbour Times", Kind: claimtrail.KindOutlet}}}
		note := claimtrail.Statement{Article: "a1", Content: claimtrail.Span{Start: len(lead) + 2, End: len(text)},
			Chain: []claimtrail.Source{{Name: "Harbour Times", Kind: claimtrail.KindOutlet}}}
		out := applyCredit(doc, []claimtrail.Statement{own, note})
		if want != "" && len(out) != 1 {
			t.Errorf("%q: statements %+v, want none of the credit line", line, out)
		}
	}
}
