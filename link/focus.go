package link

import (
	"iter"
	"slices"
	"strings"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/nlp"
)

// negators are the words that negate what their head in the dependency tree
// states.
var negators = map[string]bool{"not": true, "n't": true, "never": true, "no": true, "none": true,
	"nobody": true, "nothing": true, "neither": true, "nor": true}

// argumentRels are the relations of the words that belong to a negated
// head's proposition: a verb's object ("never taken stanozolol"), a noun's
// modifiers ("no secret rebate", "no tanks at the palace").
var argumentRels = []string{"obj", "iobj", "amod", "compound", "nmod", "xcomp"}

// negatedFocus returns the link stems of what a negative statement denies:
// the word each negator in the content negates (its head in the parse, or
// the verb of a negative pronoun: "nobody photographed …") with that word's
// object and modifiers. "There is no cluster of seizures in Pellow" gives
// the stems of "cluster" and "seizures"; "he has not been suspended" gives
// "suspend". The stems are those the linker compares (Stems), so a focus
// word that a claim uses is among its features. It returns nil when the
// content holds no negator or cannot be parsed. subject holds the stems
// of the negated words' subjects, when common words ("tests of the tap
// water found no contamination": "test"): what the negative is about.
func negatedFocus(doc *nlp.Document, span claimtrail.Span, stems stemmer) (focus, subject []string) {
	if doc == nil {
		return nil, nil
	}
	var out []string
	for t, w := range negatorsIn(doc, span) {
		head := t.Head(w) // "no tanks", "not suspended", "nobody photographed"
		if head < 0 {
			head = w
		}
		words := []int{head}
		if v := t.Head(head); v >= 0 && t.UPOS(head) != "VERB" && nlp.RelIs(t.Rel(head), "nsubj") {
			words = append(words, v) // "not a single scene had been staged": the staging
		}
		for _, rel := range argumentRels {
			words = append(words, t.Dependents(head, rel)...)
		}
		for _, k := range words {
			out = append(out, stems.stems(common(t, k))...)
		}
		clause := head // "found no contamination": the verb "found"
		if nlp.RelIs(t.Rel(head), "obj") && t.Head(head) >= 0 {
			clause = t.Head(head)
		}
		for _, k := range t.Dependents(clause, "nsubj") {
			if k != w && k != head {
				subject = append(subject, stems.stems(common(t, k))...)
			}
		}
	}
	return out, subject
}

// negatorsIn yields each negator word inside span with the parse of its
// sentence (wordsIn).
func negatorsIn(doc *nlp.Document, span claimtrail.Span) iter.Seq2[*nlp.Tree, int] {
	return func(yield func(*nlp.Tree, int) bool) {
		for t, w := range wordsIn(doc, span) {
			if negators[strings.ToLower(t.Token(w).Text)] && !yield(t, w) {
				return
			}
		}
	}
}

// wordsIn yields each word inside span with the parse of its sentence,
// over every sentence the span touches; nothing for a nil document.
func wordsIn(doc *nlp.Document, span claimtrail.Span) iter.Seq2[*nlp.Tree, int] {
	return func(yield func(*nlp.Tree, int) bool) {
		if doc == nil {
			return
		}
		for s := doc.SentenceAt(span.Start); s >= 0 && s < len(doc.Sentences) && doc.Sentences[s].Start < span.End; s++ {
			t := doc.Tree(s)
			if t == nil {
				continue
			}
			inside := inSpan(t, span)
			for w := 0; w < t.Len(); w++ {
				if inside(w) && !yield(t, w) {
					return
				}
			}
		}
	}
}

// common is word w as the stemmer should read it: lower-cased unless the
// parser tags it a proper noun, so that a common noun opening the sentence
// ("Tests of the water …") is not taken for a name.
func common(t *nlp.Tree, w int) string {
	if t.UPOS(w) == "PROPN" {
		return t.Token(w).Text
	}
	return strings.ToLower(t.Token(w).Text)
}

// frame is the main predicate of a statement and its subject, from the
// parse: the stem of the content's highest verb, when active, and the
// entity key its subject names ("Marnovia has expelled four diplomats" gives "expel" and
// "solvania"). Either is empty when the parse does not give it.
type frame struct{ verb, subject string }

// frameOf parses the statement's content and returns its frame.
func frameOf(doc *nlp.Document, span claimtrail.Span, stems stemmer) frame {
	if doc == nil {
		return frame{}
	}
	t, top := spanTop(doc, span)
	if top < 0 || t.UPOS(top) != "VERB" {
		return frame{}
	}
	var f frame
	if st := stems.stems(common(t, top)); len(st) == 1 {
		f.verb = st[0]
	}
	for _, c := range t.Children(top) {
		switch t.Rel(c) {
		case "nsubj:pass", "aux:pass":
			return frame{} // a passive's subject is who the act befell: not comparable with an active's
		case "nsubj":
			if ents := doc.EntitiesIn(t.SubtreeSpan(c)); len(ents) > 0 && ents[0].Label != nlp.Outlet {
				f.subject = ents[0].Key
			}
		}
	}
	return f
}

// opposed reports whether two frames state the same act done by different
// named parties: "Marnovia has expelled four diplomats" and "Kelvary will
// expel four Marnovian diplomats" are two facts, however many words they
// share.
func opposed(a, b frame) bool {
	return a.verb != "" && a.verb == b.verb && a.subject != "" && b.subject != "" && a.subject != b.subject
}

// negatedActs returns the link stems of the verbs a negation negates when
// it negates a list of them: "had not proposed, agreed or discussed any
// deployment" gives the stems of "proposed", "agreed" and "discussed"; a
// single negated verb gives one.
func negatedActs(doc *nlp.Document, span claimtrail.Span, stems stemmer) []string {
	if doc == nil {
		return nil
	}
	t := doc.Tree(doc.SentenceAt(span.Start))
	if t == nil {
		return nil
	}
	var out []string
	for w := 0; w < t.Len(); w++ {
		tk := t.Token(w)
		h := t.Head(w)
		if tk.Start < span.Start || tk.End > span.End || !negators[strings.ToLower(tk.Text)] || h < 0 || t.UPOS(h) != "VERB" {
			continue
		}
		// Conjuncts may chain ("agreed" of "proposed", "discussed" of
		// "agreed"): follow them all.
		for list := []int{h}; len(list) > 0; list = list[1:] {
			out = append(out, stems.stems(common(t, list[0]))...)
			list = append(list, t.Dependents(list[0], "conj")...)
		}
	}
	return out
}

// subjectHead returns the link stem of the head of the subject of the
// clause at span ("Discussions within the government … were at an advanced
// stage" gives "discuss"), or "".
func subjectHead(doc *nlp.Document, span claimtrail.Span, stems stemmer) string {
	if doc == nil {
		return ""
	}
	t := doc.Tree(doc.SentenceAt(span.Start))
	if t == nil {
		return ""
	}
	for w := 0; w < t.Len(); w++ {
		tk := t.Token(w)
		h := t.Head(w)
		if tk.Start < span.Start || tk.End > span.End || h >= 0 && t.Token(h).Start >= span.Start && t.Token(h).End <= span.End {
			continue
		}
		if subj := t.Dependent(w, "nsubj"); subj >= 0 && t.UPOS(subj) == "NOUN" {
			if st := stems.stems(common(t, subj)); len(st) == 1 {
				return st[0]
			}
		}
		return ""
	}
	return ""
}

// predicate is the main predicate of a statement's content, whatever its
// part of speech ("left" of "the boat left from Otterby", "talks" of "is in
// talks to buy"), as a link stem, with the named arguments its case-marked
// obliques give ("from" → "sarrin"). Two statements sharing many names
// state one fact only when they say the same of them: "the boat left from
// Port Kellan" and "the boat left from Otterby, 60 km west of Port Kellan" are
// two.
type predicate struct {
	head    string
	subject string // the subject (see activeSubject)
	args    []predicateArg
	// embedded holds the link stems of the words of the predicate's
	// adverbial clauses ("only because Dravik promised to build a
	// factory"): what the statement gives as a cause or a time, not what
	// it states.
	embedded []string
}

// spanTop returns the tree of the sentence holding span and the first
// word of span whose head lies outside it (the span's top), or -1.
func spanTop(doc *nlp.Document, span claimtrail.Span) (*nlp.Tree, int) {
	t := doc.Tree(doc.SentenceAt(span.Start))
	if t == nil {
		return nil, -1
	}
	inside := inSpan(t, span)
	for w := 0; w < t.Len(); w++ {
		if inside(w) && (t.Head(w) < 0 || !inside(t.Head(w))) {
			return t, w
		}
	}
	return t, -1
}

// inSpan reports, for a word of t, whether it lies within span.
func inSpan(t *nlp.Tree, span claimtrail.Span) func(w int) bool {
	return func(w int) bool {
		tk := t.Token(w)
		return tk.Start >= span.Start && tk.End <= span.End
	}
}

// predicateArg is one case-marked oblique of a predicate and the key of
// the first entity it names.
type predicateArg struct{ marker, key string }

// predicateOf parses the statement's content and returns its predicate.
func predicateOf(doc *nlp.Document, span claimtrail.Span, stems stemmer) predicate {
	if doc == nil {
		return predicate{}
	}
	t, top := spanTop(doc, span)
	if top < 0 {
		return predicate{}
	}
	inside := inSpan(t, span)
	var p predicate
	if st := stems.stems(common(t, top)); len(st) == 1 {
		p.head = st[0]
	}
	p.subject = activeSubject(doc, t, top, stems)
	for w := 0; w < t.Len(); w++ {
		if inside(w) && w != top && !governs(t, top, w, inside) {
			p.embedded = append(p.embedded, stems.stems(common(t, w))...)
		}
	}
	for _, c := range t.Dependents(top, "obl") {
		marker := t.Dependent(c, "case")
		if marker < 0 || !inside(c) {
			continue
		}
		if ents := doc.EntitiesIn(t.SubtreeSpan(c)); len(ents) > 0 && ents[0].Label != nlp.Outlet {
			p.args = append(p.args, predicateArg{strings.ToLower(t.Token(marker).Text), ents[0].Key})
		}
	}
	return p
}

// conflicting reports whether two predicates with the same head give one
// case-marked argument different named fillers ("left from Port Kellan",
// "left from Otterby").
func conflicting(a, b predicate) bool {
	if a.head == "" || a.head != b.head {
		return false
	}
	for _, x := range a.args {
		for _, y := range b.args {
			if x.marker == y.marker && x.key != y.key {
				return true
			}
		}
	}
	return false
}

// governs reports whether word w hangs from top through words of the
// content and no adverbial clause. A word the parse hangs outside the
// content as an adverbial clause, or after a subordinating conjunction of
// the content ("because …" taken for a clause of the reporting verb), is
// no argument of the content's predicate either; one hung outside with no
// such sign is a misparse of the content's own clause ("An explosion at the
// plant in Brinmere killed three workers, the fire service said" read as
// two complements of "said"), still stated.
func governs(t *nlp.Tree, top, w int, inside func(int) bool) bool {
	for ; w >= 0 && inside(w); w = t.Head(w) {
		h := t.Head(w)
		if h == top {
			return !nlp.RelIs(t.Rel(w), "advcl")
		}
		if h < 0 || !inside(h) {
			return !nlp.RelIs(t.Rel(w), "advcl") && !subordinated(t, w, inside)
		}
	}
	return false
}

// subordinated reports whether a subordinating conjunction other than the
// complementiser "that" stands in the content before word w: what follows
// it is a clause of cause, time or condition ("only because Dravik
// promised …"), wherever the parse hangs it.
func subordinated(t *nlp.Tree, w int, inside func(int) bool) bool {
	for k := w - 1; k >= 0 && inside(k); k-- {
		if t.UPOS(k) == "SCONJ" && !strings.EqualFold(t.Token(k).Text, "that") {
			return true
		}
	}
	return false
}

// embeds reports whether two predicates of different subjects state
// different facts, one's predicate being said only in an adverbial clause
// of the other: "Dravik will build a factory" and "the government agreed
// to the price only because Dravik promised to build a factory"; "the
// ship was in international waters when it was boarded" and "the seizure
// of the ship is the third such boarding this year".
func embeds(a, b predicate) bool {
	if a.head == "" || b.head == "" || a.head == b.head || a.subject == "" || b.subject == "" || a.subject == b.subject {
		return false
	}
	return slices.Contains(a.embedded, b.head) || slices.Contains(b.embedded, a.head)
}

// activeSubject names the subject of an active predicate: the key of the
// entity a proper-noun subject names, else the link stem of the subject's
// head word ("the government" gives "govern"); "" for a passive, whose
// subject is who the act befell, or when there is none.
func activeSubject(doc *nlp.Document, t *nlp.Tree, top int, stems stemmer) string {
	c := t.Dependent(top, "nsubj")
	if c < 0 || t.Rel(c) != "nsubj" || t.Dependent(top, "aux:pass") >= 0 {
		return ""
	}
	if t.UPOS(c) == "PROPN" {
		if ents := doc.EntitiesIn(t.SubtreeSpan(c)); len(ents) > 0 {
			return "e:" + ents[0].Key
		}
		return ""
	}
	if st := stems.stems(common(t, c)); len(st) == 1 {
		return st[0]
	}
	return ""
}
