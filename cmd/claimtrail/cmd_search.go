package main

import (
	"fmt"
	"strings"

	"github.com/claimtrail/claimtrail/store"
	"github.com/spf13/cobra"
)

func init() { commands = append(commands, newSearchCmd) }

func newSearchCmd() *cobra.Command {
	var db string
	var limit int
	cmd := &cobra.Command{
		Use:   "search [--db DSN] TEXT",
		Short: "Find claims and articles of the corpus by their words",
		Long: `search finds the claims (of stories whose ledger has been built) and the
articles that contain all the words of TEXT, and prints each with its story
and the matching passage, words in [brackets].`,
		Example: `  claimtrail search "bridge cables"`,
		Args:    cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			st, err := openCorpus(cmd.Context(), db)
			if err != nil {
				return err
			}
			defer st.Close()
			hits, err := st.Search(cmd.Context(), strings.Join(args, " "), limit)
			if err != nil {
				return err
			}
			w := cmd.OutOrStdout()
			for _, h := range hits {
				switch h.Kind {
				case store.HitClaim:
					fmt.Fprintf(w, "claim   story %d  %s: %s\n", h.Story, h.Claim, oneLine(h.Snippet))
				default:
					fmt.Fprintf(w, "article %d  story %d  %s\n        %s\n", h.Article, h.Story, oneLine(h.Title), oneLine(h.Snippet))
				}
			}
			if len(hits) == 0 {
				fmt.Fprintln(cmd.ErrOrStderr(), "claimtrail: nothing found")
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&db, "db", "", dbFlagUsage)
	cmd.Flags().IntVar(&limit, "limit", 20, "at most N claims and N articles")
	return cmd
}

// oneLine squeezes a passage's white space, newlines included.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
