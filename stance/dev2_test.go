package stance_test

import (
	"context"
	"hash/fnv"
	"os"
	"strconv"
	"testing"

	"github.com/claimtrail/claimtrail/eval/fnc1"
	"github.com/claimtrail/claimtrail/stance"
)

// TestDevStory holds out whole stories (connected components of headlines and
// bodies linked by related pairs): neither claims nor bodies are seen.
func TestDevStory(t *testing.T) {
	if os.Getenv("STANCE_DEV") == "" {
		t.Skip("dev only")
	}
	ctx := context.Background()
	d := loadFNC(t)
	parent := map[string]string{}
	var find func(string) string
	find = func(x string) string {
		if parent[x] == "" || parent[x] == x {
			parent[x] = x
			return x
		}
		r := find(parent[x])
		parent[x] = r
		return r
	}
	node := func(p fnc1.Pair) (string, string) { return "h:" + p.Headline, "b:" + strconv.Itoa(p.BodyID) }
	for _, p := range d.Pairs {
		h, b := node(p)
		find(h)
		find(b)
		if p.Stance != "unrelated" {
			parent[find(h)] = find(b)
		}
	}
	held := func(x string) bool {
		f := fnv.New64a()
		f.Write([]byte(find(x)))
		f.Write([]byte(os.Getenv("SEED")))
		return f.Sum64()%5 == 0
	}
	var train, test []stance.Pair
	for _, p := range d.Pairs {
		h, b := node(p)
		l, _ := stance.ParseLabel(p.Stance)
		sp := stance.Pair{Claim: p.Headline, BodyID: p.BodyID, Label: l}
		switch {
		case !held(h) && !held(b):
			train = append(train, sp)
		case held(h) && held(b):
			test = append(test, sp)
		}
	}
	m, err := stance.Train(ctx, d.Bodies, train, stance.TrainOptions{Seed: 1, Depth: envInt("DEPTH", 0), Rounds: envInt("ROUNDS", 0),
		RelatedRounds: envInt("RROUNDS", 0), DisagreeBoost: float64(envInt("BOOST", 0)), RelatedDepth: envInt("RDEPTH", 0), MinLeafWeight: float64(envInt("MINW", 0))})
	if err != nil {
		t.Fatal(err)
	}
	preds, err := m.PredictPairs(ctx, d.Bodies, test)
	if err != nil {
		t.Fatal(err)
	}
	var c fnc1.Confusion
	for i, p := range test {
		c.Add(int(p.Label), int(preds[i].Label))
	}
	t.Logf("train %d pairs, test %d pairs", len(train), len(test))
	mt := c.Metrics()
	mt.WriteText(os.Stdout)
	for _, bias := range []float64{1, 1.5, 2, 3, 4, 6} {
		var c fnc1.Confusion
		for i, p := range test {
			l := int(preds[i].Label)
			if l != 3 {
				pr := preds[i].Probs
				pr[1] *= bias
				l = 0
				for k := 1; k < 3; k++ {
					if pr[k] > pr[l] {
						l = k
					}
				}
			}
			c.Add(int(p.Label), l)
		}
		mt := c.Metrics()
		t.Logf("bias %.1f: rel %.4f macro %.4f disagree F1 %.4f P %.3f R %.3f agree %.3f discuss %.3f", bias, mt.FNCRelative, mt.MacroF1, mt.F1["disagree"], mt.Precision["disagree"], mt.Recall["disagree"], mt.F1["agree"], mt.F1["discuss"])
	}
}
