// Package webtest builds small claim ledgers for tests of the web UI and
// the HTML, ClaimReview and CSV renderers. The texts are invented for
// claimtrail; one article is hostile on purpose (markup, script and
// javascript: links in its title, outlet, URL and text) so that tests can
// check everything untrusted renders inert.
package webtest

import (
	"fmt"
	"io"
	"strings"
	"time"

	"golang.org/x/net/html"

	"github.com/claimtrail/claimtrail"
)

// Hostile is a marker that appears in the hostile article's text inside a
// <script> element; a page that contains it unescaped is unsafe.
const Hostile = `<script>alert("pwned")</script>`

// HostileLink is a javascript: link in the hostile article's text.
const HostileLink = `<a href="javascript:alert(1)">read more</a>`

// Ledger returns a fresh three-claim ledger over five articles: c1 is
// contested (asserted on anonymous authority, relayed by a second outlet,
// denied by the port authority), c2 single-source and c3 corroborated.
// Article a5 is the hostile one.
func Ledger() *claimtrail.Ledger {
	day := func(d, h int) time.Time { return time.Date(2026, 3, d, h, 0, 0, 0, time.UTC) }
	arts := []claimtrail.Article{
		{ID: "a1", Outlet: "Harbor Daily", Title: "Port to shut its container terminal on Friday",
			URL: "https://harbor.example/port-shut", Published: day(2, 8),
			Text: "The city port will close its container terminal on Friday, according to officials familiar with the plan.\n\n" +
				"Dock workers were told to expect two weeks without shifts. The union said it had not been consulted."},
		{ID: "a2", Outlet: "Coastal Times", Title: "Report: terminal closure looms",
			URL: "https://coastal.example/closure", Published: day(2, 14),
			Text: "Harbor Daily reported that the city port will close its container terminal on Friday, citing unnamed officials.\n\n" +
				"Shipping firms are rerouting cargo to the northern harbour."},
		{ID: "a3", Outlet: "Metro Wire", Title: "Port authority: no closure planned",
			URL: "https://metro.example/no-closure", Published: day(3, 9),
			Text: "A spokesperson for the Port Authority denied that the terminal would close, calling the reports baseless.\n\n" +
				"Shipping firms are rerouting cargo to the northern harbour, two logistics companies said."},
		{ID: "a4", Outlet: "Bay Ledger", Title: "Rerouting begins", Published: time.Time{},
			Text: "Logistics companies confirmed that shipping firms are rerouting cargo to the northern harbour."},
		{ID: "a5", Outlet: `Evil <img src=x onerror=alert(1)> News`, Title: `<script>alert("title")</script> Breaking`,
			URL: "javascript:alert(1)", Published: day(4, 10),
			Text: "Insiders said the union plans a strike next week. " + Hostile + " " + HostileLink +
				"\n\nMore details to follow."},
	}
	for i := range arts {
		arts[i].Path = arts[i].ID + ".txt"
		arts[i].Paragraphs = paragraphs(arts[i].Text)
	}
	l := &claimtrail.Ledger{Articles: arts}
	st := func(a int, sentence, content, cue string, pol claimtrail.Polarity, chain ...claimtrail.Source) claimtrail.Statement {
		text := arts[a].Text
		s := find(text, sentence, 0)
		return claimtrail.Statement{
			Article: arts[a].ID, Sentence: s,
			Content:  find(text, content, s.Start),
			Cue:      find(text, cue, s.Start),
			Chain:    chain,
			Polarity: pol,
		}
	}
	outlet := func(n string) claimtrail.Source { return claimtrail.Source{Name: n, Kind: claimtrail.KindOutlet} }
	anon := claimtrail.Source{Name: "officials familiar with the plan", Kind: claimtrail.KindAnonymous}
	authority := claimtrail.Source{Name: "Port Authority spokesperson", Kind: claimtrail.KindOfficial}
	logistics := claimtrail.Source{Name: "logistics companies", Kind: claimtrail.KindOrganization}
	insiders := claimtrail.Source{Name: "insiders", Kind: claimtrail.KindAnonymous}

	c1 := claimtrail.Claim{ID: "c1", Text: "The city port will close its container terminal on Friday.",
		Statements: []claimtrail.Statement{
			st(0, "The city port will close its container terminal on Friday, according to officials familiar with the plan.",
				"The city port will close its container terminal on Friday", "according to", claimtrail.Asserts,
				outlet("Harbor Daily"), anon),
			st(1, "Harbor Daily reported that the city port will close its container terminal on Friday, citing unnamed officials.",
				"the city port will close its container terminal on Friday", "reported", claimtrail.Asserts,
				outlet("Coastal Times"), outlet("Harbor Daily"), anon),
			st(2, "A spokesperson for the Port Authority denied that the terminal would close, calling the reports baseless.",
				"the terminal would close", "denied", claimtrail.Denies,
				outlet("Metro Wire"), authority),
		},
		Stances: map[string]claimtrail.Stance{"a1": "asserts", "a2": "reports", "a3": "denies", "a4": "absent", "a5": "absent"},
		Origins: []claimtrail.Source{anon}, DeniedBy: []claimtrail.Source{authority},
		Status: claimtrail.Contested, Flags: []claimtrail.Flag{claimtrail.FlagAnonymousOnly, claimtrail.FlagDeniedBySubject},
	}
	c2 := claimtrail.Claim{ID: "c2", Text: `The union plans a strike next week <script>alert("claim")</script>.`,
		Statements: []claimtrail.Statement{
			st(4, "Insiders said the union plans a strike next week.", "the union plans a strike next week", "said",
				claimtrail.Asserts, outlet(arts[4].Outlet), insiders),
		},
		Stances: map[string]claimtrail.Stance{"a1": "absent", "a2": "absent", "a3": "absent", "a4": "absent", "a5": "asserts"},
		Origins: []claimtrail.Source{insiders}, Status: claimtrail.SingleSource,
		Flags: []claimtrail.Flag{claimtrail.FlagAnonymousOnly},
	}
	rerouting := "shipping firms are rerouting cargo to the northern harbour"
	c3 := claimtrail.Claim{ID: "c3", Text: "Shipping firms are rerouting cargo to the northern harbour.",
		Statements: []claimtrail.Statement{
			st(1, "Shipping firms are rerouting cargo to the northern harbour.", "Shipping firms are rerouting cargo to the northern harbour", "",
				claimtrail.Asserts, outlet("Coastal Times")),
			st(2, "Shipping firms are rerouting cargo to the northern harbour, two logistics companies said.",
				"Shipping firms are rerouting cargo to the northern harbour", "said", claimtrail.Asserts,
				outlet("Metro Wire"), logistics),
			st(3, "Logistics companies confirmed that "+rerouting+".", rerouting, "confirmed", claimtrail.Asserts,
				outlet("Bay Ledger"), logistics),
		},
		Stances: map[string]claimtrail.Stance{"a1": "absent", "a2": "asserts", "a3": "asserts", "a4": "asserts", "a5": "absent"},
		Origins: []claimtrail.Source{outlet("Coastal Times"), logistics}, Status: claimtrail.Corroborated,
	}
	l.Claims = []claimtrail.Claim{c1, c2, c3}
	return l
}

// find returns the span of sub in text at or after from; empty when absent.
func find(text, sub string, from int) claimtrail.Span {
	if sub == "" {
		return claimtrail.Span{}
	}
	i := strings.Index(text[from:], sub)
	if i < 0 {
		return claimtrail.Span{}
	}
	return claimtrail.Span{Start: from + i, End: from + i + len(sub)}
}

// paragraphs splits text at blank lines.
func paragraphs(text string) []claimtrail.Span {
	var ps []claimtrail.Span
	start := 0
	for {
		i := strings.Index(text[start:], "\n\n")
		if i < 0 {
			return append(ps, claimtrail.Span{Start: start, End: len(text)})
		}
		ps = append(ps, claimtrail.Span{Start: start, End: start + i})
		start += i + 2
	}
}

// Inert checks that an HTML document cannot run anything: no inline
// script (a <script> must load a same-origin /static/ file and have no
// body), no event-handler attributes, no javascript: or data: URLs in
// links, sources or form actions, no frames, objects or embeds. It returns
// the first problem found.
func Inert(doc string) error {
	z := html.NewTokenizer(strings.NewReader(doc))
	inScript := false
	for {
		switch z.Next() {
		case html.ErrorToken:
			if z.Err() == io.EOF {
				return nil
			}
			return z.Err()
		case html.TextToken:
			if inScript && strings.TrimSpace(string(z.Text())) != "" {
				return fmt.Errorf("inline script: %.60q", z.Text())
			}
		case html.EndTagToken:
			if name, _ := z.TagName(); string(name) == "script" {
				inScript = false
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			switch tok.Data {
			case "iframe", "object", "embed", "frame", "base":
				return fmt.Errorf("forbidden element <%s>", tok.Data)
			case "script":
				src := attr(tok, "src")
				if !strings.HasPrefix(src, "/static/") {
					return fmt.Errorf("script not from /static/: src=%q", src)
				}
				inScript = true
			}
			for _, a := range tok.Attr {
				k, v := strings.ToLower(a.Key), strings.ToLower(strings.TrimSpace(a.Val))
				if strings.HasPrefix(k, "on") {
					return fmt.Errorf("event handler %s=%q on <%s>", a.Key, a.Val, tok.Data)
				}
				switch k {
				case "href", "src", "action", "formaction", "xlink:href", "hx-get", "hx-post":
					if strings.HasPrefix(v, "javascript:") || strings.HasPrefix(v, "data:") || strings.HasPrefix(v, "vbscript:") {
						return fmt.Errorf("unsafe URL %s=%q on <%s>", a.Key, a.Val, tok.Data)
					}
				}
			}
		}
	}
}

func attr(t html.Token, key string) string {
	for _, a := range t.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}
