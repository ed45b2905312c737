package attrib

import (
	"strings"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/nlp"
)

// "The report adds that …" speaks with its author's voice: when the
// article said before whose the report is ("the Harbour Audit Office
// released its report", "a report by the Harbour Audit Office"), the
// definite description's source is that author, not "report". The author
// is read off the earlier mention of the document by the patterns of
// authorPatterns, on the words (sentences without a cue are not parsed).

// authorPattern is one way of naming a document's author, with an example.
type authorPattern struct {
	example string
	author  string // the author the example names
	find    func(toks []nlp.Token, head int, ents []nlp.Entity) *nlp.Entity
}

// authorPatterns find the author of the document noun toks[head].
var authorPatterns = []authorPattern{
	{"A report by the Harbour Audit Office was published on Monday.", "Harbour Audit Office", authorAfterBy},
	{"Orlan Mining's annual report was released on Friday.", "Orlan Mining", authorPossessive},
	{"The Kesh Herald published its report on Monday.", "Kesh Herald", authorPublished},
}

// publishVerbs publish a document: their subject is its author.
var publishVerbs = set(`published publishes released releases issued issues produced produces compiled compiles
wrote writes prepared prepares presented presents submitted submits filed files unveiled unveils`)

// authorAfterBy: "a report by X", "a study from X", "the report
// published by X".
func authorAfterBy(toks []nlp.Token, head int, ents []nlp.Entity) *nlp.Entity {
	k := head + 1
	for k < len(toks) && k <= head+3 && (publishVerbs[lower(toks[k])] || lower(toks[k]) == "was" || lower(toks[k]) == "were") {
		k++
	}
	if k >= len(toks) || lower(toks[k]) != "by" && lower(toks[k]) != "from" {
		return nil
	}
	k++
	if k < len(toks) && determiners[lower(toks[k])] {
		k++
	}
	if k >= len(toks) {
		return nil
	}
	return entityStarting(ents, toks[k].Start)
}

// authorPossessive: "X's report", "X's annual report".
func authorPossessive(toks []nlp.Token, head int, ents []nlp.Entity) *nlp.Entity {
	for k := head - 1; k >= 1 && k >= head-3; k-- {
		if isPossessive(toks[k].Text) {
			return entityEnding(ents, toks[k-1].End)
		}
		if capitalised(toks[k].Text) || determiners[lower(toks[k])] {
			return nil
		}
	}
	return nil
}

// authorPublished: "X released its report", "X published a report".
func authorPublished(toks []nlp.Token, head int, ents []nlp.Entity) *nlp.Entity {
	for k := head - 1; k >= 1 && k >= head-4; k-- {
		if publishVerbs[lower(toks[k])] {
			return entityEnding(ents, toks[k-1].End)
		}
		if w := lower(toks[k]); !determiners[w] && (capitalised(toks[k].Text) || !isWordy(w)) {
			return nil // only a determiner and modifiers stand between: "released its annual safety report"
		}
	}
	return nil
}

// entityStarting returns the entity starting at byte offset at, or nil.
func entityStarting(ents []nlp.Entity, at int) *nlp.Entity {
	for i := range ents {
		if ents[i].Start == at {
			return &ents[i]
		}
	}
	return nil
}

// entityEnding returns the entity ending at byte offset at, or nil.
func entityEnding(ents []nlp.Entity, at int) *nlp.Entity {
	for i := range ents {
		if ents[i].End == at {
			return &ents[i]
		}
	}
	return nil
}

// authorWindow is how many sentences back the document's earlier mention
// is looked for.
const authorWindow = 8

// documentAuthor returns the chain of the author of the document a
// definite description with head noun head, at byte offset at, refers
// back to; nil when no earlier mention of such a document names one.
func (r *reader) documentAuthor(head string, at int) []claimtrail.Source {
	si := r.doc.SentenceAt(at)
	for s := si; s >= 0 && s >= si-authorWindow; s-- {
		sent := r.doc.Sentences[s]
		if !r.visible(sent.Start) {
			continue
		}
		toks := r.doc.SentenceTokens(s)
		ents := r.doc.EntitiesIn(sent.Span)
		for h := len(toks) - 1; h >= 0; h-- {
			if toks[h].Start >= at || lower(toks[h]) != head {
				continue
			}
			for _, p := range authorPatterns {
				if e := p.find(toks, h, ents); e != nil && e.Label != nlp.Place {
					return r.authorChain(e)
				}
			}
		}
	}
	return nil
}

// authorChain is the chain of a document's author: the one it spoke under
// when it has spoken, else the author alone.
func (r *reader) authorChain(e *nlp.Entity) []claimtrail.Source {
	key := nlp.SourceKey(e.Text)
	if c, ok := r.recent(func(m mention) bool { return nlp.SourceKey(m.src.Name) == key }); ok {
		return c
	}
	kind := claimtrail.KindOrganization
	switch {
	case e.Label == nlp.Outlet:
		kind = claimtrail.KindOutlet
	case e.Label == nlp.Person:
		kind = claimtrail.KindPerson
	case nlp.DefaultGazetteer().NameClass(e.Text) == nlp.ClassPublic:
		kind = claimtrail.KindOfficial
	}
	return r.remember(claimtrail.Source{Name: strings.TrimRight(e.Text, "."), Kind: kind}, nil)
}
