package link

import (
	"slices"
	"strings"

	"github.com/claimtrail/claimtrail/nlp"
)

// A counter-statement denies a claim without a negation: it states the
// same act of the same subject with another argument, and marks that
// argument as the whole of what happened ("the ministry said the convoy
// carried only tents and water" against "the convoy carried rifles"), or
// it states a condition of the subject that rules the act out ("the
// freighter had been empty since January" against "the freighter carried
// drones"). Read as an assertion, it would start a claim of its own and
// leave the claim it answers uncontested; it is the speaker's denial of
// that claim (docs/ledger.md).

// exclusiveRule is one way a clause marks its argument as the only one:
// a word, the relation by which it hangs from the word it restricts, and
// what that word must be in the clause (the predicate, or the predicate's
// object). Each rule carries a claim and a counter-statement that its test
// parses (TestExclusiveRules).
type exclusiveRule struct {
	word string // lower-case form
	rel  string // its relation to the word it restricts
	// on is what the restricted word is: "pred" for the clause's predicate,
	// "obj" for the predicate's object, "none" for "nothing"/"none" as the
	// object ("nothing but blankets").
	on      string
	example [2]string // a claim, and the counter-statement that denies it
}

// exclusiveRules are the marks of an exclusive alternative. "only" on the
// subject ("only the laboratory in the capital can confirm cases") limits
// who acts and contradicts no claim of what was done, so no rule reads it.
var exclusiveRules = []exclusiveRule{
	{"only", "advmod", "obj", [2]string{"The convoy carried rifles.", "The convoy carried only tents and water."}},
	{"only", "advmod", "obj", [2]string{"The barge was carrying fuel.", "The barge was carrying only grain."}},
	{"instead", "advmod", "pred", [2]string{"The shells hit the school.", "The shells hit a warehouse instead."}},
	{"but", "case", "none", [2]string{"The trucks carried weapons.", "The trucks carried nothing but blankets."}},
}

// exclusiveState is a condition of a subject that rules out acts of it:
// an empty ship carried nothing. Each row names the condition's word, the
// predicates it rules out (words, stemmed and folded as heads are) and an
// example pair its test parses.
type exclusiveState struct {
	word     string
	excludes []string
	example  [2]string
}

// exclusiveStates are the conditions that deny an act of their subject.
var exclusiveStates = []exclusiveState{
	{"empty", []string{"carry", "contain", "hold", "load", "transport"},
		[2]string{"The freighter carried drones to the rebels.", "The freighter had been empty since January."}},
}

// stateExcludes maps each state's head (a link stem) to the heads it
// rules out, folded as cores write them.
var stateExcludes = func() map[string]map[string]bool {
	stems := newStemmer()
	m := map[string]map[string]bool{}
	for _, s := range exclusiveStates {
		head := foldStem(stems.stems(s.word)[0])
		m[head] = map[string]bool{}
		for _, w := range s.excludes {
			m[head][foldStem(stems.stems(w)[0])] = true
		}
	}
	return m
}()

// exclusiveWords are the forms a content must hold for it to be parsed as
// a possible counter-statement: the rules' words and the states' words.
var exclusiveWords = func() map[string]bool {
	m := map[string]bool{}
	for _, r := range exclusiveRules {
		m[r.word] = true
	}
	for _, s := range exclusiveStates {
		m[s.word] = true
	}
	return m
}()

// noneWords are the pronouns that, as an object, make "but" exclusive.
var noneWords = map[string]bool{"nothing": true, "none": true}

// exclusiveMark reports whether the clause headed by heads (top first)
// restricts its predicate or object by an exclusive rule.
func exclusiveMark(t *nlp.Tree, heads []int, inside func(int) bool) bool {
	for w := 0; w < t.Len(); w++ {
		if !inside(w) {
			continue
		}
		form := strings.ToLower(t.Token(w).Text)
		for _, r := range exclusiveRules {
			if form == r.word && nlp.RelIs(t.Rel(w), r.rel) && restricts(t, heads, w, r.on) {
				return true
			}
		}
	}
	return false
}

// restricts reports whether mark w restricts what its rule asks: one of
// the heads; an object of one, or a head between it and its object (the
// parser hangs "only" of "carried only tents" on the verb); or "nothing"
// as an object, whose "but" hangs from the noun under it.
func restricts(t *nlp.Tree, heads []int, w int, on string) bool {
	h := t.Head(w)
	if h < 0 {
		return false
	}
	isHead := func(w int) bool {
		for _, x := range heads {
			if x == w {
				return true
			}
		}
		return false
	}
	switch on {
	case "pred":
		return isHead(h)
	case "obj":
		if isHead(h) {
			o := t.Dependent(h, "obj")
			return h < w && w < o
		}
		return nlp.RelIs(t.Rel(h), "obj") && isHead(t.Head(h))
	case "none":
		n := t.Head(h)
		return n >= 0 && noneWords[strings.ToLower(t.Token(n).Text)] && nlp.RelIs(t.Rel(n), "obj") && isHead(t.Head(n))
	}
	return false
}

// counters reports whether core x is a counter-statement of core y: of
// one subject (a shared subject feature, and no named subject of one
// missing from the other), x states an act of y's (its main predicate or
// one coordinated with it) with an exclusive mark and
// lacks an argument of y's ("carried only tents" does not name y's
// rifles), or x's predicate is a condition that rules y's act out.
func counters(x, y core) bool {
	if len(x.heads) == 0 || len(y.heads) == 0 || !sameSubject(x, y) {
		return false
	}
	for _, h := range y.heads {
		if stateExcludes[x.heads[0]][h] {
			return true
		}
	}
	if !x.exclusive || !slices.Contains(y.heads, x.heads[0]) {
		return false
	}
	for f := range argsBut(y) {
		if !x.rest[f] && !x.subject[f] {
			return true // the alternative the mark excludes
		}
	}
	return false
}

// sameSubject reports whether two cores speak of one subject: a subject
// feature in common, and the same named subjects.
func sameSubject(x, y core) bool {
	if !sameNamed(x, y) {
		return false
	}
	return sharesAnyKey(x.subject, y.subject)
}

// countered returns the claim assertion i counters (counters: one of the
// claim's first members), the candidate sharing most with it, or -1. Only contents holding a word of
// the rules or states are parsed; a claim the speaker asserts itself, or
// one stated negatively, is not countered.
func (b *builder) countered(i int) int {
	if !anyForm(b.items[i].text, exclusiveWords) {
		return -1
	}
	x, ok := b.coreOfItem(i)
	if !ok || !x.exclusive && stateExcludes[x.heads[0]] == nil {
		return -1
	}
	return b.firstCountered(i, func(m int) bool {
		y, ok := b.coreOfItem(m)
		return ok && counters(x, y)
	})
}

// firstCountered returns the first candidate claim of assertion i one of
// whose first members match holds for, or -1. A claim the speaker asserts
// itself, or one stated negatively, is never countered.
func (b *builder) firstCountered(i int, match func(m int) bool) int {
	for _, c := range b.candidates(i) {
		if b.items[b.members[c][0]].negative || b.asserted[claimSpeaker{c, b.speakerOf(i)}] {
			continue
		}
		for k, m := range b.members[c] {
			if k == b.l.Members {
				break
			}
			if match(m) {
				return c
			}
		}
	}
	return -1
}

// anyForm reports whether text holds one of the forms.
func anyForm(text string, forms map[string]bool) bool {
	for _, f := range nlp.Forms(text) {
		if forms[f] {
			return true
		}
	}
	return false
}
