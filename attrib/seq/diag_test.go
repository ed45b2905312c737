package seq

import (
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail/eval/polnear"
)

func TestDiag(t *testing.T) {
	path := os.Getenv("DIAG_MODEL")
	if path == "" {
		t.Skip("DIAG_MODEL not set")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	m, err := Unmarshal(data)
	if err != nil {
		t.Fatal(err)
	}
	role := polnear.Cue
	switch os.Getenv("DIAG_ROLE") {
	case "source":
		role = polnear.Source
	case "content":
		role = polnear.Content
	}
	samples := polnearSamples(t, "dev")
	miss, spur := map[string]int{}, map[string]int{}
	for _, s := range samples {
		text := s.Doc.Article.Text
		pred := ToPolnear(m.Label(s.Doc))
		key := func(mm polnear.Mention) string {
			var parts []string
			for _, f := range mm {
				parts = append(parts, f.In(text))
			}
			k := strings.ToLower(strings.Join(parts, " … "))
			if role == polnear.Content && len(k) > 60 {
				k = k[:30] + " ... " + k[len(k)-30:]
			}
			return strings.ReplaceAll(k, "\n", " ")
		}
		g, p := map[string]int{}, map[string]int{}
		for _, a := range s.Gold {
			if len(a.Mention(role)) > 0 {
				g[key(a.Mention(role))]++
			}
		}
		for _, a := range pred {
			if len(a.Mention(role)) > 0 {
				p[key(a.Mention(role))]++
			}
		}
		for k, n := range g {
			if d := n - p[k]; d > 0 {
				miss[k] += d
			}
		}
		for k, n := range p {
			if d := n - g[k]; d > 0 {
				spur[k] += d
			}
		}
	}
	show := func(name string, c map[string]int) {
		type kv struct {
			k string
			n int
		}
		var l []kv
		for k, n := range c {
			l = append(l, kv{k, n})
		}
		sort.Slice(l, func(i, j int) bool { return l[i].n > l[j].n || l[i].n == l[j].n && l[i].k < l[j].k })
		var b strings.Builder
		for i, x := range l {
			if i == 60 {
				break
			}
			b.WriteString(x.k + ":" + itoa(x.n) + " | ")
		}
		t.Logf("%s (%d kinds): %s", name, len(l), b.String())
	}
	show("missed", miss)
	show("spurious", spur)
}

func itoa(n int) string {
	s := ""
	for n >= 10 {
		s = string(rune('0'+n%10)) + s
		n /= 10
	}
	return string(rune('0'+n)) + s
}

func TestDiagConfusion(t *testing.T) {
	path := os.Getenv("DIAG_MODEL")
	if path == "" {
		t.Skip("DIAG_MODEL not set")
	}
	data, _ := os.ReadFile(path)
	m, err := Unmarshal(data)
	if err != nil {
		t.Fatal(err)
	}
	samples := polnearSamples(t, "dev")
	var conf [4][4]int
	var s labelScratch
	for _, sm := range samples {
		gold := goldTags(sm.Doc, sm.Gold)
		for _, w := range windows(sm.Doc) {
			tags := m.tag(sm.Doc, w, &s)
			for i, p := range tags {
				g := gold[w.first+i]
				gi, pi := 0, 0
				if g != tagO {
					gi = int(tagRole(g)) + 1
				}
				if p != tagO {
					pi = int(tagRole(p)) + 1
				}
				conf[gi][pi]++
			}
		}
	}
	t.Logf("rows gold O,S,C,T; cols pred: %v", conf)
}
