package link

import (
	"slices"
	"strings"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/nlp"
)

// denyReported extends each denial to the other claims of the report it
// answers that speak of the thing it denies. A report is often read as
// several claims, worded apart ("the aircraft's left engine had missed an
// inspection due in March", "the inspection … had not been carried out"),
// and a denial of the report's point ("rejected a newspaper report that
// the jet had skipped an engine inspection") answers the one closest in
// words; it denies the others too when they come from the same report (an
// assertion whose chain passes through the outlet the answered claim was
// taken from) and hold the head of the denial's object, the noun the
// denied act is about ("inspection"). The object's head is read from the
// dependency tree: the predicate's object, or else its subject when
// common ("no agreement had been reached": "agreement"). A name is no
// such head: every claim of a report names its parties.
//
// Blanket verdicts ("the report was wrong") judge a report without a
// proposition of their own (story spreads them), and corrections withdraw
// one wording (the corrected text restates the rest), so neither extends.
func (b *builder) denyReported() {
	type extension struct{ i, c int }
	var out []extension
	for c, ds := range b.deniers {
		for _, i := range ds {
			st := b.items[i].st
			if st.Blanket || st.Retracts {
				continue
			}
			for _, o := range b.reportedClaims(i, c) {
				out = append(out, extension{i, o})
			}
		}
	}
	for _, e := range out {
		b.addDenier(e.c, e.i)
	}
}

// reportedClaims returns the claims other than c, which denial i answers,
// that come from one of c's reports and hold the head of i's object (see
// denyReported).
func (b *builder) reportedClaims(i, c int) []int {
	reports := b.reportsOf(c)
	if len(reports) == 0 {
		return nil
	}
	d := &b.items[i]
	head := objectHead(b.docs[d.st.Article], d.span, newStemmer())
	id, ok := b.vocab["s:"+head]
	if head == "" || !ok || len(b.index[id]) > b.l.Posting {
		return nil
	}
	var out []int
	for _, o := range b.index[id] {
		first := &b.items[b.members[o][0]]
		if o == c || first.negative && d.st.Negated || b.ownClaim(i, o) || b.deniedBy(o, i) || !b.tracedTo(i, o, reports, id, head) {
			continue
		}
		out = append(out, o)
	}
	return out
}

// reportsOf returns the keys of the outlets claim c's assertions were taken
// from: the deepest outlet of each asserting chain, the article's own when
// it cites none.
func (b *builder) reportsOf(c int) map[string]bool {
	out := map[string]bool{}
	for _, m := range b.members[c] {
		st := b.items[m].st
		if st.Polarity != claimtrail.Asserts {
			continue
		}
		for k := len(st.Chain) - 1; k >= 0; k-- {
			if st.Chain[k].Kind == claimtrail.KindOutlet {
				out[b.reportKey(st, k)] = true
				break
			}
		}
	}
	return out
}

// reportKey names the report that outlet k of st's chain stands for: the
// outlet's key, or, for the publishing outlet of an article whose outlet is
// not known, the article itself. Articles of no known outlet are not one
// report: a denial of what one of them says (a customer's account on a
// forum) does not reach every unsourced article of the story; their chains
// name them apart too (claimtrail.Article.OutletName).
func (b *builder) reportKey(st *claimtrail.Statement, k int) string {
	if k == 0 {
		if doc := b.docs[st.Article]; doc != nil && strings.TrimSpace(doc.Article.Outlet) == "" {
			return "article " + st.Article
		}
	}
	return nlp.SourceKey(st.Chain[k].Name)
}

// tracedTo reports whether some assertion of claim c has one of the
// reports in its chain and the stem head (feature id) as an argument, and
// speaks of what denial i denies (speaksOf).
func (b *builder) tracedTo(i, c int, reports map[string]bool, id uint32, head string) bool {
	for _, m := range b.members[c] {
		st := b.items[m].st
		if st.Polarity != claimtrail.Asserts || !b.items[m].has(id) || !b.cites(st, reports) {
			continue
		}
		// Parsed last: only the few assertions of the report using the word.
		if holdsArgument(b.docs[st.Article], st.Content, head, newStemmer()) && b.speaksOf(i, m, head) {
			return true
		}
	}
	return false
}

// cites reports whether st's chain passes through one of the reports.
func (b *builder) cites(st *claimtrail.Statement, reports map[string]bool) bool {
	for k, s := range st.Chain {
		if s.Kind == claimtrail.KindOutlet && reports[b.reportKey(st, k)] {
			return true
		}
	}
	return false
}

// deniedBy reports whether denial i already denies claim c.
func (b *builder) deniedBy(c, i int) bool {
	for _, k := range b.deniers[c] {
		if k == i {
			return true
		}
	}
	return false
}

// objectHead returns the link stem of the common noun a denied clause is
// about: its predicate's object ("had skipped an engine inspection" gives
// "inspect"); or else the subject of a passive ("no agreement had been
// reached": "agreement"), of a nominal predicate ("chicken from its plant
// was the source": "chicken") or of "there is" ("there are no conditions");
// "" otherwise. The subject of an active verb is who acted ("the company
// would not launch"), not what is denied, and the subject of an adjective is
// judged ("the test result is wrong"), not stated: neither is returned.
func objectHead(doc *nlp.Document, span claimtrail.Span, stems stemmer) string {
	if doc == nil {
		return ""
	}
	t, top := spanTop(doc, span)
	if top < 0 {
		return ""
	}
	w := t.Dependent(top, "obj")
	switch {
	case w >= 0:
	case t.Dependent(top, "nsubj:pass") >= 0:
		w = t.Dependent(top, "nsubj:pass")
	case t.UPOS(top) == "NOUN" || t.UPOS(top) == "VERB" && t.Dependent(top, "expl") >= 0:
		w = t.Dependent(top, "nsubj")
	}
	return nounStem(t, w, stems)
}

// nounStem is the link stem of word w when it is a common noun, or "".
func nounStem(t *nlp.Tree, w int, stems stemmer) string {
	if w < 0 || t.UPOS(w) != "NOUN" {
		return ""
	}
	if st := stems.stems(common(t, w)); len(st) == 1 {
		return st[0]
	}
	return ""
}

// coreRels are the relations by which a noun is what a clause is about.
var coreRels = map[string]bool{"obj": true, "nsubj": true, "nsubj:pass": true}

// holdsArgument reports whether the content at span has the stem head as
// the object or subject of one of its clauses ("we have a tentative
// agreement", "promised to build a factory"), not as a passing modifier
// ("maintenance on the system").
func holdsArgument(doc *nlp.Document, span claimtrail.Span, head string, stems stemmer) bool {
	return anyWordIn(doc, span, func(t *nlp.Tree, w int) bool {
		return coreRels[t.Rel(w)] && nounStem(t, w, stems) == head
	})
}

// anyWordIn reports whether some word of the content at span satisfies
// keep, read in the parse of each sentence the span covers.
func anyWordIn(doc *nlp.Document, span claimtrail.Span, keep func(t *nlp.Tree, w int) bool) bool {
	for t, w := range wordsIn(doc, span) {
		if keep(t, w) {
			return true
		}
	}
	return false
}

// modifiesArgument reports whether the content at span has the stem head as
// a compound of the object or subject of one of its clauses: the tagger
// reads "the offer values the dairy at …" as the noun "offer values", and
// the offer is still what the clause is about.
func modifiesArgument(doc *nlp.Document, span claimtrail.Span, head string, stems stemmer) bool {
	return anyWordIn(doc, span, func(t *nlp.Tree, w int) bool {
		h := t.Head(w)
		return h >= 0 && nlp.RelIs(t.Rel(w), "compound") && coreRels[t.Rel(h)] && nounStem(t, w, stems) == head
	})
}

// speaksOf reports whether assertion m states what denial i denies of the
// thing head names: m's main clause has that thing for its subject or
// object ("the inspection … was postponed", "we have a tentative
// agreement", against "had skipped a safety inspection", "no agreement had
// been reached"), or m states the denial's own act (a predicate of the
// denial's core among m's core words). A claim that only uses the thing in
// a clause of its own ("Mosul was among the cities the fighters captured",
// against "the group has not recruited fighters") is another fact of the
// report, which the denial leaves alone; so is one that leaves out what a
// relative clause of the denial asks of the thing ("the militants executed
// doctors", against "there are no doctors who can diagnose the fever":
// restricted).
func (b *builder) speaksOf(i, m int, head string) bool {
	d, st := b.items[i].st, b.items[m].st
	if !b.restricted(i, m, head) {
		return false
	}
	if mainArgument(b.docs[st.Article], st.Content, head, newStemmer()) {
		return true
	}
	y, ok := b.coreOfItem(m)
	if !ok {
		return false
	}
	x, ok := coreOf(b.docs[d.Article], b.items[i].span, newStemmer())
	return ok && sharesPredicate(x, y)
}

// narrowedAs keeps, of the claims negation i matched, those holding a
// word of each restrictive relative clause by which it narrows the thing
// it is about (restricted, on a claim's first members): "there were no
// doctors in Tarvel who could diagnose the fever" shares its names and
// "doctors" with "gunmen in Tarvel executed twelve doctors", and denies
// nothing of it.
func (b *builder) narrowedAs(i int, claims []int) []int {
	d := &b.items[i]
	head := objectHead(b.docs[d.st.Article], d.span, newStemmer())
	if head == "" || len(claims) == 0 {
		return claims
	}
	return b.claimsWhere(claims, func(m int) bool { return b.restricted(i, m, head) })
}

// mainArgument reports whether the content at span has the stem head as
// the subject or object of its main predicate or of a predicate
// coordinated with it.
func mainArgument(doc *nlp.Document, span claimtrail.Span, head string, stems stemmer) bool {
	if doc == nil {
		return false
	}
	t, top := spanTop(doc, span)
	if top < 0 {
		return false
	}
	heads := append([]int{top}, t.Dependents(top, "conj")...)
	inside := inSpan(t, span)
	for w := 0; w < t.Len(); w++ {
		if inside(w) && coreRels[t.Rel(w)] && slices.Contains(heads, t.Head(w)) && nounStem(t, w, stems) == head {
			return true
		}
	}
	return false
}

// restricted reports whether assertion m holds a word of each relative
// clause by which denial i narrows the thing head names ("doctors who can
// diagnose the fever" asks for "diagnose" or "fever"); a denial with no
// such clause asks nothing.
func (b *builder) restricted(i, m int, head string) bool {
	d := &b.items[i]
	doc := b.docs[d.st.Article]
	if doc == nil {
		return true
	}
	t, top := spanTop(doc, d.span)
	if top < 0 {
		return true
	}
	inside := inSpan(t, d.span)
	stems := newStemmer()
	words := map[string]bool{}
	for _, s := range stems.stems(b.items[m].text) {
		words[s] = true
	}
	for w := 0; w < t.Len(); w++ {
		if !inside(w) || !nlp.RelIs(t.Rel(w), "acl") || nounStem(t, t.Head(w), stems) != head {
			continue
		}
		if !subtreeShares(t, w, inside, stems, words) {
			return false
		}
	}
	return true
}

// subtreeShares reports whether a content word (noun, verb, adjective or
// name) of the subtree under w, within the span, is among words, or the
// subtree has none ("no one who did it" narrows nothing a claim could say).
func subtreeShares(t *nlp.Tree, w int, inside func(int) bool, stems stemmer, words map[string]bool) bool {
	content := false
	for k := 0; k < t.Len(); k++ {
		if !inside(k) || !under(t, k, w) {
			continue
		}
		switch t.UPOS(k) {
		case "NOUN", "VERB", "ADJ", "PROPN":
			for _, s := range stems.stems(t.Token(k).Text) {
				content = true
				if words[s] {
					return true
				}
			}
		}
	}
	return !content
}

// under reports whether word k lies in the subtree of w.
func under(t *nlp.Tree, k, w int) bool {
	for ; k >= 0; k = t.Head(k) {
		if k == w {
			return true
		}
	}
	return false
}

// sharesPredicate reports whether core y states an act of core x: a head
// of x, folded or as written, is a head of y or a word of its arguments.
func sharesPredicate(x, y core) bool {
	for _, h := range append(append([]string{}, x.heads...), x.words...) {
		if slices.Contains(y.heads, h) || slices.Contains(y.words, h) || y.rest["s:"+h] {
			return true
		}
	}
	return false
}
