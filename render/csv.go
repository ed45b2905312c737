package render

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/claimtrail/claimtrail"
)

// CSVHeader names the columns CSV writes, one row per statement.
var CSVHeader = []string{
	"claim", "claim_status", "claim_text", "article", "outlet", "title", "url", "published",
	"stance", "polarity", "chain", "speaker", "speaker_kind", "cue", "text", "sentence",
	"start", "end", "hedges", "aside",
}

// CSV writes every statement of l as one row under CSVHeader: the claim it
// belongs to, the article, the article's stance on the claim, the chain
// ("Outlet > Relay > Speaker"), the cue, proposition and sentence text and
// the proposition's byte span. Text cells that a spreadsheet would read as
// a formula (starting with = + - @ or a tab or carriage return) get a
// leading apostrophe.
func CSV(w io.Writer, l *claimtrail.Ledger) error {
	if l == nil {
		return fmt.Errorf("render csv: nil ledger")
	}
	cw := csv.NewWriter(w)
	if err := cw.Write(CSVHeader); err != nil {
		return fmt.Errorf("render csv: %w", err)
	}
	for i := range l.Claims {
		c := &l.Claims[i]
		for _, st := range c.Statements {
			if err := cw.Write(csvRow(l, c, &st)); err != nil {
				return fmt.Errorf("render csv: %w", err)
			}
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("render csv: %w", err)
	}
	return nil
}

func csvRow(l *claimtrail.Ledger, c *claimtrail.Claim, st *claimtrail.Statement) []string {
	var outlet, title, url, published, text string
	span := st.Content
	if a := l.Article(st.Article); a != nil {
		outlet, title, url, text = a.Outlet, a.Title, a.URL, a.Text
		span = a.InputSpan(st.Content)
		if !a.Published.IsZero() {
			published = a.Published.UTC().Format(time.RFC3339)
		}
	}
	names := make([]string, len(st.Chain))
	for i, s := range st.Chain {
		names[i] = s.Name
	}
	sp := st.Speaker()
	return []string{
		c.ID, string(c.Status), cell(c.Text), st.Article, cell(outlet), cell(title), cell(url), published,
		string(StanceOf(c, st.Article)), string(st.Polarity), cell(strings.Join(names, " > ")),
		cell(sp.Name), string(sp.Kind), cell(st.Cue.In(text)), cell(st.Content.In(text)),
		cell(st.Sentence.In(text)), strconv.Itoa(span.Start), strconv.Itoa(span.End),
		cell(strings.Join(st.Hedges, "; ")), c.AsideKind,
	}
}

// cell defuses text a spreadsheet would evaluate as a formula.
func cell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
