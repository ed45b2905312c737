package nlp

import (
	"iter"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"
)

// This file is the one place where claimtrail says what a word is and how
// it is normalised. Every stage that counts, compares or indexes words —
// linking, story assignment, near-copy detection, the store's story and
// search terms, the stance model's features, boilerplate scoring — reads
// them through Words or Terms, so two stages never disagree about where a
// word starts or whether "12,000" and "12000" are the same term.
// (Sentence analysis has its own tokens, with punctuation, from prose:
// Token, in nlp.go.)

// Word is one word of a text.
//
// A word is a maximal run of letters, digits and combining marks. An
// apostrophe (' or ’) between two of them stays inside ("don't",
// "O’Brien"), and so does a "," or "." between two digits ("12,000",
// "3.5"). A possessive "'s" or "’s" that ends a word is not part of it
// ("Reuters’s" is the word "Reuters"), so a name and its possessive are
// one term. Everything else — spaces, punctuation, hyphens, dashes,
// quotation marks, symbols — separates words.
type Word struct {
	// Start and End are the word's byte offsets in the text.
	Start, End int
	// Form is the word folded: lower-cased, ’ written ', and the
	// thousands separators of a number dropped ("12,000" → "12000"; a
	// decimal point stays). It shares the text's bytes when nothing needed
	// folding.
	Form string
	// Flags say what kind of word it is.
	Flags WordFlag
}

// WordFlag describes a word.
type WordFlag uint8

// Word flags.
const (
	// Capitalised: the word's first letter is upper-case in the text.
	Capitalised WordFlag = 1 << iota
	// Number: the word is digits only (with separators between digits).
	Number
	// Apostrophe: the word has an apostrophe inside ("isn't").
	Apostrophe
)

// Words yields the words of text in order.
func Words(text string) iter.Seq[Word] {
	return func(yield func(Word) bool) {
		for i := 0; i < len(text); {
			r, n := decode(text, i)
			if !wordRune(r) {
				i += n
				continue
			}
			w, next := scanWord(text, i)
			if !yield(w) {
				return
			}
			i = next
		}
	}
}

// WordList returns the words of text.
func WordList(text string) []Word {
	var out []Word
	for w := range Words(text) {
		out = append(out, w)
	}
	return out
}

// Forms returns the folded forms of the words of text: the plain terms
// (Terms with no options).
func Forms(text string) []string {
	var out []string
	for w := range Words(text) {
		out = append(out, w.Form)
	}
	return out
}

// decode returns the rune at text[i] and its length, with an ASCII fast
// path.
func decode(text string, i int) (rune, int) {
	if c := text[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(text[i:])
}

func wordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

func digit(r rune) bool { return r >= '0' && r <= '9' || r >= utf8.RuneSelf && unicode.IsDigit(r) }

// scanWord reads the word starting at text[start] (a word rune) and
// returns it with the offset at which scanning goes on (after a skipped
// possessive).
func scanWord(text string, start int) (Word, int) {
	w := Word{Start: start, Flags: Number}
	fold := false // the form differs from the text's bytes
	var last rune
	i := start
	for i < len(text) {
		r, n := decode(text, i)
		switch {
		case wordRune(r):
			if !digit(r) {
				w.Flags &^= Number
			}
			if unicode.IsUpper(r) {
				fold = true
				if i == start {
					w.Flags |= Capitalised
				}
			}
			last = r
			i += n
			continue
		case r == '\'' || r == '’':
			next, m := nextRune(text, i+n)
			if m == 0 || !wordRune(next) {
				break
			}
			if possessive(text, i+n) {
				w.End, w.Form = i, form(text, start, i, fold)
				return w, i + n + m
			}
			w.Flags |= Apostrophe
			w.Flags &^= Number
			fold = fold || r == '’'
			i += n
			continue
		case (r == ',' || r == '.') && digit(last):
			if next, m := nextRune(text, i+n); m > 0 && digit(next) {
				fold = fold || r == ','
				i += n
				continue
			}
		}
		break
	}
	w.End, w.Form = i, form(text, start, i, fold)
	return w, i
}

func nextRune(text string, i int) (rune, int) {
	if i >= len(text) {
		return 0, 0
	}
	return decode(text, i)
}

// possessive reports whether text[i:] is an "s" that ends a word.
func possessive(text string, i int) bool {
	if i >= len(text) || text[i] != 's' && text[i] != 'S' {
		return false
	}
	if i+1 == len(text) {
		return true
	}
	r, _ := decode(text, i+1)
	return !wordRune(r)
}

// form folds text[start:end]: lower case, ’ as ', no "," inside numbers.
func form(text string, start, end int, fold bool) string {
	s := text[start:end]
	if !fold {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch r {
		case '’':
			b.WriteByte('\'')
		case ',':
			// only ever between digits inside a word
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// TermOptions choose the notion of term a stage needs, on top of Word.
// The zero value is the plain notion — every word's folded form — used
// where words are matched verbatim: near-copy shingles (a copy repeats
// its original word for word), the store's story and search terms (the
// full-text engines stem on their own and match the words the user
// typed).
type TermOptions struct {
	// Stem reduces each term to its Snowball (Porter2) English stem, so
	// that "deployed" and "deploys" meet: for comparing propositions worded
	// differently (linking, stance evidence).
	Stem bool
	// MinLen leaves out words shorter than this many bytes: short words
	// are mostly function words and tell two texts apart poorly.
	MinLen int
	// SkipNames leaves out capitalised words: linking carries names as
	// entity features already and would count them twice.
	SkipNames bool
	// Stop leaves out words whose folded form it holds (before stemming).
	Stop map[string]bool
	// Synonyms maps a term (after stemming) to the one term it stands
	// for, so words news uses interchangeably for one event meet.
	Synonyms map[string]string
}

// The named notions of term the stages use.
var (
	// PlainTerms is every word's folded form.
	PlainTerms = TermOptions{}
	// ContentTerms are the stems of words of four bytes or more: the
	// words that say what a claim is about, to find the articles and
	// sentences that use a claim's words (story's stance candidates, the
	// stance judge's evidence coverage).
	ContentTerms = TermOptions{Stem: true, MinLen: 4}
)

// Terms returns the terms of text under o.
func Terms(text string, o TermOptions) []string {
	return NewTermer(o).Append(nil, text)
}

// Termer computes the terms of texts under one TermOptions, remembering
// each word's term: a story repeats its words, and stemming is much of
// the cost. A Termer is not safe for concurrent use.
type Termer struct {
	o     TermOptions
	cache map[string]string
}

// NewTermer returns a Termer for o.
func NewTermer(o TermOptions) *Termer {
	return &Termer{o: o, cache: map[string]string{}}
}

// Append appends the terms of text to dst.
func (t *Termer) Append(dst []string, text string) []string {
	for w := range Words(text) {
		if s := t.Term(w); s != "" {
			dst = append(dst, s)
		}
	}
	return dst
}

// Term returns the term of one word, or "" when the options leave it out.
func (t *Termer) Term(w Word) string {
	if len(w.Form) < t.o.MinLen || t.o.SkipNames && w.Flags&Capitalised != 0 {
		return ""
	}
	if !t.o.Stem && t.o.Stop == nil && t.o.Synonyms == nil {
		return w.Form
	}
	if s, ok := t.cache[w.Form]; ok {
		return s
	}
	s := w.Form
	switch {
	case t.o.Stop[s]:
		s = ""
	case t.o.Stem && w.Flags&Number == 0:
		s = english.Stem(s, false)
	}
	if m, ok := t.o.Synonyms[s]; ok && s != "" {
		s = m
	}
	t.cache[w.Form] = s
	return s
}
