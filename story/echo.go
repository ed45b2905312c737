package story

import (
	"strings"
	"unicode"

	"github.com/claimtrail/claimtrail"
)

// minEchoWords is the shortest quotation whose words, repeated, tell that
// two outlets quote one unnamed source: a short phrase ("it was a shock")
// may be said twice; a sentence of a dozen words is not.
const minEchoWords = 8

// minEchoShare is the share of the shorter quotation's words the longer
// must hold: outlets trim, re-punctuate and correct the quotes they copy
// ("them, but Robert" for "them but Robert").
const minEchoShare = 0.85

// echoedQuotes gives an unnamed source that an article quotes on its own
// account the key of an unnamed source another article quotes, in the same
// words, through the outlet that cited it: "'Nobody saw it coming,' a
// source said" in one paper and "'Nobody saw it coming,' a source told the
// Courier" in another are the Courier's one source, echoed, not two outlets'
// own sources. Two outlets whose unnamed sources say the same thing in
// their own words stay two origins.
func echoedQuotes(found []origin) []origin {
	for i := range found {
		o := &found[i]
		if o.cited || len(o.words) < minEchoWords || !anonymousKind(o.src.Kind) {
			continue
		}
		for _, c := range found {
			if c.cited && c.article != o.article && c.key != o.key && anonymousKind(c.src.Kind) &&
				sameWords(o.words, c.words) {
				from := o.key
				rekey(found, from, c.key)
				for k := range found {
					if found[k].key == c.key && !found[k].cited {
						found[k].src = c.src
					}
				}
				break
			}
		}
	}
	return found
}

// anonymousKind reports whether a source of that kind is unnamed.
func anonymousKind(k claimtrail.SourceKind) bool { return k == claimtrail.KindAnonymous }

// quoteWords returns the words of a statement's content, lower-cased,
// without punctuation.
func quoteWords(text string, sp claimtrail.Span) []string {
	if sp.Start < 0 || sp.End > len(text) || sp.Start >= sp.End {
		return nil
	}
	return strings.FieldsFunc(strings.ToLower(sp.In(text)), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '’'
	})
}

// sameWords reports whether the shorter of two word lists is, but for a
// few words, held in the longer: one quotation, copied.
func sameWords(a, b []string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(a) < minEchoWords {
		return false
	}
	have := map[string]int{}
	for _, w := range b {
		have[w]++
	}
	held := 0
	for _, w := range a {
		if have[w] > 0 {
			have[w]--
			held++
		}
	}
	return float64(held) >= minEchoShare*float64(len(a))
}

// citedOwner reports whether the party owning a chain's unnamed source is
// an outlet the article cites ("a source told the Courier"), not the
// article's own outlet.
func citedOwner(chain []claimtrail.Source) bool {
	k := len(chain) - 2
	for k > 0 && unownedKind(chain[k].Kind) {
		k--
	}
	return k > 0 && chain[k].Kind == claimtrail.KindOutlet
}

// minCopyWords is the fewest words a sentence must have for a second
// article's word-for-word copy of it to be taken for a copy rather than
// for two outlets happening on the same words.
const minCopyWords = 12

// copiedSentences gives an origin in an outlet's own voice, or an unnamed
// source the article's own outlet owns, the key and source of an earlier
// article's origin whose whole sentence — the source's description, the
// cue and the content — it repeats but for a few words: a copy stands in
// the original's place. A wire story reprinted with the wire's name
// stripped ("A crew member who asked not to be named … said …" in both)
// is the wire's one source, not a second outlet's own; dedup misses such a
// copy when the printer added or cut enough around it. Earlier means
// earlier in the statements' order (the articles' order).
func copiedSentences(found []origin) []origin {
	for i := range found {
		o := &found[i]
		if !o.own && !(anonymousKind(o.src.Kind) && !o.cited) || len(o.sentence) < minCopyWords {
			continue
		}
		for j := 0; j < i; j++ {
			c := found[j]
			if c.article == o.article || c.key == o.key || c.own != o.own || !sameCopy(o.sentence, c.sentence) {
				continue
			}
			rekey(found, o.key, c.key)
			for k := range found {
				if found[k].key == c.key && found[k].article == o.article {
					found[k].src = c.src
				}
			}
			break
		}
	}
	return found
}

// sameCopy reports whether two sentences are one copied: the shorter
// holds all but a few of the longer's words (sameWords) and is at least
// dedup's share (0.8) of its length, so that a sentence that merely
// contains another inside a longer one of its own ("The ferry ran aground
// off Kellis Point on Tuesday evening, and tugs were sent") stays its own.
func sameCopy(a, b []string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	return len(a) >= minCopyWords && 5*len(a) >= 4*len(b) && sameWords(a, b)
}
