package stance

import (
	"strings"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/nlp"
)

// token is one word of a text: its byte span, a hash of its lower-cased
// form (hash) and of that form with a plural or possessive "s" cut (stem),
// and what the lexicons say about it.
type token struct {
	start, end int32
	hash       uint64 // exact lower-cased word, for the lexicons
	stem       uint64 // light stem, for overlap between claim and body
	cats       uint16 // lexicon categories (bit per cat)
	flags      uint8
}

const (
	flagNumber uint8 = 1 << iota // all digits (with , or . between digits)
	flagStop                     // function word
	flagNeg                      // negation ("not", "no", "isn't")
)

const (
	fnvOffset uint64 = 14695981039346656037
	fnvPrime  uint64 = 1099511628211
)

// hashWord hashes a lower-case ASCII word the way tokenize hashes tokens.
func hashWord(w string) uint64 {
	h := fnvOffset
	for i := 0; i < len(w); i++ {
		h = (h ^ uint64(w[i])) * fnvPrime
	}
	return h
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// sepLen returns the length of the multi-byte separator that text[i:]
// starts with, or 0: a character of the U+2000–U+206F general punctuation
// block (curly quotes, dashes, thin spaces), a no-break space or « ».
func sepLen(text string, i int) int {
	if i+1 >= len(text) {
		return 0
	}
	switch text[i] {
	case 0xE2:
		if i+2 < len(text) && (text[i+1] == 0x80 || text[i+1] == 0x81) {
			return 3
		}
	case 0xC2:
		if c := text[i+1]; c == 0xA0 || c == 0xAB || c == 0xBB {
			return 2
		}
	}
	return 0
}

func punct3(text string, i int) bool { return sepLen(text, i) > 0 }

// tokenize appends the words of text to dst: nlp's words under the notion
// the model was trained on (nlp.StanceWords), hashed by their folded form
// ("AREN’T" → "aren't", "20,000" → "20000"),
// with a light stem that cuts a plural "s", and what the lexicons say
// about them.
func (lx *lexicon) tokenize(dst []token, text string) []token {
	for w := range nlp.WordsWith(text, nlp.StanceWords) {
		h, prev := fnvOffset, fnvOffset // prev: hash before the last byte, for the "s" stem
		for i := 0; i < len(w.Form); i++ {
			prev = h
			h = (h ^ uint64(w.Form[i])) * fnvPrime
		}
		t := token{start: int32(w.Start), end: int32(w.End), hash: h, stem: h}
		if n := len(w.Form); n > 3 && w.Form[n-1] == 's' {
			if c := w.Form[n-2]; c != 's' && c != 'u' && c != 'i' {
				t.stem = prev
			}
		}
		if w.Flags&nlp.Number != 0 {
			t.flags |= flagNumber
		}
		if e, ok := lx.words[h]; ok {
			t.cats = e.cats
			t.flags |= e.flags
		}
		if w.Flags&nlp.Apostrophe != 0 && strings.HasSuffix(w.Form, "'t") {
			t.flags |= flagNeg | flagStop // "isn't", "don't", "can't"
			t.cats |= 1 << catNegation
		}
		dst = append(dst, t)
	}
	return dst
}

// abbreviations end with a period that does not end a sentence.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "st": true, "jr": true, "sr": true,
	"vs": true, "prof": true, "gen": true, "sen": true, "rep": true, "gov": true, "lt": true,
	"col": true, "sgt": true, "capt": true, "no": true, "inc": true, "co": true, "corp": true,
	"ltd": true, "jan": true, "feb": true, "aug": true, "sept": true, "oct": true, "nov": true,
	"dec": true, "approx": true, "est": true, "fig": true, "rev": true,
}

// sentences splits text into sentence spans: a sentence ends at ".", "!"
// or "?" (with any closing quotes or brackets) followed by white space and
// a capital, digit or opening quote, or at a line break. Periods after an
// abbreviation or a single letter ("U.S.") do not end sentences. Spans are
// trimmed of surrounding white space; empty ones are dropped.
func sentences(dst []claimtrail.Span, text string) []claimtrail.Span {
	start := 0
	emit := func(end int) {
		s, e := start, end
		for s < e && isSpace(text[s]) {
			s++
		}
		for e > s && isSpace(text[e-1]) {
			e--
		}
		if e > s {
			dst = append(dst, claimtrail.Span{Start: s, End: e})
		}
		start = end
	}
	n := len(text)
	for i := 0; i < n; i++ {
		c := text[i]
		switch c {
		case '\n':
			emit(i + 1)
		case '.', '!', '?':
			j := i + 1
			for j < n && (text[j] == '"' || text[j] == '\'' || text[j] == ')' || text[j] == '.' || text[j] == '!' || text[j] == '?' || punct3(text, j)) {
				if l := sepLen(text, j); l > 0 {
					j += l
				} else {
					j++
				}
			}
			if j >= n {
				break
			}
			if !isSpace(text[j]) {
				i = j - 1
				break
			}
			k := j
			for k < n && (text[k] == ' ' || text[k] == '\t') {
				k++
			}
			if k < n && !startsSentence(text, k) {
				i = j - 1
				break
			}
			if c == '.' && abbreviationBefore(text, i) {
				i = j - 1
				break
			}
			emit(j)
			i = j - 1
		}
	}
	emit(n)
	return dst
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v'
}

func startsSentence(text string, k int) bool {
	c := text[k]
	return c >= 'A' && c <= 'Z' || isDigit(c) || c == '"' || c == '\'' || c == '(' || c == '\r' || c == '\n' || c >= 0x80
}

// abbreviationBefore reports whether the word ending at text[i] (a period)
// is a known abbreviation or a single letter.
func abbreviationBefore(text string, i int) bool {
	j := i
	for j > 0 && (text[j-1] >= 'a' && text[j-1] <= 'z' || text[j-1] >= 'A' && text[j-1] <= 'Z') {
		j--
	}
	w := text[j:i]
	if len(w) == 1 {
		return true
	}
	if len(w) == 0 || len(w) > 6 {
		return false
	}
	var buf [6]byte
	for k := 0; k < len(w); k++ {
		c := w[k]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[k] = c
	}
	return abbreviations[string(buf[:len(w)])]
}
