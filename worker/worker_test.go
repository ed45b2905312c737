package worker

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/fetch"
	"github.com/claimtrail/claimtrail/store"
	"github.com/claimtrail/claimtrail/store/postgres"
	"github.com/claimtrail/claimtrail/store/postgres/pgtest"
	"github.com/claimtrail/claimtrail/store/storetest"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/rivertype"
)

// childEnv, when set to a DSN, makes TestWorkerChild run a worker on it.
const childEnv = "CLAIMTRAIL_WORKER_CHILD"

// fastRetry retries failed jobs after a fifth of a second.
type fastRetry struct{}

func (fastRetry) NextRetry(*rivertype.JobRow) time.Time {
	return time.Now().Add(200 * time.Millisecond)
}

// plainAnalyzer finds nothing; story assignment falls back on the text's
// capitalised words.
var plainAnalyzer = store.AnalyzerFunc(func(ctx context.Context, a *claimtrail.Article) (store.Analysis, error) {
	return store.Analysis{}, ctx.Err()
})

// titleLedger makes one claim of each article title.
func titleLedger(ctx context.Context, recs []store.Record) (store.LedgerSummary, error) {
	var l store.LedgerSummary
	for _, r := range recs {
		l.Claims = append(l.Claims, store.ClaimSummary{ID: r.Article.ID, Text: r.Article.Title, Status: claimtrail.SingleSource})
	}
	return l, nil
}

func openStore(t *testing.T, dsn string) *postgres.Store {
	t.Helper()
	s, err := postgres.Open(t.Context(), dsn, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if err := Migrate(t.Context(), s.Pool()); err != nil {
		t.Fatal(err)
	}
	return s
}

// waitIdle waits until no job is left to run and returns the count of jobs
// by state.
func waitIdle(t *testing.T, pool *pgxpool.Pool, limit time.Duration) map[string]int {
	t.Helper()
	deadline := time.Now().Add(limit)
	for {
		states := jobStates(t, pool)
		if states["available"]+states["running"]+states["retryable"]+states["scheduled"]+states["pending"] == 0 {
			return states
		}
		if time.Now().After(deadline) {
			t.Fatalf("jobs still pending after %v: %v", limit, states)
		}
		if os.Getenv("DEBUG_WAIT") != "" {
			t.Log(time.Now().Format("05.000"), states)
		}
		time.Sleep(500 * time.Millisecond)
	}
}

func jobStates(t *testing.T, pool *pgxpool.Pool) map[string]int {
	t.Helper()
	rows, err := pool.Query(context.Background(), `SELECT state::text, count(*) FROM river_job GROUP BY state`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var s string
		var n int
		if err := rows.Scan(&s, &n); err != nil {
			t.Fatal(err)
		}
		out[s] = n
	}
	return out
}

func count(t *testing.T, pool *pgxpool.Pool, query string) int {
	t.Helper()
	var n int
	if err := pool.QueryRow(context.Background(), query).Scan(&n); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return n
}

// fakeFetcher serves pages and one feed from memory.
type fakeFetcher struct {
	pages map[string]claimtrail.Article
	feed  *fetch.FeedResult
}

func (f *fakeFetcher) Page(ctx context.Context, u string) (claimtrail.Article, error) {
	a, ok := f.pages[u]
	if !ok {
		return a, &fetch.Error{URL: u, Status: 404, Err: fetch.ErrStatus}
	}
	return a, nil
}

func (f *fakeFetcher) Feed(ctx context.Context, u string, v fetch.Validators) (*fetch.FeedResult, error) {
	if v.ETag == f.feed.Validators.ETag {
		return &fetch.FeedResult{URL: u, NotModified: true, Validators: v}, nil
	}
	return f.feed, nil
}

func TestJobs(t *testing.T) {
	dsn := pgtest.DSN(t)
	s := openStore(t, dsn)
	pool := s.Pool()
	g := storetest.NewGenerator(3)
	ff := &fakeFetcher{pages: map[string]claimtrail.Article{}, feed: &fetch.FeedResult{
		URL: "https://feeds.example.org/rss", Title: "Example Feed", Validators: fetch.Validators{ETag: `"1"`},
	}}
	for i := 10; i < 14; i++ {
		a := g.Article(i)
		ff.pages[a.URL] = *a
		ff.feed.Items = append(ff.feed.Items, fetch.Item{Link: a.URL})
	}
	ff.feed.Items = append(ff.feed.Items, fetch.Item{Link: "https://gone.example.org/404"})
	q, err := NewEnqueuer(pool)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 6 {
		if _, err := q.Enqueue(t.Context(), ArticleArgs{Article: *g.Article(i)}); err != nil {
			t.Fatal(err)
		}
	}
	// An article without text can never be stored: cancelled, not retried.
	if _, err := q.Enqueue(t.Context(), ArticleArgs{Article: claimtrail.Article{Title: "Empty", Path: "empty.txt"}}); err != nil {
		t.Fatal(err)
	}
	for range 2 {
		if _, err := q.Enqueue(t.Context(), FeedArgs{URL: ff.feed.URL}); err != nil {
			t.Fatal(err)
		}
	}
	client, err := NewClient(pool, Config{Store: s, Analyzer: plainAnalyzer, Ledger: titleLedger, Fetcher: ff, RetryPolicy: fastRetry{}, LedgerDelay: 300 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	if err := client.Start(t.Context()); err != nil {
		t.Fatal(err)
	}
	waitIdle(t, pool, 30*time.Second)
	// The feed polled again finds nothing new.
	if _, err := q.Enqueue(t.Context(), FeedArgs{URL: ff.feed.URL}); err != nil {
		t.Fatal(err)
	}
	states := waitIdle(t, pool, 30*time.Second)
	if err := client.Stop(t.Context()); err != nil {
		t.Fatal(err)
	}
	if n := count(t, pool, `SELECT count(*) FROM articles`); n != 10 {
		t.Errorf("%d articles stored, want 10 (6 loaded, 4 from the feed)", n)
	}
	if states["cancelled"] != 2 {
		t.Errorf("job states %v: want exactly two cancelled jobs (the 404 page, the empty article)", states)
	}
	if states["discarded"] != 0 {
		t.Errorf("job states %v: discarded jobs", states)
	}
	if n := count(t, pool, `SELECT count(*) FROM stories WHERE version > ledger_version`); n != 0 {
		t.Errorf("%d stories left with a stale ledger", n)
	}
	if n := count(t, pool, `SELECT count(*) FROM claims`); n != 10 {
		t.Errorf("%d claims recorded, want one per article (10)", n)
	}
	st, err := s.Feed(t.Context(), ff.feed.URL)
	if err != nil || st.ETag != `"1"` || st.Checked.IsZero() {
		t.Errorf("feed state = %+v, %v", st, err)
	}
}

// TestWorkerChild is the worker process TestKilledWorker starts and kills.
func TestWorkerChild(t *testing.T) {
	dsn := os.Getenv(childEnv)
	if dsn == "" {
		t.Skip("runs only as the child process of TestKilledWorker")
	}
	s, err := postgres.Open(t.Context(), dsn, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	slow := store.AnalyzerFunc(func(ctx context.Context, a *claimtrail.Article) (store.Analysis, error) {
		select {
		case <-time.After(250 * time.Millisecond):
			return store.Analysis{}, nil
		case <-ctx.Done():
			return store.Analysis{}, ctx.Err()
		}
	})
	client, err := NewClient(s.Pool(), Config{Store: s, Analyzer: slow, Ledger: titleLedger, Workers: 4, LedgerDelay: 300 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	if err := client.Start(t.Context()); err != nil {
		t.Fatal(err)
	}
	time.Sleep(60 * time.Second) // killed long before
}

// TestKilledWorker kills a worker process (SIGKILL) while it is in the
// middle of jobs, then lets another worker finish: every article must be
// stored exactly once, and every job must end completed.
func TestKilledWorker(t *testing.T) {
	dsn := pgtest.DSN(t)
	s := openStore(t, dsn)
	pool := s.Pool()
	q, err := NewEnqueuer(pool)
	if err != nil {
		t.Fatal(err)
	}
	g := storetest.NewGenerator(5)
	const n = 40
	want := map[string]bool{}
	for i := range n {
		a := g.Article(i)
		want[store.Key(a)] = true
		if _, err := q.Enqueue(t.Context(), ArticleArgs{Article: *a}); err != nil {
			t.Fatal(err)
		}
	}
	// The same article twice in the queue is still stored once.
	if _, err := q.Enqueue(t.Context(), ArticleArgs{Article: *g.Article(0)}); err != nil {
		t.Fatal(err)
	}

	child := exec.Command(os.Args[0], "-test.run=^TestWorkerChild$")
	child.Env = append(os.Environ(), childEnv+"="+dsn)
	var out strings.Builder
	child.Stdout, child.Stderr = &out, &out
	if err := child.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(30 * time.Second)
	for count(t, pool, `SELECT count(*) FROM articles`) < 6 || jobStates(t, pool)["running"] == 0 {
		if time.Now().After(deadline) {
			child.Process.Kill()
			child.Wait()
			t.Fatalf("child worker stored too little in 30s; its output:\n%s", out.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
	if err := child.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	child.Wait()
	running := jobStates(t, pool)["running"]
	stored := count(t, pool, `SELECT count(*) FROM articles`)
	t.Logf("killed the worker with %d jobs running and %d of %d articles stored", running, stored, n)
	if running == 0 {
		t.Fatal("the worker was not killed mid-job")
	}
	// The dead worker's leadership would expire by itself after its TTL;
	// end it now, and let its jobs age past RescueAfter, so the new
	// worker's rescuer takes them on its first run.
	time.Sleep(1100 * time.Millisecond)
	if _, err := pool.Exec(t.Context(), `DELETE FROM river_leader`); err != nil {
		t.Fatal(err)
	}
	client, err := NewClient(pool, Config{
		Store: s, Analyzer: plainAnalyzer, Ledger: titleLedger,
		RescueAfter: time.Second, JobTimeout: 900 * time.Millisecond, RetryPolicy: fastRetry{},
		LedgerDelay: 300 * time.Millisecond,
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := client.Start(t.Context()); err != nil {
		t.Fatal(err)
	}
	states := waitIdle(t, pool, 60*time.Second)
	stopCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := client.Stop(stopCtx); err != nil {
		t.Fatal(err)
	}
	if states["cancelled"]+states["discarded"] != 0 {
		t.Errorf("job states after recovery: %v; want all completed", states)
	}
	rows, err := pool.Query(t.Context(), `SELECT key FROM articles`)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]int{}
	for rows.Next() {
		var k string
		if err := rows.Scan(&k); err != nil {
			t.Fatal(err)
		}
		got[k]++
	}
	rows.Close()
	for k := range want {
		if got[k] != 1 {
			t.Errorf("article %s stored %d times, want once", k, got[k])
		}
	}
	if len(got) != len(want) {
		t.Errorf("%d articles stored, want %d", len(got), len(want))
	}
	if n := count(t, pool, `SELECT count(*) FROM river_job WHERE attempt > 1 AND kind = 'claimtrail_article'`); n == 0 {
		t.Error("no article job was run twice: nothing was rescued from the killed worker")
	}
	if n := count(t, pool, `SELECT count(*) FROM stories WHERE version > ledger_version`); n != 0 {
		t.Errorf("%d stories left with a stale ledger", n)
		rows, _ := pool.Query(t.Context(), `SELECT s.id, s.version, s.ledger_version, j.state, j.attempt, j.errors::text, j.finalized_at FROM stories s LEFT JOIN river_job j ON j.kind = 'claimtrail_ledger' AND (j.args->>'story')::bigint = s.id WHERE s.version > s.ledger_version`)
		for rows.Next() {
			vals, _ := rows.Values()
			t.Log(vals...)
		}
		rows.Close()
	}
	orphan := count(t, pool, `SELECT count(*) FROM article_bands b WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = b.article_id)`)
	if orphan != 0 {
		t.Errorf("%d band rows without their article: a write was half done", orphan)
	}
}

func TestFetchErrorClassification(t *testing.T) {
	var cancel *river.JobCancelError
	for _, err := range []error{
		&fetch.Error{URL: "u", Status: 404, Err: fetch.ErrStatus},
		&fetch.Error{URL: "u", Err: fetch.ErrNotHTML},
		&fetch.Error{URL: "u", Err: fetch.ErrTooLarge},
		&fetch.Error{URL: "u", Err: fetch.ErrRedirects},
	} {
		if !errors.As(fetchError(err), &cancel) {
			t.Errorf("%v is retried; want the job cancelled", err)
		}
	}
	for _, err := range []error{
		&fetch.Error{URL: "u", Status: 503, Err: fetch.ErrStatus},
		&fetch.Error{URL: "u", Status: 429, Err: fetch.ErrStatus},
		&fetch.Error{URL: "u", Err: fetch.ErrTimeout},
		fmt.Errorf("connection refused"),
	} {
		if errors.As(fetchError(err), &cancel) {
			t.Errorf("%v cancels the job; want a retry", err)
		}
	}
}

func TestItemJob(t *testing.T) {
	feed := &fetch.FeedResult{URL: "https://f.example.org/rss", Title: "F"}
	if args, ok := ItemJob(fetch.Item{Link: "https://f.example.org/a"}, feed); !ok || args.(URLArgs).URL != "https://f.example.org/a" {
		t.Errorf("item with a link = %v, %v", args, ok)
	}
	body := "<p>" + strings.Repeat("The council met again about the harbour wall. ", 5) + "</p>"
	args, ok := ItemJob(fetch.Item{GUID: "g1", Title: "Harbour", Content: body}, feed)
	if !ok {
		t.Fatal("item with content but no link gave no job")
	}
	a := args.(ArticleArgs).Article
	if a.Title != "Harbour" || !strings.Contains(a.Text, "harbour wall") {
		t.Errorf("article from item content = %+v", a)
	}
	if _, ok := ItemJob(fetch.Item{GUID: "empty"}, feed); ok {
		t.Error("empty item gave a job")
	}
}

func TestPermanent(t *testing.T) {
	for err, want := range map[error]bool{
		fmt.Errorf("put x: %w", store.ErrNoText):                                                  true,
		fmt.Errorf("put x: %w", store.Validate(&claimtrail.Article{Text: "a\x00b"})):              true,
		fmt.Errorf("put x: %w", &pgconn.PgError{Code: "22021", Message: "invalid byte sequence"}): true,
		fmt.Errorf("put x: %w", &pgconn.PgError{Code: "40001"}):                                   false,
		context.Canceled: false,
	} {
		if permanent(err) != want {
			t.Errorf("permanent(%v) = %v", err, !want)
		}
	}
}
