package link

import (
	"slices"
	"sort"
	"strings"

	"github.com/claimtrail/claimtrail/nlp"
)

// paraphrasePairs returns the pairs of claims that state one fact in other
// words and come from different speakers: see restated. Only claims whose
// first members' words hold a predicate the table folds ("gave way") and
// its fold or another word of that fold ("collapsed") are parsed: the
// bag of words has already compared every other pair.
func (b *builder) paraphrasePairs() [][2]int {
	stems := newStemmer()
	folded := make([][]string, len(b.members))
	index := map[string][]int{} // a fold's stem → claims whose words hold it, folded or not
	for c, ms := range b.members {
		it := &b.items[ms[0]]
		if it.negative {
			continue
		}
		words, folds := foldTargets(stems, it.text)
		folded[c] = folds
		for _, w := range words {
			if k := len(index[w]); k == 0 || index[w][k-1] != c {
				index[w] = append(index[w], c)
			}
		}
	}
	var out [][2]int
	for d := range b.members {
		seen := map[int]bool{}
		for _, t := range folded[d] {
			post := index[t]
			if len(post) > b.l.Posting {
				continue
			}
			for _, c := range post {
				if c == d || seen[c] {
					continue
				}
				seen[c] = true
				x, y := min(c, d), max(c, d)
				if b.restated(x, y) {
					out = append(out, [2]int{x, y})
				}
			}
		}
	}
	return out
}

// foldTargets returns what a statement's words may fold to as a
// predicate: words are its stems, each also folded by headFold, and the
// folds of the two-word verbs its words make; folds are the stems that
// only a fold gives ("gave way" gives "collaps").
func foldTargets(stems stemmer, text string) (words, folds []string) {
	forms := nlp.Forms(strings.ToLower(text))
	for _, s := range stems.stems(text) {
		words = append(words, s)
		if f, ok := headFold[s]; ok {
			words = append(words, f)
			folds = append(folds, f)
		}
		for _, w := range forms {
			if f, ok := tablePhrases[s+"_"+w]; ok {
				if g, ok := headFold[f]; ok {
					f = g
				}
				words = append(words, f)
				folds = append(folds, f)
			}
		}
	}
	slices.Sort(words)
	slices.Sort(folds)
	return slices.Compact(words), slices.Compact(folds)
}

// restated reports whether claims c and d, first members x and y, state
// one fact in other words: no speaker of both, cores whose heads are one
// only by a fold and take no clause for object ("began seizing
// territory" and "started to sell" are two acts), a shared subject, no differing figures (near ones count
// as one: figured), no differing named argument (conflicting), no act
// stated only as the other's cause (embeds), no other list.
func (b *builder) restated(c, d int) bool {
	x, y := b.members[c][0], b.members[d][0]
	if b.items[x].negative {
		return false
	}
	if b.sharedSpeaker(c, d) {
		return false
	}
	cx, ok := b.coreOfItem(x)
	if !ok {
		return false
	}
	cy, ok := b.coreOfItem(y)
	if !ok || cx.complement || cy.complement || !foldedOnly(cx, cy) || !sharesSubject(cx, cy) && !nominalParties(cx, cy) {
		return false
	}
	if otherFigures(cx, cy) && b.figured(&b.items[x], &b.items[y]) < b.l.Join && !b.nearFigures(&b.items[x], &b.items[y]) {
		return false
	}
	p, q := b.predicateOf(x), b.predicateOf(y)
	return !conflicting(p, q) && !embeds(p, q) && !otherLists(cx, cy)
}

// sharedSpeaker reports whether a speaker asserts or denies both claims:
// a paraphrase must come from another origin (one speaker restating
// itself corroborates nothing), and a speaker who asserts one and denies
// the other does not hold them one fact.
func (b *builder) sharedSpeaker(c, d int) bool {
	seen := map[string]bool{}
	for _, m := range slices.Concat(b.members[c], b.deniers[c]) {
		seen[b.items[m].speaker] = true
	}
	for _, m := range slices.Concat(b.members[d], b.deniers[d]) {
		if seen[b.items[m].speaker] {
			return true
		}
	}
	return false
}

// sharesHead reports whether the cores share a folded head.
func sharesHead(a, b core) bool { return sharesAny(a.heads, b.heads) }

// foldedOnly reports whether the cores' heads are one only by a fold:
// no head word is written alike.
func foldedOnly(a, b core) bool { return sharesHead(a, b) && !sharesAny(a.words, b.words) }

// sharesSubject reports whether the cores' subjects share a common word
// ("the sea wall" / "a section of the sea wall"), or a name neither holds only
// as a modifier: a place that locates two things ("the wall at Brennick",
// "the roof of the Brennick market") is not their subject.
func sharesSubject(a, b core) bool {
	for f := range a.subject {
		if b.subject[f] && (strings.HasPrefix(f, "s:") || a.named[f] && b.named[f]) {
			return true
		}
	}
	return false
}

// otherFigures reports whether both cores give figures and share none.
func otherFigures(a, b core) bool {
	if len(a.figures) == 0 || len(b.figures) == 0 {
		return false
	}
	for f := range a.figures {
		if b.figures[f] {
			return false
		}
	}
	return true
}

// mergeParaphrases joins the claims of paraphrasePairs, each group into
// its earliest claim, with their members and deniers; the claims keep
// their order.
func (b *builder) mergeParaphrases() {
	pairs := b.paraphrasePairs()
	if len(pairs) == 0 {
		return
	}
	into := make([]int, len(b.members))
	for c := range into {
		into[c] = c
	}
	find := func(c int) int {
		for into[c] != c {
			c = into[c]
		}
		return c
	}
	for _, p := range pairs {
		a, d := find(p[0]), find(p[1])
		if a != d {
			into[max(a, d)] = min(a, d)
		}
	}
	var members, deniers [][]int
	slot := make([]int, len(b.members)) // a root claim → its place in members
	for c := range b.members {
		r := find(c)
		if r == c {
			slot[c] = len(members)
			members = append(members, append([]int(nil), b.members[c]...))
			deniers = append(deniers, append([]int(nil), b.deniers[c]...))
			continue
		}
		k := slot[r] // r < c: already placed
		members[k] = append(members[k], b.members[c]...)
		deniers[k] = append(deniers[k], b.deniers[c]...)
	}
	for k := range members {
		sort.Ints(members[k])
		sort.Ints(deniers[k])
	}
	b.members, b.deniers = members, deniers
}

// nominalParties reports whether two cores whose heads meet only through
// a noun a support verb carries ("Pascoe's agent acknowledged discussions
// with the club" / "the club is in talks with Pascoe") share a party
// anywhere in their arguments: the noun names the event, so its parties
// hang from it or from the verb, not from one subject. When both name
// parties, a name must be shared: "Sony is beginning negotiations with
// Bale" and "Boyle held talks with DiCaprio" are two talks.
func nominalParties(a, b core) bool {
	if !sharesAny(a.nominal, b.heads) && !sharesAny(b.nominal, a.heads) {
		return false
	}
	na, nb := argumentNames(a), argumentNames(b)
	if len(na) > 0 && len(nb) > 0 {
		return sharesAny(na, nb)
	}
	for _, x := range []map[string]bool{a.subject, a.rest} {
		for f := range x {
			if (b.subject[f] || b.rest[f]) && !slices.Contains(a.words, strings.TrimPrefix(f, "s:")) {
				return true
			}
		}
	}
	return false
}

// argumentNames returns the entity keys among a core's arguments.
func argumentNames(c core) []string {
	var out []string
	for _, x := range []map[string]bool{c.subject, c.rest} {
		for f := range x {
			if strings.HasPrefix(f, "e:") {
				out = append(out, f)
			}
		}
	}
	return out
}

// nearFigures reports whether two assertions give near figures of one
// counted noun (figure.near: "fined 48,000 crowns" / "a penalty of 52,000
// crowns") that no sentence of either article offers as the correction of
// the other: differing estimates of one event, which the claim shows.
func (b *builder) nearFigures(x, y *item) bool {
	for _, f := range x.figs {
		for _, g := range y.figs {
			p := [2]figure{f, g}
			if f.near(g) && !b.corrects(x, p) && !b.corrects(y, p) {
				return true
			}
		}
	}
	return false
}
