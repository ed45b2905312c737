package seq

import (
	"context"
	"fmt"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/eval/polnear"
	"github.com/claimtrail/claimtrail/nlp"
)

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
