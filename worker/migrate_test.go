package worker

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/store"
	"github.com/claimtrail/claimtrail/store/postgres/pgtest"
	"github.com/claimtrail/claimtrail/store/storetest"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/riverqueue/river"
)

// TestConcurrentMigrate starts several "processes" (each its own
// connection pool) migrating a fresh schema at the same moment, as
// simultaneous first runs of ingest and worker do: every one must succeed.
func TestConcurrentMigrate(t *testing.T) {
	const rounds, procs = 3, 6
	for range rounds {
		dsn := pgtest.DSN(t)
		pools := make([]*pgxpool.Pool, procs)
		for i := range pools {
			p, err := pgxpool.New(t.Context(), dsn)
			if err != nil {
				t.Fatal(err)
			}
			defer p.Close()
			if err := p.Ping(t.Context()); err != nil {
				t.Fatal(err)
			}
			pools[i] = p
		}
		start := make(chan struct{})
		errs := make([]error, procs)
		var wg sync.WaitGroup
		for i, p := range pools {
			wg.Go(func() {
				<-start
				errs[i] = Migrate(t.Context(), p)
			})
		}
		close(start)
		wg.Wait()
		for i, err := range errs {
			if err != nil {
				t.Errorf("process %d: %v", i, err)
			}
		}
		if _, err := NewEnqueuer(pools[0]); err != nil {
			t.Fatal(err)
		}
		if _, err := pools[0].Exec(t.Context(), `SELECT count(*) FROM river_job`); err != nil {
			t.Errorf("job table missing after migration: %v", err)
		}
	}
}

// TestShortRescue: a rescue time under the default job timeout (as
// `worker --rescue-after 5m` asks) is accepted; the job timeout follows it.
func TestShortRescue(t *testing.T) {
	s := openStore(t, pgtest.DSN(t))
	for _, d := range []time.Duration{5 * time.Minute, time.Second} {
		if _, err := NewClient(s.Pool(), Config{Store: s, Analyzer: plainAnalyzer, RescueAfter: d}); err != nil {
			t.Errorf("RescueAfter %v: %v", d, err)
		}
	}
}

// countingFetcher serves one page under another URL than the link asked
// for (the link redirected), counting fetches.
type countingFetcher struct {
	fakeFetcher
	fetches int
}

func (f *countingFetcher) Page(ctx context.Context, u string) (claimtrail.Article, error) {
	f.fetches++
	return f.fakeFetcher.Page(ctx, u)
}

// TestRedirectedLinkFetchedOnce: a feed item's link that redirects is
// remembered, so the next URL job for it does not fetch it again.
func TestRedirectedLinkFetchedOnce(t *testing.T) {
	s := openStore(t, pgtest.DSN(t))
	a := *storetest.NewGenerator(5).Article(1)
	a.URL = "https://news.example.org/2026/kiln-fire"
	link := "https://news.example.org/go?id=77"
	f := &countingFetcher{fakeFetcher: fakeFetcher{pages: map[string]claimtrail.Article{link: a}}}
	w := &urlWorker{jobs: &jobs{cfg: Config{Store: s, Analyzer: plainAnalyzer, Fetcher: f}}}
	for range 2 {
		if err := w.Work(t.Context(), &river.Job[URLArgs]{Args: URLArgs{URL: link}}); err != nil {
			t.Fatal(err)
		}
	}
	if f.fetches != 1 {
		t.Errorf("the redirected link was fetched %d times, want 1", f.fetches)
	}
	if id, found, err := s.LookupAlias(t.Context(), store.Key(&claimtrail.Article{URL: link})); err != nil || !found || id == 0 {
		t.Errorf("alias of the link: %d %v %v", id, found, err)
	}
}
