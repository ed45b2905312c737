package nlp

import (
	"context"
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail"
)

func analyze(t *testing.T, text string, opts ...Option) *Document {
	t.Helper()
	a, err := NewAnalyzer(opts...)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := a.Analyze(context.Background(), &claimtrail.Article{Text: text})
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func TestOffsetsLocateTheirText(t *testing.T) {
	text := "Überlingen’s council met on Monday.\n\n“We agreed,” the mayor said. Nearly 20,000 people watched."
	doc := analyze(t, text)
	for _, tok := range doc.Tokens {
		if got := tok.Span.In(text); got != tok.Text {
			t.Errorf("token %q at %v reads %q", tok.Text, tok.Span, got)
		}
	}
	if len(doc.Sentences) != 3 {
		t.Fatalf("%d sentences, want 3", len(doc.Sentences))
	}
	if doc.Sentences[1].Paragraph != 1 || doc.Sentences[0].Paragraph != 0 {
		t.Errorf("paragraph indexes %d, %d", doc.Sentences[0].Paragraph, doc.Sentences[1].Paragraph)
	}
	if got := doc.SentenceAt(doc.Sentences[2].Start + 3); got != 2 {
		t.Errorf("SentenceAt = %d, want 2", got)
	}
	if got := doc.SentenceAt(len(text) + 10); got != -1 {
		t.Errorf("SentenceAt past the end = %d, want -1", got)
	}
}

func TestEntities(t *testing.T) {
	text := "General Idris Kamran met officials of the Central Intelligence Agency in Cairo, TVR-News 24 reported. " +
		"Reuters said the Ministry of Finance in Islamabad had no comment. Pakistani troops left for Gaza."
	doc := analyze(t, text)
	want := map[string]struct {
		label Label
		key   string
	}{
		"Idris Kamran":                {Person, "kamran"},
		"Central Intelligence Agency": {Organization, "centralintelligenceagency"},
		"Cairo":                       {Place, "egypt"},
		"TVR-News 24":                 {Outlet, "tvrnews24"},
		"Reuters":                     {Outlet, "reuters"},
		"Ministry of Finance":         {Organization, "ministryoffinance"},
		"Islamabad":                   {Place, "pakistan"},
		"Pakistani":                   {Place, "pakistan"},
		"Gaza":                        {Place, "gaza"},
	}
	got := map[string]Entity{}
	for _, e := range doc.Entities {
		got[e.Text] = e
		if e.Span.In(text) != e.Text {
			t.Errorf("entity %q span reads %q", e.Text, e.Span.In(text))
		}
	}
	for name, w := range want {
		e, ok := got[name]
		if !ok {
			t.Errorf("entity %q not found; found %v", name, keys(got))
			continue
		}
		if e.Label != w.label || e.Key != w.key {
			t.Errorf("%q: label %s key %s, want %s %s", name, e.Label, e.Key, w.label, w.key)
		}
	}
	if _, ok := got["General"]; ok {
		t.Error("a title was taken for a name")
	}
}

func keys(m map[string]Entity) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

func TestQuantities(t *testing.T) {
	cases := []struct {
		text     string
		value    float64
		unit     string
		modifier string
	}{
		{"Pakistan will send nearly 20,000 troops.", 20000, "troops", "nearly"},
		{"It has deployed more than 200,000 personnel.", 200000, "personnel", "more than"},
		{"The plan costs $5.2 billion in all.", 5.2e9, "dollars", ""},
		{"Up to 40 operations were counted.", 40, "operations", "up to"},
		{"Turnout was 61 percent.", 61, "percent", ""},
		{"The treaty was signed in 2024.", 2024, "year", ""},
		{"Forty-one people were hurt.", 41, "people", ""},
		{"About seventy-five boats sailed.", 75, "boats", "about"},
	}
	for _, tag := range []bool{true, false} {
		for _, c := range cases {
			var opts []Option
			if !tag {
				opts = append(opts, TagOnly(func([]Token) bool { return false }))
			}
			doc := analyze(t, c.text, opts...)
			if len(doc.Quantities) != 1 {
				t.Errorf("%q (tagged %v): %d quantities, want 1", c.text, tag, len(doc.Quantities))
				continue
			}
			q := doc.Quantities[0]
			if q.Value != c.value || q.Unit != c.unit || q.Modifier != c.modifier {
				t.Errorf("%q (tagged %v): got %v %q %q, want %v %q %q", c.text, tag, q.Value, q.Unit, q.Modifier, c.value, c.unit, c.modifier)
			}
			if !strings.Contains(c.text, q.Text) {
				t.Errorf("quantity text %q not in %q", q.Text, c.text)
			}
		}
	}
}

func TestFoldAndSourceKey(t *testing.T) {
	if Fold("TVR-News 24") != Fold("TVR-News24") || Fold("U.S.") != "us" {
		t.Error("Fold does not join spellings")
	}
	if SourceKey("The Capital Ledger") != SourceKey("Capital Ledger") {
		t.Error("SourceKey keeps a leading 'the'")
	}
	if SourceKey("Theodore") != "theodore" {
		t.Error("SourceKey cut 'the' off a name")
	}
}

func TestTagOnlySkipsSentences(t *testing.T) {
	doc := analyze(t, "The minister said the bridge would reopen. The river is wide.",
		TagOnly(func(toks []Token) bool {
			for _, tk := range toks {
				if tk.Text == "said" {
					return true
				}
			}
			return false
		}))
	if !doc.Sentences[0].Tagged || doc.Sentences[1].Tagged {
		t.Fatalf("tagged = %v, %v; want true, false", doc.Sentences[0].Tagged, doc.Sentences[1].Tagged)
	}
	if doc.Tokens[0].Tag == "" || doc.SentenceTokens(1)[0].Tag != "" {
		t.Error("tags present where they should not be, or missing where they should")
	}
}

func TestAnalyzeCancelled(t *testing.T) {
	a, err := NewAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := a.Analyze(ctx, &claimtrail.Article{Text: "One.\n\nTwo."}); err == nil {
		t.Error("a cancelled context did not stop the analysis")
	}
}

func TestTagSentencesMatchesAnalysis(t *testing.T) {
	text := "The minister said the bridge would reopen in May. Engineers doubt it.\n\nA spokesman declined to comment."
	full, err := NewAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	lazy, err := NewAnalyzer(TagOnly(func([]Token) bool { return false }))
	if err != nil {
		t.Fatal(err)
	}
	want, err := full.Analyze(context.Background(), &claimtrail.Article{Text: text})
	if err != nil {
		t.Fatal(err)
	}
	got, err := lazy.Analyze(context.Background(), &claimtrail.Article{Text: text})
	if err != nil {
		t.Fatal(err)
	}
	if got.Sentences[0].Tagged {
		t.Fatal("sentence 0 tagged before TagSentences")
	}
	lazy.TagSentences(got, 0, 2)
	for si, s := range got.Sentences {
		if s.Tagged != (si < 2) {
			t.Errorf("sentence %d tagged = %v", si, s.Tagged)
		}
		if si >= 2 {
			continue
		}
		for i := s.First; i < s.Last; i++ {
			if got.Tokens[i].Tag != want.Tokens[i].Tag {
				t.Errorf("token %q tagged %q, want %q as in full analysis", got.Tokens[i].Text, got.Tokens[i].Tag, want.Tokens[i].Tag)
			}
		}
	}
	lazy.TagSentences(got, -3, 99) // out of range: clamped, no panic
}

// A quotation that opens a sentence capitalises its first word as the
// sentence would: that word is no name, while a name there still is.
func TestQuoteInitialWordIsNoName(t *testing.T) {
	text := "The ferry left late.\n\n\"Regrettably the crossing took four hours,\" said Ana Morel.\n\n" +
		"“Perhaps nobody checked the engines.” (Regrettably, nobody did.)\n\n\"Morel was right,\" Ivo Danek said."
	doc := analyze(t, text)
	got := map[string]bool{}
	for _, e := range doc.Entities {
		got[e.Text] = true
	}
	for _, w := range []string{"Regrettably", "Perhaps"} {
		if got[w] {
			t.Errorf("%q, opening a quotation, was taken for a name; found %v", w, got)
		}
	}
	for _, w := range []string{"Ana Morel", "Morel", "Ivo Danek"} {
		if !got[w] {
			t.Errorf("name %q not found; found %v", w, got)
		}
	}
}
