package pipeline

import (
	"context"
	"fmt"
	"runtime"
	"testing"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/internal/synth"
	"github.com/claimtrail/claimtrail/load"
)

// benchOneText loads text as one article and builds its ledger, reporting
// seconds and bytes allocated per MB of input.
func benchOneText(b *testing.B, text []byte, opts Options) {
	b.Helper()
	opts.Workers = 1
	p, err := New(opts)
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	var ms0, ms1 runtime.MemStats
	runtime.ReadMemStats(&ms0)
	b.ResetTimer()
	for b.Loop() {
		a, err := load.Text("synthetic.txt", text)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := p.Ledger(ctx, []claimtrail.Article{a}); err != nil {
			b.Fatal(err)
		}
	}
	runtime.ReadMemStats(&ms1)
	mb := float64(len(text)) / (1 << 20)
	b.ReportMetric(b.Elapsed().Seconds()/float64(b.N)/mb, "s/MB")
	b.ReportMetric(float64(ms1.TotalAlloc-ms0.TotalAlloc)/float64(b.N)/mb/(1<<20), "allocMB/MB")
}

// BenchmarkStorySize analyses one invented story of 1, 5 and 25 MB; time
// per MB should not grow with size.
func BenchmarkStorySize(b *testing.B) {
	for _, mb := range []int{1, 2, 4, 5, 25} {
		text := synth.Story(1, mb<<20)
		b.Run(fmt.Sprintf("%dMB", mb), func(b *testing.B) { benchOneText(b, text, Options{}) })
	}
}
