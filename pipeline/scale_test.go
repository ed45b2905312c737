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

// BenchmarkParagraph analyses one paragraph of 1, 2, 4 and 8 MB: no
// paragraph break bounds the labeller's windows.
func BenchmarkParagraph(b *testing.B) {
	for _, mb := range []int{1, 2, 4, 8} {
		text := synth.Paragraph(1, mb<<20)
		b.Run(fmt.Sprintf("%dMB", mb), func(b *testing.B) { benchOneText(b, text, Options{}) })
	}
}

// BenchmarkPunctuation analyses a run of 10,000 to 80,000 full stops,
// opening brackets or quotation marks inside a sentence.
func BenchmarkPunctuation(b *testing.B) {
	for _, mark := range []string{".", "(", "“"} {
		for _, n := range []int{10_000, 20_000, 40_000, 80_000} {
			text := synth.Punctuation(mark, n)
			b.Run(fmt.Sprintf("%s×%d", mark, n), func(b *testing.B) { benchOneText(b, text, Options{}) })
		}
	}
}
