package stance_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/claimtrail/claimtrail/eval/fnc1"
	"github.com/claimtrail/claimtrail/stance"
)

// dataDir is where the FNC-1 data lives, relative to this package.
var dataDir = filepath.Join("..", "..", "shared", "data", "fnc1")

func loadFNC(tb testing.TB) *fnc1.Data {
	tb.Helper()
	bodies := filepath.Join(dataDir, "train_bodies.csv")
	if _, err := os.Stat(bodies); err != nil {
		tb.Skipf("FNC-1 data not found at %s (see docs/stance.md): %v", dataDir, err)
	}
	d, err := fnc1.Open(context.Background(), bodies, filepath.Join(dataDir, "train_stances.csv"))
	if err != nil {
		tb.Fatal(err)
	}
	return d
}

func testModel(tb testing.TB) *stance.Model {
	tb.Helper()
	if p := os.Getenv("STANCE_MODEL"); p != "" {
		m, err := stance.Load(p)
		if err != nil {
			tb.Fatal(err)
		}
		return m
	}
	m, err := stance.Default()
	if err != nil {
		tb.Fatal(err)
	}
	return m
}

// BenchmarkPredictPrepared measures judging one claim against a body that
// was prepared once, the common case (a body shared by many claims).
func BenchmarkPredictPrepared(b *testing.B) {
	d := loadFNC(b)
	m := testModel(b)
	p := d.Pairs[:1000]
	bodies := make(map[int]*stance.Body)
	for _, q := range p {
		if bodies[q.BodyID] == nil {
			bodies[q.BodyID] = m.PrepareBody(d.Bodies[q.BodyID])
		}
	}
	i := 0
	for b.Loop() {
		q := p[i%len(p)]
		m.PredictPrepared(q.Headline, bodies[q.BodyID])
		i++
	}
}

// BenchmarkPrepareBody measures analysing one article body.
func BenchmarkPrepareBody(b *testing.B) {
	d := loadFNC(b)
	m := testModel(b)
	texts := make([]string, 0, len(d.Bodies))
	for _, t := range d.Bodies {
		texts = append(texts, t)
	}
	i := 0
	for b.Loop() {
		m.PrepareBody(texts[i%len(texts)])
		i++
	}
}

// BenchmarkEvalFNC1 measures what `claimtrail eval fnc1` does on the whole
// FNC-1 training set: read both CSV files, prepare every body once and judge
// every pair, on GOMAXPROCS CPUs. It reports pairs per second.
func BenchmarkEvalFNC1(b *testing.B) {
	loadFNC(b) // skips when the data is absent
	m := testModel(b)
	ctx := context.Background()
	bodies, stances := filepath.Join(dataDir, "train_bodies.csv"), filepath.Join(dataDir, "train_stances.csv")
	pairs := 0
	for b.Loop() {
		d, err := fnc1.Open(ctx, bodies, stances)
		if err != nil {
			b.Fatal(err)
		}
		ps := make([]stance.Pair, len(d.Pairs))
		for i, p := range d.Pairs {
			ps[i] = stance.Pair{Claim: p.Headline, BodyID: p.BodyID}
		}
		if _, err := m.PredictPairs(ctx, d.Bodies, ps); err != nil {
			b.Fatal(err)
		}
		pairs += len(ps)
	}
	b.ReportMetric(float64(pairs)/b.Elapsed().Seconds(), "pairs/s")
}
