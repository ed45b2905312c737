package nlp

import (
	"strconv"
	"strings"

	"github.com/claimtrail/claimtrail"
)

// Quantity is a number in the text with what it counts: "nearly 20,000
// troops", "more than 200,000 personnel", "$5 billion".
type Quantity struct {
	claimtrail.Span
	Text     string
	Value    float64 // 20000 for "20,000" and for "20 thousand"
	Unit     string  // the counted noun, lower-cased ("troops"); "" when none follows
	Modifier string  // approximation or bound ("nearly", "up to", "more than"); "" when exact
}

var quantityModifiers = []string{
	"nearly", "almost", "about", "around", "approximately", "roughly", "some", "over",
	"up to", "more than", "less than", "fewer than", "at least", "at most", "as many as",
	"close to", "upwards of", "an estimated", "under",
}

// quantityModifierWords holds the words of each quantity modifier.
var quantityModifierWords = func() [][]string {
	out := make([][]string, len(quantityModifiers))
	for i, m := range quantityModifiers {
		out[i] = strings.Fields(m)
	}
	return out
}()

var numberWords = map[string]float64{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
	"nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
	"sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
	"forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12, "dozens": 24, "hundreds": 200, "thousands": 2000,
}

var scaleWords = map[string]float64{
	"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "lakh": 1e5, "crore": 1e7,
	"k": 1e3, "m": 1e6, "bn": 1e9,
}

// quantities scans each sentence for numbers and the words around them.
func quantities(doc *Document) []Quantity {
	var out []Quantity
	for si := range doc.Sentences {
		toks := doc.SentenceTokens(si)
		for i := 0; i < len(toks); i++ {
			q, next, ok := quantityAt(doc, toks, i)
			if ok {
				out = append(out, q)
				i = next - 1
			}
		}
	}
	return out
}

// quantityAt reads a quantity whose number is toks[i], returning it and the
// index just past it.
func quantityAt(doc *Document, toks []Token, i int) (Quantity, int, bool) {
	v, ok := numberValue(toks[i])
	if !ok {
		return Quantity{}, 0, false
	}
	start, end := i, i+1
	if end < len(toks) {
		if s, ok := scaleWords[toks[end].LowerText()]; ok {
			v *= s
			end++
		}
	}
	if start > 0 && toks[start-1].Text == "$" {
		start--
	}
	mod := ""
	for k, words := range quantityModifierWords {
		if start >= len(words) && equalWords(toks[start-len(words):start], words) {
			mod = quantityModifiers[k]
			start -= len(words)
			break
		}
	}
	unit := ""
	switch {
	case toks[i].Text == "$" || i > 0 && toks[i-1].Text == "$":
		unit = "dollars"
	case end < len(toks) && (toks[end].Text == "%" || strings.EqualFold(toks[end].Text, "percent")):
		unit = "percent"
		end++
	case end < len(toks) && countedNoun(toks[end]):
		unit = toks[end].LowerText()
		end++
	case v >= 1900 && v <= 2100 && v == float64(int(v)) && !strings.Contains(toks[i].Text, ","):
		unit = "year"
	}
	span := claimtrail.Span{Start: toks[start].Start, End: toks[end-1].End}
	return Quantity{Span: span, Text: span.In(doc.Text()), Value: v, Unit: unit, Modifier: mod}, end, true
}

func equalWords(toks []Token, words []string) bool {
	for k, w := range words {
		if !strings.EqualFold(toks[k].Text, w) {
			return false
		}
	}
	return true
}

// numberValue parses "20,000", "5.2", "40" or a number word.
func numberValue(t Token) (float64, bool) {
	if v, ok := numberWords[t.LowerText()]; ok {
		return v, true
	}
	if v, ok := compoundNumber(t.LowerText()); ok {
		return v, true
	}
	s := t.Text
	if s == "" || s[0] < '0' || s[0] > '9' {
		return 0, false
	}
	v, err := strconv.ParseFloat(strings.ReplaceAll(s, ",", ""), 64)
	return v, err == nil
}

// compoundNumber parses a hyphenated number word from 21 to 99
// ("forty-one", "thirty-seven"): tens, a hyphen, units.
func compoundNumber(w string) (float64, bool) {
	tens, units, ok := strings.Cut(w, "-")
	if !ok {
		return 0, false
	}
	t, u := numberWords[tens], numberWords[units]
	if t < 20 || t > 90 || t != float64(int(t)/10*10) || u < 1 || u > 9 {
		return 0, false
	}
	return t + u, true
}

// countedNoun reports whether t can be what a number counts: a noun by its
// tag, or, untagged, a lower-case word that is no function word.
func countedNoun(t Token) bool {
	if capitalised(t.Text) {
		return false
	}
	if t.Tag != "" {
		return strings.HasPrefix(t.Tag, "NN")
	}
	for _, r := range t.Text {
		if r < 'a' || r > 'z' {
			return false
		}
	}
	return !functionWords[t.Text]
}

var functionWords = map[string]bool{"of": true, "to": true, "in": true, "on": true, "at": true, "for": true,
	"and": true, "or": true, "but": true, "the": true, "a": true, "an": true, "by": true, "with": true,
	"from": true, "as": true, "than": true, "that": true, "is": true, "are": true, "was": true, "were": true,
	"have": true, "has": true, "had": true, "be": true, "been": true, "will": true, "would": true, "per": true,
	"more": true, "less": true, "each": true, "which": true, "who": true, "into": true}

// NumberWords returns the words that read as numbers or scale a number
// ("five", "dozen", "thousand", "million"), lower-case, in no set order:
// callers that compare texts need to know which of their words only count.
func NumberWords() []string {
	out := make([]string, 0, len(numberWords)+len(scaleWords))
	for w := range numberWords {
		out = append(out, w)
	}
	for w := range scaleWords {
		out = append(out, w)
	}
	return out
}

// NumberValue parses one word as a number ("20,000", "5.2", "forty",
// "forty-one"), for callers that read numbers the quantity scan leaves
// out, such as the number of "a three-year contract".
func NumberValue(w string) (float64, bool) {
	return numberValue(Token{Text: w, Lower: strings.ToLower(w)})
}
