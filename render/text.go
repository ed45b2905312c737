package render

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/claimtrail/claimtrail"
)

// TextOptions configure the terminal view.
type TextOptions struct {
	Width int  // columns to wrap at; 100 when 0
	Color bool // ANSI colours, for a terminal only
	// All shows the asides too (opinions, advice, feelings, procedural
	// lines: Claim.Aside), and the attributions that are no claims
	// (Ledger.Attributions); by default they are counted, not listed.
	All bool
}

// Text writes the ledger for a terminal: the articles, then each claim with
// its status, origins, deniers, per-article stances and the statements that
// are its evidence. Claims come in ledger order (contested first).
func Text(w io.Writer, l *claimtrail.Ledger, opt TextOptions) error {
	if opt.Width <= 0 {
		opt.Width = 100
	}
	// Article texts, titles and file names may hold escape sequences that
	// would act on the terminal: the view shows them without.
	l = terminalLedger(l)
	t := &textWriter{w: bufio.NewWriter(w), opt: opt, l: l}
	t.header()
	asides := 0
	for i := range l.Claims {
		if l.Claims[i].Aside && !opt.All {
			asides++
			continue
		}
		if l.Claims[i].Aside && (i == 0 || !l.Claims[i-1].Aside) {
			t.line(strings.Repeat("═", t.opt.Width))
			t.wrapped("", t.paint(ansiBold, "Kept apart: opinions, advice, feelings, procedure (no claims to check)"))
		}
		t.claim(&l.Claims[i])
	}
	if asides > 0 {
		t.line(strings.Repeat("─", t.opt.Width))
		t.wrapped("", t.paint(ansiDim, fmt.Sprintf("%s not listed (opinions, advice, procedure): --all lists them", plural(asides, "aside"))))
	}
	if len(l.Claims) == 0 {
		t.line("No claims found.")
	}
	t.unmatched()
	t.attributions()
	if err := t.w.Flush(); err != nil {
		return fmt.Errorf("render text: %w", err)
	}
	return nil
}

type textWriter struct {
	w   *bufio.Writer
	opt TextOptions
	l   *claimtrail.Ledger
}

const (
	ansiReset = "\x1b[0m"
	ansiBold  = "\x1b[1m"
	ansiDim   = "\x1b[2m"
	ansiRed   = "\x1b[31m"
	ansiGreen = "\x1b[32m"
	ansiYel   = "\x1b[33m"
	ansiCyan  = "\x1b[36m"
)

func (t *textWriter) paint(code, s string) string {
	if !t.opt.Color || s == "" {
		return s
	}
	return code + s + ansiReset
}

func (t *textWriter) line(s string) { t.w.WriteString(s + "\n") }

// wrapped writes s wrapped to the width, the first line after prefix and the
// rest indented to match it.
func (t *textWriter) wrapped(prefix, s string) {
	indent := strings.Repeat(" ", utf8.RuneCountInString(stripANSI(prefix)))
	for i, l := range Wrap(s, t.opt.Width-len(indent)) {
		if i == 0 {
			t.line(prefix + l)
		} else {
			t.line(indent + l)
		}
	}
}

func (t *textWriter) header() {
	inStory := len(t.l.Articles) - len(t.l.OffStory)
	counts := map[claimtrail.Status]int{}
	claims, asides := 0, 0
	for _, c := range t.l.Claims {
		if c.Aside {
			asides++
			continue
		}
		claims++
		counts[c.Status]++
	}
	more := ""
	if asides > 0 {
		more = fmt.Sprintf("; %s", plural(asides, "aside"))
	}
	if n := len(t.l.CopyOf); n > 0 {
		more += fmt.Sprintf("; %s", plural(n, "near-copy"))
		more = strings.Replace(more, "near-copys", "near-copies", 1)
	}
	t.wrapped("", t.paint(ansiBold, fmt.Sprintf("Claim ledger: %s from %s", plural(claims, "claim"), plural(inStory, "article")))+
		fmt.Sprintf(" (%d contested, %d corroborated, %d single-source%s)",
			counts[claimtrail.Contested], counts[claimtrail.Corroborated], counts[claimtrail.SingleSource], more))
	t.line("")
	for _, a := range t.l.Articles {
		title := a.Title
		if title == "" {
			title = a.Path
		}
		mark := ""
		if t.l.IsOffStory(a.ID) {
			mark = t.paint(ansiDim, "  [off the story: not counted]")
		}
		if orig, ok := t.l.CopyOf[a.ID]; ok {
			mark += t.paint(ansiDim, "  [copy of "+orig+"]")
		}
		t.wrapped(fmt.Sprintf("  %-4s %s — ", a.ID, outletName(a.Outlet)), title+mark)
	}
	t.line("")
	t.copies()
}

// copies says how many articles are near-copies of another: a pile of
// files can be one article printed many times, which the origins already
// count once, and the reader should see that at the top.
func (t *textWriter) copies() {
	groups := t.l.Copies()
	if len(groups) == 0 {
		return
	}
	n := 0
	for _, g := range groups {
		n += len(g.Copies)
	}
	t.wrapped("", t.paint(ansiBold, "Copies: "+copiesSummary(n, len(groups))))
	for _, g := range groups {
		noun := "copies"
		if len(g.Copies) == 1 {
			noun = "copy"
		}
		t.wrapped("  ", fmt.Sprintf("%s ← %d %s: %s", g.Original, len(g.Copies), noun, idList(g.Copies, 8)))
	}
	t.line("")
}

// copiesSummary says how many articles are near-copies of how many.
func copiesSummary(copies, originals int) string {
	var of string
	switch {
	case copies == 1:
		return "1 article is a near-copy of another (counted once, as a relay of the original)"
	case originals == 1:
		of = "one"
	default:
		of = fmt.Sprintf("%d others", originals)
	}
	return fmt.Sprintf("%d articles are near-copies of %s (counted once, as relays of the original)", copies, of)
}

// idList joins IDs, the first max of them and a count of the rest.
func idList(ids []string, max int) string {
	if len(ids) <= max {
		return strings.Join(ids, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(ids[:max], ", "), len(ids)-max)
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

func outletName(o string) string {
	if o == "" {
		return "unknown outlet"
	}
	return o
}

func (t *textWriter) statusLabel(s claimtrail.Status) string {
	label := strings.ToUpper(string(s))
	switch s {
	case claimtrail.Contested:
		return t.paint(ansiBold+ansiRed, label)
	case claimtrail.Corroborated:
		return t.paint(ansiBold+ansiGreen, label)
	}
	return t.paint(ansiBold+ansiYel, label)
}

func (t *textWriter) claim(c *claimtrail.Claim) {
	t.line(strings.Repeat("─", t.opt.Width))
	label := t.statusLabel(c.Status)
	if c.AsideKind != "" {
		label = t.paint(ansiDim, "ASIDE ("+c.AsideKind+")")
	}
	t.wrapped(fmt.Sprintf("%s %s  ", c.ID, label), c.Text)
	origins := make([]string, len(c.Origins))
	for i, o := range c.Origins {
		origins[i] = SourceText(o)
	}
	t.wrapped(fmt.Sprintf("   origins (%d independent): ", len(c.Origins)), orNone(strings.Join(origins, "; ")))
	if len(c.DeniedBy) > 0 {
		denied := make([]string, len(c.DeniedBy))
		for i, d := range c.DeniedBy {
			denied[i] = SourceText(d)
		}
		t.wrapped("   denied by: ", strings.Join(denied, "; "))
	}
	if len(c.RetractedBy) > 0 {
		retracted := make([]string, len(c.RetractedBy))
		for i, d := range c.RetractedBy {
			retracted[i] = SourceText(d)
		}
		t.wrapped("   retracted by: ", strings.Join(retracted, "; "))
	}
	for _, st := range c.ReportDenials {
		if a := t.l.Article(st.Article); a != nil {
			t.wrapped("   its report denied as a whole by: ", t.paint(ansiRed, SourceText(st.Speaker()))+
				" ("+st.Article+"): “"+Excerpt(a.Text, st.Content)+"”")
		}
	}
	if len(c.Figures) > 0 {
		figs := make([]string, len(c.Figures))
		for i, f := range c.Figures {
			figs[i] = f.Text + " (" + strings.Join(f.Articles, ", ") + ")"
		}
		t.wrapped("   figures differ: ", strings.Join(figs, " · "))
	}
	if len(c.Flags) > 0 {
		flags := make([]string, len(c.Flags))
		for i, f := range c.Flags {
			flags[i] = string(f)
		}
		t.wrapped("   flags: ", t.paint(ansiYel, strings.Join(flags, ", ")))
	}
	t.wrapped("   stances: ", t.stances(c))
	for _, st := range c.Statements {
		t.statement(&st)
	}
	for _, a := range t.l.Articles {
		j, ok := c.Judged[a.ID]
		if !ok || len(j.Evidence) == 0 {
			continue
		}
		t.wrapped(fmt.Sprintf("   %s %-4s ", t.paint(ansiYel, string(j.Stance)), a.ID),
			fmt.Sprintf("by the stance model (%.0f%%), no statement of its own", j.Confidence*100))
		t.wrapped("                ", "“"+Terminal(Excerpt(a.Text, j.Evidence[0]))+"”")
	}
}

// unmatched lists the denials of claims that no article here asserts.
func (t *textWriter) unmatched() {
	if len(t.l.Unmatched) == 0 {
		return
	}
	t.line(t.paint(ansiDim, strings.Repeat("─", t.opt.Width)))
	t.wrapped("", t.paint(ansiBold, fmt.Sprintf("Denied, but asserted by no article here (%d):", len(t.l.Unmatched))))
	for i := range t.l.Unmatched {
		t.statement(&t.l.Unmatched[i])
	}
}

// attributions lists, with --all, the attributions that are no claims
// (plans, questions, noun phrases, unresolved sources), each with why;
// without, it counts them.
func (t *textWriter) attributions() {
	atts := OtherAttributions(t.l)
	if len(atts) == 0 {
		return
	}
	t.line(t.paint(ansiDim, strings.Repeat("─", t.opt.Width)))
	if !t.opt.All {
		t.wrapped("", t.paint(ansiDim, fmt.Sprintf("%s not listed (no claims: plans, questions, unresolved sources): --all lists them",
			plural(len(atts), "other attribution"))))
		return
	}
	t.wrapped("", t.paint(ansiBold, fmt.Sprintf("Other attributions (not ledger claims) (%d):", len(atts))))
	for _, o := range atts {
		t.wrapped(fmt.Sprintf("   %-7s %-4s ", "", o.Article.ID), t.paint(ansiCyan, Terminal(o.Who)))
		t.wrapped("                ", "“"+Terminal(o.Content)+"”")
		t.wrapped("                ", t.paint(ansiDim, fmt.Sprintf("%s; cue %q; %s", t.paint(ansiYel, o.Reason), Terminal(o.Cue), o.Span)))
	}
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

// stances lists each article's stance in article order.
func (t *textWriter) stances(c *claimtrail.Claim) string {
	var parts []string
	for _, a := range t.l.Articles {
		part := a.ID + " " + string(c.StanceOf(a.ID))
		if j, ok := c.Judged[a.ID]; ok {
			part += fmt.Sprintf(" (stance model, %.0f%%)", j.Confidence*100)
		}
		parts = append(parts, part)
	}
	return strings.Join(parts, " · ")
}

func (t *textWriter) statement(st *claimtrail.Statement) {
	a := t.l.Article(st.Article)
	if a == nil {
		return
	}
	verb := t.paint(ansiGreen, "asserts")
	if st.Polarity == claimtrail.Denies {
		verb = t.paint(ansiRed, "denies ")
	}
	if st.Retracts {
		verb = t.paint(ansiRed, "retracts")
	}
	t.wrapped(fmt.Sprintf("   %s %-4s ", verb, st.Article), t.paint(ansiCyan, ChainText(st.Chain)))
	detail := "“" + Terminal(Excerpt(a.Text, st.Content)) + "”"
	var notes []string
	if !st.Cue.Empty() {
		notes = append(notes, fmt.Sprintf("cue %q", Terminal(Excerpt(a.Text, st.Cue))))
	}
	notes = append(notes, SpanNote(a, st.Content))
	if len(st.Hedges) > 0 {
		notes = append(notes, "hedged: "+strings.Join(st.Hedges, ", "))
	}
	if st.Labelled {
		notes = append(notes, "found by the labeller")
	}
	if st.Blanket {
		notes = append(notes, "a verdict on the whole report, reaching every claim traced to it")
	}
	t.wrapped("                ", detail)
	t.wrapped("                ", t.paint(ansiDim, strings.Join(notes, "; ")))
}

// SpanNote names a span of an article as the user can find it: "bytes
// 1159–1218 of the file" (a plain-text file, offsets into its bytes as
// given), "bytes 1049–1108 of the extracted text" (a page or a JSON line:
// the text that --format json carries) or "bytes 1049–1108 of the text".
func SpanNote(a *claimtrail.Article, s claimtrail.Span) string {
	s = a.InputSpan(s)
	of := map[string]string{claimtrail.BasisFile: "the file", claimtrail.BasisExtracted: "the extracted text"}[a.SpanBasis()]
	if of == "" {
		of = "the text"
	}
	return fmt.Sprintf("bytes %d–%d of %s", s.Start, s.End, of)
}

// Wrap breaks s into lines of at most width runes at spaces; a longer word
// stands on a line of its own.
func Wrap(s string, width int) []string {
	if width < 20 {
		width = 20
	}
	var lines []string
	cur, n := "", 0
	for _, w := range strings.Fields(s) {
		wn := utf8.RuneCountInString(stripANSI(w))
		if n > 0 && n+1+wn > width {
			lines = append(lines, cur)
			cur, n = "", 0
		}
		if n > 0 {
			cur += " "
			n++
		}
		cur += w
		n += wn
	}
	if cur != "" || len(lines) == 0 {
		lines = append(lines, cur)
	}
	return lines
}

// stripANSI removes colour codes so widths count what shows.
func stripANSI(s string) string {
	if !strings.Contains(s, "\x1b[") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == 0x1b && i+1 < len(s) && s[i+1] == '[' {
			for i < len(s) && s[i] != 'm' {
				i++
			}
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}
