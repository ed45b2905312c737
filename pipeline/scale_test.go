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

// benchOneText loads text as one article and builds its ledger on one
// worker, reporting wall and CPU seconds and bytes allocated per MB of
// input, and the process's peak resident memory (run one size per process
// to read it for that size).
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
	cpu0, _ := cpuSeconds()
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
	cpu1, peak := cpuSeconds()
	mb := float64(len(text)) / (1 << 20)
	b.ReportMetric(b.Elapsed().Seconds()/float64(b.N)/mb, "s/MB")
	if cpu1 > 0 {
		b.ReportMetric((cpu1-cpu0)/float64(b.N)/mb, "cpu-s/MB")
		b.ReportMetric(peak, "peak-RSS-MB")
	}
	b.ReportMetric(float64(ms1.TotalAlloc-ms0.TotalAlloc)/float64(b.N)/mb/(1<<20), "allocMB/MB")
}

// BenchmarkStorySize analyses one invented story of 1, 5 and 25 MB; time
// per MB should not grow with size.
func BenchmarkStorySize(b *testing.B) {
	for _, mb := range []int{1, 5, 25} {
		text := synth.Story(1, mb<<20)
		b.Run(fmt.Sprintf("%dMB", mb), func(b *testing.B) { benchOneText(b, text, Options{}) })
	}
}

// BenchmarkParagraph analyses one paragraph of 1, 2, 4 and 8 MB: no
// paragraph break bounds the labeller's windows.
func BenchmarkParagraph(b *testing.B) {
	for _, mb := range []int{1, 2, 4, 8} {
		text := synth.Paragraph(1, mb<<20)
		b.Run(fmt.Sprintf("%dMB", mb), func(b *testing.B) { benchOneText(b, text, Options{}) })
	}
}

// BenchmarkPunctuation analyses stories of 1, 2, 4 and 8 MB in which
// every third paragraph ends with a run of 20,000 full stops, opening
// brackets or quotation marks.
func BenchmarkPunctuation(b *testing.B) {
	for _, mark := range []string{".", "(", "“"} {
		for _, mb := range []int{1, 2, 4, 8} {
			text := synth.Runs(1, mb<<20, mark)
			b.Run(fmt.Sprintf("%s/%dMB", mark, mb), func(b *testing.B) { benchOneText(b, text, Options{}) })
		}
	}
}
