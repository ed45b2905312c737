package main

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/claimtrail/claimtrail/store"
	"github.com/spf13/cobra"
)

func init() { commands = append(commands, newStoriesCmd) }

type storiesOptions struct {
	db     string
	since  string
	limit  int
	format string
}

func newStoriesCmd() *cobra.Command {
	var opts storiesOptions
	cmd := &cobra.Command{
		Use:   "stories [--db DSN] [--since T]",
		Short: "List the stories of the corpus, most recently updated first",
		Long: `stories lists the corpus's stories: id, last update, articles (and how many are
copies of another), outlets, claims to check (asides — opinions, questions,
sentence fragments — are not counted) and contested claims, and title. A '*' after
the claim counts means articles arrived since the ledger was last built.

--since takes a duration back from now (36h, 7d) or a date (2026-03-02 or
RFC 3339).`,
		Example: `  claimtrail stories --since 7d
  claimtrail stories --db postgres://localhost/claimtrail --format json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			since, err := parseSince(opts.since, time.Now())
			if err != nil {
				return err
			}
			st, err := openCorpus(cmd.Context(), opts.db)
			if err != nil {
				return err
			}
			defer st.Close()
			list, err := st.Stories(cmd.Context(), store.StoryQuery{Since: since, Limit: opts.limit})
			if err != nil {
				return err
			}
			switch opts.format {
			case "json":
				return writeStoriesJSON(cmd, list)
			case "text":
				return writeStoriesText(cmd, list)
			}
			return fmt.Errorf("unknown --format %q: want text or json", opts.format)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.db, "db", "", dbFlagUsage)
	f.StringVar(&opts.since, "since", "", "only stories updated since T (duration like 48h or 7d, or a date)")
	f.IntVar(&opts.limit, "limit", 0, "list at most N stories (0: all)")
	f.StringVarP(&opts.format, "format", "f", "text", "output format: text or json")
	return cmd
}

// parseSince reads --since: empty, a duration back from now ("36h",
// "7d"), a date ("2026-03-02") or an RFC 3339 time.
func parseSince(s string, now time.Time) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, nil
	}
	if days, ok := strings.CutSuffix(s, "d"); ok {
		if n, err := strconv.Atoi(days); err == nil && n >= 0 {
			return now.AddDate(0, 0, -n), nil
		}
	}
	if d, err := time.ParseDuration(s); err == nil && d >= 0 {
		return now.Add(-d), nil
	}
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("--since %q: want a duration (48h, 7d) or a date (2026-03-02)", s)
}

func writeStoriesText(cmd *cobra.Command, list []store.StorySummary) error {
	w := tabwriter.NewWriter(cmd.OutOrStdout(), 0, 4, 2, ' ', 0)
	fmt.Fprintln(w, "STORY\tUPDATED\tARTICLES\tOUTLETS\tCLAIMS\tCONTESTED\tTITLE")
	for _, s := range list {
		arts := strconv.Itoa(s.Articles)
		if s.Copies > 0 {
			arts += fmt.Sprintf(" (%d copies)", s.Copies)
		}
		stale := ""
		if s.Stale {
			stale = "*"
		}
		fmt.Fprintf(w, "%d\t%s\t%s\t%d\t%d%s\t%d%s\t%s\n", s.ID, s.Updated.Local().Format("2006-01-02 15:04"),
			arts, s.Outlets, s.Claims, stale, s.Contested, stale, s.Title)
	}
	if err := w.Flush(); err != nil {
		return err
	}
	if len(list) == 0 {
		fmt.Fprintln(cmd.ErrOrStderr(), "claimtrail: no stories (ingest some articles first)")
	}
	return nil
}

// storyJSON is one story in `stories --format json`.
type storyJSON struct {
	ID        int64     `json:"id"`
	Title     string    `json:"title"`
	Articles  int       `json:"articles"`
	Copies    int       `json:"copies"`
	Outlets   int       `json:"outlets"`
	Claims    int       `json:"claims"`
	Contested int       `json:"contested"`
	Started   time.Time `json:"started"`
	Updated   time.Time `json:"updated"`
	Stale     bool      `json:"stale"`
}

func writeStoriesJSON(cmd *cobra.Command, list []store.StorySummary) error {
	out := make([]storyJSON, 0, len(list))
	for _, s := range list {
		out = append(out, storyJSON{s.ID, s.Title, s.Articles, s.Copies, s.Outlets, s.Claims, s.Contested, s.Started, s.Updated, s.Stale})
	}
	enc := json.NewEncoder(cmd.OutOrStdout())
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
