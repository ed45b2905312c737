package link

import (
	"strings"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/nlp"
)

// A negated content denies a claim only when its negation scopes over
// what the content states, about what the claim states. Two shapes in the
// dependency tree say it does not:
//
//   - the negator sits in a clause subordinate to the content's main one
//     (a relative clause, a participial or adverbial clause): "older
//     people who do not bank online will be left stranded" states the
//     stranding, not a negative; and
//   - the negated clause's subject is the speaker ("I", "we"): "I couldn't
//     believe it", "we will not be in a position to comment" speak of the
//     speaker, and answer only a claim that names the speaker.
//
// subordinateRels are the relations (TreeRel prefixes, nlp.RelIs) by which
// a subordinate clause hangs from the word it modifies; each carries a
// content whose only negator is inside such a clause (TestNegationScope).
var subordinateRels = []struct {
	rel     string
	example string
}{
	{"acl", "Older people who do not bank online will be left stranded."},
	{"acl", "The man was moved to a hotel, the name of which the charity will not disclose."},
	{"advcl", "The seller made 52,000 dollars, not counting the online fund."},
}

// truthWords head a relative clause that is a verdict on its antecedent,
// not a description of it: "launched a rumour that she was captured, which
// is not true" denies the capture (TestNegationScope).
var truthWords = map[string]bool{"true": true, "correct": true, "accurate": true}

// firstPerson are the subject pronouns by which a speaker speaks of
// itself.
var firstPerson = map[string]bool{"i": true, "we": true}

// negScope is where a content's negators stand: main reports that one of
// them scopes over the content's main clause; self that each of those has
// the speaker ("I", "we") as its clause's subject, and objects holds the
// words of the nouns the speaker's negated verbs take as objects ("I did
// not see a single seizure": "seizure"), by which its negative still
// answers a claim of the thing.
type negScope struct {
	main, self, seen bool
	objects          []string
}

// negationScope reads the negators of the content at span in its parse.
// A content with no negator the parse places, or no parse, counts as main
// (the attribution step read it as negated; the parse cannot say
// otherwise).
func negationScope(doc *nlp.Document, span claimtrail.Span) negScope {
	var sc negScope
	if doc == nil {
		return negScope{main: true}
	}
	for t, w := range negatorsIn(doc, span) {
		sc.seen = true
		if subordinate(t, w, span) {
			continue
		}
		self := selfSubject(t, w)
		sc.self = self && (sc.self || !sc.main)
		sc.main = true
		if self {
			sc.objects = append(sc.objects, objectNouns(t, w)...)
		}
	}
	if !sc.seen {
		sc.main = true
	}
	return sc
}

// subordinate reports whether negator w hangs, on its way up to the top of
// the content at span, from a subordinate clause (subordinateRels).
func subordinate(t *nlp.Tree, w int, span claimtrail.Span) bool {
	inside := func(k int) bool {
		tk := t.Token(k)
		return tk.Start >= span.Start && tk.End <= span.End
	}
	for k, n := t.Head(w), 0; k >= 0 && n < t.Len(); k, n = t.Head(k), n+1 {
		h := t.Head(k)
		if h < 0 || !inside(h) {
			return false // k is the content's top word
		}
		for _, r := range subordinateRels {
			if nlp.RelIs(t.Rel(k), r.rel) {
				return !truthWords[strings.ToLower(t.Token(k).Text)]
			}
		}
	}
	return false
}

// selfSubject reports whether the clause negator w negates has a
// first-person subject.
func selfSubject(t *nlp.Tree, w int) bool {
	head := t.Head(w)
	if head < 0 {
		return false
	}
	clause := head
	if nlp.RelIs(t.Rel(head), "obj") && t.Head(head) >= 0 {
		clause = t.Head(head) // "we found no trace": the verb "found"
	}
	for _, k := range t.Dependents(clause, "nsubj") {
		if firstPerson[strings.ToLower(strings.Trim(t.Token(k).Text, "'‘’\""))] {
			return true
		}
	}
	return false
}

// objectNouns returns the nouns, lower-cased, that the verb negator w
// negates takes as objects, with the nouns coordinated with them.
func objectNouns(t *nlp.Tree, w int) []string {
	var out []string
	for _, o := range t.Dependents(t.Head(w), "obj") {
		for _, n := range append([]int{o}, t.Dependents(o, "conj")...) {
			if u := t.UPOS(n); u == "NOUN" || u == "PROPN" {
				out = append(out, strings.ToLower(t.Token(n).Text))
			}
		}
	}
	return out
}

// scopeOf returns negation i's scope, read once.
func (b *builder) scopeOf(i int) negScope {
	it := &b.items[i]
	return negationScope(b.docs[it.st.Article], it.st.Content)
}

// namesSpeaker reports whether member m names one of the named sources in
// statement i's chain beyond its outlet (a word of the name of four
// letters or more): a claim about the speaker or its body.
func (b *builder) namesSpeaker(m, i int) bool {
	chain := b.items[i].st.Chain
	names := map[string]bool{}
	for k := 1; k < len(chain); k++ {
		if chain[k].Kind == claimtrail.KindAnonymous {
			continue
		}
		for _, f := range nlp.Forms(chain[k].Name) {
			if len(f) >= 4 {
				names[f] = true
			}
		}
	}
	return anyForm(b.items[m].text, names)
}

// holdsWords reports whether member m holds the stem of one of words.
func (b *builder) holdsWords(m int, words []string) bool {
	stems := newStemmer()
	for _, w := range words {
		for _, s := range stems.stems(w) {
			if id, ok := b.vocab["s:"+s]; ok && b.items[m].has(id) {
				return true
			}
		}
	}
	return false
}

// aboutSelf returns the claims, of those negation i answers, that it may
// answer: all of them, unless the speaker negates only what it itself did
// or felt ("I couldn't believe it", "we will not be in a position to
// comment"); then only those whose first member names the speaker or the
// thing the speaker's verb takes as object ("I did not see a single
// seizure" answers the claim of seizures). The filter vetoes an answer and
// never chooses another: a claim merely naming the speaker is not what the
// negation answers.
func (b *builder) aboutSelf(i int, answered []int) []int {
	if len(answered) == 0 || !b.items[i].st.Negated {
		return answered
	}
	sc := b.scopeOf(i)
	if !sc.self {
		return answered
	}
	var out []int
	for _, c := range answered {
		m := b.members[c][0]
		if b.namesSpeaker(m, i) || b.holdsWords(m, sc.objects) {
			out = append(out, c)
		}
	}
	return out
}
