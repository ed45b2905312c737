package story

import (
	"strings"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/link"
)

// minTopicShare is the least share of the story's topic words an article
// must use to stay in the story. An article about something else that
// shares a place, a person or an institution with the story (a festival in
// the burning village, the bank's commemorative coin) uses few of the words
// most of the story's articles use ("fire", "evacuated", "rate"); a column
// or a follow-up about the story uses many.
const minTopicShare = 0.2

// offTopic returns the members that use too few of the topic words of the
// other members: the words (names too, lower-cased) that at least half of
// the other members use.
// With fewer than four members there is no telling what the topic is.
func offTopic(articles []claimtrail.Article, in map[string]bool) map[string]bool {
	var ids []string
	sets := map[string]map[string]bool{}
	for _, a := range articles {
		if !in[a.ID] {
			continue
		}
		ids = append(ids, a.ID)
		set := map[string]bool{}
		for _, s := range link.Stems(strings.ToLower(a.Title + "\n" + a.Text)) {
			set[s] = true
		}
		sets[a.ID] = set
	}
	out := map[string]bool{}
	if len(ids) < 4 {
		return out
	}
	df := map[string]int{}
	for _, id := range ids {
		for s := range sets[id] {
			df[s]++
		}
	}
	// A topic word of one member is a word at least need of the others
	// use: one used by need members, the member among them, does not count
	// for it. Counting this way costs the members' words, not members ×
	// vocabulary.
	need := max(2, len(ids)/2)
	topicAll := 0
	for _, n := range df {
		if n >= need {
			topicAll++
		}
	}
	for _, id := range ids {
		atNeed, used := 0, 0
		for s := range sets[id] {
			switch n := df[s]; {
			case n == need:
				atNeed++ // only need-1 others use it
			case n > need:
				used++
			}
		}
		topic := topicAll - atNeed
		if topic > 0 && float64(used) < minTopicShare*float64(topic) {
			out[id] = true
		}
	}
	return out
}
