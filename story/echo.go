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
