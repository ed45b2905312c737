package nlp

import (
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
