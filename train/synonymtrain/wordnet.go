package synonymtrain

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// wordNet is the part of a WordNet database the table is derived from: for
// each part of speech, the senses of every lemma in WordNet's order (the
// most frequent first) and the synsets those senses name.
type wordNet struct {
	senses  map[string][]string // "v:collapse" → synset keys, first sense first
	synsets map[string]*synset  // "v:01989071" → synset
	// tags are how often each sense of a lemma was tagged in WordNet's
	// semantic concordance ("v:buy" → [102 2]).
	tags  map[string][]int
	total map[string]int // lemma → its tags over every part of speech
}

// synset is one WordNet synset: its lemmas and its lexical derivation
// links ("closure" → "close").
type synset struct {
	lexFile string // the lexicographer file, "04" for noun.act
	words   []string
	derived []lexLink
	// antonyms are WordNet's antonym pointers from one word of the synset
	// to one word of another ("raise" → "lower").
	antonyms []lexLink
}

// lexLink is a lexical pointer from one word of a synset to one word of
// another.
type lexLink struct {
	from   string // the source lemma
	target string // the target synset key
	to     string // the target lemma
}

// posFiles are the parts of speech read, with the letter their keys carry.
var posFiles = []struct{ name, letter string }{{"verb", "v"}, {"noun", "n"}}

// readWordNet reads index.{verb,noun} and data.{verb,noun} from dir.
func readWordNet(ctx context.Context, dir string) (*wordNet, error) {
	wn := &wordNet{senses: map[string][]string{}, synsets: map[string]*synset{}, tags: map[string][]int{}, total: map[string]int{}}
	for _, p := range posFiles {
		if err := eachLine(ctx, filepath.Join(dir, "index."+p.name), func(f []string) error {
			return wn.addIndex(p.letter, f)
		}); err != nil {
			return nil, err
		}
		if err := eachLine(ctx, filepath.Join(dir, "data."+p.name), func(f []string) error {
			return wn.addData(p.letter, f)
		}); err != nil {
			return nil, err
		}
	}
	if err := eachLine(ctx, filepath.Join(dir, "cntlist.rev"), wn.addCount); err != nil {
		return nil, err
	}
	return wn, nil
}

// plural reports whether lemma is the plural of another noun lemma
// ("works", "reserves"): its senses are its singular's uses in news.
func (wn *wordNet) plural(lemma string) bool {
	_, ok := wn.senses["n:"+strings.TrimSuffix(lemma, "s")]
	return strings.HasSuffix(lemma, "s") && ok
}

// ssTypes are the parts of speech of sense keys' ss_type digit.
var ssTypes = map[byte]string{'1': "n", '2': "v", '3': "a", '4': "r", '5': "a"}

// addCount reads one cntlist.rev line: sense_key sense_number tag_cnt,
// the key lemma%ss_type:….
func (wn *wordNet) addCount(f []string) error {
	if len(f) != 3 {
		return fmt.Errorf("bad count line")
	}
	lem, rest, ok := strings.Cut(f[0], "%")
	n, err1 := strconv.Atoi(f[1])
	c, err2 := strconv.Atoi(f[2])
	if !ok || rest == "" || err1 != nil || err2 != nil || n < 1 || n > 1000 {
		return fmt.Errorf("bad count line")
	}
	key := ssTypes[rest[0]] + ":" + lem
	for len(wn.tags[key]) < n {
		wn.tags[key] = append(wn.tags[key], 0)
	}
	wn.tags[key][n-1] += c
	wn.total[lem] += c
	return nil
}

// dominant reports whether lemma's first sense in pos is its dominant one:
// tagged at least min times, at least half the times the lemma was tagged
// in pos, and pos at least half the times it was tagged at all. "buy" the
// noun (a bargain, tagged once) is not dominant, nor "fall" the noun
// (autumn: the verb is tagged far more); "buy" the verb (102 of 104) is.
func (wn *wordNet) dominant(pos, lemma string, min int) bool {
	t := wn.tags[pos+":"+lemma]
	if len(t) == 0 || t[0] < min {
		return false
	}
	sum := 0
	for _, n := range t {
		sum += n
	}
	return 2*t[0] >= sum && 2*sum >= wn.total[lemma]
}

// eachLine calls fn with the fields of every line of a WordNet file,
// skipping the licence header (lines opening with a space).
func eachLine(ctx context.Context, path string, fn func([]string) error) error {
	f, err := os.Open(filepath.Clean(path))
	if err != nil {
		return fmt.Errorf("wordnet: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || line[0] == ' ' {
			continue
		}
		if n%4096 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		if err := fn(strings.Fields(line)); err != nil {
			return fmt.Errorf("wordnet: %s:%d: %w", path, n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("wordnet: %s: %w", path, err)
	}
	return nil
}

// addIndex reads one index line: lemma pos synset_cnt p_cnt [ptr…]
// sense_cnt tagsense_cnt offset….
func (wn *wordNet) addIndex(pos string, f []string) error {
	if len(f) < 4 {
		return fmt.Errorf("short index line")
	}
	nSyn, err1 := strconv.Atoi(f[2])
	nPtr, err2 := strconv.Atoi(f[3])
	if err1 != nil || err2 != nil || nSyn < 1 || len(f) < 6+nPtr+nSyn {
		return fmt.Errorf("bad index line for %q", f[0])
	}
	offs := f[len(f)-nSyn:]
	keys := make([]string, len(offs))
	for i, o := range offs {
		keys[i] = pos + ":" + o
	}
	wn.senses[pos+":"+f[0]] = keys
	return nil
}

// addData reads one data line: offset lex_filenum ss_type w_cnt (word
// lex_id)… p_cnt (symbol offset pos source/target)… | gloss.
func (wn *wordNet) addData(pos string, f []string) error {
	if len(f) < 4 {
		return fmt.Errorf("short data line")
	}
	nw, err := strconv.ParseInt(f[3], 16, 32)
	if err != nil || len(f) < 5+2*int(nw) {
		return fmt.Errorf("bad word count in synset %s", f[0])
	}
	s := &synset{lexFile: f[1]}
	for i := 0; i < int(nw); i++ {
		s.words = append(s.words, lemma(f[4+2*i]))
	}
	at := 4 + 2*int(nw)
	np, err := strconv.Atoi(f[at])
	if err != nil || len(f) < at+1+4*np {
		return fmt.Errorf("bad pointer count in synset %s", f[0])
	}
	for i := 0; i < np; i++ {
		p := f[at+1+4*i : at+5+4*i]
		if p[0] != "+" && p[0] != "!" || p[3] == "0000" || len(p[3]) != 4 {
			continue // only lexical derivations and antonyms
		}
		src, err1 := strconv.ParseInt(p[3][:2], 16, 32)
		dst, err2 := strconv.ParseInt(p[3][2:], 16, 32)
		if err1 != nil || err2 != nil || src < 1 || int(src) > len(s.words) {
			continue
		}
		l := lexLink{from: s.words[src-1], target: p[2] + ":" + p[1], to: strconv.Itoa(int(dst))}
		if p[0] == "!" {
			s.antonyms = append(s.antonyms, l)
		} else {
			s.derived = append(s.derived, l)
		}
	}
	wn.synsets[pos+":"+f[0]] = s
	return nil
}

// lemma folds a data file's word to its index spelling: lower case,
// without an adjective marker.
func lemma(w string) string {
	if i := strings.IndexByte(w, '('); i > 0 {
		w = w[:i]
	}
	return strings.ToLower(w)
}

// first returns the synset of lemma's first (dominant) sense in pos.
func (wn *wordNet) first(pos, lemma string) (string, *synset) {
	keys := wn.senses[pos+":"+lemma]
	if len(keys) == 0 {
		return "", nil
	}
	return keys[0], wn.synsets[keys[0]]
}

// nominalFiles are the lexicographer files of nouns that name what a verb
// does or undergoes (noun.act, noun.event, noun.process, noun.state):
// "closure", "invasion", "death". Derivations to other nouns name the
// doer ("killer", "investor") or a thing ("creature"), not the event.
var nominalFiles = map[string]bool{"04": true, "11": true, "22": true, "26": true}

// nominal reports whether a derivation between synsets x and y joins a
// verb with the noun of its event.
func (wn *wordNet) nominal(x, y string) bool {
	if x[0] == y[0] {
		return false // "friend" / "friendship", "music" / "musician"
	}
	noun := x
	if y[0] == 'n' {
		noun = y
	}
	s := wn.synsets[noun]
	return s != nil && nominalFiles[s.lexFile]
}

// derivedWord resolves a derivation link's target word number to its lemma.
func (wn *wordNet) derivedWord(l lexLink) (string, bool) {
	s := wn.synsets[l.target]
	n, err := strconv.Atoi(l.to)
	if s == nil || err != nil || n < 1 || n > len(s.words) {
		return "", false
	}
	return s.words[n-1], true
}
