package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/load"
	"github.com/claimtrail/claimtrail/pipeline"
	"github.com/claimtrail/claimtrail/render"
	"github.com/claimtrail/claimtrail/store"
	"github.com/claimtrail/claimtrail/web/storesource"
	"github.com/spf13/cobra"
)

func init() { commands = append(commands, newExportCmd) }

type exportOptions struct {
	format string
	db     string
	author string
	url    string
	outlet string
	all    bool
}

func newExportCmd() *cobra.Command {
	var opts exportOptions
	cmd := &cobra.Command{
		Use:   "export --format claimreview|csv|html|json STORY | PATH ...",
		Short: "Export a story's ledger as ClaimReview JSON-LD, CSV of statements, HTML or JSON",
		Long: `export writes one story's ledger in a format other tools read:

  claimreview  schema.org ClaimReview JSON-LD, one review per claim; reviewRating's
               alternateName carries the ledger's status in words
  csv          one row per statement: claim, article, stance, chain, cue, text, span
  html         the self-contained offline report (as analyze --format html); with --all
               it lists the attributions that are no claims too, as analyze --all does
  json         the ledger contract, schema claimtrail.ledger/v1; it always holds those
               attributions (articles[].attributions)

ClaimReview and CSV have no place for attributions that are no claims: a ClaimReview
reviews a claim, and the CSV has one row per statement of a claim (docs/api.md).

STORY is a story id in the corpus (--db, else $CLAIMTRAIL_DB, else the default corpus when
it exists); otherwise
the arguments are article files or folders, read and analysed as analyze does.`,
		Example: `  claimtrail export --format claimreview --author "Example Desk" 12 > reviews.jsonld
  claimtrail export --format csv examples/story > statements.csv`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runExport(cmd, opts, args)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&opts.format, "format", "f", "claimreview", "claimreview, csv, html or json")
	f.StringVar(&opts.db, "db", "", dbFlagUsage)
	f.StringVar(&opts.author, "author", "claimtrail", "ClaimReview: the reviewing organisation")
	f.StringVar(&opts.url, "url", "", "ClaimReview: the page the reviews are published on")
	f.StringVar(&opts.outlet, "outlet", "", "outlet name for every article read from paths")
	f.BoolVar(&opts.all, "all", false, "html: list the attributions that are no claims too, after the claims (JSON always holds them)")
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions([]string{"claimreview", "csv", "html", "json"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

func exportWriter(opts exportOptions, w io.Writer) (func(*claimtrail.Ledger) error, error) {
	switch opts.format {
	case "claimreview", "claimreview-jsonld", "jsonld":
		o := render.ClaimReviewOptions{Author: opts.author, URL: opts.url, Date: time.Now()}
		return func(l *claimtrail.Ledger) error { return render.ClaimReviewJSON(w, l, o) }, nil
	case "csv":
		return func(l *claimtrail.Ledger) error { return render.CSV(w, l) }, nil
	case "html":
		return func(l *claimtrail.Ledger) error { return render.HTMLWith(w, l, render.HTMLOptions{All: opts.all}) }, nil
	case "json":
		return func(l *claimtrail.Ledger) error { return render.JSON(w, l) }, nil
	}
	return nil, fmt.Errorf("unknown --format %q: want claimreview, csv, html or json", opts.format)
}

func runExport(cmd *cobra.Command, opts exportOptions, args []string) error {
	write, err := exportWriter(opts, cmd.OutOrStdout())
	if err != nil {
		return err
	}
	ctx := cmd.Context()
	stderr := cmd.ErrOrStderr()
	story := ""
	if len(args) == 1 {
		if _, statErr := os.Stat(args[0]); errors.Is(statErr, os.ErrNotExist) {
			story = args[0]
		}
	}
	if opts.db != "" && story == "" {
		return fmt.Errorf("export: with --db, give one story id (got %d argument(s))", len(args))
	}
	p, err := pipeline.New(pipeline.Options{Judge: defaultJudge(stderr)})
	if err != nil {
		return err
	}
	if story != "" {
		st, err := openExistingCorpus(ctx, opts.db, store.Options{})
		if err != nil {
			return fmt.Errorf("export: %s is neither a file nor a story: %w", story, err)
		}
		defer st.Close()
		l, err := storesource.New(st, p).Ledger(ctx, story)
		if err != nil {
			return fmt.Errorf("export: %w", err)
		}
		return write(l)
	}
	arts, loadErrs := load.Paths(ctx, args, load.Options{Outlet: opts.outlet})
	for _, e := range loadErrs {
		fmt.Fprintln(stderr, "claimtrail: skipped:", e)
	}
	if len(arts) == 0 {
		return fmt.Errorf("export: no articles could be read from %d input(s)", len(args))
	}
	l, err := p.Ledger(ctx, arts)
	if err != nil {
		return err
	}
	if err := write(l); err != nil {
		return err
	}
	if len(loadErrs) > 0 {
		return errReported
	}
	return nil
}
