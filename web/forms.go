package web

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"
	"html/template"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/render"
)

// maxClaim caps the length of a claim to check, in bytes.
const maxClaim = 2000

// checkResult is one article's verdict on a checked claim.
type checkResult struct {
	Article  *claimtrail.Article
	Verdict  Verdict
	Evidence []template.HTML // evidence sentences highlighted in context
}

type checkData struct {
	storyData
	Claim   string
	Error   string
	Results []checkResult
}

// check judges every article of l against claim.
func (s *Server) check(ctx context.Context, l *claimtrail.Ledger, claim string) ([]checkResult, error) {
	if s.opt.Checker == nil {
		return nil, errors.New("this server has no stance model")
	}
	claim = strings.TrimSpace(claim)
	switch {
	case claim == "":
		return nil, errors.New("claim is empty")
	case len(claim) > maxClaim:
		return nil, fmt.Errorf("claim is %d bytes long; at most %d", len(claim), maxClaim)
	case !utf8.ValidString(claim):
		return nil, errors.New("claim is not valid UTF-8")
	}
	verdicts, err := s.opt.Checker.Check(ctx, claim, l.Articles)
	if err != nil {
		return nil, fmt.Errorf("check: %w", err)
	}
	if len(verdicts) != len(l.Articles) {
		return nil, fmt.Errorf("check: %d verdicts for %d articles", len(verdicts), len(l.Articles))
	}
	out := make([]checkResult, 0, len(l.Articles))
	for i := range l.Articles {
		a, v := &l.Articles[i], verdicts[i]
		res := checkResult{Article: a, Verdict: v}
		for _, sp := range v.Evidence {
			if sp.In(a.Text) == "" {
				continue
			}
			win := render.ContextWindow(a, sp)
			h := render.Highlight(a.Text, win, []render.Mark{{Span: sp, Tag: "mark", Class: "evidence " + string(v.Stance)}})
			res.Evidence = append(res.Evidence, h)
		}
		out = append(out, res)
	}
	return out, nil
}

func (s *Server) checkPage(w http.ResponseWriter, r *http.Request) {
	st, l, ok := s.story(w, r)
	if !ok {
		return
	}
	s.html(w, r, http.StatusOK, "check", "", checkData{storyData: storyData{s.base("Check a claim", st.ID), st, render.NewView(l)}})
}

func (s *Server) checkPost(w http.ResponseWriter, r *http.Request) {
	st, l, ok := s.story(w, r)
	if !ok {
		return
	}
	d := checkData{storyData: storyData{s.base("Check a claim", st.ID), st, nil}}
	status := http.StatusOK
	if err := r.ParseForm(); err != nil {
		d.Error, status = "could not read the form: "+err.Error(), http.StatusBadRequest
	} else {
		d.Claim = strings.TrimSpace(r.PostFormValue("claim"))
		res, err := s.check(r.Context(), l, d.Claim)
		if err != nil {
			d.Error, status = err.Error(), http.StatusUnprocessableEntity
			if d.Claim == "" {
				d.Claim = " " // show the error block
			}
		}
		d.Results = res
	}
	block := ""
	if r.Header.Get("HX-Request") != "" {
		block = "results"
		if status != http.StatusOK {
			status = http.StatusOK // htmx swaps only 2xx answers; the error shows in the block
		}
	}
	s.html(w, r, status, "check", block, d)
}

// articleForm is a pasted article, a URL to fetch, or both.
type articleForm struct {
	Outlet    string `json:"outlet"`
	Title     string `json:"title"`
	URL       string `json:"url"`
	Published string `json:"published"`
	Text      string `json:"text"`
	Fetch     string `json:"fetch"`
}

// upload is one uploaded file.
type upload struct {
	Name string
	Data []byte
}

// collect turns a form and uploads into articles; any bad input fails the
// whole request so nothing is half-added.
func (s *Server) collect(ctx context.Context, f articleForm, files []upload) ([]claimtrail.Article, error) {
	var arts []claimtrail.Article
	var errs []error
	if strings.TrimSpace(f.Text) != "" {
		a, err := s.pasted(ctx, f)
		if err != nil {
			errs = append(errs, err)
		} else {
			arts = append(arts, a)
		}
	}
	if u := strings.TrimSpace(f.Fetch); u != "" {
		switch p, err := url.Parse(u); {
		case s.opt.Loader == nil:
			errs = append(errs, errors.New("this server cannot fetch URLs"))
		case err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "":
			errs = append(errs, fmt.Errorf("fetch %q: not an http(s) URL", u))
		default:
			as, err := s.opt.Loader.URL(ctx, u)
			if err != nil {
				errs = append(errs, err) // the loader names the URL
			}
			arts = append(arts, as...)
		}
	}
	for _, up := range files {
		if s.opt.Loader == nil {
			errs = append(errs, errors.New("this server cannot read uploaded files"))
			break
		}
		as, err := s.opt.Loader.File(ctx, up.Name, up.Data)
		if err != nil {
			errs = append(errs, fmt.Errorf("file %s: %w", up.Name, err))
		}
		arts = append(arts, as...)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	if len(arts) == 0 {
		return nil, errors.New("nothing to add: paste a text, give a URL or choose files")
	}
	return arts, nil
}

// pasted makes an article of pasted text: the text as given, paragraphs
// at blank lines, metadata from the form.
func (s *Server) pasted(ctx context.Context, f articleForm) (claimtrail.Article, error) {
	if !utf8.ValidString(f.Text) {
		return claimtrail.Article{}, errors.New("pasted text: not valid UTF-8")
	}
	text := strings.ReplaceAll(strings.TrimSpace(f.Text), "\r\n", "\n")
	a := claimtrail.Article{Text: text, Paragraphs: paragraphs(text)}
	a.Path = "pasted"
	if v := strings.TrimSpace(f.Outlet); v != "" {
		a.Outlet = v
	}
	if v := strings.TrimSpace(f.Title); v != "" {
		a.Title = v
	}
	if v := strings.TrimSpace(f.URL); v != "" {
		if render.SafeURL(v) == "" {
			return a, fmt.Errorf("pasted text: url %q is not an http(s) URL", v)
		}
		a.URL = v
	}
	if v := strings.TrimSpace(f.Published); v != "" {
		t, err := parseDate(v)
		if err != nil {
			return a, fmt.Errorf("pasted text: published: %w", err)
		}
		a.Published = t
	}
	return a, nil
}

func parseDate(v string) (time.Time, error) {
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04", "2006-01-02 15:04", "2006-01-02"} {
		if t, err := time.Parse(layout, v); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("%q is not a date (YYYY-MM-DD or RFC 3339)", v)
}

// paragraphs splits text at blank lines.
func paragraphs(text string) []claimtrail.Span {
	var ps []claimtrail.Span
	start := 0
	for start < len(text) {
		i := strings.Index(text[start:], "\n\n")
		end := len(text)
		if i >= 0 {
			end = start + i
		}
		if strings.TrimSpace(text[start:end]) != "" {
			ps = append(ps, claimtrail.Span{Start: start, End: end})
		}
		if i < 0 {
			break
		}
		start = end + 2
	}
	return ps
}

const maxFiles = 100

// readUploads reads the files of a multipart form field.
func readUploads(fhs []*multipart.FileHeader) ([]upload, error) {
	if len(fhs) > maxFiles {
		return nil, fmt.Errorf("%d files; at most %d at once", len(fhs), maxFiles)
	}
	var ups []upload
	for _, fh := range fhs {
		if fh.Filename == "" && fh.Size == 0 {
			continue // the browser's empty file input
		}
		f, err := fh.Open()
		if err != nil {
			return nil, fmt.Errorf("file %s: %w", fh.Filename, err)
		}
		data, err := io.ReadAll(f)
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("file %s: %w", fh.Filename, err)
		}
		ups = append(ups, upload{Name: fh.Filename, Data: data})
	}
	return ups, nil
}

type addData struct {
	base
	Form    articleForm
	Error   string
	CanLoad bool
}

func (s *Server) addPage(w http.ResponseWriter, r *http.Request) {
	story := r.URL.Query().Get("story")
	if !ValidStoryID(story) {
		story = ""
	}
	s.html(w, r, http.StatusOK, "add", "", addData{base: s.base("Add articles", story), CanLoad: s.opt.Loader != nil})
}

// parseUpload reads a multipart or urlencoded add form.
func parseUpload(r *http.Request) (articleForm, []upload, error) {
	var f articleForm
	var ups []upload
	if strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/form-data") {
		if err := r.ParseMultipartForm(8 << 20); err != nil {
			return f, nil, fmt.Errorf("read form: %w", err)
		}
		var err error
		if ups, err = readUploads(r.MultipartForm.File["files"]); err != nil {
			return f, nil, err
		}
	} else if err := r.ParseForm(); err != nil {
		return f, nil, fmt.Errorf("read form: %w", err)
	}
	f = articleForm{
		Outlet: r.PostFormValue("outlet"), Title: r.PostFormValue("title"), URL: r.PostFormValue("url"),
		Published: r.PostFormValue("published"), Text: r.PostFormValue("text"), Fetch: r.PostFormValue("fetch"),
	}
	return f, ups, nil
}

func (s *Server) addPost(w http.ResponseWriter, r *http.Request) {
	d := addData{base: s.base("Add articles", ""), CanLoad: s.opt.Loader != nil}
	fail := func(status int, err error) {
		d.Error = err.Error()
		s.html(w, r, status, "add", "", d)
	}
	if s.adder == nil {
		fail(http.StatusForbidden, errors.New("this server does not accept new articles"))
		return
	}
	f, ups, err := parseUpload(r)
	d.Form = f
	if err != nil {
		fail(http.StatusBadRequest, err)
		return
	}
	story := strings.TrimSpace(r.PostFormValue("story"))
	if !ValidStoryID(story) {
		fail(http.StatusUnprocessableEntity, fmt.Errorf("story id %q: use 1 to 64 letters, digits, dots, dashes or underscores", story))
		return
	}
	d.StoryID = story
	ctx, cancel := context.WithTimeout(r.Context(), s.opt.AddTimeout)
	defer cancel()
	arts, err := s.collect(ctx, f, ups)
	if err != nil {
		fail(collectStatus(ctx, err), s.addError(err))
		return
	}
	got, err := s.adder.AddArticles(ctx, story, arts)
	if err != nil {
		fail(addStatus(ctx, err), s.addError(err))
		return
	}
	http.Redirect(w, r, "/stories/"+url.PathEscape(got), http.StatusSeeOther)
}

func (s *Server) exportHTML(w http.ResponseWriter, r *http.Request) {
	_, l, ok := s.story(w, r)
	if !ok {
		return
	}
	s.export(w, r, "text/html; charset=utf-8", func(out io.Writer) error {
		var buf bytes.Buffer
		// With the attributions that are no claims, as the story page.
		if err := render.HTMLWith(&buf, l, render.HTMLOptions{All: true}); err != nil {
			return err
		}
		// The report is one self-contained file with its stylesheet
		// inline; the policy lets exactly that stylesheet in, by hash, and
		// nothing else.
		w.Header().Set("Content-Security-Policy", StyleHashPolicy(buf.Bytes()))
		_, err := out.Write(buf.Bytes())
		return err
	})
}

var styleElement = regexp.MustCompile(`(?s)<style>(.*?)</style>`)

// StyleHashPolicy returns ContentSecurityPolicy with the SHA-256 hash of
// each inline <style> element of page added to style-src, so that a
// self-contained page keeps its own styles and no other inline style.
func StyleHashPolicy(page []byte) string {
	var hashes []string
	for _, m := range styleElement.FindAllSubmatch(page, -1) {
		sum := sha256.Sum256(m[1])
		hashes = append(hashes, "'sha256-"+base64.StdEncoding.EncodeToString(sum[:])+"'")
	}
	if len(hashes) == 0 {
		return ContentSecurityPolicy
	}
	return strings.Replace(ContentSecurityPolicy, "style-src 'self'", "style-src 'self' "+strings.Join(hashes, " "), 1)
}

func (s *Server) exportClaimReview(w http.ResponseWriter, r *http.Request) {
	st, l, ok := s.story(w, r)
	if !ok {
		return
	}
	opt := render.ClaimReviewOptions{URL: absURL(r, "/stories/"+url.PathEscape(st.ID)+"/report.html"), Date: time.Now()}
	s.export(w, r, "application/ld+json", func(w io.Writer) error { return render.ClaimReviewJSON(w, l, opt) })
}

func (s *Server) exportCSV(w http.ResponseWriter, r *http.Request) {
	st, l, ok := s.story(w, r)
	if !ok {
		return
	}
	w.Header().Set("Content-Disposition", fmt.Sprintf("attachment; filename=%q", st.ID+"-statements.csv"))
	s.export(w, r, "text/csv; charset=utf-8", func(w io.Writer) error { return render.CSV(w, l) })
}

func (s *Server) export(w http.ResponseWriter, r *http.Request, ctype string, write func(io.Writer) error) {
	buf := bufPool.Get().(*bytes.Buffer)
	buf.Reset()
	defer bufPool.Put(buf)
	if err := write(buf); err != nil {
		s.fail(w, r, http.StatusInternalServerError, err)
		return
	}
	w.Header().Set("Content-Type", ctype)
	w.Write(buf.Bytes())
}

// absURL makes path absolute on the host the request came to.
func absURL(r *http.Request, path string) string {
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + r.Host + path
}
