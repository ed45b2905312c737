package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/attrib"
	"github.com/claimtrail/claimtrail/load"
	"github.com/claimtrail/claimtrail/pipeline"
	"github.com/claimtrail/claimtrail/render"
	"github.com/spf13/cobra"
)

func init() { commands = append(commands, newAnalyzeCmd) }

type analyzeOptions struct {
	format    string
	outlet    string
	color     string
	extractor string
	maxBytes  byteSize
	all       bool
}

func newAnalyzeCmd() *cobra.Command {
	var opts analyzeOptions
	cmd := &cobra.Command{
		Use:   "analyze [flags] PATH|DIR ...",
		Short: "Print the claim ledger of the articles at the given paths",
		Long: `analyze reads news articles about one story (.txt, .html, .jsonl files, or folders of
them, with optional FILE.meta.json sidecars) and prints the story's claim ledger: every
claim, who asserts it through which chain of sources, who denies it, each article's
stance, and how many independent origins stand behind it.

Inputs that cannot be read are reported on stderr and skipped; the others are still
analysed, and the exit status is 1. A file larger than --max-bytes (32 MiB unless
CLAIMTRAIL_MAX_BYTES says otherwise) is refused: analysis takes time and memory in
proportion to its input. Ctrl-C stops the analysis.`,
		Example: `  claimtrail analyze examples/story
  claimtrail analyze --format json examples/story > ledger.json
  claimtrail analyze --outlet "Daily Example" article.txt`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return fmt.Errorf("analyze needs at least one PATH or DIR of articles (see claimtrail analyze --help)")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			return runAnalyze(cmd, opts, args)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&opts.format, "format", "f", "text", "output format: text, json, markdown or html")
	f.StringVar(&opts.outlet, "outlet", "", "outlet name for every article (overrides metadata)")
	f.StringVar(&opts.color, "color", "auto", "colour the text view: auto, always or never")
	f.BoolVar(&opts.all, "all", false, "list the asides too (opinions, advice, procedural lines), and the attributions that are no claims (text, markdown, html); JSON always holds both, marked \"aside\" and under articles[].attributions")
	f.StringVar(&opts.extractor, "extractor", "combined", "attribution: combined (rules plus the trained labeller), rules (rules alone; faster), or combined merging by a named combination, for comparison (docs/attribution.md)")
	addMaxBytesFlag(f, &opts.maxBytes)
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions([]string{"text", "json", "markdown", "html"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

func runAnalyze(cmd *cobra.Command, opts analyzeOptions, args []string) error {
	write, err := ledgerWriter(opts.format, opts.color, opts.all, cmd.OutOrStdout())
	if err != nil {
		return err
	}
	if !ledgerExtractor(opts.extractor) {
		return fmt.Errorf("unknown --extractor %q: want combined, rules or a combination (%s)", opts.extractor, combinationList())
	}
	limit, err := maxBytes(cmd.Flags(), &opts.maxBytes)
	if err != nil {
		return err
	}
	ctx := cmd.Context()
	stderr := cmd.ErrOrStderr()
	articles, loadErrs, err := loadArticles(ctx, args, load.Options{Outlet: opts.outlet, MaxFileSize: limit}, stderr)
	if err != nil {
		return err
	}
	p, err := untilDone(ctx, func() (*pipeline.Pipeline, error) { return analyzePipeline(stderr, opts.extractor) })
	if err != nil {
		return err
	}
	ledger, err := p.Ledger(ctx, articles)
	if err != nil {
		return err
	}
	warnOffStory(stderr, ledger)
	if err := write(ledger); err != nil {
		return err
	}
	if len(loadErrs) > 0 {
		fmt.Fprintf(stderr, "claimtrail: analysed %d article(s); %d input(s) or lines skipped with errors (listed above)\n", len(articles), len(loadErrs))
		return errReported
	}
	return nil
}

// analyzePipeline returns the pipeline analyze runs for an --extractor
// value (combined or rules): `eval ledger` and `eval report` measure
// ledgers built by it.
func analyzePipeline(stderr io.Writer, extractor string) (*pipeline.Pipeline, error) {
	comb, _ := attrib.ParseCombination(extractor) // eval ledger's other combinations
	return pipeline.New(pipeline.Options{Judge: defaultJudge(stderr), RulesOnly: extractor == "rules", Combination: comb})
}

// loadArticles loads the articles at paths as analyze does: inputs that
// cannot be read are reported on stderr and returned, the others loaded; it
// fails only when no article could be read.
func loadArticles(ctx context.Context, paths []string, opt load.Options, stderr io.Writer) ([]claimtrail.Article, []error, error) {
	articles, loadErrs := load.Paths(ctx, paths, opt)
	if err := ctx.Err(); err != nil {
		return nil, nil, err
	}
	loadErrs = warnEmptyFolders(stderr, loadErrs)
	for _, e := range loadErrs {
		fmt.Fprintln(stderr, "claimtrail: skipped:", render.Terminal(e.Error())+loadHint(e))
	}
	if len(articles) == 0 && len(loadErrs) == 0 {
		return nil, nil, fmt.Errorf("no .txt, .html, .htm or .jsonl articles found in %s", strings.Join(paths, ", "))
	}
	if len(articles) == 0 {
		return nil, nil, fmt.Errorf("no articles could be read from %d input(s)", len(paths))
	}
	return articles, loadErrs, nil
}

// loadHint says what the user can do about a load error the command's
// flags can lift: a file over the size limit can be read with a larger
// --max-bytes.
func loadHint(err error) string {
	if errors.Is(err, load.ErrTooLarge) {
		return " (--max-bytes or CLAIMTRAIL_MAX_BYTES raises the limit)"
	}
	return ""
}

// warnEmptyFolders prints a warning for each folder that held nothing to
// load and returns the other errors.
func warnEmptyFolders(w io.Writer, errs []error) []error {
	var rest []error
	for _, e := range errs {
		if errors.Is(e, load.ErrEmptyFolder) {
			fmt.Fprintln(w, "claimtrail: warning:", render.Terminal(e.Error()))
			continue
		}
		rest = append(rest, e)
	}
	return rest
}

// warnOffStory names on stderr the inputs the ledger leaves out as off the
// story: mixing unrelated inputs is more often a mistake than a wish.
func warnOffStory(w io.Writer, l *claimtrail.Ledger) {
	if len(l.OffStory) == 0 {
		return
	}
	fmt.Fprintf(w, "claimtrail: warning: %d of %d article(s) are off the story (about something else) and not counted:\n", len(l.OffStory), len(l.Articles))
	for _, id := range l.OffStory {
		a := l.Article(id)
		if a == nil {
			continue
		}
		name := a.Path
		if name == "" {
			name = a.URL
		}
		fmt.Fprintf(w, "  %s  %s  (%s)\n", id, render.Terminal(name), render.Terminal(a.Title))
	}
}

// ledgerWriter returns the renderer for a --format value.
// all lists the asides in the text view too.
func ledgerWriter(format, color string, all bool, w io.Writer) (func(*claimtrail.Ledger) error, error) {
	switch format {
	case "text":
		useColor, err := wantColor(color, w)
		if err != nil {
			return nil, err
		}
		return func(l *claimtrail.Ledger) error {
			return render.Text(w, l, render.TextOptions{Width: 100, Color: useColor, All: all})
		}, nil
	case "json":
		return func(l *claimtrail.Ledger) error { return render.JSON(w, l) }, nil
	case "markdown", "md":
		return func(l *claimtrail.Ledger) error { return render.MarkdownWith(w, l, render.MarkdownOptions{All: all}) }, nil
	case "html":
		return func(l *claimtrail.Ledger) error { return render.HTMLWith(w, l, render.HTMLOptions{All: all}) }, nil
	}
	return nil, fmt.Errorf("unknown --format %q: want text, json, markdown or html", format)
}

// wantColor decides on ANSI colour: only on a terminal, never with NO_COLOR.
func wantColor(mode string, w io.Writer) (bool, error) {
	switch mode {
	case "always":
		return true, nil
	case "never":
		return false, nil
	case "auto", "":
		if os.Getenv("NO_COLOR") != "" {
			return false, nil
		}
		f, ok := w.(*os.File)
		if !ok {
			return false, nil
		}
		st, err := f.Stat()
		return err == nil && st.Mode()&os.ModeCharDevice != 0, nil
	}
	return false, fmt.Errorf("unknown --color %q: want auto, always or never", mode)
}
