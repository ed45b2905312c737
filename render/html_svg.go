package render

import (
	"fmt"
	"html/template"
	"strings"

	"github.com/claimtrail/claimtrail"
)

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
	`<rect x="{{.X}}" y="{{.Y}}" width="{{.W}}" height="{{.H}}" rx="6" fill="{{index $s "fill"}}" stroke="{{index $s "stroke"}}" stroke-width="{{index $s "width"}}"{{with index $s "dash"}} stroke-dasharray="{{.}}"{{end}}/>` +
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
