package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/claimtrail/claimtrail/eval/fnc1"
	"github.com/spf13/cobra"
)

func init() { evalCommands = append(evalCommands, newEvalStoriesCmd) }

func newEvalStoriesCmd() *cobra.Command {
	var dir, out string
	var n, minBodies int
	var seed uint64
	cmd := &cobra.Command{
		Use:   "stories --fnc1 DIR --out DIR [--n 60] [--seed 1] [--min-bodies 4]",
		Short: "Write story folders of real news from FNC-1 train, to read ledgers by hand",
		Long: `Group the bodies of FNC-1's train set by the headline they are related to
(agree, disagree or discuss), keep headlines with at least --min-bodies bodies,
shuffle them by --seed and write the first --n as folders OUT/NN-slug/bID.txt,
with OUT/stories.tsv listing each folder's headline and each body's gold stance.
One seed always gives the same stories under the same numbers, so a reading of
'claimtrail analyze OUT/NN-slug' before and after a change can be repeated. There
are no gold ledgers for these stories: they are real text the rules were not
written on, judged by reading (docs/ledger.md).`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if dir == "" || out == "" {
				return fmt.Errorf("eval stories: --fnc1 DIR and --out DIR are required")
			}
			d, err := fnc1.Open(cmd.Context(), filepath.Join(dir, "train_bodies.csv"), filepath.Join(dir, "train_stances.csv"))
			if err != nil {
				return fmt.Errorf("eval stories: %w", err)
			}
			stories := d.Stories(n, minBodies, seed)
			if err := writeStories(out, d, stories); err != nil {
				return fmt.Errorf("eval stories: %w", err)
			}
			fmt.Fprintf(cmd.OutOrStdout(), "wrote %d stories to %s\n", len(stories), out)
			return nil
		},
	}
	cmd.Flags().StringVar(&dir, "fnc1", "", "folder with FNC-1's train_bodies.csv and train_stances.csv")
	cmd.Flags().StringVar(&out, "out", "", "folder to write the stories into (created; existing story folders are rewritten)")
	cmd.Flags().IntVar(&n, "n", 60, "number of stories")
	cmd.Flags().IntVar(&minBodies, "min-bodies", 4, "fewest related bodies a story may have")
	cmd.Flags().Uint64Var(&seed, "seed", 1, "shuffle seed")
	return cmd
}

// writeStories writes each story's bodies into its own folder and the
// headlines and gold stances into out/stories.tsv.
func writeStories(out string, d *fnc1.Data, stories []fnc1.Story) error {
	var index strings.Builder
	index.WriteString("story\theadline\tbody\tstance\n")
	for _, s := range stories {
		folder := filepath.Join(out, s.Slug)
		if err := os.MkdirAll(folder, 0o755); err != nil {
			return err
		}
		for _, id := range s.Bodies {
			if err := os.WriteFile(filepath.Join(folder, fmt.Sprintf("b%d.txt", id)), []byte(d.Bodies[id]), 0o644); err != nil {
				return err
			}
			fmt.Fprintf(&index, "%s\t%s\tb%d\t%s\n", s.Slug, s.Headline, id, s.Stances[id])
		}
	}
	return os.WriteFile(filepath.Join(out, "stories.tsv"), []byte(index.String()), 0o644)
}
