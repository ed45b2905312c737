package main

import (
	"context"
	"fmt"
	"time"

	"github.com/claimtrail/claimtrail/fetch"
	"github.com/claimtrail/claimtrail/ingest"
	"github.com/claimtrail/claimtrail/store/postgres"
	"github.com/claimtrail/claimtrail/worker"
	"github.com/spf13/cobra"
)

func init() { commands = append(commands, newWatchCmd) }

type watchOptions struct {
	db           string
	every        time.Duration
	allowPrivate bool
}

func newWatchCmd() *cobra.Command {
	var opts watchOptions
	cmd := &cobra.Command{
		Use:   "watch [--db DSN] [--every 10m] FEED ...",
		Short: "Poll RSS/Atom feeds and ingest their new articles",
		Long: `watch polls each feed now and then every --every, with conditional requests
(ETag / Last-Modified) so an unchanged feed costs one small request, and
ingests the articles of new items as 'ingest' does. A feed that fails is
reported and polled again next time; the others go on. Stop it with Ctrl-C
(SIGINT) or SIGTERM: the article in hand is finished or rolled back.

With --db postgres://... watch only queues the polls: run 'claimtrail worker'.`,
		Example: `  claimtrail watch --every 15m https://example.org/feed.xml https://example.com/rss`,
		Args:    cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.every < time.Minute {
				return fmt.Errorf("watch: --every %v: poll at most once a minute", opts.every)
			}
			for _, a := range args {
				if !ingest.IsURL(a) {
					return fmt.Errorf("watch: %q is not an http(s) feed URL", a)
				}
			}
			return runWatch(cmd, opts, args)
		},
	}
	cmd.Flags().StringVar(&opts.db, "db", "", dbFlagUsage)
	cmd.Flags().DurationVar(&opts.every, "every", 10*time.Minute, "time between polls of each feed")
	cmd.Flags().BoolVar(&opts.allowPrivate, "allow-private-fetch", false, "fetch feeds and pages on loopback, private and link-local addresses too")
	return cmd
}

func runWatch(cmd *cobra.Command, opts watchOptions, feeds []string) error {
	ctx := cmd.Context()
	stdout, stderr := cmd.OutOrStdout(), cmd.ErrOrStderr()
	dsn, err := corpusDSN(opts.db)
	if err != nil {
		return err
	}
	p, st, err := openWriter(ctx, dsn)
	if err != nil {
		return err
	}
	defer st.Close()

	var round func(context.Context)
	if pg, ok := st.(*postgres.Store); ok {
		if err := worker.Migrate(ctx, pg.Pool()); err != nil {
			return err
		}
		q, err := worker.NewEnqueuer(pg.Pool())
		if err != nil {
			return err
		}
		round = func(ctx context.Context) {
			for _, f := range feeds {
				if _, err := q.Enqueue(ctx, worker.FeedArgs{URL: f}); err != nil {
					fmt.Fprintln(stderr, "claimtrail: watch:", err)
				}
			}
			fmt.Fprintf(stdout, "%s queued %d feed poll(s)\n", time.Now().Format(time.TimeOnly), len(feeds))
		}
	} else {
		in := &ingest.Ingester{Store: st, Analyzer: ingest.Analyzer(p), Out: stdout, Err: stderr,
			Fetch: fetch.New(fetch.Options{AllowPrivate: opts.allowPrivate})}
		round = func(ctx context.Context) {
			for _, f := range feeds {
				if ctx.Err() != nil {
					return
				}
				n, bad := in.Feed(ctx, f)
				fmt.Fprintf(stderr, "%s %s: %d new article(s), %d failed\n", time.Now().Format(time.TimeOnly), f, n, bad)
			}
			if err := ingest.RefreshStale(ctx, stderr, st, ledgerBuilder(stderr)); err != nil && ctx.Err() == nil {
				fmt.Fprintln(stderr, "claimtrail: watch:", err)
			}
		}
	}
	tick := time.NewTicker(opts.every)
	defer tick.Stop()
	for {
		round(ctx)
		select {
		case <-ctx.Done():
			fmt.Fprintln(stderr, "claimtrail: watch: stopped")
			return interrupted(ctx)
		case <-tick.C:
		}
	}
}
