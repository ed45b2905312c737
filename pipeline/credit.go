package pipeline

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/nlp"
)

// dateline is one form of the credit a wire copy carries at the head of
// its first paragraph: the place (and date) in the wire's style, then the
// wire's name in brackets and a dash. The pattern's first group is the
// credited outlet.
type dateline struct {
	re      *regexp.Regexp
	example string
}

// datelinePlace is the place of a dateline with an optional region and
// date: "WASHINGTON", "DAKAR, Senegal", "HEMPSTEAD, N.Y., Sept. 26",
// "Nagpur (India)". It opens with a capital and stays short.
const datelinePlace = placeWords + `(?:,\s*` + placeWords + `){0,2}` +
	`(?:,?\s*\p{Lu}\p{Ll}{2,8}\.?\s+\d{1,2})?\s*(?:\(\p{Lu}[^()]{0,20}\)\s*)?`

// placeWords is a place's name: one to four words, each opening with a
// capital ("GAZA CITY", "Beirut", "N.Y.").
const placeWords = `\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){0,3}`

// datelines are the credits of a copied report. An article that opens so
// passes on the credited outlet's report: what it states in its own voice
// is that outlet's, and the people it quotes are quoted through it.
var datelines = []dateline{
	{regexp.MustCompile(`^` + datelinePlace + `\(([^()]{2,40})\)\s*(?:--|[-—–])\s*`),
		"HEMPSTEAD, N.Y., Sept. 26 (Tarn Wire) — The candidate was escorted off the premises."},
	{regexp.MustCompile(`^\(([^()]{2,40})\)\s*(?:--|[-—–])\s*`),
		"(Tarn Wire) -- The ferry docked two hours late on Sunday."},
}

// creditOf returns the outlet an article's opening dateline credits and
// the byte offset in the article's text where the article's own words
// begin after it. It looks at the first paragraph only: a dateline heads
// the copy.
func creditOf(art *claimtrail.Article) (string, int, bool) {
	if art == nil || len(art.Paragraphs) == 0 {
		return "", 0, false
	}
	first := art.Paragraphs[0]
	text := first.In(art.Text)
	for _, d := range datelines {
		m := d.re.FindStringSubmatchIndex(text)
		if m == nil {
			continue
		}
		name := strings.TrimSpace(text[m[2]:m[3]])
		if !creditName(name) || sameOutlet(name, art.Outlet) {
			return "", 0, false
		}
		return name, first.Start + m[1], true
	}
	return "", 0, false
}

// creditName reports whether a bracketed dateline credit reads as an
// outlet's name: a few words opening with a capital, not a sentence nor a
// time ("(Reuters)", "(NEWS 24)", "(Ma'an)", not "(updated 3 p.m.)").
func creditName(name string) bool {
	words := strings.Fields(name)
	if len(words) == 0 || len(words) > 5 {
		return false
	}
	for _, w := range words {
		r := []rune(w)
		if !unicode.IsUpper(r[0]) && !unicode.IsDigit(r[0]) {
			return false
		}
	}
	return true
}

// sameOutlet reports whether a credit names the article's own outlet, in
// full or by its initials ("AP" for "Associated Press"): a wire's own
// article is not a copy.
func sameOutlet(credit, outlet string) bool {
	c, o := nlp.SourceKey(credit), nlp.SourceKey(outlet)
	if c == "" || o == "" {
		return false
	}
	if c == o || strings.Contains(o, c) && len(c) > 3 || strings.Contains(c, o) && len(o) > 3 {
		return true
	}
	var initials strings.Builder
	for _, w := range strings.Fields(outlet) {
		if r := []rune(w); unicode.IsUpper(r[0]) {
			initials.WriteRune(unicode.ToLower(r[0]))
		}
	}
	return initials.Len() > 1 && initials.String() == c
}

// applyCredit passes an article's statements through the outlet its
// dateline credits: the chain [outlet, …] becomes [outlet, credited
// wire, …], so that the wire, not each outlet that prints its copy, is the
// origin of what the copy states in its own voice, and the owner of the
// unnamed sources it cites. The dateline itself is no part of any
// statement's words. Correction notes stay the outlet's own.
func applyCredit(doc *nlp.Document, stmts []claimtrail.Statement) []claimtrail.Statement {
	name, body, ok := creditOf(doc.Article)
	if !ok {
		return stmts
	}
	for i := range stmts {
		if st := &stmts[i]; st.Content.Start < body && st.Content.End > body {
			st.Content.Start = body
		}
	}
	passThrough(stmts, name)
	return stmts
}

// creditCopies gives an uncredited copy the credit of its original: a copy
// of a credited wire story is the wire's, however its printer trimmed the
// dateline. Without it the copy's own voice would stand for the original's
// outlet and the original's for the wire: two origins for one story.
func creditCopies(arts []claimtrail.Article, analyses []*Analysis, copyOf map[string]string) {
	at := make(map[string]int, len(arts))
	for i := range arts {
		at[arts[i].ID] = i
	}
	for cp, orig := range copyOf {
		i, ok1 := at[cp]
		j, ok2 := at[orig]
		if !ok1 || !ok2 || i >= len(analyses) || analyses[i] == nil {
			continue
		}
		if _, _, own := creditOf(&arts[i]); own {
			continue
		}
		if name, _, ok := creditOf(&arts[j]); ok && !sameOutlet(name, arts[i].Outlet) {
			passThrough(analyses[i].Statements, name)
		}
	}
}

// passThrough inserts the credited outlet after the article's own outlet
// in every chain that does not already go through it.
func passThrough(stmts []claimtrail.Statement, name string) {
	wire := claimtrail.Source{Name: name, Kind: claimtrail.KindOutlet}
	key := nlp.SourceKey(name)
	for i := range stmts {
		st := &stmts[i]
		if st.Retracts || len(st.Chain) == 0 || st.Chain[0].Kind != claimtrail.KindOutlet {
			continue
		}
		if len(st.Chain) > 1 && nlp.SourceKey(st.Chain[1].Name) == key {
			continue // "…, Reuters reported": already through the wire
		}
		chain := make([]claimtrail.Source, 0, len(st.Chain)+1)
		chain = append(chain, st.Chain[0], wire)
		st.Chain = append(chain, st.Chain[1:]...)
	}
}
