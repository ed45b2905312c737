package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/claimtrail/claimtrail/store"
	"github.com/claimtrail/claimtrail/store/postgres/pgtest"
	"github.com/claimtrail/claimtrail/store/sqlite"
)

// stopLimit is how long a command may take to exit after SIGINT or
// SIGTERM. The aim is a second; the limit leaves room for a busy machine,
// and each run logs the time it took.
const stopLimit = 3 * time.Second

// child is a claimtrail process under test, with its output collected
// line by line.
type child struct {
	cmd      *exec.Cmd
	mu       sync.Mutex
	out, err []string
	lines    chan string // every line, stdout and stderr
	done     chan error
}

func start(t *testing.T, bin string, args ...string) *child {
	t.Helper()
	c := &child{cmd: exec.Command(bin, args...), lines: make(chan string, 4096), done: make(chan error, 1)}
	c.cmd.Env = append(os.Environ(), dbEnv+"=")
	stdout, _ := c.cmd.StdoutPipe()
	stderr, _ := c.cmd.StderrPipe()
	if err := c.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	read := func(r io.Reader, into *[]string) {
		sc := bufio.NewScanner(r)
		for sc.Scan() {
			c.mu.Lock()
			*into = append(*into, sc.Text())
			c.mu.Unlock()
			select {
			case c.lines <- sc.Text():
			default:
			}
		}
	}
	wg.Go(func() { read(stdout, &c.out) })
	wg.Go(func() { read(stderr, &c.err) })
	go func() {
		wg.Wait()
		c.done <- c.cmd.Wait()
	}()
	t.Cleanup(func() { c.cmd.Process.Kill() })
	return c
}

// waitFor waits for a line holding s.
func (c *child) waitFor(t *testing.T, s string, limit time.Duration) {
	t.Helper()
	timeout := time.After(limit)
	for {
		select {
		case l := <-c.lines:
			if strings.Contains(l, s) {
				return
			}
		case err := <-c.done:
			c.done <- err
			t.Fatalf("exited (%v) before printing %q:\n%s", err, s, c.output())
		case <-timeout:
			t.Fatalf("no %q within %v:\n%s", s, limit, c.output())
		}
	}
}

func (c *child) output() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return strings.Join(c.out, "\n") + "\n--- stderr ---\n" + strings.Join(c.err, "\n")
}

// stop sends sig and checks the process exits within stopLimit with the
// status 128 + sig.
func (c *child) stop(t *testing.T, sig syscall.Signal) {
	t.Helper()
	sent := time.Now()
	if err := c.cmd.Process.Signal(sig); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-c.done:
		took := time.Since(sent)
		t.Logf("exited %v after %v", err, took.Round(time.Millisecond))
		var ee *exec.ExitError
		if !errors.As(err, &ee) || ee.ExitCode() != 128+int(sig) {
			t.Errorf("exit after %v: %v; want status %d\n%s", sig, err, 128+int(sig), c.output())
		}
		if took > stopLimit {
			t.Errorf("took %v to stop after %v", took, sig)
		}
	case <-time.After(20 * time.Second):
		t.Fatalf("still running 20s after %v:\n%s", sig, c.output())
	}
}

// manyArticles writes n distinct articles into a new folder.
func manyArticles(t *testing.T, n int) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "many")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	towns := []string{"Quarrow", "Brennet", "Ashford", "Hesketh", "Veloria", "Portmere", "Kestrel", "Marrow"}
	things := []string{"bridge", "ferry", "dam", "kiln", "pier", "quay", "tunnel", "viaduct", "lighthouse"}
	for i := range n {
		town, thing := towns[i%len(towns)], things[(i/len(towns))%len(things)]
		var b strings.Builder
		fmt.Fprintf(&b, "%s %s report %d\n\n", town, thing, i)
		for j := range 12 {
			fmt.Fprintf(&b, "The %s %s was inspected for the %dth time on day %d, the %s council said in a statement. ", town, thing, j+1, i, town)
			fmt.Fprintf(&b, "Engineers from firm number %d told the Gazette that repairs costing %d crowns were needed.\n\n", i*13+j, 1000+i*7+j)
		}
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%04d.txt", i)), []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestSignals builds the claimtrail binary, starts each long-running
// command as a real child process, signals it mid-run and checks that it
// stops within stopLimit with a non-zero status (128 + the signal), leaving
// the corpus consistent.
func TestSignals(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and runs child processes")
	}
	bin := filepath.Join(t.TempDir(), "claimtrail")
	build := exec.Command("go", "build", "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	dir := manyArticles(t, 400)
	db := filepath.Join(t.TempDir(), "c.db")

	t.Run("ingest", func(t *testing.T) {
		c := start(t, bin, "ingest", "--db", db, dir)
		c.waitFor(t, "article", 60*time.Second)
		c.stop(t, syscall.SIGINT)
		c.mu.Lock()
		stored := 0
		for _, l := range c.out {
			if strings.Contains(l, " article ") {
				stored++
			}
		}
		c.mu.Unlock()
		if stored >= 400 {
			t.Skip("ingest finished before the signal")
		}
		// Every article reported stored is there, and nothing else.
		st, err := sqlite.Open(t.Context(), db, store.Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		list, err := st.Stories(t.Context(), store.StoryQuery{})
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, s := range list {
			n += s.Articles
		}
		if n != stored {
			t.Errorf("corpus holds %d articles; ingest reported %d stored before the signal", n, stored)
		}
	})
	t.Run("export", func(t *testing.T) {
		c := start(t, bin, "export", "--format", "json", dir)
		time.Sleep(500 * time.Millisecond)
		c.stop(t, syscall.SIGTERM)
	})
	t.Run("serve", func(t *testing.T) {
		c := start(t, bin, "serve", "--addr", "127.0.0.1:0", "--db", db)
		c.waitFor(t, "serving http://", 60*time.Second)
		c.stop(t, syscall.SIGTERM)
	})
	t.Run("watch", func(t *testing.T) {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Quiet</title></channel></rss>`)
		}))
		defer srv.Close()
		c := start(t, bin, "watch", "--allow-private-fetch", "--db", db, "--every", "1m", srv.URL+"/feed.xml")
		c.waitFor(t, "new article(s)", 60*time.Second)
		c.stop(t, syscall.SIGINT)
	})
	t.Run("worker", func(t *testing.T) {
		dsn := pgtest.DSN(t)
		c := start(t, bin, "worker", "--db", dsn)
		c.waitFor(t, "worker running", 60*time.Second)
		c.stop(t, syscall.SIGTERM)
	})
}
