package story

import (
	"slices"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/nlp"
)

// spreadBlanket gives each blanket verdict ("the news item is completely
// fabricated", "a manufactured propaganda piece") to every claim traced to
// the report it judges. The linker attaches a verdict to the claims its
// speaker denied specifically, or to the claim most articles carry; the
// report those claims came from is the deepest outlet of their chains
// ("TVR-News24" in "Marketdesk ← TVR-News24 ← sources"), and every other
// claim of that report (sameReport) carries the verdict as a
// denial of its report (Claim.ReportDenials), so that no claim of a denied
// report reads as if its source stood unchallenged. The verdict does not
// make such a claim contested: it judges the report, not this proposition.
//
// An outlet files many reports, so a claim relayed from the same outlet is
// not thereby of the same report: a verdict reaches it only when one of its
// statements is tied to where the denied claim's report is cited
// (reportTies), and not when an exclusion holds (reportBreaks) or other
// sources assert it too (severalSources).
func spreadBlanket(articles []claimtrail.Article, claims []claimtrail.Claim, inStory map[string]bool) {
	type verdict struct {
		st    claimtrail.Statement
		sites []reportSite
	}
	paras := paragraphsOf(articles)
	story := storyReports(claims, inStory)
	var verdicts []verdict
	for _, c := range claims {
		for _, st := range c.Statements {
			if st.Blanket && st.Polarity == claimtrail.Denies && inStory[st.Article] {
				verdicts = append(verdicts, verdict{st: st, sites: reportSites(c.Statements, paras, story)})
			}
		}
	}
	if len(verdicts) == 0 {
		return
	}
	// Claims are indexed by the reports their chains cite, and what each
	// claim holds is kept in a set, once: scanning every claim's
	// statements for every verdict was quadratic in a long article.
	byReport := claimsByReport(claims)
	held := make([]map[stmtKey]bool, len(claims))
	for _, v := range verdicts {
		key := stmtKey{v.st.Article, v.st.Content}
		for _, ci := range tracingClaims(byReport, siteReports(v.sites)) {
			c := &claims[ci]
			if !sameReport(c.Statements, v.sites, paras) {
				continue
			}
			if held[ci] == nil {
				held[ci] = heldBy(c)
			}
			if held[ci][key] {
				continue
			}
			c.ReportDenials = append(c.ReportDenials, v.st)
			held[ci][key] = true
		}
	}
}

// stmtKey identifies a statement as holds compares them: its article and
// the span of its content.
type stmtKey struct {
	article string
	content claimtrail.Span
}

// heldBy returns the keys of a claim's statements and report denials.
func heldBy(c *claimtrail.Claim) map[stmtKey]bool {
	out := make(map[stmtKey]bool, len(c.Statements)+len(c.ReportDenials))
	for _, st := range c.Statements {
		out[stmtKey{st.Article, st.Content}] = true
	}
	for _, st := range c.ReportDenials {
		out[stmtKey{st.Article, st.Content}] = true
	}
	return out
}

// claimsByReport maps each outlet an asserting chain passes through
// (tracedOutlets) to the claims, in order, whose chains do.
func claimsByReport(claims []claimtrail.Claim) map[string][]int {
	out := map[string][]int{}
	for ci, c := range claims {
		for _, st := range c.Statements {
			if st.Polarity != claimtrail.Asserts {
				continue
			}
			for _, key := range tracedOutlets(st.Chain) {
				if l := out[key]; len(l) == 0 || l[len(l)-1] != ci {
					out[key] = append(l, ci)
				}
			}
		}
	}
	return out
}

// tracedOutlets returns the keys of the outlets a chain passes through on
// its way to the speaker: every cited outlet past the first link, or, when
// it cites none, the publishing outlet itself. The outlet that published a
// report is that report's own voice ("Tarn Wire ← senior officials" in
// Tarn Wire's article), as much as a relay citing it is its echo; a
// verdict reaches it only when it is a report some chain cites (reportsOf
// looks past the first link), so an article that merely carries the story
// in its own voice is no report of its own.
func tracedOutlets(chain []claimtrail.Source) []string {
	var out []string
	for k := 1; k < len(chain); k++ {
		if chain[k].Kind == claimtrail.KindOutlet {
			out = append(out, nlp.SourceKey(chain[k].Name))
		}
	}
	if len(out) == 0 && len(chain) > 0 && chain[0].Kind == claimtrail.KindOutlet {
		out = append(out, nlp.SourceKey(chain[0].Name))
	}
	return out
}

// tracingClaims returns, in ascending order and once each, the claims
// whose chains cite one of the reports.
func tracingClaims(byReport map[string][]int, reports map[string]bool) []int {
	var out []int
	for r := range reports {
		out = append(out, byReport[r]...)
	}
	slices.Sort(out)
	return slices.Compact(out)
}
