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
	"time"

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
	root := newRootCmd()
	ctx, sig := signalContext(func() time.Duration { return stopGrace(root, os.Args[1:]) })
	err := root.ExecuteContext(ctx)
	s := sig()
	switch {
	case s != nil && (err == nil || errors.Is(err, context.Canceled)):
		fmt.Fprintln(os.Stderr, "claimtrail: interrupted")
	case err != nil && !errors.Is(err, errReported):
		// Errors name inputs, whose names may hold terminal escapes.
		fmt.Fprintln(os.Stderr, "claimtrail:", render.Terminal(err.Error()))
	}
	switch {
	case s != nil:
		// Stopped by a signal: whatever the command made of it, the run
		// did not finish, and the exit status says so (128 + signal).
		os.Exit(128 + int(s.(syscall.Signal)))
	case err != nil:
		os.Exit(1)
	}
}

// stopTime is how long a command has to return after SIGINT or SIGTERM,
// on top of its own --grace, before the process exits regardless. Every
// command stops on its context well within it; the deadline covers work
// that cannot be interrupted (loading a model, a library call). Exiting
// then loses nothing written: every write is a transaction.
const stopTime = time.Second

// stopGrace is stopTime plus the --grace the running command was given,
// if it has that flag (worker).
func stopGrace(root *cobra.Command, args []string) time.Duration {
	c, _, err := root.Find(args)
	if err != nil || c == nil {
		return stopTime
	}
	if f := c.Flags().Lookup("grace"); f != nil {
		if d, err := time.ParseDuration(f.Value.String()); err == nil && d > 0 {
			return stopTime + d
		}
	}
	return stopTime
}

// signalContext returns a context cancelled, with the signal as its cause,
// on the first SIGINT or SIGTERM, and a function giving that signal (nil
// when none came). The process exits (128 + the signal) if the command has
// not returned within deadline() of the signal, and at once on a second
// signal.
func signalContext(deadline func() time.Duration) (context.Context, func() os.Signal) {
	ctx, cancel := context.WithCancelCause(context.Background())
	ch := make(chan os.Signal, 2)
	signal.Notify(ch, os.Interrupt, syscall.SIGTERM)
	var got atomic.Value
	go func() {
		s := <-ch
		got.Store(s)
		cancel(errors.New(s.String()))
		select {
		case s = <-ch:
			fmt.Fprintln(os.Stderr, "claimtrail: second signal, exiting now")
		case <-time.After(deadline()):
			// Work that cannot be cut short (loading a model) was still
			// running: the run is interrupted all the same.
			fmt.Fprintf(os.Stderr, "claimtrail: interrupted (the command had not returned %v after the signal; exiting now)\n", deadline())
		}
		os.Exit(128 + int(s.(syscall.Signal)))
	}()
	return ctx, func() os.Signal {
		s, _ := got.Load().(os.Signal)
		return s
	}
}
