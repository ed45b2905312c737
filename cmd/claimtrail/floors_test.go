package main

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail/eval"
	"github.com/claimtrail/claimtrail/eval/ledger"
)

// The floors tests measure the shipped configuration on the development
// data beside the repository and fail when a figure falls more than the
// tolerance below its floor in eval/floors.json (or an error count rises
// above its ceiling). `go run ./cmd/claimtrail eval report --update-floors`
// raises the floors after an improvement.

var (
	floorsFile = filepath.Join("..", "..", eval.FloorsFile)
	polnearDev = filepath.Join("..", "..", defaultPolNeARDev)
)

func readFloors(t *testing.T) *eval.Floors {
	t.Helper()
	f, err := eval.ReadFloors(floorsFile)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func needData(t *testing.T, dir string) {
	t.Helper()
	if testing.Short() {
		t.Skip("short: the floors are measured on the full development data")
	}
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("%s not found (the data sets live beside the repository in shared/data): floors not checked", dir)
	}
}

func reportFloors(t *testing.T, lim eval.Limits, measured map[string]float64, tol float64) {
	t.Helper()
	for _, s := range lim.Check(measured, tol) {
		t.Error(s)
	}
	for _, s := range lim.Raise(measured, tol) {
		t.Logf("%s: raise the floors with `go run ./cmd/claimtrail eval report --update-floors`", s)
	}
}

// TestAttributionFloors: the shipped extractor on PolNeAR dev.
func TestAttributionFloors(t *testing.T) {
	needData(t, polnearDev)
	f := readFloors(t)
	rep, err := measureAttribution(t.Context(), attribEvalOptions{split: polnearDev, extractor: extractorShipped}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	m := attributionMeasures(figuresOf(rep, ""))
	reportFloors(t, f.Attribution, m, f.Tolerance)
	t.Logf("shipped on PolNeAR dev: overlap F1 source %.3f cue %.3f content %.3f, exact content %.3f, attribution %.3f",
		m["source_overlap_f1"], m["cue_overlap_f1"], m["content_overlap_f1"], m["content_exact_f1"], m["attribution_overlap_f1"])
}

// TestLedgerFloors: analyze's ledgers of ledger-dev.
func TestLedgerFloors(t *testing.T) {
	needData(t, ledgerDev)
	f := readFloors(t)
	p, err := analyzePipeline(io.Discard, "combined")
	if err != nil {
		t.Fatal(err)
	}
	rep, err := ledger.Run(t.Context(), ledgerDev, analyzedLedgers(p, "", io.Discard))
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Errors) > 0 {
		t.Fatalf("gold errors: %s", strings.Join(rep.Errors, "; "))
	}
	reportFloors(t, f.Ledger, ledgerMeasures(rep.Summary), f.Tolerance)
}

// TestFloorsFileNamesMeasuredFigures: every floor and ceiling names a
// figure the report measures, so that none is silently never checked.
func TestFloorsFileNamesMeasuredFigures(t *testing.T) {
	f := readFloors(t)
	attr := attributionMeasures(attribFigures{})
	// A summary with every ratio counted, so that none is left out.
	one := ledger.Report{Stories: []ledger.StoryScore{{
		N:    ledger.Counts{Gold: 1, Matched: 1, DenialN: 1, StanceN: 1, StancePresN: 1, ChainN: 1, OriginNamesN: 1, StanceAllN: 1},
		Prec: ledger.Precision{Matched: 1}, OffN: 1,
	}}}
	one.Summarize()
	ledg := ledgerMeasures(one.Summary)
	for area, c := range map[string]struct {
		lim eval.Limits
		m   map[string]float64
	}{"attribution": {f.Attribution, attr}, "ledger": {f.Ledger, ledg}} {
		if len(c.lim.Floors) == 0 {
			t.Errorf("%s: no floors", area)
		}
		for _, s := range c.lim.Check(c.m, 1e9) {
			if strings.Contains(s, "not measured") {
				t.Errorf("%s: %s", area, s)
			}
		}
	}
}
