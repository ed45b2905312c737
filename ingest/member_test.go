package ingest_test

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/ingest"
	"github.com/claimtrail/claimtrail/load"
	"github.com/claimtrail/claimtrail/pipeline"
	"github.com/claimtrail/claimtrail/store"
	"github.com/claimtrail/claimtrail/store/postgres"
	"github.com/claimtrail/claimtrail/store/postgres/pgtest"
	"github.com/claimtrail/claimtrail/store/sqlite"
)

// The pipeline loads its models once for every test of the file.
var (
	pipeOnce sync.Once
	pipe     *pipeline.Pipeline
	pipeErr  error
)

func testPipeline(t *testing.T) *pipeline.Pipeline {
	t.Helper()
	pipeOnce.Do(func() { pipe, pipeErr = pipeline.New(pipeline.Options{}) })
	if pipeErr != nil {
		t.Fatal(pipeErr)
	}
	return pipe
}

// corpus opens an empty corpus that files articles with the pipeline's
// membership: SQLite, or PostgreSQL for kind "postgres".
func corpus(t *testing.T, kind string, p *pipeline.Pipeline) store.Store {
	t.Helper()
	opt := store.Options{Group: ingest.Grouper(p)}
	var st store.Store
	var err error
	if kind == "postgres" {
		st, err = postgres.Open(t.Context(), pgtest.DSN(t), opt)
	} else {
		st, err = sqlite.Open(t.Context(), filepath.Join(t.TempDir(), "c.db"), opt)
	}
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// ingestFiles stores articles into st, all in one run or one run per
// article (as separate `claimtrail ingest FILE` calls would), and returns
// the story of each article by its file's base name.
func ingestFiles(t *testing.T, st store.Store, p *pipeline.Pipeline, arts []claimtrail.Article, oneByOne bool) map[string]int64 {
	t.Helper()
	var errs strings.Builder
	in := &ingest.Ingester{Store: st, Analyzer: ingest.Analyzer(p), Out: io.Discard, Err: &errs}
	runs := [][]claimtrail.Article{arts}
	if oneByOne {
		runs = nil
		for _, a := range arts {
			runs = append(runs, []claimtrail.Article{a})
		}
	}
	for _, r := range runs {
		if failed := in.Run(t.Context(), r, nil); failed > 0 {
			t.Fatalf("%d article(s) failed:\n%s", failed, errs.String())
		}
	}
	out := map[string]int64{}
	for _, a := range arts {
		id, found, err := st.Lookup(t.Context(), store.Key(&a))
		if err != nil || !found {
			t.Fatalf("%s not stored (%v)", a.Path, err)
		}
		rec, err := st.Article(t.Context(), id)
		if err != nil {
			t.Fatal(err)
		}
		out[filepath.Base(a.Path)] = rec.Story
	}
	return out
}

// TestMembershipCases ingests the invented stories of testdata/membership:
// each case's expect.list lists its files by group ("a", "b", …); files of
// one group must share a story, files of different groups must not, both
// when the files go in one by one and all at once.
func TestMembershipCases(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the pipeline")
	}
	cases, err := filepath.Glob(filepath.Join("testdata", "membership", "*"))
	if err != nil || len(cases) == 0 {
		t.Fatalf("no cases: %v", err)
	}
	p := testPipeline(t)
	for _, dir := range cases {
		want := readExpect(t, filepath.Join(dir, "expect.list"))
		arts, errs := load.Paths(t.Context(), []string{dir}, load.Options{})
		if len(errs) > 0 {
			t.Fatal(errs)
		}
		for _, oneByOne := range []bool{true, false} {
			t.Run(fmt.Sprintf("%s/one-by-one=%v", filepath.Base(dir), oneByOne), func(t *testing.T) {
				got := ingestFiles(t, corpus(t, "sqlite", p), p, arts, oneByOne)
				checkGroups(t, got, want)
			})
		}
	}
}

// readExpect reads "group file" lines.
func readExpect(t *testing.T, path string) map[string]string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, line := range strings.Split(string(b), "\n") {
		if f := strings.Fields(line); len(f) == 2 && !strings.HasPrefix(line, "#") {
			out[f[1]] = f[0]
		}
	}
	return out
}

// checkGroups checks that files share a story exactly when want puts them
// in one group.
func checkGroups(t *testing.T, got map[string]int64, want map[string]string) {
	t.Helper()
	files := make([]string, 0, len(want))
	for f := range want {
		files = append(files, f)
	}
	sort.Strings(files)
	for i, a := range files {
		if _, ok := got[a]; !ok {
			t.Fatalf("%s was not ingested", a)
		}
		for _, b := range files[i+1:] {
			if same := got[a] == got[b]; same != (want[a] == want[b]) {
				t.Errorf("%s (story %d) and %s (story %d): same story %v, want %v", a, got[a], b, got[b], same, !same)
			}
		}
	}
}

// ledgerDev is the development set of gold ledgers, and seedStory the
// seed story, when present.
const (
	ledgerDev = "../../shared/data/ledger-dev/stories"
	seedStory = "../../shared/seed-story"
)

// TestLedgerDevIngest ingests ledger-dev stories one by one and all at
// once, two stories into one corpus (and the seed story with one), and checks the corpus against
// analyze: the articles analyze keeps on the story make one story each,
// the articles it puts off the story are not in it, and the story's ledger
// (as `show` builds it) has the claims of analyze's ledger of the story's
// files.
// With CLAIMTRAIL_TEST_POSTGRES set it runs on PostgreSQL too.
func TestLedgerDevIngest(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the pipeline")
	}
	if _, err := os.Stat(ledgerDev); err != nil {
		t.Skip("no ledger-dev data")
	}
	p := testPipeline(t)
	pairs := [][2]string{{"01-skyvale-crash", "08-alvarre-wildfire"}, {"22-marigold-food-poisoning", "23-solvania-spy-expulsion"}}
	if _, err := os.Stat(seedStory); err == nil {
		pairs = append(pairs, [2]string{seedStory, "19-sarovia-quake-aid"})
	}
	kinds := []string{"sqlite"}
	if os.Getenv("CLAIMTRAIL_TEST_POSTGRES") != "" {
		kinds = append(kinds, "postgres")
	}
	for _, kind := range kinds {
		for _, pair := range pairs {
			for _, oneByOne := range []bool{true, false} {
				t.Run(fmt.Sprintf("%s/%s+%s/one-by-one=%v", kind, filepath.Base(pair[0]), pair[1], oneByOne), func(t *testing.T) {
					st := corpus(t, kind, p)
					var all []claimtrail.Article
					var want []*claimtrail.Ledger
					var arts [][]claimtrail.Article
					for _, name := range pair {
						dir := name
						if !filepath.IsAbs(dir) && !strings.HasPrefix(dir, ".") {
							dir = filepath.Join(ledgerDev, name)
						}
						a, errs := load.Paths(t.Context(), []string{dir}, load.Options{})
						if len(errs) > 0 {
							t.Fatal(errs)
						}
						l, err := p.Ledger(t.Context(), a)
						if err != nil {
							t.Fatal(err)
						}
						want = append(want, l)
						arts = append(arts, a)
						all = append(all, a...)
					}
					stories := ingestFiles(t, st, p, all, oneByOne)
					seen := map[int64]string{}
					for i, name := range pair {
						sid := storyOf(t, name, arts[i], want[i], stories)
						if other, ok := seen[sid]; ok {
							t.Errorf("%s and %s share story %d", other, name, sid)
						}
						seen[sid] = name
						compareLedgers(t, st, sid, analyzeOn(t, p, arts[i], want[i]))
					}
				})
			}
		}
	}
}

// storyOf checks that the articles analyze keeps on the story share one
// story and the ones it puts off are elsewhere, and returns the story.
func storyOf(t *testing.T, name string, arts []claimtrail.Article, l *claimtrail.Ledger, stories map[string]int64) int64 {
	t.Helper()
	var sid int64
	for i, a := range arts {
		id := "a" + strconv.Itoa(i+1)
		s := stories[filepath.Base(a.Path)]
		switch {
		case l.IsOffStory(id):
		case sid == 0:
			sid = s
		case s != sid:
			t.Errorf("%s: %s is in story %d, the story is %d", name, filepath.Base(a.Path), s, sid)
		}
	}
	for i, a := range arts {
		if id := "a" + strconv.Itoa(i+1); l.IsOffStory(id) && stories[filepath.Base(a.Path)] == sid {
			t.Errorf("%s: off-story %s joined the story", name, filepath.Base(a.Path))
		}
	}
	return sid
}

// analyzeOn is analyze's ledger of the files of a story it keeps on the
// story: the files the corpus files under the story. (Linking is done over
// the files given, so the ledger of all the files, off-story ones
// included, can word or join a claim differently.)
func analyzeOn(t *testing.T, p *pipeline.Pipeline, arts []claimtrail.Article, l *claimtrail.Ledger) *claimtrail.Ledger {
	t.Helper()
	if len(l.OffStory) == 0 {
		return l
	}
	var on []claimtrail.Article
	for i, a := range arts {
		if !l.IsOffStory("a" + strconv.Itoa(i+1)) {
			on = append(on, a)
		}
	}
	got, err := p.Ledger(t.Context(), on)
	if err != nil {
		t.Fatal(err)
	}
	return got
}

// compareLedgers checks that the ledger of a stored story, built as `show`
// builds it, has analyze's claims: the same wordings, statuses, origins
// and deniers, in any order.
func compareLedgers(t *testing.T, st store.Store, sid int64, want *claimtrail.Ledger) {
	t.Helper()
	recs, err := st.StoryArticles(t.Context(), sid)
	if err != nil {
		t.Fatal(err)
	}
	p, err := pipeline.New(pipeline.Options{CopyOf: store.CopyOf(recs)})
	if err != nil {
		t.Fatal(err)
	}
	got, err := p.Ledger(context.WithoutCancel(t.Context()), store.Articles(recs))
	if err != nil {
		t.Fatal(err)
	}
	g, w := claimLines(got), claimLines(want)
	if !reflect.DeepEqual(g, w) {
		t.Errorf("story %d: ledger differs from analyze's\n got: %s\nwant: %s", sid, strings.Join(g, "\n      "), strings.Join(w, "\n      "))
	}
}

// claimLines describes each claim by what does not depend on article IDs
// or order, sorted.
func claimLines(l *claimtrail.Ledger) []string {
	var out []string
	for _, c := range l.Claims {
		var origins, deniers []string
		for _, o := range c.Origins {
			origins = append(origins, o.Name)
		}
		for _, d := range c.DeniedBy {
			deniers = append(deniers, d.Name)
		}
		sort.Strings(origins)
		sort.Strings(deniers)
		out = append(out, fmt.Sprintf("%s | %s | origins %s | denied by %s", c.Text, c.Status,
			strings.Join(origins, "; "), strings.Join(deniers, "; ")))
	}
	sort.Strings(out)
	return out
}
