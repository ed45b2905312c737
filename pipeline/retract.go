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
	re       *regexp.Regexp
	examples []string
}

// retractions are the ways correction notes name the statement they
// withdraw. Each names an earlier text of the outlet and what it said; the
// note denies that, in the outlet's own name, and its other words state
// nothing (the retracted words are not a new assertion).
var retractions = []retraction{
	{regexp.MustCompile(`(?i)\b(?:an? )?(?:earlier|previous|original) version(?: of this (?:story|article|report))?\b[^.]*?\b(said|stated|reported|misstated|misreported|gave|wrongly said|wrongly stated|wrongly reported|incorrectly said|incorrectly stated|incorrectly reported|erroneously said|erroneously reported)(?: that)? (.+)`),
		[]string{"CORRECTION: An earlier version of this story, published on 3 May, said the ferry had sunk.",
			"This story has been updated. An earlier version wrongly said the ferry had sunk.",
			"An earlier version of this article misstated the number of passengers on board as 140. The correct figure is 104."}},
	{regexp.MustCompile(`(?i)\b(?:an? )?(?:story|article|report) (?:published|posted|broadcast)\b[^.]*?\b(said|stated|reported)(?: that)? (.+)`),
		[]string{"CORRECTION: An article published by the Harbour Times on 2 May said the ferry had sunk."}},
	{regexp.MustCompile(`(?i)\b(?:yesterday|earlier|previously) we (reported|said|wrote|stated)(?: that)? (.+)`),
		[]string{"CORRECTION: Yesterday we reported that the mayor had resigned."}},
	{regexp.MustCompile(`(?i)^\(?corrects\b[^.]*?\bwhich (said|stated|reported)(?: that)? (.+)`),
		[]string{"(Corrects story published on 4 May, which said the mayor had resigned.)"}},
}

// reportedRetractionRe is how an article reports that a party withdrew
// its own earlier report or claim ("The Pell Courier has retracted its
// report that …"): the groups are the party's name, the cue, the
// possessive (which says what kind of party it is) and what was withdrawn.
// It is matched with case, since the party must be named.
var reportedRetractionRe = regexp.MustCompile(`(?:\b[Tt]he\s+)?((?:[A-Z][\w'’&.-]*\s+){0,4}[A-Z][\w'’&.-]*)\s+(?:has |had |have )?(?:since |now |later |quietly |formally )?(retracted|withdrawn|withdrew|corrected)\s+(its|his|her|their)\s+(?:earlier |original |initial |first )?(?:report|story|article|claim|allegation|statement)s?,?\s+(?:that|saying(?: that)?|which (?:said|stated|claimed)(?: that)?)\s+(.+)`)

// reportedRetractionExamples are sentences reportedRetraction must read,
// with the party each names (TestReportedRetractions).
var reportedRetractionExamples = map[string]string{
	"The Pell Courier has retracted its report that the striker signed a contract with the club.":             "Pell Courier",
	"On Tuesday, Harbour Times withdrew its story saying the ferry had sunk, after the coastguard denied it.": "Harbour Times",
	"Aldo Brisk has since retracted his claim that the minister took a bribe.":                                "Aldo Brisk",
}

// retractionCue reports whether a sentence holds one of the cues
// reportedRetractionRe requires, as it spells them (with case): the
// expression, run on every sentence of every article, is matched only
// where it can match.
func retractionCue(sentence string) bool {
	return strings.Contains(sentence, "retracted") || strings.Contains(sentence, "withdr") ||
		strings.Contains(sentence, "corrected")
}

// possessiveKinds says what kind of party withdraws "its", "his", "her"
// or "their" report: a publisher (an outlet), a person, or a body.
var possessiveKinds = map[string]claimtrail.SourceKind{
	"its": claimtrail.KindOutlet, "his": claimtrail.KindPerson, "her": claimtrail.KindPerson,
	"their": claimtrail.KindOrganization,
}

// reportedRetraction reads a sentence, anywhere in an article, that
// reports a party's retraction of its own report: a denial of what it had
// said, by that party, with Retracts set, so that the withdrawn words are
// no assertion of the article (the labeller reads "has retracted its
// report" as a reporting cue) and the party is listed as retracting the
// claim.
func reportedRetraction(art *claimtrail.Article, sp claimtrail.Span) (claimtrail.Statement, bool) {
	sentence := sp.In(art.Text)
	if !retractionCue(sentence) {
		return claimtrail.Statement{}, false
	}
	m := reportedRetractionRe.FindStringSubmatchIndex(sentence)
	if m == nil {
		return claimtrail.Statement{}, false
	}
	start, end := m[8], trimRetracted(sentence, m[8], m[9])
	if end-start < 8 {
		return claimtrail.Statement{}, false
	}
	party := claimtrail.Source{Name: sentence[m[2]:m[3]], Kind: possessiveKinds[sentence[m[6]:m[7]]]}
	chain := []claimtrail.Source{{Name: art.OutletName(), Kind: claimtrail.KindOutlet}}
	if nlp.SourceKey(party.Name) != nlp.SourceKey(art.OutletName()) {
		chain = append(chain, party)
	}
	content := claimtrail.Span{Start: sp.Start + start, End: sp.Start + end}
	return claimtrail.Statement{
		Article: art.ID, Content: content, Sentence: sp,
		Cue:      claimtrail.Span{Start: sp.Start + m[4], End: sp.Start + m[5]},
		Chain:    chain,
		Polarity: claimtrail.Denies, Negates: content.In(art.Text), Retracts: true,
	}, true
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

// noteOpenings are the words a correction note opens with or holds: a
// heading ("CORRECTION", "Clarification:", "Editor's note:"), Reuters'
// "(Corrects …)", or a sentence about the text's own earlier version
// ("This story has been updated to …", "An earlier version of this
// article misstated …").
var noteOpenings = regexp.MustCompile(`(?i)^(?:correction|clarification|editor'?s note|corrects )|\b(?:earlier|previous|original) version\b|\bthis (?:story|article|report) (?:has been|was) (?:updated|corrected|amended)\b`)

// correctionNote reports whether a paragraph is a correction note.
func correctionNote(para string) bool {
	return noteOpenings.MatchString(strings.TrimLeft(para, " ("))
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
	var notes, corrected []claimtrail.Statement
	for _, para := range art.Paragraphs {
		note := correctionNote(para.In(art.Text))
		for i := range doc.Sentences {
			sp := doc.Sentences[i].Span
			if !para.Contains(sp) {
				continue
			}
			read := reportedRetraction
			if note {
				read = retractionIn
			}
			if st, ok := read(art, sp); ok {
				notes = append(notes, st)
			}
			if note {
				corrected = append(corrected, correctedIn(art, sp)...)
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
	return append(append(out, notes...), corrected...)
}

// correctedIn returns the outlet's statement of the right figure in a
// note of contrastCorrectionRe ("The warehouse held 30 tonnes of wheat"):
// a claim of its own, in the outlet's voice, never joined to the wrong
// figure's (link keeps figures a note corrects apart).
func correctedIn(art *claimtrail.Article, sp claimtrail.Span) []claimtrail.Statement {
	sentence := sp.In(art.Text)
	m := contrastCorrectionRe.FindStringSubmatchIndex(sentence)
	if m == nil || leadingNumber.FindStringIndex(sentence[m[2]:m[3]]) == nil {
		return nil
	}
	return []claimtrail.Statement{{
		Article: art.ID, Sentence: sp, Content: claimtrail.Span{Start: sp.Start + m[2], End: sp.Start + m[3]},
		Chain:    []claimtrail.Source{{Name: art.OutletName(), Kind: claimtrail.KindOutlet}},
		Polarity: claimtrail.Asserts,
	}}
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
	if st, ok := figureRetraction(art, sp); ok {
		return st, true
	}
	return contrastRetraction(art, sp)
}

// contrastCorrectionRe is a correction note that states the right figure
// and names the wrong one after "not": "Correction: The warehouse held 30
// tonnes of wheat, not 300 tonnes as reported earlier." Its groups are
// the corrected statement and the wrong figure's number.
var contrastCorrectionRe = regexp.MustCompile(`(?i)^\(?(?:correction|clarification)\s*[:.-]?\s*(.+?),?\s+not\s+(\d[\d,.]*)\b`)

// contrastCorrectionExamples are notes contrastRetraction must read, with
// what each retraction negates (TestContrastRetractions).
var contrastCorrectionExamples = map[string]string{
	"Correction: The warehouse held 30 tonnes of wheat, not 300 tonnes as reported earlier.": "The warehouse held 300 tonnes of wheat",
	"CORRECTION: 41 passengers were on board, not 14.":                                       "14 passengers were on board",
}

// leadingNumber is the first number of a corrected statement.
var leadingNumber = regexp.MustCompile(`\d[\d,.]*\d|\d`)

// contrastRetraction reads a note of contrastCorrectionRe: the outlet
// withdraws the statement with the wrong figure in place of the right one
// ("The warehouse held 300 tonnes of wheat"), which is what its retraction
// negates, so that it denies the claim giving the old figure. The
// corrected statement is the outlet's own claim (correctedIn).
func contrastRetraction(art *claimtrail.Article, sp claimtrail.Span) (claimtrail.Statement, bool) {
	sentence := sp.In(art.Text)
	m := contrastCorrectionRe.FindStringSubmatchIndex(sentence)
	if m == nil {
		return claimtrail.Statement{}, false
	}
	right := sentence[m[2]:m[3]]
	k := leadingNumber.FindStringIndex(right)
	if k == nil {
		return claimtrail.Statement{}, false
	}
	negates := right[:k[0]] + sentence[m[4]:m[5]] + right[k[1]:]
	return claimtrail.Statement{
		Article: art.ID, Sentence: sp,
		Content:  claimtrail.Span{Start: sp.Start + m[2], End: sp.Start + m[5]},
		Cue:      claimtrail.Span{Start: sp.Start + m[4] - len("not "), End: sp.Start + m[4] - 1},
		Chain:    []claimtrail.Source{{Name: art.OutletName(), Kind: claimtrail.KindOutlet}},
		Polarity: claimtrail.Denies, Negates: negates, Retracts: true,
	}, true
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
	for _, stop := range []string{", citing ", ", according to ", ", after ", ". ", ")", "; "} {
		if k := strings.Index(body, stop); k >= 0 {
			body = body[:k]
		}
	}
	body = strings.TrimRight(body, " .,;")
	return start + len(body)
}
