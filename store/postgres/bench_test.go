package postgres

import (
	"path/filepath"
	"testing"

	"github.com/claimtrail/claimtrail/store"
	"github.com/claimtrail/claimtrail/store/postgres/pgtest"
	"github.com/claimtrail/claimtrail/store/storetest"
)

// BenchmarkIngestFNC1 stores the 1,683 FNC-1 bodies (no analysis: the
// store's own work of keys, near-duplicates, stories and indexes) into
// emptied tables per iteration.
func BenchmarkIngestFNC1(b *testing.B) {
	bodies := storetest.FNC1Bodies(b, filepath.Join("..", ".."))
	s, err := Open(b.Context(), pgtest.DSN(b), store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	n := 0
	for b.Loop() {
		b.StopTimer()
		if _, err := s.pool.Exec(b.Context(), `TRUNCATE articles, stories, article_bands, story_terms, term_df, claims RESTART IDENTITY`); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		for i := range bodies {
			if _, err := s.Put(b.Context(), &bodies[i], store.Analysis{}); err != nil {
				b.Fatal(err)
			}
		}
		n++
	}
	b.ReportMetric(float64(n*len(bodies))/b.Elapsed().Seconds(), "articles/s")
}
