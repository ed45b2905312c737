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
	"sync/atomic"
	"syscall"

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
	ctx, sig := signalContext()
	err := newRootCmd().ExecuteContext(ctx)
	if err != nil && !errors.Is(err, errReported) {
		fmt.Fprintln(os.Stderr, "claimtrail:", err)
	}
	switch s := sig(); {
	case s != nil:
		// Stopped by a signal: whatever the command made of it, the run
		// did not finish, and the exit status says so (128 + signal).
		if err == nil {
			fmt.Fprintln(os.Stderr, "claimtrail: interrupted")
		}
		os.Exit(128 + int(s.(syscall.Signal)))
	case err != nil:
		os.Exit(1)
	}
}

// signalContext returns a context cancelled, with the signal as its cause,
// on the first SIGINT or SIGTERM, and a function giving that signal (nil
// when none came). A second signal ends the process at once.
func signalContext() (context.Context, func() os.Signal) {
	ctx, cancel := context.WithCancelCause(context.Background())
	ch := make(chan os.Signal, 2)
	signal.Notify(ch, os.Interrupt, syscall.SIGTERM)
	var got atomic.Value
	go func() {
		s := <-ch
		got.Store(s)
		cancel(errors.New(s.String()))
		s = <-ch
		fmt.Fprintln(os.Stderr, "claimtrail: second signal, exiting now")
		os.Exit(128 + int(s.(syscall.Signal)))
	}()
	return ctx, func() os.Signal {
		s, _ := got.Load().(os.Signal)
		return s
	}
}
