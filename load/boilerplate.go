package load

import (
	"slices"
	"strings"

	"github.com/claimtrail/claimtrail/nlp"
)

// Trailing boilerplate — app and newsletter promotions, comment and
// pagination widgets, share and follow lines, "also read" links, copyright
// notices — is found by scoring paragraphs against a lexicon of cues and
// cut only from the end of an article: cutBoilerplate walks back from the
// last paragraph and stops at the first one that does not score as
// boilerplate, so nothing in the body is ever removed.
//
// A paragraph is scored on its words (nlp.Words): folded, punctuation dropped,
// numbers written "#", "(c)" written "©". A cue is a phrase over those
// words that must stand at the start of the paragraph ("^also read"), be
// the whole of it ("=reply"), or appear anywhere; "…" in a phrase allows a
// gap of a few words ("download the … app"). Alternatives are written
// "(a|b)"; "(|x )" makes x optional. Matching is a handful of substring
// searches per cue, so scoring costs microseconds.

// cue is one compiled sign of boilerplate.
type cue struct {
	weight int
	place  byte     // '^' start, '=' whole paragraph, 0 anywhere
	parts  []string // phrase pieces, in order, separated by gaps, each " padded "
}

// maxGap is the most words a "…" in a cue may skip.
const maxGap = 10

// lexicon lists the cues by weight. Weight lineKind is for kinds of line
// that are never body text; 3 for phrases typical of promotions and
// widgets; 1 for words that only hint at them.
var lexicon = map[int][]string{
	lineKind: {
		"^(also read|read also|read more|see also|also see|more from|more stories|most read|filed under|first published|disclaimer)",
		"^(related|recommended|trending|more|top) (stories|articles|news|posts|reads|coverage|reading|videos)",
		"=(related|recommended|trending|trending now|recommended for you|topics|tags)",
		"^(tags|tag)",
		"^you may (|also )like",
		"=(advertisement|advertising|sponsored|sponsored content|ad|reply|featured|promoted|reuse content|what's next|comments|comment|comments #|# comments|# comment)",
		"^(promoted by|sponsored by|next page|previous page)",
		"all rights reserved",
		"©",
		"^copyright",
		"^(previous|next|older|newer) (post|article|story|entry)",
		"^(post|leave|add|write|load|view|show|read) (a |your |all |)(comment|comments)",
		"^a version of this (article|story) (appears|appeared) in print",
		"^(this article was|this story was|originally) (published|reprinted|republished) (on|in|by)",
		"^continue reading",
		"=(more to follow|more to come|developing story|this story is developing|story developing)",
		"^filed in",
		"^(photo|photos|image|images|picture|pictures|video) (by|credit|credits|courtesy of|via)",
	},
	3: {
		"download (the|our) … (app|apps)",
		"(sign up|subscribe|register) … (newsletter|newsletters|updates|alerts|briefing|digest)",
		"(newsletter|newsletters)",
		"follow us",
		"^share",
		"share (this|on|via)",
		"stay (on top of|ahead of|updated|tuned|informed|connected)",
		"find the best of",
		"discover the latest",
		"curated for you",
		"in your inbox",
		"(whatsapp|telegram|google news) (channel|group)",
		"join (our|us on)",
		"(click|tap) here",
		"catch (all the|the) latest",
		"first published",
	},
	1: {
		"(app|apps)",
		"updates",
		"latest (news|updates|stories|headlines|trends)",
		"(breaking|top) (news|stories|headlines)",
		"(startup|tech|business|finance|market|sport|sports) news",
		"(every|each) (day|week|weekend|morning|evening)",
		"(subscribe|subscription)",
		"(exclusive|exclusives)",
		"one place",
		"^(discover|download|subscribe|sign up|follow|share|stay|find|get|join|read|watch|listen|click|tap|like|check out|explore|don't miss|never miss|install|visit)",
	},
}

// socialNetworks are named in follow and share lines; two or more in one
// short paragraph is a strong cue, one a weak one.
var socialNetworks = map[string]bool{
	"facebook": true, "twitter": true, "instagram": true, "youtube": true, "linkedin": true,
	"whatsapp": true, "telegram": true, "threads": true, "tiktok": true, "x": true,
}

// reportingWords mark news text rather than boilerplate.
var reportingWords = []string{"said", "say", "says", "told", "according to", "stated", "reported", "claimed", "added", "announced"}

// tailCues is the compiled lexicon, indexed by the first word of each cue
// so that a paragraph is only tested against cues that can match it.
var tailCues = compileLexicon()

func compileLexicon() map[string][]cue {
	out := map[string][]cue{}
	for w, pats := range lexicon {
		for _, p := range pats {
			var place byte
			if p[0] == '^' || p[0] == '=' {
				place, p = p[0], p[1:]
			}
			for _, alt := range expandCue(p) {
				var parts []string
				for _, piece := range strings.Split(alt, "…") {
					// A cue reads as a paragraph does; its "#" stands for any number.
					parts = append(parts, words(strings.ReplaceAll(piece, "#", "0")))
				}
				first := strings.Fields(parts[0])[0]
				out[first] = append(out[first], cue{weight: w, place: place, parts: parts})
			}
		}
	}
	return out
}

// expandCue writes out every alternative of a pattern with (a|b) groups.
func expandCue(p string) []string {
	open := strings.IndexByte(p, '(')
	if open < 0 {
		return []string{p}
	}
	end := open + strings.IndexByte(p[open:], ')')
	var out []string
	for _, alt := range strings.Split(p[open+1:end], "|") {
		for _, rest := range expandCue(p[end+1:]) {
			out = append(out, p[:open]+alt+rest)
		}
	}
	return out
}

// words normalises a paragraph for matching: its words (nlp.Words, folded)
// as " w1 w2 … wn ", with a leading and trailing space so every word has
// a space on both sides, numbers written "#" and "©" or "(c)" written "©".
func words(p string) string {
	var b strings.Builder
	b.Grow(len(p) + 2)
	b.WriteByte(' ')
	prev := 0
	for w := range nlp.Words(p) {
		if strings.Contains(p[prev:w.Start], "©") {
			b.WriteString("© ")
		}
		prev = w.End
		switch {
		case w.Flags&nlp.Number != 0:
			b.WriteString("#")
		case w.Form == "c" && w.Start > 0 && p[w.Start-1] == '(' && w.End < len(p) && p[w.End] == ')':
			b.WriteString("©")
		default:
			b.WriteString(w.Form)
		}
		b.WriteByte(' ')
	}
	if strings.Contains(p[prev:], "©") {
		b.WriteString("© ")
	}
	return b.String()
}

// match reports whether the cue is in the normalised words w.
func (c cue) match(w string) bool {
	switch c.place {
	case '=':
		return len(c.parts) == 1 && w == c.parts[0]
	case '^':
		if !strings.HasPrefix(w, c.parts[0]) {
			return false
		}
	}
	i := strings.Index(w, c.parts[0])
	if i < 0 {
		return false
	}
	rest := w[i+len(c.parts[0])-1:]
	for _, part := range c.parts[1:] {
		j := strings.Index(rest, part)
		if j < 0 || strings.Count(rest[:j], " ") > maxGap {
			return false
		}
		rest = rest[j+len(part)-1:]
	}
	return true
}

const (
	// lineKind is the weight of cues for kinds of line that are never
	// body text.
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
	w := words(p)
	score, kind, social := 0, false, 0
	fields := strings.Fields(w)
	for i, f := range fields {
		if socialNetworks[f] {
			social++
		}
		if slices.Contains(fields[:i], f) {
			continue // cues for this word already tried
		}
		for _, c := range tailCues[f] {
			if c.match(w) {
				score += c.weight
				kind = kind || c.weight >= lineKind
			}
		}
	}
	switch {
	case social >= 2:
		score += 3
	case social == 1:
		score++
	}
	if strings.HasSuffix(strings.TrimSpace(p), "!") {
		score++
	}
	if !kind && reporting(p, w) {
		// Attribution marks news text, unless the line is of a kind that
		// is never body text ("Also read: minister says …").
		score -= 2
	}
	if len(p) > 250 {
		score--
	}
	return score
}

func reporting(p, w string) bool {
	if strings.ContainsAny(p, "“”\"") {
		return true
	}
	for _, r := range reportingWords {
		if strings.Contains(w, " "+r+" ") {
			return true
		}
	}
	return false
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

// Chrome reports whether paragraph p is page furniture that may stand
// anywhere in an article, not only at its end: a short line of a kind that
// is never body text and reports nothing ("Continue reading the main
// story", "Read more about …", "MORE TO FOLLOW…", "Photos by …"), or the
// headline of a link to another story cut off in mid-phrase ("Moment the
// ferry nearly sank off..."). Such a line states nothing the outlet
// asserts; the pipeline takes no statement from it.
func Chrome(p string) bool {
	t := strings.TrimSpace(p)
	if t == "" || len(t) > maxChrome {
		return false
	}
	if cutHeadline(t) {
		return true
	}
	w := words(t)
	if reporting(t, w) {
		return false
	}
	fields := strings.Fields(w)
	for i, f := range fields {
		if slices.Contains(fields[:i], f) {
			continue
		}
		for _, c := range tailCues[f] {
			if c.weight >= lineKind && c.match(w) {
				return true
			}
		}
	}
	return false
}

// maxChrome is the longest paragraph, in bytes, Chrome takes for furniture
// inside a body: a line, not a paragraph of text.
const maxChrome = 120

// cutHeadline reports whether t is a link's headline cut off by the page
// in mid-phrase: at most maxCutWords words, ending in an ellipsis right
// after a word that cannot end a phrase ("sent to...", "set on…").
func cutHeadline(t string) bool {
	rest, ok := strings.CutSuffix(t, "...")
	if !ok {
		rest, ok = strings.CutSuffix(t, "…")
	}
	if !ok || strings.Contains(rest, "...") || strings.Contains(rest, "…") {
		return false
	}
	fields := strings.Fields(rest)
	if len(fields) < 3 || len(fields) > maxCutWords {
		return false
	}
	return danglingWords[strings.ToLower(fields[len(fields)-1])]
}

// maxCutWords is the most words of a cut-off headline.
const maxCutWords = 16

// danglingWords cannot end a phrase: a text that stops on one was cut.
var danglingWords = map[string]bool{
	"a": true, "an": true, "the": true, "to": true, "of": true, "on": true, "in": true, "for": true,
	"with": true, "at": true, "by": true, "from": true, "into": true, "and": true, "or": true,
	"as": true, "after": true, "his": true, "her": true, "their": true, "its": true, "is": true,
	"was": true, "be": true, "has": true, "have": true,
}
