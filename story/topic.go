package story

import (
	"strings"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/link"
	"github.com/claimtrail/claimtrail/nlp"
)

// minTopicShare is the least share of the story's topic words an article
// must use to stay in the story. An article about something else that
// shares a place, a person or an institution with the story (a festival in
// the burning village, the bank's commemorative coin) uses few of the words
// most of the story's articles use ("fire", "evacuated", "rate"); a column
// or a follow-up about the story uses many.
const minTopicShare = 0.2

// minOwnTopicShare is the share of its own words that keeps an article in
// the story whatever its share of the topic: a brief of thirty words that
// repeats the story's lead ("the first lady's face was reportedly blurred
// by state television as she met the new king") has no room for most of the
// topic's words, but nearly all of its words are topic words. Off-story
// articles in the development set use the topic for under a fifth of
// their words.
const minOwnTopicShare = 0.35

// offTopic returns the members that use too few of the topic words of the
// other members, and whose own words are mostly not topic words: the words (names too, lower-cased) that at least half of
// the other members use. Members are counted by outlet: a wire and its
// corrected version, or a paper's report and its column, are one voice,
// so the details two versions of one wire share count once, not as the
// topic every other article must use (ledger-dev 19: the wire and its
// update made a follow-up with other figures look off the topic). With
// fewer than four members there is no telling what the topic is.
func offTopic(articles []claimtrail.Article, in map[string]bool) map[string]bool {
	var ids []string
	sets := map[string]map[string]bool{}
	voice := map[string]string{} // article → its outlet's key, or itself
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
		voice[a.ID] = "a:" + a.ID
		if k := nlp.SourceKey(a.Outlet); k != "" {
			voice[a.ID] = "o:" + k
		}
	}
	out := map[string]bool{}
	if len(ids) < 4 {
		return out
	}
	// df counts, for each word, the articles of each voice that use it.
	df := map[string]map[string]int{}
	voices := map[string]bool{}
	for _, id := range ids {
		voices[voice[id]] = true
		for s := range sets[id] {
			if df[s] == nil {
				df[s] = map[string]int{}
			}
			df[s][voice[id]]++
		}
	}
	// A topic word of one member is a word at least need voices use, the
	// member's own voice counting only when another of its articles uses
	// the word.
	need := max(2, (len(voices)-1+1)/2)
	for _, id := range ids {
		used, topic := 0, 0
		for s, vs := range df {
			n := len(vs)
			if sets[id][s] && vs[voice[id]] == 1 {
				n-- // only the member itself uses it
			}
			if n < need {
				continue
			}
			topic++
			if sets[id][s] {
				used++
			}
		}
		if topic > 0 && float64(used) < minTopicShare*float64(topic) && float64(used) < minOwnTopicShare*float64(len(sets[id])) {
			out[id] = true
		}
	}
	return out
}
