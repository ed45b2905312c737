package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/claimtrail/claimtrail/attrib"
	"github.com/claimtrail/claimtrail/eval"
	"github.com/claimtrail/claimtrail/eval/ledger"
	"github.com/spf13/cobra"
)

func init() { evalCommands = append(evalCommands, newEvalReportCmd) }

// Default data locations, from the module root (the data sets live beside
// the repository).
const (
	defaultPolNeARDev   = "../shared/data/polnear/dev"
	defaultPolNeARTrain = "../shared/data/polnear/train"
	defaultLedgerDev    = "../shared/data/ledger-dev/stories"
)

// reportOptions are the flags of `eval report`.
type reportOptions struct {
	polnear, polnearTrain, gold string
	out, floors                 string
	updateFloors                bool
}

func newEvalReportCmd() *cobra.Command {
	var o reportOptions
	cmd := &cobra.Command{
		Use:   "report [--out docs/figures] [--update-floors]",
		Short: "Regenerate the quality figures in docs/figures and check them against the floors",
		Long: `Measure the configuration users get and write the tables the docs point at:

  attribution-dev.md/.json  PolNeAR dev, precision/recall/F1 exact and overlap per role,
                            for the shipped extractor, the rules alone and the labeller
                            alone, how far PolNeAR's own annotators agree, and each
                            way of combining the rules and the labeller
                            (attrib.Combinations) on PolNeAR dev and the ledgers
  ledger-dev.md/.json       the development ledgers, per story and in total, as
                            'claimtrail eval ledger' scores them

The figures are then compared with the floors file (eval/floors.json): the
command fails when one has dropped more than the tolerance below its floor,
and names those that rose. --update-floors rewrites the floors from what was
measured instead. Run it from the repository root. The stance figures
(docs/stance.md) need training and are not part of this report.`,
		Example: `  go run ./cmd/claimtrail eval report
  go run ./cmd/claimtrail eval report --update-floors`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return runEvalReport(cmd, o) },
	}
	f := cmd.Flags()
	f.StringVar(&o.polnear, "polnear", defaultPolNeARDev, "PolNeAR dev split")
	f.StringVar(&o.polnearTrain, "polnear-train", defaultPolNeARTrain, "PolNeAR train split, for the annotators' agreement (\"\" leaves it out)")
	f.StringVar(&o.gold, "gold", defaultLedgerDev, "gold ledger stories (ledger-dev)")
	f.StringVar(&o.out, "out", "docs/figures", "folder for the generated tables")
	f.StringVar(&o.floors, "floors", eval.FloorsFile, "floors file")
	f.BoolVar(&o.updateFloors, "update-floors", false, "rewrite the floors file from the figures measured")
	return cmd
}

// reportExtractors are the attribution extractors of the dev table, shipped
// first, then its ledger statements alone; frames and patterns show what
// each way of reading cues gives alone.
var reportExtractors = []string{extractorShipped, extractorStatements, extractorRules, extractorFrames, extractorPatterns, extractorSeq}

// attribFigures is an attribution report without its speeds, which vary
// from run to run.
type attribFigures struct {
	Extractor   string          `json:"extractor"`
	Split       string          `json:"split,omitempty"`
	Source      attribRoleScore `json:"source"`
	Cue         attribRoleScore `json:"cue"`
	Content     attribRoleScore `json:"content"`
	Attribution attribRoleScore `json:"attribution"`
	Articles    int             `json:"articles"`
	Sentences   int             `json:"sentences,omitempty"`
}

func figuresOf(r attribReport, split string) attribFigures {
	return attribFigures{Extractor: r.Extractor, Split: split, Source: r.Source, Cue: r.Cue, Content: r.Content,
		Attribution: r.Attribution, Articles: r.Articles, Sentences: r.Sentences}
}

// attributionReport is attribution-dev.json.
type attributionReport struct {
	Data       string          `json:"data"`
	Extractors []attribFigures `json:"extractors"`
	// Agreement is the second annotators against the first, by split.
	Agreement []attribFigures `json:"agreement,omitempty"`
	// Combinations scores each way of merging the rules and the labeller
	// (attrib.Combinations) on PolNeAR dev and on the development ledgers.
	Combinations []combinationFigures `json:"combinations,omitempty"`
}

// combinationFigures are one attrib.Combination's figures: the pipeline
// merging by it, scored on PolNeAR dev and on the development ledgers.
type combinationFigures struct {
	Combination string         `json:"combination"`
	Shipped     bool           `json:"shipped"`
	Attribution attribFigures  `json:"attribution"`
	Ledger      ledger.Summary `json:"ledger"`
}

func runEvalReport(cmd *cobra.Command, o reportOptions) error {
	ctx := cmd.Context()
	stderr := cmd.ErrOrStderr()
	floors, err := eval.ReadFloors(o.floors)
	if err != nil {
		return err
	}
	fmt.Fprintln(stderr, "attribution: PolNeAR", o.polnear)
	attr, err := measureAttributionTable(ctx, o, stderr)
	if err != nil {
		return err
	}
	fmt.Fprintln(stderr, "ledgers:", o.gold)
	p, err := analyzePipeline(stderr, "combined")
	if err != nil {
		return err
	}
	led, err := ledger.Run(ctx, o.gold, analyzedLedgers(p, "", stderr))
	if err != nil {
		return fmt.Errorf("eval report: %w", err)
	}
	if len(led.Errors) > 0 {
		return fmt.Errorf("eval report: %s", strings.Join(led.Errors, "; "))
	}
	if attr.Combinations, err = measureCombinations(ctx, o, stderr); err != nil {
		return err
	}
	if err := writeFigures(o.out, attr, led); err != nil {
		return err
	}
	fmt.Fprintf(stderr, "wrote %s\n", strings.Join(figureFiles(o.out), ", "))
	measured := map[*eval.Limits]map[string]float64{
		&floors.Attribution: attributionMeasures(attr.Extractors[0]),
		&floors.Ledger:      ledgerMeasures(led.Summary),
	}
	if o.updateFloors {
		for lim, m := range measured {
			lim.Set(m)
		}
		if err := floors.Write(o.floors); err != nil {
			return err
		}
		fmt.Fprintln(stderr, "rewrote", o.floors)
		return nil
	}
	return checkFloors(stderr, floors, measured)
}

// checkFloors prints the figures below their floors (an error) and those
// above them (a hint to raise them).
func checkFloors(w io.Writer, f *eval.Floors, measured map[*eval.Limits]map[string]float64) error {
	var below, above []string
	for _, lim := range []*eval.Limits{&f.Attribution, &f.Ledger} {
		below = append(below, lim.Check(measured[lim], f.Tolerance)...)
		above = append(above, lim.Raise(measured[lim], f.Tolerance)...)
	}
	for _, s := range above {
		fmt.Fprintln(w, "floors: better than recorded:", s, "(raise with --update-floors)")
	}
	if len(below) > 0 {
		for _, s := range below {
			fmt.Fprintln(w, "floors: REGRESSION:", s)
		}
		return errReported
	}
	fmt.Fprintln(w, "floors: every figure holds")
	return nil
}

// measureAttributionTable scores the report's extractors on PolNeAR dev
// and the annotators' agreement on dev, train and both.
func measureAttributionTable(ctx context.Context, o reportOptions, progress io.Writer) (*attributionReport, error) {
	rep := &attributionReport{Data: "PolNeAR dev"}
	for _, x := range reportExtractors {
		r, err := measureAttribution(ctx, attribEvalOptions{split: o.polnear, extractor: x}, progress)
		if err != nil {
			return nil, fmt.Errorf("eval report: %s: %w", x, err)
		}
		rep.Extractors = append(rep.Extractors, figuresOf(r, ""))
	}
	splits := []struct{ name, dir string }{{"dev", o.polnear}, {"train", o.polnearTrain}}
	if o.polnearTrain == "" {
		splits = splits[:1]
	}
	var both attribTally
	for _, s := range splits {
		t, err := tallyAttribution(ctx, attribEvalOptions{split: s.dir, extractor: extractorAnnotators}, progress)
		if err != nil {
			return nil, fmt.Errorf("eval report: annotators on %s: %w", s.name, err)
		}
		both.total.Add(t.total)
		rep.Agreement = append(rep.Agreement, figuresOf(t.report(extractorAnnotators), s.name))
	}
	if len(splits) > 1 {
		rep.Agreement = append(rep.Agreement, figuresOf(both.report(extractorAnnotators), "both"))
	}
	return rep, nil
}

// measureCombinations scores the pipeline merging the rules and the
// labeller by each attrib.Combination, on PolNeAR dev and the development
// ledgers.
func measureCombinations(ctx context.Context, o reportOptions, stderr io.Writer) ([]combinationFigures, error) {
	var out []combinationFigures
	for _, c := range attrib.Combinations() {
		name := c.String()
		fmt.Fprintln(stderr, "combination:", name)
		r, err := measureAttribution(ctx, attribEvalOptions{split: o.polnear, extractor: name}, stderr)
		if err != nil {
			return nil, fmt.Errorf("eval report: %s: %w", name, err)
		}
		p, err := analyzePipeline(stderr, name)
		if err != nil {
			return nil, err
		}
		led, err := ledger.Run(ctx, o.gold, analyzedLedgers(p, "", stderr))
		if err != nil {
			return nil, fmt.Errorf("eval report: %s: %w", name, err)
		}
		out = append(out, combinationFigures{Combination: name, Shipped: c == attrib.ShippedCombination,
			Attribution: figuresOf(r, ""), Ledger: led.Summary})
	}
	return out, nil
}

// attributionMeasures are the figures of an attribution report the floors
// may name: ROLE_exact_f1 and ROLE_overlap_f1 for source, cue, content and
// attribution.
func attributionMeasures(r attribFigures) map[string]float64 {
	m := map[string]float64{}
	for name, s := range map[string]attribRoleScore{"source": r.Source, "cue": r.Cue, "content": r.Content, "attribution": r.Attribution} {
		m[name+"_exact_f1"] = s.Exact.F1
		m[name+"_overlap_f1"] = s.Overlap.F1
	}
	return m
}

// ledgerMeasures are the figures of a ledger summary, by their summary
// names; ratios nothing was counted for are left out.
func ledgerMeasures(s ledger.Summary) map[string]float64 {
	var raw map[string]*float64
	data, _ := json.Marshal(s)
	_ = json.Unmarshal(data, &raw)
	m := map[string]float64{}
	for k, v := range raw {
		if v != nil {
			m[k] = *v
		}
	}
	return m
}

func figureFiles(dir string) []string {
	var out []string
	for _, f := range []string{"attribution-dev.md", "attribution-dev.json", "ledger-dev.md", "ledger-dev.json"} {
		out = append(out, filepath.Join(dir, f))
	}
	return out
}

// writeFigures writes the four files of docs/figures.
func writeFigures(dir string, attr *attributionReport, led *ledger.Report) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("eval report: %w", err)
	}
	files := figureFiles(dir)
	var md bytes.Buffer
	writeAttributionMarkdown(&md, attr)
	attrJSON, err := json.MarshalIndent(attr, "", "  ")
	if err != nil {
		return err
	}
	var lmd bytes.Buffer
	writeLedgerMarkdown(&lmd, led)
	ledJSON, err := json.MarshalIndent(led, "", " ")
	if err != nil {
		return err
	}
	for i, data := range [][]byte{md.Bytes(), append(attrJSON, '\n'), lmd.Bytes(), append(ledJSON, '\n')} {
		if err := os.WriteFile(files[i], data, 0o644); err != nil {
			return fmt.Errorf("eval report: %w", err)
		}
	}
	return nil
}

const generatedNote = "<!-- Generated by `go run ./cmd/claimtrail eval report` from the repository root. Do not edit: rerun it. -->\n\n"

func writeAttributionMarkdown(w io.Writer, r *attributionReport) {
	fmt.Fprint(w, generatedNote)
	fmt.Fprintf(w, "# Attribution on %s\n\n", r.Data)
	fmt.Fprintln(w, "Scored with `claimtrail eval attribution --polnear ../shared/data/polnear/dev --extractor X`")
	fmt.Fprintln(w, "(rule in docs/attribution.md). `shipped` is what `analyze`, `check`, `ingest`, `serve`,")
	fmt.Fprintln(w, "`worker` and `export` run: the rules and the labeller, merged as the table below says.")
	fmt.Fprintln(w, "`rules` is `analyze --extractor rules`; `seq` the trained labeller alone.")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "| extractor | role | exact P | exact R | exact F1 | overlap P | overlap R | overlap F1 |")
	fmt.Fprintln(w, "|---|---|---|---|---|---|---|---|")
	for _, x := range r.Extractors {
		for _, row := range roleRows(x) {
			fmt.Fprintf(w, "| %s | %s | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f |\n", x.Extractor, row.name,
				row.s.Exact.P, row.s.Exact.R, row.s.Exact.F1, row.s.Overlap.P, row.s.Overlap.R, row.s.Overlap.F1)
		}
	}
	writeCombinationsMarkdown(w, r.Combinations)
	if len(r.Agreement) == 0 {
		return
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "## How far PolNeAR's annotators agree")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "The second annotator's attributions against the first's, on the articles two annotators")
	fmt.Fprintln(w, "annotated (`--extractor annotators`), scored by the same rule.")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "| split | articles | source exact / overlap F1 | cue exact / overlap F1 | content exact / overlap F1 | attribution overlap F1 |")
	fmt.Fprintln(w, "|---|---|---|---|---|---|")
	for _, a := range r.Agreement {
		fmt.Fprintf(w, "| %s | %d | %.3f / %.3f | %.3f / %.3f | %.3f / %.3f | %.3f |\n", a.Split, a.Articles,
			a.Source.Exact.F1, a.Source.Overlap.F1, a.Cue.Exact.F1, a.Cue.Overlap.F1,
			a.Content.Exact.F1, a.Content.Overlap.F1, a.Attribution.Overlap.F1)
	}
}

// writeCombinationsMarkdown writes the table comparing the ways of merging
// the rules and the labeller.
func writeCombinationsMarkdown(w io.Writer, cs []combinationFigures) {
	if len(cs) == 0 {
		return
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "## Combining the rules and the labeller")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Each `attrib.Combination` (docs/attribution.md), as the whole pipeline: PolNeAR dev")
	fmt.Fprintln(w, "(`eval attribution --extractor NAME`; overlap F1, and exact F1 for content) and the")
	fmt.Fprintln(w, "development ledgers (`eval ledger --extractor NAME`). The shipped one is marked.")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "| combination | source | cue | content | content exact | attribution | claim precision | status | origins | denials | chains | false corroboration |")
	fmt.Fprintln(w, "|---|---|---|---|---|---|---|---|---|---|---|---|")
	for _, c := range cs {
		name := c.Combination
		if c.Shipped {
			name += " (shipped)"
		}
		a, l := c.Attribution, c.Ledger
		fmt.Fprintf(w, "| %s | %.3f | %.3f | %.3f | %.3f | %.3f | %s | %s | %s | %s | %s | %d |\n", name,
			a.Source.Overlap.F1, a.Cue.Overlap.F1, a.Content.Overlap.F1, a.Content.Exact.F1, a.Attribution.Overlap.F1,
			ratio(l.ClaimPrecision), ratio(l.StatusAccuracy), ratio(l.OriginCountAccuracy), ratio(l.DenialAccuracy),
			ratio(l.ChainAccuracy), l.FalseCorroboration)
	}
}

// ratio prints a ledger ratio, or "-" when nothing was counted.
func ratio(v *float64) string {
	if v == nil {
		return "-"
	}
	return fmt.Sprintf("%.3f", *v)
}

type roleRow struct {
	name string
	s    attribRoleScore
}

func roleRows(x attribFigures) []roleRow {
	return []roleRow{{"source", x.Source}, {"cue", x.Cue}, {"content", x.Content}, {"attribution", x.Attribution}}
}

func writeLedgerMarkdown(w io.Writer, r *ledger.Report) {
	fmt.Fprint(w, generatedNote)
	fmt.Fprintln(w, "# Ledgers on ledger-dev")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "`claimtrail eval ledger --gold ../shared/data/ledger-dev/stories` on the ledgers")
	fmt.Fprintln(w, "`analyze --format json` builds with its defaults (rules and labeller, stance model).")
	fmt.Fprintln(w, "Counts are right/total; the rules are in docs/ledger.md. Every match and mismatch:")
	fmt.Fprintln(w, "`ledger-dev.json` (each story's `lines`) or `eval ledger --details`.")
	fmt.Fprintln(w)
	_ = r.WriteMarkdown(w)
}
