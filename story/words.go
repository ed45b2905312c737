package story

import (
	"sort"
	"strings"
	"unicode"

	"github.com/claimtrail/claimtrail"
)

// wordIndex maps the words of the story's articles to the articles using
// them, so that finding the articles that use a claim's words costs the
// length of the words' postings, not a scan of every article per claim.
type wordIndex struct {
	postings map[string][]int // word → indexes into the articles, ascending
	n        int              // articles indexed
}

func newWordIndex(articles []claimtrail.Article, inStory map[string]bool) *wordIndex {
	ix := &wordIndex{postings: map[string][]int{}}
	for i, a := range articles {
		if !inStory[a.ID] {
			continue
		}
		ix.n++
		seen := map[string]bool{}
		for _, w := range words(a.Text) {
			if !seen[w] {
				seen[w] = true
				ix.postings[w] = append(ix.postings[w], i)
			}
		}
	}
	return ix
}

// using returns the indexes of the articles that use at least half of the
// claim's telling words (four letters or more, used by at most a quarter of
// the articles; words every article uses tell nothing of the claim).
func (ix *wordIndex) using(claim string) []int {
	limit := max(ix.n/4, 8)
	var telling [][]int
	seen := map[string]bool{}
	for _, w := range words(claim) {
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

// words are the lower-cased words of four letters or more of text.
func words(text string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if len(w) >= 4 {
			out = append(out, w)
		}
	}
	return out
}
