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
	for _, id := range ids {
		others := len(ids) - 1
		need := max(2, (others+1)/2)
		topic, used := 0, 0
		for s, n := range df {
			if sets[id][s] {
				n-- // the article's own use does not make a topic word
			}
			if n < need {
				continue
			}
			topic++
			if sets[id][s] {
				used++
			}
		}
		if topic > 0 && float64(used) < minTopicShare*float64(topic) {
			out[id] = true
		}
	}
	return out
}
