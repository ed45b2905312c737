// Package worker runs claimtrail's ingest as jobs on a PostgreSQL queue
// (github.com/riverqueue/river), so that any number of `claimtrail worker`
// processes on any number of machines share the work: fetch a page or a
// feed, analyse an article, store it and assign it to a story, rebuild a
// story's ledger summary.
//
// Jobs are retried with backoff when they fail; a job whose worker died
// mid-way is rescued by River and run again. Nothing is doubled because
// every job is idempotent: an article is stored once under its key
// (store.Put), a ledger rebuild replaces the previous one, and feed polls
// enqueue each item URL as a unique job.
package worker

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/fetch"
	"github.com/claimtrail/claimtrail/load"
	"github.com/claimtrail/claimtrail/store"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
	"github.com/riverqueue/river/rivermigrate"
	"github.com/riverqueue/river/rivertype"
)

// Queue is the River queue claimtrail's jobs go to.
const Queue = "claimtrail"

// ArticleArgs asks for one loaded article to be analysed and stored.
type ArticleArgs struct {
	Article claimtrail.Article `json:"article"`
}

// Kind names the job kind.
func (ArticleArgs) Kind() string { return "claimtrail_article" }

// URLArgs asks for one web page to be fetched, analysed and stored.
type URLArgs struct {
	URL string `json:"url"`
}

// Kind names the job kind.
func (URLArgs) Kind() string { return "claimtrail_url" }

// FeedArgs asks for one RSS or Atom feed to be polled; each new item
// becomes a URLArgs job.
type FeedArgs struct {
	URL string `json:"url"`
}

// Kind names the job kind.
func (FeedArgs) Kind() string { return "claimtrail_feed" }

// LedgerArgs asks for a story's ledger summary to be rebuilt.
type LedgerArgs struct {
	Story int64 `json:"story"`
}

// Kind names the job kind.
func (LedgerArgs) Kind() string { return "claimtrail_ledger" }

// Fetcher reads pages and feeds; *fetch.Client is one.
type Fetcher interface {
	Page(ctx context.Context, url string) (claimtrail.Article, error)
	Feed(ctx context.Context, url string, v fetch.Validators) (*fetch.FeedResult, error)
}

// Config says what a worker works with.
type Config struct {
	Store    store.Store
	Analyzer store.Analyzer      // required
	Ledger   store.LedgerBuilder // nil: ledger jobs only clear nothing and fail
	Fetcher  Fetcher             // nil: URL and feed jobs fail
	Workers  int                 // jobs at once (default 4)
	Logger   *slog.Logger        // default: discard

	// RescueAfter is how long a job may run before it is taken for the job
	// of a dead worker and run again (default 1 hour); JobTimeout cancels a
	// job running longer (default 30 minutes, and never more than
	// RescueAfter, so that a rescued job is one whose worker died).
	RescueAfter time.Duration
	JobTimeout  time.Duration
	// RetryPolicy overrides River's exponential backoff (tests).
	RetryPolicy river.ClientRetryPolicy
	// LedgerDelay is how long after an article joins a story its ledger is
	// rebuilt (default 10 s): a burst of articles of one story then costs
	// one rebuild, and the rebuilds the rest of the burst asked for find
	// the story fresh and return at once.
	LedgerDelay time.Duration
}

// migrateLock is the key of the advisory lock that serialises job-queue
// migrations (the store's own keys are 0x636c61696d01 and 02).
const migrateLock int64 = 0x636c61696d03

// Migrate brings River's tables in the pool's schema up to date. It holds
// a session advisory lock while it does, so any number of processes
// starting at once on a fresh database (ingest, watch, workers) migrate it
// once: the others wait, then find nothing left to do. (River's migrations
// cannot share one transaction: a later one uses an enum value an earlier
// one adds.) The lock goes with the connection if the process dies.
func Migrate(ctx context.Context, pool *pgxpool.Pool) error {
	m, err := rivermigrate.New(riverpgxv5.New(pool), nil)
	if err != nil {
		return fmt.Errorf("migrate job queue: %w", err)
	}
	conn, err := pool.Acquire(ctx)
	if err != nil {
		return fmt.Errorf("migrate job queue: %w", err)
	}
	defer conn.Release()
	if _, err := conn.Exec(ctx, `SELECT pg_advisory_lock($1)`, migrateLock); err != nil {
		return fmt.Errorf("migrate job queue: lock: %w", err)
	}
	defer func() {
		if _, err := conn.Exec(context.WithoutCancel(ctx), `SELECT pg_advisory_unlock($1)`, migrateLock); err != nil {
			conn.Conn().Close(context.WithoutCancel(ctx)) // closing the session releases the lock
		}
	}()
	if _, err := m.Migrate(ctx, rivermigrate.DirectionUp, nil); err != nil {
		return fmt.Errorf("migrate job queue: %w", err)
	}
	return nil
}

// NewClient returns a River client that works claimtrail's jobs; Start it
// to begin and Stop it to finish the jobs in hand and leave.
func NewClient(pool *pgxpool.Pool, cfg Config) (*river.Client[pgx.Tx], error) {
	if cfg.Store == nil || cfg.Analyzer == nil {
		return nil, errors.New("new worker: a store and an analyzer are required")
	}
	if cfg.Workers <= 0 {
		cfg.Workers = 4
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.JobTimeout == 0 {
		cfg.JobTimeout = 30 * time.Minute
	}
	if cfg.RescueAfter == 0 {
		cfg.RescueAfter = time.Hour
	}
	if cfg.JobTimeout > cfg.RescueAfter {
		cfg.JobTimeout = cfg.RescueAfter
	}
	if cfg.LedgerDelay <= 0 {
		cfg.LedgerDelay = 10 * time.Second
	}
	w := &jobs{cfg: cfg}
	workers := river.NewWorkers()
	river.AddWorker(workers, &articleWorker{jobs: w})
	river.AddWorker(workers, &urlWorker{jobs: w})
	river.AddWorker(workers, &feedWorker{jobs: w})
	river.AddWorker(workers, &ledgerWorker{jobs: w})
	client, err := river.NewClient(riverpgxv5.New(pool), &river.Config{
		Queues:               map[string]river.QueueConfig{Queue: {MaxWorkers: cfg.Workers}},
		Workers:              workers,
		Logger:               cfg.Logger,
		JobTimeout:           cfg.JobTimeout,
		RescueStuckJobsAfter: cfg.RescueAfter,
		RetryPolicy:          cfg.RetryPolicy,
		MaxAttempts:          8,
	})
	if err != nil {
		return nil, fmt.Errorf("new worker: %w", err)
	}
	w.client = client
	return client, nil
}

// Enqueuer puts jobs on the queue without working them (`claimtrail
// ingest` with PostgreSQL).
type Enqueuer struct {
	client *river.Client[pgx.Tx]
}

// NewEnqueuer returns an insert-only queue client.
func NewEnqueuer(pool *pgxpool.Pool) (*Enqueuer, error) {
	c, err := river.NewClient(riverpgxv5.New(pool), &river.Config{})
	if err != nil {
		return nil, fmt.Errorf("new queue client: %w", err)
	}
	return &Enqueuer{client: c}, nil
}

// Enqueue puts one job on the queue; inserted is false when an identical
// unique job was already there.
func (e *Enqueuer) Enqueue(ctx context.Context, args river.JobArgs) (inserted bool, err error) {
	res, err := e.client.Insert(ctx, args, insertOpts(args, 0))
	if err != nil {
		return false, fmt.Errorf("enqueue %s: %w", args.Kind(), err)
	}
	return !res.UniqueSkippedAsDuplicate, nil
}

// EnqueueMany puts jobs on the queue in one round trip and one
// transaction: all or none.
func (e *Enqueuer) EnqueueMany(ctx context.Context, args []river.JobArgs) error {
	params := make([]river.InsertManyParams, len(args))
	for i, a := range args {
		params[i] = river.InsertManyParams{Args: a, InsertOpts: insertOpts(a, 0)}
	}
	if _, err := e.client.InsertMany(ctx, params); err != nil {
		return fmt.Errorf("enqueue %d jobs: %w", len(args), err)
	}
	return nil
}

// insertOpts gives each job kind its queue, uniqueness (a URL is fetched
// at most once a day however many polls list it; a feed has at most one
// poll waiting) and, for a ledger rebuild, its delay.
func insertOpts(args river.JobArgs, ledgerDelay time.Duration) *river.InsertOpts {
	opts := &river.InsertOpts{Queue: Queue}
	switch args.(type) {
	case URLArgs:
		opts.UniqueOpts = river.UniqueOpts{ByArgs: true, ByPeriod: 24 * time.Hour}
	case FeedArgs:
		opts.UniqueOpts = river.UniqueOpts{ByArgs: true, ByState: waitingStates}
	case LedgerArgs:
		// Not unique: a unique job still marked running while its
		// completion is being recorded would swallow the request of an
		// article that joined after its rebuild. A rebuild that finds
		// the story fresh costs one query.
		opts.ScheduledAt = time.Now().Add(ledgerDelay)
	}
	return opts
}

// waitingStates are the job states in which a second identical job is
// pointless.
var waitingStates = []rivertype.JobState{
	rivertype.JobStateAvailable, rivertype.JobStatePending, rivertype.JobStateRunning,
	rivertype.JobStateScheduled, rivertype.JobStateRetryable,
}

// jobs holds what every worker kind shares.
type jobs struct {
	cfg    Config
	client *river.Client[pgx.Tx]
}

func (j *jobs) enqueue(ctx context.Context, args river.JobArgs) error {
	_, err := j.client.Insert(ctx, args, insertOpts(args, j.cfg.LedgerDelay))
	if err != nil {
		return fmt.Errorf("enqueue %s: %w", args.Kind(), err)
	}
	return nil
}

// put analyses and stores one article, then asks for its story's ledger.
// A retried job finds the article stored and only asks again for the
// ledger, in case the first attempt died between the two; an article
// stored with other text is analysed again and updated.
func (j *jobs) put(ctx context.Context, a *claimtrail.Article) error {
	var res store.PutResult
	key := store.Key(a)
	id, found, err := j.cfg.Store.Lookup(ctx, key)
	if err != nil {
		return err
	}
	var stored *store.Record
	if found {
		if stored, err = j.cfg.Store.Article(ctx, id); err != nil {
			return err
		}
		res.Story = stored.Story
	}
	// Analyse and store unless the same text is stored already; other text
	// under the same key (a corrected article) replaces it.
	if stored == nil || store.ContentHash(stored.Article.Text) != store.ContentHash(a.Text) {
		an, err := j.cfg.Analyzer.Analyze(ctx, a)
		if err != nil {
			if ctx.Err() != nil { // stopped or timed out: run again
				return err
			}
			// The same text would fail the same way again.
			return river.JobCancel(fmt.Errorf("analyse %s: %w", name(a), err))
		}
		if res, err = j.cfg.Store.Put(ctx, a, an); err != nil {
			if permanent(err) {
				return river.JobCancel(err)
			}
			return err
		}
	}
	if j.cfg.Ledger == nil {
		return nil
	}
	return j.enqueue(ctx, LedgerArgs{Story: res.Story})
}

// permanent reports whether a store error would recur on every retry: an
// article store.Validate refuses (no text, NUL bytes, invalid UTF-8), or data PostgreSQL refuses (class 22, such as text
// that is not valid UTF-8).
func permanent(err error) bool {
	var pgErr *pgconn.PgError
	return errors.Is(err, store.ErrInvalid) || errors.Is(err, store.ErrNoText) || errors.As(err, &pgErr) && strings.HasPrefix(pgErr.Code, "22")
}

func name(a *claimtrail.Article) string {
	for _, s := range []string{a.Path, a.URL, a.Title} {
		if s != "" {
			return s
		}
	}
	return "article"
}

type articleWorker struct {
	river.WorkerDefaults[ArticleArgs]
	*jobs
}

func (w *articleWorker) Work(ctx context.Context, job *river.Job[ArticleArgs]) error {
	return w.put(ctx, &job.Args.Article)
}

type urlWorker struct {
	river.WorkerDefaults[URLArgs]
	*jobs
}

func (w *urlWorker) Work(ctx context.Context, job *river.Job[URLArgs]) error {
	if w.cfg.Fetcher == nil {
		return river.JobCancel(errors.New("this worker cannot fetch URLs"))
	}
	link := store.Key(&claimtrail.Article{URL: job.Args.URL})
	if found, err := w.known(ctx, link); err != nil || found {
		return err
	}
	a, err := w.cfg.Fetcher.Page(ctx, job.Args.URL)
	if errors.Is(err, fetch.ErrNotHTML) {
		// Not a page: perhaps a feed (`claimtrail ingest FEED`).
		return w.enqueue(ctx, FeedArgs{URL: job.Args.URL})
	}
	if err != nil {
		return fetchError(err)
	}
	if err := w.put(ctx, &a); err != nil {
		return err
	}
	return w.alias(ctx, link, &a)
}

// known reports whether the page under key is stored, or was reached
// before through a link with that key that redirected.
func (w *urlWorker) known(ctx context.Context, key string) (bool, error) {
	if _, found, err := w.cfg.Store.Lookup(ctx, key); err != nil || found {
		return found, err
	}
	if al, ok := w.cfg.Store.(store.Aliases); ok {
		_, found, err := al.LookupAlias(ctx, key)
		return found, err
	}
	return false, nil
}

// alias remembers that the link with key led to a, stored under another
// key (the page redirected), so a feed's next poll does not fetch it again.
func (w *urlWorker) alias(ctx context.Context, link string, a *claimtrail.Article) error {
	al, ok := w.cfg.Store.(store.Aliases)
	if !ok || store.Key(a) == link {
		return nil
	}
	id, found, err := w.cfg.Store.Lookup(ctx, store.Key(a))
	if err != nil || !found {
		return err
	}
	return al.SetAlias(ctx, link, id)
}

// fetchError cancels the job for a problem that retrying cannot fix (a
// 4xx status, a page that is not HTML, too large, a bad URL) and returns
// other problems for a retry.
func fetchError(err error) error {
	var fe *fetch.Error
	if errors.As(err, &fe) && fe.Status >= 400 && fe.Status < 500 && fe.Status != 408 && fe.Status != 429 {
		return river.JobCancel(err)
	}
	for _, p := range []error{fetch.ErrNotHTML, fetch.ErrTooLarge, fetch.ErrScheme, fetch.ErrBadURL, fetch.ErrRedirects, fetch.ErrFeed} {
		if errors.Is(err, p) {
			return river.JobCancel(err)
		}
	}
	return err
}

type feedWorker struct {
	river.WorkerDefaults[FeedArgs]
	*jobs
}

func (w *feedWorker) Work(ctx context.Context, job *river.Job[FeedArgs]) error {
	if w.cfg.Fetcher == nil {
		return river.JobCancel(errors.New("this worker cannot fetch feeds"))
	}
	st, err := w.cfg.Store.Feed(ctx, job.Args.URL)
	if err != nil {
		return err
	}
	res, err := w.cfg.Fetcher.Feed(ctx, job.Args.URL, fetch.Validators{ETag: st.ETag, LastModified: st.LastModified})
	if err != nil {
		return fetchError(err)
	}
	if !res.NotModified {
		for _, it := range res.Items {
			args, ok := ItemJob(it, res)
			if !ok {
				continue
			}
			if err := w.enqueue(ctx, args); err != nil {
				return err
			}
		}
		st.ETag, st.LastModified = res.Validators.ETag, res.Validators.LastModified
	}
	st.Checked = time.Now()
	return w.cfg.Store.SetFeed(ctx, st)
}

// ItemJob turns a feed item into a job: its link to fetch, or, for an item
// without a link, its own content as an article. ok is false for an item
// with neither.
func ItemJob(it fetch.Item, feed *fetch.FeedResult) (args river.JobArgs, ok bool) {
	if it.Link != "" {
		return URLArgs{URL: it.Link}, true
	}
	body := it.Content
	if body == "" {
		body = it.Description
	}
	if body == "" {
		return nil, false
	}
	a, err := load.HTML(feed.URL+"#"+it.GUID, []byte(body), "")
	if err != nil || a.Text == "" {
		return nil, false
	}
	if a.Title == "" {
		a.Title = it.Title
	}
	if a.Outlet == "" {
		a.Outlet = feed.Title
	}
	if a.Published.IsZero() {
		a.Published = it.Published
	}
	return ArticleArgs{Article: a}, true
}

type ledgerWorker struct {
	river.WorkerDefaults[LedgerArgs]
	*jobs
}

func (w *ledgerWorker) Work(ctx context.Context, job *river.Job[LedgerArgs]) error {
	if w.cfg.Ledger == nil {
		return river.JobCancel(errors.New("this worker cannot build ledgers"))
	}
	st, err := w.cfg.Store.Story(ctx, job.Args.Story)
	if errors.Is(err, store.ErrNotFound) {
		return river.JobCancel(err)
	}
	if err != nil {
		return err
	}
	if !st.Stale {
		return nil
	}
	// Every article that joins the story after this rebuild started
	// enqueues a rebuild of its own.
	err = store.RefreshLedger(ctx, w.cfg.Store, job.Args.Story, w.cfg.Ledger)
	if err != nil && permanent(err) {
		return river.JobCancel(err)
	}
	return err
}
