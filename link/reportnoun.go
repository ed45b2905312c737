package link

import (
	"strings"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/nlp"
)

// reportNouns name a report, or judge one, rather than saying what it
// reported: "a death hoax about the singer", "claims of a secret deal",
// "the closure rumours".
var reportNouns = map[string]bool{
	"report": true, "reports": true, "story": true, "stories": true, "claim": true, "claims": true,
	"rumour": true, "rumours": true, "rumor": true, "rumors": true, "hoax": true, "hoaxes": true,
	"allegation": true, "allegations": true, "accusation": true, "accusations": true,
	"speculation": true, "suggestion": true, "suggestions": true, "news": true, "article": true,
	"narrative": true, "myth": true, "lie": true, "lies": true, "fabrication": true, "propaganda": true,
}

// reportContent is one way the parse hangs what a report says from the
// noun naming it: a relation of the dependent and, for a noun phrase, the
// prepositions that mark it. Each row has an example (run by
// TestReportContent): the words kept are what the denial denies.
type reportContent struct {
	rel     string
	markers []string // case markers, or for a clause its subordinator; none for a bare modifier
	example string
	kept    string
}

var reportContents = []reportContent{
	{"nmod", []string{"about", "of", "on", "over", "regarding", "concerning"},
		"Ysolde Brack dismissed a death hoax about the singer.", "Ysolde Brack dismissed a death about the singer."},
	{"compound", nil, "The ministry said the closure rumours were baseless.", "The ministry said the closure were ."},
	// A clause says what was reported only after "that": "a hoax written
	// by a site" says who wrote it.
	{"acl", []string{"that"}, "The ministry rejected reports that the plant would close.", "The ministry rejected that the plant would close."},
}

// contentOf reports whether word w of t is the dependent of a report noun
// by which that noun says what the report said.
func contentOf(t *nlp.Tree, w int) bool {
	for _, r := range reportContents {
		if !nlp.RelIs(t.Rel(w), r.rel) {
			continue
		}
		if len(r.markers) == 0 {
			return true
		}
		if marked(t, w, r.markers) {
			return true
		}
	}
	return false
}

// marked reports whether word w has a case marker or subordinator among
// markers.
func marked(t *nlp.Tree, w int, markers []string) bool {
	for _, rel := range []string{"case", "mark"} {
		if m := t.Dependent(w, rel); m >= 0 {
			for _, k := range markers {
				if strings.EqualFold(t.Token(m).Text, k) {
					return true
				}
			}
		}
	}
	return false
}

// reportFrame returns the words of a denial's object at span that name or
// judge a report whose content the object also gives ("a death hoax about
// the singer": "hoax"), so that the denial is matched by what the report
// said, not by the word "hoax" that no claim uses. Once one report noun of
// the object carries content, every other report noun and verdict word
// there ("called the story about the singer's death a hoax") is frame too.
// It returns nil when no report noun of the object carries content.
func reportFrame(doc *nlp.Document, span claimtrail.Span) []claimtrail.Span {
	var frame []claimtrail.Span
	carries := false
	for t, w := range wordsIn(doc, span) {
		form := strings.ToLower(t.Token(w).Text)
		if !reportNouns[form] && !verdictWords[form] {
			continue
		}
		frame = append(frame, claimtrail.Span{Start: t.Token(w).Start, End: t.Token(w).End})
		if !reportNouns[form] || t.UPOS(w) != "NOUN" {
			continue
		}
		inside := inSpan(t, span)
		for _, c := range t.Children(w) {
			if inside(c) && contentOf(t, c) {
				carries = true
			}
		}
	}
	if !carries {
		return nil
	}
	return frame
}

// withoutFrame is the text at span with the frame's words blanked.
func withoutFrame(text string, span claimtrail.Span, frame []claimtrail.Span) string {
	b := []byte(span.In(text))
	for _, f := range frame {
		for k := f.Start; k < f.End; k++ {
			if k >= span.Start && k < span.End {
				b[k-span.Start] = ' '
			}
		}
	}
	return string(b)
}

// claimantRels are the relations by which a report noun names who made
// the report ("Hunter's claim", "claims by the Orlen government", "a
// report from Tarn Wire"), with the prepositions that mark them (none for
// a possessive).
var claimantRels = []reportContent{
	{"nmod:poss", nil, "A spokesman said Hunter's claim was false.", "Hunter"},
	{"nmod", []string{"by", "from"}, "The group rejected claims by the Orlen government that it had agreed to a truce.", "Orlen"},
}

// claimantNames returns the lower-cased proper names of whoever a report
// noun in the denial's content at span says made the report: a denial of
// "Hunter's claim" judges what Hunter claimed, not what the article
// reported before.
func claimantNames(doc *nlp.Document, span claimtrail.Span) []string {
	var out []string
	anyWordIn(doc, span, func(t *nlp.Tree, w int) bool {
		if !reportNouns[strings.ToLower(t.Token(w).Text)] {
			return false
		}
		for _, c := range t.Children(w) {
			if claimantOf(t, c) {
				out = append(out, properNames(t, c)...)
			}
		}
		return false
	})
	return out
}

// claimantOf reports whether word w hangs from its report noun by one of
// claimantRels.
func claimantOf(t *nlp.Tree, w int) bool {
	for _, r := range claimantRels {
		if t.Rel(w) != r.rel {
			continue
		}
		if len(r.markers) == 0 || marked(t, w, r.markers) {
			return true
		}
	}
	return false
}

// properNames returns the lower-cased proper nouns of the subtree of w.
func properNames(t *nlp.Tree, w int) []string {
	sp := t.SubtreeSpan(w)
	var out []string
	for k := 0; k < t.Len(); k++ {
		if tk := t.Token(k); tk.Start >= sp.Start && tk.End <= sp.End && t.UPOS(k) == "PROPN" {
			out = append(out, strings.ToLower(tk.Text))
		}
	}
	return out
}

// byClaimant narrows the claims denial i matched to those the report's
// maker it names asserts ("rejected claims by the Orlen government that
// it had agreed to a truce and would free 200 prisoners" judges the
// government's claims, not the outlet's background on how the prisoners
// were taken), or returns nil when it names none or none of the claims
// is that maker's.
func (b *builder) byClaimant(i int, claims []int) []int {
	st := b.items[i].st
	names := claimantNames(b.docs[st.Article], st.Content)
	if len(names) == 0 {
		return nil
	}
	var out []int
	for _, c := range claims {
		if b.assertedByName(c, names) {
			out = append(out, c)
		}
	}
	return out
}

// narrowToClaimant is byClaimant, keeping all the claims when it narrows
// them to none.
func (b *builder) narrowToClaimant(i int, claims []int) []int {
	if len(claims) < 2 {
		return claims
	}
	if out := b.byClaimant(i, claims); len(out) > 0 {
		return out
	}
	return claims
}

// assertedByName reports whether some assertion of claim c has a source,
// past its article's outlet, whose name holds one of the names as a word.
func (b *builder) assertedByName(c int, names []string) bool {
	for _, m := range b.members[c] {
		st := b.items[m].st
		if st.Polarity != claimtrail.Asserts {
			continue
		}
		for k := 1; k < len(st.Chain); k++ {
			for _, w := range strings.Fields(strings.ToLower(st.Chain[k].Name)) {
				w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
				for _, n := range names {
					if w == n {
						return true
					}
				}
			}
		}
	}
	return false
}

// claimantClaim returns the claim most articles carry of those the maker
// named by bare verdict i asserts ("Hunter's claim otherwise was
// categorically false"), or -1.
func (b *builder) claimantClaim(i int) int {
	all := make([]int, len(b.members))
	for c := range all {
		all[c] = c
	}
	best, bestN := -1, 0
	for _, c := range b.byClaimant(i, all) {
		if n := b.carriers(c); n > bestN {
			best, bestN = c, n
		}
	}
	return best
}

// carriers is the number of articles asserting claim c.
func (b *builder) carriers(c int) int {
	arts := map[string]bool{}
	for _, m := range b.members[c] {
		if b.items[m].st.Polarity == claimtrail.Asserts {
			arts[b.items[m].st.Article] = true
		}
	}
	return len(arts)
}
