package nlp

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/jdkato/prose/v3/tokenize"
)

// spyTokenizer records the longest whitespace-free stretch prose is given.
type spyTokenizer struct {
	tok     *tokenize.Tokenizer
	longest int
}

func (s *spyTokenizer) Tokenize(text string) []tokenize.Token {
	for _, f := range strings.FieldsFunc(text, unicode.IsSpace) {
		s.longest = max(s.longest, len(f))
	}
	return s.tok.Tokenize(text)
}

func TestTokenizeLongRuns(t *testing.T) {
	for _, mark := range []string{".", "(", "“", "a.", "-", ".,"} {
		text := "The ferry was late. " + strings.Repeat(mark, 80_000) + " Radio Vennick reported it."
		spy := &spyTokenizer{tok: tokenize.New()}
		toks := tokenizeLinear(spy, text)
		if utf8.RuneCountInString(mark) == 1 && len(toks) > 100 {
			t.Errorf("%q: %d tokens for a run of one mark, want a few (each costs memory later)", mark, len(toks))
		}
		if spy.longest > maxStretch {
			t.Errorf("%q: prose was given a stretch of %d bytes, want at most %d (its time grows with the square)", mark, spy.longest, maxStretch)
		}
		var words []string
		for _, tk := range toks {
			if tk.Text != text[tk.Start:tk.End()] {
				t.Fatalf("%q: token %q at %d holds %q", mark, tk.Text, tk.Start, text[tk.Start:tk.End()])
			}
			if strings.IndexFunc(tk.Text, unicode.IsUpper) >= 0 || strings.IndexFunc(tk.Text, unicode.IsLetter) >= 0 && !strings.Contains(tk.Text, ".") {
				words = append(words, tk.Text)
			}
		}
		if got := strings.Join(words, " "); !strings.HasPrefix(got, "The ferry was late") || !strings.HasSuffix(got, "Radio Vennick reported it") {
			t.Errorf("%q: words around the run: %q", mark, got)
		}
	}
}

// TestTokenizeOrdinaryText checks that text without a long stretch gets
// exactly prose's tokens, long URLs included.
func TestTokenizeOrdinaryText(t *testing.T) {
	text := "“We don't know,” said Dr. Ilse Varga (the mayor's aide) at https://example.org/news/2024/03/harbour-" +
		strings.Repeat("x", 60) + "?id=7 — about $4.5 million... really?!"
	want := tokenize.New().Tokenize(text)
	got := tokenizeLinear(&spyTokenizer{tok: tokenize.New()}, text)
	if len(got) != len(want) {
		t.Fatalf("%d tokens, prose gives %d", len(got), len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("token %d: %+v, prose gives %+v", i, got[i], want[i])
		}
	}
}

// plainWordsProbes are texts whose pieces prose treats apart: emoticons
// made of letters, abbreviations, contractions, affixes, URLs, non-ASCII
// letters and spaces, invalid UTF-8.
var plainWordsProbes = []string{
	"xD XDD 8D xDD :-) (o: U.S. Mr. Dr. Ms. e.g. i.e. A.B.C.",
	"Mr. Mrs. MR. Gen. Sept. Ab. AB. aB. A. a. 8D. xD, Dr, 2024. 3,5 No., end,. ,lead .lead x.. y,,",
	"They'll say we don't know; it’s the mayor’s aide (Dr. Ilse Varga) who won't.",
	"“Quoted,” ‘single’ [brackets] $4.5bn 10% #tag @handle http://example.org/a?b=c",
	"Zürich\u00a0café\u2003naïve\tword\nnext  line   ",
	"bad \xff\xfe bytes and\xc3 cut",
	"1990s COVID19 abc123 A1 2024",
	"",
	"   ",
	"end.",
}

// TestPlainWordsIsProse checks that the plain-word shortcut gives prose's
// tokens.
func TestPlainWordsIsProse(t *testing.T) {
	texts := append([]string(nil), plainWordsProbes...)
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
	for _, text := range texts {
		checkPlainWords(t, text)
	}
}

// FuzzPlainWords checks the shortcut against prose on any text.
func FuzzPlainWords(f *testing.F) {
	for _, p := range plainWordsProbes {
		f.Add(p)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if len(text) > 512 {
			text = text[:512] // prose is quadratic in a long piece
		}
		checkPlainWords(t, text)
	})
}

func checkPlainWords(t *testing.T, text string) {
	t.Helper()
	prose := tokenize.New()
	want := prose.Tokenize(text)
	got := plainWords{prose}.Tokenize(text)
	if len(got) != len(want) {
		t.Fatalf("%q: %d tokens, prose gives %d", text, len(got), len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("%q: token %d %+v, prose gives %+v", text, i, got[i], want[i])
		}
	}
}
