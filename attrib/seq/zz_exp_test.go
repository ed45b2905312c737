package seq

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail/eval/polnear"
	"github.com/claimtrail/claimtrail/nlp"
)

func TestZZErrors(t *testing.T) {
	if os.Getenv("ZZ") == "" {
		t.Skip()
	}
	ctx := context.Background()
	arts, err := polnear.ReadSplit(ctx, filepath.Join("..", "..", "..", "shared", "data", "polnear", "dev"))
	if err != nil {
		t.Fatal(err)
	}
	an, _ := nlp.NewAnalyzer()
	ss, err := Samples(ctx, an, arts, nil)
	if err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(os.Getenv("ZZ"))
	m, err := Unmarshal(data)
	if err != nil {
		t.Fatal(err)
	}
	inContent, pos := 0, map[string]int{}
	missed, fp := map[string]int{}, map[string]int{}
	nm, nf := 0, 0
	for _, s := range ss {
		text := s.Doc.Article.Text
		pred := m.Label(s.Doc)
		for _, g := range s.Gold {
			if len(g.Cue) == 0 {
				continue
			}
			hit := false
			for _, p := range pred {
				for _, f := range g.Cue {
					if p.Cue.Overlaps(f) {
						hit = true
					}
				}
			}
			if !hit {
				var parts []string
				for _, f := range g.Cue {
					parts = append(parts, strings.ToLower(strings.Join(strings.Fields(text[f.Start:f.End]), " ")))
				}
				missed[strings.Join(parts, "…")]++
				for _, p := range pred {
					if p.Content.Overlaps(g.Cue[0]) {
						inContent++
						break
					}
				}
				for _, tk := range s.Doc.Tokens {
					if tk.Start >= g.Cue[len(g.Cue)-1].Start && tk.End <= g.Cue[len(g.Cue)-1].End {
						pos[tk.Tag]++
						break
					}
				}
				nm++
			}
		}
		for _, p := range pred {
			if p.Cue.Empty() {
				continue
			}
			hit := false
			for _, g := range s.Gold {
				for _, f := range g.Cue {
					if p.Cue.Overlaps(f) {
						hit = true
					}
				}
			}
			if !hit {
				fp[strings.ToLower(text[p.Cue.Start:p.Cue.End])]++
				nf++
			}
		}
	}
	dump := func(name string, mp map[string]int, n int) {
		type kv struct {
			k string
			v int
		}
		var l []kv
		for k, v := range mp {
			l = append(l, kv{k, v})
		}
		sort.Slice(l, func(i, j int) bool { return l[i].v > l[j].v || l[i].v == l[j].v && l[i].k < l[j].k })
		f, _ := os.Create("/tmp/exp/" + name)
		defer f.Close()
		fmt.Fprintf(f, "total %d distinct %d\n", n, len(l))
		for _, x := range l {
			fmt.Fprintf(f, "%4d %q\n", x.v, x.k)
		}
	}
	fmt.Println("missed", nm, "inside predicted content", inContent, pos)
	dump("missed", missed, nm)
	dump("fp", fp, nf)
}
