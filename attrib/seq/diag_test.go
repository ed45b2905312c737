package seq

import (
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail/eval/polnear"
)

func TestDiagBoundary(t *testing.T) {
	if os.Getenv("DIAG") == "" {
		t.Skip()
	}
	m, _ := Default()
	samples := polnearSamples(t, "dev")
	startD, endD := map[string]int{}, map[string]int{}
	for _, s := range samples {
		text := s.Doc.Article.Text
		pred := ToPolnear(m.Label(s.Doc))
		for _, g := range s.Gold {
			if len(g.Content) == 0 {
				continue
			}
			gb := g.Content.Bounds()
			for _, p := range pred {
				if len(p.Content) == 0 {
					continue
				}
				pb := p.Content.Bounds()
				if !pb.Overlaps(gb) {
					continue
				}
				ov := min(pb.End, gb.End) - max(pb.Start, gb.Start)
				if 2*ov < max(pb.Len(), gb.Len()) {
					continue
				}
				k := func(a, b int, sign string) string {
					if a == b {
						return "="
					}
					if a < b {
						return sign + "+" + strings.ReplaceAll(text[a:b], "\n", "⏎")
					}
					return sign + "-" + strings.ReplaceAll(text[b:a], "\n", "⏎")
				}
				sk := k(pb.Start, gb.Start, "pred-extra")
				ek := k(gb.End, pb.End, "pred-extra")
				if len(sk) > 40 {
					sk = sk[:12] + "…long"
				}
				if len(ek) > 40 {
					ek = ek[:12] + "…long"
				}
				startD[sk]++
				endD[ek]++
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
		sort.Slice(l, func(i, j int) bool { return l[i].n > l[j].n })
		var b strings.Builder
		for i, x := range l {
			if i == 30 {
				break
			}
			b.WriteString(x.k + ":" + itoa(x.n) + " | ")
		}
		t.Logf("%s: %s", name, b.String())
	}
	show("start", startD)
	show("end", endD)
	_ = polnear.Cue
}

func itoa(n int) string {
	s := ""
	for n >= 10 {
		s = string(rune('0'+n%10)) + s
		n /= 10
	}
	return string(rune('0'+n)) + s
}

func TestDiagTrain(t *testing.T) {
	if os.Getenv("EXP") == "" {
		t.Skip()
	}
	train := polnearSamples(t, "train")
	dev := polnearSamples(t, "dev")
	m, reps, err := Train(t.Context(), train, dev, TrainOptions{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range reps {
		t.Logf("epoch %d: S %.3f C %.3f T %.3f Texact %.3f", r.Epoch, r.Dev.Roles[0].Overlap.PRF().F1, r.Dev.Roles[1].Overlap.PRF().F1, r.Dev.Roles[2].Overlap.PRF().F1, r.Dev.Roles[2].Exact.PRF().F1)
	}
	var total polnear.Score
	for _, s := range dev {
		total.Add(polnear.Compare(s.Doc.Article.Text, s.Gold, ToPolnear(m.Label(s.Doc))))
	}
	logScore(t, "final", total)
	if out := os.Getenv("EXP_OUT"); out != "" {
		data, _ := m.Marshal()
		os.WriteFile(out, data, 0o644)
	}
}
