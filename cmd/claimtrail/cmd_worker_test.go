package main

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/claimtrail/claimtrail/store"
	"github.com/claimtrail/claimtrail/store/postgres"
	"github.com/claimtrail/claimtrail/store/postgres/pgtest"
)

// TestPostgresIngestAndWorker queues the example story in PostgreSQL with
// `ingest`, lets `worker` process it, stops the worker as SIGINT would, and
// reads the result with `stories` and `show`.
func TestPostgresIngestAndWorker(t *testing.T) {
	dsn := pgtest.DSN(t)
	out, stderr, err := run(t, "ingest", "--db", dsn, exampleStory)
	if err != nil {
		t.Fatalf("ingest: %v\n%s", err, stderr)
	}
	if !strings.Contains(out, "queued 5 job(s)") {
		t.Errorf("ingest output = %q, want 5 jobs queued", out)
	}

	if err := workUntilStored(t, dsn, 5); err == nil || !strings.Contains(err.Error(), "interrupted") {
		t.Errorf("worker returned %v after SIGINT-like cancellation, want an error saying it was interrupted", err)
	}
	out, _, err = run(t, "stories", "--db", dsn)
	if err != nil || !strings.Contains(out, "Veldrania") {
		t.Errorf("stories = %q, %v", out, err)
	}
	out, _, err = run(t, "search", "--db", dsn, "troops")
	if err != nil || !strings.Contains(out, "[troops]") {
		t.Errorf("search = %q, %v", out, err)
	}
}

// workUntilStored runs `worker` on the PostgreSQL corpus dsn until n articles are
// stored in stories whose ledgers are built, then stops it as SIGINT would
// and returns its error; it fails the test after 60 s.
func workUntilStored(t *testing.T, dsn string, n int) error {
	t.Helper()
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	var wout, werr bytes.Buffer
	root := newRootCmd()
	root.SetArgs([]string{"worker", "--db", dsn, "--workers", "2", "--ledger-delay", "500ms"})
	root.SetOut(&wout)
	root.SetErr(&werr)
	var wg sync.WaitGroup
	var workerErr error
	wg.Go(func() { workerErr = root.ExecuteContext(ctx) })

	s, err := postgres.Open(t.Context(), dsn, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	deadline := time.Now().Add(60 * time.Second)
	for {
		list, err := s.Stories(t.Context(), store.StoryQuery{})
		if err != nil {
			cancel()
			wg.Wait()
			t.Fatal(err)
		}
		fresh := 0
		for _, st := range list {
			if !st.Stale {
				fresh += st.Articles
			}
		}
		if fresh == n {
			break
		}
		if time.Now().After(deadline) {
			cancel()
			wg.Wait()
			t.Fatalf("worker did not store and build %d articles in 60s: %+v\n%s", n, list, werr.String())
		}
		time.Sleep(200 * time.Millisecond)
	}
	cancel()
	wg.Wait()
	return workerErr
}

// TestConcurrentFirstIngest starts four `ingest` runs at once on a fresh
// PostgreSQL schema, as four terminals or cron jobs might: every one
// creates or waits for the schema and the job queue, and queues its jobs.
func TestConcurrentFirstIngest(t *testing.T) {
	dsn := pgtest.DSN(t)
	const n = 4
	outs, errs := make([]string, n), make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			var stderr string
			outs[i], stderr, errs[i] = run(t, "ingest", "--db", dsn, exampleStory)
			if errs[i] != nil {
				errs[i] = fmt.Errorf("%w\n%s", errs[i], stderr)
			}
		})
	}
	wg.Wait()
	for i := range n {
		if errs[i] != nil || !strings.Contains(outs[i], "queued 5 job(s)") {
			t.Errorf("ingest %d: %v\n%s", i, errs[i], outs[i])
		}
	}
	// A queue that cannot be reached says nothing was queued, not that
	// the rest were.
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	root := newRootCmd()
	var out, errOut bytes.Buffer
	root.SetArgs([]string{"ingest", "--db", dsn, exampleStory})
	root.SetOut(&out)
	root.SetErr(&errOut)
	err := root.ExecuteContext(ctx)
	if err == nil || strings.Contains(out.String(), "queued") || strings.Contains(errOut.String(), "the rest were") {
		t.Errorf("ingest with the queue unreachable: %v\n%s%s", err, out.String(), errOut.String())
	}
}
