package storesource_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/store"
	"github.com/claimtrail/claimtrail/store/sqlite"
	"github.com/claimtrail/claimtrail/store/storetest"
	"github.com/claimtrail/claimtrail/web"
	"github.com/claimtrail/claimtrail/web/storesource"
)

// Load test bounds: 50 clients, at most loadRequests requests each, and
// loadTime in all, whichever comes first.
const (
	loadArticles = 1200
	loadClients  = 50
	loadRequests = 200
	loadTime     = 30 * time.Second
	loadP99      = 100 * time.Millisecond
)

// TestLoadStore serves a SQLite corpus of 1,200 articles on 127.0.0.1 to
// 50 concurrent clients, each alternating the story list (/) and the JSON
// ledger of one of the ten newest stories (200 requests each, 30 s at
// most), and requires no errors. With CLAIMTRAIL_LOAD=1 it also requires a
// 99th percentile under 100 ms for each (on a machine others share, the
// percentiles measure them too, so the plain run only reports them):
//
//	CLAIMTRAIL_LOAD=1 go test -run TestLoadStore -v ./web/storesource/
//
// The ledgers are built once before the clients start (a first build runs
// the pipeline over the story; the source then serves it from its cache
// until the story changes).
func TestLoadStore(t *testing.T) {
	if testing.Short() {
		t.Skip("load test: 1,200 articles, 50 clients")
	}
	strict := os.Getenv("CLAIMTRAIL_LOAD") == "1"
	st, err := sqlite.Open(t.Context(), filepath.Join(t.TempDir(), "load.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	g := storetest.NewGenerator(7)
	for i := 0; i < loadArticles; i += 100 {
		var arts []*claimtrail.Article
		for j := i; j < i+100; j++ {
			arts = append(arts, g.Article(j))
		}
		if _, err := st.PutAll(t.Context(), arts, make([]store.Analysis, len(arts))); err != nil {
			t.Fatal(err)
		}
	}
	src := storesource.New(st, newPipeline(t))
	h, err := web.New(web.Options{Source: src})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewUnstartedServer(h)
	srv.Config = web.NewHTTPServer(h)
	srv.Start()
	defer srv.Close()
	tr := &http.Transport{MaxIdleConns: loadClients, MaxIdleConnsPerHost: loadClients}
	defer tr.CloseIdleConnections()
	hc := &http.Client{Transport: tr, Timeout: 10 * time.Second}

	var list struct{ Stories []web.Story }
	if err := getJSON(hc, srv.URL+"/api/stories", &list); err != nil || len(list.Stories) < 10 {
		t.Fatalf("story list: %v, %d stories", err, len(list.Stories))
	}
	var paths []string
	for _, s := range list.Stories[:10] {
		p := "/api/stories/" + s.ID
		if err := getJSON(hc, srv.URL+p, new(map[string]any)); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}

	ctx, cancel := context.WithTimeout(t.Context(), loadTime)
	defer cancel()
	type sample struct {
		list bool
		d    time.Duration
		err  error
	}
	var mu sync.Mutex
	var samples []sample
	start := time.Now()
	var wg sync.WaitGroup
	for c := range loadClients {
		wg.Go(func() {
			var mine []sample
			for i := 0; i < loadRequests && ctx.Err() == nil; i++ {
				isList := i%2 == 0
				u := srv.URL + "/"
				if !isList {
					u = srv.URL + paths[(c+i)%len(paths)]
				}
				t0 := time.Now()
				err := get(ctx, hc, u)
				if ctx.Err() != nil {
					break
				}
				mine = append(mine, sample{isList, time.Since(t0), err})
			}
			mu.Lock()
			samples = append(samples, mine...)
			mu.Unlock()
		})
	}
	wg.Wait()
	elapsed := time.Since(start)
	for _, kind := range []struct {
		name string
		list bool
	}{{"/", true}, {"story JSON", false}} {
		var lat []time.Duration
		var errs []error
		for _, s := range samples {
			if s.list == kind.list {
				lat = append(lat, s.d)
				if s.err != nil {
					errs = append(errs, s.err)
				}
			}
		}
		if len(lat) == 0 {
			t.Fatalf("%s: no requests finished", kind.name)
		}
		slices.Sort(lat)
		q := func(p float64) time.Duration { return lat[min(len(lat)-1, int(p*float64(len(lat))))] }
		t.Logf("%s: %d requests in %v (%.0f req/s over both), p50 %v, p99 %v, max %v, %d errors", kind.name, len(lat),
			elapsed.Round(time.Millisecond), float64(len(samples))/elapsed.Seconds(),
			q(0.5).Round(time.Microsecond), q(0.99).Round(time.Microsecond), lat[len(lat)-1].Round(time.Microsecond), len(errs))
		if len(errs) > 0 {
			t.Errorf("%s: %d of %d requests failed; first: %v", kind.name, len(errs), len(lat), errs[0])
		}
		if p99 := q(0.99); strict && p99 > loadP99 {
			t.Errorf("%s: p99 %v, over %v", kind.name, p99, loadP99)
		}
	}
}

func get(ctx context.Context, hc *http.Client, u string) error {
	req, _ := http.NewRequestWithContext(ctx, "GET", u, nil)
	res, err := hc.Do(req)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	if _, err := io.Copy(io.Discard, res.Body); err != nil {
		return err
	}
	if res.StatusCode != http.StatusOK {
		return fmt.Errorf("%s: status %d", u, res.StatusCode)
	}
	return nil
}

func getJSON(hc *http.Client, u string, v any) error {
	res, err := hc.Get(u)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		b, _ := io.ReadAll(res.Body)
		return fmt.Errorf("%s: %d %s", u, res.StatusCode, strings.TrimSpace(string(b)))
	}
	return json.NewDecoder(res.Body).Decode(v)
}
