package story

import (
	"regexp"
	"strings"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/nlp"
)

// reportSite is a place where a denied claim's report is cited: the
// report's key, the article and paragraph citing it, whether the article is
// the report's own (its outlet published it), and the sources the chain
// names past the report ("sources" in "Hill Courier ← Tarn Wire ←
// sources").
type reportSite struct {
	report  string
	article string
	para    int
	own     bool
	tail    []claimtrail.Source
	// story marks a report that a large share of the story's articles
	// cite (storyReportShare): the story is that report retold, and each
	// of its claims is of it wherever it is cited.
	story bool
}

// reportTie is one way a statement relayed from a report's outlet shows
// it is of the same report as the denied claim: Example is a story in
// which it holds (TestBlanketTies writes it with other names).
type reportTie struct {
	Name    string
	Example string
	Holds   func(s, d reportSite) bool
}

// reportTies are the ties, any one of which suffices. An outlet files many
// reports; what places a claim in the denied one is where it is cited:
// beside the denied claim, or in the report's own article, or in one
// article with the same sources behind the outlet.
var reportTies = []reportTie{
	{
		Name:    "the story's own report",
		Example: `three of five articles relay the Ridge Times: "…, the Ridge Times reported." in each, and a denial "the Ridge Times story is false"`,
		Holds:   func(s, d reportSite) bool { return d.story },
	},
	{
		Name:    "same paragraph",
		Example: `"The navy is preparing a blockade, sources told the Ridge Times. It has also moved four frigates, the Ridge Times reported."`,
		Holds:   func(s, d reportSite) bool { return s.article == d.article && s.para == d.para },
	},
	{
		Name:    "the report's own article",
		Example: `Brask Wire: "The army will close the crossing, officials told Brask Wire. It has also cancelled leave, the officials said."`,
		Holds: func(s, d reportSite) bool {
			// Within its own article the report is what it says in its own
			// voice or on its denied claim's sources; "analysts said" there
			// is other people's comment on it.
			return s.own && d.own && s.article == d.article && (len(s.tail) == 0 || sameSources(s.tail, d.tail))
		},
	},
	{
		Name:    "same article, same sources behind the outlet",
		Example: `"… the Ridge Times reported, citing defence sources. … Later paragraph: the Ridge Times, citing defence sources, said …"`,
		Holds: func(s, d reportSite) bool {
			return s.article == d.article && len(s.tail) > 0 && sameSources(s.tail, d.tail)
		},
	},
}

// reportBreak is a reason a statement tied to a report still is not of
// it: Example is a story in which it holds.
type reportBreak struct {
	Name    string
	Example string
	Holds   func(s reportSite, sites []reportSite) bool
}

// reportBreaks are the exclusions: a chain that continues past the outlet
// to a named person or body the denied report does not cite relays that
// speaker's words, a report of their own ("the Ridge Times reported,
// citing port director Oda Quistrem").
var reportBreaks = []reportBreak{
	{
		Name:    "a named speaker of its own",
		Example: `"Harbour traffic fell by a third, the Ridge Times reported, citing port director Oda Quistrem."`,
		Holds: func(s reportSite, sites []reportSite) bool {
			for _, src := range s.tail {
				if named(src) && !citedBy(src, s.report, sites) {
					return true
				}
			}
			return false
		},
	},
}

// storyReportShare is the share of a story's articles that must cite a
// report for the story to be that report retold. An outlet cited by a few
// articles for background is one source among many; one that a third of
// the articles relay is what the story is about (a hoax site's item, a
// tabloid's scoop), and a verdict on it judges all they take from it.
const storyReportShare = 1.0 / 3

// storyReports returns the keys of the reports that at least
// storyReportShare of the in-story articles cite past a chain's first
// link.
func storyReports(claims []claimtrail.Claim, inStory map[string]bool) map[string]bool {
	citing := map[string]map[string]bool{}
	for _, c := range claims {
		for _, st := range c.Statements {
			for k := 1; k < len(st.Chain); k++ {
				if st.Chain[k].Kind != claimtrail.KindOutlet {
					continue
				}
				key := nlp.SourceKey(st.Chain[k].Name)
				if citing[key] == nil {
					citing[key] = map[string]bool{}
				}
				citing[key][st.Article] = true
			}
		}
	}
	n := 0
	for _, on := range inStory {
		if on {
			n++
		}
	}
	out := map[string]bool{}
	for key, arts := range citing {
		if n > 0 && float64(len(arts)) >= storyReportShare*float64(n) {
			out[key] = true
		}
	}
	return out
}

// named reports whether a source is a speaker named in its own right, as
// opposed to "sources" or "officials".
func named(src claimtrail.Source) bool {
	switch src.Kind {
	case claimtrail.KindPerson, claimtrail.KindOfficial, claimtrail.KindOrganization:
		return true
	}
	return false
}

// citedBy reports whether a site of the report names the source past it.
func citedBy(src claimtrail.Source, report string, sites []reportSite) bool {
	key := nlp.SourceKey(src.Name)
	for _, d := range sites {
		if d.report != report {
			continue
		}
		for _, t := range d.tail {
			if nlp.SourceKey(t.Name) == key {
				return true
			}
		}
	}
	return false
}

// sameSources reports whether two chain tails name the same sources.
// conditional reports whether a statement is hedged by a condition ("if
// confirmed", "if true", "if the reports are true"): it says what would
// follow were the report right, which a verdict on the report leaves alone.
func conditional(hedges []string) bool {
	for _, h := range hedges {
		if strings.HasPrefix(h, "if ") {
			return true
		}
	}
	return false
}

func sameSources(a, b []claimtrail.Source) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if nlp.SourceKey(a[i].Name) != nlp.SourceKey(b[i].Name) {
			return false
		}
	}
	return true
}

// paragraphsOf maps article IDs to their paragraph spans: those the loader
// marked, or, for plain text, which the loader does not divide, the runs
// of lines between blank lines (or each line, when no line is blank).
func paragraphsOf(articles []claimtrail.Article) map[string][]claimtrail.Span {
	out := make(map[string][]claimtrail.Span, len(articles))
	for _, a := range articles {
		if len(a.Paragraphs) > 0 {
			out[a.ID] = a.Paragraphs
		} else {
			out[a.ID] = textParagraphs(a.Text)
		}
	}
	return out
}

// textParagraphs divides plain text at blank lines, or at every line
// break when it has no blank line.
func textParagraphs(text string) []claimtrail.Span {
	at := lineBreak
	if blankLine.MatchString(text) {
		at = blankLine
	}
	var out []claimtrail.Span
	start := 0
	for _, loc := range at.FindAllStringIndex(text, -1) {
		if loc[0] > start {
			out = append(out, claimtrail.Span{Start: start, End: loc[0]})
		}
		start = loc[1]
	}
	if start < len(text) {
		out = append(out, claimtrail.Span{Start: start, End: len(text)})
	}
	return out
}

// blankLine matches a line break, a line holding only white space, and
// the next line break: a paragraph break in plain text.
var blankLine = regexp.MustCompile(`\n[ \t\r]*\n`)

// lineBreak matches one line break.
var lineBreak = regexp.MustCompile(`\n`)

// paragraphAt returns the index of the paragraph holding offset, or -1
// when no paragraph holds it.
func paragraphAt(paras []claimtrail.Span, offset int) int {
	for i, p := range paras {
		if offset >= p.Start && offset < p.End {
			return i
		}
	}
	return -1
}

// siteOf returns where a statement cites report, and false when its chain
// does not pass through it as tracedOutlets reads chains.
func siteOf(st claimtrail.Statement, report string, paras map[string][]claimtrail.Span) (reportSite, bool) {
	k := -1
	for i := 1; i < len(st.Chain); i++ {
		if st.Chain[i].Kind == claimtrail.KindOutlet && nlp.SourceKey(st.Chain[i].Name) == report {
			k = i
		}
	}
	if k < 0 && len(st.Chain) > 0 && st.Chain[0].Kind == claimtrail.KindOutlet && nlp.SourceKey(st.Chain[0].Name) == report {
		k = 0
	}
	if k < 0 {
		return reportSite{}, false
	}
	at := st.Sentence.Start
	if st.Sentence.Empty() {
		at = st.Content.Start
	}
	return reportSite{
		report:  report,
		article: st.Article,
		para:    paragraphAt(paras[st.Article], at),
		own:     k == 0,
		tail:    st.Chain[k+1:],
	}, true
}

// reportSites returns where the reports a claim was taken from are cited.
// Its reports are the deepest cited outlet of each asserting chain; its
// sites are every asserting statement whose chain passes through one,
// the report's own article included.
func reportSites(stmts []claimtrail.Statement, paras map[string][]claimtrail.Span, story map[string]bool) []reportSite {
	reports := map[string]bool{}
	for _, st := range stmts {
		if st.Polarity != claimtrail.Asserts {
			continue
		}
		for k := len(st.Chain) - 1; k >= 1; k-- {
			if st.Chain[k].Kind == claimtrail.KindOutlet {
				reports[nlp.SourceKey(st.Chain[k].Name)] = true
				break
			}
		}
	}
	var out []reportSite
	for _, st := range stmts {
		if st.Polarity != claimtrail.Asserts {
			continue
		}
		for r := range reports {
			if s, ok := siteOf(st, r, paras); ok {
				s.story = story[r]
				out = append(out, s)
			}
		}
	}
	return out
}

// siteReports returns the keys of the reports the sites cite.
func siteReports(sites []reportSite) map[string]bool {
	out := map[string]bool{}
	for _, s := range sites {
		out[s.report] = true
	}
	return out
}

// sameReport reports whether a claim's statements place it in one of the
// denied reports: one asserting statement tied to a site of the report
// (reportTies) and broken by no exclusion (reportBreaks), in a claim the
// report is the only source of (severalSources).
func sameReport(stmts []claimtrail.Statement, sites []reportSite, paras map[string][]claimtrail.Span) bool {
	if severalSources(stmts, sites) {
		return false
	}
	for _, st := range stmts {
		if st.Polarity != claimtrail.Asserts || conditional(st.Hedges) {
			continue // "If confirmed, the move would be the largest…": what would follow, not what the report says
		}
		for r := range siteReports(sites) {
			s, ok := siteOf(st, r, paras)
			if ok && tied(s, sites) && !broken(s, sites) {
				return true
			}
		}
	}
	return false
}

// tied reports whether a statement's site is tied to a site of the same
// report by one of reportTies.
func tied(s reportSite, sites []reportSite) bool {
	for _, d := range sites {
		if d.report != s.report {
			continue
		}
		for _, t := range reportTies {
			if t.Holds(s, d) {
				return true
			}
		}
	}
	return false
}

// broken reports whether one of reportBreaks holds for a statement's site.
func broken(s reportSite, sites []reportSite) bool {
	for _, b := range reportBreaks {
		if b.Holds(s, sites) {
			return true
		}
	}
	return false
}

// severalSources reports whether a claim is asserted on the authority of
// a source outside the denied reports as well ("Harbour traffic fell, the
// Ridge Times reported" and "…, the port authority said"): the report is
// then one of several sources of the claim, and a verdict on it does not
// judge the claim. An outlet's own voice (a chain of one link) is no
// source of its own, nor is an unnamed one ("a source close to the
// group"), which a relay that leaves the outlet out still owes to it.
func severalSources(stmts []claimtrail.Statement, sites []reportSite) bool {
	reports := siteReports(sites)
	for _, st := range stmts {
		if st.Polarity != claimtrail.Asserts || len(st.Chain) < 2 || st.Chain[len(st.Chain)-1].Kind == claimtrail.KindAnonymous {
			continue
		}
		if !passesAny(st.Chain, reports) {
			return true
		}
	}
	return false
}

// passesAny reports whether a chain names one of the reports.
func passesAny(chain []claimtrail.Source, reports map[string]bool) bool {
	for _, src := range chain {
		if src.Kind == claimtrail.KindOutlet && reports[nlp.SourceKey(src.Name)] {
			return true
		}
	}
	return false
}
