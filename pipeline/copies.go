package pipeline

import (
	"strings"

	"github.com/claimtrail/claimtrail"
)

// copyThreshold is the share of word shingles two articles must have in
// common for the later to count as a copy of the earlier.
const copyThreshold = 0.8

// Copies finds articles that are near-copies of an earlier one (syndicated
// or reposted text) and maps each copy's ID to the original's. Articles are
// compared through an index of their word 5-shingles, so only articles that
// share shingles are compared. Earlier means published earlier, or first in
// the list when dates are unknown.
func Copies(arts []claimtrail.Article) map[string]string {
	out := map[string]string{}
	index := map[uint64][]int{}
	sets := make([]map[uint64]bool, len(arts))
	for i := range arts {
		sets[i] = shingles(arts[i].Text)
		shared := map[int]int{}
		for h := range sets[i] {
			for _, j := range index[h] {
				shared[j]++
			}
		}
		for j, n := range shared {
			small := min(len(sets[i]), len(sets[j]))
			if small > 0 && float64(n)/float64(small) >= copyThreshold && out[arts[i].ID] == "" {
				orig, cp := j, i
				if !arts[i].Published.IsZero() && !arts[j].Published.IsZero() && arts[i].Published.Before(arts[j].Published) {
					orig, cp = i, j
				}
				out[arts[cp].ID] = arts[orig].ID
			}
		}
		for h := range sets[i] {
			index[h] = append(index[h], i)
		}
	}
	return out
}

// shingles hashes the article's overlapping runs of five lower-cased words.
func shingles(text string) map[uint64]bool {
	words := strings.Fields(strings.ToLower(text))
	set := map[uint64]bool{}
	for i := 0; i+5 <= len(words); i++ {
		var h uint64 = 14695981039346656037
		for _, w := range words[i : i+5] {
			for k := 0; k < len(w); k++ {
				h ^= uint64(w[k])
				h *= 1099511628211
			}
			h ^= ' '
			h *= 1099511628211
		}
		set[h] = true
	}
	return set
}
