package link

import (
	"regexp"
	"sort"
	"strings"

	"github.com/claimtrail/claimtrail/nlp"
)

// A sentence that names two figures of one thing either sets them side by
// side as two parties' estimates ("the mayor said about 1,500 were
// evacuated; the water board put the number at 1,200") or offers one
// against the other ("eleven miners died, not fourteen"). Estimates of one
// event are one claim that shows its figures; a figure offered against
// another is a claim of its own that denies the other (issue 12). The
// decision rests on the words that mark the offer, in counterFigures.

// counterFigures are the markers by which a sentence naming two figures
// offers one as the correction of, or the answer to, the other. Each row
// reads a lower-cased sentence; counter is a sentence it marks and
// estimates one naming two figures it leaves as estimates
// (TestCounterFigures). A bare "not" or "instead" is no marker: "could not
// say whether" sets no figure against another.
var counterFigures = []struct {
	name               string
	re                 *regexp.Regexp
	counter, estimates string
}{
	{"not before a figure", regexp.MustCompile(`\bnot\s+(?:` + figureLead + `\s+){0,3}` + figureWord),
		"eleven miners died in the collapse, not fourteen, the operator said",
		"police said 37 people were hurt but could not say whether the 41 the hospital treated included staff"},
	{"rather than, instead of a figure", regexp.MustCompile(`\b(?:rather\s+than|instead\s+of)\s+(?:` + figureLead + `\s+){0,3}` + figureWord),
		"the council said eleven houses burned rather than the fourteen first reported",
		"about 1,500 residents went to schools rather than hotels, and the board put the number at 1,200"},
	{"a revision or correction", regexp.MustCompile(`\b(?:revised|revises|revising|corrected|corrects|correcting|correct|correction|amended|amends)\b`),
		"the operator revised the toll to 11 from 14",
		"the mayor said 1,500 were evacuated and the water board said 1,200"},
	{"an error named", regexp.MustCompile(`\b(?:wrong|wrongly|error|erroneous|erroneously|mistake|mistaken|mistakenly|incorrect|incorrectly|inaccurate)\b|\b(?:earlier|previous|original)\s+version\b`),
		"an earlier version of this article said 14 miners died; 11 died",
		"the hospital counted 37 injured and the ambulance service 41"},
	{"the figure it actually is", regexp.MustCompile(`\b(?:actually|in\s+fact|in\s+reality)\b`),
		"the toll was actually 11; the 14 first given included the rescued",
		"the charity said at least 43 drowned, the coast guard 38"},
}

// figureLead is a word that may stand between a marker and the figure it
// sets aside: "not about 14", "rather than the 14", "instead of more than
// 14".
const figureLead = `(?:the|about|around|some|roughly|nearly|almost|approximately|more|fewer|less|than|over|under|at|least|most|as|many|few|of)`

// figureWord is a number in digits or words, as the quantity scan reads
// them.
var figureWord = func() string {
	words := nlp.NumberWords()
	sort.Slice(words, func(i, j int) bool { return len(words[i]) > len(words[j]) })
	for i, w := range words {
		words[i] = regexp.QuoteMeta(w)
	}
	return `(?:\d|(?:` + strings.Join(words, "|") + `)\b)`
}()

// counterMarked reports whether a sentence that names two figures offers
// one against the other (counterFigures).
func counterMarked(sentence string) bool {
	s := strings.ToLower(sentence)
	for _, r := range counterFigures {
		if r.re.MatchString(s) {
			return true
		}
	}
	return false
}
