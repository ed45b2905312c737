package link

import (
	"math"
	"strings"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/nlp"
)

// A figure statement is read from the parse, not from the words beside the
// number: "212 Harlan residents were evacuated" counts residents (the
// number's head, past the name between), and "officials put the number
// evacuated at 230" counts no noun but tells of the same act, evacuating
// (the clause hung on the frame noun "number"). Two statements of one
// story that give differing figures state one event when the rows of
// figureEventRules all hold for some pair of their figures.

// figureRead is what the parse says of one figure of a statement.
type figureRead struct {
	value float64
	word  string // the counted noun as written, lower-cased; "" when the number counts no noun
	noun  string // its link stem, synonyms folded
	// measure marks a unit that measures (weeks, years, percent, euros)
	// rather than counts.
	measure bool
	person  bool // the noun counts people
	// framed marks a number a figure predicate or noun gives ("put the
	// number at 230"): a figure though it names no noun.
	framed bool
	events map[string]bool // folded stems of the predicates the figure is given for
}

// figureNouns are the nouns that name a figure rather than what it counts:
// "the number evacuated", "the death toll", "the total". Their clause or
// "of" noun says what is counted.
var figureNouns = foldedStems(`number toll total tally count figure estimate`)

// figureVerbs are the predicates that give a figure rather than an event:
// "officials put the number at 230", "the toll rose to 41", "estimates
// reached 1,100". The event is the one their figure noun or clause names.
var figureVerbs = foldedStems(`put estimate rise rose risen reach climb stand stood total number be is was were
increase jump grow grew fall fell give gave`)

// personNouns are the nouns that count people: two sources count one
// crowd or toll by any of them ("212 residents" / "230 people").
var personNouns = foldedStems(`people person persons residents inhabitants villagers citizens civilians
workers employees staff passengers migrants refugees evacuees protesters demonstrators marchers
students children pupils soldiers troops officers police miners patients victims men women adults
fans tourists visitors crew prisoners detainees hostages members sailors seafarers fishermen`)

// foldedStems returns the link stems of the words, each folded by headFold.
func foldedStems(words string) map[string]bool {
	m := map[string]bool{}
	st := newStemmer()
	for _, w := range strings.Fields(words) {
		for _, s := range st.stems(w) {
			m[fold(s)] = true
		}
	}
	return m
}

// fold folds a link stem by the head synonyms (headFold).
func fold(s string) string {
	if f, ok := headFold[s]; ok {
		return f
	}
	return s
}

// figureEventRules are the conditions under which two figures, of two
// statements that share a name and are not offered as corrections of one
// another (oneEvent), count one event. Every row must hold; each has a
// pair of statements it joins and a pair it keeps apart
// (TestFigureEventRules).
var figureEventRules = []struct {
	name   string
	holds  func(f, g figureRead) bool
	joins  [2]string
	splits [2]string
}{
	{"one predicate", func(f, g figureRead) bool { return meets(f.events, g.events) },
		[2]string{"At least 212 people were evacuated from Tolvern.", "Officials put the number evacuated from Tolvern at 230."},
		[2]string{"At least 212 people were evacuated from Tolvern.", "About 230 people were injured in Tolvern."}},
	// A bare number is no figure: "on April 14", "Brown, 18", "one way".
	{"figures of something", func(f, g figureRead) bool { return counts(f) && counts(g) },
		[2]string{"Some 212 Tolvern residents were evacuated.", "Officials put the number evacuated from Tolvern at 230."},
		[2]string{"Lessa Orn, 31, left Tolvern.", "Lessa Orn, 34, left Tolvern."}},
	// Tolls and crowds from different sources differ by a factor of two
	// or three, not by orders of magnitude ("100 apps per watch" is not
	// "100,000 apps").
	{"near enough", func(f, g figureRead) bool {
		return math.Max(f.value, g.value) <= crossUnitRatio*math.Min(f.value, g.value)
	},
		[2]string{"Rebels abducted 219 schoolgirls from Orbek.", "Rebels abducted some 300 schoolgirls from Orbek."},
		[2]string{"The Vantro watch will have 100 apps per user.", "The Vantro watch will have 100,000 apps."}},
	{"one counted noun", func(f, g figureRead) bool { return nounsAgree(f, g) },
		[2]string{"Some 212 Tolvern residents were evacuated.", "About 230 people were evacuated from Tolvern."},
		[2]string{"Kestrane will cut 1,200 jobs at Tesselby.", "Kestrane will cut 300 shifts at Tesselby."}},
	// A story gives many shares, durations and sums for different things
	// (see measureUnits): near or far, two of them are no sign of one event.
	{"counts, not measures", func(f, g figureRead) bool { return !f.measure && !g.measure },
		[2]string{"Police in Dorrin arrested 40 marchers.", "Police in Dorrin arrested 55 marchers."},
		[2]string{"The Dorrin Party won 41 percent of the vote.", "The Dorrin Party won 33 percent of the vote."}},
}

// meets reports whether two sets share a member.
func meets(a, b map[string]bool) bool {
	for k := range a {
		if b[k] {
			return true
		}
	}
	return false
}

// counts reports whether a figure counts a noun or is given by a figure
// noun or predicate.
func counts(f figureRead) bool { return f.noun != "" || f.framed }

// nounsAgree reports whether two figures count one kind of thing: the
// same noun or synonyms, people by any name, or a number that names no
// noun ("at 230").
func nounsAgree(f, g figureRead) bool {
	return f.noun == "" || g.noun == "" || f.noun == g.noun || f.person && g.person
}

// figureEvent reports whether two figures count one event by every row
// of figureEventRules.
func figureEvent(f, g figureRead) bool {
	for _, r := range figureEventRules {
		if !r.holds(f, g) {
			return false
		}
	}
	return true
}

// readFigures returns the figures of the content span of doc as the
// parse reads them; none when the sentence does not parse.
func readFigures(doc *nlp.Document, span claimtrail.Span, stems stemmer) []figureRead {
	if doc == nil {
		return nil
	}
	t, top := spanTop(doc, span)
	if top < 0 {
		return nil
	}
	inside := inSpan(t, span)
	qs := doc.QuantitiesIn(span)
	named := false // the content names a figure noun: "the number evacuated"
	for w := 0; w < t.Len(); w++ {
		named = named || inside(w) && t.UPOS(w) == "NOUN" && figureNouns[fold(firstStem(t, w))]
	}
	var out []figureRead
	for w := 0; w < t.Len(); w++ {
		if !inside(w) || t.UPOS(w) != "NUM" && !hyphenCount(t.Token(w).Text) {
			continue
		}
		if f, ok := readFigure(qs, t, top, w, stems); ok {
			f.framed = f.framed || named && f.word == ""
			out = append(out, f)
		}
	}
	return out
}

// hyphenCount reports whether a word is a number joined to its unit
// ("three-year", "10-day"), which the parser tags as an adjective.
func hyphenCount(w string) bool {
	n, u, ok := strings.Cut(w, "-")
	return ok && u != "" && numberWord(n) && !numberWord(u)
}

// numberWord reports whether w reads as a number.
func numberWord(w string) bool {
	return countStems[strings.ToLower(w)] || countStem(w) || strings.Trim(w, "0123456789,.") == "" && w != ""
}

// readFigure reads the figure whose number is word w of the clause headed
// by top.
func readFigure(qs []nlp.Quantity, t *nlp.Tree, top, w int, stems stemmer) (figureRead, bool) {
	text := strings.ToLower(t.Token(w).Text)
	f := figureRead{events: map[string]bool{}}
	if n, u, ok := strings.Cut(text, "-"); ok && hyphenCount(text) {
		f.word = u
		text = n
	}
	tk := t.Token(w)
	q, found := nlp.Quantity{}, false
	for _, c := range qs {
		if c.Start <= tk.Start && tk.End <= c.End {
			q, found = c, true
		}
	}
	switch {
	case found && f.word == "":
		f.value = q.Value
		if q.Unit == "year" && yearLike(q) {
			return f, false // a date, not a count
		}
		if q.Unit == "percent" || q.Unit == "dollars" {
			f.word = q.Unit
		}
	default:
		v, ok := nlp.NumberValue(text)
		if !ok {
			return f, false
		}
		f.value = v
	}
	if f.value <= 1 {
		return f, false // "one" is mostly an article: "one way", "one day"
	}
	if h := t.Head(w); h >= 0 && t.UPOS(h) == "PROPN" {
		return f, false // a date or a name's number: "April 14", "Route 9"
	}
	n := countedNoun(t, w)
	if f.word == "" && n >= 0 {
		f.word = strings.ToLower(t.Token(n).Text)
	}
	if f.word != "" {
		f.noun = f.word // a word the stemmer drops ("year") stands for itself
		if st := stems.stems(f.word); len(st) == 1 {
			f.noun = fold(st[0])
		}
		f.measure = measureUnits[f.word] || measureUnits[f.word+"s"]
		f.person = personNouns[f.noun]
	}
	f.events, f.framed = figureEvents(t, top, w, n)
	return f, true
}

// countedNoun returns the noun that word w, a number, counts: the noun it
// modifies ("212 Tolvern residents": the name between is passed), the noun
// of its "of" phrase ("230 of the residents"), or the noun a figure noun
// beside it counts ("the number of people … was 230"); -1 for none.
func countedNoun(t *nlp.Tree, w int) int {
	n := -1
	switch h := t.Head(w); {
	case h >= 0 && nlp.RelIs(t.Rel(w), "nummod") && t.UPOS(h) == "NOUN":
		n = h
	case nlp.RelIs(t.Rel(w), "amod") && h >= 0 && t.UPOS(h) == "NOUN":
		return -1 // "a three-year contract": the unit is the word's own
	default:
		for _, c := range t.Dependents(w, "nmod") {
			if t.UPOS(c) == "NOUN" {
				n = c
			}
		}
	}
	if n >= 0 && figureNouns[fold(firstStem(t, n))] {
		return ofNoun(t, n)
	}
	if n < 0 {
		return framedNoun(t, w)
	}
	return n
}

// framedNoun returns the noun counted by the figure noun that is subject
// or object beside number w ("the number of people … was 230", "put the
// toll of the dead at 41"), -1 for none.
func framedNoun(t *nlp.Tree, w int) int {
	for _, h := range []int{w, t.Head(w)} {
		if h < 0 {
			continue
		}
		for _, c := range t.Children(h) {
			if (nlp.RelIs(t.Rel(c), "nsubj") || nlp.RelIs(t.Rel(c), "obj")) && figureNouns[fold(firstStem(t, c))] {
				return ofNoun(t, c)
			}
		}
	}
	return -1
}

// ofNoun returns the noun of word n's "of" phrase, -1 for none.
func ofNoun(t *nlp.Tree, n int) int {
	for _, c := range t.Dependents(n, "nmod") {
		if t.UPOS(c) == "NOUN" {
			return c
		}
	}
	return -1
}

// firstStem is the first link stem of word w, "" for none.
func firstStem(t *nlp.Tree, w int) string {
	if st := newStemmer().stems(common(t, w)); len(st) > 0 {
		return st[0]
	}
	return ""
}

// figureEvents returns the folded predicates a figure is given for: the
// clause its number stands in ("212 people were evacuated"), or, when
// that clause only gives a figure ("put the number at 230", "the toll
// rose to 41", "the number of people evacuated was 230"), the clauses
// hung on its figure noun, its counted noun and its complement.
func figureEvents(t *nlp.Tree, top, w, noun int) (map[string]bool, bool) {
	out := map[string]bool{}
	h := w
	for h != top && h >= 0 && t.UPOS(h) != "VERB" {
		h = t.Head(h)
	}
	if h < 0 {
		return out, false
	}
	head := fold(firstStem(t, h))
	if t.UPOS(h) == "VERB" && !figureVerbs[head] {
		out[foldHead(t, h, firstStem(t, h))] = true
		if e := phraseEvent(t, h); e != "" {
			out[e] = true // "left their homes": evacuated
		}
		for _, e := range agentEvents(t, h) {
			out[e] = true // "rescuers pulled 21 sailors off": rescued
		}
		return out, false
	}
	add := func(v int) {
		if v >= 0 && t.UPOS(v) == "VERB" {
			out[foldHead(t, v, firstStem(t, v))] = true
		}
	}
	for _, c := range t.Children(h) {
		if nlp.RelIs(t.Rel(c), "xcomp") {
			add(c)
		}
		if nlp.RelIs(t.Rel(c), "nsubj") || nlp.RelIs(t.Rel(c), "obj") {
			for _, n := range []int{c, ofNoun(t, c)} {
				for _, a := range nounClauses(t, n) {
					add(a)
				}
			}
		}
	}
	if noun >= 0 {
		for _, a := range nounClauses(t, noun) {
			add(a)
		}
	}
	return out, len(out) > 0
}

// nounClauses returns the clauses hung on noun n ("the number evacuated",
// "people evacuated").
func nounClauses(t *nlp.Tree, n int) []int {
	if n < 0 {
		return nil
	}
	return t.Dependents(n, "acl")
}

// mirrored reports whether two cores state one act with their parties'
// roles swapped ("Calder accused Fenn of lying" / "Fenn accused Calder of
// lying"): each names a subject the other lacks as subject, and each one's
// subject is an argument of the other. Such statements are two claims, and
// neither party denies the other's by making its own.
func mirrored(x, y core) bool {
	if len(x.named) == 0 || len(y.named) == 0 {
		return false
	}
	return rolesCross(x, y) && rolesCross(y, x)
}

// rolesCross reports whether some named subject of x is no subject of y
// but one of y's other arguments.
func rolesCross(x, y core) bool {
	for k := range x.named {
		if !y.subject[k] && y.rest[k] {
			return true
		}
	}
	return false
}

// mirrors reports whether item i and the first member of claim c are
// mirror images (mirrored).
func (b *builder) mirrors(i, c int) bool {
	x, y := &b.items[i], &b.items[b.members[c][0]]
	if x.lead == "" || y.lead == "" || x.lead == y.lead {
		return false // mirror acts mostly open on their subjects: no parse needed
	}
	cx, ok := b.itemCore(x)
	if !ok {
		return false
	}
	cy, ok := b.itemCore(y)
	return ok && mirrored(cx, cy)
}

// unitGroups are the spellings and abbreviations of one unit ("40,000
// km" / "about 40,000 kilometres"): two figures in one unit of a group
// are one unit, not the coincidence otherUnits looks for.
var unitGroups = [][]string{
	{"km", "kms", "kilometre", "kilometres", "kilometer", "kilometers"},
	{"m", "metre", "metres", "meter", "meters"},
	{"mi", "mile", "miles"}, {"ft", "foot", "feet"},
	{"kg", "kgs", "kilo", "kilos", "kilogram", "kilograms"},
	{"s", "sec", "secs", "second", "seconds"}, {"min", "mins", "minute", "minutes"},
	{"h", "hr", "hrs", "hour", "hours"}, {"yr", "yrs", "year", "years"},
	{"percent", "per cent", "%", "pc"},
}

// unitOf maps each spelling of unitGroups to its group's first.
var unitOf = func() map[string]string {
	m := map[string]string{}
	for _, g := range unitGroups {
		for _, w := range g {
			m[w] = g[0]
		}
	}
	return m
}()

// sameUnit reports whether two figures are given in one unit: one noun,
// or spellings of one unit.
func sameUnit(f, g figureRead) bool {
	if f.noun == g.noun {
		return true
	}
	u, ok := unitOf[f.word]
	return ok && u == unitOf[g.word]
}

// agentSuffixes are the endings of agent nouns, on link stems: "rescuers"
// stems to "rescuer", whose act "rescued" stems to "rescu".
var agentSuffixes = []string{"er", "or"}

// agentEvents returns the acts the agent-noun subjects of verb h name:
// "rescuers pulled 21 sailors off the trawler" tells of a rescue, as
// "nineteen crew were rescued from the trawler" does. A figure given for
// the verb is then given for that act too, so two sources counting one
// rescue with other verbs meet (the other rows of figureEventRules must
// still hold: counted nouns that agree, near figures).
func agentEvents(t *nlp.Tree, h int) []string {
	var out []string
	for _, d := range t.Dependents(h, "nsubj") {
		if t.UPOS(d) != "NOUN" || t.Rel(d) != "nsubj" {
			continue
		}
		s := firstStem(t, d)
		for _, suf := range agentSuffixes {
			if base, ok := strings.CutSuffix(s, suf); ok && len(base) >= 4 {
				out = append(out, fold(base))
			}
		}
	}
	return out
}
