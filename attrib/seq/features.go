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
	class               int8 // cueClass of the stem
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

// tokenFeatures appends the feature buckets of token i.
func (m *Model) tokenFeatures(out []uint32, info []tokenInfo, i, para int) []uint32 {
	t := &info[i]
	at := func(j int) *tokenInfo {
		if j < 0 || j >= len(info) || info[j].sent != t.sent {
			return nil
		}
		return &info[j]
	}
	word := func(j int) string {
		if x := at(j); x != nil {
			return x.lower
		}
		return boundary
	}
	tag := func(j int) string {
		if x := at(j); x != nil {
			return x.tag
		}
		return boundary
	}
	add := func(h uint64) { out = append(out, m.bucket(h)) }
	add(tmpl(fBias))
	add(hashStr(tmpl(fWord), t.lower))
	add(hashStr(tmpl(fSuffix3), suffix(t.lower, 3)))
	add(hashStr(tmpl(fSuffix2), suffix(t.lower, 2)))
	add(hashStr(tmpl(fShape), t.shape))
	add(hashStr(tmpl(fTag), t.tag))
	add(hashStr(tmpl(fTagPrev), tag(i-1)))
	add(hashStr(tmpl(fTagNext), tag(i+1)))
	add(hashStr(tmpl(fTagPrev2), tag(i-2)))
	add(hashStr(tmpl(fTagNext2), tag(i+2)))
	add(hashStr(hashStr(tmpl(fTagBigramPrev), tag(i-1)), t.tag))
	add(hashStr(hashStr(tmpl(fTagBigramNext), t.tag), tag(i+1)))
	add(hashStr(tmpl(fWordPrev), word(i-1)))
	add(hashStr(tmpl(fWordNext), word(i+1)))
	add(hashStr(tmpl(fWordPrev2), word(i-2)))
	add(hashStr(tmpl(fWordNext2), word(i+2)))
	add(hashStr(hashStr(tmpl(fWordBigramPrev), word(i-1)), t.lower))
	add(hashStr(hashStr(tmpl(fWordBigramNext), t.lower), word(i+1)))
	if t.cue {
		add(tmpl(fCue))
	}
	if x := at(i - 1); x != nil && x.cue {
		add(tmpl(fCuePrev))
	}
	if x := at(i + 1); x != nil && x.cue {
		add(tmpl(fCueNext))
	}
	if t.quote != 0 {
		add(hashInt(hashInt(tmpl(fQuote), int(t.quote)), b2i(t.inQuote)))
	}
	add(hashInt(tmpl(fInQuote), b2i(t.inQuote)))
	add(hashStr(hashInt(tmpl(fInQuoteTag), b2i(t.inQuote)), t.tag))

	commas := func(from, to int) int {
		n := 0
		for j := from + 1; j < to; j++ {
			if info[j].lower == "," {
				n++
			}
		}
		return min(n, 2)
	}
	if t.leftCue >= 0 {
		c := int(t.leftCue)
		d := distBucket(i - c)
		add(hashStr(tmpl(fLeftCue), info[c].lower))
		add(hashInt(tmpl(fLeftCueDist), d))
		add(hashStr(hashInt(tmpl(fLeftCueTag), d), t.tag))
		add(hashStr(hashStr(tmpl(fLeftCueBefore), word(c-1)), info[c].lower))
		add(hashInt(tmpl(fCommaToLeftCue), commas(c, i)))
	} else {
		add(hashInt(tmpl(fLeftCueDist), -1))
	}
	if t.rightCue >= 0 {
		c := int(t.rightCue)
		d := distBucket(c - i)
		add(hashStr(tmpl(fRightCue), info[c].lower))
		add(hashInt(tmpl(fRightCueDist), d))
		add(hashStr(hashInt(tmpl(fRightCueTag), d), t.tag))
		add(hashStr(hashStr(tmpl(fRightCueAfter), info[c].lower), word(c+1)))
		add(hashInt(tmpl(fCommaToRightCue), commas(i, c)))
	} else {
		add(hashInt(tmpl(fRightCueDist), -1))
	}
	if t.leftCue < 0 && t.rightCue < 0 && !t.cue {
		add(hashInt(tmpl(fNoCue), b2i(t.inQuote)))
	}
	add(hashStr(hashStr(tmpl(fWordTagNext), t.lower), tag(i+1)))
	add(hashStr(hashStr(tmpl(fWordTagPrev), tag(i-1)), t.lower))
	add(hashStr(tmpl(fWordPrev3), word(i-3)))
	add(hashStr(tmpl(fWordNext3), word(i+3)))
	add(hashStr(hashStr(hashStr(tmpl(fTagTri), tag(i-1)), t.tag), tag(i+1)))
	if t.leftVerb >= 0 {
		add(hashStr(tmpl(fLeftVerb), info[t.leftVerb].lower))
		add(hashStr(hashInt(tmpl(fLeftVerbDist), distBucket(i-int(t.leftVerb))), t.tag))
	}
	if t.rightVerb >= 0 {
		add(hashStr(tmpl(fRightVerb), info[t.rightVerb].lower))
		add(hashStr(hashInt(tmpl(fRightVerbDist), distBucket(int(t.rightVerb)-i)), t.tag))
	}
	add(hashInt(hashInt(tmpl(fQuoteInSent), int(t.quotes)), b2i(t.inQuote)))
	if t.sentPos == 0 {
		add(tmpl(fSentFirst))
	}
	if t.sentPos == t.sentLen-1 {
		add(tmpl(fSentLast))
	}
	add(hashInt(tmpl(fSentRel), int(4*t.sentPos/max(t.sentLen, 1))))
	add(hashInt(tmpl(fSentIndex), min(int(t.sent), 3)))
	if para == 0 {
		add(tmpl(fParaFirst))
	}
	if t.shape == "Xx" || t.shape == "X" {
		add(hashStr(tmpl(fCapTag), t.tag))
	}
	class := func(j int) int {
		if x := at(j); x != nil {
			return int(x.class)
		}
		return -1
	}
	stem := func(j int) string {
		if x := at(j); x != nil {
			return x.stem
		}
		return boundary
	}
	add(hashStr(tmpl(fStem), t.stem))
	add(hashStr(tmpl(fStemPrev), stem(i-1)))
	add(hashStr(tmpl(fStemNext), stem(i+1)))
	c := int(t.class)
	add(hashInt(tmpl(fClass), c))
	add(hashStr(hashInt(tmpl(fClassTag), c), t.tag))
	add(hashInt(hashInt(tmpl(fClassPrev), class(i-1)), c))
	add(hashInt(hashInt(tmpl(fClassNext), c), class(i+1)))
	add(hashInt(hashInt(hashInt(tmpl(fClassBigram), class(i-1)), c), class(i+1)))
	if c > 0 {
		add(hashStr(hashInt(tmpl(fClassNextWord), c), word(i+1)))
		add(hashStr(hashInt(tmpl(fClassPrevWord), c), word(i-1)))
	}
	// The strongest cue class within five tokens on either side.
	ml, mr := 0, 0
	for j := i - 1; j >= i-5; j-- {
		if x := at(j); x != nil {
			ml = max(ml, int(x.class))
		}
	}
	for j := i + 1; j <= i+5; j++ {
		if x := at(j); x != nil {
			mr = max(mr, int(x.class))
		}
	}
	add(hashInt(hashInt(tmpl(fMaxClassLeft), ml/3), c/3))
	add(hashInt(hashInt(tmpl(fMaxClassRight), mr/3), c/3))
	// Verb frames: a verb after a subject-like word and before a
	// complement ("she wants to", "officials expect that").
	if strings.HasPrefix(t.tag, "VB") || t.tag == "MD" {
		add(hashStr(hashStr(hashStr(hashInt(tmpl(fVerbFrame), c/3), frameLeft(tag(i-1))), frameRight(word(i+1), tag(i+1))), t.tag[:min(len(t.tag), 3)]))
	}
	// Colons: "NAME: text" in transcripts, "he added: …".
	colonAt, colonBefore := -1, false
	for j := i - int(t.sentPos); j < i-int(t.sentPos)+int(t.sentLen) && j < len(info); j++ {
		if info[j].lower == ":" {
			if colonAt < 0 {
				colonAt = j
			}
			if j < i {
				colonBefore = true
			}
		}
	}
	if colonAt >= 0 {
		add(hashInt(hashInt(tmpl(fColonInSent), b2i(colonBefore)), b2i(t.inQuote)))
		if colonBefore {
			add(hashStr(tmpl(fAfterColon), t.tag))
		}
		if t.lower == ":" {
			add(hashInt(hashStr(tmpl(fSpeakerColon), tag(i-1)), min(int(t.sentPos), 4)))
		}
	}
	if t.lower == "―" || t.lower == "—" || t.lower == "--" || t.lower == "–" {
		add(hashStr(hashStr(hashInt(tmpl(fDash), b2i(at(i-1) != nil && at(i-1).quote != 0)), shapeOf(at(i+1))), shapeOf(at(i-1))))
	}
	add(hashInt(hashInt(tmpl(fParaQuote), int(info[0].quote)), b2i(t.inQuote)))
	return out
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
	// Per sentence: the roles it holds, its first and last token.
	s.xfeats, s.xefeats = s.xfeats[:0], s.xefeats[:0]
	s.xoffs, s.xeoffs = append(s.xoffs[:0], 0), append(s.xeoffs[:0], 0)
	tagAt := func(j int) int {
		if j < 0 || j >= n {
			return -1
		}
		return int(tags[j])
	}
	isCue := func(j int) bool { return tags[j] != tagO && tagRole(tags[j]) == Cue }
	sentStart := 0
	for i := 0; i < n; i++ {
		t := &info[i]
		if i > 0 && info[i-1].sent != t.sent {
			sentStart = i
		}
		sentEnd := sentStart + int(t.sentLen)
		add := func(h uint64) { s.xfeats = append(s.xfeats, m.bucket(h)) }
		tg := int(tags[i])
		add(hashInt(tmpl(xTag), tg))
		add(hashInt(tmpl(xTagPrev), tagAt(i-1)))
		add(hashInt(tmpl(xTagNext), tagAt(i+1)))
		add(hashInt(tmpl(xTagPrev2), tagAt(i-2)))
		add(hashInt(tmpl(xTagNext2), tagAt(i+2)))
		add(hashInt(hashInt(hashInt(tmpl(xTri), tagAt(i-1)), tg), tagAt(i+1)))
		add(hashStr(hashInt(tmpl(xTagWord), tg), t.lower))
		add(hashStr(hashInt(tmpl(xTagPOS), tg), t.tag))
		left, right := -1, -1
		for j := i - 1; j >= sentStart; j-- {
			if isCue(j) {
				left = j
				break
			}
		}
		for j := i + 1; j < sentEnd; j++ {
			if isCue(j) {
				right = j
				break
			}
		}
		if left >= 0 {
			add(hashInt(hashInt(tmpl(xLeftCue), distBucket(i-left)), tg))
			add(hashStr(tmpl(xLeftCueWord), info[left].lower))
		} else {
			add(hashInt(hashInt(tmpl(xLeftCue), -1), tg))
		}
		if right >= 0 {
			add(hashInt(hashInt(tmpl(xRightCue), distBucket(right-i)), tg))
			add(hashStr(tmpl(xRightCueWord), info[right].lower))
		} else {
			add(hashInt(hashInt(tmpl(xRightCue), -1), tg))
		}
		if left < 0 && right < 0 {
			// The nearest cue in another sentence of the paragraph.
			d := 0
			for j := sentStart - 1; j >= 0; j-- {
				if isCue(j) {
					d = int(t.sent - info[j].sent)
					break
				}
			}
			add(hashInt(tmpl(xLeftCueWin), min(d, 3)))
			d = 0
			for j := sentEnd; j < n; j++ {
				if isCue(j) {
					d = int(info[j].sent - t.sent)
					break
				}
			}
			add(hashInt(tmpl(xRightCueWin), min(d, 3)))
		}
		srcL, srcR, roles := 0, 0, 0
		for j := sentStart; j < sentEnd; j++ {
			if tags[j] == tagO {
				continue
			}
			r := tagRole(tags[j])
			roles |= 1 << r
			if r == Source && j < i {
				srcL = 1
			}
			if r == Source && j > i {
				srcR = 1
			}
		}
		add(hashStr(hashInt(tmpl(xTagPrevWord), tagAt(i-1)), t.lower))
		if left >= 0 {
			add(hashInt(hashStr(hashInt(tmpl(xCueDistWord), distBucket(i-left)), info[left].lower), tg))
		}
		if right >= 0 {
			add(hashInt(hashStr(hashInt(tmpl(xCueDistWord), -distBucket(right-i)), info[right].lower), tg))
		}
		add(hashInt(hashInt(tmpl(xSentEdges), tagAt(sentStart-1)), tagAt(sentStart)))
		cues := 0
		for j := sentStart; j < sentEnd; j++ {
			if tags[j] == tagBCue {
				cues++
			}
		}
		add(hashInt(tmpl(xCuesInSent), min(cues, 2)))
		add(hashInt(hashInt(tmpl(xSourceSide), srcL), srcR))
		add(hashInt(hashInt(tmpl(xSentRoles), roles), tg))
		if t.sentPos == 0 {
			add(hashInt(tmpl(xPrevSentEnd), tagAt(i-1)))
		}
		if int(t.sentPos) == int(t.sentLen)-1 {
			add(hashInt(tmpl(xNextSentStart), tagAt(i+1)))
		}
		if len(em) >= (i+1)*nTags {
			for r := Source; r <= Content; r++ {
				rank, b := roleMargin(em[i*nTags:(i+1)*nTags], r)
				add(hashInt(hashInt(hashInt(hashInt(tmpl(xMargin), int(r)), rank), b), tg))
			}
		}
		s.xoffs = append(s.xoffs, int32(len(s.xfeats)))
		s.xefeats = append(s.xefeats, edgeBucket(hashInt(hashInt(tmpl(xeTags), tagAt(i-1)), tg)))
		s.xeoffs = append(s.xeoffs, int32(len(s.xefeats)))
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
