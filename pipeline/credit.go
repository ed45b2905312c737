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

// trailer is one form of the line that closes a copy by naming the outlet
// it came from. The pattern's first group is the credited outlet.
type trailer struct {
	re      *regexp.Regexp
	example string
}

// trailers are the closing credits of a copy: a syndicated article's "This
// article originally appeared in …", a wire's "(Reporting by Tarn Wire)"
// or its bare "(Tarn Wire)". A journalist's byline in the same place
// ("(Reporting by Ana Lind; Editing by …)") names a person: not a credit.
var trailers = []trailer{
	{regexp.MustCompile(`(?i)^(?:this (?:article|story|post|piece|report) (?:was )?(?:originally |first )?(?:appeared|published|ran|posted)|(?:originally|first) (?:appeared|published|ran|posted)|republished(?: with permission)?|reprinted(?: with permission)?)(?: (?:on|in|at|by|from))+ (?:the website of )?([^.;:()]{2,60}?)\.?$`),
		"This article originally appeared in the Tarn Wire."},
	{regexp.MustCompile(`^\((?:Reporting|Reported|Written) by ([^.;:()]{2,40})\)\.?$`),
		"(Reporting by Tarn Wire)"},
	{regexp.MustCompile(`^\(([^.;:()/]{2,40})\)\.?$`),
		"(Tarn Wire)"},
}

// notCredits are the words a closing bracketed line holds that name no
// outlet: labels of the piece or of its pictures ("(Video)", "(Updated)").
var notCredits = map[string]bool{"video": true, "photo": true, "photos": true, "updated": true,
	"update": true, "opinion": true, "analysis": true, "editorial": true, "sponsored": true,
	"advertisement": true, "watch": true, "listen": true, "audio": true, "gallery": true,
	"graphic": true, "file": true, "excerpt": true, "ends": true, "end": true, "more": true}

// trailerOf returns the outlet a closing credit names, in the last two
// paragraphs of the article, and the credit's paragraph.
func trailerOf(doc *nlp.Document) (string, claimtrail.Span, bool) {
	art := doc.Article
	for k := len(art.Paragraphs) - 1; k >= 1 && k >= len(art.Paragraphs)-2; k-- {
		para := art.Paragraphs[k]
		text := strings.TrimSpace(para.In(art.Text))
		for _, t := range trailers {
			m := t.re.FindStringSubmatchIndex(text)
			if m == nil {
				continue
			}
			name := strings.TrimPrefix(strings.TrimSpace(text[m[2]:m[3]]), "the ")
			off := para.Start + strings.Index(para.In(art.Text), text) + m[2]
			if !creditName(name) || namesPerson(doc, off, off+len(name)) {
				break
			}
			return name, para, true
		}
	}
	return "", claimtrail.Span{}, false
}

// namesPerson reports whether the text at [start, end) holds a person's
// name: a byline, not an outlet.
func namesPerson(doc *nlp.Document, start, end int) bool {
	for _, e := range doc.EntitiesIn(claimtrail.Span{Start: start, End: end}) {
		if e.Label == nlp.Person {
			return true
		}
	}
	return false
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
		if notCredits[strings.ToLower(w)] {
			return false
		}
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

// applyCredit cuts an article's dateline credit out of its statements'
// words, and drops what its closing credit line seemed to state: neither
// is part of the story. The credit itself goes to the ledger through
// credits: a copy's statements keep its own outlet at the head of their
// chains (what it prints, it asserts), and the ledger counts the credited
// outlet, not the copy's, as their origin.
func applyCredit(doc *nlp.Document, stmts []claimtrail.Statement) []claimtrail.Statement {
	if _, body, ok := creditOf(doc.Article); ok {
		for i := range stmts {
			if st := &stmts[i]; st.Content.Start < body && st.Content.End > body {
				st.Content.Start = body
			}
		}
		return stmts
	}
	if _, para, ok := trailerOf(doc); ok {
		out := stmts[:0]
		for _, st := range stmts {
			if !para.Contains(st.Content) {
				out = append(out, st)
			}
		}
		return out
	}
	return stmts
}

// credits maps each article whose dateline or closing credit names another
// outlet to that outlet (story.Builder.CreditOf).
func credits(arts []claimtrail.Article, analyses []*Analysis) map[string]string {
	out := map[string]string{}
	for i, an := range analyses {
		if an == nil || i >= len(arts) {
			continue
		}
		if name, ok := creditedOutlet(an.Doc); ok {
			out[arts[i].ID] = name
		}
	}
	return out
}

// creditedOutlet returns the outlet a document's dateline or closing
// credit names, when it is not the document's own outlet.
func creditedOutlet(doc *nlp.Document) (string, bool) {
	if doc == nil || doc.Article == nil {
		return "", false
	}
	if name, _, ok := creditOf(doc.Article); ok {
		return name, true
	}
	if name, _, ok := trailerOf(doc); ok && !sameOutlet(name, doc.Article.Outlet) {
		return name, true
	}
	return "", false
}
