// Package synonymtrain derives linking's synonym table from WordNet: the
// groups of verbs and nouns that WordNet gives one dominant sense, kept to
// words frequent in news text, folded to Snowball stems the way the linker
// reads words, and the two-word verbs ("give way") that fold to a one-word
// verb ("collapse"). The table (link/synonyms.tsv) is what runs; WordNet is only
// needed to rebuild it.
package synonymtrain

import (
	"bufio"
	"cmp"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/claimtrail/claimtrail/eval/fnc1"
	"github.com/claimtrail/claimtrail/nlp"
)

// Inputs are the sources of the table.
type Inputs struct {
	WordNet string // WordNet's dict folder (index.verb, data.verb, …)
	FNC1    string // FNC-1's train_bodies.csv, for word frequencies
	PolNeAR string // PolNeAR's root folder; train/text/*.txt are read
	// MinCount is how often a word's stem must occur in the texts to be
	// listed: rare words cost table size and seldom meet in a story.
	MinCount int
	// MaxGroup caps a group's size: a pair whose union would make a larger
	// group is left out, since chains of senses drift ("fire" → "discharge"
	// → "release").
	MaxGroup int
	// MinTags is how often a lemma's first sense must have been tagged in
	// WordNet's concordance to count as its dominant sense.
	MinTags int
}

// Group is one set of stems the linker treats as one word, with the WordNet
// lemmas that put them together.
type Group struct {
	Stems  []string // the representative (most frequent stem) first
	Lemmas []string // the lemma pairs that joined them, "a=b"
}

// Table is what train synonyms derives: the groups of one-word synonyms
// and the two-word verbs folded to one-word verbs.
type Table struct {
	Groups   []Group
	Phrases  []Phrase
	Antonyms []Antonym
}

// Build derives the table.
func Build(ctx context.Context, in Inputs) (Table, error) {
	wn, err := readWordNet(ctx, in.WordNet)
	if err != nil {
		return Table{}, err
	}
	freq, err := frequencies(ctx, in)
	if err != nil {
		return Table{}, err
	}
	return Table{Groups: group(wn, freq, in), Phrases: phrases(wn, freq, in), Antonyms: antonyms(wn, freq, in)}, nil
}

// stem is the linker's stem of one lemma: Snowball, as nlp.Terms stems.
func stem(w string) string {
	t := nlp.Terms(w, nlp.TermOptions{Stem: true})
	if len(t) != 1 {
		return ""
	}
	return t[0]
}

// plain reports whether a lemma is one lower-case word of letters.
func plain(w string) bool { return len(w) >= 3 && letters(w) }

// pair is two lemmas WordNet gives one dominant sense.
type pair struct{ a, b string }

// pairs lists the lemma pairs whose first senses are one synset, or are
// joined by a lexical derivation between first senses that names the
// event of a verb ("closure" → "close"), both lemmas frequent enough and
// owning their stems (see own).
func pairs(wn *wordNet, freq *counts, in Inputs) []pair {
	ok := func(w string) bool {
		if !plain(w) || wn.plural(w) {
			return false
		}
		n := own(freq, w)
		return n >= in.MinCount && 2*n >= freq.stem[stem(w)]
	}
	var out []pair
	for key := range wn.senses {
		pos, a, _ := strings.Cut(key, ":")
		if !ok(a) || !wn.dominant(pos, a, in.MinTags) {
			continue
		}
		sk, s := wn.first(pos, a)
		if s == nil {
			continue
		}
		for _, b := range s.words {
			if b != a && ok(b) && wn.dominant(pos, b, in.MinTags) {
				if bk, _ := wn.first(pos, b); bk == sk {
					out = append(out, pair{a, b})
				}
			}
		}
		for _, l := range s.derived {
			b, found := wn.derivedWord(l)
			if l.from != a || !found || !ok(b) || !wn.dominant(l.target[:1], b, in.MinTags) || !wn.nominal(sk, l.target) {
				continue
			}
			if bk, _ := wn.first(l.target[:1], b); bk == l.target {
				out = append(out, pair{a, b})
			}
		}
	}
	for i := range out {
		if out[i].b < out[i].a {
			out[i] = pair{out[i].b, out[i].a}
		}
	}
	slices.SortFunc(out, func(x, y pair) int { return cmp.Or(cmp.Compare(x.a, y.a), cmp.Compare(x.b, y.b)) })
	return slices.Compact(out)
}

// own is how often lemma itself occurs in the texts, inflected: the
// counts of the forms of its stem that spell it but for its last letter,
// with an ending of at most three letters ("collapse": "collapsed",
// "collapsing"). A stem is shared by words of other senses ("criticality"
// and "critical" both stem to "critic"); only the lemma's own forms say
// that news uses it, and the lemma must make up half of its stem's count.
func own(c *counts, lemma string) int {
	base := lemma[:len(lemma)-1]
	n := 0
	for _, f := range c.forms[stem(lemma)] {
		if strings.HasPrefix(f, base) && len(f) <= len(lemma)+3 {
			n += c.form[f]
		}
	}
	return n
}

// counts are the word counts of the texts.
type counts struct {
	form  map[string]int      // lower-case form → count
	stem  map[string]int      // stem → count
	forms map[string][]string // stem → its forms
}

// group unites the stems of the pairs, in sorted order, under the size cap.
func group(wn *wordNet, freq *counts, in Inputs) []Group {
	parent := map[string]string{}
	size := map[string]int{}
	var find func(string) string
	find = func(s string) string {
		p, ok := parent[s]
		if !ok {
			parent[s], size[s] = s, 1
			return s
		}
		if p == s {
			return s
		}
		r := find(p)
		parent[s] = r
		return r
	}
	joined := map[string][]string{}
	for _, p := range pairs(wn, freq, in) {
		sa, sb := stem(p.a), stem(p.b)
		if sa == "" || sb == "" || sa == sb {
			continue
		}
		ra, rb := find(sa), find(sb)
		if ra != rb {
			if size[ra]+size[rb] > in.MaxGroup {
				continue
			}
			parent[rb] = ra
			size[ra] += size[rb]
			joined[ra] = append(joined[ra], joined[rb]...)
			delete(joined, rb)
		}
		joined[ra] = append(joined[ra], p.a+"="+p.b)
	}
	members := map[string][]string{}
	for s := range parent {
		r := find(s)
		members[r] = append(members[r], s)
	}
	var out []Group
	for r, ms := range members {
		if len(ms) < 2 {
			continue
		}
		slices.SortFunc(ms, func(x, y string) int { return cmp.Or(cmp.Compare(freq.stem[y], freq.stem[x]), cmp.Compare(x, y)) })
		lemmas := joined[r]
		sort.Strings(lemmas)
		out = append(out, Group{Stems: ms, Lemmas: slices.Compact(lemmas)})
	}
	slices.SortFunc(out, func(x, y Group) int { return cmp.Compare(x.Stems[0], y.Stems[0]) })
	return out
}

// frequencies counts the lower-case words of FNC-1's bodies and PolNeAR's
// training articles.
func frequencies(ctx context.Context, in Inputs) (*counts, error) {
	c := &counts{form: map[string]int{}, stem: map[string]int{}, forms: map[string][]string{}}
	add := func(text string) {
		for w := range nlp.Words(text) {
			if w.Flags&nlp.Capitalised == 0 && len(w.Form) >= 3 {
				c.form[w.Form]++
			}
		}
	}
	texts, err := readTexts(ctx, in)
	if err != nil {
		return nil, err
	}
	for _, t := range texts {
		add(t)
	}
	for f, n := range c.form {
		s := stem(f)
		c.stem[s] += n
		c.forms[s] = append(c.forms[s], f)
	}
	return c, nil
}

// readTexts returns FNC-1's bodies and PolNeAR's training articles.
func readTexts(ctx context.Context, in Inputs) ([]string, error) {
	var texts []string
	if in.FNC1 != "" {
		f, err := os.Open(filepath.Clean(in.FNC1))
		if err != nil {
			return nil, fmt.Errorf("synonym table: %w", err)
		}
		bodies, err := fnc1.ReadBodies(ctx, in.FNC1, bufio.NewReader(f))
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("synonym table: %w", err)
		}
		for _, b := range bodies {
			texts = append(texts, b)
		}
	}
	if in.PolNeAR != "" {
		files, err := filepath.Glob(filepath.Join(in.PolNeAR, "train", "text", "*.txt"))
		if err != nil {
			return nil, fmt.Errorf("synonym table: %w", err)
		}
		for _, p := range files {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			b, err := os.ReadFile(p)
			if err != nil {
				return nil, fmt.Errorf("synonym table: %w", err)
			}
			texts = append(texts, string(b))
		}
	}
	return texts, nil
}

// Header is the table's opening: what it is, how it is rebuilt, and the
// WordNet licence notice, which must accompany every copy of data derived
// from WordNet.
const Header = `# Synonym groups of the linker, derived from WordNet 3.0 (see package
# train/synonymtrain). One group a line: stems, tab-separated, the first
# the one the others fold to; the last field lists the WordNet lemma pairs
# that joined them. A line opening with "phrase" folds a two-word verb
# (the Snowball stem of its verb, "_", its second word) to the stem of a
# one-word verb, with the lemma pair that joined them. A line opening with
# "antonym" pairs two verb stems WordNet gives opposite senses, with the
# lemmas whose antonym pointer joined them. Rebuild with:
#   claimtrail train synonyms --wordnet /usr/share/wordnet \
#     --fnc1 ../shared/data/fnc1/train_bodies.csv --polnear ../shared/data/polnear \
#     --out link/synonyms.tsv
#
# WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved.
# THIS SOFTWARE AND DATABASE IS PROVIDED "AS IS" AND PRINCETON UNIVERSITY
# MAKES NO REPRESENTATIONS OR WARRANTIES, EXPRESS OR IMPLIED. BY WAY OF
# EXAMPLE, BUT NOT LIMITATION, PRINCETON UNIVERSITY MAKES NO
# REPRESENTATIONS OR WARRANTIES OF MERCHANTABILITY OR FITNESS FOR ANY
# PARTICULAR PURPOSE OR THAT THE USE OF THE LICENSED SOFTWARE, DATABASE OR
# DOCUMENTATION WILL NOT INFRINGE ANY THIRD PARTY PATENTS, COPYRIGHTS,
# TRADEMARKS OR OTHER RIGHTS. The name of Princeton University or
# Princeton may not be used in advertising or publicity pertaining to
# distribution of the software and/or database. Title to copyright in this
# software, database and any associated documentation shall at all times
# remain with Princeton University and LICENSEE agrees to preserve same.
`

// Write writes the table: the groups, then the phrases.
func Write(w io.Writer, t Table) error {
	bw := bufio.NewWriter(w)
	bw.WriteString(Header)
	for _, g := range t.Groups {
		bw.WriteString(strings.Join(g.Stems, "\t"))
		bw.WriteString("\t# " + strings.Join(g.Lemmas, " ") + "\n")
	}
	for _, p := range t.Phrases {
		bw.WriteString("phrase\t" + p.Key + "\t" + p.Stem + "\t# " + p.Lemma + "\n")
	}
	for _, a := range t.Antonyms {
		bw.WriteString("antonym\t" + a.A + "\t" + a.B + "\t# " + a.Lemma + "\n")
	}
	return bw.Flush()
}
