package main

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/claimtrail/claimtrail/store"
	"github.com/claimtrail/claimtrail/store/sqlite"
)

// TestWatch polls a good feed and a failing one, then stops on
// cancellation (what SIGINT does through main's context): the good feed's
// article is stored, the failing feed is reported, and watch stops with an
// error saying it was interrupted (a non-zero exit status).
func TestWatch(t *testing.T) {
	mux := http.NewServeMux()
	srv := httptest.NewServer(mux)
	defer srv.Close()
	mux.HandleFunc("/good.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Valley Herald</title>
<item><title>Dam</title><link>%s/dam</link><guid>dam</guid></item></channel></rss>`, srv.URL)
	})
	mux.HandleFunc("/broken.xml", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "upstream down", http.StatusBadGateway)
	})
	mux.HandleFunc("/dam", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, `<html><head><title>Valley dam inspection ordered</title></head><body><article><h1>Valley dam inspection ordered</h1>
<p>The regional water board ordered an inspection of the Ashford valley dam after residents reported
seepage near the spillway, a spokesperson for the board said on Friday.</p>
<p>Engineers are expected on site next week; the board said there was no immediate danger to homes below the dam.</p></article></body></html>`)
	})
	db := filepath.Join(t.TempDir(), "w.db")
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	var out, errOut bytes.Buffer
	root := newRootCmd()
	root.SetArgs([]string{"watch", "--allow-private-fetch", "--db", db, "--every", "1m", srv.URL + "/broken.xml", srv.URL + "/good.xml"})
	root.SetOut(&out)
	root.SetErr(&errOut)
	// Create the database before watch starts, so that the two do not race
	// to apply the schema.
	s, openErr := sqlite.Open(t.Context(), db, store.Options{})
	if openErr != nil {
		t.Fatal(openErr)
	}
	defer s.Close()
	var wg sync.WaitGroup
	var err error
	wg.Go(func() { err = root.ExecuteContext(ctx) })

	deadline := time.Now().Add(20 * time.Second)
	for {
		list, _ := s.Stories(t.Context(), store.StoryQuery{})
		if len(list) == 1 && !list[0].Stale {
			break
		}
		if time.Now().After(deadline) {
			cancel()
			wg.Wait()
			t.Fatalf("watch stored nothing in 20s:\n%s\n%s", out.String(), errOut.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
	cancel()
	wg.Wait()
	if err == nil || !strings.Contains(err.Error(), "interrupted") {
		t.Errorf("watch returned %v after cancellation, want an error saying it was interrupted", err)
	}
	if !strings.Contains(errOut.String(), "broken.xml") || !strings.Contains(errOut.String(), "stopped") {
		t.Errorf("stderr does not report the broken feed and the stop:\n%s", errOut.String())
	}
	if !strings.Contains(out.String(), "added") {
		t.Errorf("stdout does not show the stored article:\n%s", out.String())
	}
}

func TestWatchRejectsBadArguments(t *testing.T) {
	if _, _, err := run(t, "watch", "--every", "5s", "https://example.org/feed.xml"); err == nil {
		t.Error("watch --every 5s accepted")
	}
	if _, _, err := run(t, "watch", "feeds.txt"); err == nil || !strings.Contains(err.Error(), "not an http(s) feed URL") {
		t.Errorf("watch of a file: %v", err)
	}
	if _, _, err := run(t, "worker", "--db", filepath.Join(t.TempDir(), "x.db")); err == nil || !strings.Contains(err.Error(), "postgres://") {
		t.Errorf("worker on SQLite: %v", err)
	}
}

func TestWorkerRescueFlag(t *testing.T) {
	if _, _, err := run(t, "worker", "--db", "postgres://nobody@127.0.0.1:1/x", "--rescue-after", "0s"); err == nil || !strings.Contains(err.Error(), "--rescue-after") {
		t.Errorf("worker --rescue-after 0s = %v; want it refused", err)
	}
}
