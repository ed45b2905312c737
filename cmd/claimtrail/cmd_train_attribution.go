package main

import (
	"fmt"
	"io"
	"os"
	"runtime"
	"time"

	"github.com/claimtrail/claimtrail/attrib/seq"
	"github.com/claimtrail/claimtrail/eval/polnear"
	"github.com/claimtrail/claimtrail/nlp"
	"github.com/claimtrail/claimtrail/train/seqtrain"
	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"
	"golang.org/x/term"
)

func init() { trainCommands = append(trainCommands, newTrainAttributionCmd) }

func newTrainAttributionCmd() *cobra.Command {
	var (
		trainDir, devDir, out string
		opt                   seq.TrainOptions
	)
	cmd := &cobra.Command{
		Use:   "attribution --polnear TRAIN_DIR [--dev DEV_DIR] [--out FILE] [--seed N]",
		Short: "Train the attribution sequence labeller on PolNeAR",
		Long: `Train the attribution sequence labeller (source, cue and content spans) on a
PolNeAR split: a directory holding text/ and attributions/, for example
../shared/data/polnear/train. With --dev, the averaged weights are scored on
that split after every epoch and the best epoch is kept.

The embedded model is rebuilt with:

  claimtrail train attribution --polnear ../shared/data/polnear/train \
      --dev ../shared/data/polnear/dev --out attrib/seq/model.bin`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if trainDir == "" {
				return fmt.Errorf("train attribution: --polnear TRAIN_DIR is required")
			}
			return runTrainAttribution(cmd, trainDir, devDir, out, opt)
		},
	}
	f := cmd.Flags()
	f.StringVar(&trainDir, "polnear", "", "PolNeAR training split (with text/ and attributions/)")
	f.StringVar(&devDir, "dev", "", "PolNeAR split to pick the best epoch on")
	f.StringVar(&out, "out", "attribution.model", "file to write the trained model to")
	f.Uint64Var(&opt.Seed, "seed", 1, "seed for shuffling the training data")
	f.IntVar(&opt.Epochs, "epochs", 8, "second-pass epochs over the training data")
	f.IntVar(&opt.FirstEpochs, "first-epochs", 5, "first-pass epochs over the training data")
	f.IntVar(&opt.Folds, "folds", 4, "folds the first pass is jackknifed over")
	f.Uint8Var(&opt.Bits, "bits", 20, "the feature table has 2^bits rows (20 reproduces the shipped model)")
	f.IntVar(&opt.Prune, "prune", 40, "zero quantised weights below this many steps")
	return cmd
}

func runTrainAttribution(cmd *cobra.Command, trainDir, devDir, out string, opt seq.TrainOptions) error {
	ctx := cmd.Context()
	stderr := cmd.ErrOrStderr()
	began := time.Now()
	an, err := nlp.NewAnalyzer()
	if err != nil {
		return err
	}
	load := func(dir string) ([]seqtrain.Sample, error) {
		arts, err := polnear.ReadSplit(ctx, dir)
		if err != nil {
			return nil, err
		}
		bar := attribProgressBar(stderr, len(arts), "analyse "+dir)
		samples, err := seqtrain.Samples(ctx, an, arts, func() { _ = bar.Add(1) })
		_ = bar.Finish()
		return samples, err
	}
	train, err := load(trainDir)
	if err != nil {
		return err
	}
	var dev []seqtrain.Sample
	if devDir != "" {
		if dev, err = load(devDir); err != nil {
			return err
		}
	}
	var bar *progressbar.ProgressBar
	opt.Progress = func(done, total int) {
		if bar == nil {
			bar = attribProgressBar(stderr, total, "train")
		}
		_ = bar.Set(done)
	}
	m, reports, err := seqtrain.Train(ctx, train, dev, opt)
	if bar != nil {
		_ = bar.Finish()
	}
	if err != nil {
		return err
	}
	for _, r := range reports {
		label := fmt.Sprintf("epoch %2d", r.Epoch)
		if r.Epoch == 0 {
			label = "tuned   " // best epoch with per-role offsets tuned on dev
		}
		fmt.Fprintf(stderr, "%s  dev overlap F1 source %.3f cue %.3f content %.3f  exact content %.3f\n",
			label, r.Dev.Roles[polnear.Source].Overlap.PRF().F1, r.Dev.Roles[polnear.Cue].Overlap.PRF().F1,
			r.Dev.Roles[polnear.Content].Overlap.PRF().F1, r.Dev.Roles[polnear.Content].Exact.PRF().F1)
	}
	data, err := m.Marshal()
	if err != nil {
		return fmt.Errorf("encode model: %w", err)
	}
	if err := os.WriteFile(out, data, 0o644); err != nil {
		return fmt.Errorf("write model: %w", err)
	}
	_, err = fmt.Fprintf(cmd.OutOrStdout(), "wrote %s (%d bytes, %d documents, %s, GOMAXPROCS=%d)\n",
		out, len(data), len(train), time.Since(began).Round(time.Second), runtime.GOMAXPROCS(0))
	return err
}

// attribProgressBar returns a progress bar on w that stays quiet unless w
// is a terminal.
func attribProgressBar(w io.Writer, total int, what string) *progressbar.ProgressBar {
	visible := false
	if f, ok := w.(*os.File); ok {
		visible = term.IsTerminal(int(f.Fd()))
	}
	return progressbar.NewOptions(total,
		progressbar.OptionSetWriter(w),
		progressbar.OptionSetVisibility(visible),
		progressbar.OptionSetDescription(what),
		progressbar.OptionShowCount(),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionClearOnFinish(),
		progressbar.OptionThrottle(100*time.Millisecond),
	)
}
