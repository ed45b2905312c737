package nlp

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/jdkato/prose/v3/segment"
	"gopkg.in/neurosnap/sentences.v1"
	"gopkg.in/neurosnap/sentences.v1/data"
)

// Punkt (prose's segmenter) takes a full stop after a known abbreviation
// ("a.m.", "U.S.", "ft.") for no sentence end unless its small training
// corpus shows the next word to be a sentence starter: one that was seen in
// lower case and never capitalised inside a sentence. Common words of news
// ("Police", "Officials", "Its") were seen in capitalised headlines, so "It
// arrived at 9 a.m. Police said nobody was hurt." stayed one sentence, and
// its second statement was read as part of the first (the mayor relaying
// the police). The rows below split such a sentence where the word after
// the abbreviation reads as a sentence's first word; each row lists
// sentences it splits and sentences it must leave whole, which
// TestAbbrevBreaks runs.

// abbrevBreak is one kind of evidence that the word after an abbreviation's
// full stop opens a new sentence.
type abbrevBreak struct {
	name string
	// opens reports whether the capitalised word next (lower-cased) opens
	// a sentence after abbreviation abbr (as written, with its stops).
	opens func(abbr, next string, ev wordEvidence) bool
	split []string // texts the row must cut after the abbreviation
	whole []string // texts no row may cut
}

// abbrevBreaks are the rows; any one of them splits.
var abbrevBreaks = []abbrevBreak{
	{name: "a function word after any abbreviation",
		// A pronoun, article or conjunction is never part of a name the
		// abbreviation begins ("U.S. Army", "Mr. Smith", "Inc. Chief
		// Executive"), so after a full stop it begins a sentence.
		opens: func(_, next string, _ wordEvidence) bool { return sentenceOpeners[next] },
		split: []string{
			"The firm is based in the U.S. Its chief denied it.",
			"The convoy arrived at 9 a.m. They said nobody was hurt.",
		},
		whole: []string{
			"The U.S. Army denied it.",
			"He met Mr. Smith and Dr. Jones on Monday.",
			"Shares of the U.S. Steel firm rose.",
		}},
	{name: "a common word after a lower-case abbreviation",
		// A lower-case abbreviation is a time or a unit ("9 a.m.", "5 ft.",
		// "approx.") that ends its phrase; a capitalised common word after
		// it (written in lower case in the model's corpus or elsewhere in
		// the article) starts the next sentence, while a name or a day
		// ("a.m. Tuesday", "p.m. GMT") stays with it.
		opens: func(abbr, next string, ev wordEvidence) bool {
			r, _ := utf8.DecodeRuneInString(abbr)
			return unicode.IsLower(r) && ev.lowerCase(next)
		},
		split: []string{
			"The mayor said the convoy arrived at 9 a.m. Police said nobody was hurt.",
			"The ferry left at 5 p.m. Residents said it was full, and residents know.",
		},
		whole: []string{
			"It ended at 10 a.m. Tuesday.",
			"The vote closes at 8 p.m. GMT on Friday.",
			"We will know more at 2 p.m. ET., when the police brief reporters.",
			"The mayor said the convoy arrived at 9 a.m. on Monday.",
		}},
}

// sentenceOpeners are function words that open sentences and never stand
// inside a name.
var sentenceOpeners = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`the a an this that these those it its he she they we i you his her their
our my there here but and or so yet however meanwhile then when if after before while although though
because since earlier later`) {
		m[w] = true
	}
	return m
}()

// wordEvidence tells whether a word is written in lower case: in punkt's
// training corpus, or elsewhere in the text being split.
type wordEvidence struct {
	ortho map[string]int
	text  string
	once  *sync.Once
	lower map[string]bool
}

// Punkt's orthographic-context bits for a word seen in lower case at a
// sentence's start, inside one, or at an unknown position.
const orthoLowerCase = 1<<4 | 1<<5 | 1<<6

func (ev wordEvidence) lowerCase(w string) bool {
	if ev.ortho[w]&orthoLowerCase != 0 {
		return true
	}
	ev.once.Do(func() {
		for x := range Words(ev.text) {
			if x.Flags&Capitalised == 0 {
				ev.lower[x.Form] = true
			}
		}
	})
	return ev.lower[w]
}

// punktOrtho is the orthographic context of prose's English punkt model.
var punktOrtho = sync.OnceValue(func() map[string]int {
	b, err := data.Asset("data/english.json")
	if err != nil {
		return nil
	}
	st, err := sentences.LoadTraining(b)
	if err != nil {
		return nil
	}
	return st.OrthoContext
})

// newWordEvidence returns the evidence for one article's text.
func newWordEvidence(text string) wordEvidence {
	return wordEvidence{ortho: punktOrtho(), text: text, once: &sync.Once{}, lower: map[string]bool{}}
}

// splitAfterAbbrevs cuts prose's sentences of one paragraph after an
// abbreviation where a row of abbrevBreaks says the next word opens a
// sentence.
func splitAfterAbbrevs(sents []segment.Sentence, ev wordEvidence) []segment.Sentence {
	var out []segment.Sentence
	for _, s := range sents {
		for {
			cut := abbrevCut(s.Text, ev)
			if cut < 0 {
				break
			}
			head := strings.TrimRightFunc(s.Text[:cut], unicode.IsSpace)
			rest := strings.TrimLeftFunc(s.Text[cut:], unicode.IsSpace)
			out = append(out, segment.Sentence{Text: head, Start: s.Start})
			s = segment.Sentence{Text: rest, Start: s.Start + len(s.Text) - len(rest)}
		}
		out = append(out, s)
	}
	return out
}

// abbrevCut returns the offset in s just after the first abbreviation
// whose next word opens a sentence, or -1.
func abbrevCut(s string, ev wordEvidence) int {
	for i := strings.Index(s, ". "); i >= 0; {
		start := strings.LastIndexFunc(s[:i], unicode.IsSpace) + 1
		abbr := strings.TrimLeft(s[start:i+1], "\"'“‘([")
		if next, ok := nextWord(s[i+1:]); ok && abbrevWord(abbr) && opensAfter(abbr, next, ev) {
			return i + 1
		}
		j := strings.Index(s[i+2:], ". ")
		if j < 0 {
			break
		}
		i += 2 + j
	}
	return -1
}

// abbrevWord reports whether w, ending in a full stop, is an
// abbreviation punkt kept inside a sentence: a letter in it, not a single
// letter (an initial, "J."), not an ellipsis.
func abbrevWord(w string) bool {
	if strings.HasSuffix(w, "..") {
		return false
	}
	if core := strings.TrimSuffix(w, "."); utf8.RuneCountInString(core) < 2 {
		return false
	}
	return strings.IndexFunc(w, unicode.IsLetter) >= 0
}

// nextWord returns the word after the space that starts rest, lower-cased,
// when it is capitalised (after any opening quotation mark or bracket).
func nextWord(rest string) (string, bool) {
	rest = strings.TrimLeft(strings.TrimLeftFunc(rest, unicode.IsSpace), "\"'“‘([")
	r, _ := utf8.DecodeRuneInString(rest)
	if !unicode.IsUpper(r) {
		return "", false
	}
	end := strings.IndexFunc(rest, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' && r != '’' })
	if end < 0 {
		end = len(rest)
	}
	if w := rest[:end]; len(w) > 1 && strings.ToUpper(w) == w {
		return "", false // a word in capitals, "p.m. ET", "a.m. GMT", names a zone or a unit
	}
	return strings.ToLower(rest[:end]), true
}

// opensAfter reports whether a row of abbrevBreaks has next open a
// sentence after abbr.
func opensAfter(abbr, next string, ev wordEvidence) bool {
	for _, b := range abbrevBreaks {
		if b.opens(abbr, next, ev) {
			return true
		}
	}
	return false
}
