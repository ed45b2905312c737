package attrib

import (
	"slices"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/attrib/seq"
	"github.com/claimtrail/claimtrail/nlp"
)

// Nesting between the labeller's attributions and the rules' statements
// (issue 11/12). Which of two attributions relays the other is read off
// the sentence's tree, not off word order or off which extractor found
// each: the attribution whose content holds the other's cue as the
// clause it states is the outer one, the relay, and the chain runs
// through it to the inner one's source. "“We will not sign,” he said,
// according to Kessin Radio": the Radio's content is the speaker's
// saying, so the chain is Radio ← he.

// clausalHop is one dependency relation through which a cue may stand
// below the top of a content and still be what the content states, with
// an example where the speech verb hangs so and the chain it gives
// (TestClausalHops runs each through the extractor).
type clausalHop struct {
	rel     string
	example string
	chain   []string
}

// clausalHops are the relations a cue may climb to the top of a content
// that it heads: the clause it states. A cue below a noun (a relative
// clause, "a press release denying reports from outlets that claim …"; a
// modifier, "images of a crane they say has collapsed") only describes
// something in the content: it is no relay's content. ccomp and conj were
// left out: no sentence that needs them was found, and a coordinated cue
// ("resigned and said") tops no content by itself (onlyTop).
var clausalHops = []clausalHop{
	{"parataxis", "“The vote is lost,” the mayor conceded, according to the Ostrel Herald. (conceded hangs on lost)", []string{"Test Wire", "Ostrel Herald", "mayor"}},
}

// isClausalHop reports whether rel is a relation of clausalHops.
func isClausalHop(rel string) bool {
	return slices.ContainsFunc(clausalHops, func(h clausalHop) bool { return nlp.RelIs(rel, h.rel) })
}

// headsContent reports whether the cue span states the clause content
// holds, in sentence tree t over toks: a word of cue is a top word of
// content within the sentence (its head lies outside content), or climbs
// to one through clausalHops alone.
func headsContent(t *nlp.Tree, toks []nlp.Token, content, cue claimtrail.Span) bool {
	if t == nil || t.Len() != len(toks) {
		return false
	}
	inContent := func(k int) bool { return k >= 0 && content.Contains(toks[k].Span) }
	for k := range toks {
		if !cue.Contains(toks[k].Span) || !inContent(k) {
			continue
		}
		for j := k; ; {
			h := t.Head(j)
			if !inContent(h) {
				// A top word of the content, unless it describes a
				// noun outside it: "footage that they said showed
				// X" is the footage, not a saying relayed.
				return !nlp.RelIs(t.Rel(j), "acl")
			}
			if !isClausalHop(t.Rel(j)) && !cue.Contains(toks[h].Span) {
				break // below a noun or an adjunct: it describes, it is not stated
			}
			j = h
		}
	}
	return false
}

// relayOver puts labeller attribution m, which passed the checks and is
// nested around rule statements, above the chain of each statement whose
// cue states its content (headsContent): "…,” she admitted, according to
// the Daily X" is X ← she. Statements whose chain already holds m's
// source are left as the rules read them, and so are those whose content
// holds m's cue (the two contain each other: the tree does not say which
// is outer). It reports whether a chain changed.
func (r *reader) relayOver(m *modelAtt) bool {
	if len(m.chain) == 0 || bareWords[lower1(m.chain[len(m.chain)-1].Name)] {
		return false
	}
	t := r.doc.Tree(m.si)
	changed := false
	for i := range r.out {
		st := &r.out[i]
		if st.Cue.Empty() || st.Labelled || !m.a.Content.Contains(st.Cue) || st.Content.Overlaps(m.a.Cue) || r.doc.SentenceAt(st.Cue.Start) != m.si {
			continue
		}
		if sharesSource(st.Chain, m.chain) || !headsContent(t, m.toks, m.a.Content, st.Cue) || !onlyTop(t, m.toks, m.a.Content, st.Cue, st.Content) {
			continue
		}
		st.Chain = r.fullChain(joinChains(m.chain, st.Chain[1:]))
		changed = true
	}
	return changed
}

// sharesSource reports whether a chain already holds a source of sub.
func sharesSource(chain, sub []claimtrail.Source) bool {
	for _, s := range sub {
		k := nlp.SourceKey(s.Name)
		if slices.ContainsFunc(chain, func(c claimtrail.Source) bool { return nlp.SourceKey(c.Name) == k }) {
			return true
		}
	}
	return false
}

// underStatement returns the chain of a labeller attribution a reported
// beside the ledger when its cue lies inside the content of an attributed
// statement of sts that does not itself lie inside a's content: the
// statement's source relays it ("The ministry has denied the report, the
// Varrow Gazette said": Gazette ← ministry). chain is a's own full chain;
// it is returned unchanged when no statement holds a, or when the
// statement's chain already holds a's source.
func underStatement(a seq.Attribution, chain []claimtrail.Source, sts []claimtrail.Statement) []claimtrail.Source {
	if len(chain) < 2 {
		return chain
	}
	for _, st := range sts {
		if st.Cue.Empty() || !st.Content.Contains(a.Cue) || a.Content.Overlaps(st.Cue) || len(st.Chain) == 0 {
			continue
		}
		if sharesSource(st.Chain[1:], chain[1:]) {
			return chain
		}
		return append(slices.Clone(st.Chain), chain[1:]...)
	}
	return chain
}

// relayOpeners are the words that may open a relay closing a sentence
// after a whole attribution (closingRelay): "“The vote is lost,” the
// mayor conceded, according to the Ostrel Herald".
var relayOpeners = set(`according`)

// onlyTop reports whether every top word of content in tree t (a word of
// it whose head lies outside it, punctuation aside) lies in one of the
// spans of the inner attribution (its cue and content; its source hangs on
// its cue): the
// content is that saying and nothing else. "Port workers are sharing
// photographs of a crane they say has collapsed": "photographs" tops the
// labeller's content beside "say", so the content is a thing shared, not
// the saying.
func onlyTop(t *nlp.Tree, toks []nlp.Token, content claimtrail.Span, inner ...claimtrail.Span) bool {
	if t == nil || t.Len() != len(toks) {
		return false
	}
	for k, tok := range toks {
		if !content.Contains(tok.Span) || t.UPOS(k) == "PUNCT" {
			continue
		}
		if h := t.Head(k); h >= 0 && content.Contains(toks[h].Span) {
			continue
		}
		if !slices.ContainsFunc(inner, func(sp claimtrail.Span) bool { return sp.Contains(tok.Span) }) {
			return false
		}
	}
	return true
}
