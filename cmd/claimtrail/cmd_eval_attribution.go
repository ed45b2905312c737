package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/attrib"
	"github.com/claimtrail/claimtrail/attrib/seq"
	"github.com/claimtrail/claimtrail/eval/polnear"
	"github.com/claimtrail/claimtrail/nlp"
	"github.com/claimtrail/claimtrail/pipeline"
	"github.com/claimtrail/claimtrail/train/seqtrain"
	"github.com/spf13/cobra"
)

func init() { evalCommands = append(evalCommands, newEvalAttributionCmd) }

// attribEvalOptions are the flags of `eval attribution`.
type attribEvalOptions struct {
	split       string
	format      string
	predictions string
	extractor   string
	model       string
}

func newEvalAttributionCmd() *cobra.Command {
	var o attribEvalOptions
	cmd := &cobra.Command{
		Use:   "attribution --polnear SPLIT_DIR [--format text|json] [--predictions DIR] [--extractor shipped|statements|rules|frames|patterns|seq|unexplained|rules-first|labeller-first|labeller-spans|labeller-cues|phrases|model-first|annotators]",
		Short: "Score attribution extraction (source, cue, content) on a PolNeAR split",
		Long: `Score attribution extraction on a PolNeAR split: a directory holding text/
and attributions/, for example ../shared/data/polnear/dev.

Precision, recall and F1 are printed for source, cue and content spans and for
whole attributions, each exact and by overlap. Both compare spans as sets of
tokens (runs of letters and digits, and single punctuation marks): exact means
the same tokens; overlap means the two spans share at least half of the longer
span's tokens. Matching is one-to-one per role. An attribution matches when
its cue, content and source all match (an absent source matches only an absent
source). See docs/attribution.md.

--predictions DIR writes NAME.txt and NAME.ann per article, brat standoff
with character offsets, as in the corpus, so the output can be scored or
viewed independently.

--extractor picks what is scored. The default, shipped, is exactly what analyze,
check, ingest, serve, worker and export run (pipeline.Pipeline.Analyze): the
rules and the trained labeller merged by attrib.ShippedCombination; its
statements with a cue become attributions, and so do the attributions it
reports beside the ledger (the labeller's plans, questions, noun-phrase
contents, unresolved sources, attributions nested in a statement:
pipeline.Analysis.Attributions), since analyze shows both. analyze calls it "combined", which is accepted too. statements is
the same pipeline scoring its statements alone, what the ledger reads. unexplained, rules-first, labeller-first, labeller-spans,
labeller-cues and phrases are the same pipeline merging by another
attrib.Combination (docs/attribution.md compares them). rules is the rules alone (analyze --extractor rules); frames and patterns
are the rules reading cues through the reporting frames on dependency trees
alone, or through the word-order patterns alone; seq (or labeller)
the trained labeller alone; model-first every labeller attribution plus the
rule statements that overlap none (seq.Combine).

--extractor annotators scores people instead of a program: on the articles two
annotators annotated, the second's attributions against the first's (annotator
IDs in name order). It is the ceiling the corpus itself sets.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if o.split == "" {
				return fmt.Errorf("eval attribution: --polnear SPLIT_DIR is required")
			}
			if o.format != "text" && o.format != "json" {
				return fmt.Errorf("eval attribution: --format %q: want text or json", o.format)
			}
			return runEvalAttribution(cmd, o)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.split, "polnear", "", "PolNeAR split directory (with text/ and attributions/)")
	f.StringVar(&o.format, "format", "text", "output format: text or json")
	f.StringVar(&o.predictions, "predictions", "", "write predicted brat .ann files to this directory")
	f.StringVar(&o.extractor, "extractor", extractorShipped, "extractor to score: shipped (what analyze runs; also \"combined\"), statements (shipped, its ledger statements alone), rules (as analyze --extractor rules), frames or patterns (the rules reading cues through the tree frames alone or the word-order patterns alone), seq (the labeller alone), unexplained, rules-first, labeller-first, labeller-spans, labeller-cues or phrases (the pipeline with that attrib.Combination), model-first (seq.Combine) or annotators (agreement between two annotators)")
	f.StringVar(&o.model, "model", "", "use this labeller model file instead of the embedded one (shipped, seq, model-first)")
	return cmd
}

// Extractors `eval attribution` can score.
const (
	// extractorShipped is what analyze, check, ingest, serve, worker and
	// export run: the rules, then the labeller on what they leave
	// (pipeline.New with default options). analyze calls it "combined".
	extractorShipped = "shipped"
	// extractorStatements is the shipped pipeline's statements alone,
	// without the attributions it reports beside them: what the ledger
	// reads.
	extractorStatements = "statements"
	// extractorRules is the rules alone, as `analyze --extractor rules`
	// runs them.
	extractorRules = "rules"
	// extractorFrames is the rules reading cues through the reporting
	// frames alone, with no labeller.
	extractorFrames = "frames"
	// extractorPatterns is the rules reading cues through the word-order
	// patterns alone (the rules before the frames), with no labeller.
	extractorPatterns = "patterns"
	// extractorSeq is the trained labeller alone.
	extractorSeq = "seq"
	// extractorModelFirst is seq.Combine: every labeller attribution, plus
	// the rule statements that overlap none.
	extractorModelFirst = "model-first"
	// extractorAnnotators scores PolNeAR's second annotators against its
	// first.
	extractorAnnotators = "annotators"
)

// extractorAliases map other accepted names to the extractors above.
var extractorAliases = map[string]string{"combined": extractorShipped, "labeller": extractorSeq}

// attribExtractor analyses an article and finds its attributions. When
// extract is nil, analyze finds them too (the pipeline extractors, whose
// analysis and extraction are one call, pipeline.Pipeline.Analyze).
type attribExtractor struct {
	analyze func(ctx context.Context, art *claimtrail.Article) (*nlp.Document, []polnear.Attribution, error)
	extract func(doc *nlp.Document) []polnear.Attribution
}

// attribModel returns the --model file's labeller, or nil for the embedded
// one.
func attribModel(path string) (*seq.Model, error) {
	if path == "" {
		return nil, nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read model: %w", err)
	}
	m, err := seq.Unmarshal(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return m, nil
}

// newAttribExtractor returns the extractor named by --extractor; nil for
// annotators.
func newAttribExtractor(o attribEvalOptions) (*attribExtractor, error) {
	name := canonicalExtractor(o.extractor)
	m, err := attribModel(o.model)
	if err != nil {
		return nil, err
	}
	comb, isComb := attrib.ParseCombination(name)
	switch {
	case name == extractorShipped || name == extractorStatements || name == extractorRules || name == extractorFrames || name == extractorPatterns || isComb:
		opts := pipeline.Options{Learned: m, RulesOnly: name == extractorRules || name == extractorFrames || name == extractorPatterns, Combination: comb}
		switch name {
		case extractorFrames:
			opts.Cues = attrib.FramesOnly
		case extractorPatterns:
			opts.Cues = attrib.PatternsOnly
		}
		p, err := pipeline.New(opts)
		if err != nil {
			return nil, err
		}
		return pipelineExtractor(p, name == extractorStatements), nil
	case name == extractorAnnotators:
		return nil, nil // runEvalAttribution reads the second annotation instead
	case name == extractorSeq || name == extractorModelFirst:
	default:
		return nil, fmt.Errorf("eval attribution: --extractor %q: want shipped, statements, rules, frames, patterns, seq, %s, model-first or annotators", o.extractor, combinationList())
	}
	if m == nil {
		if m, err = seq.Default(); err != nil {
			return nil, err
		}
	}
	an, err := nlp.NewAnalyzer()
	if err != nil {
		return nil, err
	}
	x := &attribExtractor{analyze: func(ctx context.Context, art *claimtrail.Article) (*nlp.Document, []polnear.Attribution, error) {
		doc, err := an.Analyze(ctx, art)
		return doc, nil, err
	}}
	rules := attrib.New()
	x.extract = func(doc *nlp.Document) []polnear.Attribution { return seqtrain.ToPolnear(m.Label(doc)) }
	if name == extractorModelFirst {
		x.extract = func(doc *nlp.Document) []polnear.Attribution {
			return seqtrain.ToPolnear(seq.Combine(m.Label(doc), rules.Extract(doc)))
		}
	}
	return x, nil
}

// combinationList names the combinations of the rules and the labeller
// --extractor accepts (attrib.Combinations).
func combinationList() string {
	var names []string
	for _, c := range attrib.Combinations() {
		names = append(names, c.String())
	}
	return strings.Join(names, ", ")
}

// canonicalExtractor resolves an --extractor alias.
func canonicalExtractor(name string) string {
	if c, ok := extractorAliases[name]; ok {
		return c
	}
	return name
}

// pipelineExtractor scores what p.Analyze finds, the very call analyze
// makes for each article, so the figures cannot drift from what users get:
// its statements with a cue and, unless statementsOnly, the attributions
// it reports beside them (analyze shows both as attributions; the ledger
// reads only the statements).
func pipelineExtractor(p *pipeline.Pipeline, statementsOnly bool) *attribExtractor {
	return &attribExtractor{analyze: func(ctx context.Context, art *claimtrail.Article) (*nlp.Document, []polnear.Attribution, error) {
		an, err := p.Analyze(ctx, art)
		if err != nil {
			return nil, nil, err
		}
		out := statementAttributions(art.Text, an.Statements)
		if !statementsOnly {
			out = append(out, otherAttributions(an.Attributions)...)
		}
		return an.Doc, out, nil
	}}
}

// otherAttributions maps the attributions the pipeline reports beside its
// statements (pipeline.Analysis.Attributions: plans, questions, noun-phrase
// contents, unresolved sources) to PolNeAR attributions: analyze reports
// them as attributions, so they are scored as such. Their spans are the
// labeller's, already at PolNeAR's boundaries; a discontinuous content is
// scored by its fragments.
func otherAttributions(atts []claimtrail.Attribution) []polnear.Attribution {
	out := make([]polnear.Attribution, 0, len(atts))
	for _, a := range atts {
		p := polnear.Attribution{Cue: polnear.Mention{a.Cue}, Content: polnear.Mention{a.Content}}
		if len(a.Parts) > 0 {
			p.Content = polnear.Mention(slices.Clone(a.Parts))
		}
		if !a.Source.Empty() {
			p.Source = polnear.Mention{a.Source}
		}
		out = append(out, p)
	}
	return out
}

// statementAttributions maps the pipeline's attributed statements (those
// with a cue) to attributions, one per act of attribution. A statement
// the labeller marks (Statement.Marked) is its marking, once for all the
// statements that share it: that is the act as analyze reports it, in
// the annotators' boundaries. Otherwise the statements that share a cue
// span are one act ("“It is over,” she said. “The money is gone.”": the
// rules give one statement, hence one ledger claim, per quotation), so
// their contents become the fragments of one content, as PolNeAR marks a
// speaker's quotations around one cue.
func statementAttributions(text string, sts []claimtrail.Statement) []polnear.Attribution {
	var out []polnear.Attribution
	byCue := map[claimtrail.Span]int{}
	marked := map[claimtrail.Span]bool{}
	for _, st := range sts {
		if st.Cue.Empty() || st.Content.Empty() {
			continue
		}
		if m := st.Marked; !m.Empty() {
			if !marked[m.Cue] {
				marked[m.Cue] = true
				out = append(out, markedAttribution(m))
			}
			continue
		}
		content := polnearContent(text, st.Content)
		if i, ok := byCue[st.Cue]; ok {
			a := &out[i]
			a.Content = append(a.Content, content)
			sort.Slice(a.Content, func(x, y int) bool { return a.Content[x].Start < a.Content[y].Start })
			if a.Source == nil && !st.Source.Empty() {
				a.Source = polnear.Mention{st.Source}
			}
			continue
		}
		a := polnear.Attribution{Cue: polnear.Mention{st.Cue}, Content: polnear.Mention{content}}
		if !st.Source.Empty() {
			a.Source = polnear.Mention{st.Source}
		}
		byCue[st.Cue] = len(out)
		out = append(out, a)
	}
	for i := range out {
		out[i].Content = joinFragments(text, out[i].Content)
	}
	return out
}

// joinFragments joins neighbouring fragments of a content when only the
// end of a sentence (its mark, closing quotation marks, spaces) lies
// between them: the contents of one speaker's
// statements in consecutive sentences ("… so dangerous. You walk down the
// street …") are one stretch of text to PolNeAR, the full stop between
// them included, where each statement leaves out its own. PolNeAR train
// holds 49 contents split by punctuation alone against 2,844 split by
// their own source and cue.
func joinFragments(text string, m polnear.Mention) polnear.Mention {
	if len(m) < 2 {
		return m
	}
	out := polnear.Mention{m[0]}
	for _, f := range m[1:] {
		last := &out[len(out)-1]
		if gap := text[max(last.End, 0):max(f.Start, last.End)]; f.Start >= last.End && !strings.ContainsFunc(gap, isWordRune) && strings.ContainsAny(gap, ".?!") {
			last.End = max(last.End, f.End)
			continue
		}
		out = append(out, f)
	}
	return out
}

// isWordRune reports whether r is a letter or digit.
func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// polnearContent widens a statement's content to PolNeAR's boundaries:
// the statement holds the proposition alone, PolNeAR's content also the
// quotation marks around it, the closing one with the punctuation inside
// it (“It is over.”; the end of a quotation of several sentences), and
// the "that" that opens a complement ("said that it is over"). Only the
// words and marks touching the content are taken.
func polnearContent(text string, c claimtrail.Span) claimtrail.Span {
	if c.End > len(text) || c.Start < 0 {
		return c
	}
	if r, n := utf8.DecodeLastRuneInString(text[:c.Start]); openingQuote(r) {
		c.Start -= n
	}
	if lo := strings.TrimRight(text[:c.Start], " "); len(lo) < c.Start && strings.HasSuffix(strings.ToLower(lo), "that") &&
		(len(lo) == 4 || !isWordByte(lo[len(lo)-5])) {
		c.Start = len(lo) - 4
	}
	end := c.End
	if end < len(text) && strings.ContainsRune(".,?!", rune(text[end])) {
		end++
	}
	if r, n := utf8.DecodeRuneInString(text[end:]); closingQuote(r) {
		c.End = end + n
	}
	return c
}

// openingQuote and closingQuote are the quotation marks that open and
// close a quotation, straight ones either way.
func openingQuote(r rune) bool { return r == '“' || r == '"' || r == '‘' }
func closingQuote(r rune) bool { return r == '”' || r == '"' || r == '’' }

// isWordByte reports whether b is an ASCII letter or digit.
func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
}

// attribReport is the JSON form of an evaluation.
type attribReport struct {
	Extractor   string          `json:"extractor"`
	Source      attribRoleScore `json:"source"`
	Cue         attribRoleScore `json:"cue"`
	Content     attribRoleScore `json:"content"`
	Attribution attribRoleScore `json:"attribution"`
	Articles    int             `json:"articles"`
	Sentences   int             `json:"sentences"`
	// SentencesPerSecond is the extraction speed on analysed documents;
	// AnalysisSentencesPerSecond that of the analysis (tokens, tags)
	// before it. For the shipped and rules extractors, whose analysis and
	// extraction are one call, SentencesPerSecond covers both and
	// AnalysisSentencesPerSecond is 0.
	SentencesPerSecond         float64 `json:"sentences_per_second"`
	AnalysisSentencesPerSecond float64 `json:"analysis_sentences_per_second"`
}

type attribRoleScore struct {
	Exact   polnear.PRF `json:"exact"`
	Overlap polnear.PRF `json:"overlap"`
}

func attribPair(p polnear.Pair) attribRoleScore {
	return attribRoleScore{Exact: p.Exact.PRF(), Overlap: p.Overlap.PRF()}
}

func runEvalAttribution(cmd *cobra.Command, o attribEvalOptions) error {
	rep, err := measureAttribution(cmd.Context(), o, cmd.ErrOrStderr())
	if err != nil {
		return err
	}
	w := cmd.OutOrStdout()
	if o.format == "json" {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(rep)
	}
	return writeAttribText(w, rep)
}

// attribTally accumulates an evaluation.
type attribTally struct {
	total                polnear.Score
	sentences            int
	analysis, extraction time.Duration
}

// measureAttribution scores the extractor o names on the PolNeAR split
// o.split, writing predictions when o.predictions is set; a progress bar
// goes to progress when it is a terminal.
func measureAttribution(ctx context.Context, o attribEvalOptions, progress io.Writer) (attribReport, error) {
	t, err := tallyAttribution(ctx, o, progress)
	if err != nil {
		return attribReport{}, err
	}
	return t.report(canonicalExtractor(o.extractor)), nil
}

// tallyAttribution is measureAttribution before the figures are computed.
func tallyAttribution(ctx context.Context, o attribEvalOptions, progress io.Writer) (*attribTally, error) {
	x, err := newAttribExtractor(o)
	if err != nil {
		return nil, err
	}
	arts, err := polnear.ReadSplit(ctx, o.split)
	if err != nil {
		return nil, err
	}
	if o.predictions != "" {
		if err := os.MkdirAll(o.predictions, 0o755); err != nil {
			return nil, fmt.Errorf("predictions: %w", err)
		}
	}
	bar := attribProgressBar(progress, len(arts), "score")
	t := &attribTally{}
	for i := range arts {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		a := &arts[i]
		pred, scored, err := t.article(ctx, x, a)
		if err != nil {
			return nil, err
		}
		if scored && o.predictions != "" {
			if err := writeAttribPrediction(o.predictions, a, pred); err != nil {
				return nil, err
			}
		}
		_ = bar.Add(1)
	}
	_ = bar.Finish()
	return t, nil
}

// report computes the figures of a tally.
func (t *attribTally) report(extractor string) attribReport {
	rep := attribReport{
		Extractor:   extractor,
		Source:      attribPair(t.total.Roles[polnear.Source]),
		Cue:         attribPair(t.total.Roles[polnear.Cue]),
		Content:     attribPair(t.total.Roles[polnear.Content]),
		Attribution: attribPair(t.total.Attribution),
		Articles:    t.total.Articles,
		Sentences:   t.sentences,
	}
	if t.extraction > 0 {
		rep.SentencesPerSecond = float64(t.sentences) / t.extraction.Seconds()
	}
	if t.analysis > 0 {
		rep.AnalysisSentencesPerSecond = float64(t.sentences) / t.analysis.Seconds()
	}
	return rep
}

// article scores one article: x's attributions, or with x nil the second
// annotator's (on the articles that have one). It returns what it scored.
func (t *attribTally) article(ctx context.Context, x *attribExtractor, a *polnear.Article) ([]polnear.Attribution, bool, error) {
	if x == nil {
		if a.SecondAnnotator == "" {
			return nil, false, nil
		}
		t.total.Add(polnear.Compare(a.Text, a.Attributions, a.Second))
		return a.Second, true, nil
	}
	t0 := time.Now()
	doc, pred, err := x.analyze(ctx, attribArticle(a))
	if err != nil {
		return nil, false, fmt.Errorf("analyse %s: %w", a.Name, err)
	}
	if x.extract == nil {
		t.extraction += time.Since(t0)
	} else {
		t1 := time.Now()
		pred = x.extract(doc)
		t.extraction += time.Since(t1)
		t.analysis += t1.Sub(t0)
	}
	t.sentences += len(doc.Sentences)
	t.total.Add(polnear.Compare(a.Text, a.Attributions, pred))
	return pred, true, nil
}

func attribArticle(a *polnear.Article) *claimtrail.Article {
	return &claimtrail.Article{ID: a.Name, Text: a.Text, Path: a.Name + ".txt"}
}

func writeAttribPrediction(dir string, a *polnear.Article, pred []polnear.Attribution) error {
	var buf bytes.Buffer
	if err := polnear.WriteAnn(&buf, a.Text, pred); err != nil {
		return fmt.Errorf("predictions for %s: %w", a.Name, err)
	}
	if err := os.WriteFile(filepath.Join(dir, a.Name+".ann"), buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("predictions: %w", err)
	}
	if err := os.WriteFile(filepath.Join(dir, a.Name+".txt"), []byte(a.Text), 0o644); err != nil {
		return fmt.Errorf("predictions: %w", err)
	}
	return nil
}

func writeAttribText(w io.Writer, r attribReport) error {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "extractor %s: %d articles, %d sentences\n\n", r.Extractor, r.Articles, r.Sentences)
	fmt.Fprintf(&buf, "%-12s %23s   %23s\n", "", "exact", "overlap (half of longer)")
	fmt.Fprintf(&buf, "%-12s %7s %7s %7s   %7s %7s %7s\n", "", "P", "R", "F1", "P", "R", "F1")
	for _, row := range []struct {
		name string
		s    attribRoleScore
	}{{"source", r.Source}, {"cue", r.Cue}, {"content", r.Content}, {"attribution", r.Attribution}} {
		fmt.Fprintf(&buf, "%-12s %7.3f %7.3f %7.3f   %7.3f %7.3f %7.3f\n", row.name,
			row.s.Exact.P, row.s.Exact.R, row.s.Exact.F1, row.s.Overlap.P, row.s.Overlap.R, row.s.Overlap.F1)
	}
	switch {
	case r.Sentences > 0 && r.AnalysisSentencesPerSecond > 0:
		fmt.Fprintf(&buf, "\nextraction: %.0f sentences/s; analysis (tokens, tags): %.0f sentences/s\n",
			r.SentencesPerSecond, r.AnalysisSentencesPerSecond)
	case r.Sentences > 0:
		fmt.Fprintf(&buf, "\nanalysis and extraction (pipeline.Analyze): %.0f sentences/s\n", r.SentencesPerSecond)
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// markedAttribution is a statement's marking (Statement.Marked) as an
// attribution.
func markedAttribution(m claimtrail.Marking) polnear.Attribution {
	a := polnear.Attribution{Cue: polnear.Mention{m.Cue}, Content: polnear.Mention(slices.Clone(m.Content))}
	if !m.Source.Empty() {
		a.Source = polnear.Mention{m.Source}
	}
	return a
}
