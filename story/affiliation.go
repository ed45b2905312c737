package story

import (
	"strings"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/nlp"
)

// speaksFor reports whether a denial's speaker is introduced as speaking
// for one of the claim's subjects (speakerParties): the claim's company
// denied by "Ilka Marsh, a spokeswoman for Quenby Rail" is denied by its
// subject, though the chain names only her. The claim may name the party
// (subjects, entity keys) or describe it by its kind ("the railway's night
// trains", described).
func speaksFor(d *nlp.Document, st claimtrail.Statement, subjects, described map[string]bool) bool {
	for _, e := range speakerParties(d, st) {
		if subjects[e.Key] {
			return true
		}
		for w := range nlp.Words(e.Text) {
			if len(w.Form) >= minDescriptionLen && described[w.Form] {
				return true
			}
		}
	}
	return false
}

// minDescriptionLen keeps short name words ("of", "the", "art") from
// standing for a party's kind.
const minDescriptionLen = 4

// descriptions returns the nouns a claim's assertions use as definite
// descriptions ("the museum", "the bank's vault"): how a claim speaks of a
// party it has named elsewhere, or that the reader knows from the story.
func descriptions(c *claimtrail.Claim, docs map[string]*nlp.Document) map[string]bool {
	out := map[string]bool{}
	for _, st := range c.Statements {
		d := docs[st.Article]
		if st.Polarity != claimtrail.Asserts || d == nil {
			continue
		}
		prev := ""
		for w := range nlp.Words(st.Content.In(d.Text())) {
			if prev == "the" {
				out[strings.TrimSuffix(w.Form, "'s")] = true
			}
			prev = w.Form
		}
	}
	return out
}

// speakerParties returns the entities of the phrase that introduces a
// denial's speaker, read from the dependency tree (affiliationRels). People
// other than the speaker count ("a lawyer for Jory Halvik"); outlets do not
// ("told the Tarn Herald" names a venue, not a party).
//
// When the source span is only a surname ("Marsh said"), the phrase is also
// read at the article's first mention of that person, where the
// affiliation is given.
func speakerParties(d *nlp.Document, st claimtrail.Statement) []nlp.Entity {
	if st.Source.Empty() {
		return nil
	}
	spans := []claimtrail.Span{st.Source}
	if first, ok := firstMention(d, st.Source); ok && !st.Source.Contains(first) {
		spans = append(spans, first)
	}
	var out []nlp.Entity
	for _, sp := range spans {
		for _, e := range affiliations(d, sp) {
			if e.Label != nlp.Outlet && !e.Overlaps(st.Content) {
				out = append(out, e)
			}
		}
	}
	return out
}

// firstMention is the article's first person entity sharing the key of the
// person named in span.
func firstMention(d *nlp.Document, span claimtrail.Span) (claimtrail.Span, bool) {
	key := ""
	for _, e := range d.EntitiesIn(span) {
		if e.Label == nlp.Person {
			key = e.Key
			break
		}
	}
	if key == "" {
		return claimtrail.Span{}, false
	}
	for _, e := range d.Entities {
		if e.Label == nlp.Person && e.Key == key {
			return e.Span, true
		}
	}
	return claimtrail.Span{}, false
}

// affiliationRels are the relations followed down from the word heading a
// speaker's name to the words that say whom the speaker speaks for. A
// relative clause or a participle ("who investigated Halvik", "speaking in
// Orlan") is not followed: it says what the speaker did, not for whom.
var affiliationRels = []struct {
	rel     string
	example string
}{
	{"appos", "Ilka Marsh, a spokeswoman for Quenby Rail: Marsh → spokeswoman"},
	{"nmod", "a spokeswoman for Quenby Rail: spokeswoman → Rail; Marsh of Quenby Rail: Marsh → Rail; " +
		"Quenby Rail's spokeswoman (nmod:poss); Quenby Rail spokesman Ivo Pell: Ivo → spokesman (nmod:desc)"},
	{"compound", "Quenby Rail chief executive Ilka Marsh: Marsh → executive → Rail"},
	{"flat", "Quenby Rail: Rail → Quenby"},
	{"conj", "a spokeswoman for the union and the port board: union → board"},
}

// followsAffiliation reports whether rel is one of affiliationRels or a
// subtype of one (nlp.RelIs).
func followsAffiliation(rel string) bool {
	for _, r := range affiliationRels {
		if nlp.RelIs(rel, r.rel) {
			return true
		}
	}
	return false
}

// affiliations returns the entities reached from the word heading span
// through affiliationRels, leaving out the entity on the head itself (the
// speaker's own name).
func affiliations(d *nlp.Document, span claimtrail.Span) []nlp.Entity {
	t := d.Tree(d.SentenceAt(span.Start))
	if t == nil {
		return nil
	}
	head := phraseHead(t, span)
	if head < 0 {
		return nil
	}
	reached := map[int]bool{}
	for stack := []int{head}; len(stack) > 0; {
		i := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for _, c := range t.Children(i) {
			if followsAffiliation(t.Rel(c)) && !reached[c] {
				reached[c] = true
				stack = append(stack, c)
			}
		}
	}
	self := t.Token(head).Span
	var out []nlp.Entity
	seen := map[claimtrail.Span]bool{}
	sentence := claimtrail.Span{Start: t.Token(0).Start, End: t.Token(t.Len() - 1).End}
	for _, e := range d.EntitiesIn(sentence) {
		for i := range t.Len() {
			if reached[i] && e.Overlaps(t.Token(i).Span) && !e.Overlaps(self) && !seen[e.Span] {
				seen[e.Span] = true
				out = append(out, e)
			}
		}
	}
	return out
}

// phraseHead is the first word inside span whose head lies outside it, or -1.
func phraseHead(t *nlp.Tree, span claimtrail.Span) int {
	for i := range t.Len() {
		h := t.Head(i)
		if span.Contains(t.Token(i).Span) && (h < 0 || !span.Contains(t.Token(h).Span)) {
			return i
		}
	}
	return -1
}
