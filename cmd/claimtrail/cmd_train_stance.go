package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"time"

	"github.com/claimtrail/claimtrail/eval/fnc1"
	"github.com/claimtrail/claimtrail/stance"
	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"
	"golang.org/x/term"
)

func init() { trainCommands = append(trainCommands, newTrainStanceCmd) }

func newTrainStanceCmd() *cobra.Command {
	var (
		dir, out string
		opt      stance.TrainOptions
	)
	cmd := &cobra.Command{
		Use:   "stance --fnc1 DIR [--out FILE] [--seed N] [--holdout 0.2]",
		Short: "Train the stance model on the FNC-1 training set",
		Long: `Train the stance model (agree / disagree / discuss / unrelated) on the FNC-1
training set: DIR holds train_bodies.csv and train_stances.csv. A share of the
bodies (--holdout, drawn with --seed) is held out of training and the model is
scored on their pairs at the end; the split is stored in the model so that
"claimtrail eval fnc1 --holdout-only" scores the same pairs.

The embedded model (stance/model/fnc1.model) is rebuilt with:

  GOMAXPROCS=1 claimtrail train stance --fnc1 ../shared/data/fnc1 \
      --seed 1 --holdout 0.2 --out stance/model/fnc1.model`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if dir == "" {
				return fmt.Errorf("train stance: --fnc1 DIR is required")
			}
			return runTrainStance(cmd, dir, out, opt)
		},
	}
	f := cmd.Flags()
	f.StringVar(&dir, "fnc1", "", "folder with the FNC-1 train_bodies.csv and train_stances.csv")
	f.StringVar(&out, "out", "stance.model", "file to write the trained model to")
	f.Uint64Var(&opt.Seed, "seed", 1, "seed of the hold-out split and of boosting")
	f.Float64Var(&opt.Holdout, "holdout", 0.2, "share of bodies held out of training (0 trains on all)")
	f.IntVar(&opt.Rounds, "rounds", 400, "boosting rounds of the agree/disagree/discuss stage")
	f.IntVar(&opt.Depth, "depth", 4, "tree depth of the agree/disagree/discuss stage")
	f.IntVar(&opt.RelatedRounds, "related-rounds", 150, "boosting rounds of the related/unrelated stage")
	f.IntVar(&opt.RelatedDepth, "related-depth", 6, "tree depth of the related/unrelated stage")
	f.Float64Var(&opt.DisagreeBias, "disagree-bias", 1.25, "scale of the disagree probability before the label is picked")
	return cmd
}

func runTrainStance(cmd *cobra.Command, dir, out string, opt stance.TrainOptions) error {
	ctx := cmd.Context()
	stderr := cmd.ErrOrStderr()
	began := time.Now()
	data, err := fnc1.Open(ctx, filepath.Join(dir, "train_bodies.csv"), filepath.Join(dir, "train_stances.csv"))
	if err != nil {
		return fmt.Errorf("train stance: %w", err)
	}
	if !data.Labelled() {
		return fmt.Errorf("train stance: %s has no Stance column", filepath.Join(dir, "train_stances.csv"))
	}
	pairs := stancePairs(data)
	opt.Progress = stageProgress(stderr)
	m, err := stance.Train(ctx, data.Bodies, pairs, opt)
	if err != nil {
		return err
	}
	if err := m.Save(out); err != nil {
		return err
	}
	took := time.Since(began)
	info := m.Info()
	w := cmd.OutOrStdout()
	st, _ := os.Stat(out)
	fmt.Fprintf(w, "wrote %s (%d bytes): %d pairs from %d bodies, seed %d, hold-out %.2f, %s with GOMAXPROCS=%d\n",
		out, st.Size(), info.TrainPairs, info.TrainBodies, info.Seed, info.Holdout, took.Round(time.Second), runtime.GOMAXPROCS(0))
	if opt.Holdout == 0 {
		return nil
	}
	var held []stance.Pair
	for _, p := range pairs {
		if m.HeldOut(p.BodyID) {
			held = append(held, p)
		}
	}
	preds, err := m.PredictPairs(ctx, data.Bodies, held)
	if err != nil {
		return err
	}
	var c fnc1.Confusion
	for i, p := range held {
		c.Add(int(p.Label), int(preds[i].Label))
	}
	fmt.Fprintf(w, "\nheld-out bodies' pairs (never trained on):\n")
	mt := c.Metrics()
	return mt.WriteText(w)
}

// stancePairs converts labelled FNC-1 rows to training pairs.
func stancePairs(d *fnc1.Data) []stance.Pair {
	pairs := make([]stance.Pair, len(d.Pairs))
	for i, p := range d.Pairs {
		pairs[i] = stance.Pair{Claim: p.Headline, BodyID: p.BodyID}
		if p.Stance != "" {
			l, _ := stance.ParseLabel(p.Stance) // fnc1 validated the names
			pairs[i].Label = l
		}
	}
	return pairs
}

// stageProgress returns a progress callback for training that draws one
// bar per stage ("folds", "trees", "epochs") on w, finished when the stage
// is done; see stanceProgressBar.
func stageProgress(w io.Writer) func(stage string, done, total int) {
	bars := map[string]*progressbar.ProgressBar{}
	return func(stage string, done, total int) {
		bar := bars[stage]
		if bar == nil {
			bar = stanceProgressBar(w, total, stage)
			bars[stage] = bar
		}
		_ = bar.Set(done)
		if done == total {
			_ = bar.Finish()
		}
	}
}

// stanceProgressBar returns a progress bar on w that stays quiet unless w
// is a terminal.
func stanceProgressBar(w io.Writer, total int, what string) *progressbar.ProgressBar {
	visible := false
	if f, ok := w.(*os.File); ok {
		visible = term.IsTerminal(int(f.Fd()))
	}
	if !visible {
		w = io.Discard
	}
	return progressbar.NewOptions(total,
		progressbar.OptionSetWriter(w),
		progressbar.OptionSetDescription(what),
		progressbar.OptionShowCount(),
		progressbar.OptionSetWidth(30),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionOnCompletion(func() { fmt.Fprintln(w) }),
	)
}
