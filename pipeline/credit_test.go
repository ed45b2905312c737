package pipeline

import (
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

// TestApplyCredit checks that a credited copy passes its statements
// through the wire: its own voice becomes the wire's, a quoted official is
// quoted through the wire, a chain already through the wire is kept, and
// the dateline leaves the statement's words.
func TestApplyCredit(t *testing.T) {
	text := "KESH (Tarn Wire) — The ferry sank on Sunday. The port said it was closed. Tarn Wire said it rained."
	art := &claimtrail.Article{ID: "a1", Outlet: "Harbour Times", Text: text,
		Paragraphs: []claimtrail.Span{{Start: 0, End: len(text)}}}
	own := []claimtrail.Source{{Name: "Harbour Times", Kind: claimtrail.KindOutlet}}
	port := append(own[:1:1], claimtrail.Source{Name: "port", Kind: claimtrail.KindOrganization})
	wire := append(own[:1:1], claimtrail.Source{Name: "Tarn Wire", Kind: claimtrail.KindOutlet})
	span := func(s string) claimtrail.Span {
		i := strings.Index(text, s)
		return claimtrail.Span{Start: i, End: i + len(s)}
	}
	stmts := []claimtrail.Statement{
		{Article: "a1", Content: claimtrail.Span{Start: 0, End: span("The ferry sank on Sunday").End}, Chain: own},
		{Article: "a1", Content: span("it was closed"), Chain: port},
		{Article: "a1", Content: span("it rained"), Chain: wire},
	}
	got := applyCredit(&nlp.Document{Article: art}, stmts)
	if s := got[0].Content.In(text); s != "The ferry sank on Sunday" {
		t.Errorf("own words %q, want the dateline cut", s)
	}
	want := [][]string{{"Harbour Times", "Tarn Wire"}, {"Harbour Times", "Tarn Wire", "port"}, {"Harbour Times", "Tarn Wire"}}
	for i, w := range want {
		if len(got[i].Chain) != len(w) {
			t.Errorf("statement %d: chain %v, want %v", i, got[i].Chain, w)
			continue
		}
		for k, name := range w {
			if got[i].Chain[k].Name != name {
				t.Errorf("statement %d: chain %v, want %v", i, got[i].Chain, w)
			}
		}
	}
}
