package story

import (
	"strings"

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
	out = append(out, capitalised(before+" "+span.In(text))...) // the source phrase may hold the role
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

// nameSpan is where the article names a speaker in full: the statement's
// source span when it holds the name, else (a quotation carried on, a
// surname) the first place the article uses the full name.
func nameSpan(text string, source claimtrail.Span, name string) claimtrail.Span {
	if name == "" || strings.Contains(source.In(text), name) {
		return source
	}
	if k := strings.Index(text, name); k >= 0 {
		return claimtrail.Span{Start: k, End: k + len(name)}
	}
	return source
}

// capitalised returns the folded words of a role phrase that can name a
// body: capitalised words ("Pelagos", "Tidewatch") and lower-case words
// that are not role words ("fire" in "chief fire officer"), possessives
// cut.
func capitalised(s string) []string {
	var out []string
	for w := range nlp.Words(s) {
		f := nlp.Fold(w.Form)
		if f == "" || partyStop[f] || w.Flags&nlp.Capitalised == 0 && roleWords[f] {
			continue
		}
		out = append(out, f)
	}
	return out
}

// roleWords name a role, not the body it is held in.
var roleWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`chief executive officer director managing head spokesman spokeswoman
		spokesperson chair chairman chairwoman chairs president vice deputy senior junior secretary
		minister manager commander superintendent inspector general press operations who leads led
		heads runs founder owner member official officials said told says adviser advisor counsel
		lawyer analyst researcher professor dr mr mrs ms his her their our new former acting interim`) {
		m[w] = true
	}
	return m
}()
