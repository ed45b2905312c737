package link

import (
	"slices"
	"strings"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/nlp"
)

// A bare verdict on a report names the report by anaphora: "That report
// was wrong", "Sorvik rejected that report", "his spokesman dismissed
// those claims as a smear". Its antecedent is the report the article has
// just cited: the assertions, in the verdict's paragraph before it or in
// the paragraph before that, that the article puts on someone else's word
// (a chain longer than the outlet alone), not on the verdict's speaker.
// Several reports there make the anaphor ambiguous, and an ambiguous
// verdict attaches to nothing: a verdict joined to the wrong report's
// claim leaves the right one looking unchallenged, or corroborated. A
// verdict that names the report's outlet ("the Marsh Wire report was
// wrong") keeps only that outlet's report.

// anaphorWindow is how many paragraphs back, the verdict's own included,
// an anaphor looks for its report: "that report" refers to what was just
// said, not to a report cited at the article's top.
const anaphorWindow = 2

// anaphorDeterminers point back to a report already named: "that
// report", "those claims", "such reports", "this story". "The" alone does
// not: "the reports are incorrect" often means the story's reports at
// large, which the nearest cited statement is not.
var anaphorDeterminers = map[string]bool{"that": true, "those": true, "this": true, "these": true, "such": true}

// anaphorReportNouns are the nouns by which a verdict names a report.
var anaphorReportNouns = map[string]bool{
	"report": true, "reports": true, "story": true, "stories": true, "claim": true, "claims": true,
	"allegation": true, "allegations": true, "article": true, "rumour": true, "rumours": true,
	"rumor": true, "rumors": true, "account": true, "accounts": true,
}

// ownContent are the words by which a report noun goes on to say what
// was reported ("reports that …", "reports of her capture"): such a
// report is named by its content, not by anaphora.
var ownContent = map[string]bool{
	"that": true, "of": true, "about": true, "saying": true, "claiming": true, "suggesting": true,
	"which": true, "alleging": true,
}

// anaphorExamples are verdicts (the sentence and its content) that must
// read as anaphoric, or not (TestAnaphoric).
var anaphorExamples = []struct {
	sentence, content string
	want              bool // anaphoric: by pointing or by name
}{
	{"That report was wrong.", "report was wrong", true},
	{"Sorvik rejected that report on Tuesday.", "report on Tuesday", true},
	{"His spokesman dismissed those claims as a smear.", "those claims as a smear", true},
	{"The earlier report was inaccurate.", "The earlier report was inaccurate", true},
	{"Such reports are baseless, the ministry said.", "Such reports are baseless", true},
	{"The reports are incorrect, a spokesman said.", "The reports are incorrect", false},
	{"He said the reports that Ebola has reached the city are incorrect.", "the reports that Ebola has reached the city are incorrect", false},
	{"She dismissed those reports of her arrest.", "those reports of her arrest", false},
	{"It is, of course, completely fake.", "It is, of course, completely fake", false},
	{"The mayor said the Lark Observer report was false.", "the Lark Observer report was false", true},
	{"A spokesperson said that Hunter's claim was false.", "Hunter's claim was false", true},
}

// reference is how a verdict names the report it judges.
type reference int

const (
	byContent  reference = iota // by what was reported, or not at all
	byPointing                  // "that report", "those claims", "the earlier story"
	byName                      // "the Lark Observer report", "Marsh Wire's story"
)

// anaphoric tells how a verdict, whose content starts at byte at of its
// sentence, names the report it judges: by a report noun among the
// content's first four words, just after a pointing determiner ("that
// report", "those false claims", the determiner maybe before the content)
// or "the earlier", or just after a name ("the Lark Observer report"),
// with no words of its own on what was reported.
func anaphoric(sentence string, at int) reference {
	var ws []nlp.Word
	first := -1
	for w := range nlp.Words(sentence) {
		if first < 0 && w.Start >= at {
			first = len(ws)
		}
		ws = append(ws, w)
	}
	if first < 0 {
		return byContent
	}
	for k := first; k < min(len(ws), first+4); k++ {
		if !anaphorReportNouns[ws[k].Form] || k+1 < len(ws) && ownContent[ws[k+1].Form] {
			continue
		}
		for j := k - 1; j >= max(0, k-2); j-- {
			if anaphorDeterminers[ws[j].Form] || ws[j].Form == "earlier" && j > 0 && ws[j-1].Form == "the" {
				return byPointing
			}
			if ws[j].Flags&nlp.Capitalised != 0 || strings.HasSuffix(ws[j].Form, "'s") {
				break // "that Hunter's claim": the "that" opens a clause, the claim is named
			}
		}
		if j := k - 1; j >= 0 && (ws[j].Flags&nlp.Capitalised != 0 && !anaphorDeterminers[ws[j].Form] && ws[j].Form != "the" ||
			strings.HasSuffix(ws[j].Form, "'s")) {
			return byName
		}
	}
	return byContent
}

// citedReport is an assertion of an article on another's word: its
// item, its claim and the key of the source it is put on (the chain's
// second link: the report the article cites).
type citedReport struct {
	item, claim int
	report      string
}

// anaphor is what a verdict's anaphor resolved to.
type anaphor int

const (
	noReport  anaphor = iota // the article cites no report just before the verdict
	oneReport                // it cites one: the verdict judges its claims
	ambiguous                // it cites several, and the verdict names none of them
)

// antecedent returns the claims whose report a bare verdict i names by
// anaphora, and how the anaphor was resolved.
func (b *builder) antecedent(i int, ref reference) ([]int, anaphor) {
	v := b.items[i].st
	doc := b.docs[v.Article]
	if doc == nil {
		return nil, noReport
	}
	para := paragraphOf(doc, v.Sentence)
	if para < 0 {
		return nil, noReport
	}
	var found []citedReport
	for c, ms := range b.members {
		for _, m := range ms {
			st := b.items[m].st
			if st.Article != v.Article || st.Polarity != claimtrail.Asserts || len(st.Chain) < 2 ||
				st.Sentence.Start >= v.Sentence.Start || b.items[m].speaker == b.items[i].speaker {
				continue
			}
			if p := paragraphOf(doc, st.Sentence); ref == byPointing && (p < 0 || para-p >= anaphorWindow) {
				continue // a report named by its source may be cited anywhere before
			}
			if pronouns[strings.ToLower(st.Chain[1].Name)] {
				continue // an unresolved "you", "it": no report one can point to
			}
			found = append(found, citedReport{item: m, claim: c, report: nlp.SourceKey(st.Chain[1].Name)})
		}
	}
	named := namedReports(v.Content.In(doc.Text()), b.items, found)
	if len(named) > 0 || ref == byName {
		found = slices.DeleteFunc(found, func(f citedReport) bool { return !named[f.report] })
	}
	reports := map[string]bool{}
	last := -1
	for _, f := range found {
		reports[f.report] = true
		last = max(last, b.items[f.item].st.Sentence.Start)
	}
	switch len(reports) {
	case 0:
		return nil, noReport
	case 1:
	default:
		return nil, ambiguous
	}
	// The report's claims stated in the sentence nearest the verdict.
	var out []int
	for _, f := range found {
		if b.items[f.item].st.Sentence.Start == last {
			out = append(out, f.claim)
		}
	}
	slices.Sort(out)
	return slices.Compact(out), oneReport
}

// pronouns are source names that name no one: attribution left them
// unresolved.
var pronouns = map[string]bool{"you": true, "it": true, "they": true, "he": true, "she": true, "we": true, "i": true}

// namedReports returns the keys of the cited reports whose named source
// the verdict's content names ("Sorvik rejected the Lark Observer
// report"); not its sentence, which names the verdict's own speaker ("a
// spokesperson for the department said that Hunter's claim was false"). An
// unnamed source ("a police source") names nothing.
func namedReports(sentence string, items []item, found []citedReport) map[string]bool {
	out := map[string]bool{}
	for _, f := range found {
		src := items[f.item].st.Chain[1]
		if src.Kind != claimtrail.KindAnonymous && src.Name != "" && strings.Contains(sentence, src.Name) {
			out[f.report] = true
		}
	}
	return out
}

// paragraphOf returns the paragraph of the sentence at span sp, or -1.
func paragraphOf(doc *nlp.Document, sp claimtrail.Span) int {
	for _, s := range doc.Sentences {
		if s.Span.Start <= sp.Start && sp.Start < s.Span.End {
			return s.Paragraph
		}
	}
	return -1
}

// verdictReference tells how verdict i names its report (anaphoric).
func (b *builder) verdictReference(i int) reference {
	st := b.items[i].st
	doc := b.docs[st.Article]
	if doc == nil || st.Content.Start < st.Sentence.Start {
		return byContent
	}
	return anaphoric(st.Sentence.In(doc.Text()), st.Content.Start-st.Sentence.Start)
}
