package render

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/claimtrail/claimtrail"
)

// View is a ledger prepared for HTML templates: the matrix, and per claim
// its graph, timeline and evidence. The web UI and the HTML report share it.
type View struct {
	Ledger   *claimtrail.Ledger
	Columns  []Column // the articles on the story, in ledger order
	OffStory []*claimtrail.Article
	Claims   []ClaimView
	// ToCheck and Asides split Claims: the claims to check, and the
	// asides (opinions, advice, feelings, procedure: Claim.Aside) that the
	// report keeps in a section of their own.
	ToCheck []ClaimView
	Asides  []ClaimView
	Counts  map[string]int // claims to check by status
	// Attributions are the attributions that are no claims, when the
	// report lists them (HTMLOptions.All); nil otherwise.
	Attributions []OtherAttribution
}

// Column is one article of the matrix, labelled by its outlet.
type Column struct {
	Article *claimtrail.Article
	Label   string // outlet, or the article ID when the outlet is unknown
}

// ClaimView is one claim with what the templates show about it.
type ClaimView struct {
	Ledger   *claimtrail.Ledger
	Claim    *claimtrail.Claim
	Cells    []Cell // one per column, in column order
	Asserted int    // articles asserting it
	Denied   int    // articles denying it
}

// Cell is one article's stance on one claim.
type Cell struct {
	Column *Column
	Stance claimtrail.Stance
}

// NewView prepares l for the HTML templates.
func NewView(l *claimtrail.Ledger) *View {
	v := &View{Ledger: l, Counts: map[string]int{}}
	for i := range l.Articles {
		a := &l.Articles[i]
		if l.IsOffStory(a.ID) {
			v.OffStory = append(v.OffStory, a)
			continue
		}
		label := strings.TrimSpace(a.Outlet)
		if label == "" {
			label = a.ID
		}
		v.Columns = append(v.Columns, Column{Article: a, Label: label})
	}
	v.Claims = make([]ClaimView, len(l.Claims))
	for i := range l.Claims {
		c := &l.Claims[i]
		if !c.Aside {
			v.Counts[string(c.Status)]++
		}
		cv := ClaimView{Ledger: l, Claim: c, Cells: make([]Cell, len(v.Columns))}
		for j := range v.Columns {
			s := StanceOf(c, v.Columns[j].Article.ID)
			cv.Cells[j] = Cell{Column: &v.Columns[j], Stance: s}
			switch s {
			case claimtrail.StanceAsserts:
				cv.Asserted++
			case claimtrail.StanceDenies:
				cv.Denied++
			}
		}
		v.Claims[i] = cv
		if c.Aside {
			v.Asides = append(v.Asides, cv)
		} else {
			v.ToCheck = append(v.ToCheck, cv)
		}
	}
	return v
}

// StanceOf is article's stance on c, absent when the ledger has none.
func StanceOf(c *claimtrail.Claim, article string) claimtrail.Stance {
	if s, ok := c.Stances[article]; ok && s != "" {
		return s
	}
	return claimtrail.StanceAbsent
}

// StanceSymbol is the symbol that shows s without relying on colour.
func StanceSymbol(s claimtrail.Stance) string {
	switch s {
	case claimtrail.StanceAsserts:
		return "✔"
	case claimtrail.StanceDenies:
		return "✘"
	case claimtrail.StanceReports:
		return "◐"
	default:
		return "·"
	}
}

// StatusLabel is a claim status in words: "Contested", "Single source".
func StatusLabel(s claimtrail.Status) string {
	switch s {
	case claimtrail.Corroborated:
		return "Corroborated"
	case claimtrail.SingleSource:
		return "Single source"
	case claimtrail.Contested:
		return "Contested"
	case "":
		return "Unjudged"
	default:
		return string(s)
	}
}

// StatusWords explains a claim's status in one sentence, naming its
// independent origins and who denies it: "Contested: 1 independent origin
// (officials); denied by the ministry; anonymous-only".
func StatusWords(c *claimtrail.Claim) string {
	return StatusLabel(c.Status) + ": " + StatusDetail(c)
}

// StatusDetail is StatusWords without the leading status label.
func StatusDetail(c *claimtrail.Claim) string {
	var b strings.Builder
	n := len(c.Origins)
	switch {
	case n == 1:
		fmt.Fprintf(&b, "1 independent origin (%s)", c.Origins[0].Name)
	case n > 1:
		fmt.Fprintf(&b, "%d independent origins (%s)", n, sourceNames(c.Origins))
	default:
		b.WriteString("no identified origin")
	}
	if len(c.DeniedBy) > 0 {
		fmt.Fprintf(&b, "; denied by %s", sourceNames(c.DeniedBy))
	}
	if len(c.Flags) > 0 {
		fs := make([]string, len(c.Flags))
		for i, f := range c.Flags {
			fs[i] = string(f)
		}
		fmt.Fprintf(&b, "; %s", strings.Join(fs, ", "))
	}
	return b.String()
}

func sourceNames(ss []claimtrail.Source) string {
	names := make([]string, len(ss))
	for i, s := range ss {
		names[i] = s.Name
	}
	return strings.Join(names, ", ")
}

// SafeURL returns u when it is an absolute http or https URL, else "".
// Article URLs are untrusted: a javascript: URL must never become a link.
func SafeURL(u string) string {
	p, err := url.Parse(strings.TrimSpace(u))
	if err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
		return ""
	}
	return p.String()
}
