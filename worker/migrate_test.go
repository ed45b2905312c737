package worker

import (
	"sync"
	"testing"
	"time"

	"github.com/claimtrail/claimtrail/store/postgres/pgtest"
	"github.com/jackc/pgx/v5/pgxpool"
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
