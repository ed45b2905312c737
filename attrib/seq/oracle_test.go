package seq

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/claimtrail/claimtrail/eval/polnear"
	"github.com/claimtrail/claimtrail/nlp"
)

func polnearSamples(t testing.TB, split string) []Sample {
	t.Helper()
	dir := filepath.Join("..", "..", "..", "shared", "data", "polnear", split)
	if _, err := os.Stat(filepath.Join(dir, "text")); err != nil {
		t.Skipf("PolNeAR %s split not found at %s (../shared/data beside the module): %v", split, dir, err)
	}
	arts, err := polnear.ReadSplit(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	an, err := nlp.NewAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	samples, err := Samples(context.Background(), an, arts, nil)
	if err != nil {
		t.Fatal(err)
	}
	return samples
}

func logScore(t testing.TB, name string, s polnear.Score) {
	t.Helper()
	for _, r := range polnear.Roles {
		e, o := s.Roles[r].Exact.PRF(), s.Roles[r].Overlap.PRF()
		t.Logf("%s %-8s exact P %.3f R %.3f F %.3f  overlap P %.3f R %.3f F %.3f", name, r, e.P, e.R, e.F1, o.P, o.R, o.F1)
	}
	e, o := s.Attribution.Exact.PRF(), s.Attribution.Overlap.PRF()
	t.Logf("%s attrib   exact P %.3f R %.3f F %.3f  overlap P %.3f R %.3f F %.3f", name, e.P, e.R, e.F1, o.P, o.R, o.F1)
}

// TestOracleGrouping feeds the gold tags through the grouping step: what it
// loses is the ceiling that tokenization, windows and grouping put on the
// model.
func TestOracleGrouping(t *testing.T) {
	samples := polnearSamples(t, "dev")
	var total polnear.Score
	for _, s := range samples {
		gold := goldTags(s.Doc, s.Gold)
		var pred []Attribution
		for _, w := range windows(s.Doc) {
			pred = group(s.Doc, w, windowGold(gold[w.first:w.last]), pred)
		}
		total.Add(polnear.Compare(s.Doc.Article.Text, s.Gold, ToPolnear(pred)))
	}
	logScore(t, "oracle", total)
	for _, r := range polnear.Roles {
		if f := total.Roles[r].Overlap.PRF().F1; f < 0.9 {
			t.Errorf("%s: oracle overlap F1 %.3f < 0.9", r, f)
		}
	}
}
