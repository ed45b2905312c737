package render

import (
	"cmp"
	"fmt"
	"html"
	"html/template"
	"io"
	"net/url"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/claimtrail/claimtrail"
)

// HTML writes l as one self-contained HTML document: the claims × articles
// matrix, and for every claim its status, origins, attribution graph,
// timeline and evidence sentences in context. The document loads nothing:
// styles are inline, graphs are inline SVG, it carries no script, and its
// own Content-Security-Policy forbids scripts and remote loads, so it opens
// offline and stays inert whatever the article texts contain.
func HTML(w io.Writer, l *claimtrail.Ledger) error {
	if l == nil {
		return fmt.Errorf("render html: nil ledger")
	}
	v := NewView(l)
	if err := reportTemplate.Execute(w, v); err != nil {
		return fmt.Errorf("render html: %w", err)
	}
	return nil
}

// View is a ledger prepared for HTML templates: the matrix, and per claim
// its graph, timeline and evidence. The web UI and the HTML report share it.
type View struct {
	Ledger   *claimtrail.Ledger
	Columns  []Column // the articles on the story, in ledger order
	OffStory []*claimtrail.Article
	Claims   []ClaimView
	Counts   map[string]int // claims by status
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
		v.Counts[string(c.Status)]++
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

// Mark is a span of an article's text to highlight: it becomes an element
// (Tag, with Class, and a link when Href is set) around the escaped text.
type Mark struct {
	Span  claimtrail.Span
	Tag   string // "mark", "strong", "u", "a"
	Class string
	Href  string
	Title string
	ID    string
}

// Highlight returns text[window] as escaped HTML with marks wrapped around
// their spans. Marks must nest: a mark that crosses the boundary of an
// enclosing one, lies outside window, or cuts a UTF-8 character is
// dropped, never mangled. Paragraph breaks become <br> pairs.
func Highlight(text string, window claimtrail.Span, marks []Mark) template.HTML {
	if !validSpan(text, window) {
		window = claimtrail.Span{Start: 0, End: len(text)}
	}
	ms := make([]Mark, 0, len(marks))
	for _, m := range marks {
		if validSpan(text, m.Span) && window.Contains(m.Span) && !m.Span.Empty() {
			ms = append(ms, m)
		}
	}
	slices.SortStableFunc(ms, func(a, b Mark) int {
		if c := cmp.Compare(a.Span.Start, b.Span.Start); c != 0 {
			return c
		}
		return cmp.Compare(b.Span.End, a.Span.End)
	})
	var b strings.Builder
	var open []Mark
	pos := window.Start
	closeTo := func(end int) {
		for len(open) > 0 && open[len(open)-1].Span.End <= end {
			top := open[len(open)-1]
			writeText(&b, text[pos:top.Span.End])
			pos = top.Span.End
			b.WriteString("</" + top.tag() + ">")
			open = open[:len(open)-1]
		}
	}
	for _, m := range ms {
		closeTo(m.Span.Start)
		if len(open) > 0 && m.Span.End > open[len(open)-1].Span.End {
			continue // crosses the enclosing mark
		}
		writeText(&b, text[pos:m.Span.Start])
		pos = m.Span.Start
		b.WriteString(m.openTag())
		open = append(open, m)
	}
	closeTo(window.End)
	writeText(&b, text[pos:window.End])
	return template.HTML(b.String())
}

func (m Mark) tag() string {
	switch m.Tag {
	case "strong", "u", "a", "em", "span":
		return m.Tag
	}
	return "mark"
}

func (m Mark) openTag() string {
	var b strings.Builder
	b.WriteString("<" + m.tag())
	attr := func(name, val string) {
		if val != "" {
			b.WriteString(" " + name + `="` + html.EscapeString(val) + `"`)
		}
	}
	attr("id", m.ID)
	attr("class", m.Class)
	if m.tag() == "a" {
		if u, err := url.Parse(m.Href); err == nil && (u.Scheme == "" || u.Scheme == "http" || u.Scheme == "https") {
			attr("href", m.Href)
		}
	}
	attr("title", m.Title)
	b.WriteString(">")
	return b.String()
}

// writeText escapes s, turning blank-line paragraph breaks into <br><br>.
func writeText(b *strings.Builder, s string) {
	for {
		i := strings.Index(s, "\n\n")
		if i < 0 {
			b.WriteString(html.EscapeString(s))
			return
		}
		b.WriteString(html.EscapeString(s[:i]))
		b.WriteString("<br><br>")
		s = strings.TrimLeft(s[i:], "\n")
	}
}

// validSpan reports whether s lies inside text on character boundaries.
func validSpan(text string, s claimtrail.Span) bool {
	if s.Start < 0 || s.End > len(text) || s.Start > s.End {
		return false
	}
	return (s.Start == len(text) || utf8.RuneStart(text[s.Start])) &&
		(s.End == len(text) || utf8.RuneStart(text[s.End]))
}

// Evidence returns the statement's sentence highlighted in its context:
// the paragraph holding it (or about 300 bytes either side when the
// article has no paragraphs or a very long one), with the sentence in
// <mark>, the proposition in <strong> and the cue underlined.
func Evidence(a *claimtrail.Article, st *claimtrail.Statement) template.HTML {
	if a == nil {
		return ""
	}
	sent := st.Sentence
	if !validSpan(a.Text, sent) || sent.Empty() {
		sent = st.Content
	}
	if !validSpan(a.Text, sent) {
		return template.HTML(html.EscapeString(st.Sentence.In(a.Text)))
	}
	win := ContextWindow(a, sent)
	marks := []Mark{{Span: sent, Tag: "mark", Class: "evidence " + string(st.Polarity)}}
	if sent.Contains(st.Content) {
		marks = append(marks, Mark{Span: st.Content, Tag: "strong", Class: "content"})
	}
	if sent.Contains(st.Cue) && !st.Cue.Overlaps(st.Content) {
		marks = append(marks, Mark{Span: st.Cue, Tag: "u", Class: "cue", Title: "attribution cue"})
	}
	out := Highlight(a.Text, win, marks)
	if win.Start > 0 {
		out = "… " + out
	}
	if win.End < len(a.Text) {
		out += " …"
	}
	return out
}

// ContextWindow is the span of a's text shown around span s: its paragraph,
// or a window of about 300 bytes either side cut at spaces.
func ContextWindow(a *claimtrail.Article, s claimtrail.Span) claimtrail.Span {
	const reach, longest = 300, 1500
	for _, p := range a.Paragraphs {
		if validSpan(a.Text, p) && p.Contains(s) && p.Len() <= longest {
			return p
		}
	}
	start, end := max(0, s.Start-reach), min(len(a.Text), s.End+reach)
	if start > 0 {
		if i := strings.IndexAny(a.Text[start:s.Start], " \n"); i >= 0 {
			start += i + 1
		} else {
			start = s.Start
		}
	}
	if end < len(a.Text) {
		if i := strings.LastIndexAny(a.Text[s.End:end], " \n"); i >= 0 {
			end = s.End + i
		} else {
			end = s.End
		}
	}
	return claimtrail.Span{Start: start, End: end}
}

// Event is one dated step in a claim's timeline.
type Event struct {
	Time    time.Time
	Article *claimtrail.Article
	Kind    string // "first seen", "relay", "denial", "asserts", "reports"
	Stance  claimtrail.Stance
}

// Timeline lists, oldest first, the dated articles that address c: where it
// was first seen, who relayed it and who denied it. Articles without a
// publication time are left out; the result is empty when none is dated.
func Timeline(l *claimtrail.Ledger, c *claimtrail.Claim) []Event {
	var evs []Event
	for i := range l.Articles {
		a := &l.Articles[i]
		s := StanceOf(c, a.ID)
		if a.Published.IsZero() || s == claimtrail.StanceAbsent {
			continue
		}
		evs = append(evs, Event{Time: a.Published, Article: a, Stance: s, Kind: string(s)})
	}
	slices.SortStableFunc(evs, func(a, b Event) int { return a.Time.Compare(b.Time) })
	first := true
	for i := range evs {
		e := &evs[i]
		switch {
		case e.Stance == claimtrail.StanceDenies || deniesIn(c, e.Article.ID):
			e.Kind = "denial"
		case first:
			e.Kind, first = "first seen", false
		case relays(c, e.Article.ID):
			e.Kind = "relay"
		}
	}
	return evs
}

func deniesIn(c *claimtrail.Claim, article string) bool {
	for _, st := range c.Statements {
		if st.Article == article && st.Polarity == claimtrail.Denies {
			return true
		}
	}
	return false
}

// relays reports whether the article attributes the claim to another outlet.
func relays(c *claimtrail.Claim, article string) bool {
	for _, st := range c.Statements {
		if st.Article != article {
			continue
		}
		for _, s := range st.Chain[min(1, len(st.Chain)):] {
			if s.Kind == claimtrail.KindOutlet {
				return true
			}
		}
	}
	return false
}

// Node roles in an attribution graph.
const (
	RoleOutlet = "outlet" // publishes the article the statement is in
	RoleRelay  = "relay"  // passes on what another source said
	RoleOrigin = "origin" // an independent ultimate source of the claim
	RoleSource = "source" // a speaker the ledger does not count as independent
	RoleDenier = "denier" // denies the claim
)

// Graph is a claim's attribution chains as a layered graph: publishing
// outlets on the left, the sources they cite to the right.
type Graph struct {
	Nodes  []Node
	Edges  []Edge
	Width  int
	Height int
}

// Node is one party in a Graph.
type Node struct {
	Source claimtrail.Source
	Role   string
	Layer  int
	X, Y   int
	Label  string // name cut to fit the box
}

// Edge says that From cites To; Denies marks chains of denials.
type Edge struct {
	From, To int // node indexes
	Count    int // statements following this edge
	Denies   bool
	Path     string // SVG path data
}

const (
	nodeW, nodeH = 176, 42
	gapX, gapY   = 64, 14
	pad          = 8
)

// NewGraph lays out the attribution chains of c's statements. An
// unattributed statement is drawn as its outlet alone.
func NewGraph(l *claimtrail.Ledger, c *claimtrail.Claim) *Graph {
	g := &Graph{}
	index := map[string]int{}
	// Nodes of one kind merge when their names differ only in case, a
	// leading "the" or a trailing "(…)": "The Capital Ledger" is "Capital Ledger".
	key := func(s claimtrail.Source) string {
		return string(s.Kind) + "\x00" + strings.TrimPrefix(bareName(s.Name), "the ")
	}
	node := func(s claimtrail.Source) int {
		k := key(s)
		if i, ok := index[k]; ok {
			return i
		}
		index[k] = len(g.Nodes)
		g.Nodes = append(g.Nodes, Node{Source: s})
		return len(g.Nodes) - 1
	}
	edges := map[[3]int]int{}
	// Origins and deniers match chain nodes by name, ignoring kind and a
	// trailing qualifier: "top sources (CNN-News18)" is the node "top sources".
	isOrigin, isDenier := map[string]bool{}, map[string]bool{}
	for _, s := range c.Origins {
		isOrigin[bareName(s.Name)] = true
	}
	for _, s := range c.DeniedBy {
		isDenier[bareName(s.Name)] = true
	}
	roles := map[int]string{}
	for _, st := range c.Statements {
		chain := st.Chain
		if len(chain) == 0 {
			if a := l.Article(st.Article); a != nil && a.Outlet != "" {
				chain = []claimtrail.Source{{Name: a.Outlet, Kind: claimtrail.KindOutlet}}
			} else {
				continue
			}
		}
		prev := -1
		for i, s := range chain {
			n := node(s)
			switch {
			case isDenier[bareName(s.Name)]:
				roles[n] = RoleDenier
			case isOrigin[bareName(s.Name)] && roles[n] != RoleDenier:
				roles[n] = RoleOrigin
			case roles[n] == RoleOrigin || roles[n] == RoleDenier:
			case i == len(chain)-1 && i > 0:
				if roles[n] == "" || roles[n] == RoleOutlet {
					roles[n] = RoleSource
				}
			case i > 0:
				roles[n] = RoleRelay
			case roles[n] == "":
				roles[n] = RoleOutlet
			}
			if prev >= 0 && prev != n {
				deny := 0
				if st.Polarity == claimtrail.Denies {
					deny = 1
				}
				k := [3]int{prev, n, deny}
				if e, ok := edges[k]; ok {
					g.Edges[e].Count++
				} else {
					edges[k] = len(g.Edges)
					g.Edges = append(g.Edges, Edge{From: prev, To: n, Count: 1, Denies: deny == 1})
				}
			}
			prev = n
		}
	}
	for i := range g.Nodes {
		g.Nodes[i].Role = roles[i]
		g.Nodes[i].Label = cut(g.Nodes[i].Source.Name, 24)
	}
	g.layout()
	return g
}

// bareName is a source name lower-cased, without a trailing "(…)".
func bareName(name string) string {
	name = strings.ToLower(strings.TrimSpace(name))
	if strings.HasSuffix(name, ")") {
		if i := strings.LastIndex(name, " ("); i > 0 {
			name = strings.TrimSpace(name[:i])
		}
	}
	return name
}

// layout gives each node the longest path from a publishing outlet as its
// layer (bounded, so a cycle in odd chains cannot loop), then positions.
func (g *Graph) layout() {
	for pass := 0; pass < len(g.Nodes); pass++ {
		changed := false
		for _, e := range g.Edges {
			if want := g.Nodes[e.From].Layer + 1; g.Nodes[e.To].Layer < want && want < len(g.Nodes) {
				g.Nodes[e.To].Layer, changed = want, true
			}
		}
		if !changed {
			break
		}
	}
	rows := map[int]int{}
	layers, maxRows := 0, 0
	for i := range g.Nodes {
		n := &g.Nodes[i]
		r := rows[n.Layer]
		rows[n.Layer]++
		n.X = pad + n.Layer*(nodeW+gapX)
		n.Y = pad + r*(nodeH+gapY)
		layers, maxRows = max(layers, n.Layer+1), max(maxRows, r+1)
	}
	g.Width = 2*pad + layers*nodeW + max(0, layers-1)*gapX
	g.Height = 2*pad + maxRows*nodeH + max(0, maxRows-1)*gapY
	for i := range g.Edges {
		e := &g.Edges[i]
		a, b := g.Nodes[e.From], g.Nodes[e.To]
		x1, y1 := a.X+nodeW, a.Y+nodeH/2
		x2, y2 := b.X, b.Y+nodeH/2
		if b.Layer <= a.Layer { // backwards: loop under the boxes
			x1, x2 = a.X+nodeW/2, b.X+nodeW/2
			y1, y2 = a.Y+nodeH, b.Y+nodeH
			e.Path = fmt.Sprintf("M%d %d C%d %d %d %d %d %d", x1, y1, x1, y1+40, x2, y2+40, x2, y2)
			g.Height = max(g.Height, max(y1, y2)+44)
			continue
		}
		mid := (x1 + x2) / 2
		e.Path = fmt.Sprintf("M%d %d C%d %d %d %d %d %d", x1, y1, mid, y1, mid, y2, x2-2, y2)
	}
}

func cut(s string, n int) string {
	s = strings.TrimSpace(s)
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

// ChainGraph draws c's attribution chains as inline SVG: outlets, relays
// (dashed), independent origins (bold) and deniers (red), with arrows from
// each citing party to the one it cites.
func ChainGraph(l *claimtrail.Ledger, c *claimtrail.Claim) (template.HTML, error) {
	g := NewGraph(l, c)
	var b strings.Builder
	if err := graphTemplate.Execute(&b, struct {
		G     *Graph
		Claim *claimtrail.Claim
	}{g, c}); err != nil {
		return "", fmt.Errorf("chain graph: %w", err)
	}
	return template.HTML(b.String()), nil
}

// nodeStyle gives fill, stroke, dash and stroke width for a node role, as
// SVG presentation attributes so the graph needs no stylesheet.
func nodeStyle(role string) map[string]string {
	switch role {
	case RoleOrigin:
		return map[string]string{"fill": "#dafbe1", "stroke": "#1a7f37", "dash": "", "width": "3"}
	case RoleDenier:
		return map[string]string{"fill": "#ffebe9", "stroke": "#cf222e", "dash": "", "width": "3"}
	case RoleRelay:
		return map[string]string{"fill": "#fff8c5", "stroke": "#9a6700", "dash": "6 4", "width": "2"}
	case RoleSource:
		return map[string]string{"fill": "#f6f8fa", "stroke": "#57606a", "dash": "2 3", "width": "1.5"}
	default:
		return map[string]string{"fill": "#ddf4ff", "stroke": "#0969da", "dash": "", "width": "1.5"}
	}
}

// Funcs are the template functions the HTML report and the web UI share.
var Funcs = template.FuncMap{
	"symbol":       StanceSymbol,
	"statusLabel":  StatusLabel,
	"statusWords":  StatusWords,
	"statusDetail": StatusDetail,
	"chainText":    ChainText,
	"safeURL":      SafeURL,
	"evidence":     Evidence,
	"nodeStyle":    nodeStyle,
	"chainGraph":   ChainGraph,
	"timeline":     Timeline,
	"date": func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.UTC().Format("2006-01-02 15:04 MST")
	},
	"article": func(l *claimtrail.Ledger, id string) *claimtrail.Article { return l.Article(id) },
	"outlet": func(l *claimtrail.Ledger, id string) string {
		if a := l.Article(id); a != nil && a.Outlet != "" {
			return a.Outlet
		}
		return id
	},
	"join": strings.Join,
	"flags": func(fs []claimtrail.Flag) string {
		s := make([]string, len(fs))
		for i, f := range fs {
			s[i] = string(f)
		}
		return strings.Join(s, ", ")
	},
	"half": func(n int) int { return n / 2 },
	"add":  func(a, b int) int { return a + b },
}

// GraphTemplate is the SVG of a Graph; the web UI renders the same drawing.
const GraphTemplate = `<svg class="chain-graph" xmlns="http://www.w3.org/2000/svg" width="{{.G.Width}}" height="{{.G.Height}}" viewBox="0 0 {{.G.Width}} {{.G.Height}}" role="img" aria-labelledby="g-{{.Claim.ID}}-title">` +
	`<title id="g-{{.Claim.ID}}-title">Attribution chains of claim {{.Claim.ID}}</title>` +
	`<defs><marker id="arrow-{{.Claim.ID}}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0 L10 5 L0 10 z" fill="#57606a"/></marker>` +
	`<marker id="arrowd-{{.Claim.ID}}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0 L10 5 L0 10 z" fill="#cf222e"/></marker></defs>` +
	`{{$c := .Claim}}{{$g := .G}}` +
	`{{range .G.Edges}}{{$from := index $g.Nodes .From}}{{$to := index $g.Nodes .To}}` +
	`<path class="edge{{if .Denies}} denies{{end}}" d="{{.Path}}" fill="none" stroke="{{if .Denies}}#cf222e{{else}}#57606a{{end}}" stroke-width="{{if gt .Count 1}}2.5{{else}}1.5{{end}}"{{if .Denies}} stroke-dasharray="5 3"{{end}} marker-end="url(#{{if .Denies}}arrowd{{else}}arrow{{end}}-{{$c.ID}})">` +
	`<title>{{$from.Source.Name}} {{if .Denies}}relays a denial by{{else}}cites{{end}} {{$to.Source.Name}} ({{.Count}} statement{{if gt .Count 1}}s{{end}})</title></path>{{end}}` +
	`{{range .G.Nodes}}{{$s := nodeStyle .Role}}` +
	`<g class="node {{.Role}}" data-role="{{.Role}}"><title>{{.Source.Name}} — {{.Source.Kind}}, {{.Role}}</title>` +
	`<rect x="{{.X}}" y="{{.Y}}" width="176" height="42" rx="6" fill="{{index $s "fill"}}" stroke="{{index $s "stroke"}}" stroke-width="{{index $s "width"}}"{{with index $s "dash"}} stroke-dasharray="{{.}}"{{end}}/>` +
	`<text x="{{add .X 8}}" y="{{add .Y 17}}" font-family="system-ui, sans-serif" font-size="13" fill="#1f2328">{{.Label}}</text>` +
	`<text x="{{add .X 8}}" y="{{add .Y 34}}" font-family="system-ui, sans-serif" font-size="11" fill="#57606a">{{if eq (print .Source.Kind) .Role}}{{.Role}}{{else}}{{.Source.Kind}} · {{.Role}}{{end}}</text></g>{{end}}` +
	`</svg>`

var graphTemplate = template.Must(template.New("graph").Funcs(template.FuncMap{
	"nodeStyle": nodeStyle,
	"add":       func(a, b int) int { return a + b },
}).Parse(GraphTemplate))

// GraphLegend explains the graph's node styles in words.
const GraphLegend = `<p class="legend graph-legend">Arrows point from the party that cites to the party cited.
Blue: publishing outlet · dashed amber: relay (passes on another source) · bold green: independent origin ·
dotted grey: source not counted as independent · bold red: denies; red dashed arrows carry denials.</p>`

// ReportCSS styles the self-contained HTML report; the web UI serves the
// same rules from its stylesheet.
const ReportCSS = `
body{font:15px/1.5 system-ui,sans-serif;color:#1f2328;margin:0 auto;max-width:72rem;padding:1rem}
h1,h2,h3{line-height:1.25}
a{color:#0969da}
table.matrix{border-collapse:collapse;margin:1rem 0}
.matrix th,.matrix td{border:1px solid #d0d7de;padding:.25rem .5rem;text-align:center}
.matrix th.claim{text-align:left;font-weight:normal;max-width:32rem}
.matrix thead th{font-size:.85rem;vertical-align:bottom}
.cell a,.cell span{display:block;text-decoration:none;color:inherit;min-width:2.5rem}
.cell a:focus{outline:3px solid #0969da;outline-offset:-3px}
.asserts{background:#dafbe1;color:#116329}
.denies{background:#ffebe9;color:#a40e26}
.reports{background:#fff8c5;color:#7d4e00}
.absent{background:#fff;color:#8c959f}
.sym{font-size:1.1rem}
.word{font-size:.7rem;display:block}
.status{display:inline-block;padding:0 .4rem;border-radius:.3rem;border:1px solid currentColor;font-size:.85rem}
.status.contested{color:#a40e26}.status.corroborated{color:#116329}.status.single-source{color:#7d4e00}
mark.evidence{background:#fff3a3;padding:0 .1rem}
mark.evidence.denies{background:#ffd5d2}
strong.content{font-weight:600}
u.cue{text-decoration-thickness:2px}
.context{border-left:4px solid #d0d7de;padding:.25rem .75rem;margin:.5rem 0;background:#f6f8fa}
.graph{overflow-x:auto}
.legend{font-size:.85rem;color:#57606a}
.timeline{list-style:none;padding:0}
.timeline li{padding:.15rem 0}
.muted{color:#57606a}
section.claim{border-top:1px solid #d0d7de;margin-top:1.5rem}
`

const reportHTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>claimtrail ledger</title>
<style>` + ReportCSS + `</style></head><body>
<header><h1>Claim ledger</h1>
<p>{{len .Ledger.Articles}} articles · {{len .Ledger.Claims}} claims ·
{{index .Counts "contested"}} contested · {{index .Counts "corroborated"}} corroborated · {{index .Counts "single-source"}} single-source</p></header>
<main>
<h2 id="matrix">Claims × outlets</h2>
<p class="legend">✔ asserts · ✘ denies · ◐ reports without endorsing · · absent. Each cell links to the claim's evidence.</p>
{{template "matrix" .}}
<h2>Claims</h2>
{{range .Claims}}{{template "claim" .}}{{end}}
<h2 id="articles">Articles</h2>
<ol>{{range .Columns}}{{with .Article}}<li id="article-{{.ID}}"><strong>{{.Outlet}}</strong> — {{.Title}}{{with date .Published}} <span class="muted">({{.}})</span>{{end}}{{with safeURL .URL}} <span class="muted">{{.}}</span>{{end}} <span class="muted">[{{.ID}}]</span></li>{{end}}{{end}}</ol>
{{with .OffStory}}<p>Read but off the story (about something else; left out of the matrix):</p><ul>{{range .}}<li><strong>{{.Outlet}}</strong> — {{.Title}} <span class="muted">[{{.ID}}]</span></li>{{end}}</ul>{{end}}
</main>
<footer class="muted">Generated by claimtrail. Every judgement links to the sentence it rests on.</footer>
</body></html>
{{define "matrix"}}<table class="matrix">
<caption class="muted">Rows are claims, columns are articles by outlet.</caption>
<thead><tr><th scope="col">Claim</th><th scope="col">Status</th>{{range .Columns}}<th scope="col" title="{{.Article.Title}}">{{.Label}}<br><span class="muted">{{.Article.ID}}</span></th>{{end}}</tr></thead>
<tbody>{{range .Claims}}{{$c := .Claim}}<tr>
<th scope="row" class="claim"><a href="#claim-{{$c.ID}}">{{$c.Text}}</a></th>
<td><span class="status {{$c.Status}}">{{statusLabel $c.Status}}</span></td>
{{range .Cells}}<td class="cell {{.Stance}}"><a href="#claim-{{$c.ID}}" aria-label="{{.Column.Label}} {{.Stance}}" title="{{.Column.Label}}: {{.Stance}}"><span class="sym" aria-hidden="true">{{symbol .Stance}}</span><span class="word">{{.Stance}}</span></a></td>{{end}}
</tr>{{end}}</tbody></table>{{end}}
{{define "claim"}}{{$c := .Claim}}<section class="claim" id="claim-{{$c.ID}}">
<h3>{{$c.Text}}</h3>
<p><span class="status {{$c.Status}}">{{statusLabel $c.Status}}</span> {{statusDetail $c}}</p>
<div class="graph">{{chainGraph $.Ledger $c}}</div>` + GraphLegend + `
{{with timeline $.Ledger $c}}<h4>Timeline</h4><ol class="timeline">{{range .}}<li><time>{{date .Time}}</time> — <strong>{{.Kind}}</strong>: {{.Article.Outlet}} ({{.Stance}})</li>{{end}}</ol>{{end}}
<h4>Evidence</h4>
{{range $c.Statements}}{{$a := article $.Ledger .Article}}<div class="statement">
<p><strong>{{outlet $.Ledger .Article}}</strong> {{.Polarity}}{{with .Chain}} — {{chainText .}}{{end}}{{with .Hedges}} <span class="muted">(hedged: {{join . ", "}})</span>{{end}}{{if .Labelled}} <span class="muted">(found by the labeller)</span>{{end}}</p>
<blockquote class="context">{{evidence $a .}}</blockquote></div>{{end}}
</section>{{end}}`

var reportTemplate = template.Must(template.New("report").Funcs(Funcs).Parse(reportHTML))
