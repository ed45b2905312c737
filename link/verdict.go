package link

import (
	"slices"
	"strings"

	"github.com/claimtrail/claimtrail/nlp"
)

// verdictWords are the adjectives by which a speaker judges a thing said
// rather than stating a fact of her own: "the test result is wrong", "the
// figure was incorrect".
var verdictWords = map[string]bool{
	"wrong": true, "false": true, "untrue": true, "incorrect": true, "inaccurate": true,
	"mistaken": true, "misleading": true, "baseless": true, "unfounded": true, "fabricated": true,
}

// verdictMatch is a verdict on a thing and the claims its words matched.
type verdictMatch struct {
	i      int
	claims []int
}

// verdictOnThing reports whether denial i is a verdict on a thing named
// by a bare noun phrase: its content's head is a verdict adjective whose
// subject is a common noun with no clause of its own ("the test result is
// wrong"; not "reports that the board has agreed … are false", whose
// clause says what is judged). Such a verdict shares words with any claim
// naming the thing ("analysis of her B sample confirmed the result of the
// first test"), but it judges what its speaker is denying in that article.
func (b *builder) verdictOnThing(i int) bool {
	d := &b.items[i]
	if !verdictWords[lastWord(d.text)] || aboutReport(d.text) {
		return false // nothing to parse; or a verdict on a whole report ("the story is false"), which attachBare spreads
	}
	doc := b.docs[d.st.Article]
	if doc == nil {
		return false
	}
	t, top := spanTop(doc, d.span)
	if top < 0 || !verdictWords[strings.ToLower(t.Token(top).Text)] {
		return false
	}
	subj := t.Dependent(top, "nsubj")
	if subj < 0 || t.UPOS(subj) != "NOUN" {
		return false
	}
	for _, rel := range []string{"acl", "ccomp", "csubj"} {
		if t.Dependent(subj, rel) >= 0 {
			return false
		}
	}
	return true
}

// lastWord is the folded last word of text.
func lastWord(text string) string {
	last := ""
	for w := range nlp.Words(text) {
		last = w.Form
	}
	return last
}

// attachVerdicts gives each verdict on a thing to the claims its speaker
// denied in the same article, once every denial and negation is placed;
// a speaker who denied nothing else there has her verdict matched by its
// words like any denial. It returns the verdicts that found no claim.
func (b *builder) attachVerdicts(vs []verdictMatch) []int {
	var bare []int
	for _, v := range vs {
		if same := b.denied[b.speakerOf(v.i)]; len(same) > 0 {
			for _, c := range append([]int(nil), same...) {
				b.addDenier(c, v.i)
			}
			continue
		}
		if !b.attach(v.i, v.claims) && !b.answer(v.i) {
			bare = append(bare, v.i)
		}
	}
	return bare
}

// sharingWords narrows claims to those whose members use a common word of
// item i ("Reports of his arrest are lies" judges the claims about an
// arrest, not every claim its article showed denied), or returns them all
// when none does: a verdict naming nothing ("the report is fabricated")
// still judges every one.
func (b *builder) sharingWords(i int, claims []int) []int {
	var out []int
	for _, c := range claims {
		for k, m := range b.members[c] {
			if k == b.l.Members {
				break
			}
			if _, _, words := containedIn(&b.items[i], &b.items[m]); words > 0 {
				out = append(out, c)
				break
			}
		}
	}
	if len(out) == 0 {
		return claims
	}
	return out
}

// continuesOwn returns the claim of its own party that negation i goes on
// with, rather than answering the claims it matched, or -1: "the council
// said inspectors had checked the ground's three other stands … 'Our
// inspectors found no structural faults in the other three stands,' the
// council's head of building control said" is the council's finding, part
// of its own account, not a denial of a claim about surveys of stands. It
// is the first of the party's claims in the same article that holds at
// least as much of the negation as the best of matched does.
func (b *builder) continuesOwn(i int, matched []int) int {
	if len(matched) == 0 {
		return -1
	}
	best := 0.0
	for _, c := range matched {
		best = max(best, b.denyScore(i, c))
	}
	k := b.speakerOf(i)
	for _, c := range b.candidatesIn(&b.sc, i, nil) {
		if slices.Contains(matched, c) || !b.asserted[claimSpeaker{c, k}] && !b.sameParty(i, c) {
			continue
		}
		if b.items[b.members[c][0]].negative {
			// The party's own negative fact ("its monitors detected no
			// chlorine") agrees with the negation and denies nothing by
			// itself: going on with it would hide the denial.
			continue
		}
		if b.denyScore(i, c) >= best {
			return c
		}
	}
	return -1
}
