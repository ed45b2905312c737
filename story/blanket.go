package story

import (
	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/nlp"
)

// spreadBlanket gives each blanket verdict ("the news item is completely
// fabricated", "a manufactured propaganda piece") to every claim traced to
// the report it judges. The linker attaches a verdict to the claims its
// speaker denied specifically, or to the claim most articles carry; the
// report those claims came from is the deepest outlet of their chains
// ("TVR-News24" in "Marketdesk ← TVR-News24 ← sources"), and every other
// claim whose chains pass through that outlet carries the verdict as a
// denial of its report (Claim.ReportDenials), so that no claim of a denied
// report reads as if its source stood unchallenged. The verdict does not
// make such a claim contested: it judges the report, not this proposition.
func spreadBlanket(claims []claimtrail.Claim, inStory map[string]bool) {
	type verdict struct {
		st      claimtrail.Statement
		reports map[string]bool
	}
	var verdicts []verdict
	for _, c := range claims {
		for _, st := range c.Statements {
			if st.Blanket && st.Polarity == claimtrail.Denies && inStory[st.Article] {
				verdicts = append(verdicts, verdict{st: st, reports: reportsOf(c.Statements)})
			}
		}
	}
	for _, v := range verdicts {
		if len(v.reports) == 0 {
			continue
		}
		for ci := range claims {
			c := &claims[ci]
			if holds(c.Statements, v.st) || holds(c.ReportDenials, v.st) || !tracedTo(c.Statements, v.reports) {
				continue
			}
			c.ReportDenials = append(c.ReportDenials, v.st)
		}
	}
}

// reportsOf returns the deepest cited outlet of each asserting chain: the
// reports a claim was taken from.
func reportsOf(stmts []claimtrail.Statement) map[string]bool {
	out := map[string]bool{}
	for _, st := range stmts {
		if st.Polarity != claimtrail.Asserts {
			continue
		}
		for k := len(st.Chain) - 1; k >= 1; k-- {
			if st.Chain[k].Kind == claimtrail.KindOutlet {
				out[nlp.SourceKey(st.Chain[k].Name)] = true
				break
			}
		}
	}
	return out
}

// tracedTo reports whether an assertion's chain cites one of the reports.
func tracedTo(stmts []claimtrail.Statement, reports map[string]bool) bool {
	for _, st := range stmts {
		if st.Polarity != claimtrail.Asserts {
			continue
		}
		for k := 1; k < len(st.Chain); k++ {
			if st.Chain[k].Kind == claimtrail.KindOutlet && reports[nlp.SourceKey(st.Chain[k].Name)] {
				return true
			}
		}
	}
	return false
}

// holds reports whether stmts already hold the statement st.
func holds(stmts []claimtrail.Statement, st claimtrail.Statement) bool {
	for _, o := range stmts {
		if o.Article == st.Article && o.Content == st.Content {
			return true
		}
	}
	return false
}
