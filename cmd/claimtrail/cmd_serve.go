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
	"slices"
	"strings"
	"time"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/fetch"
	"github.com/claimtrail/claimtrail/load"
	"github.com/claimtrail/claimtrail/pipeline"
	"github.com/claimtrail/claimtrail/stance"
	"github.com/claimtrail/claimtrail/web"
	"github.com/claimtrail/claimtrail/web/storesource"
	"github.com/spf13/cobra"
)

func init() { commands = append(commands, newServeCmd) }

type serveOptions struct {
	addr         string
	db           string
	token        string
	story        string
	title        string
	outlet       string
	hosts        []string
	allowPrivate bool
	maxBody      int64
	addTimeout   time.Duration
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
story held in memory; added articles rebuild it. Without, it serves the stories of a
store: --db (a SQLite file path, or a postgres:// DSN), else $CLAIMTRAIL_DB, else the
default corpus in the user data directory.

The server answers only requests naming it in their Host header (the loopback names on
a loopback --addr; --host adds others), which keeps DNS-rebinding pages out. URLs given
to "add articles" are fetched only from public addresses unless --allow-private-fetch.

Writes (adding articles, checking claims) need --token (or CLAIMTRAIL_TOKEN) when the
server listens on an address other than loopback; with a token set they always need it:
send "Authorization: Bearer TOKEN", or open the UI once as http://HOST/?token=TOKEN.
On Ctrl-C or SIGTERM the server stops taking connections, gives requests in flight up
to a second and exits with status 130 or 143.`,
		Example: `  claimtrail serve examples/story
  claimtrail serve --db claimtrail.db
  CLAIMTRAIL_TOKEN=s3cret claimtrail serve --addr 0.0.0.0:8080 --db claimtrail.db`,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runServe(cmd, opts, args)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.addr, "addr", "127.0.0.1:8080", "address to listen on")
	f.StringVar(&opts.db, "db", "", dbFlagUsage)
	f.StringVar(&opts.token, "token", os.Getenv("CLAIMTRAIL_TOKEN"), "token required for writes (default $CLAIMTRAIL_TOKEN)")
	f.StringVar(&opts.story, "story", "story", "story id for the articles given as paths")
	f.StringVar(&opts.title, "title", "", "story title for the articles given as paths (default: the first headline)")
	f.StringVar(&opts.outlet, "outlet", "", "outlet name for every article read from paths (overrides metadata)")
	f.StringSliceVar(&opts.hosts, "host", nil, "a name (Host header, e.g. news.example.org or news.example.org:8080) the server answers to; repeatable (default: the loopback names on a loopback --addr, the address itself on another)")
	f.BoolVar(&opts.allowPrivate, "allow-private-fetch", false, "let \"add articles\" fetch URLs on loopback, private and link-local addresses")
	f.Int64Var(&opts.maxBody, "max-body", web.DefaultMaxBody, "largest request body in bytes (uploads and pasted articles)")
	f.DurationVar(&opts.addTimeout, "add-timeout", web.DefaultAddTimeout, "time budget of adding articles through the web")
	return cmd
}

func runServe(cmd *cobra.Command, opts serveOptions, args []string) error {
	ctx := cmd.Context()
	stderr := cmd.ErrOrStderr()
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
	if len(args) == 0 {
		st, err := openExistingCorpus(ctx, opts.db, writeOptions(p))
		if err != nil {
			return fmt.Errorf("serve: %w", err)
		}
		defer st.Close()
		src = storesource.New(st, p)
	} else {
		mem, err := memorySource(ctx, stderr, p, opts, args)
		if err != nil {
			return err
		}
		src = mem
	}
	ln, err := net.Listen("tcp", opts.addr)
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	defer ln.Close()
	wo := web.Options{
		Source:     src,
		Loader:     fileLoader{client: fetch.New(fetch.Options{AllowPrivate: opts.allowPrivate})},
		Token:      opts.token,
		Public:     !web.Loopback(opts.addr),
		Hosts:      serveHosts(opts, ln.Addr().String()),
		MaxBody:    opts.maxBody,
		AddTimeout: opts.addTimeout,
		Logger:     slog.New(slog.NewTextHandler(stderr, nil)),
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
	url := "http://" + ln.Addr().String() + "/"
	switch {
	case wo.Public && opts.token == "":
		fmt.Fprintf(stderr, "claimtrail: serving %s read-only (non-loopback address without --token)\n", url)
	case opts.token != "":
		fmt.Fprintf(stderr, "claimtrail: serving %s (open %s?token=… once to write from the browser)\n", url, url)
	default:
		fmt.Fprintf(stderr, "claimtrail: serving %s\n", url)
	}
	if len(wo.Hosts) == 0 {
		fmt.Fprintln(stderr, "claimtrail: answering for any host name; give --host NAME to answer only for the server's own names")
	}
	err = web.Serve(ctx, ln, srv)
	fmt.Fprintln(stderr, "claimtrail: server stopped")
	return err
}

// serveHosts lists the Host header values the server answers to: --host,
// plus the loopback names on a loopback address, or the address itself on
// another; with an address binding every interface, --host alone (none:
// any host).
func serveHosts(opts serveOptions, bound string) []string {
	hosts := slices.Clone(opts.hosts)
	host, port, _ := net.SplitHostPort(opts.addr)
	ip := net.ParseIP(host)
	switch {
	case web.Loopback(opts.addr):
		hosts = append(hosts, web.LoopbackHosts(bound)...)
	case host == "" || (ip != nil && ip.IsUnspecified()):
	default:
		hosts = append(hosts, bound, opts.addr)
		if port == "80" {
			hosts = append(hosts, host)
		}
	}
	return hosts
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

func (c stanceChecker) Check(ctx context.Context, claim string, arts []claimtrail.Article) ([]web.Verdict, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	_, checked, err := c.p.Check(ctx, claim, arts)
	if err != nil {
		return nil, err
	}
	out := make([]web.Verdict, len(checked))
	for i := range checked {
		ans := checked[i].Judge(c.m, claim)
		label := ans.By // "ledger", "ledger-model", "off-story", "statements" or "coverage"
		if ans.By == "model" {
			label = ans.Label.String()
		}
		out[i] = web.Verdict{Stance: ans.Stance, Label: label, Confidence: ans.Confidence, Evidence: ans.Evidence}
	}
	return out, nil
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
	return nil, fmt.Errorf("%s: unsupported file type (want .txt, .html, .htm or .jsonl)", name)
}

func (l fileLoader) URL(ctx context.Context, u string) ([]claimtrail.Article, error) {
	a, err := l.client.Page(ctx, u)
	if err != nil {
		return nil, err
	}
	return []claimtrail.Article{a}, nil
}
