package link

import (
	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/nlp"
)

// preventing are the link stems of verbs that state an act negatively
// without a negator: "discouraging customers from using the browser",
// "told them to stop using it", "banned the rally", "ending any chance of
// a reunion". A negation of the act
// they govern agrees with such a claim instead of denying it ("the carrier
// does not want its customers using the browser"); a negation of the verb
// itself ("the rally was not banned") still denies it. Each example is a
// claim, the act a negation would share with it, and whether the act is
// governed (TestPreventing).
var preventing = stemSet(`discourage discouraged stop stopped prevent prevented ban banned block blocked bar barred
	forbid forbade forbidden prohibit prohibited deter deterred refuse refused cease ceased halt halted
	end ended ending`)

// preventingExamples are the cases TestPreventing runs.
var preventingExamples = []struct {
	claim, act string
	governed   bool
}{
	{"Dalmer has been discouraging customers from using the Quill browser", "using", true},
	{"agents instructed customers to stop using the browser or lose their service", "using", true},
	{"the council banned the march through the old town", "march", true},
	{"the council banned the march through the old town", "banned", false},
	{"customers were using the browser without trouble", "using", false},
	{"the singer tore up the contract, ending any chance of a reunion", "chance", true},
	{"the army ended the siege of the port", "ended", false},
}

// stemSet returns the link stems of the words in s.
func stemSet(s string) map[string]bool {
	out := map[string]bool{}
	for _, st := range newStemmer().stems(s) {
		out[st] = true
	}
	return out
}

// governedByPreventing reports whether every word of the content at span
// whose stem is stem stands under a preventing verb, at most two steps up
// its parse ("discouraging customers from using": "using" and "customers"
// under "discouraging"), so that the claim states the act negatively. It
// is false when the content holds no such word.
func governedByPreventing(doc *nlp.Document, span claimtrail.Span, stem string, stems stemmer) bool {
	uses := func(t *nlp.Tree, w int) bool { return hasStem(stems, t, w, stem) }
	free := func(t *nlp.Tree, w int) bool { return uses(t, w) && !underPreventing(t, w, stems) }
	return anyWordIn(doc, span, uses) && !anyWordIn(doc, span, free)
}

// hasStem reports whether word w of t has the link stem stem.
func hasStem(stems stemmer, t *nlp.Tree, w int, stem string) bool {
	for _, s := range stems.stems(common(t, w)) {
		if s == stem {
			return true
		}
	}
	return false
}

// underPreventing reports whether a preventing verb governs word w, one or
// two steps up (the verb itself does not count).
func underPreventing(t *nlp.Tree, w int, stems stemmer) bool {
	h := t.Head(w)
	for step := 0; step < 2 && h >= 0; step++ {
		for _, s := range stems.stems(common(t, h)) {
			if preventing[s] {
				return true
			}
		}
		h = t.Head(h)
	}
	return false
}
