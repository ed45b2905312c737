package main

import (
	"encoding/json"
	"fmt"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/eval/sentences"
	"github.com/claimtrail/claimtrail/nlp"
	"github.com/claimtrail/claimtrail/parse/conllu"
	"github.com/spf13/cobra"
)

func init() { evalCommands = append(evalCommands, newEvalSentencesCmd) }

// sentencesReport is the JSON output of `eval sentences`.
type sentencesReport struct {
	Paragraphs int     `json:"paragraphs"`
	Gold       int     `json:"gold_boundaries"`
	Found      int     `json:"found_boundaries"`
	Right      int     `json:"right_boundaries"`
	Precision  float64 `json:"precision"`
	Recall     float64 `json:"recall"`
	F1         float64 `json:"f1"`
}

func newEvalSentencesCmd() *cobra.Command {
	var gold, format string
	var misses int
	cmd := &cobra.Command{
		Use:   "sentences --conllu GOLD.conllu [--format text|json] [--misses N]",
		Short: "Score the sentence splitter on a CoNLL-U treebank's sentence boundaries",
		Long: `Rebuild each paragraph of a CoNLL-U treebank from its sentences' "# text ="
comments (sentences joined by one space; "# newpar" and "# newdoc" start a
paragraph), split it with the analyzer's sentence splitter, and score the
boundaries inside paragraphs: precision, recall and F1. --misses N prints N
gold boundaries the splitter did not find, with their context.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if gold == "" {
				return fmt.Errorf("eval sentences: --conllu FILE is required")
			}
			if format != "text" && format != "json" {
				return fmt.Errorf("eval sentences: --format %q: want text or json", format)
			}
			sents, err := conllu.ReadFile(cmd.Context(), gold)
			if err != nil {
				return fmt.Errorf("eval sentences: %w", err)
			}
			an, err := nlp.NewAnalyzer(nlp.TagOnly(func([]nlp.Token) bool { return false }))
			if err != nil {
				return fmt.Errorf("eval sentences: %w", err)
			}
			var sc sentences.Score
			w := cmd.OutOrStdout()
			ps := sentences.Paragraphs(sents)
			for _, p := range ps {
				art := &claimtrail.Article{Text: p.Text, Paragraphs: []claimtrail.Span{{Start: 0, End: len(p.Text)}}}
				doc, err := an.Analyze(cmd.Context(), art)
				if err != nil {
					return fmt.Errorf("eval sentences: %w", err)
				}
				ends := make([]int, len(doc.Sentences))
				for i, s := range doc.Sentences {
					ends[i] = s.End
				}
				before := sc.Right
				sc.Add(p, ends)
				if misses > 0 && sc.Right-before < countInside(p) {
					fmt.Fprintf(w, "miss: %s\n", markEnds(p.Text, ends))
					misses--
				}
			}
			r := sentencesReport{Paragraphs: len(ps), Gold: sc.Gold, Found: sc.Found, Right: sc.Right,
				Precision: sc.Precision(), Recall: sc.Recall(), F1: sc.F1()}
			if format == "json" {
				enc := json.NewEncoder(w)
				enc.SetIndent("", "  ")
				return enc.Encode(r)
			}
			fmt.Fprintf(w, "%s: %d paragraphs, %d sentence boundaries inside them\n", gold, r.Paragraphs, r.Gold)
			fmt.Fprintf(w, "precision %.4f  recall %.4f  F1 %.4f  (%d found, %d right)\n", r.Precision, r.Recall, r.F1, r.Found, r.Right)
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&gold, "conllu", "", "gold CoNLL-U file")
	f.StringVar(&format, "format", "text", "output format: text or json")
	f.IntVar(&misses, "misses", 0, "print this many paragraphs where a gold boundary was missed")
	return cmd
}

// countInside counts a paragraph's gold boundaries before its end.
func countInside(p sentences.Paragraph) int { return max(len(p.Ends)-1, 0) }

// markEnds shows text with "|" at each of the splitter's sentence ends.
func markEnds(text string, ends []int) string {
	out, prev := "", 0
	for _, e := range ends {
		if e < prev || e > len(text) {
			continue
		}
		out += text[prev:e] + "|"
		prev = e
	}
	return out + text[prev:]
}
