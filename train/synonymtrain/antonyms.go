package synonymtrain

import (
	"cmp"
	"slices"
	"strings"
)

// antonymSenses is how many of a verb's first senses may give antonyms:
// later senses are rare uses whose antonyms read as nonsense in news
// ("bank" / "withdraw", "dress" / "peel").
const antonymSenses = 3

// among reports whether synset key is one of the first antonymSenses
// senses of verb lemma w.
func (wn *wordNet) among(w, key string) bool {
	ks := wn.senses["v:"+w]
	return slices.Contains(ks[:min(len(ks), antonymSenses)], key)
}

// Antonym is a pair of verb stems that WordNet gives opposite senses
// ("rais" / "lower", "approv" / "reject"), with the lemmas that gave it.
type Antonym struct {
	A, B  string // the stems, A < B
	Lemma string // "raise!lower"
}

// antonyms lists the pairs of frequent verbs that a WordNet antonym pointer
// joins, in any of their senses: the pointer's own two words, and the
// source word with each other word of the target synset, WordNet's
// indirect antonyms ("approve" points to "disapprove", whose synset
// {disapprove, reject} deems a thing wrong). Senses are not narrowed to
// the dominant one as synonyms are: the linker reads a pair only between
// two statements already alike enough to join, whose other words fix
// the sense.
func antonyms(wn *wordNet, freq *counts, in Inputs) []Antonym {
	ok := func(w string) bool {
		n := own(freq, w)
		return plain(w) && n >= in.MinCount && 2*n >= freq.stem[stem(w)]
	}
	seen := map[[2]string]string{}
	for key, senses := range wn.senses {
		pos, a, _ := strings.Cut(key, ":")
		if pos != "v" || !ok(a) {
			continue
		}
		for r, sk := range senses {
			s := wn.synsets[sk]
			if r >= antonymSenses {
				break
			}
			if s == nil {
				continue
			}
			for _, l := range s.antonyms {
				t := wn.synsets[l.target]
				if l.from != a || t == nil {
					continue
				}
				for _, b := range t.words {
					sa, sb := stem(a), stem(b)
					if !ok(b) || !wn.among(b, l.target) || sa == "" || sb == "" || sa == sb {
						continue
					}
					lem := a + "!" + b
					if sb < sa {
						sa, sb, lem = sb, sa, b+"!"+a
					}
					if old, dup := seen[[2]string{sa, sb}]; !dup || lem < old {
						seen[[2]string{sa, sb}] = lem
					}
				}
			}
		}
	}
	out := make([]Antonym, 0, len(seen))
	for k, lem := range seen {
		out = append(out, Antonym{A: k[0], B: k[1], Lemma: lem})
	}
	slices.SortFunc(out, func(x, y Antonym) int { return cmp.Or(cmp.Compare(x.A, y.A), cmp.Compare(x.B, y.B)) })
	return out
}
