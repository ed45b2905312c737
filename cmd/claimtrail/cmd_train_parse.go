package main

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/load"
	"github.com/claimtrail/claimtrail/nlp"

	"github.com/claimtrail/claimtrail/parse"
	"github.com/claimtrail/claimtrail/parse/conllu"
	"github.com/spf13/cobra"
)

func init() { trainCommands = append(trainCommands, newTrainParseCmd) }

func newTrainParseCmd() *cobra.Command {
	var (
		train, dev, out string
		text            []string
		opt             parse.TrainOptions
	)
	cmd := &cobra.Command{
		Use:   "parse --conllu TRAIN.conllu [--dev DEV.conllu] [--out FILE] [--seed N]",
		Short: "Train the tagger and dependency parser on a CoNLL-U treebank",
		Long: `Train the part-of-speech tagger and the dependency parser on a CoNLL-U
treebank. The tagger is trained on all of it and, fold by fold, on the rest
of it to tag each fold, so that the parser learns from predicted tags; the
parser is trained with a dynamic oracle. With --dev, the model after each
parser epoch is scored on DEV (which is never trained on).

--text adds unlabelled text (folders or files of articles, as analyze reads
them, or a CSV file with an articleBody column such as FNC-1's bodies): word
clusters are learned from it and the treebank's words, and the tagger and
the parser read each word's cluster, which helps on words the treebank
lacks.

The same data, seed and options give the same model file, byte for byte.
The embedded model (parse/model/en_ewt.model) is rebuilt with:

  claimtrail train parse --conllu ../shared/data/ud/en_ewt/en_ewt-ud-train.conllu \
      --text ../shared/data/fnc1/train_bodies.csv --text ../shared/data/polnear/train/text \
      --seed 1 --out parse/model/en_ewt.model`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if train == "" {
				return fmt.Errorf("train parse: --conllu FILE is required")
			}
			return runTrainParse(cmd, train, dev, out, text, opt)
		},
	}
	f := cmd.Flags()
	f.StringVar(&train, "conllu", "", "training treebank (CoNLL-U)")
	f.StringVar(&dev, "dev", "", "score each epoch's model on this treebank")
	f.StringVar(&out, "out", "parse.model", "file to write the trained model to")
	f.Uint64Var(&opt.Seed, "seed", 1, "seed of shuffling and exploration")
	f.IntVar(&opt.Epochs, "epochs", 15, "parser epochs")
	f.IntVar(&opt.TaggerEpochs, "tagger-epochs", 8, "tagger epochs")
	f.IntVar(&opt.Folds, "folds", 10, "jackknife folds for the parser's training tags (1: gold tags)")
	f.StringArrayVar(&text, "text", nil, "unlabelled text to learn word clusters from (repeatable)")
	f.IntVar(&opt.Clusters, "clusters", 256, "number of word clusters")
	f.Float64Var(&opt.Explore, "explore", 0.9, "chance of following a wrong prediction after the first epoch")
	f.IntVar(&opt.BeamAfter, "beam-after", 0, "greedy epochs before the beam's (with --beam)")
	f.IntVar(&opt.Beam, "beam", 1, "parser beam width (1: greedy, dynamic oracle; more: global training with max-violation updates)")
	return cmd
}

func runTrainParse(cmd *cobra.Command, train, dev, out string, text []string, opt parse.TrainOptions) error {
	ctx := cmd.Context()
	stderr, w := cmd.ErrOrStderr(), cmd.OutOrStdout()
	began := time.Now()
	sents, err := conllu.ReadFile(ctx, train)
	if err != nil {
		return fmt.Errorf("train parse: %w", err)
	}
	if len(text) > 0 {
		if opt.Text, err = unlabelledSentences(ctx, text); err != nil {
			return fmt.Errorf("train parse: %w", err)
		}
	}
	if dev != "" {
		devSents, err := conllu.ReadFile(ctx, dev)
		if err != nil {
			return fmt.Errorf("train parse: %w", err)
		}
		opt.Epoch = func(epoch int, m *parse.Model) {
			r, err := scoreParser(ctx, m, devSents, nil, nil, 0)
			if err != nil {
				return
			}
			fmt.Fprintf(w, "epoch %2d  dev UAS %.4f  LAS %.4f  UPOS %.4f  (%s)\n",
				epoch, r.UAS, r.LAS, r.UPOS, time.Since(began).Round(time.Second))
		}
	}
	opt.Progress = stageProgress(stderr)
	m, err := parse.Train(ctx, sents, opt)
	if err != nil {
		return fmt.Errorf("train parse: %w", err)
	}
	if err := m.Save(out); err != nil {
		return fmt.Errorf("train parse: %w", err)
	}
	st, err := os.Stat(out)
	if err != nil {
		return err
	}
	info := m.Info()
	fmt.Fprintf(w, "wrote %s (%d bytes): %d sentences, %d words, seed %d, %d parser and %d tagger epochs, %d folds, %d clusters from %d words of text, %s with GOMAXPROCS=%d\n",
		out, st.Size(), info.Sentences, info.Words, info.Seed, info.Epochs, info.TaggerEpochs, info.Folds,
		info.Clusters, info.TextWords, time.Since(began).Round(time.Second), runtime.GOMAXPROCS(0))
	return nil
}

// unlabelledSentences reads articles (or CSV articleBody columns) and splits
// them into sentences of words as analysis does.
func unlabelledSentences(ctx context.Context, paths []string) ([][]string, error) {
	var arts []claimtrail.Article
	var others []string
	for _, p := range paths {
		if !strings.HasSuffix(strings.ToLower(p), ".csv") {
			others = append(others, p)
			continue
		}
		more, err := csvBodies(p)
		if err != nil {
			return nil, err
		}
		arts = append(arts, more...)
	}
	if len(others) > 0 {
		more, errs := load.Paths(ctx, others, load.Options{})
		if len(errs) > 0 {
			return nil, errs[0]
		}
		arts = append(arts, more...)
	}
	a, err := nlp.NewAnalyzer(nlp.TagOnly(func([]nlp.Token) bool { return false }))
	if err != nil {
		return nil, err
	}
	var out [][]string
	for i := range arts {
		doc, err := a.Analyze(ctx, &arts[i])
		if err != nil {
			return nil, err
		}
		for si := range doc.Sentences {
			toks := doc.SentenceTokens(si)
			words := make([]string, len(toks))
			for j, t := range toks {
				words[j] = t.Text
			}
			out = append(out, words)
		}
	}
	return out, nil
}

// csvBodies reads the articleBody column of a CSV file.
func csvBodies(path string) ([]claimtrail.Article, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := csv.NewReader(f)
	head, err := r.Read()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	col := slices.Index(head, "articleBody")
	if col < 0 {
		return nil, fmt.Errorf("%s: no articleBody column", path)
	}
	var arts []claimtrail.Article
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return arts, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		arts = append(arts, claimtrail.Article{ID: path + ":" + strconv.Itoa(len(arts)+1), Text: rec[col]})
	}
}
