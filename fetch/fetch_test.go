package fetch

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

const article = `<!doctype html><html lang="en"><head>
<title>Pier reopens | Quay Times</title>
<meta property="og:title" content="North pier reopens after repairs">
<meta property="og:site_name" content="Quay Times">
<meta property="article:published_time" content="2026-03-09T08:00:00Z">
<link rel="canonical" href="/news/pier">
</head><body><article>
<p>The north pier of Veloria reopened on Monday after three weeks of repairs, the harbour master said, and the first ferry tied up there shortly after dawn.</p>
<p>Engineers replaced forty timber piles that storms had loosened in February.</p>
</article></body></html>`

// server routes paths to handlers and counts requests.
func server(t *testing.T, routes map[string]http.HandlerFunc) (*httptest.Server, *atomic.Int64) {
	t.Helper()
	var hits atomic.Int64
	mux := http.NewServeMux()
	for p, h := range routes {
		mux.HandleFunc(p, func(w http.ResponseWriter, r *http.Request) {
			hits.Add(1)
			h(w, r)
		})
	}
	s := httptest.NewServer(mux)
	t.Cleanup(s.Close)
	return s, &hits
}

func htmlPage(body string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, body)
	}
}

func fast() *Client {
	return New(Options{ConnectTimeout: time.Second, Timeout: 2 * time.Second, AllowPrivate: true})
}

// wantErr checks err is an *Error for url wrapping target, and that its
// message names the URL and holds msg.
func wantErr(t *testing.T, err error, url string, target error, msg string) *Error {
	t.Helper()
	var fe *Error
	if !errors.As(err, &fe) {
		t.Fatalf("error %v (%T) is not a *fetch.Error", err, err)
	}
	if fe.URL != url || !strings.Contains(err.Error(), url) {
		t.Errorf("error %q does not name %s", err, url)
	}
	if target != nil && !errors.Is(err, target) {
		t.Errorf("error %q is not %v", err, target)
	}
	if !strings.Contains(err.Error(), msg) {
		t.Errorf("error %q lacks %q", err, msg)
	}
	return fe
}

func TestPage(t *testing.T) {
	var ua, accept string
	s, _ := server(t, map[string]http.HandlerFunc{
		"/news/pier": func(w http.ResponseWriter, r *http.Request) {
			ua, accept = r.UserAgent(), r.Header.Get("Accept")
			htmlPage(article)(w, r)
		},
		"/short/pier": func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, "/news/pier", http.StatusMovedPermanently)
		},
	})
	u := s.URL + "/short/pier"
	a, err := fast().Page(t.Context(), u)
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "North pier reopens after repairs" || a.Outlet != "Quay Times" || a.Path != u {
		t.Errorf("title %q outlet %q path %q", a.Title, a.Outlet, a.Path)
	}
	if a.URL != s.URL+"/news/pier" {
		t.Errorf("URL %q, want the canonical URL resolved against the final one", a.URL)
	}
	if !a.Published.Equal(time.Date(2026, 3, 9, 8, 0, 0, 0, time.UTC)) || len(a.Paragraphs) != 2 {
		t.Errorf("published %v, %d paragraphs", a.Published, len(a.Paragraphs))
	}
	if ua != UserAgent || !strings.HasPrefix(ua, "claimtrail/") || !strings.Contains(ua, "+https://github.com/claimtrail/claimtrail") {
		t.Errorf("User-Agent %q", ua)
	}
	if !strings.Contains(accept, "text/html") {
		t.Errorf("Accept %q", accept)
	}
}

func TestPageCharset(t *testing.T) {
	latin1 := strings.ReplaceAll(article, "Monday", "lundi, caf\xe9 ouvert,")
	s, _ := server(t, map[string]http.HandlerFunc{"/": func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=ISO-8859-1")
		fmt.Fprint(w, latin1)
	}})
	a, err := fast().Page(t.Context(), s.URL+"/")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.Text, "café ouvert") {
		t.Errorf("text not decoded from Latin-1: %q", a.Text)
	}
}

func TestPageErrors(t *testing.T) {
	s, _ := server(t, map[string]http.HandlerFunc{
		"/pdf": func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/pdf")
			fmt.Fprint(w, "%PDF-1.7")
		},
		"/json": func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			fmt.Fprint(w, `{"a":1}`)
		},
		"/empty": htmlPage(`<html><body><nav><a href="/">Home</a></nav></body></html>`),
		"/gone": func(w http.ResponseWriter, r *http.Request) {
			http.Error(w, "gone", http.StatusNotFound)
		},
		"/boom": func(w http.ResponseWriter, r *http.Request) {
			http.Error(w, "boom", http.StatusInternalServerError)
		},
		"/to-ftp": func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, "ftp://example.org/file", http.StatusFound)
		},
	})
	c := fast()
	tests := []struct {
		url    string
		target error
		msg    string
		status int
	}{
		{s.URL + "/pdf", ErrNotHTML, "content type is application/pdf", 200},
		{s.URL + "/json", ErrNotHTML, "content type is application/json", 200},
		{s.URL + "/empty", nil, "no article text found", 200},
		{s.URL + "/gone", ErrStatus, "404 Not Found", 404},
		{s.URL + "/boom", ErrStatus, "500 Internal Server Error", 500},
		{s.URL + "/to-ftp", ErrScheme, "redirected to ftp://example.org/file", 0},
		{"file:///etc/passwd", ErrScheme, "got file:", 0},
		{"ftp://example.org/x", ErrScheme, "got ftp:", 0},
		{"example.org/page", ErrScheme, "no scheme", 0},
		{"http:///nohost", ErrBadURL, "no host", 0},
	}
	for _, tt := range tests {
		_, err := c.Page(t.Context(), tt.url)
		fe := wantErr(t, err, tt.url, tt.target, tt.msg)
		if fe.Status != tt.status {
			t.Errorf("%s: status %d, want %d", tt.url, fe.Status, tt.status)
		}
	}
}

func TestTimeout(t *testing.T) {
	s, _ := server(t, map[string]http.HandlerFunc{
		"/slow": func(w http.ResponseWriter, r *http.Request) {
			select {
			case <-r.Context().Done():
			case <-time.After(5 * time.Second):
			}
		},
		"/trickle": func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html")
			for i := 0; i < 50; i++ {
				if _, err := fmt.Fprint(w, "<p>more</p>"); err != nil {
					return
				}
				w.(http.Flusher).Flush()
				select {
				case <-r.Context().Done():
					return
				case <-time.After(100 * time.Millisecond):
				}
			}
		},
	})
	c := New(Options{Timeout: 150 * time.Millisecond, AllowPrivate: true})
	for _, u := range []string{s.URL + "/slow", s.URL + "/trickle"} {
		start := time.Now()
		_, err := c.Page(t.Context(), u)
		wantErr(t, err, u, ErrTimeout, "timed out (limit 150ms)")
		if d := time.Since(start); d > 3*time.Second {
			t.Errorf("%s: took %v; the timeout did not cut the request", u, d)
		}
	}
}

func TestCancelled(t *testing.T) {
	s, _ := server(t, map[string]http.HandlerFunc{"/": htmlPage(article)})
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	_, err := fast().Page(ctx, s.URL+"/")
	wantErr(t, err, s.URL+"/", context.Canceled, "cancelled")
}

// TestLargeBody streams a 50 MB body: the client must stop at its limit,
// not read (or hold) the whole of it.
func TestLargeBody(t *testing.T) {
	const size = 50 << 20
	var written atomic.Int64
	chunk := []byte(strings.Repeat("<p>filler text </p>\n", 3277)) // 64 KiB
	s, _ := server(t, map[string]http.HandlerFunc{
		"/stream": func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html")
			for written.Load() < size {
				n, err := w.Write(chunk)
				written.Add(int64(n))
				if err != nil {
					return
				}
			}
		},
		"/announced": func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html")
			w.Header().Set("Content-Length", fmt.Sprint(size))
			w.WriteHeader(http.StatusOK)
			w.Write(chunk)
		},
	})
	c := fast()
	u := s.URL + "/stream"
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, err := c.Page(t.Context(), u)
	runtime.ReadMemStats(&after)
	wantErr(t, err, u, ErrTooLarge, fmt.Sprintf("more than %d bytes", DefaultMaxBody))
	if w := written.Load(); w >= size {
		t.Errorf("server wrote all %d bytes: the client read past its limit", w)
	}
	// The whole process allocates (server side included) well under the
	// body's size: the client holds at most its limit.
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc >= size {
		t.Errorf("allocated %d bytes fetching a %d-byte body", alloc, size)
	}
	t.Logf("server wrote %d of %d bytes; %d bytes allocated", written.Load(), size, after.TotalAlloc-before.TotalAlloc)

	u = s.URL + "/announced"
	_, err = c.Page(t.Context(), u)
	wantErr(t, err, u, ErrTooLarge, fmt.Sprintf("%d bytes announced, limit %d", size, DefaultMaxBody))

	small := New(Options{MaxBody: 1 << 10, AllowPrivate: true})
	_, err = small.Feed(t.Context(), s.URL+"/stream", Validators{})
	wantErr(t, err, s.URL+"/stream", ErrTooLarge, "more than 1024 bytes")
}

func TestRedirects(t *testing.T) {
	s, hits := server(t, map[string]http.HandlerFunc{
		"/loop": func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, "/loop", http.StatusFound)
		},
	})
	u := s.URL + "/loop"
	_, err := fast().Page(t.Context(), u)
	wantErr(t, err, u, ErrRedirects, "too many redirects: stopped after 5")
	if n := hits.Load(); n != 1+DefaultMaxRedirects {
		t.Errorf("%d requests, want %d", n, 1+DefaultMaxRedirects)
	}

	hits.Store(0)
	_, err = New(Options{MaxRedirects: -1, AllowPrivate: true}).Page(t.Context(), u)
	wantErr(t, err, u, ErrRedirects, "stopped after 0")
	if n := hits.Load(); n != 1 {
		t.Errorf("%d requests with redirects off, want 1", n)
	}
}
