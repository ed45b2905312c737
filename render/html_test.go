package render_test

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/render"
	"github.com/claimtrail/claimtrail/web/webtest"
)

func TestHTMLReport(t *testing.T) {
	l := webtest.Ledger()
	var b bytes.Buffer
	if err := render.HTML(&b, l); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if err := webtest.Inert(out); err != nil {
		t.Errorf("report is not inert: %v", err)
	}
	if strings.Contains(out, "<script") {
		t.Error("report has a script element")
	}
	for _, want := range []string{
		`Content-Security-Policy`, `<table class="matrix">`, `id="claim-c1"`,
		`<svg class="chain-graph"`, `data-role="relay"`, `data-role="origin"`, `data-role="denier"`,
		`<mark class="evidence asserts">`, `<strong class="content">The city port will close its container terminal on Friday</strong>`,
		`&lt;script&gt;alert(&#34;pwned&#34;)&lt;/script&gt;`, `first seen`, `denial`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	for _, ext := range []string{`src="http`, `href="http`, `<link`, `@import`} {
		if strings.Contains(out, ext) {
			t.Errorf("report is not self-contained: it has %q", ext)
		}
	}
	if err := render.HTML(&b, nil); err == nil {
		t.Error("nil ledger: no error")
	}
}

func TestHighlight(t *testing.T) {
	text := "Ein Zug fährt <b>schnell</b>. Next one."
	cases := []struct {
		name  string
		marks []render.Mark
		want  string
	}{
		{"none", nil, "Ein Zug fährt &lt;b&gt;schnell&lt;/b&gt;. Next one."},
		{"nested", []render.Mark{
			{Span: claimtrail.Span{Start: 0, End: 30}, Tag: "mark"},
			{Span: claimtrail.Span{Start: 4, End: 7}, Tag: "strong"},
		}, "<mark>Ein <strong>Zug</strong> fährt &lt;b&gt;schnell&lt;/b&gt;.</mark> Next one."},
		{"crossing dropped", []render.Mark{
			{Span: claimtrail.Span{Start: 0, End: 7}, Tag: "mark"},
			{Span: claimtrail.Span{Start: 4, End: 12}, Tag: "strong"},
		}, "<mark>Ein Zug</mark> fährt &lt;b&gt;schnell&lt;/b&gt;. Next one."},
		{"mid-rune dropped", []render.Mark{{Span: claimtrail.Span{Start: 10, End: 12}}}, "Ein Zug fährt &lt;b&gt;schnell&lt;/b&gt;. Next one."},
		{"out of range dropped", []render.Mark{{Span: claimtrail.Span{Start: 30, End: 400}}}, "Ein Zug fährt &lt;b&gt;schnell&lt;/b&gt;. Next one."},
		{"hostile attrs", []render.Mark{{Span: claimtrail.Span{Start: 0, End: 3}, Tag: "a", Href: "javascript:alert(1)", Title: `"><x>`}},
			`<a title="&#34;&gt;&lt;x&gt;">Ein</a> Zug fährt &lt;b&gt;schnell&lt;/b&gt;. Next one.`},
	}
	for _, c := range cases {
		got := string(render.Highlight(text, claimtrail.Span{Start: 0, End: len(text)}, c.marks))
		if got != c.want {
			t.Errorf("%s:\n got %s\nwant %s", c.name, got, c.want)
		}
	}
}

func TestGraphRoles(t *testing.T) {
	l := webtest.Ledger()
	g := render.NewGraph(l, &l.Claims[0])
	roles := map[string]string{}
	for _, n := range g.Nodes {
		roles[n.Source.Name] = n.Role
	}
	want := map[string]string{
		"Harbor Daily": "relay", "Coastal Times": "outlet", "Metro Wire": "outlet",
		"officials familiar with the plan": "origin", "Port Authority spokesperson": "denier",
	}
	for name, role := range want {
		if roles[name] != role {
			t.Errorf("%s: role %q, want %q", name, roles[name], role)
		}
	}
	for _, e := range g.Edges {
		if g.Nodes[e.To].Layer <= g.Nodes[e.From].Layer {
			t.Errorf("edge %s -> %s does not go right", g.Nodes[e.From].Source.Name, g.Nodes[e.To].Source.Name)
		}
	}
	// An origin named with a qualifier still marks its node.
	c1 := l.Claims[0]
	c1.Origins = []claimtrail.Source{{Name: "Officials familiar with the plan (Harbor Daily)", Kind: claimtrail.KindAnonymous}}
	for _, n := range render.NewGraph(l, &c1).Nodes {
		if n.Source.Name == "officials familiar with the plan" && n.Role != render.RoleOrigin {
			t.Errorf("qualified origin: role %q", n.Role)
		}
	}
	// A cyclic chain must not hang nor panic.
	c := claimtrail.Claim{ID: "x", Statements: []claimtrail.Statement{{Article: "a1", Chain: []claimtrail.Source{{Name: "A"}, {Name: "B"}, {Name: "A"}}}}}
	if g := render.NewGraph(l, &c); len(g.Nodes) != 2 {
		t.Errorf("cycle: %d nodes, want 2", len(g.Nodes))
	}
}

func TestTimeline(t *testing.T) {
	l := webtest.Ledger()
	evs := render.Timeline(l, &l.Claims[0])
	var got []string
	for _, e := range evs {
		got = append(got, e.Article.ID+":"+e.Kind)
	}
	if want := "a1:first seen a2:relay a3:denial"; strings.Join(got, " ") != want {
		t.Errorf("timeline %q, want %q", strings.Join(got, " "), want)
	}
}

func FuzzHighlight(f *testing.F) {
	f.Add("Ein Zug <b>fährt</b>.\n\nNext <script>x</script>", 0, 12, 4, 7)
	f.Add("a\n\n\nb", 1, 4, 0, 5)
	f.Add("", 0, 0, -1, 3)
	f.Fuzz(func(t *testing.T, text string, s1, e1, s2, e2 int) {
		marks := []render.Mark{
			{Span: claimtrail.Span{Start: s1, End: e1}, Tag: "mark", Class: `"x"`},
			{Span: claimtrail.Span{Start: s2, End: e2}, Tag: "strong"},
		}
		out := string(render.Highlight(text, claimtrail.Span{Start: 0, End: len(text)}, marks))
		if strings.Count(out, "<mark") != strings.Count(out, "</mark>") ||
			strings.Count(out, "<strong") != strings.Count(out, "</strong>") {
			t.Fatalf("unbalanced: %q", out)
		}
		rest := out
		for _, tag := range []string{`<mark class="&#34;x&#34;">`, "</mark>", `<strong>`, "</strong>", "<br><br>"} {
			rest = strings.ReplaceAll(rest, tag, "")
		}
		if strings.ContainsAny(rest, "<>\"") {
			t.Fatalf("unescaped markup in %q", out)
		}
		if utf8.ValidString(text) && !utf8.ValidString(out) {
			t.Fatalf("valid text became invalid UTF-8: %q", out)
		}
	})
}

func TestViewOffStory(t *testing.T) {
	l := webtest.Ledger()
	l.OffStory = []string{"a4"}
	v := render.NewView(l)
	if len(v.Columns) != 4 || len(v.OffStory) != 1 || v.OffStory[0].ID != "a4" {
		t.Fatalf("columns %d, off story %d", len(v.Columns), len(v.OffStory))
	}
	for _, c := range v.Columns {
		if c.Article.ID == "a4" {
			t.Error("off-story article a4 is a matrix column")
		}
	}
	var b bytes.Buffer
	if err := render.HTML(&b, l); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "Read but off the story") {
		t.Error("report does not list the off-story article")
	}
}
