package web_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/web"
	"github.com/claimtrail/claimtrail/web/webtest"
)

// build is a stand-in pipeline: it numbers the articles and makes one
// single-source claim per article, its first sentence.
func build(ctx context.Context, arts []claimtrail.Article) (*claimtrail.Ledger, error) {
	l := &claimtrail.Ledger{Articles: arts}
	for i := range l.Articles {
		a := &l.Articles[i]
		a.ID = fmt.Sprintf("a%d", i+1)
		end := strings.IndexByte(a.Text, '.')
		if end < 0 {
			end = len(a.Text)
		}
		sp := claimtrail.Span{Start: 0, End: end}
		c := claimtrail.Claim{ID: fmt.Sprintf("c%d", i+1), Text: a.Text[:end], Status: claimtrail.SingleSource,
			Stances:    map[string]claimtrail.Stance{},
			Statements: []claimtrail.Statement{{Article: a.ID, Content: sp, Sentence: sp, Polarity: claimtrail.Asserts}}}
		for _, b := range arts {
			c.Stances[b.ID] = claimtrail.StanceAbsent
		}
		c.Stances[a.ID] = claimtrail.StanceAsserts
		l.Claims = append(l.Claims, c)
	}
	return l, nil
}

// checker says an article asserts a claim when it contains the claim's
// last word, and gives that word's sentence as evidence.
type checker struct{}

func (checker) Check(ctx context.Context, claim string, arts []claimtrail.Article) ([]web.Verdict, error) {
	out := make([]web.Verdict, len(arts))
	for i := range arts {
		out[i] = checkOne(claim, &arts[i])
	}
	return out, nil
}

func checkOne(claim string, a *claimtrail.Article) web.Verdict {
	words := strings.Fields(strings.Trim(claim, ". "))
	w := words[len(words)-1]
	i := strings.Index(a.Text, w)
	if i < 0 {
		return web.Verdict{Stance: claimtrail.StanceAbsent, Label: "unrelated", Confidence: 0.9}
	}
	start := strings.LastIndexAny(a.Text[:i], ".\n") + 1
	for start < i && a.Text[start] == ' ' {
		start++
	}
	end := i + strings.IndexByte(a.Text[i:]+".", '.')
	return web.Verdict{Stance: claimtrail.StanceAsserts, Label: "agree", Confidence: 0.75,
		Evidence: []claimtrail.Span{{Start: start, End: end}}}
}

// loader reads .txt files only, and refuses every URL.
type loader struct{}

func (loader) File(ctx context.Context, name string, data []byte) ([]claimtrail.Article, error) {
	if !strings.HasSuffix(name, ".txt") {
		return nil, fmt.Errorf("%s: unsupported file type", name)
	}
	return []claimtrail.Article{{Text: string(data), Title: strings.TrimSuffix(name, ".txt"), Path: name}}, nil
}

func (loader) URL(ctx context.Context, u string) ([]claimtrail.Article, error) {
	return nil, errors.New("network disabled in tests")
}

func newServer(t testing.TB, opt web.Options) (*web.Server, *web.Memory) {
	t.Helper()
	m := web.NewMemory(build)
	if err := m.Put("port", "Port closure", webtest.Ledger()); err != nil {
		t.Fatal(err)
	}
	opt.Source = m
	if opt.Checker == nil {
		opt.Checker = checker{}
	}
	if opt.Loader == nil {
		opt.Loader = loader{}
	}
	s, err := web.New(opt)
	if err != nil {
		t.Fatal(err)
	}
	return s, m
}

func do(t *testing.T, h http.Handler, r *http.Request) (*http.Response, string) {
	t.Helper()
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	res := w.Result()
	body, _ := io.ReadAll(res.Body)
	return res, string(body)
}

func get(t *testing.T, h http.Handler, path string) (*http.Response, string) {
	t.Helper()
	return do(t, h, httptest.NewRequest("GET", path, nil))
}

func TestPages(t *testing.T) {
	s, _ := newServer(t, web.Options{})
	cases := []struct {
		path   string
		status int
		want   []string
	}{
		{"/", 200, []string{"Port closure", `href="/stories/port"`, `name="q"`, `hx-get="/"`}},
		{"/?q=TERMINAL+friday", 200, []string{`href="/stories/port"`}},
		{"/?q=volcano", 200, []string{"No story matches"}},
		{"/stories/port", 200, []string{`<table class="matrix" data-grid>`, `class="cell denies"`, "✘", "◐", "✔",
			`href="/stories/port/claims/c1#in-a3"`, `aria-label="Metro Wire denies claim c1"`, "1 contested"}},
		{"/stories/port/claims/c1", 200, []string{`id="chain-graph"`, `<svg class="chain-graph"`, `data-role="relay"`,
			`data-role="origin"`, `data-role="denier"`, `<mark class="evidence asserts">`, `<mark class="evidence denies">`,
			`id="in-a2"`, "first seen", "relay", "denial", "1 independent origin (officials familiar with the plan)"}},
		{"/stories/port/claims/c2", 200, []string{"&lt;script&gt;alert(&#34;claim&#34;)&lt;/script&gt;"}},
		{"/stories/port/claims/c3", 200, []string{"Corroborated"}},
		{"/stories/port/articles/a1", 200, []string{`<a class="evidence asserts" href="/stories/port/claims/c1#in-a1"`, "Harbor Daily", `href="https://harbor.example/port-shut"`}},
		{"/stories/port/articles/a5", 200, []string{"&lt;script&gt;alert(&#34;pwned&#34;)&lt;/script&gt;", "javascript:alert(1) <span class=\"muted\">(not a web link)"}},
		{"/stories/port/check", 200, []string{`hx-post="/stories/port/check"`, `name="claim"`}},
		{"/add?story=port", 200, []string{`enctype="multipart/form-data"`, `value="port"`, `name="files"`, `name="fetch"`}},
		{"/stories/nope", 404, []string{"not found"}},
		{"/stories/port/claims/c9", 404, []string{"no claim"}},
		{"/stories/port/articles/a9", 404, []string{"no article"}},
		{"/nowhere", 404, []string{"no page"}},
	}
	for _, c := range cases {
		res, body := get(t, s, c.path)
		if res.StatusCode != c.status {
			t.Errorf("%s: status %d, want %d\n%.300s", c.path, res.StatusCode, c.status, body)
		}
		if csp := res.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self'") || strings.Contains(csp, "unsafe") {
			t.Errorf("%s: weak CSP %q", c.path, csp)
		}
		if ct := res.Header.Get("Content-Type"); ct != "text/html; charset=utf-8" {
			t.Errorf("%s: content type %q", c.path, ct)
		}
		if err := webtest.Inert(body); err != nil {
			t.Errorf("%s: not inert: %v", c.path, err)
		}
		for _, w := range c.want {
			if !strings.Contains(body, w) {
				t.Errorf("%s: lacks %q", c.path, w)
			}
		}
	}
}

func TestStatic(t *testing.T) {
	s, _ := newServer(t, web.Options{})
	for path, want := range map[string]string{
		"/static/htmx.min.js":  "Zero-Clause BSD",
		"/static/app.js":       "table[data-grid]",
		"/static/style.css":    "table.matrix",
		"/static/htmx.LICENSE": "Zero-Clause BSD",
	} {
		res, body := get(t, s, path)
		if res.StatusCode != 200 || !strings.Contains(body, want) {
			t.Errorf("%s: status %d, has %q: %v", path, res.StatusCode, want, strings.Contains(body, want))
		}
	}
}

func TestExports(t *testing.T) {
	s, _ := newServer(t, web.Options{})
	res, body := get(t, s, "/stories/port/report.html")
	if res.StatusCode != 200 || !strings.Contains(body, `<table class="matrix">`) {
		t.Errorf("report: %d", res.StatusCode)
	}
	if err := webtest.Inert(body); err != nil {
		t.Errorf("report: %v", err)
	}
	// Served under style-src 'self', the report's own inline stylesheet is
	// let in by its hash, and only it.
	csp := res.Header.Get("Content-Security-Policy")
	i, j := strings.Index(body, "<style>"), strings.Index(body, "</style>")
	if i < 0 || j < i {
		t.Fatal("report has no inline stylesheet")
	}
	sum := sha256.Sum256([]byte(body[i+len("<style>") : j]))
	if want := "style-src 'self' 'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"; !strings.Contains(csp, want) {
		t.Errorf("report CSP %q lacks %q", csp, want)
	}
	if strings.Contains(csp, "unsafe-inline") || !strings.Contains(csp, "script-src 'self'") {
		t.Errorf("report CSP %q is not otherwise the strict policy", csp)
	}
	res, body = get(t, s, "/stories/port/claimreview.json")
	var reviews []map[string]any
	if err := json.Unmarshal([]byte(body), &reviews); err != nil || len(reviews) != 3 {
		t.Fatalf("claimreview: %d %v %d", res.StatusCode, err, len(reviews))
	}
	if u := reviews[0]["url"]; u != "http://example.com/stories/port/report.html#claim-c1" {
		t.Errorf("claimreview url %v", u)
	}
	res, body = get(t, s, "/stories/port/statements.csv")
	if res.Header.Get("Content-Type") != "text/csv; charset=utf-8" || strings.Count(body, "\n") != 8 {
		t.Errorf("csv: %q, %d lines", res.Header.Get("Content-Type"), strings.Count(body, "\n"))
	}
}

func TestAPI(t *testing.T) {
	s, _ := newServer(t, web.Options{})
	res, body := get(t, s, "/api/stories?q=port")
	var stories struct{ Stories []web.Story }
	if err := json.Unmarshal([]byte(body), &stories); err != nil || len(stories.Stories) != 1 || stories.Stories[0].Contested != 1 {
		t.Errorf("stories: %d %v %+v", res.StatusCode, err, stories)
	}
	res, body = get(t, s, "/api/stories/port")
	var ledger struct {
		Schema string
		Claims []struct{ ID, Status string }
	}
	if err := json.Unmarshal([]byte(body), &ledger); err != nil || ledger.Schema != claimtrail.LedgerSchema || len(ledger.Claims) != 3 {
		t.Errorf("ledger: %d %v %+v", res.StatusCode, err, ledger)
	}
	if strings.Contains(body, "<script") {
		t.Error("ledger JSON carries raw markup")
	}
	res, body = get(t, s, "/api/stories/port/claims/c1")
	var claim struct{ Claim struct{ ID, Status string } }
	if err := json.Unmarshal([]byte(body), &claim); err != nil || claim.Claim.ID != "c1" || claim.Claim.Status != "contested" {
		t.Errorf("claim: %d %v %+v", res.StatusCode, err, claim)
	}
	for _, p := range []string{"/api/stories/nope", "/api/stories/port/claims/zz", "/api/nothing"} {
		res, body := get(t, s, p)
		var e struct{ Error string }
		if res.StatusCode != 404 || json.Unmarshal([]byte(body), &e) != nil || e.Error == "" {
			t.Errorf("%s: %d %s", p, res.StatusCode, body)
		}
	}
}

func post(path, ctype, body string) *http.Request {
	r := httptest.NewRequest("POST", path, strings.NewReader(body))
	r.Header.Set("Content-Type", ctype)
	return r
}

func TestCheck(t *testing.T) {
	s, _ := newServer(t, web.Options{})
	// Full page, then the htmx fragment.
	res, body := do(t, s, post("/stories/port/check", "application/x-www-form-urlencoded", "claim=cargo+goes+to+the+northern+harbour"))
	if res.StatusCode != 200 || !strings.Contains(body, "<html") || !strings.Contains(body, `<mark class="evidence asserts">Shipping firms are rerouting cargo to the northern harbour</mark>`) {
		t.Errorf("check page: %d\n%s", res.StatusCode, body)
	}
	r := post("/stories/port/check", "application/x-www-form-urlencoded", "claim=the+strike+%3Cscript%3E")
	r.Header.Set("HX-Request", "true")
	res, body = do(t, s, r)
	if res.StatusCode != 200 || strings.Contains(body, "<html") || !strings.HasPrefix(body, `<div id="results">`) {
		t.Errorf("htmx fragment: %d\n%.200s", res.StatusCode, body)
	}
	if err := webtest.Inert(body); err != nil {
		t.Error(err)
	}
	r = post("/stories/port/check", "application/x-www-form-urlencoded", "claim=")
	r.Header.Set("HX-Request", "true")
	if _, body = do(t, s, r); !strings.Contains(body, "claim is empty") {
		t.Errorf("empty claim: %s", body)
	}
	// API.
	res, body = do(t, s, post("/api/stories/port/check", "application/json", `{"claim":"The terminal will close"}`))
	var out struct {
		Results []struct {
			Article, Stance string
			Evidence        []struct {
				Text string
				Span [2]int
			}
		}
	}
	if err := json.Unmarshal([]byte(body), &out); err != nil || len(out.Results) != 5 {
		t.Fatalf("api check: %d %v %s", res.StatusCode, err, body)
	}
	if r := out.Results[1]; r.Article != "a2" || r.Stance != "asserts" || len(r.Evidence) != 1 {
		t.Errorf("a2: %+v", r)
	}
	for _, bad := range []string{`{"claim":""}`, `{"claim":"x","extra":1}`, `not json`, `{"claim":"` + strings.Repeat("x", 2001) + `"}`} {
		res, body := do(t, s, post("/api/stories/port/check", "application/json", bad))
		if res.StatusCode/100 != 4 || !strings.Contains(body, `"error"`) {
			t.Errorf("bad check %.30q: %d %s", bad, res.StatusCode, body)
		}
	}
}

func TestAdd(t *testing.T) {
	s, m := newServer(t, web.Options{})
	form := url.Values{"story": {"new-story"}, "outlet": {"Pasted Post"}, "title": {"A pasted piece"},
		"published": {"2026-03-09"}, "text": {"The bridge reopens on Monday. Engineers signed it off."}}
	res, body := do(t, s, post("/add", "application/x-www-form-urlencoded", form.Encode()))
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/stories/new-story" {
		t.Fatalf("add: %d %s", res.StatusCode, body)
	}
	l, err := m.Ledger(context.Background(), "new-story")
	if err != nil || len(l.Articles) != 1 || l.Articles[0].Outlet != "Pasted Post" || l.Articles[0].Published.Day() != 9 {
		t.Fatalf("ledger after add: %v %+v", err, l)
	}
	if _, body := get(t, s, "/stories/new-story"); !strings.Contains(body, "1 articles") {
		t.Errorf("story page after add lacks the article count")
	}
	// Multipart upload with two files to the existing story.
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	mw.WriteField("story", "new-story")
	for _, n := range []string{"one.txt", "two.txt"} {
		fw, _ := mw.CreateFormFile("files", n)
		fw.Write([]byte("Text of " + n + ". More."))
	}
	mw.Close()
	res, body = do(t, s, post("/add", mw.FormDataContentType(), b.String()))
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("upload: %d %s", res.StatusCode, body)
	}
	if l, _ = m.Ledger(context.Background(), "new-story"); len(l.Articles) != 3 {
		t.Errorf("after upload: %d articles, want 3", len(l.Articles))
	}
	if _, body := get(t, s, "/stories/new-story"); !strings.Contains(body, "3 articles") {
		t.Errorf("cached story page not refreshed after the upload")
	}
	// Bad inputs re-show the form with the error, adding nothing.
	for _, bad := range []url.Values{
		{"story": {"../etc"}, "text": {"x"}},
		{"story": {"s"}},
		{"story": {"s"}, "text": {"x"}, "published": {"yesterday"}},
		{"story": {"s"}, "fetch": {"javascript:alert(1)"}},
		{"story": {"s"}, "fetch": {"https://example.com/a"}},
	} {
		res, body := do(t, s, post("/add", "application/x-www-form-urlencoded", bad.Encode()))
		if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, `class="error"`) {
			t.Errorf("bad add %v: %d", bad, res.StatusCode)
		}
	}
	if _, err := m.Ledger(context.Background(), "s"); err == nil {
		t.Error("a failed add created story s")
	}
	// API, JSON.
	res, body = do(t, s, post("/api/stories/api-story/articles", "application/json",
		`{"articles":[{"outlet":"Wire","title":"T","text":"Rain is due on Sunday. Maybe."}]}`))
	if res.StatusCode != http.StatusCreated || !strings.Contains(body, `"claims": 1`) {
		t.Errorf("api add: %d %s", res.StatusCode, body)
	}
	res, body = do(t, s, post("/api/stories/api-story/articles", "application/json", `{"articles":[{"text":""}]}`))
	if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "articles[0]: text is empty") {
		t.Errorf("api add empty: %d %s", res.StatusCode, body)
	}
}

func TestCrossOriginWritesRefused(t *testing.T) {
	s, m := newServer(t, web.Options{})
	for name, set := range map[string]func(*http.Request){
		"sec-fetch-site": func(r *http.Request) { r.Header.Set("Sec-Fetch-Site", "cross-site") },
		"origin":         func(r *http.Request) { r.Header.Set("Origin", "http://evil.example") },
	} {
		r := post("/api/stories/x/articles", "application/json", `{"articles":[{"text":"A. B."}]}`)
		set(r)
		if res, body := do(t, s, r); res.StatusCode != http.StatusForbidden {
			t.Errorf("%s: %d %s", name, res.StatusCode, body)
		}
	}
	if _, err := m.Ledger(context.Background(), "x"); err == nil {
		t.Error("cross-origin write went through")
	}
	r := post("/api/stories/x/articles", "application/json", `{"articles":[{"text":"A. B."}]}`)
	r.Header.Set("Sec-Fetch-Site", "same-origin")
	r.Header.Set("Origin", "http://example.com")
	if res, body := do(t, s, r); res.StatusCode != http.StatusCreated {
		t.Errorf("same-origin write: %d %s", res.StatusCode, body)
	}
}

func TestToken(t *testing.T) {
	add := func() *http.Request {
		return post("/api/stories/x/articles", "application/json", `{"articles":[{"text":"A. B."}]}`)
	}
	// Public without a token: reads work, writes are refused.
	s, _ := newServer(t, web.Options{Public: true})
	if res, _ := get(t, s, "/stories/port"); res.StatusCode != 200 {
		t.Errorf("public read: %d", res.StatusCode)
	}
	if res, body := do(t, s, add()); res.StatusCode != http.StatusForbidden || !strings.Contains(body, "--token") {
		t.Errorf("public write without token: %d %s", res.StatusCode, body)
	}
	if _, body := get(t, s, "/add"); strings.Contains(body, "<form") {
		t.Error("public server without token offers the add form")
	}
	// With a token.
	s, _ = newServer(t, web.Options{Public: true, Token: "s3cret"})
	if res, _ := do(t, s, add()); res.StatusCode != http.StatusForbidden {
		t.Errorf("no token: %d", res.StatusCode)
	}
	r := add()
	r.Header.Set("Authorization", "Bearer wrong")
	if res, _ := do(t, s, r); res.StatusCode != http.StatusForbidden {
		t.Errorf("wrong token: %d", res.StatusCode)
	}
	r = add()
	r.Header.Set("Authorization", "Bearer s3cret")
	if res, body := do(t, s, r); res.StatusCode != http.StatusCreated {
		t.Errorf("right token: %d %s", res.StatusCode, body)
	}
	// ?token= sets the cookie and redirects without it; the cookie then works.
	res, _ := get(t, s, "/stories/port?token=s3cret")
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/stories/port" || len(res.Cookies()) != 1 {
		t.Fatalf("token link: %d %q %v", res.StatusCode, res.Header.Get("Location"), res.Cookies())
	}
	c := res.Cookies()[0]
	if !c.HttpOnly || c.SameSite != http.SameSiteStrictMode {
		t.Errorf("cookie %+v", c)
	}
	r = add()
	r.AddCookie(c)
	if res, body := do(t, s, r); res.StatusCode != http.StatusCreated {
		t.Errorf("cookie token: %d %s", res.StatusCode, body)
	}
	if res, _ := get(t, s, "/?token=nope"); res.StatusCode != http.StatusForbidden {
		t.Errorf("wrong token link: %d", res.StatusCode)
	}
}

func TestBodyLimit(t *testing.T) {
	s, _ := newServer(t, web.Options{MaxBody: 1024})
	big := `{"articles":[{"text":"` + strings.Repeat("word ", 1000) + `"}]}`
	res, body := do(t, s, post("/api/stories/x/articles", "application/json", big))
	if res.StatusCode != http.StatusRequestEntityTooLarge && res.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("big body: %d %s", res.StatusCode, body)
	}
	if !strings.Contains(body, "too large") {
		t.Errorf("big body error does not say so: %s", body)
	}
}

func TestServeShutdown(t *testing.T) {
	s, _ := newServer(t, web.Options{})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- web.Serve(ctx, ln, s) }()
	res, err := http.Get("http://" + ln.Addr().String() + "/stories/port")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != 200 {
		t.Errorf("status %d", res.StatusCode)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("serve: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("no shutdown within 5 s")
	}
	hs := web.NewHTTPServer(s)
	if hs.ReadHeaderTimeout == 0 || hs.ReadTimeout == 0 || hs.WriteTimeout == 0 || hs.IdleTimeout == 0 {
		t.Errorf("missing timeouts: %+v", hs)
	}
}

func TestLoopback(t *testing.T) {
	for addr, want := range map[string]bool{
		"127.0.0.1:8080": true, "[::1]:80": true, "localhost:1": true,
		":8080": false, "0.0.0.0:80": false, "192.168.1.2:80": false, "example.com:80": false, "bad": false,
	} {
		if got := web.Loopback(addr); got != want {
			t.Errorf("Loopback(%q) = %v", addr, got)
		}
	}
}

func TestInertCatches(t *testing.T) {
	for _, doc := range []string{
		`<p>x</p><script>alert(1)</script>`, `<img src=x onerror=alert(1)>`, `<a href=" JavaScript:alert(1)">x</a>`,
		`<script src="https://cdn.example/x.js"></script>`, `<iframe src="/"></iframe>`,
	} {
		if webtest.Inert(doc) == nil {
			t.Errorf("Inert accepts %s", doc)
		}
	}
	if err := webtest.Inert(`<script src="/static/app.js" defer></script><a href="/x">x</a>`); err != nil {
		t.Error(err)
	}
}

// serveLedger serves l as story "port" with the test checker and loader.
func serveLedger(t *testing.T, l *claimtrail.Ledger) *web.Server {
	t.Helper()
	m := web.NewMemory(build)
	if err := m.Put("port", "Port closure", l); err != nil {
		t.Fatal(err)
	}
	s, err := web.New(web.Options{Source: m, Checker: checker{}, Loader: loader{}})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestStoryPageAsides checks that the story page keeps an aside out of the
// matrix and lists it in a section of its own, with its kind.
func TestStoryPageAsides(t *testing.T) {
	l := webtest.Ledger()
	last := &l.Claims[len(l.Claims)-1]
	last.Aside, last.AsideKind = true, "opinion"
	s := serveLedger(t, l)
	_, body := get(t, s, "/stories/port")
	link := `href="/stories/port/claims/` + last.ID + `"`
	at := strings.Index(body, `id="asides"`)
	if at < 0 || !strings.Contains(body[at:], link) || !strings.Contains(body[at:], "(opinion)") ||
		strings.Contains(body[:at], `/claims/`+last.ID+`#`) || !strings.Contains(body, "1 kept apart") {
		t.Errorf("story page does not keep claim %s apart:\n%s", last.ID, body)
	}
}

// TestStoryPageAttributions checks that a story's attributions that are no
// claims reach every view of it the server gives: a section of the story
// page (escaped, with the reason and a link to the article), the HTML
// report and the ledger JSON.
func TestStoryPageAttributions(t *testing.T) {
	l := webtest.Ledger()
	a := &l.Articles[4] // the hostile article: its outlet name must stay inert
	span := func(s string) claimtrail.Span {
		i := strings.Index(a.Text, s)
		return claimtrail.Span{Start: i, End: i + len(s)}
	}
	l.Attributions = []claimtrail.Attribution{{Article: a.ID, Source: span("Insiders"), Cue: span("said"),
		Content: span("the union plans a strike next week"), Sentence: span("Insiders said the union plans a strike next week."),
		Chain:  []claimtrail.Source{{Name: a.Outlet, Kind: claimtrail.KindOutlet}, {Name: "insiders", Kind: claimtrail.KindAnonymous}},
		Reason: claimtrail.ReasonPlan, Labelled: true}}
	s := serveLedger(t, l)
	_, body := get(t, s, "/stories/port")
	at := strings.Index(body, `id="attributions"`)
	if at < 0 {
		t.Fatalf("story page has no attributions section:\n%s", body)
	}
	for _, want := range []string{`href="/stories/port/articles/a5"`, "(plan; cue “said”)", "the union plans a strike next week"} {
		if !strings.Contains(body[at:], want) {
			t.Errorf("attributions section lacks %q:\n%s", want, body[at:])
		}
	}
	if err := webtest.Inert(body); err != nil {
		t.Errorf("story page: %v", err)
	}
	if _, report := get(t, s, "/stories/port/report.html"); !strings.Contains(report, `id="attributions"`) ||
		!strings.Contains(report, "the union plans a strike next week") {
		t.Error("the HTML report lacks the attributions the story page lists")
	}
	_, js := get(t, s, "/api/stories/port")
	var doc struct {
		Articles []struct {
			Attributions []struct{ Reason, Text string }
		}
	}
	if err := json.Unmarshal([]byte(js), &doc); err != nil || len(doc.Articles) != 5 || len(doc.Articles[4].Attributions) != 1 ||
		doc.Articles[4].Attributions[0].Reason != "plan" {
		t.Errorf("ledger JSON: %v, want article a5 with one attribution (plan):\n%s", err, js)
	}
}
