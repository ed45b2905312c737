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

// WordOptions vary the notion of word for a stage that truly needs
// another; the zero value is claimtrail's notion, described at Word.
type WordOptions struct {
	// Symbols makes every character outside ASCII part of words, except
	// the general punctuation block U+2000–U+207F (curly quotes, dashes,
	// thin spaces), the no-break space and « », so "£50" or "°C" stay
	// glued to their word.
	Symbols bool
	// ASCIIFold lower-cases ASCII letters only.
	ASCIIFold bool
	// NumberPoints drops a "." between digits from the form, as it does
	// ",": "3.5" becomes "35".
	NumberPoints bool
}

// StanceWords is the notion of word the shipped stance model was trained
// on (stance's own fast byte tokenizer, before claimtrail had one notion).
// Its features hash these forms, so the model must see the same ones:
// retrained on the plain notion, it scored better on the body hold-out
// (87.00 % FNC relative against 86.51 %) but worse on unseen stories
// (75.67 % against 75.81 %) and on disagree (F1 0.343 against 0.364), the
// weak spot docs/stance.md is watched on.
var StanceWords = WordOptions{Symbols: true, ASCIIFold: true, NumberPoints: true}

// Words yields the words of text in order.
func Words(text string) iter.Seq[Word] { return WordsWith(text, WordOptions{}) }

// WordsWith yields the words of text in order under o.
func WordsWith(text string, o WordOptions) iter.Seq[Word] {
	return func(yield func(Word) bool) {
		for i := 0; i < len(text); {
			r, n := decode(text, i)
			if !o.wordRune(r) {
				i += n
				continue
			}
			w, next := o.scanWord(text, i)
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

func (o WordOptions) wordRune(r rune) bool {
	switch {
	case r < utf8.RuneSelf:
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
	case o.Symbols:
		return !(r >= 0x2000 && r <= 0x207F || r == 0xA0 || r == 0xAB || r == 0xBB)
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

func (o WordOptions) digit(r rune) bool {
	return r >= '0' && r <= '9' || !o.Symbols && r >= utf8.RuneSelf && unicode.IsDigit(r)
}

// scanWord reads the word starting at text[start] (a word rune) and
// returns it with the offset at which scanning goes on (after a skipped
// possessive).
func (o WordOptions) scanWord(text string, start int) (Word, int) {
	w := Word{Start: start, Flags: Number}
	fold := false // the form differs from the text's bytes
	var last rune
	i := start
	for i < len(text) {
		r, n := decode(text, i)
		switch {
		case o.wordRune(r):
			if !o.digit(r) {
				w.Flags &^= Number
			}
			if r < utf8.RuneSelf && r >= 'A' && r <= 'Z' || r >= utf8.RuneSelf && unicode.IsUpper(r) {
				fold = fold || r < utf8.RuneSelf || !o.ASCIIFold
				if i == start {
					w.Flags |= Capitalised
				}
			}
			last = r
			i += n
			continue
		case r == '\'' || r == '’':
			next, m := nextRune(text, i+n)
			if m == 0 || !o.wordRune(next) {
				break
			}
			if o.possessive(text, i+n) {
				w.End, w.Form = i, o.form(text, start, i, fold)
				return w, i + n + m
			}
			w.Flags |= Apostrophe
			w.Flags &^= Number
			fold = fold || r == '’'
			i += n
			continue
		case (r == ',' || r == '.') && o.digit(last):
			if next, m := nextRune(text, i+n); m > 0 && o.digit(next) {
				fold = fold || r == ',' || o.NumberPoints
				i += n
				continue
			}
		}
		break
	}
	w.End, w.Form = i, o.form(text, start, i, fold)
	return w, i
}

func nextRune(text string, i int) (rune, int) {
	if i >= len(text) {
		return 0, 0
	}
	return decode(text, i)
}

// possessive reports whether text[i:] is an "s" that ends a word.
func (o WordOptions) possessive(text string, i int) bool {
	if i >= len(text) || text[i] != 's' && text[i] != 'S' {
		return false
	}
	if i+1 == len(text) {
		return true
	}
	r, _ := decode(text, i+1)
	return !o.wordRune(r)
}

// form folds text[start:end]: lower case, ’ as ', no "," (nor, with
// NumberPoints, ".") inside numbers.
func (o WordOptions) form(text string, start, end int, fold bool) string {
	s := text[start:end]
	if !fold {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '’':
			b.WriteByte('\'')
		case r == ',', r == '.':
			// only ever between digits inside a word
			if !o.NumberPoints && r == '.' {
				b.WriteByte('.')
			}
		case r < utf8.RuneSelf && r >= 'A' && r <= 'Z':
			b.WriteByte(byte(r) + 'a' - 'A')
		case r >= utf8.RuneSelf && !o.ASCIIFold:
			b.WriteRune(unicode.ToLower(r))
		default:
			b.WriteRune(r)
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
	// ContentTerms are the words of four bytes or more: the words that
	// say what a claim is about, to find the articles and sentences that
	// use a claim's words (story's stance candidates, the stance judge's
	// evidence coverage). They are not stemmed: on the development
	// ledgers stems only added wrong stances.
	ContentTerms = TermOptions{MinLen: 4}
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
