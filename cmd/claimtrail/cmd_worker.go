package main

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/claimtrail/claimtrail/fetch"
	"github.com/claimtrail/claimtrail/ingest"
	"github.com/claimtrail/claimtrail/pipeline"
	"github.com/claimtrail/claimtrail/store/postgres"
	"github.com/claimtrail/claimtrail/worker"
	"github.com/spf13/cobra"
)

func init() { commands = append(commands, newWorkerCmd) }

type workerOptions struct {
	db           string
	workers      int
	grace        time.Duration
	delay        time.Duration
	rescue       time.Duration
	allowPrivate bool
}

func newWorkerCmd() *cobra.Command {
	var opts workerOptions
	cmd := &cobra.Command{
		Use:   "worker --db postgres://...",
		Short: "Process queued ingest jobs from a PostgreSQL corpus",
		Long: `worker takes the jobs that 'ingest' and 'watch' queue in a PostgreSQL corpus
(fetch a page or a feed, analyse and store an article, rebuild a story's
ledger) and runs them, several at once. Run as many workers on as many
machines as you like. Failed jobs are retried with backoff; the jobs of a
worker that dies are taken up again by another after a while, and nothing is
stored twice.

On SIGINT or SIGTERM the worker stops taking jobs, gives those in hand --grace
to finish, cancels the rest and exits with a non-zero status; unfinished jobs go
back to the queue, and a half-done article write is rolled back. The jobs of a
worker killed outright (SIGKILL) are taken up again after --rescue-after.`,
		Example: `  claimtrail worker --db postgres://claimtrail@db.internal/claimtrail --workers 8`,
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runWorker(cmd, opts)
		},
	}
	cmd.Flags().StringVar(&opts.db, "db", "", "PostgreSQL corpus, postgres://... (default $"+dbEnv+")")
	cmd.Flags().IntVar(&opts.workers, "workers", 4, "jobs run at once")
	cmd.Flags().DurationVar(&opts.grace, "grace", 500*time.Millisecond, "time given to jobs in hand when stopping; a job cut off goes back to the queue")
	cmd.Flags().DurationVar(&opts.rescue, "rescue-after", time.Hour, "take up again a job whose worker died (SIGKILL, crash) after this long; keep it above the longest job")
	cmd.Flags().BoolVar(&opts.allowPrivate, "allow-private-fetch", false, "fetch pages and feeds on loopback, private and link-local addresses too")
	cmd.Flags().DurationVar(&opts.delay, "ledger-delay", 10*time.Second, "wait after an article joins a story before rebuilding its ledger, so a burst costs one rebuild")
	return cmd
}

func runWorker(cmd *cobra.Command, opts workerOptions) error {
	ctx := cmd.Context()
	stderr := cmd.ErrOrStderr()
	dsn, err := corpusDSN(opts.db)
	if err != nil {
		return err
	}
	if !postgres.IsDSN(dsn) {
		return fmt.Errorf("worker: --db %q: workers need a postgres:// corpus; a SQLite corpus is ingested directly", dsn)
	}
	if opts.rescue < time.Second {
		return fmt.Errorf("worker: --rescue-after %v: give at least 1s", opts.rescue)
	}
	p, err := pipeline.New(pipeline.Options{})
	if err != nil {
		return err
	}
	st, err := postgres.Open(ctx, dsn, writeOptions(p))
	if err != nil {
		return err
	}
	defer st.Close()
	if err := worker.Migrate(ctx, st.Pool()); err != nil {
		return err
	}
	client, err := worker.NewClient(st.Pool(), worker.Config{
		Store:       st,
		Analyzer:    ingest.Analyzer(p),
		Ledger:      ledgerBuilder(stderr),
		Fetcher:     fetch.New(fetch.Options{AllowPrivate: opts.allowPrivate}),
		RescueAfter: opts.rescue,
		Workers:     opts.workers,
		LedgerDelay: opts.delay,
		Logger:      slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelWarn})),
	})
	if err != nil {
		return err
	}
	// The client runs until stopped below, not until ctx ends, so that
	// jobs in hand get their grace period.
	if err := client.Start(context.WithoutCancel(ctx)); err != nil {
		return fmt.Errorf("worker: %w", err)
	}
	fmt.Fprintf(stderr, "claimtrail: worker running %d job(s) at once; Ctrl-C to stop\n", opts.workers)
	<-ctx.Done()
	fmt.Fprintln(stderr, "claimtrail: worker stopping")
	stopCtx, cancel := context.WithTimeout(context.Background(), opts.grace)
	defer cancel()
	if err := client.Stop(stopCtx); err != nil {
		// Jobs still running are cancelled: their writes roll back and
		// they go back to the queue.
		hard, cancelHard := context.WithTimeout(context.Background(), time.Second)
		defer cancelHard()
		if err := client.StopAndCancel(hard); err != nil {
			fmt.Fprintln(stderr, "claimtrail: worker: jobs still running at exit go back to the queue:", err)
		}
	}
	return interrupted(ctx)
}
