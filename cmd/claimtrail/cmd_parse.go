package main

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/load"
	"github.com/claimtrail/claimtrail/nlp"
	"github.com/claimtrail/claimtrail/parse/conllu"
	"github.com/spf13/cobra"
)

func init() { commands = append(commands, newParseCmd) }

func newParseCmd() *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "parse [--format conllu|text] PATH|DIR|-",
		Short: "Print the dependency trees of articles' sentences",
		Long: `Print the dependency tree of every sentence of the articles given (files,
folders, or - for a plain-text article on standard input), as analysis sees
them: sentences and tokens from the nlp package, tags and trees from the
embedded parser (see docs/syntax.md).

--format text (the default) indents each word under its head, with its
tag, relation and byte span; --format conllu writes CoNLL-U, with each
token's byte span in MISC as TokenRange=START:END.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if format != "text" && format != "conllu" {
				return fmt.Errorf("parse: --format %q: want text or conllu", format)
			}
			return runParse(cmd, format, args)
		},
	}
	cmd.Flags().StringVar(&format, "format", "text", "output format: text or conllu")
	return cmd
}

func runParse(cmd *cobra.Command, format string, args []string) error {
	ctx := cmd.Context()
	stderr := cmd.ErrOrStderr()
	arts, errs, err := parseInputs(cmd, args)
	if err != nil {
		return err
	}
	for _, e := range errs {
		fmt.Fprintln(stderr, "claimtrail: skipped:", e)
	}
	a, err := nlp.NewAnalyzer()
	if err != nil {
		return err
	}
	w := bufio.NewWriter(cmd.OutOrStdout())
	defer w.Flush()
	for i := range arts {
		doc, err := a.Analyze(ctx, &arts[i])
		if err != nil {
			return err
		}
		for si := range doc.Sentences {
			if err := ctx.Err(); err != nil {
				return err
			}
			t := doc.Tree(si)
			if t == nil {
				return fmt.Errorf("parse: no parser model")
			}
			if format == "conllu" {
				err = conllu.Write(w, treeSentence(doc, si, t))
			} else {
				err = writeTreeText(w, doc, si, t)
			}
			if err != nil {
				return err
			}
		}
	}
	if len(errs) > 0 {
		return errReported
	}
	return nil
}

// parseInputs loads the articles named by args; "-" reads plain text from
// standard input.
func parseInputs(cmd *cobra.Command, args []string) ([]claimtrail.Article, []error, error) {
	var paths []string
	var arts []claimtrail.Article
	for _, a := range args {
		if a != "-" {
			paths = append(paths, a)
			continue
		}
		data, err := io.ReadAll(cmd.InOrStdin())
		if err != nil {
			return nil, nil, fmt.Errorf("parse: standard input: %w", err)
		}
		// Standard input is plain text, every line of it (no title line).
		arts = append(arts, claimtrail.Article{ID: "stdin", Path: "-", Text: string(data)})
	}
	var errs []error
	if len(paths) > 0 {
		more, es := load.Paths(cmd.Context(), paths, load.Options{})
		arts, errs = append(arts, more...), es
	}
	if len(arts) == 0 && len(errs) == 0 {
		return nil, nil, fmt.Errorf("parse: no .txt, .html, .htm or .jsonl articles found in %s", strings.Join(args, ", "))
	}
	return arts, errs, nil
}

// articleName is how output names an article.
func articleName(doc *nlp.Document) string {
	if doc.Article.Path == "-" {
		return "stdin"
	}
	if doc.Article.Path != "" {
		return doc.Article.Path
	}
	return doc.Article.ID
}

// treeSentence converts sentence si's tree to CoNLL-U.
func treeSentence(doc *nlp.Document, si int, t *nlp.Tree) *conllu.Sentence {
	span := doc.Sentences[si].Span
	text := strings.Join(strings.Fields(doc.Text()[span.Start:span.End]), " ")
	s := &conllu.Sentence{Comments: []string{
		"# sent_id = " + articleName(doc) + "-" + strconv.Itoa(si+1),
		"# text = " + text,
	}}
	for i := range t.Len() {
		tok := t.Token(i)
		misc := "TokenRange=" + strconv.Itoa(tok.Start) + ":" + strconv.Itoa(tok.End)
		if i+1 < t.Len() && t.Token(i+1).Start == tok.End {
			misc = "SpaceAfter=No|" + misc
		}
		s.Words = append(s.Words, conllu.Word{ID: i + 1, Form: conlluForm(tok.Text), Lemma: "_",
			UPOS: t.UPOS(i), XPOS: t.XPOS(i), Feats: "_", Head: t.Head(i) + 1, Rel: t.Rel(i), Deps: "_", Misc: misc})
	}
	return s
}

// conlluForm keeps a form on one CoNLL-U column.
func conlluForm(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return ' '
		}
		return r
	}, s)
}

// writeTreeText writes sentence si's tree, each word indented under its
// head.
func writeTreeText(w io.Writer, doc *nlp.Document, si int, t *nlp.Tree) error {
	span := doc.Sentences[si].Span
	fmt.Fprintf(w, "# %s, sentence %d [%d:%d]: %s\n", articleName(doc), si+1, span.Start, span.End,
		strings.Join(strings.Fields(doc.Text()[span.Start:span.End]), " "))
	type item struct{ word, depth int }
	stack := []item{{t.Root(), 0}}
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		tok := t.Token(it.word)
		fmt.Fprintf(w, "%s%s  %s %s [%d:%d]\n", strings.Repeat("  ", it.depth), tok.Text,
			t.UPOS(it.word), t.Rel(it.word), tok.Start, tok.End)
		kids := t.Children(it.word)
		for k := len(kids) - 1; k >= 0; k-- {
			stack = append(stack, item{kids[k], it.depth + 1})
		}
	}
	_, err := fmt.Fprintln(w)
	return err
}
