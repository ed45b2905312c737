package story

import (
	"sort"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/nlp"
)

// wordIndex maps the words of the story's articles to the articles using
// them, so that finding the articles that use a claim's words costs the
// length of the words' postings, not a scan of every article per claim.
type wordIndex struct {
	postings map[string][]int // word → indexes into the articles, ascending
	n        int              // articles indexed
	terms    *nlp.Termer      // nlp.ContentTerms: stems of words of four bytes or more
}

func newWordIndex(articles []claimtrail.Article, inStory map[string]bool) *wordIndex {
	ix := &wordIndex{postings: map[string][]int{}, terms: nlp.NewTermer(nlp.ContentTerms)}
	for i, a := range articles {
		if !inStory[a.ID] {
			continue
		}
		ix.n++
		seen := map[string]bool{}
		for _, w := range ix.terms.Append(nil, a.Text) {
			if !seen[w] {
				seen[w] = true
				ix.postings[w] = append(ix.postings[w], i)
			}
		}
	}
	return ix
}

// using returns the indexes of the articles that use at least half of the
// claim's telling words (content terms, used by at most a quarter of
// the articles; words every article uses tell nothing of the claim).
func (ix *wordIndex) using(claim string) []int {
	limit := max(ix.n/4, 8)
	var telling [][]int
	seen := map[string]bool{}
	for _, w := range ix.terms.Append(nil, claim) {
		if p := ix.postings[w]; !seen[w] && len(p) > 0 && len(p) <= limit {
			telling = append(telling, p)
		}
		seen[w] = true
	}
	if len(telling) == 0 {
		return nil
	}
	count := map[int]int{}
	for _, p := range telling {
		for _, i := range p {
			count[i]++
		}
	}
	var out []int
	for i, n := range count {
		if 2*n >= len(telling) {
			out = append(out, i)
		}
	}
	sort.Ints(out)
	return out
}
