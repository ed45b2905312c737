package nlp

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"regexp"
	"slices"
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
	// vals maps a word or suffix to the features it forms in each
	// word-valued template.
	vals map[string]valFeats
	// Tags are numbered: the classes first, then the other tags the
	// features name ("-START-"). tagIDs numbers them; prev1 and prev2
	// hold each tag's "i-1 tag" and "i-2 tag" features, pairs the
	// "i tag+i-2 tag" feature of tags a and b at a*nTags+b.
	tagIDs       map[string]int32
	nTags        int32
	prev1, prev2 []int32
	pairs        []int32
	pref1        [256]int32 // "i pref1 X" by the byte X
	prefEmpty    int32      // "i pref1 " (an empty word)
	bias         int32
	fixed        map[string]fixedTag // words tagged without scoring
	pool         sync.Pool
}

// fixedTag is what the tagger knows of a word before scoring it.
type fixedTag struct {
	tag      string // the model's one tag for the word, or ""
	id       int32  // tag's number
	emoticon bool   // prose tags it SYM, before anything else
}

// valFeats is one word's or suffix's features, -1 where the model has none.
type valFeats struct {
	word [5]int32 // "i word", "i-1 word", "i-2 word", "i+1 word", "i+2 word"
	suf  [3]int32 // "i suffix", "i-1 suffix", "i+1 suffix"
	// after holds its "i-1 tag+i word" features, by the previous tag.
	after []tagFeat
}

// tagFeat is a feature that pairs a tag with a word.
type tagFeat struct{ tag, feat int32 }

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
	tagMap := make(map[string]uint8, nTagMap)
	for range nTagMap {
		w := r.str16()
		id := r.next(1)
		if r.err != nil {
			break
		}
		if int(id[0]) >= len(t.classes) {
			return nil, fmt.Errorf("tagging model: word %q has class %d of %d", w, id[0], len(t.classes))
		}
		tagMap[w] = id[0]
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
	if err := t.index(blob, featOff); err != nil {
		return nil, err
	}
	t.fixed = make(map[string]fixedTag, len(tagMap)+len(proseEmoticons))
	for w, id := range tagMap {
		t.fixed[w] = fixedTag{tag: t.classes[id], id: int32(id)}
	}
	for w := range proseEmoticons {
		f := t.fixed[w]
		f.emoticon = true
		t.fixed[w] = f
	}
	t.pool.New = func() any { return &posScratch{scores: make([]float32, len(t.classes))} }
	return t, nil
}

// Templates that pair a tag with a tag or a word.
const (
	prev1Template = "i-1 tag "
	prev2Template = "i-2 tag "
	pairTemplate  = "i tag+i-2 tag "
	afterTemplate = "i-1 tag+i word "
)

// index builds the lookup tables from the sorted feature strings.
func (t *posTagger) index(blob string, featOff []uint32) error {
	t.vals = map[string]valFeats{}
	t.tagIDs = map[string]int32{}
	for _, c := range append(append([]string(nil), t.classes...), "-START-", "-START2-") {
		t.tagID(c)
	}
	t.bias, t.prefEmpty = -1, -1
	for i := range t.pref1 {
		t.pref1[i] = -1
	}
	var prev1, prev2, pairs []taggedFeat
	for i := range len(featOff) - 1 {
		f := blob[featOff[i]:featOff[i+1]]
		idx := int32(i)
		var ok bool
		switch {
		case f == "bias":
			t.bias = idx
		case f == "i pref1 ":
			t.prefEmpty = idx
		case strings.HasPrefix(f, "i pref1 ") && len(f) == len("i pref1 ")+1:
			t.pref1[f[len(f)-1]] = idx
		case strings.HasPrefix(f, prev1Template):
			prev1 = append(prev1, taggedFeat{a: f[len(prev1Template):], feat: idx})
		case strings.HasPrefix(f, prev2Template):
			prev2 = append(prev2, taggedFeat{a: f[len(prev2Template):], feat: idx})
		case strings.HasPrefix(f, pairTemplate):
			p := taggedFeat{feat: idx}
			if p.a, p.b, ok = strings.Cut(f[len(pairTemplate):], " "); !ok {
				return fmt.Errorf("tagging model: feature %q pairs no two tags", f)
			}
			pairs = append(pairs, p)
		case strings.HasPrefix(f, afterTemplate):
			tag, word, ok := strings.Cut(f[len(afterTemplate):], " ")
			if !ok {
				return fmt.Errorf("tagging model: feature %q pairs no tag and word", f)
			}
			v := t.lookupVal(word)
			v.after = append(v.after, tagFeat{tag: t.tagID(tag), feat: idx})
			t.vals[word] = v
		default:
			t.indexVal(f, idx)
		}
	}
	for _, p := range slices.Concat(prev1, prev2, pairs) {
		for _, tag := range []string{p.a, p.b} {
			if strings.IndexByte(tag, ' ') >= 0 {
				return fmt.Errorf("tagging model: tag %q holds a space", tag)
			}
			if tag != "" {
				t.tagID(tag)
			}
		}
	}
	t.prev1, t.prev2 = t.tagTable(prev1), t.tagTable(prev2)
	t.pairs = make([]int32, t.nTags*t.nTags)
	for k := range t.pairs {
		t.pairs[k] = -1
	}
	for _, p := range pairs {
		t.pairs[t.tagIDs[p.a]*t.nTags+t.tagIDs[p.b]] = p.feat
	}
	return nil
}

// tagID returns tag's number, numbering it if it has none.
func (t *posTagger) tagID(tag string) int32 {
	id, ok := t.tagIDs[tag]
	if !ok {
		id = t.nTags
		t.tagIDs[tag] = id
		t.nTags++
	}
	return id
}

// taggedFeat is a feature of the tag a (and b) read at load time.
type taggedFeat struct {
	a, b string
	feat int32
}

// tagTable returns the features of tags by tag number, -1 for none.
func (t *posTagger) tagTable(feats []taggedFeat) []int32 {
	out := make([]int32, t.nTags)
	for k := range out {
		out[k] = -1
	}
	for _, f := range feats {
		out[t.tagIDs[f.a]] = f.feat
	}
	return out
}

// indexVal files feature f, if its template is word-valued, under its
// word.
func (t *posTagger) indexVal(f string, idx int32) {
	for _, vt := range valTemplates {
		if !strings.HasPrefix(f, vt.prefix) {
			continue
		}
		key := f[len(vt.prefix):]
		v := t.lookupVal(key)
		if vt.slot < 5 {
			v.word[vt.slot] = idx
		} else {
			v.suf[vt.slot-5] = idx
		}
		t.vals[key] = v
		return
	}
}

// posScratch is one tagging call's working space.
type posScratch struct {
	scores []float32
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
	p1, p2 := t.tagIDs["-START-"], t.tagIDs["-START2-"]
	for i := range toks {
		w := toks[i].Text
		tag, id := t.special(w)
		if tag == "" {
			id = t.predict(s, i+2, w, p1, p2)
			tag = t.classes[id]
		}
		toks[i].Tag = tag
		p2, p1 = p1, id
	}
}

func (t *posTagger) lookupVal(v string) valFeats {
	if f, ok := t.vals[v]; ok {
		return f
	}
	return noFeats
}

// special returns the tag prose gives word without scoring it, and its
// number (-1 for a tag the model does not know), or "".
func (t *posTagger) special(w string) (string, int32) {
	if w == "-" {
		return "-", t.knownTag("-")
	}
	f, fixed := t.fixed[w]
	switch {
	case f.emoticon:
		return "SYM", t.knownTag("SYM")
	case strings.HasPrefix(w, "@"):
		return "NN", t.knownTag("NN")
	case (w == "0" || strings.HasPrefix(w, "*")) && posNoneRe.MatchString(w):
		return "-NONE-", t.knownTag("-NONE-")
	case len(w) == 5 && w[0] == '-' && posKeepRe.MatchString(w):
		return w, t.knownTag(w)
	case fixed && f.tag != "":
		return f.tag, f.id
	}
	return "", -1
}

// knownTag returns tag's number, or -1 when no feature names it.
func (t *posTagger) knownTag(tag string) int32 {
	if id, ok := t.tagIDs[tag]; ok {
		return id
	}
	return -1
}

// predict scores word w at context position i (the sentence's words start
// at 2), after the tags numbered p1 and p2 (-1: unknown), and returns the
// best class. The features are added in the order of prose's
// Tagger.predict, each weight once (prose scales by 1).
func (t *posTagger) predict(s *posScratch, i int, w string, p1, p2 int32) int32 {
	sc := s.scores
	clear(sc)
	pre, f1, f2, pair, after := t.prefEmpty, int32(-1), int32(-1), int32(-1), int32(-1)
	if w != "" {
		pre = t.pref1[w[0]]
	}
	if p1 >= 0 {
		f1 = t.prev1[p1]
		for _, a := range s.ctxv[i].after {
			if a.tag == p1 {
				after = a.feat
				break
			}
		}
	}
	if p2 >= 0 {
		f2 = t.prev2[p2]
	}
	if p1 >= 0 && p2 >= 0 {
		pair = t.pairs[p1*t.nTags+p2]
	}
	suf := s.sufv[i] // the word's suffix is its normalised form's, unless normalising changed it
	if s.ctx[i] != w {
		suf = t.lookupVal(posSuffix(w))
	}
	t.add(sc, t.bias)
	t.add(sc, suf.suf[0])
	t.add(sc, pre)
	t.add(sc, f1)
	t.add(sc, f2)
	t.add(sc, pair)
	t.add(sc, s.ctxv[i].word[0])
	t.add(sc, after)
	t.add(sc, s.ctxv[i-1].word[1])
	t.add(sc, s.sufv[i-1].suf[1])
	t.add(sc, s.ctxv[i-2].word[2])
	t.add(sc, s.ctxv[i+1].word[3])
	t.add(sc, s.sufv[i+1].suf[2])
	t.add(sc, s.ctxv[i+2].word[4])
	best, bestID := float32(math.Inf(-1)), int32(0)
	for id, v := range sc {
		if v > best {
			best, bestID = v, int32(id)
		}
	}
	return bestID
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
