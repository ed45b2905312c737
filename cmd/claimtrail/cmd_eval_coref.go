package main

import (
	"context"
	"fmt"
	"sort"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/eval/polnear"
	"github.com/claimtrail/claimtrail/pipeline"
	"github.com/spf13/cobra"
)

func init() { evalCommands = append(evalCommands, newEvalCorefCmd) }

func newEvalCorefCmd() *cobra.Command {
	var (
		split   string
		details bool
	)
	cmd := &cobra.Command{
		Use:   "coref --polnear SPLIT_DIR [--details]",
		Short: "Score how the shipped extractor resolves \"he\" and \"she\" sources on a PolNeAR split",
		Long: `Score pronoun resolution on a PolNeAR split: every attribution whose annotated
source is "he" or "she" and whose window (1,200 bytes before it) holds named
sources of one person only gives a case whose answer the annotation settles.
The shipped extractor (what analyze runs) reads each article; a case counts as
found when a statement has that pronoun as its source, right when its chain
ends with a name holding the person's surname. Accuracy is right / found.
See docs/attribution.md.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if split == "" {
				return fmt.Errorf("eval coref: --polnear SPLIT_DIR is required")
			}
			w := cmd.OutOrStdout()
			var each func(c polnear.PronounCase, got string)
			if details {
				each = func(c polnear.PronounCase, got string) {
					fmt.Fprintf(w, "%s %d %s: want %s, got %q\n", c.Article, c.Source.Start, c.Pronoun, c.Name, got)
				}
			}
			s, err := measureCoref(cmd.Context(), split, each)
			if err != nil {
				return err
			}
			fmt.Fprintf(w, "pronoun sources (he/she) with one person named before: %d\n", s.Cases)
			fmt.Fprintf(w, "read as a statement's source: %d; right %d, wrong %d, unresolved %d\n", s.Found, s.Right, s.Wrong, s.Unresolved)
			fmt.Fprintf(w, "accuracy (right / read): %.3f\n", s.Accuracy())
			return nil
		},
	}
	cmd.Flags().StringVar(&split, "polnear", "", "PolNeAR split directory (with text/ and attributions/)")
	cmd.Flags().BoolVar(&details, "details", false, "print every case")
	return cmd
}

// measureCoref runs the shipped pipeline on the split's articles that
// hold pronoun cases and scores its resolutions; each, if not nil, sees
// every case with the name it was resolved to.
func measureCoref(ctx context.Context, split string, each func(polnear.PronounCase, string)) (polnear.CorefScore, error) {
	var s polnear.CorefScore
	arts, err := polnear.ReadSplit(ctx, split)
	if err != nil {
		return s, fmt.Errorf("eval coref: %w", err)
	}
	p, err := pipeline.New(pipeline.Options{})
	if err != nil {
		return s, fmt.Errorf("eval coref: %w", err)
	}
	for i := range arts {
		cases := polnear.PronounCases(&arts[i])
		if len(cases) == 0 {
			continue
		}
		an, err := p.Analyze(ctx, attribArticle(&arts[i]))
		if err != nil {
			return s, fmt.Errorf("eval coref: %s: %w", arts[i].Name, err)
		}
		for _, c := range cases {
			got := resolvedSource(an.Statements, c.Source)
			s.Add(c, got)
			if each != nil {
				each(c, got)
			}
		}
	}
	return s, nil
}

// resolvedSource returns the name the statements give the source written
// at sp (the last element of the chain of the first statement whose
// source overlaps it), or "".
func resolvedSource(sts []claimtrail.Statement, sp claimtrail.Span) string {
	sort.SliceStable(sts, func(i, j int) bool { return sts[i].Source.Start < sts[j].Source.Start })
	for _, st := range sts {
		if st.Source.Start < sp.End && sp.Start < st.Source.End && len(st.Chain) > 0 {
			return st.Chain[len(st.Chain)-1].Name
		}
	}
	return ""
}
