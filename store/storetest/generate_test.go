package storetest

import (
	"testing"

	"github.com/claimtrail/claimtrail/dedup"
)

func TestGeneratorDeterministicAndDistinct(t *testing.T) {
	g, h := NewGenerator(1), NewGenerator(1)
	var prev *dedup.Print
	for i := range 50 {
		a, b := g.Article(i), h.Article(i)
		if a.Text != b.Text || a.Title != b.Title {
			t.Fatalf("article %d differs between generators with one seed", i)
		}
		p := dedup.NewPrint(a.Text)
		if !p.Indexed() {
			t.Fatalf("article %d too short: %q", i, a.Text)
		}
		if i == 0 {
			prev = p
			continue
		}
		if _, near := p.Match(prev); near {
			t.Errorf("articles %d and %d are near-duplicates", i-1, i)
		}
		prev = p
	}
}
