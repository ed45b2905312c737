package sqlite

import (
	"path/filepath"
	"testing"

	"github.com/claimtrail/claimtrail/store"
	"github.com/claimtrail/claimtrail/store/storetest"
)

// TestFNC1Stories stores the FNC-1 bodies (no analysis: key terms from
// capitalised words) and checks the stories they form against the
// headlines FNC-1 relates them to.
func TestFNC1Stories(t *testing.T) {
	if testing.Short() {
		t.Skip("short: skipping FNC-1 story test")
	}
	bodies := storetest.FNC1Bodies(t, filepath.Join("..", ".."))
	labels := storetest.FNC1Related(t, filepath.Join("..", ".."))
	s := openTemp(t, store.Options{})
	groups := map[int64][]string{}
	for i := range bodies {
		r, err := s.Put(t.Context(), &bodies[i], store.Analysis{})
		if err != nil {
			t.Fatal(err)
		}
		if !r.Existing {
			groups[r.Story] = append(groups[r.Story], bodies[i].Path)
		}
	}
	p, r := storetest.PairScores(groups, labels)
	t.Logf("%d bodies formed %d stories; pairwise precision %.3f, recall %.3f", len(bodies), len(groups), p, r)
	// FNC-1 relates a body to the headlines it was paired with, not to
	// every body about the same event: both figures are lower bounds.
	if p < 0.68 {
		t.Errorf("pairwise precision %.3f < 0.68: stories mix unrelated bodies", p)
	}
	if r < 0.7 {
		t.Errorf("pairwise recall %.3f < 0.7: stories are split", r)
	}
}

// TestFNC1CopiesAgree stores the FNC-1 bodies with planted copies
// (storetest.PlantCopies) and checks that the store and analyze's detector
// take the same articles for copies of the same originals.
func TestFNC1CopiesAgree(t *testing.T) {
	if testing.Short() {
		t.Skip("short: skipping FNC-1 copy test")
	}
	arts, planted := storetest.PlantCopies(storetest.FNC1Bodies(t, filepath.Join("..", "..")), 8, 3)
	n := storetest.CopiesAgree(t, openTemp(t, store.Options{}), arts)
	t.Logf("%d articles, %d planted copies, %d copies", len(arts), len(planted), n)
	if n < len(planted) {
		t.Errorf("%d copies among %d articles with %d planted", n, len(arts), len(planted))
	}
}
