package seq

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/claimtrail/claimtrail/nlp"
	"github.com/kljensen/snowball/english"
)

// A window is the unit the labeller decodes at once: one paragraph's
// tokens. PolNeAR content often runs over several sentences of a paragraph
// (a quotation, a paraphrase followed by "he added"), and rarely across a
// paragraph break, so a paragraph is the natural window.
type window struct {
	first, last int // token indexes into doc.Tokens, half-open
	s0, s1      int // sentence indexes into doc.Sentences, half-open
	index       int // paragraph number in the document (its first window's)
}

// MaxWindowSentences bounds a window: a paragraph of more sentences is
// labelled in windows of this many. Grouping runs into attributions
// compares every run of a window with every cue, and the features of a
// token look across its window, so an unbounded window makes one long
// paragraph (a transcript, text run together without breaks) cost the
// square of its length. Paragraphs in news, and in PolNeAR, stay far below
// the bound, so it changes nothing there (docs/performance.md).
const MaxWindowSentences = 48

// windows groups a document's sentences into paragraphs, skipping empty
// sentences and any whose token range does not fit the document, and cuts
// a paragraph of more than MaxWindowSentences sentences into windows of
// that many. The windows of one paragraph share its number.
func windows(doc *nlp.Document) []window {
	var out []window
	para := -1 // the number of the current paragraph's first window
	for i, s := range doc.Sentences {
		if s.First < 0 || s.First >= s.Last || s.Last > len(doc.Tokens) {
			continue
		}
		if i > 0 && len(out) > 0 && doc.Sentences[i-1].Paragraph == s.Paragraph && out[len(out)-1].last == s.First {
			if w := &out[len(out)-1]; w.s1-w.s0 < MaxWindowSentences {
				w.last, w.s1 = s.Last, i+1
				continue
			}
			out = append(out, window{first: s.First, last: s.Last, s0: i, s1: i + 1, index: para})
			continue
		}
		para = len(out)
		out = append(out, window{first: s.First, last: s.Last, s0: i, s1: i + 1, index: para})
	}
	return out
}

// tagged reports whether every sentence of the window carries tags.
func (w window) tagged(doc *nlp.Document) bool {
	for _, s := range doc.Sentences[w.s0:w.s1] {
		if !s.Tagged {
			return false
		}
	}
	return true
}

// tokenInfo is what the feature templates read about one token.
type tokenInfo struct {
	lower    string
	tag      string
	shape    string
	cue      bool  // the word is in the cue lexicon
	quote    int8  // 1 opening, 2 closing, 3 ambiguous straight quote, 0 none
	inQuote  bool  // inside a double quotation
	sent     int32 // sentence number within the window
	sentPos  int32 // position within its sentence
	sentLen  int32
	leftCue  int32 // index of the nearest cue word to the left in the sentence, -1 if none
	rightCue int32 // index of the nearest cue word to the right in the sentence, -1 if none
	// leftVerb and rightVerb index the nearest verbs in the sentence, -1 if none.
	leftVerb, rightVerb int32
	quotes              int8 // quotation marks in the sentence, up to 2
	stem                string
	class               int8     // cueClass of the stem
	tree                treeInfo // what the sentence's dependency tree says
}

// scratch holds per-window buffers reused across windows.
type scratch struct {
	info   []tokenInfo
	feats  []uint32 // flattened feature buckets
	offs   []int32  // feats[offs[i]:offs[i+1]] belong to token i
	efeats []uint32 // transition feature buckets, likewise
	eoffs  []int32

	// Stacked features of the second pass, laid out likewise.
	xfeats, xefeats []uint32
	xoffs, xeoffs   []int32

	stemCache map[string]string
	// exclude, during training, holds the stem counts of the document being
	// featurized, taken out of the model's counts (leave one document out),
	// so that the cue classes the weights learn from are as reliable as on
	// unseen text.
	exclude map[string]stemCount
	tree    treeScratch
	// more, when set, is asked before each sentence is parsed whether the
	// window is still wanted; once it says no, featurize parses no more
	// and sets stopped, and the window's features must not be used.
	more    func() bool
	stopped bool
}

// featurize fills s with the feature buckets of the tokens in w.
func (m *Model) featurize(doc *nlp.Document, w window, s *scratch) {
	n := w.last - w.first
	toks := doc.Tokens[w.first:w.last]
	s.info = s.info[:0]
	sent, sentStart := int32(-1), 0
	inQ := false
	si := w.s0 - 1
	for i := range toks {
		t := &toks[i]
		for si+1 < w.s1 && w.first+i >= doc.Sentences[si+1].First {
			si++
			sent++
			sentStart = i
		}
		lower := lowerASCII(t.Text)
		q := quoteKind(t.Text)
		switch q {
		case 1:
			inQ = true
		case 2:
			inQ = false
		case 3:
			inQ = !inQ
		}
		st := s.stemOf(lower)
		c := m.stems[st]
		if x, ok := s.exclude[st]; ok {
			c.cue -= x.cue
			c.seen -= x.seen
		}
		s.info = append(s.info, tokenInfo{
			stem:    st,
			class:   int8(cueClass(c)),
			lower:   lower,
			tag:     t.Tag,
			shape:   shape(t.Text),
			cue:     m.lexicon[lower],
			quote:   q,
			inQuote: inQ && q == 0,
			sent:    sent,
			sentPos: int32(i - sentStart),
		})
	}
	// Sentence lengths and nearest cue words, one sentence at a time.
	for start := 0; start < n; {
		end := start
		for end < n && s.info[end].sent == s.info[start].sent {
			end++
		}
		last, lastVerb, quotes := int32(-1), int32(-1), int8(0)
		for i := start; i < end; i++ {
			s.info[i].sentLen = int32(end - start)
			s.info[i].leftCue = last
			s.info[i].leftVerb = lastVerb
			if s.info[i].cue {
				last = int32(i)
			}
			if strings.HasPrefix(s.info[i].tag, "VB") {
				lastVerb = int32(i)
			}
			if s.info[i].quote != 0 && quotes < 2 {
				quotes++
			}
		}
		last, lastVerb = -1, -1
		for i := end - 1; i >= start; i-- {
			s.info[i].rightCue = last
			s.info[i].rightVerb = lastVerb
			s.info[i].quotes = quotes
			if s.info[i].cue {
				last = int32(i)
			}
			if strings.HasPrefix(s.info[i].tag, "VB") {
				lastVerb = int32(i)
			}
		}
		start = end
	}
	s.treeFeatures(doc, w)
	s.feats, s.efeats = s.feats[:0], s.efeats[:0]
	s.offs, s.eoffs = append(s.offs[:0], 0), append(s.eoffs[:0], 0)
	for i := 0; i < n; i++ {
		s.feats = m.tokenFeatures(s.feats, s.info, i, w.index)
		s.offs = append(s.offs, int32(len(s.feats)))
		s.efeats = edgeFeatures(s.efeats, s.info, i)
		s.eoffs = append(s.eoffs, int32(len(s.efeats)))
	}
}

// Transition feature templates.
const (
	eBias = iota + 100
	eTag
	eTagPair
	eShape
	eCue
	eWord
	eQuote
	eSentFirst
	eTreeTop
	eClause
	eRel
)

func edgeBucket(h uint64) uint32 {
	h ^= h >> 29
	h *= 0xbf58476d1ce4e5b9
	h ^= h >> 32
	return uint32(h & edgeMask)
}

// edgeFeatures appends the transition feature buckets of token i: what the
// choice between continuing a span, ending it or starting another depends on.
func edgeFeatures(out []uint32, info []tokenInfo, i int) []uint32 {
	t := &info[i]
	add := func(h uint64) { out = append(out, edgeBucket(h)) }
	add(tmpl(eBias))
	add(hashStr(tmpl(eTag), t.tag))
	prev := boundary
	if i > 0 && info[i-1].sent == t.sent {
		prev = info[i-1].tag
	}
	add(hashStr(hashStr(tmpl(eTagPair), prev), t.tag))
	add(hashStr(tmpl(eShape), t.shape))
	if t.cue {
		add(tmpl(eCue))
		add(hashStr(tmpl(eWord), t.lower))
	} else if len(t.shape) > 0 && t.shape[0] != 'x' && t.shape[0] != 'X' && t.shape[0] != 'd' {
		add(hashStr(tmpl(eWord), t.lower))
	}
	add(hashInt(hashInt(tmpl(eQuote), int(t.quote)), b2i(t.inQuote)))
	if t.sentPos == 0 {
		add(hashInt(tmpl(eSentFirst), min(int(t.sent), 1)))
	}
	tr := &t.tree
	add(hashInt(hashStr(tmpl(eTreeTop), baseRel(tr.cueTop)), int(tr.compEdge)))
	add(hashStr(hashStr(tmpl(eClause), tr.clauseFirst), tr.clauseLast))
	add(hashStr(tmpl(eRel), baseRel(tr.rel)))
	return out
}

// Feature templates. Each feature is a hash of its template number and its
// parts, folded into the model's bucket table.
const (
	fBias = iota + 1
	fWord
	fSuffix3
	fSuffix2
	fShape
	fTag
	fTagPrev
	fTagNext
	fTagPrev2
	fTagNext2
	fTagBigramPrev
	fTagBigramNext
	fWordPrev
	fWordNext
	fWordPrev2
	fWordNext2
	fWordBigramPrev
	fWordBigramNext
	fCue
	fCuePrev
	fCueNext
	fQuote
	fInQuote
	fInQuoteTag
	fLeftCue
	fRightCue
	fLeftCueDist
	fRightCueDist
	fLeftCueTag
	fRightCueTag
	fRightCueAfter
	fLeftCueBefore
	fSentFirst
	fSentLast
	fSentRel
	fSentIndex
	fParaFirst
	fCommaToLeftCue
	fCommaToRightCue
	fCapTag
	fNoCue
	fQuoteInSent
	fWordTagNext
	fWordTagPrev
	fWordPrev3
	fWordNext3
	fTagTri
	fLeftVerb
	fRightVerb
	fLeftVerbDist
	fRightVerbDist
	fStem
	fClass
	fClassTag
	fClassPrev
	fClassNext
	fClassBigram
	fClassNextWord
	fClassPrevWord
	fStemPrev
	fStemNext
	fMaxClassLeft
	fMaxClassRight
	fColonInSent
	fAfterColon
	fVerbFrame
	fDash
	fParaQuote
	fSpeakerColon
	fRel
	fRelTag
	fRelHead
	fRelHeadStem
	fHeadDir
	fCueTop
	fCueTopTag
	fCuePath
	fCueTopWord
	fCompEdge
	fClauseFirst
	fClauseLast
	fKids
	fNoCueAnc
)

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func hashStr(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	h ^= 0xff
	h *= fnvPrime
	return h
}

func hashInt(h uint64, v int) uint64 {
	h ^= uint64(v) & 0xffff
	h *= fnvPrime
	h ^= 0xfe
	h *= fnvPrime
	return h
}

func (m *Model) bucket(h uint64) uint32 {
	h ^= h >> 29
	h *= 0xbf58476d1ce4e5b9
	h ^= h >> 32
	return uint32(h & m.mask)
}

func tmpl(t int) uint64 { return hashInt(fnvOffset, t) }

// distBucket folds a token distance into a few classes.
func distBucket(d int) int {
	switch {
	case d <= 3:
		return d
	case d <= 5:
		return 4
	case d <= 10:
		return 5
	case d <= 20:
		return 6
	}
	return 7
}

const (
	boundary = "<b>"
)

// tokenFeatures appends the feature buckets of token i. The groups are
// appended in a fixed order: the hashed buckets of a model depend on it.
func (m *Model) tokenFeatures(out []uint32, info []tokenInfo, i, para int) []uint32 {
	v := &tokenView{m: m, info: info, i: i, t: &info[i], out: out}
	v.lexical()
	v.cues()
	v.context(para)
	v.classes()
	v.punctuation()
	v.tree()
	return v.out
}

// tokenView is one token with its sentence, as the feature groups read it.
type tokenView struct {
	m    *Model
	info []tokenInfo
	i    int
	t    *tokenInfo
	out  []uint32
}

// at is token j when it is in the same sentence, else nil.
func (v *tokenView) at(j int) *tokenInfo {
	if j < 0 || j >= len(v.info) || v.info[j].sent != v.t.sent {
		return nil
	}
	return &v.info[j]
}

func (v *tokenView) word(j int) string {
	if x := v.at(j); x != nil {
		return x.lower
	}
	return boundary
}

func (v *tokenView) tag(j int) string {
	if x := v.at(j); x != nil {
		return x.tag
	}
	return boundary
}

func (v *tokenView) stem(j int) string {
	if x := v.at(j); x != nil {
		return x.stem
	}
	return boundary
}

func (v *tokenView) class(j int) int {
	if x := v.at(j); x != nil {
		return int(x.class)
	}
	return -1
}

func (v *tokenView) add(h uint64) { v.out = append(v.out, v.m.bucket(h)) }

// lexical adds the token's and its neighbours' words, shapes and tags.
func (v *tokenView) lexical() {
	t, i := v.t, v.i
	v.add(tmpl(fBias))
	v.add(hashStr(tmpl(fWord), t.lower))
	v.add(hashStr(tmpl(fSuffix3), suffix(t.lower, 3)))
	v.add(hashStr(tmpl(fSuffix2), suffix(t.lower, 2)))
	v.add(hashStr(tmpl(fShape), t.shape))
	v.add(hashStr(tmpl(fTag), t.tag))
	v.add(hashStr(tmpl(fTagPrev), v.tag(i-1)))
	v.add(hashStr(tmpl(fTagNext), v.tag(i+1)))
	v.add(hashStr(tmpl(fTagPrev2), v.tag(i-2)))
	v.add(hashStr(tmpl(fTagNext2), v.tag(i+2)))
	v.add(hashStr(hashStr(tmpl(fTagBigramPrev), v.tag(i-1)), t.tag))
	v.add(hashStr(hashStr(tmpl(fTagBigramNext), t.tag), v.tag(i+1)))
	v.add(hashStr(tmpl(fWordPrev), v.word(i-1)))
	v.add(hashStr(tmpl(fWordNext), v.word(i+1)))
	v.add(hashStr(tmpl(fWordPrev2), v.word(i-2)))
	v.add(hashStr(tmpl(fWordNext2), v.word(i+2)))
	v.add(hashStr(hashStr(tmpl(fWordBigramPrev), v.word(i-1)), t.lower))
	v.add(hashStr(hashStr(tmpl(fWordBigramNext), t.lower), v.word(i+1)))
}

// commas counts the commas strictly between tokens from and to, up to 2.
func (v *tokenView) commas(from, to int) int {
	n := 0
	for j := from + 1; j < to; j++ {
		if v.info[j].lower == "," {
			n++
		}
	}
	return min(n, 2)
}

// cues adds the cue words at and around the token, quotation state, and
// the nearest cue on each side.
func (v *tokenView) cues() {
	t, i := v.t, v.i
	if t.cue {
		v.add(tmpl(fCue))
	}
	if x := v.at(i - 1); x != nil && x.cue {
		v.add(tmpl(fCuePrev))
	}
	if x := v.at(i + 1); x != nil && x.cue {
		v.add(tmpl(fCueNext))
	}
	if t.quote != 0 {
		v.add(hashInt(hashInt(tmpl(fQuote), int(t.quote)), b2i(t.inQuote)))
	}
	v.add(hashInt(tmpl(fInQuote), b2i(t.inQuote)))
	v.add(hashStr(hashInt(tmpl(fInQuoteTag), b2i(t.inQuote)), t.tag))
	if t.leftCue >= 0 {
		c := int(t.leftCue)
		d := distBucket(i - c)
		v.add(hashStr(tmpl(fLeftCue), v.info[c].lower))
		v.add(hashInt(tmpl(fLeftCueDist), d))
		v.add(hashStr(hashInt(tmpl(fLeftCueTag), d), t.tag))
		v.add(hashStr(hashStr(tmpl(fLeftCueBefore), v.word(c-1)), v.info[c].lower))
		v.add(hashInt(tmpl(fCommaToLeftCue), v.commas(c, i)))
	} else {
		v.add(hashInt(tmpl(fLeftCueDist), -1))
	}
	if t.rightCue >= 0 {
		c := int(t.rightCue)
		d := distBucket(c - i)
		v.add(hashStr(tmpl(fRightCue), v.info[c].lower))
		v.add(hashInt(tmpl(fRightCueDist), d))
		v.add(hashStr(hashInt(tmpl(fRightCueTag), d), t.tag))
		v.add(hashStr(hashStr(tmpl(fRightCueAfter), v.info[c].lower), v.word(c+1)))
		v.add(hashInt(tmpl(fCommaToRightCue), v.commas(i, c)))
	} else {
		v.add(hashInt(tmpl(fRightCueDist), -1))
	}
	if t.leftCue < 0 && t.rightCue < 0 && !t.cue {
		v.add(hashInt(tmpl(fNoCue), b2i(t.inQuote)))
	}
}

// context adds wider word and tag windows, the nearest verbs, and the
// token's place in its sentence and paragraph.
func (v *tokenView) context(para int) {
	t, i := v.t, v.i
	v.add(hashStr(hashStr(tmpl(fWordTagNext), t.lower), v.tag(i+1)))
	v.add(hashStr(hashStr(tmpl(fWordTagPrev), v.tag(i-1)), t.lower))
	v.add(hashStr(tmpl(fWordPrev3), v.word(i-3)))
	v.add(hashStr(tmpl(fWordNext3), v.word(i+3)))
	v.add(hashStr(hashStr(hashStr(tmpl(fTagTri), v.tag(i-1)), t.tag), v.tag(i+1)))
	if t.leftVerb >= 0 {
		v.add(hashStr(tmpl(fLeftVerb), v.info[t.leftVerb].lower))
		v.add(hashStr(hashInt(tmpl(fLeftVerbDist), distBucket(i-int(t.leftVerb))), t.tag))
	}
	if t.rightVerb >= 0 {
		v.add(hashStr(tmpl(fRightVerb), v.info[t.rightVerb].lower))
		v.add(hashStr(hashInt(tmpl(fRightVerbDist), distBucket(int(t.rightVerb)-i)), t.tag))
	}
	v.add(hashInt(hashInt(tmpl(fQuoteInSent), int(t.quotes)), b2i(t.inQuote)))
	if t.sentPos == 0 {
		v.add(tmpl(fSentFirst))
	}
	if t.sentPos == t.sentLen-1 {
		v.add(tmpl(fSentLast))
	}
	v.add(hashInt(tmpl(fSentRel), int(4*t.sentPos/max(t.sentLen, 1))))
	v.add(hashInt(tmpl(fSentIndex), min(int(t.sent), 3)))
	if para == 0 {
		v.add(tmpl(fParaFirst))
	}
	if t.shape == "Xx" || t.shape == "X" {
		v.add(hashStr(tmpl(fCapTag), t.tag))
	}
}

// classes adds stems, cue classes around the token and verb frames.
func (v *tokenView) classes() {
	t, i := v.t, v.i
	v.add(hashStr(tmpl(fStem), t.stem))
	v.add(hashStr(tmpl(fStemPrev), v.stem(i-1)))
	v.add(hashStr(tmpl(fStemNext), v.stem(i+1)))
	c := int(t.class)
	v.add(hashInt(tmpl(fClass), c))
	v.add(hashStr(hashInt(tmpl(fClassTag), c), t.tag))
	v.add(hashInt(hashInt(tmpl(fClassPrev), v.class(i-1)), c))
	v.add(hashInt(hashInt(tmpl(fClassNext), c), v.class(i+1)))
	v.add(hashInt(hashInt(hashInt(tmpl(fClassBigram), v.class(i-1)), c), v.class(i+1)))
	if c > 0 {
		v.add(hashStr(hashInt(tmpl(fClassNextWord), c), v.word(i+1)))
		v.add(hashStr(hashInt(tmpl(fClassPrevWord), c), v.word(i-1)))
	}
	// The strongest cue class within five tokens on either side.
	ml, mr := 0, 0
	for j := i - 1; j >= i-5; j-- {
		ml = max(ml, v.class(j))
	}
	for j := i + 1; j <= i+5; j++ {
		mr = max(mr, v.class(j))
	}
	v.add(hashInt(hashInt(tmpl(fMaxClassLeft), ml/3), c/3))
	v.add(hashInt(hashInt(tmpl(fMaxClassRight), mr/3), c/3))
	// Verb frames: a verb after a subject-like word and before a
	// complement ("she wants to", "officials expect that").
	if strings.HasPrefix(t.tag, "VB") || t.tag == "MD" {
		v.add(hashStr(hashStr(hashStr(hashInt(tmpl(fVerbFrame), c/3), frameLeft(v.tag(i-1))), frameRight(v.word(i+1), v.tag(i+1))), t.tag[:min(len(t.tag), 3)]))
	}
}

// punctuation adds colons ("NAME: text" in transcripts, "he added: …"),
// dashes before a name, and the paragraph's opening quotation mark.
func (v *tokenView) punctuation() {
	t, i := v.t, v.i
	colonAt, colonBefore := -1, false
	for j := i - int(t.sentPos); j < i-int(t.sentPos)+int(t.sentLen) && j < len(v.info); j++ {
		if v.info[j].lower == ":" {
			if colonAt < 0 {
				colonAt = j
			}
			if j < i {
				colonBefore = true
			}
		}
	}
	if colonAt >= 0 {
		v.add(hashInt(hashInt(tmpl(fColonInSent), b2i(colonBefore)), b2i(t.inQuote)))
		if colonBefore {
			v.add(hashStr(tmpl(fAfterColon), t.tag))
		}
		if t.lower == ":" {
			v.add(hashInt(hashStr(tmpl(fSpeakerColon), v.tag(i-1)), min(int(t.sentPos), 4)))
		}
	}
	if t.lower == "―" || t.lower == "—" || t.lower == "--" || t.lower == "–" {
		v.add(hashStr(hashStr(hashInt(tmpl(fDash), b2i(v.at(i-1) != nil && v.at(i-1).quote != 0)), shapeOf(v.at(i+1))), shapeOf(v.at(i-1))))
	}
	v.add(hashInt(hashInt(tmpl(fParaQuote), int(v.info[0].quote)), b2i(t.inQuote)))
}

// tree adds the token's place in its sentence's dependency tree: its
// relation and its head's, the path up to the nearest cue word above it,
// whether it opens or closes the subtree under that cue, and the clauses
// that begin or end at it.
func (v *tokenView) tree() {
	t := v.t
	tr := &t.tree
	if tr.rel == "" {
		return
	}
	v.add(hashStr(tmpl(fRel), tr.rel))
	v.add(hashStr(hashStr(tmpl(fRelTag), tr.rel), t.tag))
	v.add(hashStr(hashStr(tmpl(fRelHead), tr.rel), tr.headRel))
	v.add(hashStr(hashStr(tmpl(fRelHeadStem), baseRel(tr.rel)), tr.headStem))
	v.add(hashInt(hashStr(tmpl(fHeadDir), baseRel(tr.rel)), int(tr.headDir)))
	if tr.cueTop != "" {
		v.add(hashInt(hashStr(tmpl(fCueTop), tr.cueTop), int(tr.cueHops)))
		v.add(hashStr(hashStr(tmpl(fCueTopTag), tr.cueTop), t.tag))
		v.add(hashStr(tmpl(fCuePath), tr.cuePath))
		v.add(hashStr(hashStr(tmpl(fCueTopWord), baseRel(tr.cueTop)), v.info[tr.cueAnc].lower))
		v.add(hashInt(hashStr(tmpl(fCompEdge), baseRel(tr.cueTop)), int(tr.compEdge)))
	} else {
		v.add(hashInt(hashStr(tmpl(fNoCueAnc), baseRel(tr.rel)), b2i(t.inQuote)))
	}
	if tr.clauseFirst != "" {
		v.add(hashStr(hashStr(tmpl(fClauseFirst), tr.clauseFirst), t.tag))
	}
	if tr.clauseLast != "" {
		v.add(hashStr(hashStr(tmpl(fClauseLast), tr.clauseLast), t.tag))
	}
	if tr.kids != 0 {
		v.add(hashInt(hashInt(tmpl(fKids), int(tr.kids)), int(t.class)/3))
	}
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// quoteKind classifies a token as a double quotation mark.
func quoteKind(s string) int8 {
	switch s {
	case "“", "``":
		return 1
	case "”", "''":
		return 2
	case "\"":
		return 3
	}
	return 0
}

// shape summarises a word's form: "Xx", "x", "X", "d", "Xd", or the
// punctuation itself.
func shape(s string) string {
	r, _ := utf8.DecodeRuneInString(s)
	switch {
	case unicode.IsDigit(r):
		return "d"
	case unicode.IsUpper(r):
		if len(s) > 1 && strings.ToUpper(s) == s {
			return "X"
		}
		return "Xx"
	case unicode.IsLetter(r):
		return "x"
	}
	if len(s) <= 4 {
		return s
	}
	return "p"
}

func suffix(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[len(s)-n:]
}

// lowerASCII lower-cases s, allocating only when s holds upper-case letters.
func lowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' || c >= utf8.RuneSelf {
			return strings.ToLower(s)
		}
	}
	return s
}

// Stacked feature templates: what the first pass predicted around a token.
const (
	xTag = iota + 200
	xTagPrev
	xTagNext
	xTagPrev2
	xTagNext2
	xTri
	xTagWord
	xTagPOS
	xLeftCue
	xRightCue
	xLeftCueWord
	xRightCueWord
	xLeftCueWin
	xRightCueWin
	xSourceSide
	xSentRoles
	xPrevSentEnd
	xNextSentStart
	xeTags
	xTagPrevWord
	xCueDistWord
	xSentEdges
	xCuesInSent
	xMargin
	xHeadTag
	xCueAncTag
)

// stackFeatures fills s.xfeats and s.xefeats with the stacked features of
// the window whose token infos s holds, given the first pass's tags.
//
// em holds the first pass's emission scores (len(tags) × nTags): how close
// each role came to being chosen at each token is a feature too, so that
// the second pass can recover spans the first narrowly missed.
func (m *Model) stackFeatures(s *scratch, tags []uint8, em []float32) {
	n := len(tags)
	info := s.info
	s.xfeats, s.xefeats = s.xfeats[:0], s.xefeats[:0]
	s.xoffs, s.xeoffs = append(s.xoffs[:0], 0), append(s.xeoffs[:0], 0)
	v := &stackView{m: m, s: s, tags: tags, info: info}
	sentStart := 0
	for i := 0; i < n; i++ {
		if i > 0 && info[i-1].sent != info[i].sent {
			sentStart = i
		}
		v.token(i, sentStart, sentStart+int(info[i].sentLen), em)
		s.xoffs = append(s.xoffs, int32(len(s.xfeats)))
		s.xefeats = append(s.xefeats, edgeBucket(hashInt(hashInt(tmpl(xeTags), v.tagAt(i-1)), int(tags[i]))))
		s.xeoffs = append(s.xeoffs, int32(len(s.xefeats)))
	}
}

// stackView is a window with its first-pass tags, as the stacked feature
// groups read it. The groups are appended in a fixed order: the hashed
// buckets of a model depend on it.
type stackView struct {
	m    *Model
	s    *scratch
	tags []uint8
	info []tokenInfo
}

func (v *stackView) tagAt(j int) int {
	if j < 0 || j >= len(v.tags) {
		return -1
	}
	return int(v.tags[j])
}

func (v *stackView) isCue(j int) bool { return v.tags[j] != tagO && tagRole(v.tags[j]) == Cue }

func (v *stackView) add(h uint64) { v.s.xfeats = append(v.s.xfeats, v.m.bucket(h)) }

// token appends the stacked features of token i, whose sentence spans
// tokens [from, to).
func (v *stackView) token(i, from, to int, em []float32) {
	t := &v.info[i]
	tg := int(v.tags[i])
	v.add(hashInt(tmpl(xTag), tg))
	v.add(hashInt(tmpl(xTagPrev), v.tagAt(i-1)))
	v.add(hashInt(tmpl(xTagNext), v.tagAt(i+1)))
	v.add(hashInt(tmpl(xTagPrev2), v.tagAt(i-2)))
	v.add(hashInt(tmpl(xTagNext2), v.tagAt(i+2)))
	v.add(hashInt(hashInt(hashInt(tmpl(xTri), v.tagAt(i-1)), tg), v.tagAt(i+1)))
	v.add(hashStr(hashInt(tmpl(xTagWord), tg), t.lower))
	v.add(hashStr(hashInt(tmpl(xTagPOS), tg), t.tag))
	left, right := v.nearestCues(i, from, to)
	v.cues(i, tg, left, right, from, to)
	v.sentence(i, tg, left, right, from, to)
	if tr := &t.tree; tr.rel != "" {
		v.add(hashInt(hashStr(hashInt(tmpl(xHeadTag), v.tagAt(int(tr.head))), baseRel(tr.rel)), tg))
		if tr.cueTop != "" {
			v.add(hashInt(hashStr(hashInt(tmpl(xCueAncTag), v.tagAt(int(tr.cueAnc))), baseRel(tr.cueTop)), tg))
		}
	}
	if len(em) >= (i+1)*nTags {
		for r := Source; r <= Content; r++ {
			rank, b := roleMargin(em[i*nTags:(i+1)*nTags], r)
			v.add(hashInt(hashInt(hashInt(hashInt(tmpl(xMargin), int(r)), rank), b), tg))
		}
	}
}

// nearestCues finds the nearest cue token on each side of token i in its
// sentence [from, to), -1 for none.
func (v *stackView) nearestCues(i, from, to int) (left, right int) {
	left, right = -1, -1
	for j := i - 1; j >= from; j-- {
		if v.isCue(j) {
			left = j
			break
		}
	}
	for j := i + 1; j < to; j++ {
		if v.isCue(j) {
			right = j
			break
		}
	}
	return left, right
}

// cues adds the distance to and word of the nearest cues, or, with none in
// the sentence, how many sentences away the nearest are.
func (v *stackView) cues(i, tg, left, right, from, to int) {
	if left >= 0 {
		v.add(hashInt(hashInt(tmpl(xLeftCue), distBucket(i-left)), tg))
		v.add(hashStr(tmpl(xLeftCueWord), v.info[left].lower))
	} else {
		v.add(hashInt(hashInt(tmpl(xLeftCue), -1), tg))
	}
	if right >= 0 {
		v.add(hashInt(hashInt(tmpl(xRightCue), distBucket(right-i)), tg))
		v.add(hashStr(tmpl(xRightCueWord), v.info[right].lower))
	} else {
		v.add(hashInt(hashInt(tmpl(xRightCue), -1), tg))
	}
	if left >= 0 || right >= 0 {
		return
	}
	// The nearest cue in another sentence of the paragraph.
	t := &v.info[i]
	d := 0
	for j := from - 1; j >= 0; j-- {
		if v.isCue(j) {
			d = int(t.sent - v.info[j].sent)
			break
		}
	}
	v.add(hashInt(tmpl(xLeftCueWin), min(d, 3)))
	d = 0
	for j := to; j < len(v.tags); j++ {
		if v.isCue(j) {
			d = int(v.info[j].sent - t.sent)
			break
		}
	}
	v.add(hashInt(tmpl(xRightCueWin), min(d, 3)))
}

// sentence adds what the first pass found in the token's sentence: the
// roles, sources on either side, cues, and the tags at its edges.
func (v *stackView) sentence(i, tg, left, right, from, to int) {
	t := &v.info[i]
	srcL, srcR, roles, cues := 0, 0, 0, 0
	for j := from; j < to; j++ {
		if v.tags[j] == tagO {
			continue
		}
		if v.tags[j] == tagBCue {
			cues++
		}
		r := tagRole(v.tags[j])
		roles |= 1 << r
		if r == Source && j < i {
			srcL = 1
		}
		if r == Source && j > i {
			srcR = 1
		}
	}
	v.add(hashStr(hashInt(tmpl(xTagPrevWord), v.tagAt(i-1)), t.lower))
	if left >= 0 {
		v.add(hashInt(hashStr(hashInt(tmpl(xCueDistWord), distBucket(i-left)), v.info[left].lower), tg))
	}
	if right >= 0 {
		v.add(hashInt(hashStr(hashInt(tmpl(xCueDistWord), -distBucket(right-i)), v.info[right].lower), tg))
	}
	v.add(hashInt(hashInt(tmpl(xSentEdges), v.tagAt(from-1)), v.tagAt(from)))
	v.add(hashInt(tmpl(xCuesInSent), min(cues, 2)))
	v.add(hashInt(hashInt(tmpl(xSourceSide), srcL), srcR))
	v.add(hashInt(hashInt(tmpl(xSentRoles), roles), tg))
	if t.sentPos == 0 {
		v.add(hashInt(tmpl(xPrevSentEnd), v.tagAt(i-1)))
	}
	if int(t.sentPos) == int(t.sentLen)-1 {
		v.add(hashInt(tmpl(xNextSentStart), v.tagAt(i+1)))
	}
}

// stemCount is how often a stem occurs in the training data and how often
// it is (part of) a cue there.
type stemCount struct{ cue, seen int32 }

// cueClass folds a stem's cue count and rate into a small class: 0 when the
// stem is never a cue, else rate class (1..4) × count class (0..2).
func cueClass(c stemCount) int {
	if c.cue <= 0 || c.seen <= 0 {
		return 0
	}
	var rate int
	switch r := float64(c.cue) / float64(c.seen); {
	case r >= 0.5:
		rate = 4
	case r >= 0.2:
		rate = 3
	case r >= 0.05:
		rate = 2
	default:
		rate = 1
	}
	cnt := 0
	switch {
	case c.cue >= 5:
		cnt = 2
	case c.cue >= 2:
		cnt = 1
	}
	return rate*3 + cnt
}

// stemOf returns the snowball stem of a lower-case word, cached in s.
func (s *scratch) stemOf(lower string) string {
	if st, ok := s.stemCache[lower]; ok {
		return st
	}
	if s.stemCache == nil || len(s.stemCache) > 1<<16 {
		s.stemCache = make(map[string]string, 1024)
	}
	st := lower
	if len(lower) > 2 && wordy(lower) {
		st = english.Stem(lower, false)
	}
	s.stemCache[lower] = st
	return st
}

// frameLeft classes the word before a verb by what could be its subject.
func frameLeft(tag string) string {
	switch tag {
	case "PRP", "NNP", "NNPS", "NN", "NNS", "MD", "RB", "TO", ",":
		return tag
	}
	return "o"
}

// frameRight classes the word after a verb by what could begin a
// complement.
func frameRight(word, tag string) string {
	switch word {
	case "that", "to", "if", "whether", ":", ",", "the", "a", "it", "he", "she", "they", "we", "i", "on", "for", "about", "of", "in":
		return word
	}
	if q := quoteKind(word); q != 0 {
		return "q"
	}
	return tag
}

func shapeOf(t *tokenInfo) string {
	if t == nil {
		return boundary
	}
	return t.shape
}

// roleMargin ranks role r's best tag among a token's emission scores (0 for
// the best, up to 2) and buckets its distance below the best score, as a
// fraction of the scores' spread, into 0..3.
func roleMargin(em []float32, r Role) (rank, bucket int) {
	lo, hi := em[0], em[0]
	for _, e := range em {
		lo, hi = min(lo, e), max(hi, e)
	}
	v := max(em[beginTag(r)], em[insideTag(r)])
	for _, e := range em {
		if e > v {
			rank++
		}
	}
	if hi <= lo {
		return min(rank, 2), 3
	}
	f := (hi - v) / (hi - lo)
	switch {
	case f <= 0.1:
		bucket = 0
	case f <= 0.25:
		bucket = 1
	case f <= 0.5:
		bucket = 2
	default:
		bucket = 3
	}
	return min(rank, 2), bucket
}
