package attrib

import (
	"slices"
	"sort"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/attrib/seq"
)

// Combination is how the rules' statements and the trained labeller's
// attributions are merged into one article's statements. Each is scored on
// PolNeAR dev and on the development ledgers (docs/attribution.md,
// "Combining the rules and the labeller"); ShippedCombination is the one
// analyze runs.
type Combination uint8

// The combinations compared. They differ in where the labeller reads and
// in who wins where a rule statement and a labeller attribution overlap
// (share a cue or content token).
const (
	// CombineShipped is ShippedCombination, whichever that is: the zero
	// value, so that options left unset run what ships.
	CombineShipped Combination = iota
	// CombineUnexplained reads the labeller only on paragraphs holding a
	// reporting word that no rule statement explains, and adds its
	// attributions that overlap no rule statement (the extractor before
	// the combination was measured).
	CombineUnexplained
	// CombineRulesFirst reads the labeller over the whole article and adds
	// each of its attributions that overlaps no rule statement: the rules
	// win every overlap.
	CombineRulesFirst
	// CombineLabellerFirst reads the labeller over the whole article and
	// keeps each of its attributions; a rule statement is kept only where
	// it overlaps none of them: the labeller wins every overlap.
	CombineLabellerFirst
	// CombineLabellerSpans is CombineRulesFirst, except that a rule
	// statement whose cue overlaps a labeller attribution's cue takes that
	// attribution's source, cue and content spans: the rules give the
	// chain, polarity and hedges, the labeller the boundaries.
	CombineLabellerSpans
	// CombineLabellerCues is CombineRulesFirst, except that a rule
	// statement whose cue overlaps a labeller attribution's cue takes that
	// cue's span ("says:", "according to"): the labeller's cue boundaries
	// are PolNeAR's, and the ledger reads no more of a cue than its
	// words. Source and content spans stay the rules' (the ledger reads
	// roles from the one and claims from the other). Not shipped: the
	// labeller's cue is sometimes worse to read ("Herald reported", "is
	// reportedly", "shot down claims").
	CombineLabellerCues
	// CombinePhrases is CombineRulesFirst, and a labeller attribution
	// whose content is a noun phrase ("is defending his tweets", "have
	// questioned the health of X") passes the clause check when its cue is
	// no relay ("citing X": X is a source) and holds no modal ("should be
	// wary of"), no rule statement reads its sentence, it stands in no
	// subordinate clause and sends no named party somewhere (see
	// modelAtt.phrase). It ships: it holds the development ledgers of
	// CombineRulesFirst and raises PolNeAR (docs/attribution.md).
	CombinePhrases
)

// ShippedCombination is the combination analyze, check, ingest, serve,
// worker and export run.
const ShippedCombination = CombinePhrases

// combinationNames name the combinations for flags and reports.
var combinationNames = map[Combination]string{
	CombineUnexplained:   "unexplained",
	CombineRulesFirst:    "rules-first",
	CombineLabellerFirst: "labeller-first",
	CombineLabellerSpans: "labeller-spans",
	CombineLabellerCues:  "labeller-cues",
	CombinePhrases:       "phrases",
}

// String returns the combination's name.
func (c Combination) String() string {
	if n, ok := combinationNames[c.resolved()]; ok {
		return n
	}
	return "unknown"
}

// ParseCombination returns the combination a name (as String gives it)
// names.
func ParseCombination(name string) (Combination, bool) {
	for c, n := range combinationNames {
		if n == name {
			return c, true
		}
	}
	return 0, false
}

// resolved returns c with CombineShipped replaced by ShippedCombination.
func (c Combination) resolved() Combination {
	if c == CombineShipped {
		return ShippedCombination
	}
	return c
}

// Combinations lists the combinations compared, in order.
func Combinations() []Combination {
	return []Combination{CombineUnexplained, CombineRulesFirst, CombineLabellerFirst, CombineLabellerSpans, CombineLabellerCues, CombinePhrases}
}

// combine merges the rules' statements with the labeller's attributions
// by c. convert turns one attribution into a statement (resolving its
// source as the rules would) or reports that it does not read as one. It
// knows nothing of how the rules found their statements, only their spans.
//
// A kept labeller statement replaces the outlet's own-voice statements of
// its sentence: the sentence is someone's claim, not the outlet's.
func combine(rules []claimtrail.Statement, atts []seq.Attribution, convert func(seq.Attribution) (claimtrail.Statement, bool), c Combination) []claimtrail.Statement {
	var learned []claimtrail.Statement
	if c.resolved() == CombineLabellerFirst {
		for _, a := range atts {
			if a.Cue.Empty() {
				continue
			}
			if st, ok := convert(a); ok {
				st.Marked = marking(a, st)
				learned = append(learned, st)
			}
		}
		rules = uncoveredRules(rules, learned)
	} else {
		switch c.resolved() {
		case CombineLabellerSpans:
			rules = adoptSpans(rules, atts, false)
		case CombineLabellerCues:
			rules = adoptSpans(rules, atts, true)
		}
		rules = markRules(rules, atts)
		for _, a := range seq.Uncovered(atts, rules) {
			if st, ok := convert(a); ok {
				st.Marked = marking(a, st)
				learned = append(learned, st)
			}
		}
	}
	if len(learned) == 0 {
		return rules
	}
	voiced := map[claimtrail.Span]bool{}
	for _, st := range learned {
		voiced[st.Sentence] = true
	}
	out := make([]claimtrail.Statement, 0, len(rules)+len(learned))
	for _, st := range rules {
		if !st.Cue.Empty() || !voiced[st.Sentence] {
			out = append(out, st)
		}
	}
	out = append(out, learned...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Content.Start < out[j].Content.Start })
	return out
}

// uncoveredRules returns the rule statements whose cue and content overlap
// no cue or content of the learned statements; own-voice statements (no
// cue) are all kept.
func uncoveredRules(rules, learned []claimtrail.Statement) []claimtrail.Statement {
	spans := make([]claimtrail.Span, 0, 2*len(learned))
	for _, st := range learned {
		spans = append(spans, st.Cue, st.Content)
	}
	idx := claimtrail.NewSpanIndex(spans)
	var out []claimtrail.Statement
	for _, st := range rules {
		if st.Cue.Empty() || !idx.Overlaps(st.Cue) && !idx.Overlaps(st.Content) {
			out = append(out, st)
		}
	}
	return out
}

// adoptSpans gives each rule statement with a cue the spans of the first
// labeller attribution whose cue overlaps its cue: only the cue's when
// cueOnly is set.
func adoptSpans(rules []claimtrail.Statement, atts []seq.Attribution, cueOnly bool) []claimtrail.Statement {
	return withCueMates(rules, atts, func(st *claimtrail.Statement, a seq.Attribution) {
		st.Cue = a.Cue
		if cueOnly {
			return
		}
		st.Content = a.Content
		if !a.Source.Empty() {
			st.Source = a.Source
		}
	})
}

// markRules gives each rule statement with a cue the marking of the first
// labeller attribution whose cue overlaps its cue (Statement.Marked): the
// same act of attribution, with the labeller's boundaries, which are the
// annotators'. The statement's own spans stay the rules': the ledger reads
// a person's role from the source span and one claim per quotation, and
// taking the labeller's spans there costs the ledger (docs/attribution.md,
// "Combining the rules and the labeller"). A labeller attribution with no
// source keeps the rule's source.
func markRules(rules []claimtrail.Statement, atts []seq.Attribution) []claimtrail.Statement {
	return withCueMates(rules, atts, func(st *claimtrail.Statement, a seq.Attribution) {
		st.Marked = marking(a, *st)
	})
}

// withCueMates returns a copy of rules in which each statement with a cue
// is passed to apply with the first labeller attribution (with a content)
// whose cue overlaps its cue.
func withCueMates(rules []claimtrail.Statement, atts []seq.Attribution, apply func(*claimtrail.Statement, seq.Attribution)) []claimtrail.Statement {
	out := make([]claimtrail.Statement, len(rules))
	copy(out, rules)
	for i := range out {
		st := &out[i]
		if st.Cue.Empty() {
			continue
		}
		for _, a := range atts {
			if !a.Cue.Empty() && a.Cue.Overlaps(st.Cue) && !a.Content.Empty() {
				apply(st, a)
				break
			}
		}
	}
	return out
}

// marking is labeller attribution a as the marking of statement st: its
// spans, with st's source where a marks none.
func marking(a seq.Attribution, st claimtrail.Statement) claimtrail.Marking {
	m := claimtrail.Marking{Source: a.Source, Cue: a.Cue, Content: slices.Clone(a.ContentParts)}
	if len(m.Content) == 0 && !a.Content.Empty() {
		m.Content = []claimtrail.Span{a.Content}
	}
	if m.Source.Empty() {
		m.Source = st.Source
	}
	return m
}
