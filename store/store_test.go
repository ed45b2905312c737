package store

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/claimtrail/claimtrail"
)

func TestCanonicalURL(t *testing.T) {
	for in, want := range map[string]string{
		"https://Example.ORG/a/b/":                            "https://example.org/a/b",
		"http://example.org:80/a#frag":                        "http://example.org/a",
		"https://example.org:8443/a":                          "https://example.org:8443/a",
		"https://example.org/a?utm_source=x&b=2&a=1&fbclid=z": "https://example.org/a?a=1&b=2",
		"  https://example.org/a?UTM_Medium=rss ":             "https://example.org/a",
	} {
		got, ok := CanonicalURL(in)
		if !ok || got != want {
			t.Errorf("CanonicalURL(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	for _, bad := range []string{"", "ftp://example.org/x", "/local/file.txt", "example.org/a", "javascript:alert(1)", "http://%zz"} {
		if got, ok := CanonicalURL(bad); ok {
			t.Errorf("CanonicalURL(%q) = %q, want not ok", bad, got)
		}
	}
}

func TestKey(t *testing.T) {
	a := &claimtrail.Article{URL: "https://example.org/x?utm_campaign=1", Text: "Some text."}
	if k := Key(a); k != "url:https://example.org/x" {
		t.Errorf("Key with URL = %q", k)
	}
	b := &claimtrail.Article{Text: "Some   TEXT!"}
	c := &claimtrail.Article{Text: "some text", Path: "other.txt"}
	if Key(b) != Key(c) || !strings.HasPrefix(Key(b), "sha256:") {
		t.Errorf("Key of same words differs: %q vs %q", Key(b), Key(c))
	}
	if Key(b) == Key(&claimtrail.Article{Text: "other text"}) {
		t.Error("different texts share a key")
	}
}

func TestTerms(t *testing.T) {
	a := &claimtrail.Article{
		Title: "The Velmora bridge closes",
		Text:  "Idris Okafor said the Velmora bridge closes. The ministry said Okafor was right. But The reporters said.",
	}
	got := Terms(a, Analysis{})
	want := map[string]bool{"e:velmora": true, "e:okafor": true, "e:idris": true, "w:velmora": true, "w:bridge": true, "w:closes": true}
	for _, term := range got {
		if !want[term] {
			t.Errorf("unexpected term %q in %v", term, got)
		}
		delete(want, term)
	}
	if len(want) > 0 {
		t.Errorf("missing terms %v in %v", want, got)
	}
	// The outlet's own name in a title ties nothing.
	got = Terms(&claimtrail.Article{Title: "Harbour closes - Valley Herald", Outlet: "Valley Herald"}, Analysis{})
	if strings.Join(got, "|") != "w:closes|w:harbour" {
		t.Errorf("Terms with the outlet in the title = %v", got)
	}
	// Entities from the analysis replace capitalised words; speakers count.
	an := Analysis{
		Entities: []string{"Kestrel Structures", "the", "Kestrel  Structures"},
		Statements: []claimtrail.Statement{{Chain: []claimtrail.Source{
			{Name: "Daily Planet", Kind: claimtrail.KindOutlet},
			{Name: "Idris Okafor", Kind: claimtrail.KindOfficial},
		}}},
	}
	got = Terms(&claimtrail.Article{Text: "Nothing Capitalised Counts here."}, an)
	if strings.Join(got, "|") != "e:idris okafor|e:kestrel structures" {
		t.Errorf("Terms with analysis = %v", got)
	}
}

func TestTermsBounded(t *testing.T) {
	var b strings.Builder
	for i := range 500 {
		b.WriteString("Name")
		b.WriteRune(rune('A' + i%26))
		b.WriteRune(rune('a' + i/26))
		b.WriteString(" went. ")
	}
	a := &claimtrail.Article{Title: strings.Repeat("longword ", 3) + "alpha beta gamma delta epsilon zeta theta iota kappa", Text: b.String()}
	if got := Terms(a, Analysis{}); len(got) > maxEntityTerms+maxTitleTerms {
		t.Errorf("%d terms, want at most %d", len(got), maxEntityTerms+maxTitleTerms)
	}
}

func TestStoryTitle(t *testing.T) {
	if got := storyTitle(&claimtrail.Article{Title: " Headline ", Text: "x"}); got != "Headline" {
		t.Errorf("storyTitle = %q", got)
	}
	long := strings.Repeat("wörd ", 40)
	got := storyTitle(&claimtrail.Article{Text: long})
	if len(got) > 90 || !strings.HasSuffix(got, "…") || !utf8.ValidString(got) {
		t.Errorf("storyTitle of a long text = %q", got)
	}
}

func TestSummarize(t *testing.T) {
	l := &claimtrail.Ledger{Claims: []claimtrail.Claim{
		{ID: "c1", Text: "\x80\xa6 cut inside a character", Status: claimtrail.Contested},
		{ID: "c2", Text: "fine", Status: claimtrail.Corroborated},
	}}
	s := Summarize(l)
	if len(s.Claims) != 2 || s.Claims[0].Text != "cut inside a character" || !utf8.ValidString(s.Claims[0].Text) {
		t.Errorf("Summarize = %+v", s)
	}
	if s.Contested() != 1 {
		t.Errorf("Contested = %d, want 1", s.Contested())
	}
}

func FuzzCanonicalURL(f *testing.F) {
	f.Add("https://example.org/a?b=1#c")
	f.Add("http://[::1]:80/x")
	f.Fuzz(func(t *testing.T, s string) {
		u, ok := CanonicalURL(s)
		if !ok {
			return
		}
		again, ok := CanonicalURL(u)
		if !ok || again != u {
			t.Fatalf("CanonicalURL not idempotent: %q -> %q -> %q (%v)", s, u, again, ok)
		}
	})
}

// TestSummarizeCountsClaimsToCheck checks that a story's claim count
// leaves out the asides, which stay in the summary for search.
func TestSummarizeCountsClaimsToCheck(t *testing.T) {
	l := &claimtrail.Ledger{Claims: []claimtrail.Claim{
		{ID: "c1", Text: "The ferry sank off Portvale", Status: claimtrail.Contested},
		{ID: "c2", Text: "It is a disgrace", Status: claimtrail.SingleSource, Aside: true, AsideKind: "opinion"},
	}}
	s := Summarize(l)
	if len(s.Claims) != 2 || !s.Claims[1].Aside {
		t.Fatalf("summary %+v: want both claims, the second an aside", s.Claims)
	}
	if s.ToCheck() != 1 || s.Contested() != 1 {
		t.Errorf("to check %d, contested %d; want 1, 1", s.ToCheck(), s.Contested())
	}
}
