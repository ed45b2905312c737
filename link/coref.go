package link

import (
	"sort"
	"strings"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/nlp"
)

// An article names a thing once and then describes it: "Vintrian naval
// commandos seized the tanker Orsel Star" and later "the tanker was
// boarded"; "a Tern-2 rocket exploded" and then "the rocket's second
// stage had shut down"; "General Oren Talvik" and then "the general". A
// statement that only describes what another names shares no name with it,
// and linking weighs names most. referents resolves such definite
// descriptions to the name they refer back to, within the article, by the
// description's head noun: the nearest earlier name that the same noun
// stands beside ("the tanker Orsel Star", "Tern-2 rocket") or opens
// ("General Oren Talvik"). It resolves nothing by a noun's meaning, only by
// the article's own wording, so a description resolves only to a name the
// article gave it.

// determiners open a definite description.
var determiners = map[string]bool{"the": true, "this": true, "that": true}

// corefReach is the farthest back, in bytes, a description looks for its
// name: a description refers to what the article named shortly before.
const corefReach = 1500

// referents returns the entities that the definite descriptions of span
// refer back to in doc, at most one per description, leaving out those
// span names itself.
func referents(doc *nlp.Document, span claimtrail.Span) []nlp.Entity {
	toks := doc.TokensIn(span)
	var out []nlp.Entity
	for k := 0; k+1 < len(toks); k++ {
		if !determiners[toks[k].LowerText()] {
			continue
		}
		h := descriptionHead(toks[k+1:])
		if h < 0 {
			continue
		}
		head := toks[k+1+h]
		if e, ok := namedBefore(doc, head.LowerText(), toks[k].Start); ok && !namesIn(doc, span, e.Key) {
			out = append(out, e)
		}
	}
	return out
}

// descriptionHead returns the index in toks of the head noun of the noun
// phrase toks opens ("second stage" of "the second stage of …" gives
// "stage"; "rocket" of "the rocket's …"), or -1 when the phrase opens with
// no common singular noun or holds a name (then it is no bare description).
func descriptionHead(toks []nlp.Token) int {
	head := -1
	for i, t := range toks {
		if i == 4 {
			break
		}
		w := t.LowerText()
		switch {
		case t.Tag == "NNP" || t.Tag == "NNPS" || w != t.Text:
			return -1 // a name, or a capitalised word read as one
		case t.Tag == "NN" || t.Tag == "" && commonWord(w):
			head = i
		case t.Tag == "JJ" || t.Tag == "VBN" || t.Tag == "CD":
			if head >= 0 {
				return head
			}
		default:
			return head
		}
	}
	return head
}

// commonWord reports whether w, from an untagged sentence, may be a
// common noun: lower-case letters and no function word.
func commonWord(w string) bool {
	if len(w) < 3 || stopwords[w] {
		return false
	}
	for _, r := range w {
		if r < 'a' || r > 'z' {
			return false
		}
	}
	return true
}

// namedBefore returns the nearest entity before offset off (within
// corefReach) that noun stands beside or opens: "tanker" of "the tanker
// Orsel Star", "rocket" of "Tern-2 rocket", "general" of "General Oren
// Talvik". Outlets are left out: an article does not describe its own outlet.
func namedBefore(doc *nlp.Document, noun string, off int) (nlp.Entity, bool) {
	text := doc.Text()
	// Entities do not overlap and are sorted, so their ends are too: the
	// search starts at the last one ending by off instead of walking back
	// from the document's end, which was quadratic in a long article.
	last := sort.Search(len(doc.Entities), func(i int) bool { return doc.Entities[i].End > off })
	for k := last - 1; k >= 0; k-- {
		e := doc.Entities[k]
		if off-e.End > corefReach {
			break
		}
		if e.Key == "" || e.Label == nlp.Outlet {
			continue
		}
		if standsBeside(text, e.Span, noun) {
			return e, true
		}
	}
	return nlp.Entity{}, false
}

// standsBeside reports whether noun is the word just before the span, the
// word just after it, or the span's first word.
func standsBeside(text string, span claimtrail.Span, noun string) bool {
	before := strings.Fields(text[max(0, span.Start-40):span.Start])
	if len(before) > 0 && strings.EqualFold(strings.Trim(before[len(before)-1], "\"“”'‘’("), noun) {
		return true
	}
	after := strings.Fields(text[span.End:min(len(text), span.End+40)])
	if len(after) > 0 && strings.EqualFold(strings.TrimSuffix(strings.TrimRight(after[0], ".,;:!?\"“”'’)"), "'s"), noun) {
		return true
	}
	own := strings.Fields(span.In(text))
	return len(own) > 1 && strings.EqualFold(own[0], noun)
}

// namesIn reports whether span names an entity with key.
func namesIn(doc *nlp.Document, span claimtrail.Span, key string) bool {
	for _, e := range doc.EntitiesIn(span) {
		if e.Key == key {
			return true
		}
	}
	return false
}
