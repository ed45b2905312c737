package link

import (
	"github.com/claimtrail/claimtrail/nlp"
)

// Two wordings of one fact often share few of their words beyond the
// predicate and what it is said of: "the rocket's second stage had shut
// down about 90 seconds earlier than planned" and "the second stage of
// the Corvid-2 rocket shut down early, cutting its burn short by about
// 100 seconds". Their bags of stems are far apart; their parses give one
// predicate ("shut") of one subject ("stage"). core is that skeleton, and
// two assertions with the same core, and no object that differs, state
// one proposition unless something else sets them apart (opposes, apart).

// core is the skeleton of a statement's main clause from its parse: the
// link stems of the predicate, of its subject's head (or the key of the
// entity a proper-noun subject names, passive or not) and of its object's
// head, "" where the parse gives none.
type core struct{ head, subject, object string }

// coreOf parses item it and returns its core.
func (b *builder) coreOf(it *item) core {
	if it.cored {
		return it.core
	}
	it.cored = true
	doc := b.docs[it.st.Article]
	if doc == nil {
		return core{}
	}
	t, top := spanTop(doc, it.st.Content)
	if top < 0 || t.UPOS(top) != "VERB" {
		return core{}
	}
	stems := newStemmer()
	head := stems.stems(common(t, top))
	if len(head) != 1 {
		return core{}
	}
	c := core{head: head[0]}
	for _, k := range t.Children(top) {
		switch {
		case nlp.RelIs(t.Rel(k), "nsubj"):
			c.subject = argumentKey(doc, t, k, stems)
		case t.Rel(k) == "obj":
			c.object = argumentKey(doc, t, k, stems)
		}
	}
	it.core = c
	return c
}

// argumentKey is the key of the entity a proper-noun argument names, else
// the link stem of its head word; "" for a pronoun or a word linking
// ignores.
func argumentKey(doc *nlp.Document, t *nlp.Tree, k int, stems stemmer) string {
	if t.UPOS(k) == "PROPN" {
		if ents := doc.EntitiesIn(t.SubtreeSpan(k)); len(ents) > 0 && ents[0].Label != nlp.Outlet {
			return "e:" + ents[0].Key
		}
		return ""
	}
	if t.UPOS(k) == "PRON" {
		return ""
	}
	if st := stems.stems(common(t, k)); len(st) == 1 {
		return st[0]
	}
	return ""
}

// sameCore reports whether two cores state one predicate of one subject,
// with the same object when both have one.
func sameCore(a, b core) bool {
	if a.head == "" || a.subject == "" || a.head != b.head || a.subject != b.subject {
		return false
	}
	return a.object == "" || b.object == "" || a.object == b.object
}

// coreBonus is what the same core adds to the similarity of two
// assertions that share words: it lifts them over the join threshold and
// ahead of a claim that only shares more of their other words.
const coreBonus = 0.15

// coreFloor is the least raw cosine (names or not) two assertions need for
// their cores to be compared: the parse is only worth it for pairs that
// share some wording.
const coreFloor = 0.1

// cored returns s raised by the same core of x and y (see core), or s.
func (b *builder) cored(x, y *item, s float64) float64 {
	if x.norm == 0 || y.norm == 0 {
		return s
	}
	d, _ := dot(x, y)
	if d/(x.norm*y.norm) < coreFloor {
		return s
	}
	if !sameCore(b.coreOf(x), b.coreOf(y)) {
		return s
	}
	return max(s, b.l.Join) + coreBonus
}
