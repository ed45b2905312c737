package link

import (
	"math"
	"slices"
	"strings"
	"unicode"

	"github.com/claimtrail/claimtrail/nlp"
)

// Independent sources give differing figures for one event without
// naming it alike: "the mayor said about 1,500 residents were evacuated",
// "the water board put the number of evacuees at 1,200", "more than 1,300
// people had been evacuated, police said". When two such statements share
// no name, oneEvent asks more of them than a shared name would: the same
// act (its predicate, or a noun that names it), estimates of one size, and
// nothing that sets them in different events — another agent, another
// place, cause or day ("at least eight killed in the market bombing" /
// "at least 30 killed on Thursday and Friday"). The rows of estimateRules
// all hold for some pair of their figures.

// estimateEvents are the words that name one countable act, as verb,
// participle or noun: a figure of evacuees counts the evacuated, and "the
// number of evacuees" or "the death toll" names the act its figure
// counts. Each row gives its words and a pair of statements it joins
// (TestEstimateEvents).
var estimateEvents = []struct {
	words string
	joins [2]string
}{
	{"evacuate evacuated evacuation evacuations evacuee evacuees",
		[2]string{"About 1,500 Orwick residents were evacuated.", "The water board put the number of evacuees at 1,200."}},
	{"killed dead deaths died fatalities fatality",
		[2]string{"Some 40 people died when the ferry sank.", "The ferry operator put the number of fatalities at 46."}},
	{"injured injuries wounded hurt",
		[2]string{"About 60 people were wounded in the crush.", "Some 75 people were hurt in the crush."}},
	{"arrested arrests detained detainees",
		[2]string{"Police detained about 90 fans after the match.", "The number of arrests after the match rose to 110."}},
	{"displaced displacement",
		[2]string{"About 3,000 families were displaced by the storm.", "The storm displaced 3,400 families."}},
}

// estimatePhrases are the verbs that, with an object or oblique noun,
// name the act of a row of estimateEvents ("had to leave their homes" is
// "were evacuated"): the verb's forms and the noun as written, the act's
// word, and a pair of statements the phrase joins (TestEstimateEvents).
var estimatePhrases = []struct {
	verb, noun, act string
	joins           [2]string
}{
	{"leave left leaving leaves", "homes", "evacuate",
		[2]string{"About 2,000 villagers were evacuated from Vessa.", "More than 2,400 villagers have left their homes in Vessa."}},
	{"flee fled fleeing flees", "homes", "evacuate",
		[2]string{"About 2,000 villagers were evacuated from Vessa.", "Some 2,300 villagers fled their homes in Vessa."}},
}

// phraseNouns are the link stems of the nouns of estimatePhrases: part
// of the act, not its setting.
var phraseNouns = func() map[string]bool {
	m := map[string]bool{}
	for _, r := range estimatePhrases {
		for _, s := range newStemmer().stems(r.noun) {
			m[s] = true
		}
	}
	return m
}()

// phraseEvent returns the folded act that verb h names with a noun of
// estimatePhrases among its objects and obliques, "" for none.
func phraseEvent(t *nlp.Tree, h int) string {
	verb := firstStem(t, h)
	for _, r := range estimatePhrases {
		if !slices.Contains(newStemmer().stems(r.verb), verb) {
			continue
		}
		noun := firstOr(newStemmer().stems(r.noun))
		for _, rel := range []string{"obj", "obl"} {
			for _, c := range t.Dependents(h, rel) {
				if firstStem(t, c) == noun {
					return eventName(fold(firstOr(newStemmer().stems(r.act))))
				}
			}
		}
	}
	return ""
}

// eventOf maps the folded link stem of each word of estimateEvents to the
// row's first word's, so that the words of one row name one act.
var eventOf = func() map[string]string {
	m := map[string]string{}
	st := newStemmer()
	for _, r := range estimateEvents {
		words := strings.Fields(r.words)
		first := fold(firstOr(st.stems(words[0])))
		for _, w := range words {
			for _, s := range st.stems(w) {
				m[fold(s)] = first
			}
		}
	}
	return m
}()

// firstOr returns the first of ss, "" for none.
func firstOr(ss []string) string {
	if len(ss) == 0 {
		return ""
	}
	return ss[0]
}

// estimateRatio is the largest spread of two estimates of one event that
// share no name: sources differ by a fifth or a third (1,200 and 1,500
// evacuated), while two tolls of one story differ more (eight killed in
// one bombing, 30 in two days).
const estimateRatio = 2

// estimate is what oneEvent reads of a figure of a statement that shares
// no name with the other: the figure, the acts it counts, the agents of
// the act and the settings (places, causes, days) the statement names.
type estimate struct {
	fig      figureRead
	events   map[string]bool
	agents   map[string]bool
	settings map[string]bool
	// total marks a figure given as a sum ("a total of 30", "30 in
	// all"): it counts more than any one of its parts does.
	total bool
}

// estimateRules are the conditions under which two figures of statements
// that share no name count one event. Every row must hold; each has a
// pair it joins and a pair it keeps apart (TestEstimateRules).
var estimateRules = []struct {
	name   string
	holds  func(f, g estimate) bool
	joins  [2]string
	splits [2]string
}{
	{"one act", func(f, g estimate) bool { return meets(f.events, g.events) },
		[2]string{"About 1,500 residents were evacuated.", "The water board put the number of evacuees at 1,200."},
		[2]string{"About 1,500 residents were evacuated.", "About 1,200 residents were injured."}},
	{"one kind counted", func(f, g estimate) bool { return counts(f.fig) && counts(g.fig) && nounsAgree(f.fig, g.fig) },
		[2]string{"About 1,500 residents were evacuated.", "More than 1,300 people had been evacuated."},
		[2]string{"About 1,500 cattle were evacuated.", "More than 1,300 people had been evacuated."}},
	{"counts, not measures", func(f, g estimate) bool { return !f.fig.measure && !g.fig.measure },
		[2]string{"Some 40 people died when the ferry sank.", "Some 46 people died when the ferry sank."},
		[2]string{"Turnout reached 41 percent.", "Turnout reached 46 percent."}},
	{"estimates of one size", func(f, g estimate) bool {
		return math.Max(f.fig.value, g.fig.value) <= estimateRatio*math.Min(f.fig.value, g.fig.value)
	},
		[2]string{"About 1,500 residents were evacuated.", "More than 1,300 people had been evacuated."},
		[2]string{"At least eight people were killed.", "At least 30 people were killed."}},
	{"no sum against a part", func(f, g estimate) bool { return f.total == g.total },
		[2]string{"About 40 people were detained after the match.", "Police detained some 45 fans after the match."},
		[2]string{"A total of 30 people have now been detained.", "Police detained 22 fans."}},
	{"one agent", func(f, g estimate) bool { return len(f.agents) == 0 || len(g.agents) == 0 || meets(f.agents, g.agents) },
		[2]string{"Police arrested about 40 marchers.", "Police arrested 55 marchers."},
		[2]string{"Police arrested about 40 marchers.", "Soldiers arrested 55 marchers."}},
	{"one setting", func(f, g estimate) bool {
		return len(f.settings) == 0 || len(g.settings) == 0 || meets(f.settings, g.settings)
	},
		[2]string{"About 1,500 residents were evacuated.", "More than 1,300 people had been evacuated from the valley."},
		[2]string{"At least 25 people were killed in the market bombing.", "At least 30 people were killed on Thursday and Friday."}},
}

// estimateHedges are the words that hedge a figure ("at least", "some",
// "more than"): they say nothing of the event.
var estimateHedges = foldedStems(`least most more less fewer than about around some roughly nearly almost
approximately over under as many few estimated`)

// readEstimates returns the estimates of a statement's figures, given its
// parsed core and its text.
func readEstimates(fs []figureRead, c core, text string) []estimate {
	acts := map[string]bool{} // the acts the core's words name
	for k := range c.rest {
		if e, ok := eventOf[strings.TrimPrefix(k, "s:")]; ok {
			acts[e] = true
		}
	}
	giver := false // a figure predicate: its subject gives the figure
	for _, h := range c.heads {
		giver = giver || figureVerbs[h]
	}
	var out []estimate
	for _, f := range fs {
		e := estimate{fig: f, events: map[string]bool{}, agents: map[string]bool{}, settings: map[string]bool{}}
		for k := range f.events {
			if k != "" {
				e.events[eventName(k)] = true
			}
		}
		if len(e.events) == 0 || giver {
			for k := range acts {
				e.events[k] = true
			}
		}
		counted := func(k string) bool {
			s := strings.TrimPrefix(k, "s:")
			return phraseNouns[s] || strings.HasPrefix(k, "q:") || countStem(s) || s == f.noun || fold(s) == f.noun || figureNouns[fold(s)] ||
				estimateHedges[fold(s)] || e.events[eventName(fold(s))]
		}
		if !giver {
			for k := range c.subject {
				if !counted(k) {
					e.agents[k] = true
				}
			}
		}
		for k := range c.rest {
			if !counted(k) && !c.subject[k] && !isHead(c, k) {
				e.settings[k] = true
			}
		}
		e.total = sums(text)
		for d := range namedDates(text) {
			e.settings["d:"+d] = true
		}
		out = append(out, e)
	}
	return out
}

// eventName is the act a folded stem names: its estimateEvents row, else
// itself.
func eventName(s string) string {
	if e, ok := eventOf[s]; ok {
		return e
	}
	return s
}

// isHead reports whether feature k is one of the core's predicates.
func isHead(c core, k string) bool {
	s := strings.TrimPrefix(k, "s:")
	for _, h := range c.heads {
		if h == s || h == fold(s) {
			return true
		}
	}
	return false
}

// namedDates returns the capitalised day and month names of a text (see
// datesDiffer).
func namedDates(text string) map[string]bool {
	m := map[string]bool{}
	for _, f := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if l := strings.ToLower(f); l != f && dateWords[l] {
			m[l] = true
		}
	}
	return m
}

// estimateHolds reports whether every row of estimateRules holds.
func estimateHolds(f, g estimate) bool {
	for _, r := range estimateRules {
		if !r.holds(f, g) {
			return false
		}
	}
	return true
}

// mainActs returns the figures of fs given for what their statement
// states (mainAct), or given by a figure predicate ("the water board put
// the number of evacuees at 1,200").
func mainActs(fs []figureRead, c core) []figureRead {
	giver := false
	for _, h := range c.heads {
		giver = giver || figureVerbs[h]
	}
	var out []figureRead
	for _, f := range fs {
		if giver || mainAct(f, c) {
			out = append(out, f)
		}
	}
	return out
}

// unnamedEvent reports whether two statements that share no name give
// estimates of one event (estimateRules) that neither article offers as
// the correction of the other.
func (b *builder) unnamedEvent(x, y *item, ex, ey []estimate) bool {
	joined := false
	for _, f := range ex {
		for _, g := range ey {
			if !estimateHolds(f, g) {
				continue
			}
			p := [2]figure{{value: f.fig.value}, {value: g.fig.value}}
			if b.corrects(x, p) || b.corrects(y, p) {
				return false
			}
			joined = true
		}
	}
	return joined
}

// sumWords are the words that give a figure as a sum.
var sumWords = map[string]bool{"total": true, "altogether": true, "overall": true}

// sums reports whether a statement's text gives its figure as a sum: a
// sum word, or "in all".
func sums(text string) bool {
	l := strings.ToLower(text)
	for _, f := range strings.FieldsFunc(l, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if sumWords[f] {
			return true
		}
	}
	return strings.Contains(l, " in all")
}
