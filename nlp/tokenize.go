package nlp

import (
	"unicode"
	"unicode/utf8"

	"github.com/jdkato/prose/v3/tokenize"
)

// Prose's tokenizer peels prefixes and suffixes off each whitespace-free
// stretch one at a time, testing the rest against a regular expression each
// time: a stretch of n punctuation marks ("....", "((((", "““““") costs time
// in n². No word or URL in prose is that long, so a stretch over
// maxStretch bytes is handed over in pieces of pieceBytes; everything else
// goes to prose as it is, with the same tokens as before.
const (
	maxStretch = 128
	pieceBytes = 64
)

// wordTokenizer is prose's tokenizer, or a stand-in in tests.
type wordTokenizer interface {
	Tokenize(text string) []tokenize.Token
}

// tokenize is prose's tokenizer in time linear in s, with token offsets
// into s.
func (a *Analyzer) tokenize(s string) []tokenize.Token { return tokenizeLinear(a.tok, s) }

// tokenizeLinear runs tok over s, handing it long stretches in pieces.
func tokenizeLinear(tok wordTokenizer, s string) []tokenize.Token {
	var out []tokenize.Token
	from := 0 // s[:from] is tokenized
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			i += n
			continue
		}
		end := stretchEnd(s, i)
		if end-i > maxStretch {
			out = tokenizeAt(tok, out, s[from:i], from)
			for i < end {
				cut := pieceEnd(s, i, end)
				out = tokenizeAt(tok, out, s[i:cut], i)
				i = cut
			}
			from = end
		}
		i = end
	}
	if from == 0 {
		return tok.Tokenize(s)
	}
	return tokenizeAt(tok, out, s[from:], from)
}

// tokenizeAt appends the tokens of text, which starts at offset base.
func tokenizeAt(tok wordTokenizer, out []tokenize.Token, text string, base int) []tokenize.Token {
	for _, t := range tok.Tokenize(text) {
		t.Start += base
		out = append(out, t)
	}
	return out
}

// stretchEnd returns the end of the whitespace-free stretch starting at i.
func stretchEnd(s string, i int) int {
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			break
		}
		i += n
	}
	return i
}

// pieceEnd returns where the piece of a long stretch that starts at i ends:
// pieceBytes on, moved back to the start of a character, or end.
func pieceEnd(s string, i, end int) int {
	cut := i + pieceBytes
	if cut >= end {
		return end
	}
	for cut > i+1 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return cut
}
