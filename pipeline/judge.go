package pipeline

import (
	"strings"
	"sync"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/nlp"
	"github.com/claimtrail/claimtrail/stance"
)

// StanceJudge adapts the trained stance model to story.Judge. It is used
// only where an article has no statement about a claim, and it answers only
// when the model is confident and its best evidence sentence carries most of
// the claim's content words: the model was trained on headline and body
// pairs about one topic, and an article of the same story tends to look
// "related" to every claim of it.
type StanceJudge struct {
	Model *stance.Model
	// MinConfidence is the least probability of the predicted label.
	MinConfidence float64
	// MinCoverage is the least share of the claim's content words found in
	// the best evidence sentence.
	MinCoverage float64

	mu     sync.Mutex
	bodies map[*claimtrail.Article]*stance.Body
}

// NewStanceJudge returns a judge over m with claimtrail's default bars.
func NewStanceJudge(m *stance.Model) *StanceJudge {
	return &StanceJudge{Model: m, MinConfidence: 0.8, MinCoverage: 0.6}
}

// Judge gives the model's stance of art toward claim, with evidence.
func (j *StanceJudge) Judge(claim string, art *claimtrail.Article) (claimtrail.Judgement, bool) {
	p := j.Model.PredictPrepared(claim, j.body(art))
	if p.Label == stance.Unrelated || p.Confidence < j.MinConfidence || len(p.Evidence) == 0 {
		return claimtrail.Judgement{}, false
	}
	if Coverage(claim, p.Evidence[0].In(art.Text)) < j.MinCoverage {
		return claimtrail.Judgement{}, false
	}
	return claimtrail.Judgement{Stance: p.Label.Stance(), Confidence: p.Confidence, Evidence: p.Evidence}, true
}

// body prepares each article once for all the claims it is judged on.
func (j *StanceJudge) body(art *claimtrail.Article) *stance.Body {
	j.mu.Lock()
	defer j.mu.Unlock()
	if j.bodies == nil {
		j.bodies = map[*claimtrail.Article]*stance.Body{}
	}
	b, ok := j.bodies[art]
	if !ok {
		b = j.Model.PrepareBody(art.Text)
		j.bodies[art] = b
	}
	return b
}

// Coverage is the share of the claim's content terms (nlp.ContentTerms:
// words of four bytes or more) found within the sentence's words, whole or
// as part of one ("troop" within "troops").
func Coverage(claim, sentence string) float64 {
	words := nlp.Terms(claim, nlp.ContentTerms)
	if len(words) == 0 {
		return 0
	}
	within := " " + strings.Join(nlp.Forms(sentence), " ") + " "
	found := 0
	for _, w := range words {
		if strings.Contains(within, w) {
			found++
		}
	}
	return float64(found) / float64(len(words))
}
