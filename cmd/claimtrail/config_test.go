package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// lockedBuffer is a bytes.Buffer safe to write from a running command
// while the test reads it.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// writeArticle writes one small article about subject into a folder of its
// own and returns the folder.
func writeArticle(t *testing.T, dir, subject string) string {
	t.Helper()
	d := filepath.Join(dir, subject)
	if err := os.MkdirAll(d, 0o755); err != nil {
		t.Fatal(err)
	}
	text := subject + " reopens\n\nThe " + subject + " in Quarrow reopened on Monday after repairs, the Quarrow council said. " +
		"Council engineers said the " + subject + " had passed its inspection.\n"
	if err := os.WriteFile(filepath.Join(d, subject+".txt"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return d
}

// TestCorpusConfiguration checks, command by command, the one way every
// command finds the corpus: --db, else $CLAIMTRAIL_DB, else the default
// file in the user data directory. Three corpora hold three different
// stories, so each answer shows which corpus a command opened.
func TestCorpusConfiguration(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_DATA_HOME", filepath.Join(dir, "xdg"))
	flagDB, envDB := filepath.Join(dir, "flag.db"), filepath.Join(dir, "env.db")
	t.Setenv(dbEnv, "")
	os.Unsetenv(dbEnv)
	// Fill the three corpora: the default one with no flag and no
	// environment, the others through --db and $CLAIMTRAIL_DB.
	if _, stderr, err := run(t, "ingest", writeArticle(t, dir, "lighthouse")); err != nil {
		t.Fatalf("ingest into the default corpus: %v\n%s", err, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "xdg", "claimtrail", "claimtrail.db")); err != nil {
		t.Fatalf("no default corpus under XDG_DATA_HOME: %v", err)
	}
	if _, stderr, err := run(t, "ingest", "--db", flagDB, writeArticle(t, dir, "footbridge")); err != nil {
		t.Fatalf("ingest --db: %v\n%s", err, stderr)
	}
	t.Setenv(dbEnv, envDB)
	if _, stderr, err := run(t, "ingest", writeArticle(t, dir, "aqueduct")); err != nil {
		t.Fatalf("ingest with $%s: %v\n%s", dbEnv, err, stderr)
	}

	// which runs a command three ways and checks each read its corpus.
	which := func(name string, args func(db []string) []string) {
		t.Helper()
		for _, c := range []struct {
			how  string
			env  string
			db   []string
			want string
		}{
			{"--db", envDB, []string{"--db", flagDB}, "footbridge"},
			{"$" + dbEnv, envDB, nil, "aqueduct"},
			{"default", "", nil, "lighthouse"},
		} {
			t.Setenv(dbEnv, c.env)
			out, stderr, err := run(t, args(c.db)...)
			if err != nil || !strings.Contains(strings.ToLower(out), c.want) {
				t.Errorf("%s with %s: %v; want the %s corpus\n%s%s", name, c.how, err, c.want, out, stderr)
			}
		}
	}
	which("stories", func(db []string) []string { return append([]string{"stories"}, db...) })
	which("search", func(db []string) []string { return append(append([]string{"search"}, db...), "reopened") })
	which("show", func(db []string) []string { return append(append([]string{"show"}, db...), "1") })
	which("export", func(db []string) []string { return append(append([]string{"export", "--format", "json"}, db...), "1") })
	// ingest of a corpus's own article finds it there ("exists"); serve
	// serves that corpus's story.
	for _, c := range []struct {
		env  string
		db   []string
		want string
	}{
		{envDB, []string{"--db", flagDB}, "footbridge"},
		{envDB, nil, "aqueduct"},
		{"", nil, "lighthouse"},
	} {
		t.Setenv(dbEnv, c.env)
		out, stderr, err := run(t, append(append([]string{"ingest"}, c.db...), filepath.Join(dir, c.want))...)
		if err != nil || !strings.Contains(out, "exists") {
			t.Errorf("ingest %s with %v, $%s=%q: %v; want it found in its corpus\n%s%s", c.want, c.db, dbEnv, c.env, err, out, stderr)
		}
		if body := serveOnce(t, "/api/stories", c.db...); !strings.Contains(strings.ToLower(body), c.want) {
			t.Errorf("serve with %v, $%s=%q: want the %s corpus, got %s", c.db, dbEnv, c.env, c.want, body)
		}
	}

	// worker needs PostgreSQL: it names the SQLite corpus it was given.
	t.Setenv(dbEnv, envDB)
	if _, _, err := run(t, "worker"); err == nil || !strings.Contains(err.Error(), envDB) {
		t.Errorf("worker with $%s = %v; want a refusal naming %s", dbEnv, err, envDB)
	}
	// watch reads $CLAIMTRAIL_DB too: a corpus path it cannot create fails.
	t.Setenv(dbEnv, filepath.Join(dir, "env.db", "not-a-dir", "x.db"))
	if _, _, err := run(t, "watch", "https://example.org/feed.xml"); err == nil || !strings.Contains(err.Error(), "env.db") {
		t.Errorf("watch with a bad $%s = %v; want it to fail on that path", dbEnv, err)
	}
}

// TestServeReadsCorpus checks `serve` without arguments serves the corpus
// of $CLAIMTRAIL_DB (it refused to start without --db before).
func TestServeReadsCorpus(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_DATA_HOME", filepath.Join(dir, "xdg"))
	db := filepath.Join(dir, "env.db")
	t.Setenv(dbEnv, db)
	if _, stderr, err := run(t, "ingest", writeArticle(t, dir, "viaduct")); err != nil {
		t.Fatalf("ingest: %v\n%s", err, stderr)
	}
	body := serveOnce(t, "/api/stories")
	if !strings.Contains(strings.ToLower(body), "viaduct") {
		t.Errorf("serve with $%s did not serve its corpus: %s", dbEnv, body)
	}
	os.Unsetenv(dbEnv)
	if _, _, err := run(t, "serve", "--addr", "127.0.0.1:0"); err == nil || !strings.Contains(err.Error(), "no corpus") {
		t.Errorf("serve with no corpus anywhere = %v; want a clear error", err)
	}
}

// serveOnce runs `serve --addr 127.0.0.1:0 args...`, GETs path, stops the
// server and returns the body.
func serveOnce(t *testing.T, path string, args ...string) string {
	t.Helper()
	base, stop := startServe(t, args...)
	defer stop()
	res, err := http.Get(base + path)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(res.Body)
	res.Body.Close()
	return string(b)
}

// startServe runs `serve --addr 127.0.0.1:0 args...` in the test process
// and returns its base URL and a function that stops it.
func startServe(t *testing.T, args ...string) (string, func()) {
	t.Helper()
	ctx, cancel := context.WithCancel(t.Context())
	var errOut lockedBuffer
	root := newRootCmd()
	root.SetArgs(append([]string{"serve", "--addr", "127.0.0.1:0"}, args...))
	root.SetOut(io.Discard)
	root.SetErr(&errOut)
	done := make(chan error, 1)
	go func() { done <- root.ExecuteContext(ctx) }()
	stop := func() {
		cancel()
		<-done
	}
	re := regexp.MustCompile(`serving (http://[0-9.:]+)/`)
	deadline := time.Now().Add(30 * time.Second)
	for {
		if m := re.FindStringSubmatch(errOut.String()); m != nil {
			return m[1], stop
		}
		select {
		case err := <-done:
			cancel()
			t.Fatalf("serve exited: %v\n%s", err, errOut.String())
		case <-time.After(20 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			stop()
			t.Fatalf("serve did not start:\n%s", errOut.String())
		}
	}
}

// TestServeRefusesRebindingAndPrivateFetch attacks a real `serve` as the
// DNS-rebinding page of the attack campaign did: a request under a foreign
// Host name is refused, and asking the server to fetch a loopback page
// gets the same answer as any unreachable address, without the page being
// fetched.
func TestServeRefusesRebindingAndPrivateFetch(t *testing.T) {
	var hits atomic.Int64
	admin := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, `<html><body><article><p>Secret admin page of the internal network, which must never be fetched by the server for anyone.</p></article></body></html>`)
	}))
	defer admin.Close()
	dir := t.TempDir()
	db := filepath.Join(dir, "c.db")
	if _, stderr, err := run(t, "ingest", "--db", db, writeArticle(t, dir, "causeway")); err != nil {
		t.Fatalf("ingest: %v\n%s", err, stderr)
	}
	base, stop := startServe(t, "--db", db)
	defer stop()
	_, port, _ := net.SplitHostPort(strings.TrimPrefix(base, "http://"))
	send := func(host, body string) (int, string) {
		t.Helper()
		r, _ := http.NewRequest("POST", base+"/api/stories/x/articles", strings.NewReader(body))
		r.Host = host
		r.Header.Set("Content-Type", "application/json")
		r.Header.Set("Origin", "http://"+host)
		res, err := http.DefaultClient.Do(r)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return res.StatusCode, string(b)
	}
	_, adminPort, _ := net.SplitHostPort(strings.TrimPrefix(admin.URL, "http://"))
	fetchAdmin := `{"urls":["` + admin.URL + `/admin"]}`
	if code, body := send("rebind.evil.example:"+port, fetchAdmin); code != http.StatusMisdirectedRequest {
		t.Errorf("foreign Host: %d %s", code, body)
	}
	var answers []string
	for _, u := range []string{admin.URL + "/admin", "http://localhost:" + adminPort + "/admin", "http://0.0.0.0:" + adminPort + "/",
		"http://user:pass@127.0.0.1:" + adminPort + "/", "http://127.0.0.1:1/"} {
		code, body := send("127.0.0.1:"+port, `{"urls":["`+u+`"]}`)
		if code != http.StatusUnprocessableEntity || !strings.Contains(body, "could not connect") {
			t.Errorf("fetch %s: %d %s", u, code, body)
		}
		answers = append(answers, strings.Replace(body, u, "URL", 1))
	}
	for _, a := range answers[1:] {
		if a != answers[0] {
			t.Errorf("answers differ by target (a port-scan oracle):\n%s\n%s", answers[0], a)
		}
	}
	if hits.Load() != 0 {
		t.Errorf("the loopback page was fetched %d times", hits.Load())
	}
}
