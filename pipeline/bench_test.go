package pipeline

import (
	"context"
	"encoding/csv"
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"testing"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/attrib"
	"github.com/claimtrail/claimtrail/load"
	"github.com/claimtrail/claimtrail/parse"
)

// fnc1Bodies reads the FNC-1 training bodies as raw text, skipping the
// benchmark when the data set is absent.
func fnc1Bodies(b *testing.B) [][]byte {
	b.Helper()
	path := filepath.Join("..", "..", "shared", "data", "fnc1", "train_bodies.csv")
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		b.Skipf("FNC-1 bodies not found at %s: skipping (the data set lives beside the repository in shared/data)", path)
	}
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	if _, err := r.Read(); err != nil {
		b.Fatal(err)
	}
	var bodies [][]byte
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			b.Fatal(err)
		}
		bodies = append(bodies, []byte("Body "+rec[0]+"\n"+rec[1]))
	}
	return bodies
}

// BenchmarkLoadAnalyseLink measures load (text parsing), analysis,
// attribution (rules and the trained labeller, as analyze runs by default)
// and linking over the 1,683 FNC-1 bodies as one corpus, and reports
// articles per second in all and per core (analysis runs on every core,
// linking on one).
func BenchmarkLoadAnalyseLink(b *testing.B) {
	benchLoadAnalyseLink(b, Options{}, false)
}

// BenchmarkLoadAnalyseLinkTrees is the same with a dependency tree parsed
// for every sentence attribution reads closely (those attrib.NeedsTags
// selects, which hold a cue): what trees cost once attribution asks for
// them.
func BenchmarkLoadAnalyseLinkTrees(b *testing.B) {
	benchLoadAnalyseLink(b, Options{}, true)
}

// BenchmarkLoadAnalyseLinkPatterns is BenchmarkLoadAnalyseLink with the
// rules reading cues by word order alone, parsing no tree (attrib.PatternsOnly):
// what the reporting frames cost, measured back to back.
func BenchmarkLoadAnalyseLinkPatterns(b *testing.B) {
	benchLoadAnalyseLink(b, Options{Cues: attrib.PatternsOnly}, false)
}

// BenchmarkLoadAnalyseLinkRules is the same with attribution by the rules
// alone (analyze --extractor rules).
func BenchmarkLoadAnalyseLinkRules(b *testing.B) {
	benchLoadAnalyseLink(b, Options{RulesOnly: true}, false)
}

func benchLoadAnalyseLink(b *testing.B, opts Options, trees bool) {
	bodies := fnc1Bodies(b)
	p, err := New(opts)
	if err != nil {
		b.Fatal(err)
	}
	if trees {
		// The parser's model loads once per process, as the analyser's
		// models do in New: not part of the rate.
		if _, err := parse.Default(); err != nil {
			b.Fatal(err)
		}
	}
	ctx := context.Background()
	cpu0, _ := cpuSeconds()
	b.ResetTimer()
	for b.Loop() {
		arts := make([]claimtrail.Article, 0, len(bodies))
		for i, body := range bodies {
			a, err := load.Text("body-"+strconv.Itoa(i)+".txt", body)
			if err != nil {
				continue
			}
			a.Outlet = "FNC-1"
			arts = append(arts, a)
		}
		arts, analyses, err := p.AnalyzeAll(ctx, arts)
		if err != nil {
			b.Fatal(err)
		}
		if trees {
			parseCued(b, analyses)
		}
		if _, _, err := p.Link(ctx, arts, analyses); err != nil {
			b.Fatal(err)
		}
	}
	cpu1, _ := cpuSeconds()
	perSec := float64(len(bodies)*b.N) / b.Elapsed().Seconds()
	b.ReportMetric(perSec, "articles/s")
	b.ReportMetric(perSec/float64(runtime.GOMAXPROCS(0)), "articles/s/core")
	if cpu1 > cpu0 {
		// On a shared machine the wall clock counts other jobs' time too;
		// articles per CPU second is the per-core rate this code gets.
		b.ReportMetric(float64(len(bodies)*b.N)/(cpu1-cpu0), "articles/cpu-s")
	}
}

// parseCued asks for the tree of every sentence attrib.NeedsTags selects.
func parseCued(b *testing.B, analyses []*Analysis) {
	for _, a := range analyses {
		for i := range a.Doc.Sentences {
			if attrib.NeedsTags(a.Doc.SentenceTokens(i)) && a.Doc.Tree(i) == nil {
				b.Fatal("no tree")
			}
		}
	}
}
