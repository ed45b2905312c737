package main

import (
	"errors"
	"fmt"
	"strconv"

	"github.com/claimtrail/claimtrail/store"
	"github.com/spf13/cobra"
)

func init() { commands = append(commands, newShowCmd) }

type showOptions struct {
	db     string
	format string
	color  string
	all    bool
}

func newShowCmd() *cobra.Command {
	var opts showOptions
	cmd := &cobra.Command{
		Use:   "show [--db DSN] [--all] STORY",
		Short: "Print the claim ledger of one story of the corpus",
		Long: `show builds the claim ledger of a stored story from its articles and prints it
with the same renderers as 'analyze'. Articles stored as near-duplicate copies
count as relays of their originals, not as independent origins. STORY is the
number 'stories' lists. As with 'analyze', the claims to check come first and
the asides (opinions, advice, questions, sentence fragments) and the other
attributions that are no claims are only counted unless --all lists them.`,
		Example: `  claimtrail show 12
  claimtrail show --all 12
  claimtrail show --format json 12 > story12.json`,
		Args: showArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			id, err := strconv.ParseInt(args[0], 10, 64)
			if err != nil || id <= 0 {
				return fmt.Errorf("show: story %q: want the story number 'claimtrail stories' lists", args[0])
			}
			write, err := ledgerWriter(opts.format, opts.color, opts.all, cmd.OutOrStdout())
			if err != nil {
				return err
			}
			ctx := cmd.Context()
			st, err := openCorpus(ctx, opts.db)
			if err != nil {
				return err
			}
			defer st.Close()
			sum, err := st.Story(ctx, id)
			if errors.Is(err, store.ErrNotFound) {
				return fmt.Errorf("show: no story %d in the corpus", id)
			}
			if err != nil {
				return err
			}
			recs, err := st.StoryArticles(ctx, id)
			if err != nil {
				return err
			}
			l, err := storyLedger(ctx, cmd.ErrOrStderr(), recs)
			if err != nil {
				return fmt.Errorf("show: story %d: %w", id, err)
			}
			if err := write(l); err != nil {
				return err
			}
			if sum.Stale {
				// Keep the listing's claim counts in step with what was shown.
				if err := st.SetLedger(ctx, id, sum.Version, store.Summarize(l)); err != nil {
					fmt.Fprintln(cmd.ErrOrStderr(), "claimtrail:", err)
				}
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.db, "db", "", dbFlagUsage)
	f.StringVarP(&opts.format, "format", "f", "text", "output format: text, json, markdown or html")
	f.StringVar(&opts.color, "color", "auto", "colour the text view: auto, always or never")
	f.BoolVar(&opts.all, "all", false, "list the asides and the attributions that are no claims too")
	return cmd
}

// showArgs says what show needs when it is not given exactly one story
// number: cobra's own "accepts 1 arg(s)" names neither.
func showArgs(cmd *cobra.Command, args []string) error {
	if len(args) != 1 {
		return fmt.Errorf("show needs one STORY number, as 'claimtrail stories' lists them, e.g. claimtrail show 12 (got %d arguments)", len(args))
	}
	return nil
}
