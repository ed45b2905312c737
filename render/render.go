// Package render writes a ledger for people and programs: a terminal view,
// Markdown, the JSON contract (schema "claimtrail.ledger/v1"), a
// self-contained HTML report, ClaimReview JSON-LD and CSV of statements.
package render

import (
	"strings"

	"github.com/claimtrail/claimtrail"
)

// ChainText draws an attribution chain from the article's outlet to the
// original speaker: "Moneycontrol ← CNN-News18 ← top intelligence sources".
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
