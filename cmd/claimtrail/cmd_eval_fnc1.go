package main

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"time"

	"github.com/claimtrail/claimtrail/eval/fnc1"
	"github.com/claimtrail/claimtrail/stance"
	"github.com/spf13/cobra"
)

func init() { evalCommands = append(evalCommands, newEvalFNC1Cmd) }

type evalFNC1Options struct {
	bodies, stances, model, format, predictions string
	holdoutOnly                                 bool
}

func newEvalFNC1Cmd() *cobra.Command {
	var o evalFNC1Options
	cmd := &cobra.Command{
		Use:   "fnc1 --bodies FILE --stances FILE [--model FILE] [--format text|json] [--predictions FILE] [--holdout-only]",
		Short: "Score the stance model on an FNC-1 pair of CSV files",
		Long: `Judge every headline/body pair of an FNC-1-format data set with the stance
model and print the official FNC score, the relative score (score / score of
the gold labels), accuracy, per-class precision, recall and F1, macro-F1, the
confusion matrix and the pairs judged per second (CSV reading and feature
extraction included).

--predictions writes the predicted labels as an FNC-1 CSV (Headline,Body
ID,Stance) in the order of the input rows (with --holdout-only, of the rows
kept), for the official scorer.
--holdout-only keeps only the pairs whose bodies the model was not trained on
(the model's stored hold-out split; use it with the FNC-1 training files).
An unlabelled stances file (no Stance column) gives predictions and speed only.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if o.bodies == "" || o.stances == "" {
				return fmt.Errorf("eval fnc1: --bodies FILE and --stances FILE are required")
			}
			if o.format != "text" && o.format != "json" {
				return fmt.Errorf("eval fnc1: unknown --format %q (want text or json)", o.format)
			}
			return runEvalFNC1(cmd, o)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.bodies, "bodies", "", "FNC-1 bodies CSV (Body ID,articleBody)")
	f.StringVar(&o.stances, "stances", "", "FNC-1 stances CSV (Headline,Body ID[,Stance])")
	f.StringVar(&o.model, "model", "", "stance model file (default: the embedded model)")
	f.StringVar(&o.format, "format", "text", "output format: text or json")
	f.StringVar(&o.predictions, "predictions", "", "write predicted labels to this CSV")
	f.BoolVar(&o.holdoutOnly, "holdout-only", false, "score only pairs whose bodies the model held out")
	return cmd
}

// evalFNC1Report is the JSON output of eval fnc1.
type evalFNC1Report struct {
	*fnc1.Metrics
	Labels         [4]string `json:"labels"` // order of the confusion rows and columns
	Pairs          int       `json:"pairs"`
	Seconds        float64   `json:"seconds"`
	PairsPerSecond float64   `json:"pairs_per_second"`
	Model          string    `json:"model"`
	HoldoutOnly    bool      `json:"holdout_only"`
}

func loadStanceModel(path string) (*stance.Model, error) {
	if path == "" {
		return stance.Default()
	}
	return stance.Load(path)
}

func runEvalFNC1(cmd *cobra.Command, o evalFNC1Options) error {
	ctx := cmd.Context()
	m, err := loadStanceModel(o.model)
	if err != nil {
		return err
	}
	began := time.Now()
	data, err := fnc1.Open(ctx, o.bodies, o.stances)
	if err != nil {
		return fmt.Errorf("eval fnc1: %w", err)
	}
	rows := data.Pairs
	if o.holdoutOnly {
		if m.Info().Holdout == 0 {
			return fmt.Errorf("eval fnc1: --holdout-only: the model was trained on every body (no hold-out split)")
		}
		rows = rows[:0:0]
		for _, p := range data.Pairs {
			if m.HeldOut(p.BodyID) {
				rows = append(rows, p)
			}
		}
	}
	pairs := stancePairs(&fnc1.Data{Pairs: rows})
	preds, err := m.PredictPairs(ctx, data.Bodies, pairs)
	if err != nil {
		return fmt.Errorf("eval fnc1: %w", err)
	}
	secs := time.Since(began).Seconds()
	if o.predictions != "" {
		if err := writePredictions(o.predictions, rows, preds); err != nil {
			return err
		}
	}
	labelled := (&fnc1.Data{Pairs: rows}).Labelled()
	rep := evalFNC1Report{Labels: fnc1.Labels, Pairs: len(rows), Seconds: secs,
		PairsPerSecond: float64(len(rows)) / secs, Model: o.model, HoldoutOnly: o.holdoutOnly}
	if rep.Model == "" {
		rep.Model = "embedded"
	}
	if labelled {
		var c fnc1.Confusion
		for i, p := range rows {
			g, _ := fnc1.LabelIndex(p.Stance)
			c.Add(g, int(preds[i].Label))
		}
		mt := c.Metrics()
		rep.Metrics = &mt
	}
	w := cmd.OutOrStdout()
	if o.format == "json" {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(rep)
	}
	if rep.Metrics != nil {
		if err := rep.Metrics.WriteText(w); err != nil {
			return err
		}
	} else {
		fmt.Fprintf(w, "pairs         %d (unlabelled: no scores)\n", rep.Pairs)
	}
	_, err = fmt.Fprintf(w, "\n%.0f pairs/s (%d pairs in %.2f s, CSV reading included)\n", rep.PairsPerSecond, rep.Pairs, rep.Seconds)
	return err
}

// writePredictions writes Headline,Body ID,Stance rows in input order.
func writePredictions(path string, rows []fnc1.Pair, preds []stance.Prediction) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("write predictions: %w", err)
	}
	bw := bufio.NewWriter(f)
	cw := csv.NewWriter(bw)
	_ = cw.Write([]string{"Headline", "Body ID", "Stance"})
	for i, p := range rows {
		_ = cw.Write([]string{p.Headline, strconv.Itoa(p.BodyID), preds[i].Label.String()})
	}
	cw.Flush()
	err = cw.Error()
	if err == nil {
		err = bw.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("write predictions %s: %w", path, err)
	}
	return nil
}
