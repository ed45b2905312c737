package main

import (
	"encoding/json"
	"net/http/httptest"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail/pipeline"
	"github.com/claimtrail/claimtrail/store/postgres/pgtest"
	"github.com/claimtrail/claimtrail/web"
	"github.com/claimtrail/claimtrail/web/storesource"
)

// TestIngestServeMatchesAnalyze ingests the four on-story articles of the
// example story into a new corpus (SQLite, and PostgreSQL when
// CLAIMTRAIL_TEST_POSTGRES is set) and requires that what a user reads of
// the stored story (`show --format json`, the web API's ledger JSON, the
// web story page) holds the same records as `analyze --format json` on the
// same files: the same claims, statements, unmatched denials and the same
// attributions that are no claims. Only what names the input differs: the
// article IDs (store numbers, not a1…), their paths and the byte offsets
// (a stored article's spans index its text, a file's spans the file).
func TestIngestServeMatchesAnalyze(t *testing.T) {
	var files []string
	for _, f := range []string{"01-northgate-wire.txt", "02-capital-ledger.txt", "03-harbour-daily-post.txt", "04-meridian-times.txt"} {
		files = append(files, filepath.Join(exampleStory, f))
	}
	out, stderr, err := run(t, append([]string{"analyze", "--format", "json"}, files...)...)
	if err != nil {
		t.Fatalf("analyze: %v\n%s", err, stderr)
	}
	want := records(t, "analyze", out)
	if n := countAttributions(want); n == 0 {
		t.Fatal("analyze found no attributions that are no claims: the round trip would check nothing of them")
	}

	corpora := map[string]func(t testing.TB) string{
		"sqlite":   func(t testing.TB) string { return filepath.Join(t.TempDir(), "corpus.db") },
		"postgres": pgtest.DSN,
	}
	for name, corpus := range corpora {
		t.Run(name, func(t *testing.T) { checkRoundTrip(t, corpus(t), files, want) })
	}
}

// checkRoundTrip ingests files into the corpus db (new) and compares what
// show, the API and the story page give of story 1 with want, analyze's
// records.
func checkRoundTrip(t *testing.T, db string, files []string, want map[string]any) {
	out, stderr, err := run(t, append([]string{"ingest", "--db", db}, files...)...)
	if err != nil {
		t.Fatalf("ingest: %v\n%s", err, stderr)
	}
	if strings.HasPrefix(db, "postgres") { // ingest queued the articles; a worker stores them
		if err := workUntilStored(t, db, len(files)); err != nil && !strings.Contains(err.Error(), "interrupted") {
			t.Fatalf("worker: %v", err)
		}
	} else if strings.Count(out, "story 1") != len(files) {
		t.Fatalf("ingest: want every article in story 1\n%s", out)
	}
	out, stderr, err = run(t, "show", "--db", db, "--format", "json", "1")
	if err != nil {
		t.Fatalf("show: %v\n%s", err, stderr)
	}
	compareRecords(t, "show --format json", want, records(t, "show", out))

	// The web server as serve --db builds it.
	p, err := pipeline.New(pipeline.Options{Judge: defaultJudge(&strings.Builder{})})
	if err != nil {
		t.Fatal(err)
	}
	st, err := openExistingCorpus(t.Context(), db, writeOptions(p))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	srv, err := web.New(web.Options{Source: storesource.New(st, p)})
	if err != nil {
		t.Fatal(err)
	}
	w := httptest.NewRecorder()
	srv.ServeHTTP(w, httptest.NewRequest("GET", "/api/stories/1", nil))
	if w.Code != 200 {
		t.Fatalf("GET /api/stories/1: %d\n%s", w.Code, w.Body)
	}
	compareRecords(t, "GET /api/stories/1", want, records(t, "api", w.Body.String()))

	w = httptest.NewRecorder()
	srv.ServeHTTP(w, httptest.NewRequest("GET", "/stories/1", nil))
	page := w.Body.String()
	at := strings.Index(page, `id="attributions"`)
	if n := strings.Count(page[max(at, 0):], "<blockquote"); at < 0 || n != countAttributions(want) {
		t.Errorf("story page lists %d attributions that are no claims (section found: %v), analyze %d", n, at >= 0, countAttributions(want))
	}
}

// records decodes a ledger JSON and keeps what does not name the input:
// article IDs become their place ("A0", "A1", …), paths, span bases and
// byte offsets are dropped.
func records(t *testing.T, what, out string) map[string]any {
	t.Helper()
	var doc map[string]any
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	ids := map[string]string{}
	arts, _ := doc["articles"].([]any)
	for i, a := range arts {
		id, _ := a.(map[string]any)["id"].(string)
		ids[id] = "A" + string(rune('0'+i))
	}
	return normalise(doc, ids).(map[string]any)
}

func normalise(v any, ids map[string]string) any {
	switch x := v.(type) {
	case map[string]any:
		out := map[string]any{}
		for k, e := range x {
			if k == "path" || k == "span_basis" || strings.HasSuffix(k, "span") || strings.HasSuffix(k, "spans") {
				continue
			}
			if id, ok := ids[k]; ok {
				k = id
			}
			out[k] = normalise(e, ids)
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = normalise(e, ids)
		}
		return out
	case string:
		if id, ok := ids[x]; ok {
			return id
		}
	}
	return v
}

func countAttributions(doc map[string]any) int {
	n := 0
	arts, _ := doc["articles"].([]any)
	for _, a := range arts {
		atts, _ := a.(map[string]any)["attributions"].([]any)
		n += len(atts)
	}
	return n
}

// compareRecords reports, part by part, where got differs from want.
func compareRecords(t *testing.T, what string, want, got map[string]any) {
	t.Helper()
	for k := range want {
		if !reflect.DeepEqual(want[k], got[k]) {
			w, _ := json.Marshal(want[k])
			g, _ := json.Marshal(got[k])
			t.Errorf("%s: %q differs from analyze's:\nanalyze: %.600s\n    got: %.600s", what, k, w, g)
		}
	}
	for k := range got {
		if _, ok := want[k]; !ok {
			t.Errorf("%s: %q, which analyze does not give", what, k)
		}
	}
}
