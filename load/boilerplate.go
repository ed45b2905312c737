package load

import (
	"regexp"
	"strings"
)

// Trailing boilerplate — app and newsletter promotions, comment and
// pagination widgets, share and follow lines, "also read" links, copyright
// notices — is found by scoring paragraphs against a lexicon of cues and
// cut only from the end of an article: cutBoilerplate walks back from the
// last paragraph and stops at the first one that does not score as
// boilerplate, so nothing in the body is ever removed.

// cue is one sign of boilerplate, matched against a lower-cased paragraph.
type cue struct {
	re     *regexp.Regexp
	weight int
}

func cues(weight int, patterns ...string) []cue {
	out := make([]cue, len(patterns))
	for i, p := range patterns {
		out[i] = cue{regexp.MustCompile(p), weight}
	}
	return out
}

// tailCues is the lexicon. Weights: 4 for a line kind that is never body
// text, 3 for a phrase typical of promotions and widgets, 1 for words that
// only hint at one.
var tailCues = concat(
	cues(4,
		`^(also read|read also|read more|see also|also see|related( (stories|articles|news|posts))?|recommended( for you)?|more from|more stories|you may (also )?like|trending( now)?|most read|tags?|topics|filed under|first published|disclaimer)\b`,
		`^(advertisement|advertising|sponsored( content)?|ad)$`,
		`\ball rights reserved\b`,
		`©`,
		`^copyright\b`,
		`\(c\) (19|20)\d\d\b`,
		`^(previous|next|older|newer) (post|article|story|entry)\b`,
		`^(post|leave|add|write|load|view|show|read) (a |your |all )?comments?\b`,
		`^\d+ comments?$`,
		`^comments?( \(\d+\))?$`,
	),
	cues(3,
		`\bdownload (the|our)\b.{0,60}\bapp\b`,
		`\b(sign up|subscribe|register)\b.{0,60}\b(newsletter|updates|alerts|briefing|digest)\b`,
		`\bnewsletters?\b`,
		`\bfollow us\b`,
		`^share\b`,
		`\bshare (this|on|via)\b`,
		`\bstay (on top of|ahead of|updated|tuned|informed|connected)\b`,
		`\bfind the best of\b`,
		`\bdiscover the latest\b`,
		`\b(specially |hand-?picked and )?curated for you\b`,
		`\bin your inbox\b`,
		`\b(whatsapp|telegram|google news) (channel|group)\b`,
		`\bjoin (our|us on)\b`,
		`\b(click|tap) here\b`,
		`\bcatch (all )?the latest\b`,
	),
	cues(1,
		`\b(facebook|twitter|instagram|youtube|linkedin|whatsapp|telegram|threads|tiktok)\b`,
		`\bapps?\b`,
		`\bupdates\b`,
		`\blatest (news|updates|stories|headlines|trends)\b`,
		`\b(breaking|top) (news|stories|headlines)\b`,
		`\b(startup|tech|business|finance|market|sports?) news\b`,
		`\b(every|each) (day|week|weekend|morning|evening)\b`,
		`\bsubscri(be|ption)\b`,
		`\bexclusives?\b`,
		`\bone place\b`,
		`!$`,
	),
)

// promoStart matches a paragraph that opens with an imperative typical of
// promotions ("Download …", "Stay …", "Follow …").
var promoStart = regexp.MustCompile(`^(discover|download|subscribe|sign up|follow|share|stay|find|get|join|read|watch|listen|click|tap|like|check out|explore|don't miss|never miss|install|visit)\b`)

// reported matches attribution, which marks news text rather than
// boilerplate.
var reported = regexp.MustCompile(`\b(said|say|says|told|according to|stated|reported|claimed|added|announced)\b|[“”"]`)

func concat(lists ...[]cue) []cue {
	var out []cue
	for _, l := range lists {
		out = append(out, l...)
	}
	return out
}

const (
	// lineKind is the weight of cues for line kinds that are never body
	// text.
	lineKind = 4
	// boilerplateScore is the score at or above which a trailing paragraph
	// is cut.
	boilerplateScore = 3
	// longParagraph is the length in bytes beyond which a paragraph is
	// taken to be body text whatever its cues.
	longParagraph = 400
)

// tailScore scores one paragraph as trailing boilerplate.
func tailScore(p string) int {
	if len(p) > longParagraph {
		return 0
	}
	l := strings.ToLower(strings.Join(strings.Fields(p), " "))
	score, kind := 0, false
	for _, c := range tailCues {
		if c.re.MatchString(l) {
			score += c.weight
			kind = kind || c.weight >= lineKind
		}
	}
	if promoStart.MatchString(l) {
		score++
	}
	if !kind && reported.MatchString(l) {
		// Attribution marks news text, unless the line is of a kind that
		// is never body text ("Also read: minister says …").
		score -= 2
	}
	if len(p) > 250 {
		score--
	}
	return score
}

// cutBoilerplate drops trailing paragraphs that score as boilerplate,
// always keeping the first paragraph.
func cutBoilerplate(paras []string) []string {
	end := len(paras)
	for end > 1 && tailScore(paras[end-1]) >= boilerplateScore {
		end--
	}
	return paras[:end]
}
