package link

import (
	"slices"
	"strings"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/nlp"
)

// A negative answers the claim it contradicts even when it repeats too
// few of the claim's words to be matched by them: "General Osk was never
// in Tellan" answers "General Osk was in Tellan on Friday"; "the striker
// has not been sold to any club" answers "the striker was sold to Harwick
// Town". What ties the two is their structure, read from the dependency
// trees: the same named subject, a predicate of the same lemma or of one
// small class (answerClasses), a negative frame on that predicate or its
// object (answerFrames), and arguments that the negative either repeats
// or generalises ("any club" for a named club, "no money" for a sum).
// A negative that shares the subject but states another act ("the tanker
// has never been inspected" beside "the tanker carried rifles") answers
// nothing and stays a negative fact.

// answerFrame is one way a clause states its act negatively: the
// negator's form, its relation to the word it negates, and what that
// word is ("pred": the clause's predicate; "arg": one of its arguments,
// which the negator then also generalises: "spent no money"). Each frame
// carries a claim and a negative that answers it (TestAnswerFrames).
type answerFrame struct {
	word    string
	rel     string
	on      string
	example [2]string
}

// answerFrames are the negative frames read for an answer.
var answerFrames = []answerFrame{
	{"never", "advmod", "pred", [2]string{"General Osk was in Tellan on Friday.", "General Osk was never in Tellan."}},
	{"not", "advmod", "pred", [2]string{"Mayor Vinna Roeck signed the harbour contract in May.", "Mayor Vinna Roeck has not signed any contract."}},
	{"n't", "advmod", "pred", [2]string{"Mayor Vinna Roeck signed the harbour contract in May.", "Mayor Vinna Roeck didn't sign a contract."}},
	{"no", "det", "arg", [2]string{"The Pellham council spent 4 million on the new arena.", "The Pellham council spent no money on the arena."}},
	// "there were no N": the things the claim has act (readExistential).
	{"no", "det", "arg", [2]string{"Armoured cars loyal to the colonel were parked around the town hall.", "There were no armoured cars at the town hall, only the usual police."}},
	// Existence denials that refer back to the claim's thing, with no
	// place: "no such N exists", "there is no such N", "N does not
	// exist" deny the claim whose subject or object N heads (existsIn;
	// reading.referring); a short N proposes no candidates and is looked
	// up by withThing.
	{"no", "det", "arg", [2]string{"The Tolmer agency compiled a list of 40 journalists to be watched.", "No such list exists."}},
	{"no", "det", "arg", [2]string{"The Tolmer agency compiled a list of 40 journalists to be watched.", "There is no such list."}},
	{"not", "advmod", "pred", [2]string{"The Tolmer agency compiled a list of 40 journalists to be watched.", "The list does not exist."}},
}

// generalisers are the determiners by which a negative widens an argument
// to every thing of its kind: "not sold to any club" denies a sale to any
// named club. "a" and "an" widen only under a negated predicate ("never
// signed a contract").
var generalisers = map[string]bool{"any": true, "no": true, "a": true, "an": true}

// answerClasses are the predicates that state one act in different words
// when a negative answers a claim: being at a place and going there. The
// first word of each class is what the others fold to; "be_at" is a copula
// with a place ("was in Tellan"). Each class carries a claim and a negative
// of another predicate of the class that answers it (TestAnswerFrames).
var answerClasses = []struct {
	class   []string
	example [2]string
}{
	{[]string{"be_at", "visit", "arrive", "travel", "stay"}, [2]string{"General Osk visited Tellan on Friday.", "General Osk was never in Tellan."}},
	{[]string{"carry", "transport", "ship", "deliver"}, [2]string{"The Osk Star transported rifles to Tellan.", "The Osk Star has never carried any rifles."}},
}

// answerClass maps a predicate's link stem to its class's first stem.
var answerClass = func() map[string]string {
	stems := newStemmer()
	m := map[string]string{}
	for _, c := range answerClasses {
		first := c.class[0]
		for _, w := range c.class {
			k := w
			if w != "be_at" {
				k = foldStem(stems.stems(w)[0])
			}
			m[k] = first
		}
	}
	return m
}()

// placements are the predicates by which a claim puts its object at a
// place ("witnesses saw General Osk in Tellan", "phone records place the
// minister in Telvar"): a negative of being there ("General Osk was never
// in Tellan") answers them with the object for its subject. Each carries
// a claim and the negative that answers it (TestAnswerFrames).
var placements = []struct {
	word    string
	example [2]string
}{
	{"seen", [2]string{"Residents had seen General Osk in Tellan.", "General Osk was never in Tellan."}},
	{"saw", [2]string{"Residents saw General Osk in Tellan on Friday.", "General Osk was never in Tellan."}},
	{"place", [2]string{"A witness placed General Osk in Tellan on Friday.", "General Osk was never in Tellan."}},
	{"spot", [2]string{"Residents spotted General Osk in Tellan on Friday.", "General Osk has never been in Tellan."}},
}

// placing holds the link stems of placements, folded as heads are.
var placing = func() map[string]bool {
	stems := newStemmer()
	m := map[string]bool{}
	for _, p := range placements {
		m[foldStem(stems.stems(p.word)[0])] = true
	}
	return m
}()

// roleNouns are the nouns that name what an act moves, by which a copula
// restates the act: "the Kesta Moor's cargo was only grain" says what the
// Kesta Moor carried. The noun's possessor is the act's subject, the
// copula's predicate its object; "only" on that predicate makes the
// clause a counter-statement (exclusive.go) of the claim that the subject
// carried something else. Each carries a claim and the counter-statement
// that answers it (TestRoleNouns).
var roleNouns = []struct {
	noun, act string
	example   [2]string
}{
	{"cargo", "carry", [2]string{"The Kesta Moor carried rifles to Tellan.", "The Kesta Moor's cargo was only grain."}},
	{"freight", "carry", [2]string{"The Kesta Moor was carrying rifles.", "The Kesta Moor's freight was only timber."}},
}

// roleAct maps a role noun's link stem to its act's class.
var roleAct = func() map[string]string {
	stems := newStemmer()
	m := map[string]string{}
	for _, r := range roleNouns {
		act := foldStem(stems.stems(r.act)[0])
		if c, ok := answerClass[act]; ok {
			act = c
		}
		m[stems.stems(r.noun)[0]] = act
	}
	return m
}()

// argNoun is a common noun among a clause's arguments: its link stem, the
// slot it fills (its relation, with the case word of an oblique: "obl:to"),
// and whether a determiner widens it to its whole kind.
type argNoun struct {
	stem, slot  string
	generalised bool
}

// reading is what a clause states, for matching a negative with the claim
// it answers: its predicate (folded, or its class), its named subject, the
// names and figures of its other arguments, its common-noun arguments,
// and the slots its arguments fill with a name or a figure ("obl:to" of
// "sold to Harwick Town").
type reading struct {
	pred    string
	subject map[string]bool
	// object holds, for a predicate of placements, the keys its object
	// names (subjectKeys): whom the claim puts at the place.
	object   map[string]bool
	named    map[string]bool
	nouns    []argNoun
	instance map[string]bool
	negated  bool // a frame of answerFrames negates the predicate or an argument
	// exclusive marks a role noun's copula restricted by "only" ("the
	// Kesta Moor's cargo was only grain"): see roleNouns.
	exclusive bool
	// referring marks an existence denial that points back at a thing
	// already stated: "no such list", or the verb "exist" ("the list does
	// not exist"). It answers with no place; a bare "there were no tanks"
	// may speak of anywhere and needs the claim's place.
	referring bool
}

// slotOf is the slot word w fills: its relation, with the case word of an
// oblique or a noun modifier.
func slotOf(t *nlp.Tree, w int) string {
	rel := t.Rel(w)
	if i := strings.IndexByte(rel, ':'); i >= 0 {
		rel = rel[:i]
	}
	if rel == "nmod" {
		rel = "obl" // "in Tellan" hung on a noun by the parser
	}
	for _, c := range t.Dependents(w, "case") {
		return rel + ":" + strings.ToLower(t.Token(c).Text)
	}
	return rel
}

// readClause parses the content at span into a reading; ok is false when
// the parse gives no predicate.
func readClause(doc *nlp.Document, span claimtrail.Span, stems stemmer) (reading, bool) {
	if doc == nil {
		return reading{}, false
	}
	t, top := spanTop(doc, span)
	if top < 0 {
		return reading{}, false
	}
	inside := inSpan(t, span)
	r := reading{subject: map[string]bool{}, object: map[string]bool{}, named: map[string]bool{}, instance: map[string]bool{}}
	r.pred = predicateKey(t, top, stems)
	if r.pred == "" {
		return reading{}, false
	}
	class := make([]int8, t.Len())
	for w := 0; w < t.Len(); w++ {
		class[w] = classify(t, top, w, inside)
	}
	r.negated = negatedFrame(t, top, inside)
	if strings.HasPrefix(r.pred, "be:") && r.readRole(doc, t, top, inside, stems) {
		return r, true
	}
	if r.readExistential(t, top, class, stems) {
		r.readEntities(doc, t, top, span, class)
		r.subject = map[string]bool{"s:" + r.pred[len("exist:"):]: true}
		r.pred = "exist"
		return r, true
	}
	r.readEntities(doc, t, top, span, class)
	r.readNouns(t, top, t.Children(top), class, stems)
	r.referring = r.pred == "exist" // the verb: "no such list exists", "the list does not exist"
	return r, true
}

// hasForm reports whether a dependent of word w has the form f.
func hasForm(t *nlp.Tree, w int, f string) bool {
	for _, d := range t.Children(w) {
		if strings.EqualFold(t.Token(d).Text, f) {
			return true
		}
	}
	return false
}

// readExistential reads "there were no tanks at the palace" as the
// negative of the things' being there: the predicate "exist", the noun
// for subject (its stem), the noun's place among the arguments. The
// alternative "only" allows ("only the usual guard") is no argument; a
// noun a relative clause narrows ("no doctors who could diagnose the
// fever") is a kind the claim need not be about, and is not read.
func (r *reading) readExistential(t *nlp.Tree, top int, class []int8, stems stemmer) bool {
	expl := t.Dependent(top, "expl")
	subj := t.Dependent(top, "nsubj")
	if expl < 0 || subj < 0 || !strings.EqualFold(t.Token(expl).Text, "there") || t.UPOS(subj) != "NOUN" {
		return false
	}
	st := stems.stems(common(t, subj))
	if len(st) != 1 {
		return false
	}
	no := false
	for _, d := range t.Dependents(subj, "det") {
		no = no || strings.EqualFold(t.Token(d).Text, "no")
	}
	if !no || len(t.Dependents(subj, "acl")) > 0 {
		return false // "no doctors who could diagnose the fever": a narrowed kind, not the things
	}
	for w := range class {
		if class[w] == 1 && underNmod(t, subj, w) {
			class[w] = 2 // "no tanks at the palace": the place is an argument
		}
	}
	r.pred, r.negated, r.referring = "exist:"+st[0], true, hasForm(t, subj, "such")
	r.readNouns(t, top, t.Dependents(subj, "nmod"), class, stems)
	return true
}

// underNmod reports whether word w hangs from subj through one of subj's
// noun modifiers.
func underNmod(t *nlp.Tree, subj, w int) bool {
	for k := w; k >= 0; k = t.Head(k) {
		if t.Head(k) == subj {
			return nlp.RelIs(t.Rel(k), "nmod")
		}
	}
	return false
}

// readRole reads a copula whose subject is a role noun (roleNouns) as the
// act it names: the noun's possessor for subject, the copula's predicate
// for object, exclusive when "only" restricts that predicate. It reports
// whether the clause is one.
func (r *reading) readRole(doc *nlp.Document, t *nlp.Tree, top int, inside func(int) bool, stems stemmer) bool {
	subj := t.Dependent(top, "nsubj")
	if subj < 0 || t.UPOS(top) != "NOUN" {
		return false
	}
	st := stems.stems(common(t, subj))
	if len(st) != 1 || roleAct[st[0]] == "" {
		return false
	}
	at := func(off int) int {
		for w := 0; w < t.Len(); w++ {
			if tk := t.Token(w); tk.Start <= off && off < tk.End {
				return w
			}
		}
		return -1
	}
	for _, p := range t.Dependents(subj, "nmod") {
		if inside(p) {
			r.subject = nameKeys(doc, t, p, at, r.subject) // "the Kesta Moor's", "of the Kesta Moor"
		}
	}
	if len(r.subject) == 0 {
		return false
	}
	r.pred = roleAct[st[0]]
	if obj := stems.stems(common(t, top)); len(obj) == 1 {
		r.nouns = append(r.nouns, argNoun{stem: obj[0], slot: "obj"})
	}
	for _, a := range t.Dependents(top, "advmod") {
		r.exclusive = r.exclusive || strings.EqualFold(t.Token(a).Text, "only")
	}
	return true
}

// predicateKey is the predicate of the clause headed by top: a copula with
// a place is "be_at", another copula "be:" with the stem of its
// predicate ("be" alone for a name), a verb its folded link stem; a
// class of answerClasses folds it further.
func predicateKey(t *nlp.Tree, top int, stems stemmer) string {
	key := ""
	switch {
	case len(t.Dependents(top, "expl")) > 0:
		key = "there" // "there were tanks": readExistential reads it
	case len(t.Dependents(top, "cop")) > 0 && len(t.Dependents(top, "case")) > 0:
		key = "be_at"
	case len(t.Dependents(top, "cop")) > 0:
		// "is not a member" answers "is a member of the gang", not "is
		// the leader": a copula's predicate is its lemma with the word
		// it predicates.
		key = "be"
		if st := stems.stems(common(t, top)); len(st) == 1 && t.UPOS(top) != "PROPN" {
			key = "be:" + st[0]
		}
	case t.UPOS(top) == "VERB":
		if st := stems.stems(common(t, top)); len(st) == 1 {
			key = foldHead(t, top, st[0])
		}
	}
	if c, ok := answerClass[key]; ok {
		return c
	}
	return key
}

// negatedFrame reports whether a frame of answerFrames negates the
// predicate top or one of its arguments.
func negatedFrame(t *nlp.Tree, top int, inside func(int) bool) bool {
	for w := 0; w < t.Len(); w++ {
		if !inside(w) {
			continue
		}
		form := strings.ToLower(t.Token(w).Text)
		for _, f := range answerFrames {
			if form != f.word || !nlp.RelIs(t.Rel(w), f.rel) {
				continue
			}
			h := t.Head(w)
			if f.on == "pred" && h == top || f.on == "arg" && h >= 0 && t.Head(h) == top {
				return true
			}
		}
	}
	return false
}

// readEntities records the clause's subject (subjectKeys) and the names
// and figures of its other arguments, with the slots they fill.
func (r *reading) readEntities(doc *nlp.Document, t *nlp.Tree, top int, span claimtrail.Span, class []int8) {
	at := func(off int) int {
		for w := 0; w < t.Len(); w++ {
			if tk := t.Token(w); tk.Start <= off && off < tk.End {
				return w
			}
		}
		return -1
	}
	for _, s := range t.Dependents(top, "nsubj") {
		if class[s] == 1 {
			r.subject = nameKeys(doc, t, s, at, r.subject)
		}
	}
	if placing[r.pred] {
		for _, o := range t.Dependents(top, "obj") {
			r.object = nameKeys(doc, t, o, at, r.object)
		}
	}
	for _, e := range doc.EntitiesIn(span) {
		if w := at(e.Start); w >= 0 && class[w] == 2 && e.Key != "" {
			r.named["e:"+e.Key] = true
			r.instance[slotOf(t, argWord(t, top, w))] = true
		}
	}
	for _, q := range doc.QuantitiesIn(span) {
		if w := at(q.Start); w >= 0 && class[w] == 2 && q.Unit != "year" {
			r.named[quantityKey(q.Value)] = true
			r.instance[slotOf(t, argWord(t, top, w))] = true
		}
	}
}

// nameRels are the relations by which a name stands beside the subject's
// head word as the same thing: "the striker Pavo Lind" (appos), "the
// Brellin council" (compound), "Pavo Lind" (flat).
var nameRels = []string{"appos", "compound", "flat"}

// nameKeys adds to keys what word s names: the entities of its name
// words (s and the words beside it by nameRels), the stem of s when it is
// a common noun, and the name a definite description refers back to in
// the article ("the tanker" after "the tanker Orsel Star", coref.go).
func nameKeys(doc *nlp.Document, t *nlp.Tree, s int, at func(int) int, keys map[string]bool) map[string]bool {
	words := []int{s}
	for k := 0; k < len(words); k++ {
		for _, rel := range nameRels {
			words = append(words, t.Dependents(words[k], rel)...)
		}
	}
	first, last := t.Token(s), t.Token(s)
	for _, w := range words {
		if tk := t.Token(w); tk.Start < first.Start {
			first = tk
		} else if tk.End > last.End {
			last = tk
		}
	}
	phrase := claimtrail.Span{Start: first.Start, End: last.End}
	for _, d := range t.Dependents(s, "det") {
		phrase.Start = min(phrase.Start, t.Token(d).Start)
	}
	for _, e := range doc.EntitiesIn(phrase) {
		if w := at(e.Start); e.Key != "" && slices.Contains(words, w) {
			keys["e:"+e.Key] = true
		}
	}
	if t.UPOS(s) == "NOUN" {
		if st := newStemmer().stems(common(t, s)); len(st) == 1 {
			keys["s:"+st[0]] = true
		}
		for _, e := range referents(doc, phrase) {
			keys["e:"+e.Key] = true
		}
	}
	return keys
}

// argWord is the word through which w hangs from top: the head of the
// argument w lies in.
func argWord(t *nlp.Tree, top, w int) int {
	for k := w; k >= 0; k = t.Head(k) {
		if t.Head(k) == top {
			return k
		}
	}
	return w
}

// readNouns records the common nouns heading the clause's arguments
// (words, children of top), each with its slot and whether a determiner
// widens it; the alternative "only" allows is none.
func (r *reading) readNouns(t *nlp.Tree, top int, words []int, class []int8, stems stemmer) {
	if r.pred == "be_at" {
		words = append(words, top) // "was never at the depot": the place
	}
	for _, w := range words {
		if class[w] != 2 || t.UPOS(w) != "NOUN" || exclusiveOnly(t, w) {
			continue
		}
		st := stems.stems(common(t, w))
		if len(st) != 1 {
			continue
		}
		n := argNoun{stem: st[0], slot: slotOf(t, w)}
		for _, d := range t.Dependents(w, "det") {
			n.generalised = n.generalised || generalisers[strings.ToLower(t.Token(d).Text)]
		}
		r.nouns = append(r.nouns, n)
	}
}

// exclusiveOnly reports whether "only" restricts noun w: "no tanks at
// the palace, only the usual guard".
func exclusiveOnly(t *nlp.Tree, w int) bool {
	for _, a := range t.Dependents(w, "advmod") {
		if strings.EqualFold(t.Token(a).Text, "only") {
			return true
		}
	}
	return false
}

// answers reports whether negative reading x answers claim reading y: the
// same named subject, one predicate, every name and figure of x in y, and
// every common noun of x either in y or widened over a slot y fills with
// a name or a figure.
func answers(x, y reading, yStems map[string]bool) bool {
	if !x.negated || y.negated || x.pred == "" {
		return false
	}
	switch {
	case x.pred == y.pred && sameSubjectKeys(x.subject, y.subject):
	case x.pred == "be_at" && placing[y.pred] && sameSubjectKeys(x.subject, y.object):
	case x.pred == "exist" && (x.referring || len(x.nouns)+len(x.named) > 0) && existsIn(x, y): // else at a place the claim names
	default:
		return false
	}
	for k := range x.named {
		if !y.named[k] {
			return false // "never in Tellan" against a claim of another place
		}
	}
	for _, n := range x.nouns {
		switch {
		case yStems[n.stem]:
		case n.generalised && y.instance[n.slot]:
		default:
			return false // "has not visited the site": something the claim does not state
		}
	}
	return true
}

// excludes reports whether exclusive reading x (a role noun's "only")
// counters claim reading y: the same subject and act, and an object of y
// that x does not name, the alternative "only" rules out.
func excludes(x, y reading) bool {
	if !x.exclusive || y.negated || x.pred != y.pred || !sameSubjectKeys(x.subject, y.subject) {
		return false
	}
	mine := map[string]bool{}
	for _, n := range x.nouns {
		mine[n.stem] = true
	}
	for _, n := range y.nouns {
		if n.slot == "obj" && !mine[n.stem] {
			return true
		}
	}
	return y.instance["obj"] // a named or counted cargo
}

// existsIn reports whether claim reading y states the thing existential
// reading x says there is none of: as its subject's head, or as its
// object.
func existsIn(x, y reading) bool {
	for k := range x.subject {
		if y.subject[k] {
			return true
		}
		for _, n := range y.nouns {
			if n.slot == "obj" && "s:"+n.stem == k {
				return true
			}
		}
	}
	return false
}

// sameSubject reports whether two subjects are one: a name in common,
// every name of x among y's, and, when both have a common noun for a
// head, the same noun ("the Brellin council" is not "the Brellin mayor").
func sameSubjectKeys(x, y map[string]bool) bool {
	shared := false
	var xs, ys string
	for k := range x {
		switch {
		case strings.HasPrefix(k, "e:") && !y[k]:
			return false
		case strings.HasPrefix(k, "e:"):
			shared = true
		default:
			xs = k
		}
	}
	for k := range y {
		if strings.HasPrefix(k, "s:") {
			ys = k
		}
	}
	return shared && (xs == "" || ys == "" || xs == ys)
}

// readingOf returns item i's reading, parsed on each call (only negations
// no other way attached, and their candidates, are read).
func (b *builder) readingOf(m int) (reading, bool) {
	it := &b.items[m]
	return readClause(b.docs[it.st.Article], it.st.Content, newStemmer())
}

// answerByFrame joins negation i to the claims it answers by structure
// (answers), when no other rule joined it: each candidate claim one of
// whose first members it answers, that its speaker does not state itself
// and that is not its mirror image. It reports whether it joined.
func (b *builder) answerByFrame(i int) bool {
	sc := b.scopeOf(i)
	if !sc.main || sc.self {
		return false
	}
	x, ok := b.readingOf(i)
	if !ok || !x.negated {
		return false
	}
	var found []int
	for _, c := range b.withThing(b.candidatesIn(&b.sc, i, b.negatedClaim), x) {
		if b.items[b.members[c][0]].negative || b.ownClaim(i, c) || b.mirrors(i, c) {
			continue
		}
		for k, m := range b.members[c] {
			if k == b.thingMembers(x) {
				break
			}
			y, ok := b.readingOf(m)
			if !ok {
				continue
			}
			if answers(x, y, stemSet(b.items[m].text)) {
				found = append(found, c)
				break
			}
		}
	}
	slices.Sort(found)
	return b.attach(i, slices.Compact(found))
}

// withThing adds to cands, for an existence denial ("no such list
// exists", "there is no such list"), the claims whose first member holds the
// word for the thing: a short word ("list", "deal", "plan") proposes no
// candidates (link.go), yet it is all such a denial shares with its claim.
func (b *builder) withThing(cands []int, x reading) []int {
	if x.pred != "exist" {
		return cands
	}
	var ids []uint32
	for k := range x.subject {
		if id, ok := b.vocab[k]; ok {
			ids = append(ids, id)
		}
	}
	if len(ids) == 0 {
		return cands
	}
	out := slices.Clone(cands)
	for c := range b.members {
		if slices.Contains(out, c) || b.negatedClaim(c) {
			continue
		}
		for k, m := range b.members[c] {
			if k == b.thingMembers(x) {
				break
			}
			if b.items[m].hasAny(ids, true) {
				out = append(out, c)
				break
			}
		}
	}
	return out
}

// thingMembers is how many of a claim's first members negative x is
// matched with: an existence denial shares one noun with its claim and
// answers only the claim's own statement, not a member merged beside it
// that mentions the thing in passing ("the deal came after a month of
// talks" in a claim about the envoy); others, b.l.Members.
func (b *builder) thingMembers(x reading) int {
	if x.pred == "exist" && len(x.nouns)+len(x.named) == 0 {
		return 1
	}
	return b.l.Members
}

// roleCountered returns the claim that assertion i, a role noun's
// exclusive copula ("the Kesta Moor's cargo was only grain"), counters
// (excludes) in one of its first members, or -1: as in countered, a claim
// the speaker asserts itself, or one stated negatively, is not countered.
func (b *builder) roleCountered(i int) int {
	if !anyForm(b.items[i].text, roleWords) {
		return -1
	}
	x, ok := b.readingOf(i)
	if !ok || !x.exclusive {
		return -1
	}
	return b.firstCountered(i, func(m int) bool {
		y, ok := b.readingOf(m)
		return ok && excludes(x, y)
	})
}

// roleWords are the forms of the role nouns, which a content must hold to
// be parsed for roleCountered.
var roleWords = func() map[string]bool {
	m := map[string]bool{}
	for _, r := range roleNouns {
		m[r.noun] = true
	}
	return m
}()
