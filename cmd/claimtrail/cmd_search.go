package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/claimtrail/claimtrail/store"
	"github.com/spf13/cobra"
)

func init() { commands = append(commands, newSearchCmd) }

func newSearchCmd() *cobra.Command {
	var db, format string
	var limit int
	cmd := &cobra.Command{
		Use:   "search [--db DSN] [--format text|json] TEXT",
		Short: "Find claims and articles of the corpus by their words",
		Long: `search finds the claims (of stories whose ledger has been built) and the
articles that contain all the words of TEXT, and prints each with its story
and the matching passage, words in [brackets].`,
		Example: `  claimtrail search "bridge cables"
  claimtrail search --format json "bridge cables"`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if format != "text" && format != "json" {
				return fmt.Errorf("unknown --format %q: want text or json", format)
			}
			st, err := openCorpus(cmd.Context(), db)
			if err != nil {
				return err
			}
			defer st.Close()
			hits, err := st.Search(cmd.Context(), strings.Join(args, " "), limit)
			if err != nil {
				return err
			}
			if format == "json" {
				return writeHitsJSON(cmd.OutOrStdout(), hits)
			}
			writeHitsText(cmd.OutOrStdout(), hits)
			if len(hits) == 0 {
				fmt.Fprintln(cmd.ErrOrStderr(), "claimtrail: nothing found")
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&db, "db", "", dbFlagUsage)
	cmd.Flags().IntVar(&limit, "limit", 20, "at most N claims and N articles")
	cmd.Flags().StringVarP(&format, "format", "f", "text", "output format: text or json")
	return cmd
}

func writeHitsText(w io.Writer, hits []store.Hit) {
	for _, h := range hits {
		switch h.Kind {
		case store.HitClaim:
			fmt.Fprintf(w, "claim   story %d  %s: %s\n", h.Story, h.Claim, oneLine(h.Snippet))
		default:
			fmt.Fprintf(w, "article %d  story %d  %s\n        %s\n", h.Article, h.Story, oneLine(h.Title), oneLine(h.Snippet))
		}
	}
}

// hitJSON is one hit in `search --format json`: a claim (with its ID in
// the story's ledger and its text as title) or an article.
type hitJSON struct {
	Kind    store.HitKind `json:"kind"`
	Story   int64         `json:"story"`
	Article int64         `json:"article,omitempty"`
	Claim   string        `json:"claim,omitempty"`
	Title   string        `json:"title"`
	Snippet string        `json:"snippet"`
}

// writeHitsJSON writes the hits as a JSON array (empty, not null, when
// nothing matched).
func writeHitsJSON(w io.Writer, hits []store.Hit) error {
	out := make([]hitJSON, 0, len(hits))
	for _, h := range hits {
		out = append(out, hitJSON{h.Kind, h.Story, h.Article, h.Claim, h.Title, h.Snippet})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// oneLine squeezes a passage's white space, newlines included.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
