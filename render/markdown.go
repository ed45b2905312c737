package render

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/claimtrail/claimtrail"
)

// MarkdownOptions configure the Markdown document.
type MarkdownOptions struct {
	// All lists the attributions that are no claims too
	// (Ledger.Attributions), after the claims.
	All bool
}

// Markdown writes the ledger as a Markdown document: an article table, a
// claims × articles stance matrix, then each claim with its evidence, and
// last, in a section of their own, the asides (opinions, advice, feelings,
// procedure: Claim.Aside), which the matrix leaves out.
func Markdown(w io.Writer, l *claimtrail.Ledger) error {
	return MarkdownWith(w, l, MarkdownOptions{})
}

// MarkdownWith is Markdown as opt says.
func MarkdownWith(w io.Writer, l *claimtrail.Ledger, opt MarkdownOptions) error {
	b := bufio.NewWriter(w)
	var check, asides []*claimtrail.Claim
	for i := range l.Claims {
		if l.Claims[i].Aside {
			asides = append(asides, &l.Claims[i])
		} else {
			check = append(check, &l.Claims[i])
		}
	}
	apart := ""
	if len(asides) > 0 {
		apart = fmt.Sprintf(" %d more kept apart as opinions, advice or procedure (last section).", len(asides))
	}
	if groups := l.Copies(); len(groups) > 0 {
		apart += " " + copiesSummary(len(l.CopyOf), len(groups)) + "."
	}
	fmt.Fprintf(b, "# Claim ledger\n\n%d claims from %d articles.%s\n\n", len(check), len(l.Articles)-len(l.OffStory), apart)
	b.WriteString("| ID | Outlet | Title | Published | Words |\n|---|---|---|---|---|\n")
	for _, a := range l.Articles {
		pub := "unknown"
		if !a.Published.IsZero() {
			pub = a.Published.Format("2006-01-02")
		}
		title := mdEscape(a.Title)
		if l.IsOffStory(a.ID) {
			title += " *(off the story)*"
		}
		if orig, ok := l.CopyOf[a.ID]; ok {
			title += " *(copy of " + orig + ")*"
		}
		fmt.Fprintf(b, "| %s | %s | %s | %s | %d |\n", a.ID, mdEscape(outletName(a.Outlet)), title, pub, a.Words())
	}
	if len(check) > 0 {
		b.WriteString("\n## Stances\n\n| Claim | Status |")
		for _, a := range l.Articles {
			fmt.Fprintf(b, " %s |", a.ID)
		}
		b.WriteString("\n|---|---|" + strings.Repeat("---|", len(l.Articles)) + "\n")
		for _, c := range check {
			fmt.Fprintf(b, "| %s | %s |", c.ID, c.Status)
			for _, a := range l.Articles {
				fmt.Fprintf(b, " %s |", c.StanceOf(a.ID))
			}
			b.WriteString("\n")
		}
	}
	for _, c := range check {
		mdClaim(b, l, c, 2)
	}
	if len(asides) > 0 {
		b.WriteString("\n## Kept apart: opinions, advice, feelings, procedure\n\n" +
			"Statements that evaluate, recommend, speculate or announce a schedule rather than report a fact to check.\n")
		for _, c := range asides {
			mdClaim(b, l, c, 3)
		}
	}
	if len(l.Unmatched) > 0 {
		b.WriteString("\n## Denied, but asserted by no article here\n\n")
		mdStatements(b, l, l.Unmatched)
	}
	if opt.All {
		mdAttributions(b, OtherAttributions(l))
	}
	if err := b.Flush(); err != nil {
		return fmt.Errorf("render markdown: %w", err)
	}
	return nil
}

// mdClaim writes one claim under a heading of the given level; an aside's
// heading names its kind.
func mdClaim(b *bufio.Writer, l *claimtrail.Ledger, c *claimtrail.Claim, level int) {
	what := string(c.Status)
	if c.AsideKind != "" {
		what = c.AsideKind
	}
	fmt.Fprintf(b, "\n%s %s — %s\n\n> %s\n\n", strings.Repeat("#", level), c.ID, what, mdEscape(c.Text))
	origins := make([]string, len(c.Origins))
	for i, o := range c.Origins {
		origins[i] = mdEscape(SourceText(o))
	}
	fmt.Fprintf(b, "- **Independent origins (%d):** %s\n", len(c.Origins), orNone(strings.Join(origins, "; ")))
	if len(c.DeniedBy) > 0 {
		d := make([]string, len(c.DeniedBy))
		for i, s := range c.DeniedBy {
			d[i] = mdEscape(SourceText(s))
		}
		fmt.Fprintf(b, "- **Denied by:** %s\n", strings.Join(d, "; "))
	}
	if len(c.Flags) > 0 {
		f := make([]string, len(c.Flags))
		for i, x := range c.Flags {
			f[i] = "`" + string(x) + "`"
		}
		fmt.Fprintf(b, "- **Flags:** %s\n", strings.Join(f, ", "))
	}
	mdStatements(b, l, c.Statements)
	for _, a := range l.Articles {
		if j, ok := c.Judged[a.ID]; ok && len(j.Evidence) > 0 {
			fmt.Fprintf(b, "| %s | %s (stance model, %.0f%%) | | %s | | | %s |\n", a.ID, j.Stance, j.Confidence*100,
				mdEscape(Excerpt(a.Text, j.Evidence[0])), SpanNote(&a, j.Evidence[0]))
		}
	}
}

// mdStatements writes statements as a table (rows for stance-model
// judgements may follow).
func mdStatements(b *bufio.Writer, l *claimtrail.Ledger, sts []claimtrail.Statement) {
	b.WriteString("\n| Article | Polarity | Chain | Statement | Cue | Hedges | Span |\n|---|---|---|---|---|---|---|\n")
	for _, st := range sts {
		a := l.Article(st.Article)
		if a == nil {
			continue
		}
		cue := mdEscape(Excerpt(a.Text, st.Cue))
		if st.Labelled {
			cue += " *(labeller)*"
		}
		fmt.Fprintf(b, "| %s | %s | %s | %s | %s | %s | %s |\n", st.Article, st.Polarity, mdEscape(ChainText(st.Chain)),
			mdEscape(Excerpt(a.Text, st.Content)), cue, mdEscape(strings.Join(st.Hedges, ", ")),
			SpanNote(a, st.Content))
	}
}

// mdAttributions lists the attributions that are no claims, with why.
func mdAttributions(b *bufio.Writer, atts []OtherAttribution) {
	if len(atts) == 0 {
		return
	}
	b.WriteString("\n## Other attributions (not ledger claims)\n\n")
	b.WriteString("| Article | Source | Attributed | Cue | Why no claim | Span |\n|---|---|---|---|---|---|\n")
	for _, o := range atts {
		fmt.Fprintf(b, "| %s | %s | %s | %s | `%s` | %s |\n", o.Article.ID, mdEscape(o.Who), mdEscape(o.Content), mdEscape(o.Cue), o.Reason, o.Span)
	}
}

// mdEscape keeps text from breaking a table or turning into markup.
func mdEscape(s string) string {
	r := strings.NewReplacer("|", "\\|", "\n", " ", "*", "\\*", "_", "\\_", "`", "\\`", "<", "&lt;", ">", "&gt;", "[", "\\[", "]", "\\]")
	return r.Replace(s)
}
