package main

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/load"
	"github.com/claimtrail/claimtrail/pipeline"
	"github.com/claimtrail/claimtrail/render"
	"github.com/claimtrail/claimtrail/stance"
	"github.com/spf13/cobra"
)

func init() { commands = append(commands, newCheckCmd) }

type checkOptions struct {
	format, model, outlet string
	maxBytes              byteSize
}

func newCheckCmd() *cobra.Command {
	var o checkOptions
	cmd := &cobra.Command{
		Use:   "check [--format text|json] CLAIM PATH|DIR ...",
		Short: "Say which articles assert, deny, report or ignore one claim",
		Long: `Say the stance of every article toward one claim: asserts, denies, reports
(covers it without taking a side) or absent, with up to three evidence
sentences (with their byte spans in the article text). The articles' ledger is
built as analyze builds it; when the claim is one of its claims (its wording,
or what the linker matches to it) every article gets the stance analyze gives
it ("ledger"), and off-story articles are said to be off the story. Only
articles the ledger gives no stance are judged by the stance model
("model": asserts = FNC-1 agree, denies = disagree, reports = discuss,
absent = unrelated, with the model's confidence). Articles are sorted by
stance, then by confidence. Inputs are .txt, .html and .jsonl files or folders
of them.`,
		Example: `  claimtrail check "The bridge will reopen in March" articles/
  claimtrail check --format json "The mayor resigned" a.txt b.html`,
		Args: checkArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if o.format != "text" && o.format != "json" {
				return fmt.Errorf("check: unknown --format %q (want text or json)", o.format)
			}
			if strings.TrimSpace(args[0]) == "" {
				return fmt.Errorf("check: the claim is empty")
			}
			return runCheck(cmd, o, args[0], args[1:])
		},
	}
	f := cmd.Flags()
	f.StringVarP(&o.format, "format", "f", "text", "output format: text or json")
	f.StringVar(&o.model, "model", "", "stance model file (default: the embedded model)")
	f.StringVar(&o.outlet, "outlet", "", "outlet name for every article (overrides metadata)")
	addMaxBytesFlag(f, &o.maxBytes)
	return cmd
}

// checkArgs says what is missing when check is not given a claim and at
// least one path.
func checkArgs(cmd *cobra.Command, args []string) error {
	switch len(args) {
	case 0:
		return fmt.Errorf("check needs a CLAIM and at least one PATH or DIR of articles, e.g. claimtrail check \"The bridge will reopen in March\" articles/ (see claimtrail check --help)")
	case 1:
		return fmt.Errorf("check needs at least one PATH or DIR of articles after the claim %q (see claimtrail check --help)", args[0])
	}
	return nil
}

// checkResult is one article's stance toward the claim.
type checkResult struct {
	ID     string            `json:"id"`
	Path   string            `json:"path"`
	Outlet string            `json:"outlet,omitempty"`
	Title  string            `json:"title,omitempty"`
	URL    string            `json:"url,omitempty"`
	Stance claimtrail.Stance `json:"stance"`
	By     string            `json:"by"`              // "ledger", "ledger-model", "off-story", "statements", "model" or "coverage" (pipeline.Answer)
	Label  *stance.Label     `json:"label,omitempty"` // the model's label, when the model was asked
	// Confidence is the measure of the one who chose the stance (By): the
	// best statement match score, the model's probability of the chosen
	// stance (probs[label]), or the share of the claim's words missing.
	Confidence float64            `json:"confidence"`
	Probs      map[string]float64 `json:"probs,omitempty"` // the model's probabilities, when it was asked`
	Evidence   []checkEvidence    `json:"evidence"`
	// SpanBasis says what the evidence spans index, as the ledger's
	// span_basis does (docs/json.md): "file", "extracted" or "text".
	SpanBasis string `json:"span_basis"`
}

// checkEvidence is one evidence sentence with its byte span in the input
// (see checkResult.SpanBasis).
type checkEvidence struct {
	Span [2]int `json:"span"`
	Text string `json:"text"`
}

// checkArticle judges one article with pipeline.Checked.Judge, the judgement the
// web UI's "check a claim" gives too.
func checkArticle(m *stance.Model, claim string, a *claimtrail.Article, c pipeline.Checked) checkResult {
	ans := c.Judge(m, claim)
	r := checkResult{ID: a.ID, Path: a.Path, Outlet: a.Outlet, Title: a.Title, URL: a.URL,
		Stance: ans.Stance, By: ans.By, Confidence: ans.Confidence, Evidence: []checkEvidence{},
		SpanBasis: a.SpanBasis()}
	if ans.Probs != nil {
		label := ans.Label
		r.Label = &label
		r.Probs = map[string]float64{}
		for _, l := range stance.Labels {
			r.Probs[l.String()] = ans.Probs[l]
		}
	}
	for _, sp := range ans.Evidence {
		r.Evidence = append(r.Evidence, evidenceOf(a, sp))
	}
	return r
}

// evidenceOf is a sentence of a as evidence: its text, and its span in
// the input.
func evidenceOf(a *claimtrail.Article, sp claimtrail.Span) checkEvidence {
	in := a.InputSpan(sp)
	return checkEvidence{Span: [2]int{in.Start, in.End}, Text: sp.In(a.Text)}
}

// checkReport is the JSON output of check.
type checkReport struct {
	Claim    string        `json:"claim"`
	Articles []checkResult `json:"articles"`
	Errors   []string      `json:"errors,omitempty"`
}

func runCheck(cmd *cobra.Command, o checkOptions, claim string, paths []string) error {
	ctx := cmd.Context()
	m, err := loadStanceModel(o.model)
	if err != nil {
		return fmt.Errorf("check: %w", err)
	}
	limit, err := maxBytes(cmd.Flags(), &o.maxBytes)
	if err != nil {
		return fmt.Errorf("check: %w", err)
	}
	arts, errs := load.Paths(ctx, paths, load.Options{Outlet: o.outlet, MaxFileSize: limit})
	if err := ctx.Err(); err != nil {
		return err
	}
	stderr := cmd.ErrOrStderr()
	rep := checkReport{Claim: claim, Articles: make([]checkResult, 0, len(arts))}
	errs = warnEmptyFolders(stderr, errs)
	for _, e := range errs {
		fmt.Fprintln(stderr, "claimtrail: check:", render.Terminal(e.Error())+loadHint(e))
		rep.Errors = append(rep.Errors, e.Error())
	}
	if len(arts) == 0 {
		if len(errs) > 0 {
			return errReported
		}
		return fmt.Errorf("check: no articles found in %s", strings.Join(paths, ", "))
	}
	// The ledger is built as analyze builds it, stance model included, so
	// that a claim of it gets analyze's stances.
	pl, err := untilDone(ctx, func() (*pipeline.Pipeline, error) {
		return pipeline.New(pipeline.Options{Judge: pipeline.NewStanceJudge(m)})
	})
	if err != nil {
		return fmt.Errorf("check: %w", err)
	}
	arts, checked, err := pl.Check(ctx, claim, arts)
	if err != nil {
		return fmt.Errorf("check: %w", err)
	}
	for i := range arts {
		if err := ctx.Err(); err != nil {
			return err
		}
		rep.Articles = append(rep.Articles, checkArticle(m, claim, &arts[i], checked[i]))
	}
	rank := map[claimtrail.Stance]int{claimtrail.StanceAsserts: 0, claimtrail.StanceDenies: 1, claimtrail.StanceReports: 2, claimtrail.StanceAbsent: 3}
	sort.SliceStable(rep.Articles, func(i, j int) bool {
		a, b := rep.Articles[i], rep.Articles[j]
		if a.Stance != b.Stance {
			return rank[a.Stance] < rank[b.Stance]
		}
		if byStatements(a.By) != byStatements(b.By) {
			return byStatements(a.By)
		}
		return a.Confidence > b.Confidence
	})
	w := cmd.OutOrStdout()
	if o.format == "json" {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		err = enc.Encode(rep)
	} else {
		err = writeCheckText(w, &rep)
	}
	if err != nil {
		return err
	}
	if len(errs) > 0 {
		return errReported
	}
	return nil
}

func writeCheckText(w io.Writer, rep *checkReport) error {
	var b strings.Builder
	count := map[claimtrail.Stance]int{}
	for _, r := range rep.Articles {
		count[r.Stance]++
	}
	off := 0
	for _, r := range rep.Articles {
		if r.By == "off-story" {
			off++
		}
	}
	fmt.Fprintf(&b, "Claim: %s\n%d article(s): %d asserts, %d denies, %d reports, %d absent",
		rep.Claim, len(rep.Articles), count[claimtrail.StanceAsserts], count[claimtrail.StanceDenies],
		count[claimtrail.StanceReports], count[claimtrail.StanceAbsent])
	if off > 0 {
		fmt.Fprintf(&b, " (%d off the story)", off)
	}
	b.WriteString("\n")
	for _, r := range rep.Articles {
		name := r.Path
		if r.Title != "" {
			name = r.Title
		}
		if r.Outlet != "" {
			name = r.Outlet + ": " + name
		}
		basis := checkBasis(r)
		fmt.Fprintf(&b, "\n%-8s %-10s  %s  %s\n", r.Stance, basis, r.ID, name)
		if r.Path != "" && r.Path != name {
			fmt.Fprintf(&b, "                     %s\n", r.Path)
		}
		for _, e := range r.Evidence {
			fmt.Fprintf(&b, "    [%d:%d] %s\n", e.Span[0], e.Span[1], checkClip(checkOneLine(e.Text), 160))
		}
	}
	// Titles, paths and evidence come from the articles: no terminal
	// escapes reach the terminal.
	_, err := io.WriteString(w, render.Terminal(b.String()))
	return err
}

// checkBasis says, in the text view, who chose an article's stance and how
// surely: "ledger" (the stance analyze gives), "ledger 74%" (the ledger's
// stance from the stance model), "off-story", "statements", "model 81%" (the probability of the chosen
// stance), "no match" (the claim's words are missing from the article).
func checkBasis(r checkResult) string {
	switch r.By {
	case "statements", "ledger", "off-story":
		return r.By
	case "ledger-model":
		return fmt.Sprintf("ledger %3.0f%%", 100*r.Confidence)
	case "coverage":
		return "no match"
	}
	return fmt.Sprintf("model %3.0f%%", 100*r.Confidence)
}

// byStatements reports whether a stance was chosen by the articles' own
// statements (the ledger's or the matching ones) rather than by a model:
// those come first among articles of one stance.
func byStatements(by string) bool { return by == "statements" || by == "ledger" }

// checkOneLine folds runs of white space into single spaces.
func checkOneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// checkClip shortens s to at most n bytes on a rune boundary, marking the cut.
func checkClip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && s[n]&0xC0 == 0x80 {
		n--
	}
	return s[:n] + "…"
}
