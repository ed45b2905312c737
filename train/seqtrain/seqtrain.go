// Package seqtrain trains and scores the learned attribution labeller
// (attrib/seq) on the PolNeAR corpus. It is the only bridge between the
// labeller and the corpus reader (eval/polnear), so that the labeller the
// analysis runs imports no corpus code; `claimtrail train attribution` and
// `claimtrail eval attribution` use it.
package seqtrain

import (
	"context"
	"fmt"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/attrib/seq"
	"github.com/claimtrail/claimtrail/eval/polnear"
	"github.com/claimtrail/claimtrail/nlp"
)

// Sample is one analysed corpus article with its annotated attributions.
type Sample struct {
	Doc  *nlp.Document
	Gold []polnear.Attribution
}

// Samples analyses corpus articles into training or evaluation samples. The
// optional progress callback is called after each article.
func Samples(ctx context.Context, an *nlp.Analyzer, arts []polnear.Article, progress func()) ([]Sample, error) {
	out := make([]Sample, 0, len(arts))
	for i := range arts {
		art := &claimtrail.Article{ID: arts[i].Name, Text: arts[i].Text, Path: arts[i].Name + ".txt"}
		doc, err := an.Analyze(ctx, art)
		if err != nil {
			return nil, fmt.Errorf("analyse %s: %w", arts[i].Name, err)
		}
		out = append(out, Sample{Doc: doc, Gold: arts[i].Attributions})
		if progress != nil {
			progress()
		}
	}
	return out, nil
}

// EpochReport is the dev-set score of the averaged weights after an epoch.
// The last report, with Epoch 0, scores the kept epoch after its per-role
// score offsets were tuned on dev.
type EpochReport struct {
	Epoch int
	Dev   polnear.Score
}

// Train fits a labeller on the training samples with seq.Train, keeping the
// epoch and per-role offsets that rank best on dev (the sum of the three
// roles' overlap F1 and exact content F1). opt.Dev is set by Train.
func Train(ctx context.Context, train, dev []Sample, opt seq.TrainOptions) (*seq.Model, []EpochReport, error) {
	var reports []EpochReport
	opt.Dev = func(epoch int, pred [][]seq.Attribution) float64 {
		var total polnear.Score
		for i, s := range dev {
			total.Add(polnear.Compare(s.Doc.Article.Text, s.Gold, ToPolnear(pred[i])))
		}
		if epoch >= 0 {
			reports = append(reports, EpochReport{Epoch: epoch, Dev: total})
		}
		return Rank(total)
	}
	m, err := seq.Train(ctx, seqSamples(train), seqSamples(dev), opt)
	if err != nil {
		return nil, nil, err
	}
	return m, reports, nil
}

// Rank is the figure Train maximises on dev.
func Rank(s polnear.Score) float64 {
	r := s.Roles[polnear.Content].Exact.PRF().F1
	for _, role := range polnear.Roles {
		r += s.Roles[role].Overlap.PRF().F1
	}
	return r
}

// seqSamples gives the samples' gold in the labeller's form.
func seqSamples(samples []Sample) []seq.Sample {
	out := make([]seq.Sample, len(samples))
	for i, s := range samples {
		out[i] = seq.Sample{Doc: s.Doc, Gold: Gold(s.Gold)}
	}
	return out
}

// Gold converts corpus attributions to the labeller's gold form.
func Gold(atts []polnear.Attribution) []seq.Gold {
	out := make([]seq.Gold, len(atts))
	for i, a := range atts {
		out[i] = seq.Gold{Source: a.Source, Cue: a.Cue, Content: a.Content}
	}
	return out
}

// ToPolnear converts attributions to the corpus package's form for scoring
// and writing.
func ToPolnear(atts []seq.Attribution) []polnear.Attribution {
	out := make([]polnear.Attribution, 0, len(atts))
	for _, a := range atts {
		g := a.AsGold()
		out = append(out, polnear.Attribution{Source: g.Source, Cue: g.Cue, Content: g.Content})
	}
	return out
}
