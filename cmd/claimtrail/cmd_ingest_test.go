package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestCorpusCommands runs ingest, stories, show and search on a SQLite
// corpus in a temporary folder.
func TestCorpusCommands(t *testing.T) {
	dir := t.TempDir()
	checkIngest(t, dir)
	checkCorrection(t, dir)
	story := checkStories(t)
	checkShow(t, story)
	checkSearch(t)
}

// checkIngest ingests the example story and bad inputs into a new corpus,
// then again through CLAIMTRAIL_DB, which it sets for the later steps.
func checkIngest(t *testing.T, dir string) {
	t.Helper()
	db := filepath.Join(dir, "corpus.db")
	bad := filepath.Join(dir, "empty.txt")
	if err := os.WriteFile(bad, nil, 0o644); err != nil {
		t.Fatal(err)
	}

	out, stderr, err := run(t, "ingest", "--db", db, exampleStory, bad, filepath.Join(dir, "missing.txt"))
	if !errors.Is(err, errReported) {
		t.Fatalf("ingest with bad inputs: err = %v, want errReported\n%s", err, stderr)
	}
	if n := strings.Count(out, "added"); n != 5 {
		t.Errorf("ingest added %d articles, want the 5 of the example story:\n%s", n, out)
	}
	// Four articles tell one story; the fifth (a tram line) is off-story.
	if strings.Count(out, "(new)") != 2 || !strings.Contains(out, "story 2 (new)") || !strings.Contains(out, "05-lakeside-gazette.txt") ||
		strings.Count(out, "story 1 ") != 4 {
		t.Errorf("want articles 1-4 in story 1 and the off-story article 5 in a story of its own:\n%s", out)
	}
	for _, want := range []string{"empty.txt", "missing.txt", "2 input(s) failed"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}

	// Again: nothing new, through CLAIMTRAIL_DB.
	t.Setenv(dbEnv, db)
	out, stderr, err = run(t, "ingest", exampleStory)
	if err != nil {
		t.Fatalf("second ingest: %v\n%s", err, stderr)
	}
	if strings.Count(out, "exists") != 5 || strings.Contains(out, "added") {
		t.Errorf("second ingest stored again:\n%s", out)
	}
}

// checkCorrection ingests a corrected article under its stored URL.
func checkCorrection(t *testing.T, dir string) {
	t.Helper()
	// The Capital Ledger corrects its article under the same URL: the
	// stored article is updated, not added.
	upd := filepath.Join(dir, "update")
	if err := os.MkdirAll(upd, 0o755); err != nil {
		t.Fatal(err)
	}
	orig, err := os.ReadFile(filepath.Join(exampleStory, "02-capital-ledger.txt"))
	if err != nil {
		t.Fatal(err)
	}
	meta, err := os.ReadFile(filepath.Join(exampleStory, "02-capital-ledger.txt.meta.json"))
	if err != nil {
		t.Fatal(err)
	}
	corrected := string(orig) + "\n\nCorrection: the Sentinel Bureau says its officials did not attend any meeting in Port Casimir.\n"
	if err := os.WriteFile(filepath.Join(upd, "02.txt"), []byte(corrected), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(upd, "02.txt.meta.json"), meta, 0o644); err != nil {
		t.Fatal(err)
	}
	out, stderr, err := run(t, "ingest", upd)
	if err != nil || !strings.Contains(out, "updated") || !strings.Contains(out, "story 1 ") {
		t.Errorf("ingest of a corrected article: %v\n%s%s", err, out, stderr)
	}
	out, _, err = run(t, "search", "--format", "json", "attend")
	if err != nil || !strings.Contains(out, "Port Casimir") {
		t.Errorf("search for the correction's words: %v\n%s", err, out)
	}
}

// checkStories lists the stories and returns the example story's.
func checkStories(t *testing.T) storyJSON {
	t.Helper()
	out, _, err := run(t, "stories", "--format", "json")
	if err != nil {
		t.Fatal(err)
	}
	var list []storyJSON
	if err := json.Unmarshal([]byte(out), &list); err != nil {
		t.Fatalf("stories --format json: %v\n%s", err, out)
	}
	if len(list) != 2 {
		t.Fatalf("stories = %+v; want 2", list)
	}
	// The off-story article is dated later: its story is listed first.
	list = list[1:]
	if list[0].Articles != 4 || list[0].Outlets != 4 || list[0].Claims == 0 || list[0].Contested == 0 || list[0].Stale {
		t.Errorf("stories = %+v; want a story of 4 articles from 4 outlets, with contested claims, ledger built", list)
	}
	out, _, err = run(t, "stories")
	if err != nil || !strings.Contains(out, "CONTESTED") || !strings.Contains(out, list[0].Title) {
		t.Errorf("stories (text) = %q, %v", out, err)
	}
	out, _, err = run(t, "stories", "--since", "2000-01-01T00:00:00Z")
	if err != nil || !strings.Contains(out, list[0].Title) {
		t.Errorf("stories --since 2000 = %q, %v", out, err)
	}
	return list[0]
}

// checkShow shows the story's ledger, and stories that do not exist.
func checkShow(t *testing.T, story storyJSON) {
	t.Helper()
	out, stderr, err := run(t, "show", "--format", "json", fmt.Sprint(story.ID))
	if err != nil {
		t.Fatalf("show: %v\n%s", err, stderr)
	}
	var doc struct {
		Schema   string `json:"schema"`
		Articles []struct {
			ID string `json:"id"`
		} `json:"articles"`
		Claims []struct {
			Status string `json:"status"`
			Aside  bool   `json:"aside"`
		} `json:"claims"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("show --format json: %v", err)
	}
	contested, checked := 0, 0 // the story list counts claims to check, not asides
	for _, c := range doc.Claims {
		if c.Status == "contested" {
			contested++
		}
		if !c.Aside {
			checked++
		}
	}
	if doc.Schema != "claimtrail.ledger/v1" || len(doc.Articles) != 4 || checked != story.Claims || contested != story.Contested {
		t.Errorf("show: schema %q, %d articles, %d claims to check (%d contested); want 4 articles and %d claims (%d contested)",
			doc.Schema, len(doc.Articles), checked, contested, story.Claims, story.Contested)
	}
	if _, _, err := run(t, "show", "999"); err == nil || !strings.Contains(err.Error(), "no story 999") {
		t.Errorf("show 999: %v", err)
	}
	if _, _, err := run(t, "show", "abc"); err == nil {
		t.Error("show abc succeeded")
	}
}

// checkSearch searches the corpus in text and JSON.
func checkSearch(t *testing.T) {
	t.Helper()
	out, _, err := run(t, "search", "troops")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "claim   story") || !strings.Contains(out, "article ") || !strings.Contains(out, "[troops]") {
		t.Errorf("search troops found no claim and article:\n%s", out)
	}
	out, _, err = run(t, "search", "--format", "json", "troops")
	if err != nil {
		t.Fatal(err)
	}
	var hits []struct{ Kind, Claim, Snippet string }
	if err := json.Unmarshal([]byte(out), &hits); err != nil {
		t.Fatalf("search --format json: %v\n%s", err, out)
	}
	kinds := map[string]bool{}
	for _, h := range hits {
		kinds[h.Kind] = kinds[h.Kind] || strings.Contains(h.Snippet, "[troops]") && (h.Kind != "claim" || h.Claim != "")
	}
	if !kinds["claim"] || !kinds["article"] {
		t.Errorf("search --format json: want a claim and an article with [troops]:\n%s", out)
	}
	if out, _, err = run(t, "search", "--format", "json", "zzzunfindable"); err != nil || strings.TrimSpace(out) != "[]" {
		t.Errorf("search with no hits: %q, %v; want []", out, err)
	}
	if _, _, err = run(t, "search", "--format", "xml", "troops"); err == nil {
		t.Error("search --format xml succeeded")
	}
}

func TestParseSince(t *testing.T) {
	now := time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)
	for in, want := range map[string]time.Time{
		"":                     {},
		"36h":                  now.Add(-36 * time.Hour),
		"7d":                   now.AddDate(0, 0, -7),
		"2026-03-02":           time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC),
		"2026-03-02T09:30:00Z": time.Date(2026, 3, 2, 9, 30, 0, 0, time.UTC),
	} {
		got, err := parseSince(in, now)
		if err != nil || !got.Equal(want) {
			t.Errorf("parseSince(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, bad := range []string{"yesterday", "-3h", "7x"} {
		if _, err := parseSince(bad, now); err == nil {
			t.Errorf("parseSince(%q) succeeded", bad)
		}
	}
}

// TestIngestURLsAndFeed ingests a page, a feed and a missing page from a
// local server: the good ones are stored, the bad one is reported, and a
// second run of the feed is answered 304 and stores nothing.
func TestIngestURLsAndFeed(t *testing.T) {
	page := func(title, body string) string {
		return `<!doctype html><html><head><title>` + title + `</title></head><body><article><h1>` + title +
			`</h1><p>` + body + `</p><p>` + body + `</p></article></body></html>`
	}
	var feedHits, notModified int
	mux := http.NewServeMux()
	srv := httptest.NewServer(mux)
	defer srv.Close()
	mux.HandleFunc("/a", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, page("Harbour wall cracks widen", "Engineers from the Portmere council said on Monday that cracks in the old harbour wall had widened by two centimetres since the spring survey, and asked boat owners to keep clear of the eastern quay."))
	})
	mux.HandleFunc("/b", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, page("Portmere quay closed", "The Portmere harbour master closed the eastern quay after council engineers reported that the harbour wall cracks were still widening, and fishing crews were told to use the western slipway until repairs begin."))
	})
	mux.HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		feedHits++
		if r.Header.Get("If-None-Match") == `"v1"` {
			notModified++
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Header().Set("ETag", `"v1"`)
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Portmere News</title>
<item><title>Quay</title><link>%s/b</link><guid>b</guid></item>
<item><title>Gone</title><link>%s/gone</link><guid>g</guid></item>
</channel></rss>`, srv.URL, srv.URL)
	})
	db := filepath.Join(t.TempDir(), "c.db")
	out, stderr, err := run(t, "ingest", "--allow-private-fetch", "--db", db, srv.URL+"/a", srv.URL+"/feed.xml", srv.URL+"/missing")
	if !errors.Is(err, errReported) {
		t.Fatalf("ingest: err = %v, want errReported\n%s\n%s", err, out, stderr)
	}
	if n := strings.Count(out, "added"); n != 2 {
		t.Errorf("stored %d articles, want 2 (the page and the feed's good item):\n%s", n, out)
	}
	if !strings.Contains(stderr, "/missing") || !strings.Contains(stderr, "/gone") {
		t.Errorf("stderr does not name the two missing pages:\n%s", stderr)
	}
	// The feed is read once per run: a plain GET, then a conditional GET
	// answered 304.
	out, _, _ = run(t, "ingest", "--allow-private-fetch", "--db", db, srv.URL+"/feed.xml")
	if feedHits != 2 || notModified != 1 || strings.Contains(out, "added") {
		t.Errorf("second feed read: %d hits, %d not modified, output %q; want a 304 and nothing stored", feedHits, notModified, out)
	}
}

// TestIngestEmptyFolder: a folder with nothing to read is warned about,
// and a run with nothing at all to ingest fails.
func TestIngestEmptyFolder(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty")
	if err := os.MkdirAll(empty, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(empty, "notes.md"), []byte("# not an article"), 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "c.db")
	_, stderr, err := run(t, "ingest", "--db", db, empty)
	if !errors.Is(err, errReported) || !strings.Contains(stderr, empty) || !strings.Contains(stderr, "no .txt, .html, .htm or .jsonl files") ||
		!strings.Contains(stderr, "nothing to ingest") {
		t.Errorf("ingest EMPTY_DIR: err %v, stderr:\n%s", err, stderr)
	}
	// Next to a folder that has articles, the empty one is still named.
	out, stderr, err := run(t, "ingest", "--db", db, empty, exampleStory)
	if !errors.Is(err, errReported) || !strings.Contains(stderr, empty) || strings.Count(out, "added") != 5 {
		t.Errorf("ingest EMPTY_DIR STORY: err %v\n%s%s", err, out, stderr)
	}
}
