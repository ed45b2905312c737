package pipeline

import (
	"regexp"
	"strings"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/nlp"
)

// retraction is one way a correction note names what it corrects: the
// pattern's first group is the cue, the second what the earlier version
// said.
type retraction struct {
	re      *regexp.Regexp
	example string
}

// retractions are the ways correction notes name the statement they
// withdraw. Each names an earlier text of the outlet and what it said; the
// note denies that, in the outlet's own name, and its other words state
// nothing (the retracted words are not a new assertion).
var retractions = []retraction{
	{regexp.MustCompile(`(?i)\b(?:an? )?(?:earlier|previous|original) version of this (?:story|article|report)\b[^.]*?\b(said|stated|reported|misstated|wrongly said|incorrectly said|incorrectly stated)(?: that)? (.+)`),
		"CORRECTION: An earlier version of this story, published on 3 May, said the ferry had sunk."},
	{regexp.MustCompile(`(?i)\b(?:an? )?(?:story|article|report) (?:published|posted|broadcast)\b[^.]*?\b(said|stated|reported)(?: that)? (.+)`),
		"CORRECTION: An article published by the Harbour Times on 2 May said the ferry had sunk."},
	{regexp.MustCompile(`(?i)\b(?:yesterday|earlier|previously) we (reported|said|wrote|stated)(?: that)? (.+)`),
		"CORRECTION: Yesterday we reported that the mayor had resigned."},
	{regexp.MustCompile(`(?i)^\(?corrects\b[^.]*?\bwhich (said|stated|reported)(?: that)? (.+)`),
		"(Corrects story published on 4 May, which said the mayor had resigned.)"},
}

// figureCorrection is one way a correction note names a figure it
// corrects without quoting the sentence: "(Corrects number of passengers
// to 41 from 14.)". Its groups are what the figure counts, the right
// figure and the figure the earlier version gave.
type figureCorrection struct {
	re      *regexp.Regexp
	example string
}

// figureCorrections are the ways correction notes correct a figure. The
// note withdraws the old figure of that thing: its retraction negates
// "number of passengers 14", not the new figure it also names.
var figureCorrections = []figureCorrection{
	{regexp.MustCompile(`(?i)^\(?corrects (.+?) to (.+?) from (.+?)(?:\s+as\s+(?:reported|stated|said)(?:\s+earlier)?)?\s*(?:[,;)]|\.(?:\s|\)|$)|$)`),
		"(Corrects number of passengers in the second paragraph to 41 from 14.)"},
	{regexp.MustCompile(`(?i)^\(?corrects (.+?) to (.+?),? (?:not|instead of) (.+?)(?:\s+as\s+(?:reported|stated|said)(?:\s+earlier)?)?\s*(?:[,;)]|\.(?:\s|\)|$)|$)`),
		"(Corrects amount of the council's grant in headline to 3 million euros, not 30 million euros as reported earlier.)"},
}

// placeInText is where a correction note says the figure stood ("in the
// first paragraph of the story of 8 May", "in headline"): no part of what
// the figure counts.
var placeInText = regexp.MustCompile(`(?i)\s+in\s+(?:the\s+)?(?:headline|caption|summary|story|article|(?:first|second|third|fourth|fifth|last|opening|\w+)\s+paragraph)\b.*$`)

// correctionNote reports whether a paragraph is a correction note: it opens
// with "CORRECTION", "Correction:" or "(Corrects", or speaks of an earlier
// version of the text.
func correctionNote(para string) bool {
	p := strings.TrimLeft(para, " (")
	low := strings.ToLower(p)
	return strings.HasPrefix(low, "correction") || strings.HasPrefix(low, "corrects ") ||
		strings.Contains(low, "earlier version of this")
}

// applyRetractions finds the correction notes of a document and turns each
// into a retraction: a denial, by the outlet itself, of what the earlier
// version said. The other statements found in the note's sentence go: the
// words it quotes as wrong are not an assertion, and the note is never an
// origin.
func applyRetractions(doc *nlp.Document, stmts []claimtrail.Statement) []claimtrail.Statement {
	art := doc.Article
	if art == nil {
		return stmts
	}
	var notes []claimtrail.Statement
	for _, para := range art.Paragraphs {
		text := para.In(art.Text)
		if !correctionNote(text) {
			continue
		}
		for i := range doc.Sentences {
			sp := doc.Sentences[i].Span
			if !para.Contains(sp) {
				continue
			}
			if st, ok := retractionIn(art, sp); ok {
				notes = append(notes, st)
			}
		}
	}
	if len(notes) == 0 {
		return stmts
	}
	out := stmts[:0:0]
	for _, st := range stmts {
		keep := true
		for _, n := range notes {
			keep = keep && !n.Sentence.Overlaps(st.Sentence) && !n.Sentence.Overlaps(st.Content)
		}
		if keep {
			out = append(out, st)
		}
	}
	return append(out, notes...)
}

// retractionIn reads one sentence of a correction note against the table.
func retractionIn(art *claimtrail.Article, sp claimtrail.Span) (claimtrail.Statement, bool) {
	sentence := sp.In(art.Text)
	for _, r := range retractions {
		m := r.re.FindStringSubmatchIndex(sentence)
		if m == nil {
			continue
		}
		start, end := m[4], trimRetracted(sentence, m[4], m[5])
		if end-start < 8 {
			continue
		}
		content := claimtrail.Span{Start: sp.Start + start, End: sp.Start + end}
		return claimtrail.Statement{
			Article: art.ID, Content: content, Sentence: sp,
			Cue:      claimtrail.Span{Start: sp.Start + m[2], End: sp.Start + m[3]},
			Chain:    []claimtrail.Source{{Name: art.OutletName(), Kind: claimtrail.KindOutlet}},
			Polarity: claimtrail.Denies, Negates: content.In(art.Text), Retracts: true,
		}, true
	}
	return figureRetraction(art, sp)
}

// figureRetraction reads one sentence of a correction note against the
// figure table: the retraction's content runs from what the figure counts
// to the old figure, and it negates those two alone ("number of affected
// customers 4.2 million"), so that it denies the claim giving the old
// figure, not the one giving the new.
func figureRetraction(art *claimtrail.Article, sp claimtrail.Span) (claimtrail.Statement, bool) {
	sentence := sp.In(art.Text)
	for _, f := range figureCorrections {
		m := f.re.FindStringSubmatchIndex(sentence)
		if m == nil {
			continue
		}
		thing := sentence[m[2]:m[3]]
		if k := placeInText.FindStringIndex(thing); k != nil {
			thing = thing[:k[0]]
		}
		old := strings.TrimRight(sentence[m[6]:m[7]], " .,;")
		if len(thing) < 4 || old == "" {
			continue
		}
		return claimtrail.Statement{
			Article: art.ID, Sentence: sp,
			Content:  claimtrail.Span{Start: sp.Start + m[2], End: sp.Start + m[6] + len(old)},
			Cue:      claimtrail.Span{Start: sp.Start + m[2] - len("corrects "), End: sp.Start + m[2] - 1},
			Chain:    []claimtrail.Source{{Name: art.OutletName(), Kind: claimtrail.KindOutlet}},
			Polarity: claimtrail.Denies, Negates: thing + " " + old, Retracts: true,
		}, true
	}
	return claimtrail.Statement{}, false
}

// trimRetracted cuts what the earlier version said at the end of its
// clause: before a closing stop or bracket and before the source it was
// put on (", citing …", ", according to …").
func trimRetracted(s string, start, end int) int {
	body := s[start:end]
	for _, stop := range []string{", citing ", ", according to ", ". ", ")", "; "} {
		if k := strings.Index(body, stop); k >= 0 {
			body = body[:k]
		}
	}
	body = strings.TrimRight(body, " .,;")
	return start + len(body)
}
