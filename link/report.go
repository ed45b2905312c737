package link

import (
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
		if o == c || first.negative && d.st.Negated || b.ownClaim(i, o) || b.deniedBy(o, i) || !b.tracedTo(o, reports, id, head) {
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
// reports in its chain and the stem head (feature id) as an argument.
func (b *builder) tracedTo(c int, reports map[string]bool, id uint32, head string) bool {
	for _, m := range b.members[c] {
		st := b.items[m].st
		if st.Polarity != claimtrail.Asserts || !b.items[m].has(id) || !b.cites(st, reports) {
			continue
		}
		// Parsed last: only the few assertions of the report using the word.
		if holdsArgument(b.docs[st.Article], st.Content, head, newStemmer()) {
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
	if doc == nil {
		return false
	}
	for s := doc.SentenceAt(span.Start); s >= 0 && s < len(doc.Sentences) && doc.Sentences[s].Start < span.End; s++ {
		t := doc.Tree(s)
		if t == nil {
			continue
		}
		inside := inSpan(t, span)
		for w := 0; w < t.Len(); w++ {
			if inside(w) && keep(t, w) {
				return true
			}
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
