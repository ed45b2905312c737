package web

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/render"
)

func (s *Server) apiRoutes(mux *http.ServeMux) {
	mux.HandleFunc("GET /api/stories", s.apiStories)
	mux.HandleFunc("GET /api/stories/{story}", s.apiLedger)
	mux.HandleFunc("GET /api/stories/{story}/claims/{claim}", s.apiClaim)
	mux.HandleFunc("GET /api/stories/{story}/claimreview", s.exportClaimReview)
	mux.HandleFunc("GET /api/stories/{story}/statements.csv", s.exportCSV)
	mux.HandleFunc("POST /api/stories/{story}/articles", s.apiAdd)
	mux.HandleFunc("POST /api/stories/{story}/check", s.apiCheck)
	mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		s.fail(w, r, http.StatusNotFound, fmt.Errorf("no endpoint %s %s", r.Method, r.URL.Path))
	})
}

// writeJSON answers v as JSON; markup characters are escaped (\u003c).
func writeJSON(w http.ResponseWriter, status int, v any) {
	buf := bufPool.Get().(*bytes.Buffer)
	buf.Reset()
	defer bufPool.Put(buf)
	enc := json.NewEncoder(buf)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		http.Error(w, `{"error":"encode response"}`, http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

func (s *Server) apiStories(w http.ResponseWriter, r *http.Request) {
	list, err := s.stories(r.Context(), strings.TrimSpace(r.URL.Query().Get("q")))
	if err != nil {
		s.fail(w, r, listStatus(err), err)
		return
	}
	if list == nil {
		list = []Story{}
	}
	writeJSON(w, http.StatusOK, map[string]any{"stories": list})
}

// ledgerJSON writes l in the DESIGN.md contract.
var ledgerJSON = render.JSON

func (s *Server) apiLedger(w http.ResponseWriter, r *http.Request) {
	_, l, ok := s.story(w, r)
	if !ok {
		return
	}
	// The JSON of a ledger is cached like its pages: ledgers are immutable.
	key := "json " + r.URL.Path
	body, ok := s.kept(key, l)
	if !ok {
		var buf bytes.Buffer
		if err := ledgerJSON(&buf, l); err != nil {
			s.fail(w, r, http.StatusInternalServerError, err)
			return
		}
		body = buf.Bytes()
		s.keep(key, l, body)
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Write(body)
}

func (s *Server) apiClaim(w http.ResponseWriter, r *http.Request) {
	_, l, ok := s.story(w, r)
	if !ok {
		return
	}
	id := r.PathValue("claim")
	doc := render.Contract(l)
	for _, c := range doc.Claims {
		if c.ID != id {
			continue
		}
		// The articles the claim's stances name, so the answer stands alone.
		arts := []render.ArticleDoc{}
		for _, a := range doc.Articles {
			if s, ok := c.Stances[a.ID]; ok && s != string(claimtrail.StanceAbsent) {
				arts = append(arts, a)
			}
		}
		writeJSON(w, http.StatusOK, map[string]any{"schema": doc.Schema, "claim": c, "articles": arts})
		return
	}
	s.fail(w, r, http.StatusNotFound, fmt.Errorf("story %q has no claim %q", r.PathValue("story"), id))
}

// addRequest is the JSON body of POST /api/stories/{story}/articles.
type addRequest struct {
	Articles []articleForm `json:"articles"`
	URLs     []string      `json:"urls"`
}

func (s *Server) apiAdd(w http.ResponseWriter, r *http.Request) {
	if s.adder == nil {
		s.fail(w, r, http.StatusForbidden, errors.New("this server does not accept new articles"))
		return
	}
	story := r.PathValue("story")
	if !ValidStoryID(story) {
		s.fail(w, r, http.StatusBadRequest, fmt.Errorf("story id %q: use 1 to 64 letters, digits, dots, dashes or underscores", story))
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), s.opt.AddTimeout)
	defer cancel()
	var arts []claimtrail.Article
	var err error
	if strings.HasPrefix(r.Header.Get("Content-Type"), "application/json") {
		arts, err = s.collectJSON(ctx, r)
	} else {
		var f articleForm
		var ups []upload
		if f, ups, err = parseUpload(r); err == nil {
			arts, err = s.collect(ctx, f, ups)
		}
	}
	if err != nil {
		s.fail(w, r, collectStatus(ctx, err), s.addError(err))
		return
	}
	got, err := s.adder.AddArticles(ctx, story, arts)
	if err != nil {
		s.fail(w, r, addStatus(ctx, err), s.addError(err))
		return
	}
	l, err := s.opt.Source.Ledger(ctx, got)
	if err != nil {
		s.fail(w, r, addStatus(ctx, err), s.addError(err))
		return
	}
	writeJSON(w, http.StatusCreated, map[string]any{
		"story": got, "added": len(arts), "articles": len(l.Articles), "claims": len(l.Claims),
		"ledger": "/api/stories/" + url.PathEscape(got),
	})
}

// collectStatus is the status for a request whose articles could not be
// read: too large, out of time, or bad.
func collectStatus(ctx context.Context, err error) int {
	var mbe *http.MaxBytesError
	switch {
	case errors.As(err, &mbe):
		return http.StatusRequestEntityTooLarge
	case errors.Is(ctx.Err(), context.DeadlineExceeded):
		return http.StatusServiceUnavailable
	}
	return http.StatusUnprocessableEntity
}

// addStatus is the status for a failed add: a refused article is the
// client's problem; running out of time is the server's, said as such.
func addStatus(ctx context.Context, err error) int {
	switch {
	case errors.Is(err, ErrBadInput):
		return http.StatusUnprocessableEntity
	case errors.Is(ctx.Err(), context.DeadlineExceeded):
		return http.StatusServiceUnavailable
	}
	return http.StatusInternalServerError
}

// addError words an add that ran out of its time budget.
func (s *Server) addError(err error) error {
	if errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("adding took longer than %s and was stopped; nothing was added", s.opt.AddTimeout)
	}
	return err
}

func (s *Server) collectJSON(ctx context.Context, r *http.Request) ([]claimtrail.Article, error) {
	var req addRequest
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&req); err != nil {
		return nil, fmt.Errorf("request body: %w", err)
	}
	var arts []claimtrail.Article
	var errs []error
	for i, f := range req.Articles {
		f.Fetch = ""
		if strings.TrimSpace(f.Text) == "" {
			errs = append(errs, fmt.Errorf("articles[%d]: text is empty", i))
			continue
		}
		as, err := s.collect(ctx, f, nil)
		if err != nil {
			errs = append(errs, fmt.Errorf("articles[%d]: %w", i, err))
		}
		arts = append(arts, as...)
	}
	for _, u := range req.URLs {
		as, err := s.collect(ctx, articleForm{Fetch: u}, nil)
		if err != nil {
			errs = append(errs, err)
		}
		arts = append(arts, as...)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	if len(arts) == 0 {
		return nil, errors.New("nothing to add: give \"articles\" or \"urls\"")
	}
	return arts, nil
}

// checkRequest is the JSON body of POST /api/stories/{story}/check.
type checkRequest struct {
	Claim string `json:"claim"`
}

// checkAnswer is one article's verdict in the check response.
type checkAnswer struct {
	Article    string       `json:"article"`
	Outlet     string       `json:"outlet"`
	Title      string       `json:"title"`
	Stance     string       `json:"stance"`
	Label      string       `json:"label"`
	Confidence float64      `json:"confidence"`
	Evidence   []evidenceIn `json:"evidence"`
}

type evidenceIn struct {
	Text string `json:"text"`
	Span [2]int `json:"span"`
}

func (s *Server) apiCheck(w http.ResponseWriter, r *http.Request) {
	_, l, ok := s.story(w, r)
	if !ok {
		return
	}
	var req checkRequest
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&req); err != nil {
		s.fail(w, r, http.StatusBadRequest, fmt.Errorf("request body: %w", err))
		return
	}
	start := time.Now()
	res, err := s.check(r.Context(), l, req.Claim)
	if err != nil {
		status := http.StatusUnprocessableEntity
		if s.opt.Checker == nil {
			status = http.StatusNotImplemented
		}
		s.fail(w, r, status, err)
		return
	}
	out := make([]checkAnswer, len(res))
	for i, x := range res {
		out[i] = checkAnswer{Article: x.Article.ID, Outlet: x.Article.Outlet, Title: x.Article.Title,
			Stance: string(x.Verdict.Stance), Label: x.Verdict.Label, Confidence: x.Verdict.Confidence, Evidence: []evidenceIn{}}
		for _, sp := range x.Verdict.Evidence {
			if t := sp.In(x.Article.Text); t != "" {
				out[i].Evidence = append(out[i].Evidence, evidenceIn{Text: t, Span: [2]int{sp.Start, sp.End}})
			}
		}
	}
	writeJSON(w, http.StatusOK, map[string]any{
		"claim": strings.TrimSpace(req.Claim), "results": out, "elapsed_ms": time.Since(start).Milliseconds(),
	})
}
