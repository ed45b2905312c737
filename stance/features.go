package stance

import (
	"math"
	"strings"

	"github.com/claimtrail/claimtrail"
)

// idfBits is the size, as a power of two, of the hashed IDF table.
const idfBits = 18

// leadSentences is how many opening sentences count as the body's lead.
const leadSentences = 3

// Body is an article body analysed once so that many claims can be scored
// against it cheaply (FNC-1 pairs each body with dozens of headlines).
// Prepare it with Model.PrepareBody; it is read-only and safe for
// concurrent use afterwards.
type Body struct {
	text     string
	sents    []claimtrail.Span
	tokens   int                 // number of words
	terms    map[uint64]int32    // content stem → index into list
	list     []term              // content terms
	bigrams  map[uint64]struct{} // adjacent content stems
	sentCats [][numCats]uint8    // lexicon counts per sentence
	cats     [numCats]int32      // lexicon counts over the body
	lead     [numCats]int32      // lexicon counts over the lead
	norm     float64             // Euclidean norm of the TF-IDF vector
}

// term is one content stem of a body: its weight and the sentences it is in.
type term struct {
	tfidf float32
	sents []uint16 // ascending, unique
}

// Text returns the body's text.
func (b *Body) Text() string { return b.text }

// Sentences returns the body's sentence spans.
func (b *Body) Sentences() []claimtrail.Span { return b.sents }

// idf returns the inverse document frequency of a stem.
func (m *Model) idf(stem uint64) float32 {
	return float32(m.data.IDF[stem>>(64-idfBits)]) / idfScale
}

// idfScale converts stored IDF bytes to values.
const idfScale = 16

func sublinear(count float32) float32 {
	return 1 + float32(math.Log(float64(count)))
}

func bigram(a, b uint64) uint64 { return (a*31 + b) * fnvPrime }

// PrepareBody analyses an article body once for PredictPrepared.
func (m *Model) PrepareBody(text string) *Body {
	toks := m.lx.tokenize(make([]token, 0, len(text)/5), text)
	b := &Body{
		text:    text,
		sents:   sentences(make([]claimtrail.Span, 0, len(text)/80+1), text),
		tokens:  len(toks),
		terms:   make(map[uint64]int32, len(toks)/2),
		bigrams: make(map[uint64]struct{}, len(toks)/2),
	}
	if len(b.sents) > math.MaxUint16 {
		b.sents = b.sents[:math.MaxUint16]
	}
	b.sentCats = make([][numCats]uint8, len(b.sents))
	counts := make([]float32, 0, len(toks)/2)
	s := 0
	var prev uint64
	havePrev := false
	for _, t := range toks {
		for s < len(b.sents)-1 && int(t.start) >= b.sents[s].End {
			s++
			havePrev = false
		}
		if t.cats != 0 {
			for c := 0; c < numCats; c++ {
				if t.cats&(1<<c) != 0 {
					if b.sentCats[s][c] < math.MaxUint8 {
						b.sentCats[s][c]++
					}
					b.cats[c]++
					if s < leadSentences {
						b.lead[c]++
					}
				}
			}
		}
		if t.flags&flagStop != 0 {
			continue
		}
		i, ok := b.terms[t.stem]
		if !ok {
			i = int32(len(b.list))
			b.terms[t.stem] = i
			b.list = append(b.list, term{})
			counts = append(counts, 0)
		}
		counts[i]++
		tm := &b.list[i]
		if n := len(tm.sents); n == 0 || tm.sents[n-1] != uint16(s) {
			tm.sents = append(tm.sents, uint16(s))
		}
		if havePrev {
			b.bigrams[bigram(prev, t.stem)] = struct{}{}
		}
		prev, havePrev = t.stem, true
	}
	for stem, i := range b.terms {
		w := sublinear(counts[i]) * m.idf(stem)
		b.list[i].tfidf = w
		b.norm += float64(w) * float64(w)
	}
	b.norm = math.Sqrt(b.norm)
	for i, sp := range b.sents {
		q := quotes(text[sp.Start:sp.End])
		b.sentCats[i][catQuote] = uint8(min(q, math.MaxUint8))
		b.cats[catQuote] += int32(q)
		if i < leadSentences {
			b.lead[catQuote] += int32(q)
		}
	}
	return b
}

// quotes counts the quotation marks in s: " and “ ” „.
func quotes(s string) int {
	n := strings.Count(s, `"`)
	for i := 0; i+2 < len(s); i++ {
		if s[i] == 0xE2 && s[i+1] == 0x80 && (s[i+2] == 0x9C || s[i+2] == 0x9D || s[i+2] == 0x9E) {
			n++
		}
	}
	return n
}

// claimTerm is one content stem of a claim.
type claimTerm struct {
	stem   uint64
	idf    float32
	number bool
}

// claim is an analysed headline or claim.
type claim struct {
	terms    []claimTerm // unique content stems
	bigrams  []uint64
	cats     [numCats]int32
	neg      int
	question bool
	quoted   bool
}

func (m *Model) prepareClaim(text string) claim {
	var buf [64]token
	toks := m.lx.tokenize(buf[:0], text)
	var c claim
	c.question = strings.IndexByte(text, '?') >= 0
	c.quoted = strings.IndexByte(text, '"') >= 0 || strings.Contains(text, "\u2018") ||
		strings.Contains(text, "\u201c") || strings.Contains(text, "'")
	c.cats[catQuote] = int32(quotes(text))
	var prev uint64
	havePrev := false
	for _, t := range toks {
		for k := 0; k < numCats; k++ {
			if t.cats&(1<<k) != 0 {
				c.cats[k]++
			}
		}
		if t.flags&flagNeg != 0 {
			c.neg++
		}
		if t.flags&flagStop != 0 {
			continue
		}
		if havePrev {
			c.bigrams = append(c.bigrams, bigram(prev, t.stem))
		}
		prev, havePrev = t.stem, true
		dup := false
		for _, e := range c.terms {
			if e.stem == t.stem {
				dup = true
				break
			}
		}
		if !dup {
			c.terms = append(c.terms, claimTerm{stem: t.stem, idf: m.idf(t.stem), number: t.flags&flagNumber != 0})
		}
	}
	return c
}

// featureNames names the entries of a feature vector, in order.
var featureNames = func() []string {
	names := []string{
		"cosine", "cover", "idf_cover", "bigram_cover", "lead_cover",
		"best_sentence_cover", "second_sentence_cover", "top3_cover", "sentences_half_covered",
		"best_sentence_position", "max_missing_idf", "claim_terms", "log_body_words",
		"claim_numbers", "numbers_found", "numbers_missing", "claim_question", "claim_quoted",
		"polarity_mismatch", "first_sentence_cover", "top3_cosine_share",
	}
	cats := []string{"refute", "deny", "negation", "hedge", "report", "confirm", "doubt", "quote"}
	for _, c := range cats {
		names = append(names,
			"claim_"+c, "body_rate_"+c, "lead_"+c, "top3_"+c, "best_"+c, "covered_share_"+c,
			"window_"+c, "weighted_"+c)
	}
	return names
}()

// numFeatures is the length of a feature vector.
var numFeatures = len(featureNames)

// scored is a sentence index with its claim cover.
type scored struct {
	sent  int
	cover float32
}

// features computes the feature vector of a claim against a body into x
// (len numFeatures) and returns the body's sentences ranked best first by
// how much of the claim they cover (at most three, cover > 0).
func (m *Model) features(c *claim, b *Body, x []float32, scratch []float32) ([]float32, [3]scored) {
	for i := range x {
		x[i] = 0
	}
	ns := len(b.sents)
	if cap(scratch) < ns {
		scratch = make([]float32, ns)
	}
	cover := scratch[:ns]
	for i := range cover {
		cover[i] = 0
	}
	o := termOverlap(c, b, cover)
	best, half := bestSentences(cover, o.idfTotal)
	x[0] = safeDiv(o.dot, float32(math.Sqrt(float64(o.claimNorm))*b.norm))
	x[1] = safeDiv(o.present, o.total)
	x[2] = safeDiv(o.idfPresent, o.idfTotal)
	if len(c.bigrams) > 0 {
		hits := 0
		for _, g := range c.bigrams {
			if _, ok := b.bigrams[g]; ok {
				hits++
			}
		}
		x[3] = float32(hits) / float32(len(c.bigrams))
	}
	x[4] = safeDiv(o.lead, o.idfTotal)
	x[5] = best[0].cover
	x[6] = best[1].cover
	x[7] = (best[0].cover + best[1].cover + best[2].cover) / 3
	x[8] = float32(math.Log1p(float64(half)))
	if best[0].sent >= 0 && ns > 1 {
		x[9] = float32(best[0].sent) / float32(ns-1)
	} else {
		x[9] = 1
	}
	x[10] = o.maxMissing
	x[11] = o.total
	x[12] = float32(math.Log1p(float64(b.tokens)))
	x[13] = o.numbers
	x[14] = safeDiv(o.numbersFound, o.numbers)
	x[15] = o.numbers - o.numbersFound
	x[16] = bool01(c.question)
	x[17] = bool01(c.quoted)
	bestNeg := best[0].sent >= 0 && b.sentCats[best[0].sent][catNegation] > 0
	x[18] = bool01((c.neg > 0) != bestNeg)
	x[19] = safeDiv(o.first, o.idfTotal)
	x[20] = safeDiv(x[7], x[2])
	lexiconFeatures(c, b, cover, best, x[21:])
	return scratch, best
}

// overlap sums what a claim's terms find in a body.
type overlap struct {
	total, present, idfTotal, idfPresent, lead, first, dot, claimNorm float32
	maxMissing, numbers, numbersFound                                 float32
}

// termOverlap measures the claim's terms in the body, and adds each term's
// weight to the cover of every sentence that has it.
func termOverlap(c *claim, b *Body, cover []float32) overlap {
	var o overlap
	for _, t := range c.terms {
		o.total++
		o.idfTotal += t.idf
		qw := t.idf // claim terms occur once: sublinear tf is 1
		o.claimNorm += qw * qw
		if t.number {
			o.numbers++
		}
		i, ok := b.terms[t.stem]
		if !ok {
			if t.idf > o.maxMissing {
				o.maxMissing = t.idf
			}
			continue
		}
		tm := &b.list[i]
		o.present++
		o.idfPresent += t.idf
		o.dot += qw * tm.tfidf
		if t.number {
			o.numbersFound++
		}
		if tm.sents[0] < leadSentences {
			o.lead += t.idf
		}
		if tm.sents[0] == 0 {
			o.first += t.idf
		}
		for _, s := range tm.sents {
			cover[s] += t.idf
		}
	}
	return o
}

// bestSentences normalises the sentences' cover by the claim's weight and
// returns the three best (sent -1 where fewer cover anything) and how many
// cover at least half.
func bestSentences(cover []float32, idfTotal float32) ([3]scored, int) {
	var best [3]scored
	for i := range best {
		best[i].sent = -1
	}
	half := 0
	if idfTotal <= 0 {
		return best, half
	}
	for s := range cover {
		cover[s] /= idfTotal
		v := cover[s]
		if v >= 0.5 {
			half++
		}
		if v <= 0 {
			continue
		}
		switch {
		case v > best[0].cover:
			best[2], best[1], best[0] = best[1], best[0], scored{s, v}
		case v > best[1].cover:
			best[2], best[1] = best[1], scored{s, v}
		case v > best[2].cover:
			best[2] = scored{s, v}
		}
	}
	return best, half
}

// lexiconFeatures fills x (8 per lexicon category) with the category's
// counts in the claim, the body, its lead, the best sentences and those
// covering the claim.
func lexiconFeatures(c *claim, b *Body, cover []float32, best [3]scored, x []float32) {
	var covered int
	var coveredCats [numCats]int32
	var weighted [numCats]float32
	var coverSum float32
	for s, v := range cover {
		if v > 0 {
			coverSum += v
			for k := 0; k < numCats; k++ {
				weighted[k] += v * float32(b.sentCats[s][k])
			}
		}
		if v >= 0.25 {
			covered++
			for k := 0; k < numCats; k++ {
				if b.sentCats[s][k] > 0 {
					coveredCats[k]++
				}
			}
		}
	}
	per100 := 100 / float32(max(b.tokens, 1))
	ns := len(cover)
	j := 0
	for k := 0; k < numCats; k++ {
		var top3, bestK int32
		for r, sc := range best {
			if sc.sent < 0 {
				continue
			}
			n := int32(b.sentCats[sc.sent][k])
			top3 += n
			if r == 0 {
				bestK = n
			}
		}
		x[j+0] = float32(c.cats[k])
		x[j+1] = float32(b.cats[k]) * per100
		x[j+2] = float32(b.lead[k])
		x[j+3] = float32(top3)
		x[j+4] = float32(bestK)
		x[j+5] = safeDiv(float32(coveredCats[k]), float32(covered))
		if s := best[0].sent; s >= 0 {
			for w := max(s-1, 0); w <= min(s+1, ns-1); w++ {
				x[j+6] += float32(b.sentCats[w][k])
			}
		}
		x[j+7] = safeDiv(weighted[k], coverSum)
		j += 8
	}
}

func safeDiv(a, b float32) float32 {
	if b == 0 {
		return 0
	}
	return a / b
}

func bool01(b bool) float32 {
	if b {
		return 1
	}
	return 0
}
