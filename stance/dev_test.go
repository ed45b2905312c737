package stance_test

import (
	"context"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/claimtrail/claimtrail/eval/fnc1"
	"github.com/claimtrail/claimtrail/stance"
)

func envInt(k string, d int) int {
	if v, err := strconv.Atoi(os.Getenv(k)); err == nil {
		return v
	}
	return d
}

func TestDev(t *testing.T) {
	if os.Getenv("STANCE_DEV") == "" {
		t.Skip("dev only")
	}
	ctx := context.Background()
	d, err := fnc1.Open(ctx, "../../shared/data/fnc1/train_bodies.csv", "../../shared/data/fnc1/train_stances.csv")
	if err != nil {
		t.Fatal(err)
	}
	var pairs []stance.Pair
	for _, p := range d.Pairs {
		l, _ := stance.ParseLabel(p.Stance)
		pairs = append(pairs, stance.Pair{Claim: p.Headline, BodyID: p.BodyID, Label: l})
	}
	t0 := time.Now()
	wp, _ := strconv.ParseFloat(os.Getenv("WP"), 64)
	m, err := stance.Train(ctx, d.Bodies, pairs, stance.TrainOptions{Seed: uint64(envInt("SEED", 1)), Holdout: 0.2,
		Rounds: envInt("ROUNDS", 0), Depth: envInt("DEPTH", 0), WeightPower: wp, DisagreeBoost: float64(envInt("BOOST", 2)), DisagreeBias: 1, RelatedDepth: envInt("RDEPTH", 0), MinLeafWeight: float64(envInt("MINW", 0))})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("train %v", time.Since(t0))
	if out := os.Getenv("OUT"); out != "" {
		if err := m.Save(out); err != nil {
			t.Fatal(err)
		}
	}
	var held []stance.Pair
	for _, p := range pairs {
		if m.HeldOut(p.BodyID) {
			held = append(held, p)
		}
	}
	t0 = time.Now()
	preds, err := m.PredictPairs(ctx, d.Bodies, held)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("predict %d pairs %v", len(held), time.Since(t0))
	var c fnc1.Confusion
	for i, p := range held {
		c.Add(int(p.Label), int(preds[i].Label))
	}
	mt := c.Metrics()
	mt.WriteText(os.Stdout)
	for _, bias := range []float64{1, 1.5, 2, 2.5, 3, 4} {
		var c fnc1.Confusion
		for i, p := range held {
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
		t.Logf("bias %.1f: rel %.4f macro %.4f disagree F1 %.4f P %.3f R %.3f", bias, mt.FNCRelative, mt.MacroF1, mt.F1["disagree"], mt.Precision["disagree"], mt.Recall["disagree"])
	}
}
