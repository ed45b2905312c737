package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/claimtrail/claimtrail/attrib"
	"github.com/claimtrail/claimtrail/eval/ledger"
	"github.com/claimtrail/claimtrail/load"
	"github.com/claimtrail/claimtrail/pipeline"
	"github.com/claimtrail/claimtrail/render"
	"github.com/spf13/cobra"
)

func init() { evalCommands = append(evalCommands, newEvalLedgerCmd) }

// ledgerEvalOptions are the flags of `eval ledger`.
type ledgerEvalOptions struct {
	gold      string
	format    string
	details   bool
	ledgers   string
	save      string
	extractor string
}

func newEvalLedgerCmd() *cobra.Command {
	var o ledgerEvalOptions
	cmd := &cobra.Command{
		Use:   "ledger --gold STORIES_DIR [--format text|json] [--details] [--ledgers DIR]",
		Short: "Score claimtrail's ledgers against gold ledgers of stories",
		Long: `Score the ledgers claimtrail builds against hand-written gold ledgers.

STORIES_DIR holds one folder per story (NN-slug/) with its articles and a gold.json
in the ledger-gold/v1 format, as ../shared/data/ledger-dev/stories does. Every folder
with a gold.json is analysed exactly as 'claimtrail analyze --format json DIR' would,
and its ledger scored: claim recall and precision, status, independent origins, flags,
deniers, per-article stances, relay chains, false merges, false corroboration and
off-story articles (docs/ledger.md). The rules and figures are those of the reference
scorer shipped with the data set (score.py).

Text output is one row per story and a TOTAL row, then a SUMMARY line in JSON;
--details adds, under each story, every match and mismatch. --format json prints the
summary and every story's counts and lines.

--ledgers DIR scores the ledger files DIR/NN-slug.json instead of analysing the
stories; --save-ledgers DIR keeps the ledgers it builds there, in that layout.
A malformed gold.json is reported and its story left out; the others still score.`,
		Example: `  claimtrail eval ledger --gold ../shared/data/ledger-dev/stories
  claimtrail eval ledger --gold ../shared/data/ledger-dev/stories --details
  claimtrail eval ledger --gold STORIES --ledgers OUT --format json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			switch {
			case o.gold == "":
				return fmt.Errorf("eval ledger: --gold STORIES_DIR is required")
			case o.format != "text" && o.format != "json":
				return fmt.Errorf("eval ledger: --format %q: want text or json", o.format)
			case !ledgerExtractor(o.extractor):
				return fmt.Errorf("eval ledger: --extractor %q: want combined, rules or a combination (%s)", o.extractor, combinationList())
			case o.ledgers != "" && o.save != "":
				return fmt.Errorf("eval ledger: --ledgers and --save-ledgers exclude each other")
			}
			return runEvalLedger(cmd, o)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.gold, "gold", "", "folder of story folders, each with a gold.json")
	f.StringVar(&o.format, "format", "text", "output format: text or json")
	f.BoolVar(&o.details, "details", false, "print every match and mismatch under its story")
	f.StringVar(&o.ledgers, "ledgers", "", "score the ledgers DIR/NN-slug.json instead of analysing the stories")
	f.StringVar(&o.save, "save-ledgers", "", "write the ledgers built to DIR/NN-slug.json")
	f.StringVar(&o.extractor, "extractor", "combined", "attribution, as analyze's --extractor: combined or rules; or combined merging by another combination (unexplained, rules-first, labeller-first, labeller-spans, labeller-cues, phrases; docs/attribution.md)")
	return cmd
}

func runEvalLedger(cmd *cobra.Command, o ledgerEvalOptions) error {
	ctx := cmd.Context()
	stderr := cmd.ErrOrStderr()
	var src ledger.Source
	if o.ledgers != "" {
		src = ledger.Files(o.ledgers)
	} else {
		p, err := analyzePipeline(stderr, o.extractor)
		if err != nil {
			return err
		}
		src = analyzedLedgers(p, o.save, stderr)
	}
	rep, err := ledger.Run(ctx, o.gold, src)
	if err != nil {
		return fmt.Errorf("eval ledger: %w", err)
	}
	for _, e := range rep.Errors {
		fmt.Fprintln(stderr, "claimtrail: story skipped:", e)
	}
	if err := writeLedgerReport(cmd.OutOrStdout(), rep, o.format, o.details); err != nil {
		return err
	}
	if len(rep.Errors) > 0 {
		return errReported
	}
	return nil
}

// analyzedLedgers returns a ledger.Source that builds each story's ledger
// as `analyze --format json DIR` does, with p, and reads back its JSON; with
// save set, it keeps each JSON ledger there as NAME.json.
func analyzedLedgers(p *pipeline.Pipeline, save string, stderr io.Writer) ledger.Source {
	return func(ctx context.Context, name, dir string) (*ledger.Ledger, error) {
		data, err := analyzeJSON(ctx, p, dir, stderr)
		if err != nil {
			if ctx.Err() == nil {
				fmt.Fprintf(stderr, "claimtrail: %s: %v\n", name, err)
			}
			return nil, err
		}
		if save != "" {
			if err := os.MkdirAll(save, 0o755); err != nil {
				return nil, fmt.Errorf("save ledgers: %w", err)
			}
			if err := os.WriteFile(filepath.Join(save, name+".json"), data, 0o644); err != nil {
				return nil, fmt.Errorf("save ledgers: %w", err)
			}
		}
		return ledger.ParseLedger(data)
	}
}

// analyzeJSON returns the JSON ledger `analyze --format json dir` prints:
// the same loading, pipeline and rendering.
func analyzeJSON(ctx context.Context, p *pipeline.Pipeline, dir string, stderr io.Writer) ([]byte, error) {
	articles, _, err := loadArticles(ctx, []string{dir}, load.Options{}, stderr)
	if err != nil {
		return nil, err
	}
	l, err := p.Ledger(ctx, articles)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := render.JSON(&buf, l); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func writeLedgerReport(w io.Writer, rep *ledger.Report, format string, details bool) error {
	if format == "json" {
		enc := json.NewEncoder(w)
		enc.SetIndent("", " ")
		return enc.Encode(rep)
	}
	if err := rep.WriteTable(w, details); err != nil {
		return err
	}
	sum, err := json.Marshal(rep.Summary)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "SUMMARY %s\n", sum)
	return err
}

// ledgerExtractor reports whether eval ledger accepts an --extractor: those
// of analyze, or combined merging by a named attrib.Combination.
func ledgerExtractor(name string) bool {
	_, ok := attrib.ParseCombination(name)
	return ok || name == "combined" || name == "rules"
}
