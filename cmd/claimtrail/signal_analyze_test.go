package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/claimtrail/claimtrail/internal/synth"
)

// buildBinary builds the claimtrail command into a temporary folder.
func buildBinary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the command: skipped with -short")
	}
	bin := filepath.Join(t.TempDir(), "claimtrail")
	if runtime.GOOS == "windows" {
		bin += ".exe"
	}
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// TestSignalStopsLongCommands starts analyze and check on a text that
// takes many seconds, signals them mid-run, and expects them to stop
// promptly with a non-zero exit status. The bound is generous (the
// machine may be busy); today's commands finish in a second or less.
func TestSignalStopsLongCommands(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no SIGTERM on Windows")
	}
	bin := buildBinary(t)
	text := filepath.Join(t.TempDir(), "long.txt")
	if err := os.WriteFile(text, synth.Story(7, 6<<20), 0o644); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name string
		sig  os.Signal
		args []string
	}{
		{"analyze/SIGINT", os.Interrupt, []string{"analyze", text}},
		{"analyze/SIGTERM", syscall.SIGTERM, []string{"analyze", "--format", "json", text}},
		{"check/SIGINT", os.Interrupt, []string{"check", "The night ferry was late", text}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cmd := exec.Command(bin, c.args...)
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			done := make(chan error, 1)
			go func() { done <- cmd.Wait() }()
			select {
			case err := <-done:
				t.Fatalf("finished before the signal (%v): the text is too short to test with\n%s", err, stderr.String())
			case <-time.After(2 * time.Second):
			}
			sent := time.Now()
			if err := cmd.Process.Signal(c.sig); err != nil {
				t.Fatal(err)
			}
			select {
			case err := <-done:
				took := time.Since(sent)
				t.Logf("stopped %v after the signal", took.Round(time.Millisecond))
				var exit *exec.ExitError
				if !errors.As(err, &exit) || exit.ExitCode() == 0 {
					t.Errorf("exit: %v, want a non-zero status", err)
				}
				if !strings.Contains(stderr.String(), "interrupted") {
					t.Errorf("stderr does not say it was interrupted:\n%s", stderr.String())
				}
			case <-time.After(5 * time.Second):
				_ = cmd.Process.Kill()
				<-done
				t.Fatalf("still running 5 s after %v", c.sig)
			}
		})
	}
}
