package sqlite

import (
	"fmt"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/claimtrail/claimtrail/store"
	"github.com/claimtrail/claimtrail/store/storetest"
)

// cpuTime is the CPU time (user and system) the process has used; on a
// shared machine it measures work better than the wall clock.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkIngestFNC1 stores the 1,683 FNC-1 bodies (no analysis: the
// store's own work of keys, near-duplicates, stories and indexes) into a
// fresh database per iteration.
func BenchmarkIngestFNC1(b *testing.B) {
	bodies := storetest.FNC1Bodies(b, filepath.Join("..", ".."))
	dir := b.TempDir()
	n := 0
	cpu0 := cpuTime()
	for b.Loop() {
		b.StopTimer()
		s, err := Open(b.Context(), filepath.Join(dir, fmt.Sprintf("fnc1-%d.db", n)), store.Options{})
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		for i := range bodies {
			if _, err := s.Put(b.Context(), &bodies[i], store.Analysis{}); err != nil {
				b.Fatal(err)
			}
		}
		b.StopTimer()
		s.Close()
		b.StartTimer()
		n++
	}
	b.ReportMetric(float64(n*len(bodies))/b.Elapsed().Seconds(), "articles/s")
	b.ReportMetric(float64(cpuTime()-cpu0)/float64(n*len(bodies)), "cpu-ns/article")
}

// BenchmarkAssign measures story assignment alone (key terms, index
// look-up, scoring, index update; one transaction per article) for one more
// generated article once 10,000 or 100,000 are assigned. With the inverted
// index the cost per article should stay about flat as the corpus grows.
func BenchmarkAssign(b *testing.B) {
	for _, size := range []int{10_000, 100_000} {
		b.Run(fmt.Sprintf("%dk", size/1000), func(b *testing.B) {
			s, err := Open(b.Context(), filepath.Join(b.TempDir(), "assign.db"), store.Options{})
			if err != nil {
				b.Fatal(err)
			}
			defer s.Close()
			g := storetest.NewGenerator(1)
			ctx := b.Context()
			assign := func(from, to int) {
				tx, err := s.begin(ctx)
				if err != nil {
					b.Fatal(err)
				}
				for i := from; i < to; i++ {
					if _, _, err := store.AssignStory(ctx, tx, g.Article(i), store.Analysis{}, store.Options{}); err != nil {
						b.Fatal(err)
					}
				}
				if err := tx.Commit(); err != nil {
					b.Fatal(err)
				}
			}
			for i := 0; i < size; i += 1000 {
				assign(i, min(i+1000, size))
			}
			i := size
			cpu0 := cpuTime()
			for b.Loop() {
				assign(i, i+1)
				i++
			}
			b.ReportMetric(float64(cpuTime()-cpu0)/float64(i-size), "cpu-ns/article")
		})
	}
}
