package nlp

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail"
	"github.com/jdkato/prose/v3/tag"
)

// posProbes are sentences with the tokens prose's tagger treats apart
// (emoticons, handles, traces, bracket literals, hyphens, years, digits,
// capitals, non-ASCII words), written for this test.
var posProbes = []string{
	"The committee said on Tuesday that the 2024 budget was 3.5 billion short.",
	"- A re-elected mayor, @citywatch wrote :-) and then :( before 8D .",
	"*T*-1 0 * *-12 *EXP*-3 -LRB- -RRB- -NONE- -",
	"Ünïcödé WORDS Were SHOUTED by the Ministère in Zürich's café.",
	"She told reporters: \"We will not comment,\" according to sources close to the talks.",
	"¯\\(ツ)/¯ (╯°□°）╯︵┻━┻ xD XDD O_o ^___^",
	"1999 +123 -456 12ab 2,000 $5 100% #tag",
	"",
}

// TestPOSTaggerIsProse checks that the tagger gives prose's tags, on the
// probes, every emoticon, and the repository's example and test articles.
func TestPOSTaggerIsProse(t *testing.T) {
	prose, err := tag.New()
	if err != nil {
		t.Fatal(err)
	}
	fast, err := loadPOSTagger()
	if err != nil {
		t.Fatal(err)
	}
	a, err := NewAnalyzer(TagOnly(func([]Token) bool { return false }))
	if err != nil {
		t.Fatal(err)
	}
	var sentences [][]string
	for e := range proseEmoticons {
		sentences = append(sentences, []string{e}, []string{"He", "wrote", e, "again"})
	}
	texts := append([]string(nil), posProbes...)
	for _, pattern := range []string{"../examples/story/*.txt", "../attrib/testdata/*/article.txt"} {
		files, _ := filepath.Glob(pattern)
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			texts = append(texts, string(b))
		}
	}
	if len(texts) < 20 {
		t.Fatalf("only %d texts found", len(texts))
	}
	for _, text := range texts {
		for _, s := range a.seg.Segment(text) {
			var words []string
			for _, tk := range a.tokenize(s.Text) {
				words = append(words, tk.Text)
			}
			sentences = append(sentences, words, strings.Fields(s.Text))
		}
	}
	for _, words := range sentences {
		want := prose.Tag(words)
		got := make([]Token, len(words))
		for i, w := range words {
			got[i].Text = w
		}
		fast.tagTokens(got)
		for i := range words {
			if got[i].Tag != want[i].Tag {
				t.Errorf("%q in %q: tag %q, prose %q", words[i], strings.Join(words, " "), got[i].Tag, want[i].Tag)
			}
		}
	}
}

// BenchmarkTag compares the tagger with prose's on the example story.
func BenchmarkTag(b *testing.B) {
	files, _ := filepath.Glob("../examples/story/*.txt")
	a, err := NewAnalyzer(TagOnly(func([]Token) bool { return false }))
	if err != nil {
		b.Fatal(err)
	}
	var sentences [][]Token
	words := 0
	for _, f := range files {
		text, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		for _, s := range a.seg.Segment(string(text)) {
			var toks []Token
			for _, tk := range a.tokenize(s.Text) {
				toks = append(toks, Token{Text: tk.Text})
			}
			sentences = append(sentences, toks)
			words += len(toks)
		}
	}
	b.Run("claimtrail", func(b *testing.B) {
		for b.Loop() {
			for _, s := range sentences {
				a.tagger.tagTokens(s)
			}
		}
		b.ReportMetric(float64(words*b.N)/b.Elapsed().Seconds(), "words/s")
	})
	b.Run("prose", func(b *testing.B) {
		p, err := tag.New()
		if err != nil {
			b.Fatal(err)
		}
		toks := make([]tag.Token, 0, 256)
		for b.Loop() {
			for _, s := range sentences {
				toks = toks[:0]
				for _, t := range s {
					toks = append(toks, tag.Token{Text: t.Text})
				}
				p.TagTokens(toks)
			}
		}
		b.ReportMetric(float64(words*b.N)/b.Elapsed().Seconds(), "words/s")
	})
}

// TestTokenLower checks that Analyze fills every token's Lower with
// strings.ToLower of its text, ASCII or not.
func TestTokenLower(t *testing.T) {
	a, err := NewAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	text := "İSTANBUL, Straße and the ÉCOLE Normale: NASA's \"Quoted\" WORDS can't Win.\n" +
		"The Minister SAID on Tuesday that ΑΘΗΝΑ and Zürich agreed."
	doc, err := a.Analyze(context.Background(), &claimtrail.Article{ID: "a", Text: text})
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Tokens) < 20 {
		t.Fatalf("only %d tokens", len(doc.Tokens))
	}
	for _, tk := range doc.Tokens {
		if want := strings.ToLower(tk.Text); tk.Lower != want || tk.LowerText() != want {
			t.Errorf("%q: Lower %q, want %q", tk.Text, tk.Lower, want)
		}
	}
	if got := (Token{Text: "ABC"}).LowerText(); got != "abc" {
		t.Errorf("a token built by hand: LowerText %q", got)
	}
}
