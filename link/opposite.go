package link

// Two statements alike in every word but their predicate, whose predicates
// are antonyms ("the council approved the bill" / "the council rejected
// the bill"), state opposite versions of one fact: the second does not
// corroborate the first, it contradicts it, and the claim is contested
// (docs/ledger.md). The pairs come from WordNet's antonym pointers
// (synonyms.tsv, "antonym" lines, see train/synonymtrain), read through
// the linker's folds so that "lower" / "raise" also pairs "cut" (which
// the linker folds "lower" to) with "hike" and "increase"; handAntonyms
// adds the pairs WordNet lacks.

// handAntonyms are opposite predicates WordNet does not pair, each with
// two statements whose cores must come out opposite (TestHandAntonyms).
// "reopen" has no antonym in WordNet: its only sense is "open again".
var handAntonyms = []struct {
	pair    [2]string // link stems
	example [2]string
}{
	{[2]string{"close", "reopen"}, [2]string{"The mill at Tarnby will close in May.", "The mill at Tarnby will reopen in May."}},
}

// oppositeHeads holds each antonym pair, both ways, as the heads of cores
// are written: link stems, folded by headFold.
var oppositeHeads = func() map[[2]string]bool {
	fold := foldStem
	m := map[[2]string]bool{}
	add := func(a, b string) {
		a, b = fold(a), fold(b)
		if a != b {
			m[[2]string{a, b}], m[[2]string{b, a}] = true, true
		}
	}
	for _, p := range tableAntonyms {
		add(p[0], p[1])
	}
	for _, h := range handAntonyms {
		add(h.pair[0], h.pair[1])
	}
	return m
}()

// oppositeCores reports whether two parsed statements say opposite things
// of one subject: their main predicates are antonyms, their subjects
// share a word or a name, no named subject of one is missing from the
// other, and their other arguments, when both have some, share one. Mirror acts with their parties swapped ("A sold its stake to B" /
// "B bought A's stake") have different subjects and are no contradiction.
func oppositeCores(x, y core) bool {
	if len(x.heads) == 0 || len(y.heads) == 0 || !oppositeHeads[[2]string{x.heads[0], y.heads[0]}] {
		return false
	}
	if !sameNamed(x, y) {
		return false
	}
	if !sharesAnyKey(x.subject, y.subject) {
		return false
	}
	// The rest of the clauses must be one: "Foley disappeared in Syria"
	// is no contrary of "Foley appears to be forced to read a statement",
	// whose other arguments it shares none of.
	rx, ry := argsBut(x), argsBut(y)
	return len(rx) == 0 || len(ry) == 0 || sharesAnyKey(rx, ry)
}

// sharesAnyKey reports whether two feature sets share a feature.
func sharesAnyKey(x, y map[string]bool) bool {
	for f := range x {
		if y[f] {
			return true
		}
	}
	return false
}

// argsBut returns a core's features outside its subjects, less its
// predicates' own stems.
func argsBut(c core) map[string]bool {
	m := map[string]bool{}
	for f := range c.rest {
		m[f] = true
	}
	for _, w := range append(append([]string{}, c.words...), c.heads...) {
		delete(m, "s:"+w)
	}
	return m
}

// opposite reports whether assertion i states the opposite of claim c's
// first member (oppositeCores), said by a speaker who does not also
// assert the claim.
func (b *builder) opposite(i, c int) bool {
	if b.asserted[claimSpeaker{c, b.speakerOf(i)}] {
		return false
	}
	y, ok := b.coreOfItem(b.members[c][0])
	if !ok || len(y.heads) == 0 {
		return false
	}
	x, ok := b.coreOfItem(i)
	return ok && oppositeCores(x, y)
}

// foldStem writes a stem as the heads of cores are written: through the
// link synonyms, then headFold.
func foldStem(s string) string {
	if f, ok := linkSynonyms[s]; ok {
		s = f
	}
	if f, ok := headFold[s]; ok {
		s = f
	}
	return s
}

// sameNamed reports whether two cores name the same subjects, no more and
// no fewer.
func sameNamed(x, y core) bool {
	if len(x.named) != len(y.named) {
		return false
	}
	for k := range x.named {
		if !y.named[k] {
			return false
		}
	}
	return true
}
