package render

import (
	"fmt"
	"html/template"
	"io"
	"strings"
	"time"

	"github.com/claimtrail/claimtrail"
)

// HTML writes l as one self-contained HTML document: the claims × articles
// matrix, and for every claim its status, origins, attribution graph,
// timeline and evidence sentences in context. The document loads nothing:
// styles are inline, graphs are inline SVG, it carries no script, and its
// own Content-Security-Policy forbids scripts and remote loads, so it opens
// offline and stays inert whatever the article texts contain.
func HTML(w io.Writer, l *claimtrail.Ledger) error {
	return HTMLWith(w, l, HTMLOptions{})
}

// HTMLOptions configure the HTML report.
type HTMLOptions struct {
	// All lists the attributions that are no claims too
	// (Ledger.Attributions), after the claims.
	All bool
}

// HTMLWith is HTML as opt says.
func HTMLWith(w io.Writer, l *claimtrail.Ledger, opt HTMLOptions) error {
	if l == nil {
		return fmt.Errorf("render html: nil ledger")
	}
	v := NewView(l)
	if opt.All {
		v.Attributions = OtherAttributions(l)
	}
	if err := reportTemplate.Execute(w, v); err != nil {
		return fmt.Errorf("render html: %w", err)
	}
	return nil
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
<p>{{len .Ledger.Articles}} articles · {{len .ToCheck}} claims ·
{{index .Counts "contested"}} contested · {{index .Counts "corroborated"}} corroborated · {{index .Counts "single-source"}} single-source{{with .Asides}} · {{len .}} kept apart (opinions, advice, procedure){{end}}</p></header>
<main>
<h2 id="matrix">Claims × outlets</h2>
<p class="legend">✔ asserts · ✘ denies · ◐ reports without endorsing · · absent. Each cell links to the claim's evidence.</p>
{{template "matrix" .}}
<h2>Claims</h2>
{{range .ToCheck}}{{template "claim" .}}{{end}}
{{with .Asides}}<h2 id="asides">Kept apart: opinions, advice, feelings, procedure</h2>
<p class="muted">Statements that evaluate, recommend, speculate or announce a schedule rather than report a fact to check.</p>
{{range .}}{{template "claim" .}}{{end}}{{end}}
{{with .Attributions}}<h2 id="attributions">Other attributions (not ledger claims)</h2>
<p class="muted">Attributions found in the articles that make no claim to check: a plan, a question, a noun phrase, a source that cannot be named. Each says why.</p>
{{range .}}<div class="statement"><p><strong>{{.Article.Outlet}}</strong> <span class="muted">[{{.Article.ID}}]</span> — {{.Who}} <span class="muted">({{.Reason}}; cue “{{.Cue}}”)</span></p>
<blockquote class="context">{{.Content}}</blockquote></div>{{end}}{{end}}
<h2 id="articles">Articles</h2>
<ol>{{range .Columns}}{{with .Article}}<li id="article-{{.ID}}"><strong>{{.Outlet}}</strong> — {{.Title}}{{with date .Published}} <span class="muted">({{.}})</span>{{end}}{{with safeURL .URL}} <span class="muted">{{.}}</span>{{end}} <span class="muted">[{{.ID}}]</span></li>{{end}}{{end}}</ol>
{{with .OffStory}}<p>Read but off the story (about something else; left out of the matrix):</p><ul>{{range .}}<li><strong>{{.Outlet}}</strong> — {{.Title}} <span class="muted">[{{.ID}}]</span></li>{{end}}</ul>{{end}}
</main>
<footer class="muted">Generated by claimtrail. Every judgement links to the sentence it rests on.</footer>
</body></html>
{{define "matrix"}}<table class="matrix">
<caption class="muted">Rows are claims, columns are articles by outlet.</caption>
<thead><tr><th scope="col">Claim</th><th scope="col">Status</th>{{range .Columns}}<th scope="col" title="{{.Article.Title}}">{{.Label}}<br><span class="muted">{{.Article.ID}}</span></th>{{end}}</tr></thead>
<tbody>{{range .ToCheck}}{{$c := .Claim}}<tr>
<th scope="row" class="claim"><a href="#claim-{{$c.ID}}">{{$c.Text}}</a></th>
<td><span class="status {{$c.Status}}">{{statusLabel $c.Status}}</span></td>
{{range .Cells}}<td class="cell {{.Stance}}"><a href="#claim-{{$c.ID}}" aria-label="{{.Column.Label}} {{.Stance}}" title="{{.Column.Label}}: {{.Stance}}"><span class="sym" aria-hidden="true">{{symbol .Stance}}</span><span class="word">{{.Stance}}</span></a></td>{{end}}
</tr>{{end}}</tbody></table>{{end}}
{{define "claim"}}{{$c := .Claim}}<section class="claim" id="claim-{{$c.ID}}">
<h3>{{$c.Text}}</h3>
<p><span class="status {{$c.Status}}">{{statusLabel $c.Status}}</span> {{statusDetail $c}}{{with $c.AsideKind}} <span class="muted">(kept apart: {{.}})</span>{{end}}</p>
<div class="graph">{{chainGraph $.Ledger $c}}</div>` + GraphLegend + `
{{with timeline $.Ledger $c}}<h4>Timeline</h4><ol class="timeline">{{range .}}<li><time>{{date .Time}}</time> — <strong>{{.Kind}}</strong>: {{.Article.Outlet}} ({{.Stance}})</li>{{end}}</ol>{{end}}
<h4>Evidence</h4>
{{range $c.Statements}}{{$a := article $.Ledger .Article}}<div class="statement">
<p><strong>{{outlet $.Ledger .Article}}</strong> {{.Polarity}}{{with .Chain}} — {{chainText .}}{{end}}{{with .Hedges}} <span class="muted">(hedged: {{join . ", "}})</span>{{end}}{{if .Labelled}} <span class="muted">(found by the labeller)</span>{{end}}</p>
<blockquote class="context">{{evidence $a .}}</blockquote></div>{{end}}
</section>{{end}}`

var reportTemplate = template.Must(template.New("report").Funcs(Funcs).Parse(reportHTML))
