package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/claimtrail/claimtrail/parse"
	"github.com/claimtrail/claimtrail/parse/conllu"
	"github.com/jdkato/prose/v3/tag"
	"github.com/spf13/cobra"
)

func init() { evalCommands = append(evalCommands, newEvalParseCmd) }

// parseEvalOptions are the flags of `eval parse`.
type parseEvalOptions struct {
	gold, predictions, format, model, tagger string
	beam                                     int // 0: the model's own width
}

func newEvalParseCmd() *cobra.Command {
	var o parseEvalOptions
	cmd := &cobra.Command{
		Use:   "parse --conllu GOLD.conllu [--predictions OUT.conllu] [--format text|json] [--model FILE] [--beam N]",
		Short: "Score the dependency parser on a CoNLL-U treebank",
		Long: `Tag and parse every sentence of a CoNLL-U treebank with its own words and
sentence boundaries (words from FORM), and score the result against the file:
UAS (right head), LAS (right head and universal relation, the part before
":") and UPOS accuracy, over all words including punctuation. The speed is
sentences tagged and parsed per second, reading and scoring aside.

--predictions writes the parsed treebank: the same sentences, comments,
multi-word token lines and empty nodes, with UPOS, XPOS, HEAD and DEPREL
predicted (LEMMA, FEATS and DEPS left empty), for the CoNLL 2018 evaluation
script.

--tagger prose takes the Penn Treebank tags from prose's tagger (the one
analysis used before the parser had its own) instead of the parser's own
tagger, each word getting the parser's best UPOS for that tag: it measures
what the parser would score on prose's tags. See docs/syntax.md.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if o.gold == "" {
				return fmt.Errorf("eval parse: --conllu FILE is required")
			}
			if o.tagger != "own" && o.tagger != "prose" {
				return fmt.Errorf("eval parse: --tagger %q: want own or prose", o.tagger)
			}
			if o.format != "text" && o.format != "json" {
				return fmt.Errorf("eval parse: --format %q: want text or json", o.format)
			}
			return runEvalParse(cmd, o)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.gold, "conllu", "", "gold CoNLL-U file")
	f.StringVar(&o.predictions, "predictions", "", "write the predicted trees to this CoNLL-U file")
	f.StringVar(&o.format, "format", "text", "output format: text or json")
	f.StringVar(&o.model, "model", "", "score this model file instead of the embedded one")
	f.IntVar(&o.beam, "beam", 0, "parser beam width (0: the width the model was trained with; 1: greedy)")
	f.StringVar(&o.tagger, "tagger", "own", "part-of-speech tags from the parser's own tagger (own) or prose's (prose)")
	return cmd
}

// parseModel returns the model in path, or the embedded one.
func parseModel(path string) (*parse.Model, error) {
	if path == "" {
		return parse.Default()
	}
	return parse.Load(path)
}

// parseReport is the JSON output of `eval parse`.
type parseReport struct {
	Words     int     `json:"words"`
	UAS       float64 `json:"uas"`
	LAS       float64 `json:"las"`
	UPOS      float64 `json:"upos"`
	XPOS      float64 `json:"xpos"`
	PerSecond float64 `json:"sentences_per_second"`
}

func runEvalParse(cmd *cobra.Command, o parseEvalOptions) error {
	ctx := cmd.Context()
	m, err := parseModel(o.model)
	if err != nil {
		return fmt.Errorf("eval parse: %w", err)
	}
	gold, err := conllu.ReadFile(ctx, o.gold)
	if err != nil {
		return fmt.Errorf("eval parse: %w", err)
	}
	var out io.Writer
	if o.predictions != "" {
		f, err := os.Create(o.predictions)
		if err != nil {
			return fmt.Errorf("eval parse: %w", err)
		}
		defer f.Close()
		bw := bufio.NewWriter(f)
		defer bw.Flush()
		out = bw
	}
	var tagger xposTagger
	if o.tagger == "prose" {
		if tagger, err = proseXPOS(); err != nil {
			return fmt.Errorf("eval parse: %w", err)
		}
	}
	r, err := scoreParser(ctx, m, gold, out, tagger, o.beam)
	if err != nil {
		return fmt.Errorf("eval parse: %w", err)
	}
	w := cmd.OutOrStdout()
	if o.format == "json" {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(r)
	}
	fmt.Fprintf(w, "%s: %d sentences, %d words\n", o.gold, len(gold), r.Words)
	fmt.Fprintf(w, "UAS   %.4f\nLAS   %.4f\nUPOS  %.4f\nXPOS  %.4f\nspeed %.0f sentences/s (tagging and parsing, one goroutine)\n",
		r.UAS, r.LAS, r.UPOS, r.XPOS, r.PerSecond)
	return nil
}

// xposTagger gives Penn Treebank tags to a sentence's words.
type xposTagger func(words []string) []string

// proseXPOS returns prose's tagger.
func proseXPOS() (xposTagger, error) {
	t, err := tag.New()
	if err != nil {
		return nil, err
	}
	return func(words []string) []string {
		toks := make([]tag.Token, len(words))
		for i, w := range words {
			toks[i].Text = w
		}
		t.TagTokens(toks)
		out := make([]string, len(words))
		for i := range toks {
			out[i] = toks[i].Tag
		}
		return out
	}, nil
}

// scoreParser parses every gold sentence with its own words (and, when
// tagger is set, its tags), scores the trees and, when out is set, writes
// them in CoNLL-U.
func scoreParser(ctx context.Context, m *parse.Model, gold []*conllu.Sentence, out io.Writer, tagger xposTagger, beam int) (parseReport, error) {
	p := m.NewParser()
	if beam > 0 {
		p.SetBeam(beam)
	}
	var (
		sc        conllu.Score
		res       parse.Result
		took      time.Duration
		xposRight int
	)
	for i, g := range gold {
		if i%256 == 0 {
			if err := ctx.Err(); err != nil {
				return parseReport{}, err
			}
		}
		words := g.Forms()
		began := time.Now()
		if tagger != nil {
			p.ParseWithXPOS(words, tagger(words), &res)
		} else {
			p.Parse(words, &res)
		}
		took += time.Since(began)
		pred := predicted(g, &res)
		if err := sc.Add(g, pred); err != nil {
			return parseReport{}, err
		}
		for i := range g.Words {
			if g.Words[i].XPOS == pred.Words[i].XPOS {
				xposRight++
			}
		}
		if out != nil {
			if err := conllu.Write(out, pred); err != nil {
				return parseReport{}, err
			}
		}
	}
	r := parseReport{Words: sc.Words, UAS: sc.UAS(), LAS: sc.LAS(), UPOS: sc.UPOSAccuracy()}
	if sc.Words > 0 {
		r.XPOS = float64(xposRight) / float64(sc.Words)
	}
	if took > 0 {
		r.PerSecond = float64(len(gold)) / took.Seconds()
	}
	return r, nil
}

// predicted returns a copy of gold with the parser's tags and tree.
func predicted(gold *conllu.Sentence, r *parse.Result) *conllu.Sentence {
	pred := *gold
	pred.Words = make([]conllu.Word, len(gold.Words))
	for i, w := range gold.Words {
		w.Lemma, w.Feats, w.Deps = "_", "_", "_"
		w.UPOS, w.XPOS = r.UPOS[i], r.XPOS[i]
		w.Head = r.Head[i] + 1
		w.Rel = r.Rel[i]
		pred.Words[i] = w
	}
	return &pred
}
