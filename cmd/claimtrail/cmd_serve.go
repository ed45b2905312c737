package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/fetch"
	"github.com/claimtrail/claimtrail/load"
	"github.com/claimtrail/claimtrail/pipeline"
	"github.com/claimtrail/claimtrail/stance"
	"github.com/claimtrail/claimtrail/store"
	"github.com/claimtrail/claimtrail/web"
	"github.com/spf13/cobra"
)

func init() { commands = append(commands, newServeCmd) }

type serveOptions struct {
	addr   string
	db     string
	token  string
	story  string
	title  string
	outlet string
}

func newServeCmd() *cobra.Command {
	var opts serveOptions
	cmd := &cobra.Command{
		Use:   "serve [--addr 127.0.0.1:8080] [--db DSN | PATH ...]",
		Short: "Serve the web UI and JSON API over a store or over the given articles",
		Long: `serve starts claimtrail's web UI and JSON API: the stories, each story's claims ×
outlets matrix, claim pages with the evidence in context and the attribution graph,
article pages, a "check a claim" form and an "add articles" form.

With PATH arguments it reads those articles (files or folders, as analyze does) into one
story held in memory; added articles rebuild it. With --db it serves the stories of a
store: a SQLite file path, or a postgres:// DSN.

Writes (adding articles, checking claims) need --token (or CLAIMTRAIL_TOKEN) when the
server listens on an address other than loopback; with a token set they always need it:
send "Authorization: Bearer TOKEN", or open the UI once as http://HOST/?token=TOKEN.
The server stops gracefully on Ctrl-C or SIGTERM.`,
		Example: `  claimtrail serve examples/story
  claimtrail serve --db claimtrail.db
  CLAIMTRAIL_TOKEN=s3cret claimtrail serve --addr 0.0.0.0:8080 --db claimtrail.db`,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runServe(cmd, opts, args)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.addr, "addr", "127.0.0.1:8080", "address to listen on")
	f.StringVar(&opts.db, "db", "", "store to serve: SQLite file path or postgres:// DSN")
	f.StringVar(&opts.token, "token", os.Getenv("CLAIMTRAIL_TOKEN"), "token required for writes (default $CLAIMTRAIL_TOKEN)")
	f.StringVar(&opts.story, "story", "story", "story id for the articles given as paths")
	f.StringVar(&opts.title, "title", "", "story title for the articles given as paths (default: the first headline)")
	f.StringVar(&opts.outlet, "outlet", "", "outlet name for every article read from paths (overrides metadata)")
	return cmd
}

func runServe(cmd *cobra.Command, opts serveOptions, args []string) error {
	ctx := cmd.Context()
	stderr := cmd.ErrOrStderr()
	if opts.db == "" && len(args) == 0 {
		return errors.New("serve: give article paths or --db DSN")
	}
	if opts.db != "" && len(args) > 0 {
		return errors.New("serve: give article paths or --db, not both")
	}
	if _, _, err := net.SplitHostPort(opts.addr); err != nil {
		return fmt.Errorf("serve: --addr %q: %w", opts.addr, err)
	}
	p, err := pipeline.New(pipeline.Options{Judge: defaultJudge(stderr)})
	if err != nil {
		return err
	}
	var src web.Source
	if opts.db != "" || len(args) == 0 {
		st, err := openCorpus(ctx, opts.db) // --db, else $CLAIMTRAIL_DB, else the default corpus
		if err != nil {
			return err
		}
		defer st.Close()
		src = &storeSource{st: st, p: p, cache: map[int64]cachedLedger{}}
	} else {
		mem, err := memorySource(ctx, stderr, p, opts, args)
		if err != nil {
			return err
		}
		src = mem
	}
	wo := web.Options{
		Source: src,
		Loader: fileLoader{client: fetch.New(fetch.Options{})},
		Token:  opts.token,
		Public: !web.Loopback(opts.addr),
		Logger: slog.New(slog.NewTextHandler(stderr, nil)),
	}
	if m, err := stance.Default(); err != nil {
		fmt.Fprintln(stderr, "claimtrail: no stance model, \"check a claim\" is disabled:", err)
	} else {
		wo.Checker = stanceChecker{m: m, p: p}
	}
	srv, err := web.New(wo)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", opts.addr)
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	url := "http://" + ln.Addr().String() + "/"
	switch {
	case wo.Public && opts.token == "":
		fmt.Fprintf(stderr, "claimtrail: serving %s read-only (non-loopback address without --token)\n", url)
	case opts.token != "":
		fmt.Fprintf(stderr, "claimtrail: serving %s (open %s?token=… once to write from the browser)\n", url, url)
	default:
		fmt.Fprintf(stderr, "claimtrail: serving %s\n", url)
	}
	err = web.Serve(ctx, ln, srv)
	fmt.Fprintln(stderr, "claimtrail: server stopped")
	return err
}

// memorySource reads the articles at paths into one in-memory story.
func memorySource(ctx context.Context, stderr io.Writer, p *pipeline.Pipeline, opts serveOptions, paths []string) (*web.Memory, error) {
	if !web.ValidStoryID(opts.story) {
		return nil, fmt.Errorf("serve: --story %q: use 1 to 64 letters, digits, dots, dashes or underscores", opts.story)
	}
	arts, errs := load.Paths(ctx, paths, load.Options{Outlet: opts.outlet})
	for _, e := range errs {
		fmt.Fprintln(stderr, "claimtrail: skipped:", e)
	}
	if len(arts) == 0 {
		return nil, fmt.Errorf("serve: no articles could be read from %d input(s)", len(paths))
	}
	l, err := p.Ledger(ctx, arts)
	if err != nil {
		return nil, err
	}
	title := opts.title
	if title == "" {
		title = arts[0].Title
	}
	mem := web.NewMemory(p.Ledger)
	if err := mem.Put(opts.story, title, l); err != nil {
		return nil, err
	}
	fmt.Fprintf(stderr, "claimtrail: story %q: %d articles, %d claims\n", opts.story, len(l.Articles), len(l.Claims))
	return mem, nil
}

// stanceChecker adapts claimtrail's check to web.Checker: an article's own
// statements about the claim decide, else the stance model, exactly as
// `claimtrail check` judges it (pipeline.Check, pipeline.Checked.Judge).
type stanceChecker struct {
	m *stance.Model
	p *pipeline.Pipeline
}

func (c stanceChecker) Check(ctx context.Context, claim string, a *claimtrail.Article) (web.Verdict, error) {
	if err := ctx.Err(); err != nil {
		return web.Verdict{}, err
	}
	_, checked, err := c.p.Check(ctx, claim, []claimtrail.Article{*a})
	if err != nil {
		return web.Verdict{}, err
	}
	ans := checked[0].Judge(c.m, claim)
	label := ans.By // "statements"
	if ans.By == "model" {
		label = ans.Label.String()
	}
	return web.Verdict{Stance: ans.Stance, Label: label, Confidence: ans.Confidence, Evidence: ans.Evidence}, nil
}

// fileLoader adapts package load (files) and package fetch (URLs) to
// web.Loader.
type fileLoader struct{ client *fetch.Client }

func (l fileLoader) File(ctx context.Context, name string, data []byte) ([]claimtrail.Article, error) {
	name = filepath.Base(name)
	switch strings.ToLower(filepath.Ext(name)) {
	case ".txt", ".text", "":
		a, err := load.Text(name, data)
		return []claimtrail.Article{a}, err
	case ".html", ".htm":
		a, err := load.HTML(name, data, "")
		return []claimtrail.Article{a}, err
	case ".jsonl":
		arts, errs := load.JSONL(name, bytes.NewReader(data))
		return arts, errors.Join(errs...)
	}
	return nil, fmt.Errorf("%s: unsupported file type (want .txt, .html or .jsonl)", name)
}

func (l fileLoader) URL(ctx context.Context, u string) ([]claimtrail.Article, error) {
	a, err := l.client.Page(ctx, u)
	if err != nil {
		return nil, err
	}
	return []claimtrail.Article{a}, nil
}

// storeSource serves a store's stories; each story's ledger is built with
// the pipeline from its stored articles and kept until the story changes.
type storeSource struct {
	st    store.Store
	p     *pipeline.Pipeline
	build sync.Mutex // one ledger build at a time
	mu    sync.Mutex
	cache map[int64]cachedLedger
}

type cachedLedger struct {
	updated  time.Time
	articles int
	ledger   *claimtrail.Ledger
}

func (s *storeSource) Stories(ctx context.Context, query string) ([]web.Story, error) {
	var sums []store.StorySummary
	if strings.TrimSpace(query) == "" {
		var err error
		if sums, err = s.st.Stories(ctx, store.StoryQuery{Limit: 500}); err != nil {
			return nil, err
		}
	} else {
		hits, err := s.st.Search(ctx, query, 200)
		if err != nil {
			return nil, err
		}
		seen := map[int64]bool{}
		for _, h := range hits {
			if seen[h.Story] {
				continue
			}
			seen[h.Story] = true
			sum, err := s.st.Story(ctx, h.Story)
			if err != nil {
				return nil, err
			}
			sums = append(sums, *sum)
		}
	}
	out := make([]web.Story, len(sums))
	for i, x := range sums {
		out[i] = web.Story{ID: strconv.FormatInt(x.ID, 10), Title: x.Title, Articles: x.Articles,
			Claims: x.Claims, Contested: x.Contested, Updated: x.Updated}
	}
	return out, nil
}

func (s *storeSource) Story(ctx context.Context, id string) (web.Story, error) {
	n, err := strconv.ParseInt(id, 10, 64)
	if err != nil {
		return web.Story{}, fmt.Errorf("story %q: %w", id, web.ErrNotFound)
	}
	x, err := s.st.Story(ctx, n)
	if errors.Is(err, store.ErrNotFound) {
		return web.Story{}, fmt.Errorf("story %q: %w", id, web.ErrNotFound)
	} else if err != nil {
		return web.Story{}, err
	}
	return web.Story{ID: id, Title: x.Title, Articles: x.Articles, Claims: x.Claims, Contested: x.Contested, Updated: x.Updated}, nil
}

func (s *storeSource) Ledger(ctx context.Context, id string) (*claimtrail.Ledger, error) {
	n, err := strconv.ParseInt(id, 10, 64)
	if err != nil {
		return nil, fmt.Errorf("story %q: %w", id, web.ErrNotFound)
	}
	sum, err := s.st.Story(ctx, n)
	if errors.Is(err, store.ErrNotFound) {
		return nil, fmt.Errorf("story %q: %w", id, web.ErrNotFound)
	} else if err != nil {
		return nil, err
	}
	if l := s.cached(n, sum); l != nil {
		return l, nil
	}
	s.build.Lock()
	defer s.build.Unlock()
	if l := s.cached(n, sum); l != nil {
		return l, nil
	}
	recs, err := s.st.StoryArticles(ctx, n)
	if err != nil {
		return nil, err
	}
	arts := make([]claimtrail.Article, len(recs))
	for i, r := range recs {
		arts[i] = r.Article
		arts[i].ID = strconv.FormatInt(r.ID, 10)
	}
	l, err := s.p.Ledger(ctx, arts)
	if err != nil {
		return nil, fmt.Errorf("build ledger of story %s: %w", id, err)
	}
	if err := s.st.SetLedger(ctx, n, sum.Version, store.Summarize(l)); err != nil {
		return nil, err
	}
	s.mu.Lock()
	s.cache[n] = cachedLedger{updated: sum.Updated, articles: sum.Articles, ledger: l}
	s.mu.Unlock()
	return l, nil
}

func (s *storeSource) cached(id int64, sum *store.StorySummary) *claimtrail.Ledger {
	s.mu.Lock()
	defer s.mu.Unlock()
	c, ok := s.cache[id]
	if ok && c.updated.Equal(sum.Updated) && c.articles == sum.Articles {
		return c.ledger
	}
	return nil
}

// AddArticles analyses and stores each article; the store assigns it to a
// story by its key terms, so story is only a hint. It returns the story the
// first article joined.
func (s *storeSource) AddArticles(ctx context.Context, story string, arts []claimtrail.Article) (string, error) {
	first := ""
	for i := range arts {
		a := &arts[i]
		an, err := s.p.Analyze(ctx, a)
		if err != nil {
			return "", err
		}
		sa := store.Analysis{Statements: an.Statements}
		for _, e := range an.Doc.Entities {
			sa.Entities = append(sa.Entities, e.Key)
		}
		res, err := s.st.Put(ctx, a, sa)
		if err != nil {
			return "", fmt.Errorf("store article %q: %w", a.Title, err)
		}
		if first == "" {
			first = strconv.FormatInt(res.Story, 10)
		}
	}
	return first, nil
}
