// Package ingest puts articles into a corpus (a store.Store): loaded
// articles, web pages and the items of RSS/Atom feeds. It analyses
// articles in parallel and writes them one transaction each, in order,
// printing one line per article (what became of it, and for a JSON-lines
// file which line it came from) and one line per failed input; the rest
// go on. `claimtrail ingest` and `claimtrail watch` use it on a local
// corpus; on PostgreSQL they queue jobs for workers instead (package
// worker).
package ingest

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/fetch"
	"github.com/claimtrail/claimtrail/load"
	"github.com/claimtrail/claimtrail/pipeline"
	"github.com/claimtrail/claimtrail/progress"
	"github.com/claimtrail/claimtrail/store"
	"github.com/claimtrail/claimtrail/worker"
)

// Ingester stores articles, pages and feed items in a corpus.
type Ingester struct {
	Store    store.Store
	Analyzer store.Analyzer
	Fetch    *fetch.Client // pages and feeds; nil: URLs fail
	Out      io.Writer     // one line per stored article
	Err      io.Writer     // one line per problem, and the progress bar
	// Lines gives the line of its JSON-lines file that each article of the
	// slice given to Run or Articles came from (see LineNumbers); output
	// then names "FILE:LINE".
	Lines map[*claimtrail.Article]int
}

// Analyzer analyses articles for the store with the pipeline: their
// statements, and the keys of their entities for story assignment.
func Analyzer(p *pipeline.Pipeline) store.Analyzer {
	return store.AnalyzerFunc(func(ctx context.Context, a *claimtrail.Article) (store.Analysis, error) {
		an, err := p.Analyze(ctx, a)
		if err != nil {
			return store.Analysis{}, err
		}
		out := store.Analysis{Statements: an.Statements}
		if an.Doc != nil {
			for _, e := range an.Doc.Entities {
				if e.Key != "" {
					out.Entities = append(out.Entities, e.Key)
				}
			}
		}
		return out, nil
	})
}

// IsURL reports whether an input names a web page or feed.
func IsURL(s string) bool {
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://")
}

func (in *Ingester) problem(format string, args ...any) {
	fmt.Fprintf(in.Err, "claimtrail: ingest: "+format+"\n", args...)
}

// Run stores articles, then fetches and stores urls (pages, or the items
// of feeds); it returns how many inputs failed. It stops early when ctx is
// done; what was stored stays stored.
func (in *Ingester) Run(ctx context.Context, articles []claimtrail.Article, urls []string) (failed int) {
	bar := progress.New(in.Err, len(articles)+len(urls), "ingest")
	defer bar.Finish()
	failed += in.Articles(ctx, articles, bar)
	for _, u := range urls {
		if ctx.Err() != nil {
			break
		}
		if in.knownFeed(ctx, u) {
			n, bad := in.Feed(ctx, u)
			failed += bad
			bar.Step(bad > 0 && n == 0)
			continue
		}
		if in.Fetch == nil {
			in.problem("%s: fetching URLs is off", u)
			failed++
			bar.Step(true)
			continue
		}
		a, err := in.Fetch.Page(ctx, u)
		switch {
		case errors.Is(err, fetch.ErrNotHTML):
			n, bad := in.Feed(ctx, u)
			failed += bad
			bar.Step(bad > 0 && n == 0)
		case err != nil:
			in.problem("%v", err)
			failed++
			bar.Step(true)
		default:
			failed += in.Articles(ctx, []claimtrail.Article{a}, nil)
			bar.Step(false)
		}
	}
	return failed
}

// knownFeed reports whether u is read as a feed without trying it as a
// page first: it was polled before, or its path says so.
func (in *Ingester) knownFeed(ctx context.Context, u string) bool {
	if fs, err := in.Store.Feed(ctx, u); err == nil && !fs.Checked.IsZero() {
		return true
	}
	p := strings.ToLower(u)
	if i := strings.IndexAny(p, "?#"); i >= 0 {
		p = p[:i]
	}
	for _, suffix := range []string{".xml", ".rss", ".atom", "/feed", "/rss", "/atom"} {
		if strings.HasSuffix(strings.TrimSuffix(p, "/"), suffix) {
			return true
		}
	}
	return false
}

// Feed reads a feed and stores its items not yet in the corpus; it
// returns how many articles were new and how many items failed. An item
// whose link redirects is remembered under its link too (store.Aliases),
// so the next poll neither fetches it again nor counts it as new.
func (in *Ingester) Feed(ctx context.Context, u string) (added, failed int) {
	fs, err := in.Store.Feed(ctx, u)
	if err != nil {
		in.problem("%v", err)
		return 0, 1
	}
	if in.Fetch == nil {
		in.problem("%s: fetching URLs is off", u)
		return 0, 1
	}
	res, err := in.Fetch.Feed(ctx, u, fetch.Validators{ETag: fs.ETag, LastModified: fs.LastModified})
	if err != nil {
		in.problem("%v", err)
		return 0, 1
	}
	if !res.NotModified {
		var fresh []claimtrail.Article
		var links []string // the item link each fresh article was fetched from, "" when none
		for _, it := range res.Items {
			args, ok := worker.ItemJob(it, res)
			if !ok {
				continue
			}
			switch a := args.(type) {
			case worker.ArticleArgs:
				fresh = append(fresh, a.Article)
				links = append(links, "")
			case worker.URLArgs:
				if in.known(ctx, a.URL) {
					continue
				}
				page, err := in.Fetch.Page(ctx, a.URL)
				if err != nil {
					in.problem("feed %s: %v", u, err)
					failed++
					continue
				}
				if page.Outlet == "" {
					page.Outlet = res.Title
				}
				if page.Published.IsZero() {
					page.Published = it.Published
				}
				fresh = append(fresh, page)
				links = append(links, a.URL)
			}
		}
		results, bad := in.put(ctx, fresh, nil)
		failed += bad
		for i, r := range results {
			if r == nil {
				continue
			}
			if !r.Existing && !r.Updated {
				added++
			}
			in.alias(ctx, links[i], &fresh[i], r.ID)
		}
		fs.ETag, fs.LastModified = res.Validators.ETag, res.Validators.LastModified
	}
	fs.Checked = time.Now()
	if err := in.Store.SetFeed(ctx, fs); err != nil {
		in.problem("%v", err)
		failed++
	}
	return added, failed
}

// known reports whether the page at link is stored, under its own URL or
// under the link that redirected to it.
func (in *Ingester) known(ctx context.Context, link string) bool {
	key := store.Key(&claimtrail.Article{URL: link})
	if _, found, err := in.Store.Lookup(ctx, key); err == nil && found {
		return true
	}
	if al, ok := in.Store.(store.Aliases); ok {
		if _, found, err := al.LookupAlias(ctx, key); err == nil && found {
			return true
		}
	}
	return false
}

// alias remembers that link led to article id when the article is stored
// under another key (the page redirected).
func (in *Ingester) alias(ctx context.Context, link string, a *claimtrail.Article, id int64) {
	al, ok := in.Store.(store.Aliases)
	if link == "" || !ok {
		return
	}
	key := store.Key(&claimtrail.Article{URL: link})
	if key == store.Key(a) {
		return
	}
	if err := al.SetAlias(ctx, key, id); err != nil {
		in.problem("feed item %s: %v", link, err)
	}
}

// Articles analyses articles in parallel and writes them in order, one
// transaction each; it prints one line per article and returns how many
// failed.
func (in *Ingester) Articles(ctx context.Context, articles []claimtrail.Article, bar *progress.Bar) (failed int) {
	_, failed = in.put(ctx, articles, bar)
	return failed
}

// put is Articles, also giving each article's result (nil when it failed).
func (in *Ingester) put(ctx context.Context, articles []claimtrail.Article, bar *progress.Bar) ([]*store.PutResult, int) {
	type result struct {
		an  store.Analysis
		err error
	}
	results := make([]chan result, len(articles))
	for i := range results {
		results[i] = make(chan result, 1)
	}
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	go func() {
		for i := range articles {
			select {
			case sem <- struct{}{}:
			case <-ctx.Done():
				results[i] <- result{err: ctx.Err()}
				continue
			}
			go func() {
				defer func() { <-sem }()
				an, err := in.Analyzer.Analyze(ctx, &articles[i])
				results[i] <- result{an, err}
			}()
		}
	}()
	out := make([]*store.PutResult, len(articles))
	failed := 0
	for i := range articles {
		a := &articles[i]
		r := <-results[i]
		err := r.err
		var res store.PutResult
		if err == nil {
			res, err = in.Store.Put(ctx, a, r.an)
		}
		if bar != nil {
			bar.Step(err != nil)
		}
		if err != nil {
			in.problem("%s: %v", in.name(a), err)
			failed++
			continue
		}
		out[i] = &res
		fmt.Fprintln(in.Out, PutLine(in.name(a), res))
	}
	return out, failed
}

// PutLine describes what Put did with the article named name, one line.
func PutLine(name string, r store.PutResult) string {
	what := "added"
	switch {
	case r.Existing:
		what = "exists"
	case r.Updated:
		what = "updated"
	case r.CopyOf != 0:
		what = fmt.Sprintf("copy of %d", r.CopyOf)
	}
	story := fmt.Sprintf("story %d", r.Story)
	if r.NewStory {
		story += " (new)"
	}
	return fmt.Sprintf("%-12s article %-6d %-16s %s", what, r.ID, story, name)
}

// name names an article by where it came from: its file (with the line,
// for a JSON-lines file), URL or title.
func (in *Ingester) name(a *claimtrail.Article) string {
	n := InputName(a)
	if line, ok := in.Lines[a]; ok && a.Path != "" {
		n = fmt.Sprintf("%s:%d", a.Path, line)
	}
	return n
}

// InputName names an article by where it came from.
func InputName(a *claimtrail.Article) string {
	for _, s := range []string{a.Path, a.URL, a.Title} {
		if s != "" {
			return s
		}
	}
	return "article"
}

// RefreshStale rebuilds with build the ledger summaries (claims, contested
// count) of the stories that gained articles, reporting failures to errw.
// It stops, returning the context's error, when ctx is done.
func RefreshStale(ctx context.Context, errw io.Writer, st store.Store, build store.LedgerBuilder) error {
	ids, err := st.StaleStories(ctx)
	if err != nil {
		return err
	}
	bar := progress.New(errw, len(ids), "ledgers")
	defer bar.Finish()
	for _, id := range ids {
		if err := store.RefreshLedger(ctx, st, id, build); err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			fmt.Fprintf(errw, "claimtrail: story %d: %v\n", id, err)
			bar.Step(true)
			continue
		}
		bar.Step(false)
	}
	return nil
}

// LineNumbers finds the line of its JSON-lines file each article of
// articles came from, for output that says which line became which
// article. errs are the loader's errors for the same inputs: the lines
// they name are the ones that failed. The loader takes one article from
// each non-blank line that does not fail, in order, so reading each file's
// lines again gives the numbers; a file that no longer matches (changed
// since) gets none.
func LineNumbers(articles []claimtrail.Article, errs []error) map[*claimtrail.Article]int {
	failed := map[string]map[int]bool{}
	for _, err := range errs {
		var le *load.Error
		if errors.As(err, &le) && le.Line > 0 {
			if failed[le.Input] == nil {
				failed[le.Input] = map[int]bool{}
			}
			failed[le.Input][le.Line] = true
		}
	}
	byFile := map[string][]*claimtrail.Article{}
	var files []string
	for i := range articles {
		a := &articles[i]
		if !strings.EqualFold(filepath.Ext(a.Path), ".jsonl") {
			continue
		}
		if byFile[a.Path] == nil {
			files = append(files, a.Path)
		}
		byFile[a.Path] = append(byFile[a.Path], a)
	}
	out := map[*claimtrail.Article]int{}
	for _, f := range files {
		lines, err := articleLines(f, failed[f])
		if err != nil || len(lines) != len(byFile[f]) {
			continue
		}
		for i, a := range byFile[f] {
			out[a] = lines[i]
		}
	}
	return out
}

// articleLines lists the numbers of the non-blank lines of a file that are
// not in failed.
func articleLines(path string, failed map[int]bool) ([]int, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	br := bufio.NewReaderSize(f, 64<<10)
	var lines []int
	for n := 1; ; n++ {
		blank, err := blankLine(br)
		if !blank && !failed[n] {
			lines = append(lines, n)
		}
		if errors.Is(err, io.EOF) {
			return lines, nil
		}
		if err != nil {
			return nil, err
		}
	}
}

// blankLine reads one line and says whether it held only white space (a
// UTF-8 byte-order mark included).
func blankLine(br *bufio.Reader) (bool, error) {
	blank := true
	for {
		chunk, err := br.ReadSlice('\n')
		if blank && len(bytes.TrimSpace(bytes.TrimPrefix(chunk, []byte("\xef\xbb\xbf")))) > 0 {
			blank = false
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		return blank, err
	}
}

// Grouper files articles under stories by the ledger's own notion of
// membership (pipeline.Members, story.Members): an article joins a story
// when, over the story's articles and the new one, it is joined to the
// others by a claim or by the names it shares, and not off their topic —
// what analyze would decide for the same files. A relay of a story's wire
// shares its claims and joins it; an article that only shares a place name
// does not. Writing stores are opened with it (store.Options.Group).
func Grouper(p *pipeline.Pipeline) store.Grouper { return grouper{p} }

type grouper struct{ p *pipeline.Pipeline }

// newID is the ID the article being filed takes among the story's
// articles, whose IDs are store numbers.
const newID = "new"

func (g grouper) Belongs(ctx context.Context, a *claimtrail.Article, an store.Analysis, members []store.Record) (bool, error) {
	if len(members) == 0 {
		return false, nil
	}
	arts := make([]claimtrail.Article, 0, len(members)+1)
	stmts := make([][]claimtrail.Statement, 0, len(members)+1)
	for _, r := range members {
		arts = append(arts, r.Article)
		stmts = append(stmts, r.Analysis.Statements)
	}
	na := *a
	na.ID = newID
	arts = append(arts, na)
	stmts = append(stmts, an.Statements)
	in, joined, err := g.p.Members(ctx, arts, stmts)
	if err != nil {
		return false, err
	}
	return joined && in[newID] && len(in) > 1, nil
}
