package load

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/claimtrail/claimtrail"
)

// want.json in each testdata/<case>/ folder says what loading the folder
// must give.
type wantCase struct {
	Articles []wantArticle `json:"articles"`
	Errors   []wantError   `json:"errors"`
}

type wantArticle struct {
	PathSuffix  string   `json:"path_suffix"`
	ID          string   `json:"id"`
	Title       string   `json:"title"`
	Outlet      *string  `json:"outlet"`
	Byline      string   `json:"byline"`
	URL         string   `json:"url"`
	Lang        string   `json:"lang"`
	Published   string   `json:"published"`
	Paragraphs  int      `json:"paragraphs"`
	StartsWith  string   `json:"starts_with"`
	EndsWith    string   `json:"ends_with"`
	Contains    []string `json:"contains"`
	NotContains []string `json:"not_contains"`
}

type wantError struct {
	InputSuffix string `json:"input_suffix"`
	Line        int    `json:"line"`
	Contains    string `json:"contains"`
}

func TestCases(t *testing.T) {
	dirs, err := filepath.Glob(filepath.Join("testdata", "*", "want.json"))
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no test cases found: %v", err)
	}
	for _, wf := range dirs {
		dir := filepath.Dir(wf)
		t.Run(filepath.Base(dir), func(t *testing.T) {
			raw, err := os.ReadFile(wf)
			if err != nil {
				t.Fatal(err)
			}
			var want wantCase
			if err := json.Unmarshal(raw, &want); err != nil {
				t.Fatalf("%s: %v", wf, err)
			}
			arts, errs := Paths(context.Background(), []string{dir}, Options{})
			checkErrors(t, errs, want.Errors)
			if len(arts) != len(want.Articles) {
				for _, a := range arts {
					t.Logf("got article %s %q", a.Path, a.Title)
				}
				t.Fatalf("got %d articles, want %d", len(arts), len(want.Articles))
			}
			for i, w := range want.Articles {
				checkArticle(t, arts[i], w)
			}
		})
	}
}

func checkErrors(t *testing.T, errs []error, want []wantError) {
	t.Helper()
	sort.SliceStable(errs, func(i, j int) bool { return errs[i].Error() < errs[j].Error() })
	if len(errs) != len(want) {
		t.Errorf("got %d errors, want %d:", len(errs), len(want))
		for _, e := range errs {
			t.Logf("  %v", e)
		}
		return
	}
	for i, w := range want {
		var le *Error
		if !errors.As(errs[i], &le) {
			t.Errorf("error %v is a %T, want *load.Error", errs[i], errs[i])
			continue
		}
		if !strings.HasSuffix(filepath.ToSlash(le.Input), w.InputSuffix) || le.Line != w.Line || !strings.Contains(le.Error(), w.Contains) {
			t.Errorf("error %d = %q (input %s, line %d); want input ...%s, line %d, containing %q",
				i, le.Error(), le.Input, le.Line, w.InputSuffix, w.Line, w.Contains)
		}
		if !strings.HasPrefix(le.Error(), le.Input+":") {
			t.Errorf("error %q does not start with its input", le.Error())
		}
	}
}

func checkArticle(t *testing.T, a claimtrail.Article, w wantArticle) {
	t.Helper()
	checkInvariants(t, a)
	eq := func(field, got, want string) {
		if want != "" && got != want {
			t.Errorf("%s: %s = %q, want %q", a.Path, field, got, want)
		}
	}
	if !strings.HasSuffix(filepath.ToSlash(a.Path), w.PathSuffix) {
		t.Errorf("path %q, want suffix %q", a.Path, w.PathSuffix)
	}
	eq("id", a.ID, w.ID)
	eq("title", a.Title, w.Title)
	eq("byline", a.Byline, w.Byline)
	eq("url", a.URL, w.URL)
	eq("lang", a.Lang, w.Lang)
	if w.Outlet != nil && a.Outlet != *w.Outlet {
		t.Errorf("%s: outlet = %q, want %q", a.Path, a.Outlet, *w.Outlet)
	}
	if w.Published != "" {
		wt, err := time.Parse(time.RFC3339, w.Published)
		if err != nil {
			t.Fatal(err)
		}
		if !a.Published.Equal(wt) {
			t.Errorf("%s: published = %v, want %v", a.Path, a.Published, wt)
		}
	}
	if w.Paragraphs != 0 && len(a.Paragraphs) != w.Paragraphs {
		t.Errorf("%s: %d paragraphs, want %d; text:\n%s", a.Path, len(a.Paragraphs), w.Paragraphs, a.Text)
	}
	if !strings.HasPrefix(a.Text, w.StartsWith) {
		t.Errorf("%s: text starts %.60q, want %q", a.Path, a.Text, w.StartsWith)
	}
	if !strings.HasSuffix(a.Text, w.EndsWith) {
		t.Errorf("%s: text ends %q, want %q", a.Path, tail(a.Text, 60), w.EndsWith)
	}
	for _, s := range w.Contains {
		if !strings.Contains(a.Text, s) {
			t.Errorf("%s: text lacks %q:\n%s", a.Path, s, a.Text)
		}
	}
	for _, s := range w.NotContains {
		if strings.Contains(a.Text, s) {
			t.Errorf("%s: text has %q:\n%s", a.Path, s, a.Text)
		}
	}
}

// checkInvariants holds for every article any loader returns.
func checkInvariants(t testing.TB, a claimtrail.Article) {
	t.Helper()
	if a.Text == "" {
		t.Fatalf("%s: empty text", a.Path)
	}
	if !utf8.ValidString(a.Text) || !utf8.ValidString(a.Title) {
		t.Fatalf("%s: text or title not UTF-8", a.Path)
	}
	if !norm.NFC.IsNormalString(a.Text) {
		t.Fatalf("%s: text not NFC", a.Path)
	}
	if strings.ContainsAny(a.Text, "\r\ufeff") {
		t.Fatalf("%s: text has CR or BOM", a.Path)
	}
	if len(a.Paragraphs) == 0 {
		t.Fatalf("%s: no paragraphs", a.Path)
	}
	prev := 0
	for i, p := range a.Paragraphs {
		if p.Start < prev || p.End <= p.Start || p.End > len(a.Text) {
			t.Fatalf("%s: paragraph %d span %v out of order or range (text %d bytes)", a.Path, i, p, len(a.Text))
		}
		s := p.In(a.Text)
		if strings.TrimSpace(s) != s || strings.Contains(s, "\n\n") {
			t.Fatalf("%s: paragraph %d %q is not trimmed or holds a blank line", a.Path, i, s)
		}
		if !utf8.ValidString(s) {
			t.Fatalf("%s: paragraph %d cuts a character", a.Path, i)
		}
		prev = p.End
	}
	if a.Paragraphs[0].Start != 0 || a.Paragraphs[len(a.Paragraphs)-1].End != len(a.Text) {
		t.Fatalf("%s: paragraphs do not cover the text from start to end", a.Path)
	}
}

func tail(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[len(s)-n:]
}

func TestPathsMissingAndUnsupported(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.txt")
	writeFile(t, good, "Headline\n\nA body paragraph.\n")
	other := filepath.Join(dir, "notes.docx")
	writeFile(t, other, "x")
	missing := filepath.Join(dir, "missing.txt")
	if err := os.Symlink(filepath.Join(dir, "nowhere"), filepath.Join(dir, "dangling.txt")); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, "folder.txt"), 0o755); err != nil {
		t.Fatal(err)
	}
	arts, errs := Paths(context.Background(), []string{missing, other, dir}, Options{})
	if len(arts) != 1 || arts[0].Path != good {
		t.Fatalf("got %d articles %v, want only %s", len(arts), arts, good)
	}
	wantErrs := []string{
		missing + ": no such file or folder",
		other + ": unsupported file type",
		filepath.Join(dir, "dangling.txt") + ": ",
	}
	if len(errs) != len(wantErrs) {
		t.Fatalf("got errors %v, want %d", errs, len(wantErrs))
	}
	for i, w := range wantErrs {
		if !strings.HasPrefix(errs[i].Error(), w) {
			t.Errorf("error %d = %q, want prefix %q", i, errs[i], w)
		}
	}
}

func TestPathsUnreadable(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("running as root: file permissions do not stop reads")
	}
	dir := t.TempDir()
	p := filepath.Join(dir, "locked.txt")
	writeFile(t, p, "Headline\n\nBody.\n")
	if err := os.Chmod(p, 0); err != nil {
		t.Fatal(err)
	}
	_, errs := Paths(context.Background(), []string{p}, Options{})
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "permission denied") {
		t.Fatalf("got %v, want one permission error", errs)
	}
}

func TestPathsSizeLimit(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.txt")
	writeFile(t, big, "Headline\n\n"+strings.Repeat("word ", 100)+"\n")
	small := filepath.Join(dir, "small.txt")
	writeFile(t, small, "Headline\n\nShort body.\n")
	lines := filepath.Join(dir, "lines.jsonl")
	writeFile(t, lines, `{"title":"long","text":"`+strings.Repeat("w", 300)+`"}`+"\n"+`{"title":"short","text":"Fine."}`+"\n")
	arts, errs := Paths(context.Background(), []string{dir}, Options{MaxFileSize: 200})
	if len(arts) != 2 || arts[0].Title != "short" || arts[1].Path != small {
		t.Fatalf("got %d articles, want the short JSON line and small.txt", len(arts))
	}
	if len(errs) != 2 {
		t.Fatalf("got errors %v, want two", errs)
	}
	for _, e := range errs {
		if !errors.Is(e, ErrTooLarge) {
			t.Errorf("error %v is not ErrTooLarge", e)
		}
	}
	if !strings.HasPrefix(errs[0].Error(), big+": input too large: 511 bytes, limit 200") {
		t.Errorf("error = %q", errs[0])
	}
	if !strings.HasPrefix(errs[1].Error(), lines+":1: input too large") {
		t.Errorf("error = %q", errs[1])
	}
}

func TestPathsOutletOverride(t *testing.T) {
	arts, errs := Paths(context.Background(), []string{filepath.Join("testdata", "txt-lead-paragraph"), filepath.Join("testdata", "jsonl")}, Options{Outlet: "Desk Copy"})
	if len(arts) != 3 {
		t.Fatalf("got %d articles (errors %v)", len(arts), errs)
	}
	for _, a := range arts {
		if a.Outlet != "Desk Copy" {
			t.Errorf("%s: outlet %q, want the override", a.Path, a.Outlet)
		}
	}
}

func TestPathsCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	arts, errs := Paths(ctx, []string{filepath.Join("testdata", "txt-lines")}, Options{})
	if len(arts) != 0 || len(errs) != 1 || !errors.Is(errs[0], context.Canceled) {
		t.Fatalf("got %d articles, errors %v; want nothing loaded and context.Canceled", len(arts), errs)
	}
}

func TestPathsSidecarGivenDirectly(t *testing.T) {
	side := filepath.Join("testdata", "txt-lead-paragraph", "lead.txt.meta.json")
	arts, errs := Paths(context.Background(), []string{side}, Options{})
	if len(arts) != 0 || len(errs) != 0 {
		t.Fatalf("a sidecar named on its own loads nothing and is no error; got %d articles, %v", len(arts), errs)
	}
}

func writeFile(t *testing.T, path, s string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestPathsOnce(t *testing.T) {
	dir := filepath.Join("testdata", "txt-lines")
	arts, errs := Paths(context.Background(), []string{dir, filepath.Join(dir, "harbour.txt"), dir + "/./"}, Options{})
	if len(arts) != 1 || len(errs) != 0 {
		t.Fatalf("got %d articles, errors %v; want the one file once", len(arts), errs)
	}
}
