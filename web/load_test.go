package web_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/claimtrail/claimtrail/web"
	"github.com/claimtrail/claimtrail/web/webtest"
)

// TestLoad serves the story page to 50 concurrent clients over loopback
// TCP for 10 seconds (CLAIMTRAIL_LOAD_DURATION overrides) and fails on any
// error. It runs only when CLAIMTRAIL_LOAD=1:
//
//	CLAIMTRAIL_LOAD=1 go test -run TestLoad -v ./web/
func TestLoad(t *testing.T) {
	if os.Getenv("CLAIMTRAIL_LOAD") != "1" {
		t.Skip("load check: set CLAIMTRAIL_LOAD=1 to run it (50 clients, 10 s)")
	}
	dur := 10 * time.Second
	if v := os.Getenv("CLAIMTRAIL_LOAD_DURATION"); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil {
			t.Fatalf("CLAIMTRAIL_LOAD_DURATION: %v", err)
		}
		dur = d
	}
	const clients = 50
	s, _ := newServer(t, web.Options{})
	srv := httptest.NewUnstartedServer(s)
	srv.Config = web.NewHTTPServer(s)
	srv.Start()
	defer srv.Close()
	tr := &http.Transport{MaxIdleConns: clients, MaxIdleConnsPerHost: clients}
	defer tr.CloseIdleConnections()
	hc := &http.Client{Transport: tr, Timeout: 10 * time.Second}
	url := srv.URL + "/stories/port"

	var mu sync.Mutex
	var all []time.Duration
	var errs []error
	deadline := time.Now().Add(dur)
	start := time.Now()
	var wg sync.WaitGroup
	for range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var lat []time.Duration
			var bad []error
			for time.Now().Before(deadline) {
				t0 := time.Now()
				res, err := hc.Get(url)
				if err == nil {
					_, err = io.Copy(io.Discard, res.Body)
					res.Body.Close()
					if err == nil && res.StatusCode != http.StatusOK {
						err = &statusError{res.StatusCode}
					}
				}
				lat = append(lat, time.Since(t0))
				if err != nil {
					bad = append(bad, err)
				}
			}
			mu.Lock()
			all = append(all, lat...)
			errs = append(errs, bad...)
			mu.Unlock()
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	slices.Sort(all)
	q := func(p float64) time.Duration { return all[min(len(all)-1, int(p*float64(len(all))))] }
	t.Logf("%d clients, %s: %d requests, %.0f req/s, p50 %s, p99 %s, max %s, %d errors",
		clients, elapsed.Round(time.Millisecond), len(all), float64(len(all))/elapsed.Seconds(),
		q(0.50).Round(time.Microsecond), q(0.99).Round(time.Microsecond), all[len(all)-1].Round(time.Microsecond), len(errs))
	if len(errs) > 0 {
		t.Fatalf("%d of %d requests failed; first: %v", len(errs), len(all), errs[0])
	}
}

type statusError struct{ code int }

func (e *statusError) Error() string { return "status " + http.StatusText(e.code) }

// BenchmarkStoryPage renders the story page (matrix of the fixture story)
// through the whole handler, without the network.
func BenchmarkStoryPage(b *testing.B) {
	s, _ := newServer(b, web.Options{})
	req := httptest.NewRequest("GET", "/stories/port", nil)
	for b.Loop() {
		w := httptest.NewRecorder()
		s.ServeHTTP(w, req)
		if w.Code != http.StatusOK {
			b.Fatalf("status %d", w.Code)
		}
	}
}

// BenchmarkClaimPage renders the contested claim's page with its graph.
func BenchmarkClaimPage(b *testing.B) {
	s, _ := newServer(b, web.Options{})
	req := httptest.NewRequest("GET", "/stories/port/claims/c1", nil)
	for b.Loop() {
		w := httptest.NewRecorder()
		s.ServeHTTP(w, req)
		if w.Code != http.StatusOK {
			b.Fatalf("status %d", w.Code)
		}
	}
}

// BenchmarkStoryPageUncached renders the story page from a fresh ledger
// each time, so the page cache never hits: the cost of the template.
func BenchmarkStoryPageUncached(b *testing.B) {
	m := web.NewMemory(nil)
	s, err := web.New(web.Options{Source: m})
	if err != nil {
		b.Fatal(err)
	}
	l := webtest.Ledger()
	req := httptest.NewRequest("GET", "/stories/port", nil)
	for b.Loop() {
		fresh := *l
		if err := m.Put("port", "Port closure", &fresh); err != nil {
			b.Fatal(err)
		}
		w := httptest.NewRecorder()
		s.ServeHTTP(w, req)
		if w.Code != http.StatusOK {
			b.Fatalf("status %d", w.Code)
		}
	}
}
