package pipeline

import (
	"context"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/link"
	"github.com/claimtrail/claimtrail/nlp"
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
