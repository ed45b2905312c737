package pipeline

import (
	"context"
	"math"
	"strings"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/link"
	"github.com/claimtrail/claimtrail/nlp"
	"github.com/claimtrail/claimtrail/stance"
	"github.com/claimtrail/claimtrail/story"
)

// Checked is one article's reading of a claim given by the user.
type Checked struct {
	Article *claimtrail.Article
	// Stance is the article's stance: the ledger's, when the claim is one
	// of the ledger's (Claim) and the ledger gives the article a stance;
	// else from the article's own statements matching the claim; absent
	// when it has none (a stance model may then say more).
	Stance  claimtrail.Stance
	Matches []link.Match
	// Claim is the ledger claim the checked text matches, nil when it
	// matches none; ClaimScore is the linker's score of that match (1
	// when the text is the claim's own wording).
	Claim      *claimtrail.Claim
	ClaimScore float64
	// OffStory is set when the ledger found the article off the story, as
	// analyze reports it: it takes no stance on any of its claims.
	OffStory bool
}

// Check reads claim in each article as analyze would: it builds the
// articles' ledger, finds the ledger claim the text matches (by the
// linker's own matching, Linker.Related) and gives each article that
// claim's stance, so `check` on a claim's wording answers what `analyze`
// says of it. Articles the ledger gives no stance keep the statements that
// match the claim (they may then be judged by a stance model, Judge), and
// off-story articles are marked so. Articles without an ID are numbered
// as in Ledger.
func (p *Pipeline) Check(ctx context.Context, claim string, articles []claimtrail.Article) ([]claimtrail.Article, []Checked, error) {
	arts, analyses, err := p.AnalyzeAll(ctx, articles)
	if err != nil {
		return nil, nil, err
	}
	matches, err := p.related(ctx, claim, arts, analyses)
	if err != nil {
		return nil, nil, err
	}
	l, err := p.Build(ctx, arts, analyses)
	if err != nil {
		return nil, nil, err
	}
	lc, score := ledgerClaim(l, claim, matches)
	byArticle := map[string][]link.Match{}
	for _, m := range matches {
		byArticle[m.Statement.Article] = append(byArticle[m.Statement.Article], m)
	}
	out := make([]Checked, len(arts))
	for i := range arts {
		id := arts[i].ID
		c := Checked{Article: &arts[i], Stance: claimtrail.StanceAbsent, Claim: lc, ClaimScore: score, OffStory: l.IsOffStory(id)}
		switch {
		case c.OffStory:
		case lc != nil && lc.Stances[id] != "":
			c.Stance = lc.Stances[id]
		case len(byArticle[id]) > 0 && lc == nil:
			c.Matches = byArticle[id]
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

// related returns the statements of the analysed articles that the linker
// matches to claim (Linker.Related).
func (p *Pipeline) related(ctx context.Context, claim string, arts []claimtrail.Article, analyses []*Analysis) ([]link.Match, error) {
	claimArt := &claimtrail.Article{ID: "claim", Outlet: "claim", Text: claim}
	claimDoc, err := p.analyzer.Analyze(ctx, claimArt)
	if err != nil {
		return nil, err
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
	return p.linker.Related(claimDoc, &claimSt, docs, stmts), nil
}

// ledgerClaim returns the ledger claim that claim names, with the score of
// the match: the claim whose wording it is (score 1), else the claim
// holding the statement the linker matched best to it, an assertion before
// a denial (a denial may answer several claims; an assertion states one).
// It returns nil when no claim of the ledger holds a matched statement.
func ledgerClaim(l *claimtrail.Ledger, claim string, matches []link.Match) (*claimtrail.Claim, float64) {
	want := strings.Join(strings.Fields(claim), " ")
	for i := range l.Claims {
		if strings.Join(strings.Fields(l.Claims[i].Text), " ") == want {
			return &l.Claims[i], 1
		}
	}
	type key struct {
		article string
		content claimtrail.Span
	}
	holder := map[key]int{}
	for i := range l.Claims {
		for _, st := range l.Claims[i].Statements {
			k := key{st.Article, st.Content}
			if _, ok := holder[k]; !ok {
				holder[k] = i
			}
		}
	}
	best, bestScore, bestAsserts := -1, 0.0, false
	for _, m := range matches {
		i, ok := holder[key{m.Statement.Article, m.Statement.Content}]
		if !ok {
			continue
		}
		asserts := m.Statement.Polarity != claimtrail.Denies
		if best < 0 || asserts && !bestAsserts || asserts == bestAsserts && m.Score > bestScore {
			best, bestScore, bestAsserts = i, m.Score, asserts
		}
	}
	if best < 0 {
		return nil, 0
	}
	return &l.Claims[best], math.Min(1, math.Round(bestScore*1000)/1000)
}

// Answer is one article's stance on a checked claim, as `check` and the web
// UI's "check a claim" give it. By says who chose the stance, and
// Confidence is that chooser's measure of it:
//
//   - "ledger": the claim is a claim of the story's ledger (Checked.Claim)
//     and the ledger's statements give the article this stance, the stance
//     analyze shows; Confidence is the linker's score of the checked text
//     against that claim (1 for its own wording), and Evidence is the
//     article's sentences stating, relaying or denying it.
//   - "ledger-model": the ledger's stance for the article came from the
//     stance model (Claim.Judged); Confidence and Evidence are its.
//   - "off-story": the ledger found the article about something else; it
//     is absent, as analyze leaves it out.
//   - "statements": the text matches no ledger claim, and the article's
//     own statements matching it decide; Confidence is the best match
//     score of a statement to the claim (0–1, not a probability), and
//     there are no Probs.
//   - "model": the ledger gives the article no stance (nor do its
//     statements), so the stance model decides; Stance is Label's stance
//     and Confidence is Probs[Label], the probability of the chosen stance.
//     For a claim of the ledger the model must clear the bars analyze's
//     ledger sets it (StanceJudge); below them the article is absent "by
//     ledger", as analyze leaves it, with no evidence.
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

// Judge judges one checked article: as the ledger does when the claim is
// one of its claims and it gives the article a stance (or finds the
// article off the story), else by the article's statements matching the
// claim, else by the stance model m, which speaks only when a sentence of
// the article carries half the claim's words. An article the model finds
// on the topic but not on the claim is absent by coverage (Answer).
func (c Checked) Judge(m *stance.Model, claim string) Answer {
	a := c.Article
	if c.OffStory {
		return Answer{Stance: claimtrail.StanceAbsent, By: "off-story"}
	}
	if c.Claim != nil && c.Claim.Stances[a.ID] != "" {
		return c.fromLedger()
	}
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
	if j := NewStanceJudge(m); c.Claim != nil && (r.Confidence < j.MinConfidence || cov < j.MinCoverage) {
		// The claim is the ledger's, and the ledger asks the model with
		// analyze's bars (StanceJudge): below them analyze leaves the
		// article absent, and so does check, one answer for one claim.
		return Answer{Stance: claimtrail.StanceAbsent, By: "ledger", Confidence: c.ClaimScore}
	}
	r.Evidence = p.Evidence
	return r
}

// fromLedger is the ledger's answer for the article: its stance on the
// matched claim, with up to three sentences of the article's statements of
// it as evidence, those agreeing with the stance first (a denial's
// sentences for "denies"), blanket denials of its report among them.
func (c Checked) fromLedger() Answer {
	id := c.Article.ID
	if j, ok := c.Claim.Judged[id]; ok {
		return Answer{Stance: j.Stance, By: "ledger-model", Confidence: j.Confidence, Evidence: j.Evidence}
	}
	r := Answer{Stance: c.Claim.Stances[id], By: "ledger", Confidence: c.ClaimScore}
	var first, rest []claimtrail.Span
	all := append(append([]claimtrail.Statement(nil), c.Claim.Statements...), c.Claim.ReportDenials...)
	for _, st := range all {
		if st.Article != id {
			continue
		}
		if (st.Polarity == claimtrail.Denies) == (r.Stance == claimtrail.StanceDenies) {
			first = append(first, st.Sentence)
		} else {
			rest = append(rest, st.Sentence)
		}
	}
	seen := map[claimtrail.Span]bool{}
	for _, sp := range append(first, rest...) {
		if !seen[sp] && len(r.Evidence) < 3 {
			seen[sp] = true
			r.Evidence = append(r.Evidence, sp)
		}
	}
	return r
}
