package story

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/nlp"
)

// roleNames returns the proper names of the role phrase around a person
// named at span in text: the words just before the name back to a clause
// boundary ("Pelagos managing director Anton Vries") and an apposition just
// after it (", Tidewatch's operations director,", ", who chairs the Air
// Safety Board,"). Only capitalised words count, so the role itself
// ("managing director") never ties a person to a body.
func roleNames(text string, span claimtrail.Span) []string {
	if span.Empty() || span.End > len(text) {
		return nil
	}
	var out []string
	before := text[max(0, span.Start-60):span.Start]
	if k := strings.LastIndexAny(before, ",.;:\"“”\n"); k >= 0 {
		before = before[k+1:]
	}
	out = append(out, capitalised(before)...)
	after := text[span.End:min(len(text), span.End+80)]
	if strings.HasPrefix(after, ", ") {
		after = after[2:]
		if k := strings.IndexAny(after, ",.;:\"“”\n"); k >= 0 {
			after = after[:k]
		}
		out = append(out, capitalised(after)...)
	}
	return out
}

// capitalised returns the folded capitalised words of s, possessives cut.
func capitalised(s string) []string {
	var out []string
	for _, w := range strings.Fields(s) {
		w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			continue
		}
		if f := nlp.Fold(w); f != "" && !partyStop[f] {
			out = append(out, f)
		}
	}
	return out
}
