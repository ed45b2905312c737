package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"time"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/fetch"
	"github.com/claimtrail/claimtrail/load"
	"github.com/claimtrail/claimtrail/pipeline"
	"github.com/claimtrail/claimtrail/progress"
	"github.com/claimtrail/claimtrail/store"
	"github.com/claimtrail/claimtrail/store/postgres"
	"github.com/claimtrail/claimtrail/store/sqlite"
	"github.com/claimtrail/claimtrail/worker"
	"github.com/riverqueue/river"
	"github.com/spf13/cobra"
)

func init() { commands = append(commands, newIngestCmd) }

// dbEnv names the environment variable that selects the corpus when --db
// is not given.
const dbEnv = "CLAIMTRAIL_DB"

const dbFlagUsage = "corpus: SQLite file or postgres:// DSN (default $" + dbEnv + ", else the user data directory)"

// corpusDSN resolves the corpus to open: --db, else $CLAIMTRAIL_DB, else
// the default SQLite file in the user's data directory.
func corpusDSN(flag string) (string, error) {
	if flag != "" {
		return flag, nil
	}
	if env := os.Getenv(dbEnv); env != "" {
		return env, nil
	}
	return sqlite.DefaultPath()
}

// openCorpus opens the corpus named by --db (see corpusDSN).
func openCorpus(ctx context.Context, flag string) (store.Store, error) {
	dsn, err := corpusDSN(flag)
	if err != nil {
		return nil, err
	}
	if postgres.IsDSN(dsn) {
		return postgres.Open(ctx, dsn, store.Options{})
	}
	return sqlite.Open(ctx, dsn, store.Options{})
}

// corpusAnalyzer analyses articles for the store with the pipeline: their
// statements, and the keys of their entities for story assignment.
func corpusAnalyzer(p *pipeline.Pipeline) store.Analyzer {
	return store.AnalyzerFunc(func(ctx context.Context, a *claimtrail.Article) (store.Analysis, error) {
		an, err := p.Analyze(ctx, a)
		if err != nil {
			return store.Analysis{}, err
		}
		out := store.Analysis{Statements: an.Statements}
		if an.Doc != nil {
			for _, e := range an.Doc.Entities {
				if e.Key != "" {
					out.Entities = append(out.Entities, e.Key)
				}
			}
		}
		return out, nil
	})
}

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
	db     string
	outlet string
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
it. A bad input is reported and the others still go in.

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
	return cmd
}

// isURL reports whether an input names a web page or feed.
func isURL(s string) bool {
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://")
}

func runIngest(cmd *cobra.Command, opts ingestOptions, args []string) error {
	ctx := cmd.Context()
	stdout, stderr := cmd.OutOrStdout(), cmd.ErrOrStderr()
	var paths, urls []string
	for _, a := range args {
		if isURL(a) {
			urls = append(urls, a)
		} else {
			paths = append(paths, a)
		}
	}
	st, err := openCorpus(ctx, opts.db)
	if err != nil {
		return err
	}
	defer st.Close()

	failed := 0
	var articles []claimtrail.Article
	if len(paths) > 0 {
		var errs []error
		articles, errs = load.Paths(ctx, paths, load.Options{Outlet: opts.outlet})
		for _, e := range errs {
			fmt.Fprintln(stderr, "claimtrail: ingest:", e)
		}
		failed += len(errs)
	}
	if pg, ok := st.(*postgres.Store); ok {
		n, bad := enqueueInputs(ctx, stderr, pg, articles, urls)
		fmt.Fprintf(stdout, "queued %d job(s); run 'claimtrail worker' to process them\n", n)
		failed += bad
	} else {
		in := &ingester{st: st, stdout: stdout, stderr: stderr, fetch: fetch.New(fetch.Options{})}
		if err := in.init(); err != nil {
			return err
		}
		failed += in.run(ctx, articles, urls)
		if err := refreshStale(ctx, stderr, st); err != nil {
			return err
		}
	}
	if failed > 0 {
		fmt.Fprintf(stderr, "claimtrail: ingest: %d input(s) failed (listed above); the rest were stored\n", failed)
		return errReported
	}
	return nil
}

// enqueueInputs queues loaded articles and URLs for workers; it returns
// how many jobs were queued and how many could not be.
func enqueueInputs(ctx context.Context, stderr io.Writer, pg *postgres.Store, articles []claimtrail.Article, urls []string) (queued, failed int) {
	if err := worker.Migrate(ctx, pg.Pool()); err != nil {
		fmt.Fprintln(stderr, "claimtrail: ingest:", err)
		return 0, len(articles) + len(urls)
	}
	q, err := worker.NewEnqueuer(pg.Pool())
	if err != nil {
		fmt.Fprintln(stderr, "claimtrail: ingest:", err)
		return 0, len(articles) + len(urls)
	}
	var jobs []river.JobArgs
	for _, a := range articles {
		jobs = append(jobs, worker.ArticleArgs{Article: a})
	}
	for _, u := range urls {
		jobs = append(jobs, worker.URLArgs{URL: u})
	}
	for len(jobs) > 0 {
		batch := jobs[:min(len(jobs), 500)]
		jobs = jobs[len(batch):]
		if err := q.EnqueueMany(ctx, batch); err != nil {
			fmt.Fprintln(stderr, "claimtrail: ingest:", err)
			failed += len(batch)
			continue
		}
		queued += len(batch)
	}
	return queued, failed
}

// ingester stores articles in a local corpus, analysing them in parallel
// and writing them one at a time.
type ingester struct {
	st             store.Store
	an             store.Analyzer
	fetch          *fetch.Client
	stdout, stderr io.Writer
}

func (in *ingester) init() error {
	p, err := pipeline.New(pipeline.Options{})
	if err != nil {
		return err
	}
	in.an = corpusAnalyzer(p)
	return nil
}

// run stores articles, then fetches and stores urls (pages, or the items
// of feeds); it returns how many inputs failed.
func (in *ingester) run(ctx context.Context, articles []claimtrail.Article, urls []string) (failed int) {
	bar := progress.New(in.stderr, len(articles)+len(urls), "ingest")
	defer bar.Finish()
	failed += in.store(ctx, articles, bar)
	for _, u := range urls {
		if ctx.Err() != nil {
			break
		}
		if in.knownFeed(ctx, u) {
			n, bad := in.feed(ctx, u, bar)
			failed += bad
			bar.Step(bad > 0 && n == 0)
			continue
		}
		a, err := in.fetch.Page(ctx, u)
		switch {
		case errors.Is(err, fetch.ErrNotHTML):
			n, bad := in.feed(ctx, u, bar)
			failed += bad
			bar.Step(bad > 0 && n == 0)
		case err != nil:
			fmt.Fprintln(in.stderr, "claimtrail: ingest:", err)
			failed++
			bar.Step(true)
		default:
			failed += in.store(ctx, []claimtrail.Article{a}, nil)
			bar.Step(false)
		}
	}
	return failed
}

// knownFeed reports whether u is read as a feed without trying it as a
// page first: it was polled before, or its path says so.
func (in *ingester) knownFeed(ctx context.Context, u string) bool {
	if fs, err := in.st.Feed(ctx, u); err == nil && !fs.Checked.IsZero() {
		return true
	}
	p := strings.ToLower(u)
	if i := strings.IndexAny(p, "?#"); i >= 0 {
		p = p[:i]
	}
	for _, suffix := range []string{".xml", ".rss", ".atom", "/feed", "/rss", "/atom"} {
		if strings.HasSuffix(strings.TrimSuffix(p, "/"), suffix) {
			return true
		}
	}
	return false
}

// feed reads a feed and stores its items not yet in the corpus; it
// returns how many were stored and how many failed.
func (in *ingester) feed(ctx context.Context, u string, bar *progress.Bar) (stored, failed int) {
	fs, err := in.st.Feed(ctx, u)
	if err != nil {
		fmt.Fprintln(in.stderr, "claimtrail:", err)
		return 0, 1
	}
	res, err := in.fetch.Feed(ctx, u, fetch.Validators{ETag: fs.ETag, LastModified: fs.LastModified})
	if err != nil {
		fmt.Fprintln(in.stderr, "claimtrail: ingest:", err)
		return 0, 1
	}
	if !res.NotModified {
		var fresh []claimtrail.Article
		for _, it := range res.Items {
			args, ok := worker.ItemJob(it, res)
			if !ok {
				continue
			}
			switch a := args.(type) {
			case worker.ArticleArgs:
				fresh = append(fresh, a.Article)
			case worker.URLArgs:
				if _, found, err := in.st.Lookup(ctx, store.Key(&claimtrail.Article{URL: a.URL})); err == nil && found {
					continue
				}
				page, err := in.fetch.Page(ctx, a.URL)
				if err != nil {
					fmt.Fprintf(in.stderr, "claimtrail: ingest: feed %s: %v\n", u, err)
					failed++
					continue
				}
				if page.Outlet == "" {
					page.Outlet = res.Title
				}
				if page.Published.IsZero() {
					page.Published = it.Published
				}
				fresh = append(fresh, page)
			}
		}
		bad := in.store(ctx, fresh, nil)
		failed += bad
		stored = len(fresh) - bad
		fs.ETag, fs.LastModified = res.Validators.ETag, res.Validators.LastModified
	}
	fs.Checked = time.Now()
	if err := in.st.SetFeed(ctx, fs); err != nil {
		fmt.Fprintln(in.stderr, "claimtrail:", err)
		failed++
	}
	return stored, failed
}

// store analyses articles in parallel and writes them in order, one
// transaction each; it prints one line per article and returns how many
// failed.
func (in *ingester) store(ctx context.Context, articles []claimtrail.Article, bar *progress.Bar) (failed int) {
	type result struct {
		an  store.Analysis
		err error
	}
	results := make([]chan result, len(articles))
	for i := range results {
		results[i] = make(chan result, 1)
	}
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	go func() {
		for i := range articles {
			select {
			case sem <- struct{}{}:
			case <-ctx.Done():
				results[i] <- result{err: ctx.Err()}
				continue
			}
			go func() {
				defer func() { <-sem }()
				an, err := in.an.Analyze(ctx, &articles[i])
				results[i] <- result{an, err}
			}()
		}
	}()
	for i := range articles {
		a := &articles[i]
		r := <-results[i]
		err := r.err
		var res store.PutResult
		if err == nil {
			res, err = in.st.Put(ctx, a, r.an)
		}
		if bar != nil {
			bar.Step(err != nil)
		}
		if err != nil {
			fmt.Fprintf(in.stderr, "claimtrail: ingest: %s: %v\n", inputName(a), err)
			failed++
			continue
		}
		fmt.Fprintln(in.stdout, putLine(a, res))
	}
	return failed
}

// putLine describes what Put did with an article, one line.
func putLine(a *claimtrail.Article, r store.PutResult) string {
	what := "added"
	switch {
	case r.Existing:
		what = "exists"
	case r.Updated:
		what = "updated"
	case r.CopyOf != 0:
		what = fmt.Sprintf("copy of %d", r.CopyOf)
	}
	story := fmt.Sprintf("story %d", r.Story)
	if r.NewStory {
		story += " (new)"
	}
	return fmt.Sprintf("%-12s article %-6d %-16s %s", what, r.ID, story, inputName(a))
}

// inputName names an article by where it came from.
func inputName(a *claimtrail.Article) string {
	for _, s := range []string{a.Path, a.URL, a.Title} {
		if s != "" {
			return s
		}
	}
	return "article"
}

// refreshStale rebuilds the ledger summaries (claims, contested count) of
// the stories that gained articles.
func refreshStale(ctx context.Context, stderr io.Writer, st store.Store) error {
	ids, err := st.StaleStories(ctx)
	if err != nil {
		return err
	}
	bar := progress.New(stderr, len(ids), "ledgers")
	defer bar.Finish()
	build := ledgerBuilder(stderr)
	for _, id := range ids {
		if err := store.RefreshLedger(ctx, st, id, build); err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			fmt.Fprintf(stderr, "claimtrail: story %d: %v\n", id, err)
			bar.Step(true)
			continue
		}
		bar.Step(false)
	}
	return nil
}
