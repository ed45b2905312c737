package web

import (
	"bytes"
	"context"
	"crypto/sha256"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"maps"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/render"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// webCSS adds the UI's own rules to the report's stylesheet.
const webCSS = `
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem}
header.top{display:flex;gap:1rem;align-items:baseline;border-bottom:1px solid #d0d7de;margin-bottom:1rem;padding-bottom:.5rem}
.brand{font-weight:700;font-size:1.2rem;text-decoration:none}
footer{margin-top:2rem;border-top:1px solid #d0d7de;padding-top:.5rem;font-size:.85rem}
a:focus-visible,button:focus-visible,input:focus-visible,textarea:focus-visible{outline:3px solid #0969da;outline-offset:2px}
label{display:block;margin-top:.5rem;font-weight:600}
input,textarea{width:100%;max-width:40rem;font:inherit;padding:.3rem;box-sizing:border-box}
input[type=file]{border:0}
button{font:inherit;margin-top:.75rem;padding:.35rem .9rem}
fieldset{margin-top:1rem;border:1px solid #d0d7de;max-width:42rem}
form.search{display:flex;flex-wrap:wrap;gap:.5rem;align-items:end}
form.search label{width:100%}
form.search input{flex:1}
table.list,table.results{border-collapse:collapse;margin-top:1rem}
.list th,.list td,.results th,.results td{border-bottom:1px solid #d0d7de;padding:.35rem .6rem;text-align:left;vertical-align:top}
.stances{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.4rem}
.stances li{padding:.15rem .5rem;border-radius:.3rem;border:1px solid #d0d7de}
.error{color:#a40e26;font-weight:600}
.polarity.denies{color:#a40e26;font-weight:600}
.polarity.asserts{color:#116329;font-weight:600}
.article-text{max-width:46rem}
dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}
dl.meta dd{margin:0}
.htmx-indicator{opacity:0}.htmx-request .htmx-indicator,.htmx-request.htmx-indicator{opacity:1}
figure.graph{margin:0;overflow-x:auto}
a.evidence{background:#fff3a3;color:inherit;text-decoration:none;border-bottom:2px solid #9a6700}
a.evidence.denies{background:#ffd5d2;border-bottom-color:#a40e26}
`

var styleCSS = []byte(render.ReportCSS + webCSS)

// pages holds one template set per page, each with the shared layout.
type pages map[string]*template.Template

var loadPages = sync.OnceValues(func() (pages, error) {
	funcs := maps.Clone(render.Funcs)
	funcs["percent"] = func(f float64) string { return fmt.Sprintf("%.0f%%", 100*f) }
	funcs["iso"] = func(t time.Time) string { return t.UTC().Format(time.RFC3339) }
	funcs["legend"] = func() template.HTML { return template.HTML(render.GraphLegend) }
	base, err := template.New("layout.html").Funcs(funcs).ParseFS(templateFS, "templates/layout.html")
	if err != nil {
		return nil, fmt.Errorf("parse layout: %w", err)
	}
	names, err := fs.Glob(templateFS, "templates/*.html")
	if err != nil {
		return nil, err
	}
	ps := pages{}
	for _, n := range names {
		name := strings.TrimSuffix(strings.TrimPrefix(n, "templates/"), ".html")
		if name == "layout" {
			continue
		}
		t, err := template.Must(base.Clone()).ParseFS(templateFS, n)
		if err != nil {
			return nil, fmt.Errorf("parse %s: %w", n, err)
		}
		ps[name] = t
	}
	return ps, nil
})

var bufPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// base is what every page's layout needs.
type base struct {
	Title     string
	StoryID   string
	Writable  bool
	Public    bool
	Checkable bool
}

func (s *Server) base(title, story string) base {
	return base{Title: title, StoryID: story, Writable: s.writable(), Public: s.opt.Public, Checkable: s.opt.Checker != nil}
}

// render executes page (or only its block when block is set, for htmx)
// into buf.
func (s *Server) render(buf *bytes.Buffer, page, block string, data any) error {
	ps, err := loadPages()
	if err != nil {
		return err
	}
	t := ps[page]
	if t == nil {
		return fmt.Errorf("no page %q", page)
	}
	if block == "" {
		block = "layout"
	}
	if err := t.ExecuteTemplate(buf, block, data); err != nil {
		return fmt.Errorf("render page %s: %w", page, err)
	}
	return nil
}

// html renders a page into a buffer first, so a template error becomes a
// clean 500, then sends it.
func (s *Server) html(w http.ResponseWriter, r *http.Request, status int, page, block string, data any) {
	buf := bufPool.Get().(*bytes.Buffer)
	buf.Reset()
	defer bufPool.Put(buf)
	if err := s.render(buf, page, block, data); err != nil {
		s.log.Error("render page", "page", page, "err", err)
		http.Error(w, "internal error rendering the page", http.StatusInternalServerError)
		return
	}
	sendHTML(w, status, buf.Bytes())
}

func sendHTML(w http.ResponseWriter, status int, body []byte) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Vary", "HX-Request")
	w.WriteHeader(status)
	w.Write(body)
}

// pageCache keeps rendered ledger pages. A ledger is never modified once a
// Source hands it out (a rebuild makes a new one), so a page rendered from
// the same ledger pointer is still right.
type pageCache struct {
	mu    sync.Mutex
	pages map[string]cachedPage
	list  struct { // the last stories page, by listFingerprint
		fp   [sha256.Size]byte
		body []byte
	}
}

type cachedPage struct {
	ledger *claimtrail.Ledger
	body   []byte
}

const maxCachedPages = 512

// cached serves the page at r's path from the cache when it was rendered
// from l; otherwise it renders it with page and data and keeps it.
func (s *Server) cached(w http.ResponseWriter, r *http.Request, l *claimtrail.Ledger, page string, data func() (any, error)) {
	key := r.URL.Path
	if body, ok := s.kept(key, l); ok {
		sendHTML(w, http.StatusOK, body)
		return
	}
	d, err := data()
	if err != nil {
		s.fail(w, r, http.StatusInternalServerError, err)
		return
	}
	var buf bytes.Buffer
	if err := s.render(&buf, page, "", d); err != nil {
		s.log.Error("render page", "page", page, "err", err)
		http.Error(w, "internal error rendering the page", http.StatusInternalServerError)
		return
	}
	s.keep(key, l, buf.Bytes())
	sendHTML(w, http.StatusOK, buf.Bytes())
}

// keep caches body as rendered from l under key.
func (s *Server) keep(key string, l *claimtrail.Ledger, body []byte) {
	s.cache.mu.Lock()
	defer s.cache.mu.Unlock()
	if s.cache.pages == nil || len(s.cache.pages) >= maxCachedPages {
		s.cache.pages = map[string]cachedPage{}
	}
	s.cache.pages[key] = cachedPage{ledger: l, body: body}
}

// kept returns the body cached under key when it was rendered from l.
func (s *Server) kept(key string, l *claimtrail.Ledger) ([]byte, bool) {
	s.cache.mu.Lock()
	defer s.cache.mu.Unlock()
	c, ok := s.cache.pages[key]
	return c.body, ok && c.ledger == l
}

// fail answers an error: JSON for the API, an HTML page otherwise.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, status int, err error) {
	if status >= 500 && r.Context().Err() == nil { // a client that left is no server error
		s.log.Error("request failed", "method", r.Method, "path", r.URL.Path, "err", err)
	}
	if strings.HasPrefix(r.URL.Path, "/api/") {
		writeJSON(w, status, map[string]string{"error": err.Error()})
		return
	}
	msg := err.Error()
	if status >= 500 {
		msg = "Something went wrong on the server; the log has the details."
	}
	s.html(w, r, status, "error", "", struct {
		base
		Message string
	}{s.base(http.StatusText(status), ""), msg})
}

func (s *Server) routes(mux *http.ServeMux) {
	mux.HandleFunc("GET /{$}", s.storiesPage)
	mux.HandleFunc("GET /stories/{story}", s.storyPage)
	mux.HandleFunc("GET /stories/{story}/claims/{claim}", s.claimPage)
	mux.HandleFunc("GET /stories/{story}/articles/{article}", s.articlePage)
	mux.HandleFunc("GET /stories/{story}/check", s.checkPage)
	mux.HandleFunc("POST /stories/{story}/check", s.checkPost)
	mux.HandleFunc("GET /add", s.addPage)
	mux.HandleFunc("POST /add", s.addPost)
	mux.HandleFunc("GET /stories/{story}/report.html", s.exportHTML)
	mux.HandleFunc("GET /stories/{story}/claimreview.json", s.exportClaimReview)
	mux.HandleFunc("GET /stories/{story}/statements.csv", s.exportCSV)
	mux.HandleFunc("GET /static/style.css", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/css; charset=utf-8")
		w.Header().Set("Cache-Control", "public, max-age=3600")
		w.Write(styleCSS)
	})
	static := http.FileServerFS(staticFS)
	mux.Handle("GET /static/", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "public, max-age=3600")
		static.ServeHTTP(w, r)
	}))
	s.apiRoutes(mux)
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		s.fail(w, r, http.StatusNotFound, fmt.Errorf("no page at %s", r.URL.Path))
	})
}

// story loads a story's summary and ledger, answering 404 itself.
func (s *Server) story(w http.ResponseWriter, r *http.Request) (Story, *claimtrail.Ledger, bool) {
	id := r.PathValue("story")
	l, err := s.opt.Source.Ledger(r.Context(), id)
	if err != nil {
		status := http.StatusInternalServerError
		if errors.Is(err, ErrNotFound) {
			status = http.StatusNotFound
		}
		s.fail(w, r, status, err)
		return Story{}, nil, false
	}
	st, err := s.opt.Source.Story(r.Context(), id)
	if err != nil {
		s.fail(w, r, http.StatusInternalServerError, err)
		return Story{}, nil, false
	}
	return st, l, true
}

func (s *Server) storiesPage(w http.ResponseWriter, r *http.Request) {
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	list, err := s.stories(r.Context(), q)
	if err != nil {
		s.fail(w, r, listStatus(err), err)
		return
	}
	// The page is a function of the query and the list alone: the same
	// list (as most requests between two changes see) is served as
	// rendered before, which keeps the front page cheap under load.
	fp := listFingerprint(q, list)
	s.cache.mu.Lock()
	hit := s.cache.list.body != nil && s.cache.list.fp == fp
	body := s.cache.list.body
	s.cache.mu.Unlock()
	if hit {
		sendHTML(w, http.StatusOK, body)
		return
	}
	var buf bytes.Buffer
	if err := s.render(&buf, "stories", "", struct {
		base
		Query   string
		Stories []Story
	}{s.base("Stories", ""), q, list}); err != nil {
		s.log.Error("render page", "page", "stories", "err", err)
		http.Error(w, "internal error rendering the page", http.StatusInternalServerError)
		return
	}
	s.cache.mu.Lock()
	s.cache.list.fp, s.cache.list.body = fp, buf.Bytes()
	s.cache.mu.Unlock()
	sendHTML(w, http.StatusOK, buf.Bytes())
}

// listFingerprint hashes a search and the stories listed for it.
func listFingerprint(q string, list []Story) [sha256.Size]byte {
	b := make([]byte, 0, 64*(len(list)+1))
	b = strconv.AppendQuote(b, q)
	for _, st := range list {
		b = strconv.AppendQuote(b, st.ID)
		b = strconv.AppendQuote(b, st.Title)
		for _, n := range []int64{int64(st.Articles), int64(st.Claims), int64(st.Contested), st.Updated.UnixNano()} {
			b = append(strconv.AppendInt(b, n, 10), ' ')
		}
	}
	return sha256.Sum256(b)
}

// stories asks the source for the stories matching q, refusing a search
// with nothing to look for ("*", quotes, control characters) before it
// reaches a full-text index that would choke on it.
func (s *Server) stories(ctx context.Context, q string) ([]Story, error) {
	if q != "" && !strings.ContainsFunc(q, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsNumber(r) }) {
		return nil, fmt.Errorf("%w: search %q has no words to look for", ErrBadInput, strings.ToValidUTF8(q, "\uFFFD"))
	}
	return s.opt.Source.Stories(ctx, q)
}

// listStatus is the status of a failed story listing or search.
func listStatus(err error) int {
	if errors.Is(err, ErrBadInput) {
		return http.StatusBadRequest
	}
	return http.StatusInternalServerError
}

type storyData struct {
	base
	Story Story
	View  *render.View
}

func (s *Server) storyPage(w http.ResponseWriter, r *http.Request) {
	st, l, ok := s.story(w, r)
	if !ok {
		return
	}
	s.cached(w, r, l, "story", func() (any, error) {
		// The page lists the attributions that are no claims, as the
		// report does under analyze --all: a reader of the corpus sees
		// every attribution analyze finds.
		v := render.NewView(l)
		v.Attributions = render.OtherAttributions(l)
		return storyData{s.base(st.Title, st.ID), st, v}, nil
	})
}

// statementView is one statement on a claim page.
type statementView struct {
	Statement *claimtrail.Statement
	Article   *claimtrail.Article
	Evidence  template.HTML
	Anchor    string // "in-ARTICLE" on the article's first statement
}

func (s *Server) claimPage(w http.ResponseWriter, r *http.Request) {
	st, l, ok := s.story(w, r)
	if !ok {
		return
	}
	id := r.PathValue("claim")
	if !slices.ContainsFunc(l.Claims, func(c claimtrail.Claim) bool { return c.ID == id }) {
		s.fail(w, r, http.StatusNotFound, fmt.Errorf("story %q has no claim %q", st.ID, id))
		return
	}
	s.cached(w, r, l, "claim", func() (any, error) { return s.claimData(st, l, id) })
}

func (s *Server) claimData(st Story, l *claimtrail.Ledger, id string) (any, error) {
	v := render.NewView(l)
	var cv *render.ClaimView
	for i := range v.Claims {
		if v.Claims[i].Claim.ID == id {
			cv = &v.Claims[i]
		}
	}
	graph, err := render.ChainGraph(l, cv.Claim)
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	var sts []statementView
	for i := range cv.Claim.Statements {
		x := &cv.Claim.Statements[i]
		a := l.Article(x.Article)
		if a == nil {
			continue
		}
		sv := statementView{Statement: x, Article: a, Evidence: render.Evidence(a, x)}
		if !seen[a.ID] {
			sv.Anchor, seen[a.ID] = "in-"+a.ID, true
		}
		sts = append(sts, sv)
	}
	return struct {
		storyData
		Claim      *render.ClaimView
		Graph      template.HTML
		Timeline   []render.Event
		Statements []statementView
	}{storyData{s.base("Claim "+id, st.ID), st, v}, cv, graph, render.Timeline(l, cv.Claim), sts}, nil
}

type articleClaim struct {
	Claim  *claimtrail.Claim
	Stance claimtrail.Stance
}

func (s *Server) articlePage(w http.ResponseWriter, r *http.Request) {
	st, l, ok := s.story(w, r)
	if !ok {
		return
	}
	a := l.Article(r.PathValue("article"))
	if a == nil {
		s.fail(w, r, http.StatusNotFound, fmt.Errorf("story %q has no article %q", st.ID, r.PathValue("article")))
		return
	}
	s.cached(w, r, l, "article", func() (any, error) { return s.articleData(st, l, a), nil })
}

func (s *Server) articleData(st Story, l *claimtrail.Ledger, a *claimtrail.Article) any {
	var claims []articleClaim
	var marks []render.Mark
	for i := range l.Claims {
		c := &l.Claims[i]
		if sc := render.StanceOf(c, a.ID); sc != claimtrail.StanceAbsent {
			claims = append(claims, articleClaim{c, sc})
		}
		for _, x := range c.Statements {
			if x.Article == a.ID {
				marks = append(marks, render.Mark{
					Span: x.Sentence, Tag: "a", Class: "evidence " + string(x.Polarity),
					Href:  "/stories/" + url.PathEscape(st.ID) + "/claims/" + url.PathEscape(c.ID) + "#in-" + url.PathEscape(a.ID),
					Title: fmt.Sprintf("%s claim %s: %s", x.Polarity, c.ID, c.Text),
				})
			}
		}
	}
	text := render.Highlight(a.Text, claimtrail.Span{Start: 0, End: len(a.Text)}, marks)
	return struct {
		storyData
		Article *claimtrail.Article
		Claims  []articleClaim
		Text    template.HTML
	}{storyData{s.base(a.Title, st.ID), st, nil}, a, claims, text}
}
