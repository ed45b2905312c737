// Command claimtrail turns a pile of news articles about one story into a
// claim ledger: every claim, who asserts it on whose authority, who denies
// it, and how independent the corroboration is.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"github.com/claimtrail/claimtrail/render"
	"github.com/spf13/cobra"
)

// errReported marks an error whose details the command already printed; main
// only sets the exit status.
var errReported = errors.New("reported")

func newRootCmd() *cobra.Command {
	root := &cobra.Command{
		Use:   "claimtrail",
		Short: "Turn news articles about one story into a claim ledger",
		Long: `claimtrail reads news articles about one story and prints its claim ledger:
every factual claim, who asserts it and on whose authority, who denies it,
and whether the outlets repeating it are independent sources or relays of one.`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	for _, add := range commands {
		root.AddCommand(add())
	}
	return root
}

// commands lists the constructors of the top-level subcommands; each
// cmd_*.go file appends its own in an init function, restic-style.
var commands []func() *cobra.Command

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	go func() {
		// After the first signal, a second one kills at once.
		<-ctx.Done()
		stop()
	}()
	err := newRootCmd().ExecuteContext(ctx)
	stop()
	switch {
	case err != nil && ctx.Err() != nil && errors.Is(err, context.Canceled):
		fmt.Fprintln(os.Stderr, "claimtrail: interrupted")
		os.Exit(130)
	case err != nil:
		if !errors.Is(err, errReported) {
			// Errors name inputs, whose names may hold terminal escapes.
			fmt.Fprintln(os.Stderr, "claimtrail:", render.Terminal(err.Error()))
		}
		os.Exit(1)
	}
}
