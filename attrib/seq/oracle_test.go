package seq

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/eval/polnear"
	"github.com/claimtrail/claimtrail/nlp"
)

// TestOracleGrouping feeds the gold tags of the PolNeAR dev split through
// the grouping step: what it loses is the ceiling that tokenization,
// windows and grouping put on the model. (The package itself reads no
// corpus; only this test does.)
func TestOracleGrouping(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "shared", "data", "polnear", "dev")
	if _, err := os.Stat(filepath.Join(dir, "text")); err != nil {
		t.Skipf("PolNeAR dev split not found at %s (../shared/data beside the module): %v", dir, err)
	}
	arts, err := polnear.ReadSplit(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	an, err := nlp.NewAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	var total polnear.Score
	for _, a := range arts {
		doc, err := an.Analyze(context.Background(), &claimtrail.Article{ID: a.Name, Text: a.Text})
		if err != nil {
			t.Fatal(err)
		}
		var gold []Gold
		for _, g := range a.Attributions {
			gold = append(gold, Gold{Source: g.Source, Cue: g.Cue, Content: g.Content})
		}
		tags := goldTags(doc, gold)
		var pred []Attribution
		for _, w := range windows(doc) {
			pred = group(doc, w, windowGold(tags[w.first:w.last]), pred)
		}
		var got []polnear.Attribution
		for _, p := range pred {
			g := p.AsGold()
			got = append(got, polnear.Attribution{Source: g.Source, Cue: g.Cue, Content: g.Content})
		}
		total.Add(polnear.Compare(a.Text, a.Attributions, got))
	}
	for _, r := range polnear.Roles {
		f := total.Roles[r].Overlap.PRF().F1
		t.Logf("oracle %-8s overlap F1 %.3f", r, f)
		if f < 0.9 {
			t.Errorf("%s: oracle overlap F1 %.3f < 0.9", r, f)
		}
	}
}
