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
// goes to prose as it is, with the same tokens as before. Inside such a
// stretch, a run of one repeated mark becomes tokens of up to runToken
// bytes without prose: a megabyte of full stops is then a few hundred
// tokens, not a million, which later stages would hold in memory.
const (
	maxStretch = 128
	pieceBytes = 64
	runToken   = 4096
)

// wordTokenizer is prose's tokenizer, or a stand-in in tests.
type wordTokenizer interface {
	Tokenize(text string) []tokenize.Token
}

// tokenize is prose's tokenizer in time linear in s, with token offsets
// into s.
func (a *Analyzer) tokenize(s string) []tokenize.Token {
	return tokenizeLinear(plainWords{a.tok}, s)
}

// plainWords is prose's tokenizer with a shortcut for plain words. prose
// splits text at white space and then tests each piece against its
// emoticons, a regular expression for abbreviations, its prefixes,
// contractions and suffixes, one after another, which was most of the time
// it took. A piece of ASCII letters and digits alone matches none of them
// but as a whole (the emoticons "xD", "8D" are such pieces, kept whole
// too), so it is one token as it is; one followed by a comma or full stop
// is two (plainPiece); every other piece, with the white space around it,
// still goes to prose. The tokens are prose's
// (TestPlainWordsIsProse).
type plainWords struct{ tok wordTokenizer }

// Tokenize returns prose's tokens of text.
func (p plainWords) Tokenize(text string) []tokenize.Token {
	out := make([]tokenize.Token, 0, len(text)/5+2)
	from := 0 // text[from:i] is left for prose
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			i += n
			continue
		}
		end, other := i, -1 // other: where the first byte that is no letter or digit is
		for end < len(text) {
			c := text[end]
			if c < utf8.RuneSelf && isAlnum(c) {
				end++
				continue
			}
			r, n := utf8.DecodeRuneInString(text[end:])
			if unicode.IsSpace(r) {
				break
			}
			if other < 0 {
				other = end
			}
			end += n
		}
		if other >= 0 {
			other -= i
		}
		if toks, k := plainPiece(text[i:end], other, i); k > 0 {
			if from < i {
				out = tokenizeAt(p.tok, out, text[from:i], from)
			}
			out = append(out, toks[:k]...)
			from = end
		}
		i = end
	}
	if from < len(text) {
		out = tokenizeAt(p.tok, out, text[from:], from)
	}
	return out
}

// plainPiece returns prose's tokens of a piece of text without white
// space starting at offset at, and how many there are, when it is plain:
// letters and digits alone (one token), or followed by one comma or full
// stop, which prose splits off unless its expression for abbreviations
// keeps the piece whole ("Mr.", "Gen."). It returns 0 tokens for any other
// piece. other is where in piece the first byte that is no ASCII letter or
// digit is, or -1.
func plainPiece(piece string, other, at int) ([2]tokenize.Token, int) {
	var toks [2]tokenize.Token
	switch {
	case other < 0:
		toks[0] = tokenize.Token{Text: piece, Start: at}
		return toks, 1
	case other == 0 || other != len(piece)-1 || piece[other] != ',' && piece[other] != '.':
		return toks, 0
	case piece[other] == '.' && abbreviation(piece[:other]):
		toks[0] = tokenize.Token{Text: piece, Start: at}
		return toks, 1
	}
	toks[0] = tokenize.Token{Text: piece[:other], Start: at}
	toks[1] = tokenize.Token{Text: piece[other:], Start: at + other}
	return toks, 2
}

// abbreviation reports whether w is a capital and one or two small
// letters: with a full stop, prose's tokenizer keeps it one token.
func abbreviation(w string) bool {
	if len(w) < 2 || len(w) > 3 || w[0] < 'A' || w[0] > 'Z' {
		return false
	}
	for i := 1; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return true
}

func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

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
				if run := markRun(s, i, end); run-i > maxStretch {
					for ; i < run; i = min(i+runToken, run) {
						cut := min(i+runToken, run)
						out = append(out, tokenize.Token{Text: s[i:cut], Start: i})
					}
					continue
				}
				cut := pieceEnd(s, i, end)
				if k := runStart(s, i, cut); k > i {
					cut = k // a long run starts inside this piece: stop before it
				}
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

// markRun returns the end of the run of one repeated punctuation mark or
// symbol starting at i (i when s[i:] starts with a letter, digit or space).
func markRun(s string, i, end int) int {
	r, n := utf8.DecodeRuneInString(s[i:])
	if !unicode.IsPunct(r) && !unicode.IsSymbol(r) {
		return i
	}
	j := i + n
	for j+n <= end && s[j:j+n] == s[i:i+n] {
		j += n
	}
	return j
}

// runStart returns where, in s[i:cut], a run of one mark longer than
// maxStretch starts, or i when none does.
func runStart(s string, i, cut int) int {
	for k := i; k < cut; {
		if markRun(s, k, len(s))-k > maxStretch {
			return k
		}
		_, n := utf8.DecodeRuneInString(s[k:])
		k += n
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
