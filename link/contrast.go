package link

import (
	"regexp"
	"strings"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/nlp"
)

// contrast is one way a source states something and, in the same breath,
// denies what others said instead: "the ship was seized inside our
// waters, not in international waters as its owners claimed". The
// pattern's first group is what is denied.
type contrast struct {
	re      *regexp.Regexp
	example string
	denied  string // what the example denies, for the test
	// figure marks a shape that contrasts only figures: "rather than"
	// and "instead of" more often weigh choices ("stayed rather than
	// fled") than deny facts, but before a number they set one figure
	// against another.
	figure bool
}

// contrasts are the shapes of a contrastive denial at the end of a
// source's content. Each is tried on the content's text; the first that
// matches splits the statement.
var contrasts = []contrast{
	{regexp.MustCompile(`,\s+not\s+(.+?)\s+as\s+(?:[\p{L}'’-]+\s+){0,4}(?:claimed|said|reported|alleged|suggested|stated|had claimed|have claimed)$`),
		"the ferry sank inside the harbour, not at sea as its owners claimed", "at sea", false},
	{regexp.MustCompile(`,\s+not\s+(.+)$`),
		"the vehicles on the images are farm tractors, not tanks", "tanks", false},
	{regexp.MustCompile(`,\s+not\s+(.+)$`),
		"the right number of flights cancelled is 14, not 40", "40", false},
	{regexp.MustCompile(`,?\s+(?:rather\s+than|instead\s+of)\s+(.+?)(?:\s+as\s+(?:[\p{L}'’-]+\s+){0,4}(?:claimed|said|reported|stated|given))?$`),
		"eleven miners died in the collapse rather than fourteen as first reported", "fourteen", true},
}

// figureOnly is a bare figure, alone or with its unit.
var figureOnly = regexp.MustCompile(`^[0-9][0-9.,]*\s*%?$`)

// figureContrast reports whether a contrast sets a bare figure against another
// ("the correct figure is 12, not 30"): short as it is, the denied figure
// is what the speaker's opponents stated.
func figureContrast(before, denied string) bool {
	before = strings.TrimSpace(before)
	k := strings.LastIndexAny(before, " \t")
	return figureOnly.MatchString(denied) && figureOnly.MatchString(before[k+1:])
}

// asClaimed is the close of a contrast that names whom it contradicts,
// when attribution left it outside the content.
var asClaimed = regexp.MustCompile(`^\s+as\s+(?:[\p{L}'’-]+\s+){0,4}(?:claimed|said|reported|alleged|suggested|stated)\b`)

// contrastOpeners are first words after "not" that make no contrast of
// facts: "not only …", "not just …", "not before it", "not a favour".
var contrastOpeners = map[string]bool{"only": true, "just": true, "merely": true, "simply": true, "even": true,
	"yet": true, "least": true, "before": true, "after": true, "until": true, "because": true, "for": true,
	"to": true, "a": true, "an": true, "that": true, "so": true, "always": true, "necessarily": true,
	"next": true, "last": true, "this": true, "now": true, "today": true, "tomorrow": true, "yesterday": true}

// splitContrasts adds, after each sourced statement that ends in a
// contrastive denial, a denial by the same source of what follows ", not". The outlet's own voice is left whole ("the
// rule, not a favour" is a columnist's phrasing, not a denial).
func splitContrasts(docs map[string]*nlp.Document, stmts []claimtrail.Statement) []claimtrail.Statement {
	var out []claimtrail.Statement
	for _, st := range stmts {
		d := docs[st.Article]
		if d == nil {
			out = append(out, st)
			continue
		}
		text := d.Text()
		// A negation found by its "not" may be only the contrast's.
		negation := st.Polarity == claimtrail.Denies && st.Negated
		if st.Polarity != claimtrail.Asserts && !negation || len(st.Chain) < 2 || st.Content.End > len(text) {
			out = append(out, st)
			continue
		}
		denied, ok := contrastIn(st.Content.In(text))
		if !ok {
			out = append(out, st)
			continue
		}
		// The statement keeps its content: what it asserts before the
		// contrast may state nothing checkable ("the port open tomorrow,
		// not next month").
		if asClaimed.MatchString(text[st.Content.End:min(len(text), st.Content.End+80)]) && len(st.Chain) > 2 {
			// "…, not in international waters as its owners claimed": the
			// owners are whom the speaker contradicts, not a source of
			// the speaker's words.
			st.Chain = st.Chain[: len(st.Chain)-1 : len(st.Chain)-1]
		}
		denial := st
		denial.Content = claimtrail.Span{Start: st.Content.Start + denied[0], End: st.Content.Start + denied[1]}
		denial.Polarity, denial.Negates, denial.Negated = claimtrail.Denies, denial.Content.In(text), false
		if content := st.Content.In(text); leadsToFigure(content[denied[0]:denied[1]]) {
			// A bare figure may name no event: a second denial keeps
			// the sentence that says what it counts, and so finds the
			// claim that gives the figure (its own, the counter
			// figure's, it never denies: ownClaim).
			whole := st
			whole.Polarity, whole.Negates, whole.Negated = claimtrail.Denies, content, false
			st = counterFigure(st, content, denied)
			if st.Polarity == claimtrail.Asserts {
				out = append(out, whole)
			}
		}
		out = append(out, st, denial)
	}
	return out
}

// contrastIn returns, for a content ending in a contrastive denial, the
// byte range of what it denies.
func contrastIn(content string) ([2]int, bool) {
	for _, c := range contrasts {
		m := c.re.FindStringSubmatchIndex(content)
		if m == nil {
			continue
		}
		first, _, _ := strings.Cut(content[m[2]:m[3]], " ")
		if c.figure && !leadsToFigure(content[m[2]:m[3]]) {
			continue
		}
		if contrastOpeners[strings.ToLower(first)] || m[0] < 8 || m[3]-m[2] < 3 && !c.figure && !figureContrast(content[:m[0]], content[m[2]:m[3]]) {
			return [2]int{}, false
		}
		return [2]int{m[2], m[3]}, true
	}
	return [2]int{}, false
}

// leadsToFigure reports whether text begins with a figure, past the words
// that may lead one ("the 2,000", "about 14").
func leadsToFigure(text string) bool {
	return figureStart.MatchString(strings.ToLower(text))
}

// figureStart is a figure at the start of a text, past its lead words.
var figureStart = regexp.MustCompile(`^(?:` + figureLead + `\s+){0,3}` + figureWord)

// counterFigure returns a statement whose content sets its figure against
// a denied one ("eleven miners died, not fourteen"; "… rather than
// fourteen as first reported") with its content cut before the contrast:
// the figure it offers is a claim of its own, to be corroborated by
// whoever else gives it, while the denied figure, left in, would make it
// a second source of the very claim it answers and draw the denials of
// that claim. When the contrast's "not" was the statement's only
// negation, what comes before it is asserted.
func counterFigure(st claimtrail.Statement, content string, denied [2]int) claimtrail.Statement {
	start := contrastStart.FindStringIndex(content[:denied[0]])
	if start == nil || strings.TrimSpace(content[:start[0]]) == "" {
		return st
	}
	before := content[:start[0]]
	if !statesEvent(before) {
		// "The correct figure is 12, not 30": the figure alone says
		// nothing checkable; which event it counts is in the claim it
		// answers, and the statement stays the denial it was.
		return st
	}
	if st.Polarity == claimtrail.Denies && st.Negated && !negativeWording(before) {
		st.Polarity, st.Negated, st.Negates = claimtrail.Asserts, false, ""
	}
	st.Content.End = st.Content.Start + len(strings.TrimRight(before, " \t,;"))
	return st
}

// contrastStart is the opening of a contrast, at the end of what comes
// before its denied part.
var contrastStart = regexp.MustCompile(`(?i),?\s+(?:not|rather\s+than|instead\s+of)\s+$`)

// figureFrameWords are the words that frame a bare figure without saying
// what it counts: "the correct figure is 12", "the real number was 11".
var figureFrameWords = map[string]bool{"is": true, "was": true, "be": true, "correct": true, "right": true,
	"true": true, "actual": true, "real": true, "accurate": true, "exact": true, "final": true, "it": true}

// statesEvent reports whether text says more than a figure: some word of
// it is no stop word, number, figure noun or frame word.
func statesEvent(text string) bool {
	stems := newStemmer()
	for _, f := range nlp.Forms(text) {
		if stopwords[f] || figureFrameWords[f] || numberWord(f) {
			continue
		}
		if st := stems.stems(f); len(st) != 1 || !figureNouns[fold(st[0])] {
			return true
		}
	}
	return false
}
