// Package seq is claimtrail's learned attribution extractor: a sequence
// labeller that tags each token of a paragraph as part of a source, a cue or
// the content of an attribution (BIO tags), and groups the tagged spans into
// attributions ("the minister" · "said" · "the talks had failed").
//
// The model is an averaged structured perceptron over hashed features of
// prose v3 tokens and part-of-speech tags (words, suffixes, shapes, the
// neighbouring words and tags, a cue lexicon, word stems and how often the
// training data mark them as cues, verb frames, colons and dashes,
// quotation state, distance to the nearest cue word, position in the
// sentence and paragraph, and from each sentence's dependency tree the
// token's relation, the relation under its nearest cue ancestor and the
// edges of that subtree), decoded with Viterbi over tag transitions, in
// two stacked passes. It is trained on the PolNeAR corpus by
// `claimtrail train attribution`; the trained weights ship embedded and load
// with Default.
package seq

import (
	_ "embed"
	"fmt"
	"sort"
	"sync"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/nlp"
)

// Tags of the BIO scheme. Role r (0 source, 1 cue, 2 content) begins with
// tag 1+2r and continues with tag 2+2r.
const (
	tagO = iota
	tagBSource
	tagISource
	tagBCue
	tagICue
	tagBContent
	tagIContent
	nTags
)

// Role names what a labelled span is.
type Role int

// Roles a token can take, besides none.
const (
	Source Role = iota
	Cue
	Content
)

func tagRole(t uint8) Role   { return Role((t - 1) / 2) }
func isBegin(t uint8) bool   { return t != tagO && t%2 == 1 }
func beginTag(r Role) uint8  { return uint8(1 + 2*r) }
func insideTag(r Role) uint8 { return uint8(2 + 2*r) }

// allowed reports whether tag cur may follow tag prev (prev == nTags at the
// start of a window): an inside tag only continues its own role.
func allowed(prev, cur uint8) bool {
	if cur == tagO || isBegin(cur) {
		return true
	}
	return prev == cur || prev == cur-1
}

// Attribution is one attribution the model found, in byte offsets into the
// article text.
type Attribution struct {
	Source  claimtrail.Span // who; empty when the attribution names no source
	Cue     claimtrail.Span // the attributing words ("said", "according to"); empty for content found without a cue
	Content claimtrail.Span // what is attributed: from the first to the last content fragment
	// ContentParts holds the content's fragments when it is discontinuous
	// ("The plan, she said, is dead"): two parts around the cue. It always
	// holds at least one part.
	ContentParts []claimtrail.Span
}

// Model is a trained attribution labeller. It is safe for concurrent use.
type Model struct {
	bits    uint8
	mask    uint64
	lexicon map[string]bool
	// stems holds, for every word stem the training data mark as a cue at
	// least once, how often it is marked a cue and how often it occurs.
	stems map[string]stemCount
	// passes are the two stacked labellers: the second reads the first's
	// tags around each token as features.
	passes [2]pass
	pool   sync.Pool
}

// pass is the weights of one labelling pass.
type pass struct {
	scale   float32        // weight = int16 value × scale, for both tables
	weights []int16        // token features: (mask+1) rows of rowStride, nTags used
	edges   []int16        // transition features: (edgeMask+1) × nTrans
	bias    [nTags]float32 // added to each tag's score, in steps of scale
}

// Transition features score a pair of tags (previous, current) at a token;
// the previous tag is nTags at the start of a window.
const (
	nTrans = (nTags + 1) * nTags
	// rowStride is how far apart token weight rows lie in memory: 16
	// values (32 bytes), so that a row never straddles a cache line, and
	// a loaded model keeps the second pass's row for a feature in the 8
	// values after the first pass's (interleaveRows): the second pass
	// reads the features the first has just read, and the tables are too
	// large for the cache, so it then finds them there.
	rowStride = 16
	// passOffset is where the second pass's row starts within a row of
	// the interleaved table.
	passOffset = 8
	// maxBits bounds the feature table (2^22 rows, 128 MiB in memory).
	maxBits  = 22
	edgeBits = 16
	edgeMask = 1<<edgeBits - 1
)

//go:embed model.bin
var embedded []byte

var defaultModel = sync.OnceValues(func() (*Model, error) {
	m, err := Unmarshal(embedded)
	if err != nil {
		return nil, fmt.Errorf("load embedded attribution model: %w", err)
	}
	return m, nil
})

// Default returns the embedded model trained on PolNeAR, loading it on the
// first call.
func Default() (*Model, error) { return defaultModel() }

// Label finds the attributions in an analysed document, in text order.
// Paragraphs with an untagged sentence are skipped: the model reads the
// part-of-speech tags of the whole paragraph.
func (m *Model) Label(doc *nlp.Document) []Attribution { return m.LabelParagraphs(doc, nil) }

// LabelParagraphs is Label restricted to the paragraphs (numbered as
// nlp.Sentence.Paragraph) for which want reports true; nil wants all. Each
// paragraph is labelled on its own, so what is found in one does not
// depend on which others are labelled. want is asked again before each
// sentence of a wanted paragraph is parsed, so that a caller whose work is
// cancelled can stop it promptly: a paragraph it stops wanting midway is
// left out.
func (m *Model) LabelParagraphs(doc *nlp.Document, want func(paragraph int) bool) []Attribution {
	s, _ := m.pool.Get().(*labelScratch)
	if s == nil {
		s = new(labelScratch)
	}
	defer m.pool.Put(s)
	var out []Attribution
	para := -1
	if want != nil {
		// Asked again while a window is parsed: a paragraph that stops
		// being wanted midway is dropped.
		s.more = func() bool { return want(para) }
		defer func() { s.more = nil }()
	}
	for _, w := range windows(doc) {
		para = doc.Sentences[w.s0].Paragraph
		if (want != nil && !want(para)) || !w.tagged(doc) {
			continue
		}
		if tags := m.tag(doc, w, s); tags != nil {
			out = group(doc, w, tags, out)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].start() < out[j].start() })
	return out
}

// tag labels one window with both passes. It returns nil when the window
// stopped being wanted while it was featurized (scratch.more).
func (m *Model) tag(doc *nlp.Document, w window, s *labelScratch) []uint8 {
	m.featurize(doc, w, &s.scratch)
	if s.stopped {
		return nil
	}
	n := w.last - w.first
	first := m.passes[0].decode(&s.scratch, &s.vit, n, false)
	m.stackFeatures(&s.scratch, first, s.vit.em)
	tags := m.passes[1].decode(&s.scratch, &s.vit, n, true)
	conventions(doc, w, tags)
	return tags
}

// start is where the attribution's earliest span begins.
func (a *Attribution) start() int {
	s := a.Content.Start
	if !a.Cue.Empty() {
		s = min(s, a.Cue.Start)
	}
	if !a.Source.Empty() {
		s = min(s, a.Source.Start)
	}
	return s
}

type labelScratch struct {
	scratch
	vit viterbi
}

// decode scores the featurized window with the pass's weights and returns
// the best tag sequence; stacked adds the stacked features.
func (p *pass) decode(s *scratch, v *viterbi, n int, stacked bool) []uint8 {
	em, tr := v.reset(n)
	for i := 0; i < n; i++ {
		var acc [nTags]int32
		sumRows(&acc, p.weights, s.feats[s.offs[i]:s.offs[i+1]])
		if stacked {
			sumRows(&acc, p.weights, s.xfeats[s.xoffs[i]:s.xoffs[i+1]])
		}
		for t := range acc {
			em[i*nTags+t] = float32(acc[t]) + p.bias[t]
		}
		var eacc [nTrans]int32
		sumEdgeRows(&eacc, p.edges, s.efeats[s.eoffs[i]:s.eoffs[i+1]])
		if stacked {
			sumEdgeRows(&eacc, p.edges, s.xefeats[s.xeoffs[i]:s.xeoffs[i+1]])
		}
		for t := range eacc {
			tr[i*nTrans+t] = float32(eacc[t])
		}
	}
	return v.best(n)
}

func sumRows(acc *[nTags]int32, tab []int16, feats []uint32) {
	for _, f := range feats {
		row := (*[nTags]int16)(tab[int(f)*rowStride:])
		acc[0] += int32(row[0])
		acc[1] += int32(row[1])
		acc[2] += int32(row[2])
		acc[3] += int32(row[3])
		acc[4] += int32(row[4])
		acc[5] += int32(row[5])
		acc[6] += int32(row[6])
	}
}

func sumEdgeRows(acc *[nTrans]int32, tab []int16, feats []uint32) {
	for _, f := range feats {
		row := (*[nTrans]int16)(tab[int(f)*nTrans:])
		for t := range acc {
			acc[t] += int32(row[t])
		}
	}
}

// viterbi holds the buffers of one decoding.
type viterbi struct {
	em    []float32 // n × nTags emission scores
	tr    []float32 // n × nTrans transition scores into each token
	score []float32
	back  []uint8
	tags  []uint8
}

// reset sizes the buffers for n tokens and returns the emission and
// transition score slices to fill.
func (v *viterbi) reset(n int) (em, tr []float32) {
	if cap(v.em) < n*nTags {
		v.em = make([]float32, n*nTags)
		v.tr = make([]float32, n*nTrans)
		v.score = make([]float32, n*nTags)
		v.back = make([]uint8, n*nTags)
		v.tags = make([]uint8, n)
	}
	v.em, v.tr, v.score, v.back, v.tags = v.em[:n*nTags], v.tr[:n*nTrans], v.score[:n*nTags], v.back[:n*nTags], v.tags[:n]
	return v.em, v.tr
}

// best runs Viterbi over the scores in v, honouring the BIO constraints.
func (v *viterbi) best(n int) []uint8 {
	if n == 0 {
		return v.tags[:0]
	}
	const neg = -1e30
	for t := uint8(0); t < nTags; t++ {
		if !allowed(nTags, t) {
			v.score[t] = neg
			continue
		}
		v.score[t] = v.em[t] + v.tr[nTags*nTags+int(t)]
	}
	for i := 1; i < n; i++ {
		prev := v.score[(i-1)*nTags : i*nTags]
		tr := v.tr[i*nTrans : (i+1)*nTrans]
		for t := uint8(0); t < nTags; t++ {
			bestS, bestP := float32(neg), uint8(0)
			for p := uint8(0); p < nTags; p++ {
				if !allowed(p, t) || prev[p] <= neg {
					continue
				}
				if s := prev[p] + tr[int(p)*nTags+int(t)]; s > bestS {
					bestS, bestP = s, p
				}
			}
			v.score[i*nTags+int(t)] = bestS + v.em[i*nTags+int(t)]
			v.back[i*nTags+int(t)] = bestP
		}
	}
	last := v.score[(n-1)*nTags:]
	bt := uint8(0)
	for t := uint8(1); t < nTags; t++ {
		if last[t] > last[bt] {
			bt = t
		}
	}
	for i := n - 1; i >= 0; i-- {
		v.tags[i] = bt
		bt = v.back[i*nTags+int(bt)]
	}
	return v.tags
}
