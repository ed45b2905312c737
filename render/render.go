// Package render writes a ledger for people and programs: a terminal view,
// Markdown, the JSON contract (schema "claimtrail.ledger/v1"), a
// self-contained HTML report, ClaimReview JSON-LD and CSV of statements.
package render

import (
	"strings"

	"github.com/claimtrail/claimtrail"
)

// ChainText draws an attribution chain from the article's outlet to the
// original speaker: "Marketdesk ← TVR-News24 ← top intelligence sources".
func ChainText(chain []claimtrail.Source) string {
	names := make([]string, len(chain))
	for i, s := range chain {
		names[i] = s.Name
	}
	return strings.Join(names, " ← ")
}

// SourceText names a source with its kind: "information ministry (official)".
func SourceText(s claimtrail.Source) string { return s.Name + " (" + string(s.Kind) + ")" }

// Excerpt returns the text of span in text on one line.
func Excerpt(text string, span claimtrail.Span) string {
	return strings.Join(strings.Fields(span.In(text)), " ")
}

// OtherAttribution is one attribution that is no ledger claim
// (claimtrail.Attribution) as the views show it.
type OtherAttribution struct {
	Article *claimtrail.Article
	// Who is the chain when the source was resolved, else the source's
	// words marked as not resolved, else "no source named".
	Who     string
	Cue     string
	Content string
	Reason  string // the claimtrail.NotStatement code
	Span    string // SpanNote of the content
}

// OtherAttributions returns the attributions of l that are no claims, in
// ledger order, as the views show them; those of off-story articles are
// left out, as their claims are. Texts are raw: each view escapes them.
func OtherAttributions(l *claimtrail.Ledger) []OtherAttribution {
	var out []OtherAttribution
	for i := range l.Attributions {
		att := &l.Attributions[i]
		a := l.Article(att.Article)
		if a == nil || l.IsOffStory(att.Article) {
			continue
		}
		who := "no source named"
		switch {
		case len(att.Chain) > 0:
			who = ChainText(att.Chain)
		case !att.Source.Empty():
			who = "“" + Excerpt(a.Text, att.Source) + "” (not resolved)"
		}
		out = append(out, OtherAttribution{Article: a, Who: who, Cue: Excerpt(a.Text, att.Cue), Content: Excerpt(a.Text, att.Content),
			Reason: string(att.Reason), Span: SpanNote(a, att.Content)})
	}
	return out
}
