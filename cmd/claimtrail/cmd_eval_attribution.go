package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/attrib"
	"github.com/claimtrail/claimtrail/attrib/seq"
	"github.com/claimtrail/claimtrail/eval/polnear"
	"github.com/claimtrail/claimtrail/nlp"
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
		Use:   "attribution --polnear SPLIT_DIR [--format text|json] [--predictions DIR] [--extractor seq|rules|combined]",
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
	f.StringVar(&o.extractor, "extractor", "seq", "extractor to score: seq (learned), rules (attrib), combined, or annotators (agreement between two annotators)")
	f.StringVar(&o.model, "model", "", "score this model file instead of the embedded one (seq)")
	return cmd
}

// attribExtractor finds attributions in an analysed document.
type attribExtractor func(doc *nlp.Document) []polnear.Attribution

func newAttribExtractor(o attribEvalOptions) (attribExtractor, error) {
	var m *seq.Model
	var err error
	if o.model != "" {
		data, rerr := os.ReadFile(o.model)
		if rerr != nil {
			return nil, fmt.Errorf("read model: %w", rerr)
		}
		if m, err = seq.Unmarshal(data); err != nil {
			return nil, fmt.Errorf("%s: %w", o.model, err)
		}
	} else if m, err = seq.Default(); err != nil {
		return nil, err
	}
	rules := attrib.New()
	switch o.extractor {
	case "seq":
		return func(doc *nlp.Document) []polnear.Attribution { return seqtrain.ToPolnear(m.Label(doc)) }, nil
	case "rules":
		return func(doc *nlp.Document) []polnear.Attribution { return statementAttributions(rules.Extract(doc)) }, nil
	case "combined":
		return func(doc *nlp.Document) []polnear.Attribution {
			return seqtrain.ToPolnear(seq.Combine(m.Label(doc), rules.Extract(doc)))
		}, nil
	case "annotators":
		return nil, nil // runEvalAttribution reads the second annotation instead
	}
	return nil, fmt.Errorf("eval attribution: --extractor %q: want seq, rules, combined or annotators", o.extractor)
}

// statementAttributions maps the rule-based extractor's attributed
// statements (those with a cue) to attributions.
func statementAttributions(sts []claimtrail.Statement) []polnear.Attribution {
	var out []polnear.Attribution
	for _, st := range sts {
		if st.Cue.Empty() || st.Content.Empty() {
			continue
		}
		a := polnear.Attribution{Cue: polnear.Mention{st.Cue}, Content: polnear.Mention{st.Content}}
		if !st.Source.Empty() {
			a.Source = polnear.Mention{st.Source}
		}
		out = append(out, a)
	}
	return out
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
	// before it.
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
	ctx := cmd.Context()
	extract, err := newAttribExtractor(o)
	if err != nil {
		return err
	}
	arts, err := polnear.ReadSplit(ctx, o.split)
	if err != nil {
		return err
	}
	an, err := nlp.NewAnalyzer()
	if err != nil {
		return err
	}
	if o.predictions != "" {
		if err := os.MkdirAll(o.predictions, 0o755); err != nil {
			return fmt.Errorf("predictions: %w", err)
		}
	}
	bar := attribProgressBar(cmd.ErrOrStderr(), len(arts), "score")
	var (
		total                polnear.Score
		sentences            int
		analysis, extraction time.Duration
	)
	for i := range arts {
		a := &arts[i]
		if extract == nil { // annotators
			if a.SecondAnnotator != "" {
				total.Add(polnear.Compare(a.Text, a.Attributions, a.Second))
				if o.predictions != "" {
					if err := writeAttribPrediction(o.predictions, a, a.Second); err != nil {
						return err
					}
				}
			}
			_ = bar.Add(1)
			continue
		}
		t0 := time.Now()
		doc, err := an.Analyze(ctx, attribArticle(a))
		if err != nil {
			return fmt.Errorf("analyse %s: %w", a.Name, err)
		}
		t1 := time.Now()
		pred := extract(doc)
		extraction += time.Since(t1)
		analysis += t1.Sub(t0)
		sentences += len(doc.Sentences)
		total.Add(polnear.Compare(a.Text, a.Attributions, pred))
		if o.predictions != "" {
			if err := writeAttribPrediction(o.predictions, a, pred); err != nil {
				return err
			}
		}
		_ = bar.Add(1)
	}
	_ = bar.Finish()
	rep := attribReport{
		Extractor:   o.extractor,
		Source:      attribPair(total.Roles[polnear.Source]),
		Cue:         attribPair(total.Roles[polnear.Cue]),
		Content:     attribPair(total.Roles[polnear.Content]),
		Attribution: attribPair(total.Attribution),
		Articles:    total.Articles,
		Sentences:   sentences,
	}
	if extraction > 0 {
		rep.SentencesPerSecond = float64(sentences) / extraction.Seconds()
	}
	if analysis > 0 {
		rep.AnalysisSentencesPerSecond = float64(sentences) / analysis.Seconds()
	}
	w := cmd.OutOrStdout()
	if o.format == "json" {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(rep)
	}
	return writeAttribText(w, rep)
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
	if r.Sentences > 0 {
		fmt.Fprintf(&buf, "\nextraction: %.0f sentences/s; analysis (tokens, tags): %.0f sentences/s\n",
			r.SentencesPerSecond, r.AnalysisSentencesPerSecond)
	}
	_, err := w.Write(buf.Bytes())
	return err
}
