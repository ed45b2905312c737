package pipeline

import (
	"context"
	"math"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/link"
	"github.com/claimtrail/claimtrail/nlp"
	"github.com/claimtrail/claimtrail/stance"
	"github.com/claimtrail/claimtrail/story"
)

// Checked is one article's statements about a claim given by the user.
type Checked struct {
	Article *claimtrail.Article
	// Stance is the article's stance from its statements; absent when it
	// has none about the claim (a stance model may then say more).
	Stance  claimtrail.Stance
	Matches []link.Match
}

// Check finds, in each article, the statements that assert or deny claim,
// with the same extraction and linking as a ledger, and the stance they
// give the article. Articles without an ID are numbered as in Ledger.
func (p *Pipeline) Check(ctx context.Context, claim string, articles []claimtrail.Article) ([]claimtrail.Article, []Checked, error) {
	arts, analyses, err := p.AnalyzeAll(ctx, articles)
	if err != nil {
		return nil, nil, err
	}
	claimArt := &claimtrail.Article{ID: "claim", Outlet: "claim", Text: claim}
	claimDoc, err := p.analyzer.Analyze(ctx, claimArt)
	if err != nil {
		return nil, nil, err
	}
	claimSt := claimtrail.Statement{
		Article: claimArt.ID, Content: claimtrail.Span{Start: 0, End: len(claim)},
		Polarity: claimtrail.Asserts, Chain: []claimtrail.Source{{Name: "claim", Kind: claimtrail.KindDocument}},
	}
	docs := map[string]*nlp.Document{}
	var stmts []claimtrail.Statement
	for i, an := range analyses {
		docs[arts[i].ID] = an.Doc
		stmts = append(stmts, an.Statements...)
	}
	byArticle := map[string][]link.Match{}
	for _, m := range p.linker.Related(claimDoc, &claimSt, docs, stmts) {
		byArticle[m.Statement.Article] = append(byArticle[m.Statement.Article], m)
	}
	out := make([]Checked, len(arts))
	for i := range arts {
		c := Checked{Article: &arts[i], Stance: claimtrail.StanceAbsent, Matches: byArticle[arts[i].ID]}
		if len(c.Matches) > 0 {
			sts := make([]*claimtrail.Statement, len(c.Matches))
			for k := range c.Matches {
				sts[k] = c.Matches[k].Statement
			}
			c.Stance = story.StanceFrom(sts)
		}
		out[i] = c
	}
	return arts, out, nil
}

// Answer is one article's stance on a checked claim, as `check` and the web
// UI's "check a claim" give it. By says who chose the stance, and
// Confidence is that chooser's measure of it:
//
//   - "statements": the article's own statements about the claim decide;
//     Confidence is the best match score of a statement to the claim (0–1,
//     not a probability), and there are no Probs.
//   - "model": the stance model decides; Stance is Label's stance and
//     Confidence is Probs[Label], the probability of the chosen stance.
//   - "coverage": the model found the article on the topic (Label, Probs)
//     but no sentence of it carries half the claim's content words, so it
//     does not address the claim and is absent; Confidence is the share of
//     the claim's words its best sentence lacks. (This answer once gave
//     Probs[unrelated] as confidence with label "unrelated": "absent, 0 %"
//     beside probabilities that said agree 94 %.)
type Answer struct {
	Stance     claimtrail.Stance
	By         string
	Label      stance.Label // the model's label; meaningful only when By is "model" or "coverage"
	Confidence float64
	Probs      *[4]float64 // the model's probabilities by label; nil when By is "statements"
	Evidence   []claimtrail.Span
}

// Judge judges one checked article: by its statements about the claim when
// it has any (the same reading as analyze), else by the stance model m,
// which speaks only when a sentence of the article carries half the claim's
// words. An article the model finds on the topic but not on the claim is
// absent by coverage (Answer).
func (c Checked) Judge(m *stance.Model, claim string) Answer {
	a := c.Article
	if len(c.Matches) > 0 {
		r := Answer{Stance: c.Stance, By: "statements"}
		seen := map[claimtrail.Span]bool{}
		for _, mt := range c.Matches {
			r.Confidence = max(r.Confidence, mt.Score)
			if sp := mt.Statement.Sentence; !seen[sp] && len(r.Evidence) < 3 {
				seen[sp] = true
				r.Evidence = append(r.Evidence, sp)
			}
		}
		r.Confidence = math.Min(1, math.Round(r.Confidence*1000)/1000)
		return r
	}
	p := m.Predict(claim, a.Text)
	probs := p.Probs
	r := Answer{Stance: p.Label.Stance(), By: "model", Label: p.Label, Confidence: p.Probs[p.Label], Probs: &probs}
	if p.Label == stance.Unrelated {
		return r
	}
	cov := 0.0
	if len(p.Evidence) > 0 {
		cov = Coverage(claim, p.Evidence[0].In(a.Text))
	}
	if cov < 0.5 {
		// The model finds the article on the story's topic, but no sentence
		// of it carries the claim's words: it does not address the claim.
		r.Stance, r.By, r.Confidence = claimtrail.StanceAbsent, "coverage", math.Round((1-cov)*1000)/1000
		return r
	}
	r.Evidence = p.Evidence
	return r
}
