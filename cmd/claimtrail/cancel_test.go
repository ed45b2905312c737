package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/claimtrail/claimtrail/internal/synth"
)

// runContext executes the CLI with args under ctx and returns stdout and
// the error.
func runContext(ctx context.Context, args ...string) (string, error) {
	var out, errOut bytes.Buffer
	root := newRootCmd()
	root.SetArgs(args)
	root.SetOut(&out)
	root.SetErr(&errOut)
	err := root.ExecuteContext(ctx)
	return out.String(), err
}

// TestAnalyzeCancelled: analyze and check over a folder of many articles,
// cancelled before they start or while they run, return context.Canceled
// within a bound far under main's one-second fallback, and write nothing
// to stdout (no partial ledger). The folder takes several seconds to
// analyse, so the cancel lands mid-run.
func TestAnalyzeCancelled(t *testing.T) {
	dir := t.TempDir()
	for i := range 60 {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("s%02d.txt", i)), synth.Story(uint64(i), 20<<10), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	const bound = 900 * time.Millisecond // main gives up waiting after 1 s
	for _, args := range [][]string{
		{"analyze", dir},
		{"analyze", "--format", "json", dir},
		{"check", "The night ferry was late", dir},
	} {
		for _, after := range []time.Duration{0, 50 * time.Millisecond, 400 * time.Millisecond, 1500 * time.Millisecond} {
			ctx, cancel := context.WithCancel(context.Background())
			var cancelled time.Time
			if after == 0 {
				cancel()
				cancelled = time.Now()
			} else {
				stop := time.AfterFunc(after, func() { cancelled = time.Now(); cancel() })
				defer stop.Stop()
			}
			out, err := runContext(ctx, args...)
			took := time.Since(cancelled)
			cancel()
			if cancelled.IsZero() {
				t.Errorf("%v: finished before the cancel at %v: the folder is too small to test with", args, after)
				continue
			}
			if !errors.Is(err, context.Canceled) {
				t.Errorf("%v cancelled after %v: err %v, want context.Canceled", args, after, err)
			}
			if out != "" {
				t.Errorf("%v cancelled after %v: wrote %d bytes of partial output", args, after, len(out))
			}
			if took > bound {
				t.Errorf("%v cancelled after %v: returned %v after the cancel, want under %v", args, after, took, bound)
			}
		}
	}
}

// TestUntilDone: a step that takes no context is left behind when ctx is
// done, and its result is returned when it finishes first.
func TestUntilDone(t *testing.T) {
	release := make(chan struct{})
	defer close(release)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := untilDone(ctx, func() (int, error) { <-release; return 1, nil }); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: err %v", err)
	}
	if v, err := untilDone(context.Background(), func() (int, error) { return 7, nil }); v != 7 || err != nil {
		t.Errorf("done: %v, %v", v, err)
	}
}
