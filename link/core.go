package link

import (
	"slices"
	"strings"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/nlp"
)

// A statement's core is what its main clause says: the predicate, its
// subject and its other arguments, read from the dependency parse, without
// the relative clauses and asides hung on them ("Detectives investigating
// the theft …"), the time they name ("that night") or the source they cite
// ("according to two bankers"). Adverbial clauses stay: "banned after
// testing positive" states the test too. Two statements that share words only outside their
// cores, or only their subject, say different things of it: "the alarm
// system was fully working" is not "the alarm system had been switched off
// for maintenance", "the tanker was carrying smuggled fuel" is not
// "commandos seized the tanker", "most of the village is still standing" is
// not "the village has been destroyed". Loosely alike pairs (coreBand) are
// parsed for it before they join one claim.
type core struct {
	heads []string // link stems of the main predicate and its coordinated clauses' predicates, folded by headSynonyms
	// words are the heads as written, before any fold: two heads that
	// only a fold makes one are predicates the features keep apart.
	words   []string
	subject map[string]bool // features (link stems, "e:" entity keys) of the subjects
	// named are the entity keys of the subjects that no modifier holds:
	// "Brennick" is the subject of "Brennick collapsed", not of "the wall
	// at Brennick collapsed".
	named   map[string]bool
	rest    map[string]bool // features of the other arguments and the predicates
	figures map[string]bool // quantity keys anywhere in the core
	// lists are the core's coordinated nouns, each list the features of
	// its members' head words ("names, dates of birth and addresses").
	lists [][]string
	// contrast marks a clause set against what came before: "but" or
	// "yet" opening it, or "still" on its predicate ("most of the village
	// is still standing").
	contrast bool
	// nominal are the folded heads of the nouns that a support verb among
	// the heads carries ("negotiations have begun": supportVerbs); they
	// count as heads too, after the verbs.
	nominal []string
	// complement marks a predicate with a clause for its object ("began
	// seizing territory", "started to sell"): the act is the clause's,
	// not the predicate's.
	complement bool
	// exclusive marks a predicate or object restricted as the only one
	// ("carried only tents", "hit a warehouse instead": exclusiveRules).
	exclusive bool
}

// coreBand is the similarity under which two assertions about to join are
// compared by their cores: above it they share most of their words, and
// every such pair in the development stories stated one fact.
const coreBand = 0.6

// peripheralRels are the relations whose subtrees are no part of a clause's
// core: relative clauses, asides, and bare time nouns.
var peripheralRels = []string{"acl", "parataxis", "discourse", "vocative", "dislocated",
	"reparandum", "obl:tmod", "nmod:tmod", "obl:npmod", "appos"}

// subjectRels are the relations of a clause's subject.
var subjectRels = []string{"nsubj", "csubj"}

// timeNouns are the nouns whose phrases only date what a clause says ("on
// Saturday night", "that morning"), which two different facts of one day
// share.
var timeNouns = map[string]bool{
	"night": true, "nights": true, "morning": true, "mornings": true, "afternoon": true, "evening": true,
	"day": true, "days": true, "week": true, "weeks": true, "weekend": true, "month": true, "months": true,
	"year": true, "years": true, "hour": true, "hours": true, "minute": true, "minutes": true, "time": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true,
	"sunday": true, "today": true, "tonight": true, "yesterday": true, "dawn": true, "midnight": true, "noon": true,
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true, "july": true,
	"august": true, "september": true, "october": true, "november": true, "december": true,
}

// headSynonyms are predicates news uses for one event whose stems the
// linker's features keep apart (folding them there would join other
// claims); they count as one head when cores are compared. Each group's
// first stem is what the others fold to ("talk" is already "meet" among
// the linker's synonyms); the examples are pairs of heads that must
// compare equal (TestHeadSynonyms). The WordNet table does not give them:
// "talk" and "negotiate", "leave" and "depart" have different first
// senses, and "attack" joins "assault" only in the table's group of
// "assail", where "attack" is not dominant enough.
var headSynonyms = []struct {
	group   []string
	example [2]string
}{
	{[]string{"meet", "talk", "discuss", "negoti"}, [2]string{"the two firms are in talks", "it was in discussions with the buyer"}},
	{[]string{"attack", "assault"}, [2]string{"rebels attacked the convoy", "rebels assaulted the convoy"}},
	{[]string{"leav", "depart", "exit"}, [2]string{"the minister will leave the cabinet", "the minister will depart"}},
	{[]string{"fine", "penalti"}, [2]string{"the council fined the Quarne mill", "the council imposed a penalty on the Quarne mill"}},
}

// headFold folds the heads of cores: the WordNet table (synonyms.tsv,
// see train/synonymtrain), then the hand groups, which win. A head is
// already a link stem, so irregular pasts and the linker's synonyms are
// folded before ("began" → "begin" → "start"). The table serves here and
// not in the features of every statement: two statements are compared by
// their cores only when they are already alike enough to join (from Join
// to coreBand), and a fold of their predicates can only stop the core
// test from keeping them apart, so it joins no statements that share
// nothing else; folded into every feature, it shifted the rarity weights
// of common verbs and cost a denial on the development ledgers.
var headFold = func() map[string]string {
	m := map[string]string{}
	for k, v := range tableSynonyms {
		m[k] = v
	}
	for _, g := range headSynonyms {
		for _, w := range g.group[1:] {
			m[w] = g.group[0]
		}
		delete(m, g.group[0]) // a hand group's first stem is its own
	}
	for k, v := range m {
		if w, ok := m[v]; ok && w != v {
			m[k] = w // a table group whose first stem a hand group folds
		}
	}
	return m
}()

// phraseRels are the relations by which a verb's second word makes a
// two-word verb with it: a particle ("shut down", "caved in", which the
// parser also reads as an adverb) or a bare object ("gave way").
var phraseRels = []string{"compound:prt", "advmod", "obj"}

// modifierRels are the relations of a noun's modifiers: a name under one
// qualifies the noun it hangs from ("the wall at Brennick").
var modifierRels = []string{"nmod", "amod", "compound"}

// modifier reports whether word w hangs from another noun of the clause
// headed by top through a modifier relation on its way up.
func modifier(t *nlp.Tree, top, w int) bool {
	for k := w; k != top && k >= 0; k = t.Head(k) {
		for _, r := range modifierRels {
			if nlp.RelIs(t.Rel(k), r) && t.UPOS(t.Head(k)) != "PROPN" {
				return true
			}
		}
	}
	return false
}

// foldHead folds the head stem of word h: as the two-word verb it makes
// with a particle or a bare object when the table lists one ("gave way"
// → "collaps"), else by headFold.
func foldHead(t *nlp.Tree, h int, head string) string {
	for _, rel := range phraseRels {
		for _, d := range t.Dependents(h, rel) {
			if len(t.Children(d)) > 0 {
				continue // "gave the order": not a bare word
			}
			if f, ok := tablePhrases[head+"_"+strings.ToLower(t.Token(d).Text)]; ok {
				head = f
				break
			}
		}
	}
	if f, ok := headFold[head]; ok {
		return f
	}
	return head
}

// coreOf parses a statement's content and returns its core; ok is false
// when the parse gives no predicate.
func coreOf(doc *nlp.Document, span claimtrail.Span, stems stemmer) (core, bool) {
	if doc == nil {
		return core{}, false
	}
	t, top := spanTop(doc, span)
	if top < 0 {
		return core{}, false
	}
	inside := inSpan(t, span)
	c := core{subject: map[string]bool{}, named: map[string]bool{}, rest: map[string]bool{}, figures: map[string]bool{}}
	// class: 0 left out, 1 subject, 2 rest; a word takes its class from the
	// first marked word on its way up to the top.
	class := make([]int8, t.Len())
	for w := 0; w < t.Len(); w++ {
		class[w] = classify(t, top, w, inside)
	}
	heads := []int{top}
	heads = append(heads, t.Dependents(top, "conj")...)
	for _, h := range heads {
		if st := stems.stems(common(t, h)); len(st) == 1 {
			c.words = append(c.words, st[0])
			c.heads = append(c.heads, foldHead(t, h, st[0]))
			for _, n := range supportNouns(t, h, st[0], stems, inside) {
				c.words = append(c.words, n)
				c.nominal = append(c.nominal, fold(n))
			}
		}
	}
	for w := 0; w < t.Len(); w++ {
		if class[w] == 0 || t.UPOS(w) == "PROPN" {
			continue
		}
		for _, s := range stems.stems(common(t, w)) {
			c.add(class[w], "s:"+s)
		}
	}
	c.lists = lists(doc, t, class, stems)
	c.contrast = contrastive(t, top, heads, inside)
	c.exclusive = exclusiveMark(t, heads, inside)
	for _, h := range heads {
		for _, rel := range []string{"xcomp", "ccomp"} {
			for _, d := range t.Dependents(h, rel) {
				c.complement = c.complement || inside(d)
			}
		}
	}
	at := func(off int) int {
		for w := 0; w < t.Len(); w++ {
			if tk := t.Token(w); tk.Start <= off && off < tk.End {
				return w
			}
		}
		return -1
	}
	for _, e := range doc.EntitiesIn(span) {
		if w := at(e.Start); w >= 0 && class[w] > 0 && e.Key != "" {
			c.add(class[w], "e:"+e.Key)
			if class[w] == 1 && !modifier(t, top, w) {
				c.named["e:"+e.Key] = true
			}
		}
	}
	for _, q := range doc.QuantitiesIn(span) {
		if w := at(q.Start); w >= 0 && class[w] > 0 && q.Unit != "year" {
			c.figures[quantityKey(q.Value)] = true
		}
	}
	c.heads = append(c.heads, c.nominal...)
	return c, len(c.heads) > 0
}

func (c *core) add(class int8, f string) {
	if class == 1 {
		c.subject[f] = true
	} else {
		c.rest[f] = true
	}
}

// classify places word w of the content: 0 outside the core (outside the
// content, below the top, or in a peripheral subtree), 1 in a subject of
// the top or of a clause coordinated with it, 2 elsewhere in the core.
func classify(t *nlp.Tree, top, w int, inside func(int) bool) int8 {
	if !inside(w) {
		return 0
	}
	class := int8(2)
	for k := w; k != top; k = t.Head(k) {
		if k < 0 || !inside(k) {
			return 0 // hung outside the content: not the top's
		}
		rel := t.Rel(k)
		for _, p := range peripheralRels {
			if nlp.RelIs(rel, p) {
				return 0
			}
		}
		if nlp.RelIs(rel, "obl") && (timeNouns[strings.ToLower(t.Token(k).Text)] || attributing(t, k)) {
			return 0
		}
		h := t.Head(k)
		for _, s := range subjectRels {
			if nlp.RelIs(rel, s) && (h == top || nlp.RelIs(t.Rel(h), "conj") && t.Head(h) == top) {
				class = 1
			}
		}
	}
	return class
}

// differentCores reports whether two parsed statements say different
// things: one answers what the other states (responds), or their
// predicates differ, they share no figure, and nothing of what they share
// lies outside their subjects.
func differentCores(a, b core) bool {
	if responds(a, b) || responds(b, a) {
		return true
	}
	for _, h := range a.heads {
		if slices.Contains(b.heads, h) {
			return false
		}
	}
	for f := range a.figures {
		if b.figures[f] {
			return false
		}
	}
	for f := range a.rest {
		if b.rest[f] {
			return false
		}
	}
	return true
}

// coreOfItem returns item i's core, parsing it on first need.
func (b *builder) coreOfItem(i int) (core, bool) { return b.itemCore(&b.items[i]) }

// itemCore returns an item's core, parsing it on first need.
func (b *builder) itemCore(it *item) (core, bool) {
	if it.core == nil {
		c, ok := coreOf(b.docs[it.st.Article], it.st.Content, newStemmer())
		it.core = &coreResult{c, ok}
	}
	return it.core.core, it.core.ok
}

// coreResult is a parsed core, cached on its item.
type coreResult struct {
	core core
	ok   bool
}

// coresApart reports whether assertion i, loosely alike claim c, says
// something else than every member it is alike with: see core. Members are
// those the score reads.
func (b *builder) coresApart(i, c int) bool {
	x, ok := b.coreOfItem(i)
	if !ok {
		return false
	}
	for k, m := range b.members[c] {
		if k == b.l.Members {
			break
		}
		if b.alike(&b.items[i], &b.items[m]) < b.l.Join {
			continue
		}
		if b.figured(&b.items[i], &b.items[m]) >= b.l.Join || b.oneEvent(&b.items[i], &b.items[m]) {
			return false // the same count of the same thing, or a count of the same event
		}
		y, ok := b.coreOfItem(m)
		if !ok || !differentCores(x, y) {
			return false
		}
	}
	return true
}

// attributing reports whether oblique k names a source ("according to two
// bankers"): who says it, not what is said.
func attributing(t *nlp.Tree, k int) bool {
	for _, c := range t.Dependents(k, "case") {
		if strings.EqualFold(t.Token(c).Text, "according") {
			return true
		}
	}
	return false
}

// lists returns the features of the head words of each coordination of
// nouns in the core: "the data included names, dates of birth and
// addresses" gives one list of "name", "date" and "address".
func lists(doc *nlp.Document, t *nlp.Tree, class []int8, stems stemmer) [][]string {
	nominal := func(w int) bool { return t.UPOS(w) == "NOUN" || t.UPOS(w) == "PROPN" }
	var out [][]string
	for w := 0; w < t.Len(); w++ {
		if class[w] == 0 || !nominal(w) || nlp.RelIs(t.Rel(w), "conj") {
			continue
		}
		members := []int{w}
		for _, c := range t.Dependents(w, "conj") {
			if class[c] > 0 && nominal(c) {
				members = append(members, c)
			}
		}
		if len(members) < 2 {
			continue
		}
		var list []string
		for _, m := range members {
			list = append(list, wordFeatures(doc, t, m, stems)...)
		}
		out = append(out, list)
	}
	return out
}

// wordFeatures returns the link features of word w: the key of the entity
// it lies in, or its stems.
func wordFeatures(doc *nlp.Document, t *nlp.Tree, w int, stems stemmer) []string {
	tk := t.Token(w)
	if t.UPOS(w) == "PROPN" {
		for _, e := range doc.EntitiesIn(claimtrail.Span{Start: tk.Start, End: tk.End}) {
			if e.Key != "" && e.Start <= tk.Start && tk.End <= e.End {
				return []string{"e:" + e.Key}
			}
		}
	}
	var out []string
	for _, s := range stems.stems(common(t, w)) {
		out = append(out, "s:"+s)
	}
	return out
}

// otherLists reports whether two cores list different things: a list of
// one shares a member with a list of the other, and one of the two has a
// member the other core does not name at all. "It included names, dates
// of birth, home addresses and passwords" is not corroborated by "the data
// included names, dates of birth and addresses".
func otherLists(a, b core) bool {
	for _, x := range a.lists {
		for _, y := range b.lists {
			if !sharesAny(x, y) {
				continue
			}
			if b.lacksAny(x) || a.lacksAny(y) {
				return true
			}
		}
	}
	return false
}

func sharesAny(x, y []string) bool {
	for _, f := range x {
		if slices.Contains(y, f) {
			return true
		}
	}
	return false
}

// lacksAny reports whether the core names none of some feature of list.
func (c core) lacksAny(list []string) bool {
	for _, f := range list {
		if !c.subject[f] && !c.rest[f] {
			return true
		}
	}
	return false
}

// listsApart reports whether assertion i lists other things than the
// claim c members it is alike with (otherLists); near copies are not
// compared.
func (b *builder) listsApart(i, c int) bool {
	if !coordinates(b.items[i].text) {
		return false // no list: nothing to parse
	}
	x, ok := b.coreOfItem(i)
	if !ok || len(x.lists) == 0 {
		return false
	}
	for k, m := range b.members[c] {
		if k == b.l.Members {
			break
		}
		if s := b.alike(&b.items[i], &b.items[m]); s < b.l.Join || s >= copyScore {
			continue
		}
		if !coordinates(b.items[m].text) {
			continue
		}
		if y, ok := b.coreOfItem(m); ok && otherLists(x, y) {
			return true
		}
	}
	return false
}

// contrastWords are the adverbs and conjunctions by which a clause sets
// itself against what was said before, each with an example.
var contrastWords = map[string]string{
	"still":   "most of the village is still standing",
	"but":     "but the school is standing",
	"yet":     "yet the bridge survived the flood",
	"however": "the hospital, however, is open",
}

// contrastive reports whether the clause headed by heads carries a
// contrast word as a dependent of one of its predicates.
func contrastive(t *nlp.Tree, top int, heads []int, inside func(int) bool) bool {
	for _, h := range heads {
		for _, c := range t.Children(h) {
			if _, ok := contrastWords[strings.ToLower(t.Token(c).Text)]; ok && (inside(c) || h == top) {
				return true
			}
		}
	}
	return false
}

// contradicts reports whether assertion i, loosely alike claim c, states
// the contrary of it: its core differs from the claim's (coresApart), it
// speaks of the same subject and it sets itself against what was said
// ("but most of the village is still standing" beside "the village has
// been destroyed"). Such an assertion answers the claim; it does not
// corroborate it. A speaker who already asserts the claim in the same
// article sets the contrast against something else of it: "A nun in an
// Italian order also gave birth. However, her case was different" goes
// on with the outlet's own account, it does not take back its sentence.
func (b *builder) contradicts(i, c int) bool {
	if b.asserted[claimSpeaker{c, b.speakerOf(i)}] {
		return false
	}
	x, ok := b.coreOfItem(i)
	if !ok || !x.contrast || !b.coresApart(i, c) {
		return false
	}
	y, ok := b.coreOfItem(b.members[c][0])
	if !ok {
		return false
	}
	for f := range y.subject {
		if strings.HasPrefix(f, "e:") && (x.subject[f] || x.rest[f]) {
			return true // the claim's named subject, wherever the parse hangs it in i
		}
	}
	return false
}

// coordinates reports whether text may hold a coordination of nouns.
func coordinates(text string) bool {
	for _, f := range nlp.Forms(text) {
		if f == "and" || f == "or" {
			return true
		}
	}
	return false
}

// responseVerbs are the predicates (link stems) by which a party answers
// what another said: "the mill has answered the council's accusation"
// names the accusation, and shares its words, but states the answer, not
// the act the accusation charges ("the council accused the mill of
// dumping waste"). An accusation and its answer are two claims.
var responseVerbs = map[string]bool{"answer": true, "respond": true, "repli": true, "react": true, "rebut": true, "retort": true}

// responds reports whether core a's main predicate answers something
// (responseVerbs) and b states no answer.
func responds(a, b core) bool {
	if len(a.words) == 0 || !responseVerbs[a.words[0]] {
		return false
	}
	for _, w := range b.words {
		if responseVerbs[w] {
			return false
		}
	}
	return true
}
