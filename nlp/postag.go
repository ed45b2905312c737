package nlp

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"regexp"
	"strings"
	"sync"

	"github.com/jdkato/prose/v3/tag/aptagmodel"
)

// posTagger is prose v3's averaged-perceptron part-of-speech tagger (package
// tag, same embedded English model, same features, same arithmetic, so the
// same tags), with the model's weights found without searching.
//
// prose finds each of the 14 features of a word by binary search over its
// 75,000 sorted feature strings: about 17 string comparisons, each a likely
// cache miss, so that looking features up was most of analysis's tagging
// time. Here the features that depend on one word or suffix are gathered
// at load time under that word, so a sentence costs one map lookup per word
// and suffix, and the two features that pair a tag with a tag or a word are
// one map lookup each. The scores are summed in prose's order, in float32,
// so that ties and near-ties come out as prose's do (TestPOSTaggerIsProse).
type posTagger struct {
	classes []string
	pairOff []uint32 // feature i's weights are classIDs/weights[pairOff[i]:pairOff[i+1]]
	ids     []uint8
	weights []float32
	// feats maps every feature string to its index (the two pair
	// templates are looked up here).
	feats map[string]int32
	// vals maps a word or suffix to the features it forms in each
	// word-valued template.
	vals map[string]valFeats
	// tags maps a tag to its "i-1 tag" and "i-2 tag" features.
	tags   map[string][2]int32
	pref1  [256]int32 // "i pref1 X" by the byte X
	bias   int32
	tagMap map[string]string // words the model always tags alike
	pool   sync.Pool
}

// valFeats is one word's or suffix's features, -1 where the model has none.
type valFeats struct {
	word [5]int32 // "i word", "i-1 word", "i-2 word", "i+1 word", "i+2 word"
	suf  [3]int32 // "i suffix", "i-1 suffix", "i+1 suffix"
}

var noFeats = valFeats{word: [5]int32{-1, -1, -1, -1, -1}, suf: [3]int32{-1, -1, -1}}

// Templates whose value is one word or suffix, and the valFeats slot each
// fills: slots 0-4 are word, 5-7 suf.
var valTemplates = []struct {
	prefix string
	slot   int
}{
	{"i word ", 0}, {"i-1 word ", 1}, {"i-2 word ", 2}, {"i+1 word ", 3}, {"i+2 word ", 4},
	{"i suffix ", 5}, {"i-1 suffix ", 6}, {"i+1 suffix ", 7},
}

// Tokens prose's tagger passes through rather than scores (Penn Treebank
// traces and bracket literals); the same expressions as prose's.
var (
	posNoneRe = regexp.MustCompile(`^(?:0|\*[\w?]\*|\*\-\d{1,3}|\*[A-Z]+\*\-\d{1,3}|\*)$`)
	posKeepRe = regexp.MustCompile(`^\-[A-Z]{3}\-$`)
)

// loadPOSTagger returns the tagger of prose's embedded English model
// (prose's flat format: see prose/v3/internal/flat), decoded and indexed on
// the first call and shared after: it is read-only.
var loadPOSTagger = sync.OnceValues(func() (*posTagger, error) {
	return newPOSTagger(aptagmodel.English)
})

// flatReader reads the little-endian fields of a flat model.
type flatReader struct {
	b   []byte
	err error
}

func (r *flatReader) next(n int) []byte {
	if r.err != nil {
		return nil
	}
	if n < 0 || n > len(r.b) {
		r.err = fmt.Errorf("truncated tagging model: wanted %d bytes, have %d", n, len(r.b))
		return nil
	}
	out := r.b[:n]
	r.b = r.b[n:]
	return out
}

func (r *flatReader) u32() int {
	if b := r.next(4); b != nil {
		return int(binary.LittleEndian.Uint32(b))
	}
	return 0
}

func (r *flatReader) str16() string {
	b := r.next(2)
	if b == nil {
		return ""
	}
	return string(r.next(int(binary.LittleEndian.Uint16(b))))
}

func (r *flatReader) u32s(n int) []uint32 {
	b := r.next(4 * n)
	if b == nil {
		return nil
	}
	out := make([]uint32, n)
	for i := range out {
		out[i] = binary.LittleEndian.Uint32(b[4*i:])
	}
	return out
}

// newPOSTagger decodes a model in prose's flat format.
func newPOSTagger(data []byte) (*posTagger, error) {
	r := &flatReader{b: data}
	if string(r.next(8)) != "PROSETAG" || r.u32() != 1 {
		return nil, errors.New("tagging model: not a prose flat model of version 1")
	}
	t := &posTagger{classes: make([]string, r.u32())}
	if r.err == nil && len(t.classes) > 256 {
		return nil, fmt.Errorf("tagging model: %d classes, at most 256 allowed", len(t.classes))
	}
	for i := range t.classes {
		t.classes[i] = r.str16()
	}
	nFeat, nPairs, blobLen := r.u32(), r.u32(), r.u32()
	blob := string(r.next(blobLen))
	featOff := r.u32s(nFeat + 1)
	t.pairOff = r.u32s(nFeat + 1)
	t.ids = append([]uint8(nil), r.next(nPairs)...)
	t.weights = make([]float32, nPairs)
	for i, w := range r.u32s(nPairs) {
		t.weights[i] = math.Float32frombits(w)
	}
	nTagMap := r.u32()
	t.tagMap = make(map[string]string, nTagMap)
	for range nTagMap {
		w := r.str16()
		id := r.next(1)
		if r.err != nil {
			break
		}
		if int(id[0]) >= len(t.classes) {
			return nil, fmt.Errorf("tagging model: word %q has class %d of %d", w, id[0], len(t.classes))
		}
		t.tagMap[w] = t.classes[id[0]]
	}
	if r.err != nil {
		return nil, r.err
	}
	if int(featOff[nFeat]) != len(blob) || int(t.pairOff[nFeat]) != nPairs {
		return nil, errors.New("tagging model: offsets disagree with the data")
	}
	for _, id := range t.ids {
		if int(id) >= len(t.classes) {
			return nil, fmt.Errorf("tagging model: class %d of %d", id, len(t.classes))
		}
	}
	t.index(blob, featOff)
	t.pool.New = func() any { return &posScratch{scores: make([]float32, len(t.classes))} }
	return t, nil
}

// index builds the lookup tables from the sorted feature strings.
func (t *posTagger) index(blob string, featOff []uint32) {
	n := len(featOff) - 1
	t.feats = make(map[string]int32, n)
	t.vals = map[string]valFeats{}
	t.tags = map[string][2]int32{}
	t.bias = -1
	for i := range t.pref1 {
		t.pref1[i] = -1
	}
	for i := range n {
		f := blob[featOff[i]:featOff[i+1]]
		idx := int32(i)
		t.feats[f] = idx
		switch {
		case f == "bias":
			t.bias = idx
		case strings.HasPrefix(f, "i pref1 ") && len(f) == len("i pref1 ")+1:
			t.pref1[f[len(f)-1]] = idx
		case strings.HasPrefix(f, "i-1 tag "):
			v := t.tagFeats(f[len("i-1 tag "):])
			v[0] = idx
			t.tags[f[len("i-1 tag "):]] = v
		case strings.HasPrefix(f, "i-2 tag "):
			v := t.tagFeats(f[len("i-2 tag "):])
			v[1] = idx
			t.tags[f[len("i-2 tag "):]] = v
		}
		for _, vt := range valTemplates {
			if !strings.HasPrefix(f, vt.prefix) {
				continue
			}
			key := f[len(vt.prefix):]
			v, ok := t.vals[key]
			if !ok {
				v = noFeats
			}
			if vt.slot < 5 {
				v.word[vt.slot] = idx
			} else {
				v.suf[vt.slot-5] = idx
			}
			t.vals[key] = v
			break
		}
	}
}

func (t *posTagger) tagFeats(tag string) [2]int32 {
	if v, ok := t.tags[tag]; ok {
		return v
	}
	return [2]int32{-1, -1}
}

// posScratch is one tagging call's working space.
type posScratch struct {
	scores []float32
	key    []byte
	ctx    []string
	ctxv   []valFeats // features of each context word
	sufv   []valFeats // features of each context word's suffix
}

// tagTokens sets the Tag of each token of one sentence from its Text, as
// prose's Tagger.TagTokens does.
func (t *posTagger) tagTokens(toks []Token) {
	if len(toks) == 0 {
		return
	}
	s := t.pool.Get().(*posScratch)
	defer t.pool.Put(s)
	n := len(toks) + 4
	if cap(s.ctx) < n {
		s.ctx = make([]string, n)
		s.ctxv = make([]valFeats, n)
		s.sufv = make([]valFeats, n)
	}
	ctx, ctxv, sufv := s.ctx[:n], s.ctxv[:n], s.sufv[:n]
	ctx[0], ctx[1], ctx[n-2], ctx[n-1] = "-START-", "-START2-", "-END-", "-END2-"
	for i := range toks {
		ctx[i+2] = posNormalize(toks[i])
	}
	for k, w := range ctx {
		ctxv[k] = t.lookupVal(w)
		sufv[k] = t.lookupVal(posSuffix(w))
	}
	p1, p2 := "-START-", "-START2-"
	for i := range toks {
		w := toks[i].Text
		tag := t.special(w)
		if tag == "" {
			tag = t.predict(s, i+2, w, p1, p2)
		}
		toks[i].Tag = tag
		p2, p1 = p1, tag
	}
}

func (t *posTagger) lookupVal(v string) valFeats {
	if f, ok := t.vals[v]; ok {
		return f
	}
	return noFeats
}

// special returns the tag prose gives word without scoring it, or "".
func (t *posTagger) special(w string) string {
	switch {
	case w == "-":
		return "-"
	case proseEmoticons[w]:
		return "SYM"
	case strings.HasPrefix(w, "@"):
		return "NN"
	case (w == "0" || strings.HasPrefix(w, "*")) && posNoneRe.MatchString(w):
		return "-NONE-"
	case len(w) == 5 && w[0] == '-' && posKeepRe.MatchString(w):
		return w
	}
	return t.tagMap[w]
}

// predict scores word at context position i (the sentence's words start at
// 2) and returns the best tag. The features are added in the order of
// prose's Tagger.predict, each weight once (prose scales by 1).
func (t *posTagger) predict(s *posScratch, i int, w, p1, p2 string) string {
	sc := s.scores
	clear(sc)
	tp1, tp2 := t.tagFeats(p1), t.tagFeats(p2)
	var pre int32 = -1
	if w != "" {
		pre = t.pref1[w[0]]
	} else if f, ok := t.feats["i pref1 "]; ok {
		pre = f
	}
	t.add(sc, t.bias)
	t.add(sc, t.lookupVal(posSuffix(w)).suf[0])
	t.add(sc, pre)
	t.add(sc, tp1[0])
	t.add(sc, tp2[1])
	t.add(sc, t.pair(s, "i tag+i-2 tag ", p1, p2))
	t.add(sc, s.ctxv[i].word[0])
	t.add(sc, t.pair(s, "i-1 tag+i word ", p1, s.ctx[i]))
	t.add(sc, s.ctxv[i-1].word[1])
	t.add(sc, s.sufv[i-1].suf[1])
	t.add(sc, s.ctxv[i-2].word[2])
	t.add(sc, s.ctxv[i+1].word[3])
	t.add(sc, s.sufv[i+1].suf[2])
	t.add(sc, s.ctxv[i+2].word[4])
	best, bestID := float32(math.Inf(-1)), -1
	for id, v := range sc {
		if v > best {
			best, bestID = v, id
		}
	}
	if bestID < 0 {
		return ""
	}
	return t.classes[bestID]
}

// pair looks up the feature prefix+a+" "+b.
func (t *posTagger) pair(s *posScratch, prefix, a, b string) int32 {
	s.key = append(append(append(append(s.key[:0], prefix...), a...), ' '), b...)
	if f, ok := t.feats[string(s.key)]; ok {
		return f
	}
	return -1
}

// add adds feature f's weights to the scores (f < 0: an unknown feature).
func (t *posTagger) add(sc []float32, f int32) {
	if f < 0 {
		return
	}
	lo, hi := t.pairOff[f], t.pairOff[f+1]
	ids, ws := t.ids[lo:hi], t.weights[lo:hi]
	for j, id := range ids {
		sc[id] += ws[j]
	}
}

// posSuffix is prose's suffix(w, 3): the last three bytes.
func posSuffix(w string) string {
	if len(w) <= 3 {
		return w
	}
	return w[len(w)-3:]
}

// posNormalize maps a token's word onto the form prose's model was
// trained against (prose's normalize, whose lower-casing is
// strings.ToLower's).
func posNormalize(t Token) string {
	w := t.Text
	if w == "" {
		return w
	}
	first := w[0]
	if first != '-' && strings.IndexByte(w, '-') >= 0 {
		return "!HYPHEN"
	}
	if len(w) == 4 && isYear(w) {
		return "!YEAR"
	}
	if first >= '0' && first <= '9' {
		return "!DIGITS"
	}
	return t.LowerText()
}

// isYear is what strconv.Atoi accepts of four bytes: an optional sign and
// digits.
func isYear(s string) bool {
	i := 0
	if s[0] == '+' || s[0] == '-' {
		i = 1
	}
	if i == len(s) {
		return false
	}
	for ; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// proseEmoticons is the emoticon set prose's tagger tags SYM (prose v3.2.3,
// internal/emoticon, which cannot be imported); TestPOSTaggerIsProse checks
// each against prose.
var proseEmoticons = map[string]bool{
	"(-8": true, "(-;": true, "(-_-)": true, "(._.)": true, "(:": true, "(=": true, "(o:": true,
	"(¬_¬)": true, "(ಠ_ಠ)": true, "(╯°□°）╯︵┻━┻": true, "-__-": true, "8-)": true, "8-D": true,
	"8D": true, ":(": true, ":((": true, ":(((": true, ":()": true, ":)))": true, ":-)": true,
	":-))": true, ":-)))": true, ":-*": true, ":-/": true, ":-X": true, ":-]": true, ":-o": true,
	":-p": true, ":-x": true, ":-|": true, ":-}": true, ":0": true, ":3": true, ":P": true,
	":]": true, ":`(": true, ":`)": true, ":`-(": true, ":o": true, ":o)": true, "=(": true,
	"=)": true, "=D": true, "=|": true, "@_@": true, "O.o": true, "O_o": true, "V_V": true,
	"XDD": true, "[-:": true, "^___^": true, "o_0": true, "o_O": true, "o_o": true, "v_v": true,
	"xD": true, "xDD": true, "¯\\(ツ)/¯": true,
}
