package stance

import "github.com/claimtrail/claimtrail"

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

// wordByte reports whether c may be part of a word. Bytes of multi-byte
// UTF-8 sequences count as letters, except the general punctuation block
// (curly quotes, dashes), which tokenize handles before calling this.
func wordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || isDigit(c) || c >= 0x80
}

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

// rightQuote reports whether text[i:] starts with ’ (U+2019).
func rightQuote(text string, i int) bool {
	return i+2 < len(text) && text[i] == 0xE2 && text[i+1] == 0x80 && text[i+2] == 0x99
}

// tokenize appends the words of text to dst. A word is a run of letters
// and digits; an apostrophe (' or ’) between letters stays inside it, and
// "," or "." between digits stays inside a number. Hashes are of the
// lower-cased word with apostrophes folded to ' and number separators
// dropped; a trailing possessive "'s" is not part of the word.
func (lx *lexicon) tokenize(dst []token, text string) []token {
	n := len(text)
	for i := 0; i < n; {
		if l := sepLen(text, i); l > 0 {
			i += l
			continue
		}
		if !wordByte(text[i]) {
			i++
			continue
		}
		w := scanWord(text, i)
		i = w.end
		dst = append(dst, lx.wordToken(w))
		// Skip a possessive "'s" or "’s".
		if i < n && text[i] == '\'' && possessive(text, i+1) {
			i += 2
		} else if rightQuote(text, i) && possessive(text, i+3) {
			i += 4
		}
	}
	return dst
}

// wordScan is one word as scanWord read it.
type wordScan struct {
	start, end       int
	length           int    // bytes hashed
	h, prev          uint64 // hash of the word, and before its last byte (for the "s" stem)
	last, beforeLast byte
	number, apos     bool
}

// scanWord reads the word starting at text[i] (see tokenize).
func scanWord(text string, i int) wordScan {
	n := len(text)
	w := wordScan{start: i, h: fnvOffset, prev: fnvOffset, number: true}
	for i < n {
		c := text[i]
		switch {
		case c >= 0x80 && punct3(text, i):
			if !rightQuote(text, i) || i+3 >= n || !wordByte(text[i+3]) || punct3(text, i+3) || w.last == 0 || possessive(text, i+3) {
				w.end = i
				return w
			}
			c, i, w.apos, w.number = '\'', i+2, true, false
		case c == '\'':
			if i+1 >= n || !wordByte(text[i+1]) || punct3(text, i+1) || w.last == 0 || possessive(text, i+1) {
				w.end = i
				return w
			}
			w.apos, w.number = true, false
		case (c == ',' || c == '.') && isDigit(w.last):
			if i+1 < n && isDigit(text[i+1]) {
				i++
				continue // separator inside a number
			}
			w.end = i
			return w
		case !wordByte(c):
			w.end = i
			return w
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
			w.number = false
		case !isDigit(c):
			w.number = false
		}
		w.prev = w.h
		w.h = (w.h ^ uint64(c)) * fnvPrime
		w.beforeLast, w.last = w.last, c
		w.length++
		i++
	}
	w.end = i
	return w
}

// wordToken makes the token of a scanned word: its stem, number flag,
// lexicon categories and contracted negation.
func (lx *lexicon) wordToken(w wordScan) token {
	t := token{start: int32(w.start), end: int32(w.end), hash: w.h, stem: w.h}
	if w.last == 's' && w.length > 3 && w.beforeLast != 's' && w.beforeLast != 'u' && w.beforeLast != 'i' {
		t.stem = w.prev
	}
	if w.number {
		t.flags |= flagNumber
	}
	if e, ok := lx.words[w.h]; ok {
		t.cats = e.cats
		t.flags |= e.flags
	}
	if w.apos && w.last == 't' && w.beforeLast == '\'' {
		t.flags |= flagNeg | flagStop // "isn't", "don't", "can't"
		t.cats |= 1 << catNegation
	}
	return t
}

// possessive reports whether text[i:] is "s" or "S" ending a word.
func possessive(text string, i int) bool {
	return i < len(text) && (text[i] == 's' || text[i] == 'S') &&
		(i+1 == len(text) || !wordByte(text[i+1]) || punct3(text, i+1))
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
