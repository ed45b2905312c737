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

// minTopicLift is how many times more topic words than chance an article
// no claim and no name joins must use to join the story by its words (see
// topicFit.lift). A long article about something else covers a fifth of
// any topic's common words by its length alone ("officials", "reported",
// "week", "city"), at about the rate any word of the story's vocabulary
// turns up in it; a follow-up about the story (an expert rebutting a
// survey's sample, the ministry's reaction, a trade-press relay in
// jargon) uses the topic's words more often than the rest of the
// vocabulary, though it names none of the story's people or bodies.
const minTopicLift = 1.0

// minJoinOwnShare is the least share of its own words an article no claim
// and no name joins must give to the topic to join by its words. A long
// report of another event in the same war or country (a militant's
// identification, a king's vow of air strikes) can cover half of a
// story's topic and more than chance would, yet its topic words are a
// few in a hundred of its own; an on-story relay or follow-up, however
// long, spends a tenth of its words or more on the story.
const minJoinOwnShare = 0.1

// topicFit is how an article's words fit the topic of the articles it is
// weighed with.
type topicFit struct {
	used  int // topic words the article uses
	topic int // topic words
	own   int // the article's distinct words
	vocab int // distinct words of all the articles weighed
}

// share is the share of the topic words the article uses.
func (f topicFit) share() float64 { return ratio(f.used, f.topic) }

// ownShare is the share of the article's words that are topic words.
func (f topicFit) ownShare() float64 { return ratio(f.used, f.own) }

// lift is how many times more topic words the article uses than an
// article of its length drawing its words at random from the vocabulary
// would: used / (own × topic / vocab).
func (f topicFit) lift() float64 {
	return ratio(f.used*f.vocab, f.own*f.topic)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// topicRule is one way an article's words show it is on the story.
// joins says whether the rule also brings in an article no claim and no
// name joins to the story; the others only keep a joined article in it.
type topicRule struct {
	name  string
	joins bool
	holds func(topicFit) bool
}

// topicRules decide, from its words, whether an article is on the story
// (onTopic).
var topicRules = []topicRule{
	// A column or follow-up about the story ("the minister's rate decision
	// angered savers") uses a fifth of the topic; an article about
	// something else that shares the story's bank and governor (the coin
	// the bank issues) uses less.
	{"covers the topic", false, func(f topicFit) bool { return f.share() >= minTopicShare }},
	// An article that shares no name and no claim with the story joins by
	// its words only when it covers the topic beyond what its length
	// gives, and spends a tenth of its own words on it: "Statisticians at
	// the Pascoe Institute say the survey's sample was too small to support
	// its headline figure" uses "survey", "sample", "figure" of a story
	// about a survey's findings, while a long report on an election in the
	// same country uses "officials", "week" and "said" as every long
	// article does.
	{"covers the topic beyond its length", true, func(f topicFit) bool {
		return f.share() >= minTopicShare && f.lift() >= minTopicLift && f.ownShare() >= minJoinOwnShare
	}},
	// A brief of thirty words has no room for most of the topic's words,
	// but nearly all of its words are topic words.
	{"brief of topic words", true, func(f topicFit) bool { return f.ownShare() >= minOwnTopicShare }},
}

// onTopic applies topicRules: each joined article is weighed with the
// other joined articles, and stays when a rule holds, so that a joined
// article keeps or loses its place whatever else the input holds; then
// each other article is weighed with all the articles given, and joins
// when a rule that joins holds. Where there are too few articles to tell
// a topic (fewer than four joined, or given), the joined articles stay,
// or no other joins.
func onTopic(articles []claimtrail.Article, joined map[string]bool) map[string]bool {
	words := wordSets(articles)
	var members []claimtrail.Article
	for _, a := range articles {
		if joined[a.ID] {
			members = append(members, a)
		}
	}
	fits := topicFits(members, words)
	in := map[string]bool{}
	for _, a := range members {
		if f, ok := fits[a.ID]; !ok || holds(f, false) {
			in[a.ID] = true
		}
	}
	for id, f := range topicFits(articles, words) {
		if !joined[id] && holds(f, true) {
			in[id] = true
		}
	}
	return in
}

// holds reports whether one of topicRules holds for a fit; outsider
// limits them to the rules that join.
func holds(f topicFit, outsider bool) bool {
	for _, r := range topicRules {
		if (r.joins || !outsider) && r.holds(f) {
			return true
		}
	}
	return false
}

// wordSets returns each article's words (names too, lower-cased).
func wordSets(articles []claimtrail.Article) map[string]map[string]bool {
	sets := map[string]map[string]bool{}
	for _, a := range articles {
		set := map[string]bool{}
		for _, s := range link.Stems(strings.ToLower(a.Title + "\n" + a.Text)) {
			set[s] = true
		}
		sets[a.ID] = set
	}
	return sets
}

// topicFits returns how the words of each article fit the topic of all of
// them: the words that at least half of the other articles use. Articles
// are counted by outlet: a wire and its corrected version, or a paper's
// report and its column, are one voice, so the details two versions of
// one wire share count once, not as the topic every other article must use
// (ledger-dev 19: the wire and its update made a follow-up with other
// figures look off the topic). With fewer than four articles there is no
// telling what the topic is, and topicFits returns nil.
func topicFits(articles []claimtrail.Article, sets map[string]map[string]bool) map[string]topicFit {
	if len(articles) < 4 {
		return nil
	}
	voice := map[string]string{} // article → its outlet's key, or itself
	for _, a := range articles {
		voice[a.ID] = "a:" + a.ID
		if k := nlp.SourceKey(a.Outlet); k != "" {
			voice[a.ID] = "o:" + k
		}
	}
	// df counts, for each word, the articles of each voice that use it.
	df := map[string]map[string]int{}
	voices := map[string]bool{}
	for _, a := range articles {
		voices[voice[a.ID]] = true
		for s := range sets[a.ID] {
			if df[s] == nil {
				df[s] = map[string]int{}
			}
			df[s][voice[a.ID]]++
		}
	}
	// A topic word of one article is a word at least need voices use, the
	// article's own voice counting only when another of its articles uses
	// the word.
	need := max(2, len(voices)/2)
	fits := map[string]topicFit{}
	for _, a := range articles {
		f := topicFit{own: len(sets[a.ID]), vocab: len(df)}
		for s, vs := range df {
			n := len(vs)
			if sets[a.ID][s] && vs[voice[a.ID]] == 1 {
				n-- // only the article itself uses it
			}
			if n < need {
				continue
			}
			f.topic++
			if sets[a.ID][s] {
				f.used++
			}
		}
		if f.topic > 0 {
			fits[a.ID] = f
		}
	}
	return fits
}
