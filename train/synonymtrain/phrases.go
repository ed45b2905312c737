package synonymtrain

import (
	"cmp"
	"slices"
	"strings"
)

// Phrase is a two-word verb ("give way", "take over") with the one-word
// verb it folds to: the verb whose dominant sense is a synset the phrase
// belongs to ("give way" and "collapse" share collapse's first sense).
type Phrase struct {
	Key   string // the phrase as the linker builds it: Snowball stem of the verb, "_", the second word
	Stem  string // the linker's stem of the one-word verb
	Lemma string // the WordNet lemma pair, "give_way=collapse"
}

// phrases lists the two-word verbs of WordNet that share a synset with a
// one-word verb whose first, dominant sense that synset is, the one-word
// verb frequent enough in the texts (see pairs). The phrase may hold the
// synset in any of its senses: a phrase names one act more narrowly than
// its verb does ("give" alone is not "collapse", "give way" is). When the
// phrase meets several such verbs, its earliest sense chooses.
func phrases(wn *wordNet, freq *counts, in Inputs) []Phrase {
	ok := func(w string) bool {
		n := own(freq, w)
		return plain(w) && n >= in.MinCount && 2*n >= freq.stem[stem(w)]
	}
	var out []Phrase
	for key, senses := range wn.senses {
		pos, p, _ := strings.Cut(key, ":")
		verb, second, two := strings.Cut(p, "_")
		if pos != "v" || !two || !plain(verb) || !letters(second) || stem(verb) == "" {
			continue
		}
	senses:
		for _, sk := range senses {
			s := wn.synsets[sk]
			if s == nil {
				continue
			}
			for _, w := range s.words {
				if w == verb || !ok(w) || !wn.dominant("v", w, in.MinTags) {
					continue
				}
				if wk, _ := wn.first("v", w); wk == sk && stem(w) != "" && stem(w) != stem(verb) {
					out = append(out, Phrase{Key: stem(verb) + "_" + second, Stem: stem(w), Lemma: p + "=" + w})
					break senses
				}
			}
		}
	}
	slices.SortFunc(out, func(x, y Phrase) int { return cmp.Compare(x.Key, y.Key) })
	return out
}

// letters reports whether w is a lower-case word of letters, two at
// least: a phrase's second word may be a short particle ("in", "up").
func letters(w string) bool {
	if len(w) < 2 {
		return false
	}
	for _, r := range w {
		if r < 'a' || r > 'z' {
			return false
		}
	}
	return true
}
