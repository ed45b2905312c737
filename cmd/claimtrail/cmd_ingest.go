package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/fetch"
	"github.com/claimtrail/claimtrail/ingest"
	"github.com/claimtrail/claimtrail/load"
	"github.com/claimtrail/claimtrail/pipeline"
	"github.com/claimtrail/claimtrail/store"
	"github.com/claimtrail/claimtrail/store/postgres"
	"github.com/claimtrail/claimtrail/worker"
	"github.com/riverqueue/river"
	"github.com/spf13/cobra"
)

func init() { commands = append(commands, newIngestCmd) }

// storyLedger builds the ledger of a story's stored articles, counting
// near-duplicate copies as relays of their originals.
func storyLedger(ctx context.Context, stderr io.Writer, recs []store.Record) (*claimtrail.Ledger, error) {
	p, err := pipeline.New(pipeline.Options{Judge: defaultJudge(stderr), CopyOf: store.CopyOf(recs)})
	if err != nil {
		return nil, err
	}
	return p.Ledger(ctx, store.Articles(recs))
}

// ledgerBuilder rebuilds stories' ledger summaries with storyLedger.
func ledgerBuilder(stderr io.Writer) store.LedgerBuilder {
	return func(ctx context.Context, recs []store.Record) (store.LedgerSummary, error) {
		l, err := storyLedger(ctx, stderr, recs)
		if err != nil {
			return store.LedgerSummary{}, err
		}
		return store.Summarize(l), nil
	}
}

type ingestOptions struct {
	db           string
	outlet       string
	allowPrivate bool
}

func newIngestCmd() *cobra.Command {
	var opts ingestOptions
	cmd := &cobra.Command{
		Use:   "ingest [--db DSN] PATH|DIR|URL|FEED ...",
		Short: "Add articles to the corpus, where they join stories",
		Long: `ingest reads articles from files, folders, web pages and RSS/Atom feeds, analyses
them and stores them in the corpus, where each joins the story it belongs to
or starts a new one. An article already stored (same canonical URL, else same
text) is skipped; a near-duplicate of a stored article is kept as a copy of
it. A bad input is reported and the others still go in. Each stored article
gets a line saying what became of it (a JSON-lines article names its line,
FILE:LINE); a folder with nothing to read is named, and a run with nothing to
ingest fails.

URLs are fetched only from public addresses (not loopback, private or
link-local ones) unless --allow-private-fetch.

With a SQLite corpus (the default) ingest does the work itself. With
--db postgres://... it only queues the inputs: run 'claimtrail worker' to
process them.`,
		Example: `  claimtrail ingest articles/
  claimtrail ingest https://example.org/news/story.html https://example.org/feed.xml
  claimtrail ingest --db postgres://localhost/claimtrail stories.jsonl`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runIngest(cmd, opts, args)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.db, "db", "", dbFlagUsage)
	f.StringVar(&opts.outlet, "outlet", "", "outlet name for every article read from files (overrides metadata)")
	f.BoolVar(&opts.allowPrivate, "allow-private-fetch", false, "fetch URLs on loopback, private and link-local addresses too")
	return cmd
}

func runIngest(cmd *cobra.Command, opts ingestOptions, args []string) error {
	ctx := cmd.Context()
	stdout, stderr := cmd.OutOrStdout(), cmd.ErrOrStderr()
	var paths, urls []string
	for _, a := range args {
		if ingest.IsURL(a) {
			urls = append(urls, a)
		} else {
			paths = append(paths, a)
		}
	}
	dsn, err := corpusDSN(opts.db)
	if err != nil {
		return err
	}
	p, st, err := openWriter(ctx, dsn)
	if err != nil {
		return err
	}
	defer st.Close()

	failed := 0
	var articles []claimtrail.Article
	var loadErrs []error
	if len(paths) > 0 {
		articles, loadErrs = load.Paths(ctx, paths, load.Options{Outlet: opts.outlet})
		for _, e := range loadErrs {
			fmt.Fprintln(stderr, "claimtrail: ingest:", e)
		}
		failed += len(loadErrs)
		failed += warnEmpty(stderr, paths, articles, loadErrs)
	}
	if len(articles) == 0 && len(urls) == 0 {
		fmt.Fprintf(stderr, "claimtrail: ingest: nothing to ingest in %d input(s)\n", len(args))
		return errReported
	}
	if pg, ok := st.(*postgres.Store); ok {
		n, err := enqueueInputs(ctx, pg, articles, urls)
		if err != nil {
			return fmt.Errorf("ingest: %w; nothing was queued", err)
		}
		fmt.Fprintf(stdout, "queued %d job(s); run 'claimtrail worker' to process them\n", n)
		if failed > 0 {
			fmt.Fprintf(stderr, "claimtrail: ingest: %d input(s) failed (listed above); the rest were queued\n", failed)
			return errReported
		}
		return nil
	}
	in := &ingest.Ingester{Store: st, Analyzer: ingest.Analyzer(p), Out: stdout, Err: stderr,
		Fetch: fetch.New(fetch.Options{AllowPrivate: opts.allowPrivate}), Lines: ingest.LineNumbers(articles, loadErrs)}
	failed += in.Run(ctx, articles, urls)
	if ctx.Err() != nil {
		return interrupted(ctx)
	}
	if err := ingest.RefreshStale(ctx, stderr, st, ledgerBuilder(stderr)); err != nil {
		if ctx.Err() != nil {
			return interrupted(ctx)
		}
		return err
	}
	if failed > 0 {
		fmt.Fprintf(stderr, "claimtrail: ingest: %d input(s) failed (listed above); the rest were stored\n", failed)
		return errReported
	}
	return nil
}

// interrupted is the error of a command stopped by SIGINT or SIGTERM: what
// was written is complete (every write is a transaction), the rest is not.
func interrupted(ctx context.Context) error {
	return fmt.Errorf("interrupted (%v): stopped before the end; everything written so far is complete", context.Cause(ctx))
}

// warnEmpty warns about each folder among paths that held nothing to
// read; it returns how many.
func warnEmpty(stderr io.Writer, paths []string, articles []claimtrail.Article, errs []error) int {
	n := 0
	for _, p := range paths {
		if fi, err := os.Stat(p); err != nil || !fi.IsDir() {
			continue
		}
		if !under(p, articles, errs) {
			fmt.Fprintf(stderr, "claimtrail: ingest: %s: no .txt, .html, .htm or .jsonl files in this folder\n", p)
			n++
		}
	}
	return n
}

// under reports whether an article or an error comes from inside dir.
func under(dir string, articles []claimtrail.Article, errs []error) bool {
	prefix := filepath.Clean(dir) + string(filepath.Separator)
	for _, a := range articles {
		if strings.HasPrefix(filepath.Clean(a.Path), prefix) {
			return true
		}
	}
	for _, e := range errs {
		var le *load.Error
		if errors.As(e, &le) && strings.HasPrefix(filepath.Clean(le.Input), prefix) {
			return true
		}
	}
	return false
}

// enqueueInputs queues loaded articles and URLs for workers; it returns
// how many jobs were queued, or the error that stopped it. The job queue's
// tables are created first when missing (worker.Migrate, safe to run from
// any number of processes at once).
func enqueueInputs(ctx context.Context, pg *postgres.Store, articles []claimtrail.Article, urls []string) (int, error) {
	if err := worker.Migrate(ctx, pg.Pool()); err != nil {
		return 0, err
	}
	q, err := worker.NewEnqueuer(pg.Pool())
	if err != nil {
		return 0, err
	}
	var jobs []river.JobArgs
	for _, a := range articles {
		jobs = append(jobs, worker.ArticleArgs{Article: a})
	}
	for _, u := range urls {
		jobs = append(jobs, worker.URLArgs{URL: u})
	}
	queued := 0
	for len(jobs) > 0 {
		batch := jobs[:min(len(jobs), 500)]
		jobs = jobs[len(batch):]
		if err := q.EnqueueMany(ctx, batch); err != nil {
			if queued > 0 {
				return queued, fmt.Errorf("%w (after %d job(s) were queued)", err, queued)
			}
			return 0, err
		}
		queued += len(batch)
	}
	return queued, nil
}
