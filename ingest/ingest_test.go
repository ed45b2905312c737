package ingest_test

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/fetch"
	"github.com/claimtrail/claimtrail/ingest"
	"github.com/claimtrail/claimtrail/load"
	"github.com/claimtrail/claimtrail/store"
	"github.com/claimtrail/claimtrail/store/sqlite"
)

// plain finds nothing in an article: story assignment then goes by its
// capitalised words.
var plain = store.AnalyzerFunc(func(ctx context.Context, a *claimtrail.Article) (store.Analysis, error) {
	return store.Analysis{}, ctx.Err()
})

func newIngester(t *testing.T) (*ingest.Ingester, *bytes.Buffer, *bytes.Buffer) {
	t.Helper()
	st, err := sqlite.Open(t.Context(), filepath.Join(t.TempDir(), "c.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	var out, errOut bytes.Buffer
	return &ingest.Ingester{Store: st, Analyzer: plain, Out: &out, Err: &errOut,
		Fetch: fetch.New(fetch.Options{AllowPrivate: true})}, &out, &errOut
}

// TestJSONLLines ingests a JSON-lines file with a bad line and a blank
// one: the output names the line of each stored article, and the error the
// line that failed.
func TestJSONLLines(t *testing.T) {
	dir := t.TempDir()
	f := filepath.Join(dir, "wire.jsonl")
	lines := []string{
		`{"title":"Kiln fire","text":"A fire broke out at the Brennet kiln works on Sunday, the Brennet fire service said."}`,
		`{"title":"broken",`,
		``,
		`{"title":"Kiln reopens","text":"The Brennet kiln works reopened on Wednesday, its owner Calder Ceramics said in a statement."}`,
		`{"title":"No text"}`,
		`{"title":"Kiln inquiry","text":"An inquiry into the Brennet kiln fire will open in May, the regional council announced."}`,
	}
	if err := os.WriteFile(f, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	arts, errs := load.Paths(t.Context(), []string{dir}, load.Options{})
	if len(arts) != 3 || len(errs) != 2 {
		t.Fatalf("loaded %d articles and %d errors, want 3 and 2: %v", len(arts), len(errs), errs)
	}
	in, out, _ := newIngester(t)
	in.Lines = ingest.LineNumbers(arts, errs)
	if failed := in.Run(t.Context(), arts, nil); failed != 0 {
		t.Fatalf("%d failed", failed)
	}
	got := out.String()
	for _, want := range []string{f + ":1\n", f + ":4\n", f + ":6\n"} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q:\n%s", strings.TrimSpace(want), got)
		}
	}
	for _, e := range errs {
		if s := e.Error(); !strings.Contains(s, "wire.jsonl:2") && !strings.Contains(s, "wire.jsonl:5") {
			t.Errorf("load error %q names neither failing line", s)
		}
	}
	// A file changed since loading gets no line numbers rather than wrong ones.
	if err := os.WriteFile(f, []byte(lines[0]+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if m := ingest.LineNumbers(arts, errs); len(m) != 0 {
		t.Errorf("line numbers for a changed file: %v", m)
	}
}

// TestFeedRedirectedItem polls a feed whose item link redirects to the
// article's real address: the second poll neither fetches the item again
// nor counts it as new.
func TestFeedRedirectedItem(t *testing.T) {
	var oldHits, feedHits atomic.Int64
	mux := http.NewServeMux()
	srv := httptest.NewServer(mux)
	defer srv.Close()
	mux.HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		n := feedHits.Add(1)
		w.Header().Set("Content-Type", "application/rss+xml")
		// No validators, and a build date that changes: every poll reads it.
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Brennet Post</title><lastBuildDate>%d</lastBuildDate>
<item><title>Kiln</title><link>%s/go/kiln</link><guid>kiln</guid></item></channel></rss>`, n, srv.URL)
	})
	mux.HandleFunc("/go/kiln", func(w http.ResponseWriter, r *http.Request) {
		oldHits.Add(1)
		http.Redirect(w, r, "/news/kiln-fire", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/news/kiln-fire", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, `<html><head><title>Kiln fire</title></head><body><article><h1>Kiln fire</h1>
<p>A fire broke out at the Brennet kiln works on Sunday evening, the Brennet fire service said, and crews worked through the night.</p>
<p>Nobody was hurt, according to the works manager, who said production would resume within a week.</p></article></body></html>`)
	})
	in, out, errOut := newIngester(t)
	u := srv.URL + "/feed.xml"
	if n, bad := in.Feed(t.Context(), u); n != 1 || bad != 0 {
		t.Fatalf("first poll: %d new, %d failed\n%s%s", n, bad, out, errOut)
	}
	if n, bad := in.Feed(t.Context(), u); n != 0 || bad != 0 {
		t.Errorf("second poll: %d new, %d failed; want nothing new\n%s%s", n, bad, out, errOut)
	}
	if feedHits.Load() != 2 || oldHits.Load() != 1 {
		t.Errorf("feed read %d times (want 2), redirected item fetched %d times (want 1)", feedHits.Load(), oldHits.Load())
	}
}

// TestRunStopsOnCancel gives Run a cancelled context: nothing is stored
// and every article is reported failed.
func TestRunStopsOnCancel(t *testing.T) {
	in, out, _ := newIngester(t)
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	arts := []claimtrail.Article{{Title: "A", Text: "The Brennet kiln works reopened on Wednesday."}, {Title: "B", Text: "An inquiry opens in May."}}
	if failed := in.Run(ctx, arts, []string{"http://127.0.0.1:1/"}); failed != 2 {
		t.Errorf("%d failed, want the 2 articles (the URL is not tried)", failed)
	}
	if out.Len() != 0 {
		t.Errorf("stored after cancellation:\n%s", out)
	}
}
