package seq

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"sort"

	"github.com/claimtrail/claimtrail/eval/polnear"
	"github.com/claimtrail/claimtrail/nlp"
)

// Sample is one annotated document to train or evaluate on.
type Sample struct {
	Doc  *nlp.Document
	Gold []polnear.Attribution
}

// TrainOptions tunes Train. The zero value trains with the defaults.
type TrainOptions struct {
	Epochs int    // passes over the training windows; default 10
	Seed   uint64 // shuffling seed
	Bits   uint8  // the feature table has 2^Bits rows; default 20
	// Prune zeroes quantised weights whose magnitude is below this many
	// steps of 1/32767 of the largest weight, to keep the file small;
	// default 40.
	Prune int
	// Progress, when set, is called as training advances with the number
	// of windows done and the total over all epochs.
	Progress func(done, total int)
}

// EpochReport is the dev-set score of the averaged weights after an epoch.
type EpochReport struct {
	Epoch int
	Dev   polnear.Score
}

// Train fits a model on the training samples. When dev samples are given,
// the averaged weights are scored on them after every epoch and the best
// epoch's weights are kept (ranked by the sum of the three roles' overlap F1
// and exact content F1); otherwise the last epoch's are.
func Train(ctx context.Context, train, dev []Sample, opt TrainOptions) (*Model, []EpochReport, error) {
	if opt.Epochs <= 0 {
		opt.Epochs = 10
	}
	if opt.Bits == 0 {
		opt.Bits = 20
	}
	if opt.Bits < 8 || opt.Bits > 26 {
		return nil, nil, fmt.Errorf("train: feature table bits %d out of range 8..26", opt.Bits)
	}
	if opt.Prune == 0 {
		opt.Prune = 40
	}
	if len(train) == 0 {
		return nil, nil, errors.New("train: no training documents")
	}
	m := &Model{bits: opt.Bits, mask: 1<<opt.Bits - 1, lexicon: buildLexicon(train)}
	ws := featurizeAll(m, train)
	if len(ws) == 0 {
		return nil, nil, errors.New("train: the training documents hold no tokens")
	}
	var devWs []trainWindow
	if len(dev) > 0 {
		devWs = featurizeAll(m, dev)
	}
	p := newPerceptron(int(m.mask+1) * nTags)
	rng := rand.New(rand.NewPCG(opt.Seed, 0x5eed))
	order := make([]int, len(ws))
	for i := range order {
		order[i] = i
	}
	var (
		reports   []EpochReport
		best      []float32
		bestTrans [nTags + 1][nTags]float32
		bestScore = math.Inf(-1)
		v         viterbi
		done      int
		total     = opt.Epochs * len(ws)
	)
	for epoch := 1; epoch <= opt.Epochs; epoch++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for k, i := range order {
			if k%256 == 0 {
				if err := ctx.Err(); err != nil {
					return nil, reports, err
				}
			}
			p.learn(&ws[i], &v)
			done++
			if opt.Progress != nil && (done%64 == 0 || done == total) {
				opt.Progress(done, total)
			}
		}
		avg, avgTrans := p.averaged()
		if len(devWs) == 0 {
			best, bestTrans = avg, avgTrans
			continue
		}
		score := evaluate(dev, devWs, avg, &avgTrans, &v)
		reports = append(reports, EpochReport{Epoch: epoch, Dev: score})
		if s := rank(score); s > bestScore {
			bestScore, best, bestTrans = s, avg, avgTrans
		}
	}
	m.quantise(best, &bestTrans, opt.Prune)
	return m, reports, nil
}

// rank is the figure Train maximises on dev.
func rank(s polnear.Score) float64 {
	r := s.Roles[polnear.Content].Exact.PRF().F1
	for _, role := range polnear.Roles {
		r += s.Roles[role].Overlap.PRF().F1
	}
	return r
}

// trainWindow is one featurized window with its gold tags.
type trainWindow struct {
	sample int
	win    window
	feats  []uint32
	offs   []int32
	gold   []uint8
}

func featurizeAll(m *Model, samples []Sample) []trainWindow {
	var out []trainWindow
	var s scratch
	for si := range samples {
		doc := samples[si].Doc
		gold := goldTags(doc, samples[si].Gold)
		for _, w := range windows(doc) {
			m.featurize(doc, w, &s)
			out = append(out, trainWindow{
				sample: si,
				win:    w,
				feats:  append([]uint32(nil), s.feats...),
				offs:   append([]int32(nil), s.offs...),
				gold:   windowGold(gold[w.first:w.last]),
			})
		}
	}
	return out
}

// windowGold copies a window's gold tags, making a span that continues from
// the previous window begin afresh.
func windowGold(tags []uint8) []uint8 {
	g := append([]uint8(nil), tags...)
	if len(g) > 0 && g[0] != tagO && !isBegin(g[0]) {
		g[0]--
	}
	return g
}

// goldTags gives every token of doc its BIO tag from the gold attributions.
// A token takes the role of any mention it overlaps; cues win over sources,
// sources over content, where annotations collide.
func goldTags(doc *nlp.Document, gold []polnear.Attribution) []uint8 {
	tags := make([]uint8, len(doc.Tokens))
	for _, role := range []polnear.Role{polnear.Content, polnear.Source, polnear.Cue} {
		for _, a := range gold {
			for _, f := range a.Mention(role) {
				i := sort.Search(len(doc.Tokens), func(i int) bool { return doc.Tokens[i].End > f.Start })
				for first := true; i < len(doc.Tokens) && doc.Tokens[i].Start < f.End; i++ {
					if first {
						tags[i] = beginTag(Role(role))
						first = false
					} else {
						tags[i] = insideTag(Role(role))
					}
				}
			}
		}
	}
	// Inside tags must continue their role: repair those a collision cut off.
	for i := range tags {
		if tags[i] == tagO || isBegin(tags[i]) {
			continue
		}
		if i == 0 || !allowed(tags[i-1], tags[i]) {
			tags[i]--
		}
	}
	return tags
}

// buildLexicon returns the cue words: a hand-made list of reporting words
// and the words that the training data mark as cues at least a fifth of the
// times they occur (and at least five times).
func buildLexicon(samples []Sample) map[string]bool {
	lex := make(map[string]bool)
	for _, w := range baseLexicon {
		lex[w] = true
	}
	seen, cue := make(map[string]int), make(map[string]int)
	for _, s := range samples {
		tags := goldTags(s.Doc, s.Gold)
		for i, t := range s.Doc.Tokens {
			w := lowerASCII(t.Text)
			seen[w]++
			if tags[i] != tagO && tagRole(tags[i]) == Cue {
				cue[w]++
			}
		}
	}
	for w, n := range cue {
		if n >= 5 && 5*n >= seen[w] {
			lex[w] = true
		}
	}
	return lex
}

// baseLexicon lists common English reporting words.
var baseLexicon = []string{
	"according", "accused", "acknowledged", "added", "adds", "admitted", "affirmed",
	"alleged", "announced", "announces", "argued", "argues", "asked", "asserted",
	"believe", "believed", "believes", "claim", "claimed", "claims", "complained",
	"concluded", "confirmed", "confirms", "contended", "declared", "denied", "denies",
	"disclosed", "estimated", "explained", "insisted", "insists", "maintained",
	"noted", "notes", "predicted", "reported", "reports", "said", "say", "saying",
	"says", "stated", "states", "suggested", "suggests", "tell", "telling", "tells",
	"testified", "think", "thinks", "thought", "told", "tweeted", "warned", "warns",
	"wrote", "writes",
}

// perceptron holds the weights of an averaged structured perceptron, using
// the w − u/c trick for averaging.
type perceptron struct {
	w, trainEm []float32
	u          []float64
	trans      [nTags + 1][nTags]float32
	transU     [nTags + 1][nTags]float64
	c          float64
}

func newPerceptron(n int) *perceptron {
	return &perceptron{w: make([]float32, n), u: make([]float64, n), c: 1}
}

// learn decodes one window with the current weights and updates them toward
// the gold tags where the prediction differs.
func (p *perceptron) learn(w *trainWindow, v *viterbi) {
	n := len(w.gold)
	emissions(v, w, p.w)
	pred := v.best(n, &p.trans)
	for i := 0; i < n; i++ {
		g, q := w.gold[i], pred[i]
		if g != q {
			for _, f := range w.feats[w.offs[i]:w.offs[i+1]] {
				p.w[int(f)*nTags+int(g)]++
				p.u[int(f)*nTags+int(g)] += p.c
				p.w[int(f)*nTags+int(q)]--
				p.u[int(f)*nTags+int(q)] -= p.c
			}
		}
		pg, pq := uint8(nTags), uint8(nTags)
		if i > 0 {
			pg, pq = w.gold[i-1], pred[i-1]
		}
		if pg != pq || g != q {
			p.trans[pg][g]++
			p.transU[pg][g] += p.c
			p.trans[pq][q]--
			p.transU[pq][q] -= p.c
		}
	}
	p.c++
}

// averaged returns the averaged weights.
func (p *perceptron) averaged() ([]float32, [nTags + 1][nTags]float32) {
	avg := make([]float32, len(p.w))
	for i := range p.w {
		avg[i] = p.w[i] - float32(p.u[i]/p.c)
	}
	var tr [nTags + 1][nTags]float32
	for i := range tr {
		for j := range tr[i] {
			tr[i][j] = p.trans[i][j] - float32(p.transU[i][j]/p.c)
		}
	}
	return avg, tr
}

// emissions fills v's emission scores for window w under weights.
func emissions(v *viterbi, w *trainWindow, weights []float32) {
	n := len(w.gold)
	em := v.emissions(n)
	for i := 0; i < n; i++ {
		var acc [nTags]float32
		for _, f := range w.feats[w.offs[i]:w.offs[i+1]] {
			row := weights[int(f)*nTags : int(f)*nTags+nTags : int(f)*nTags+nTags]
			for t := range acc {
				acc[t] += row[t]
			}
		}
		copy(em[i*nTags:], acc[:])
	}
}

// evaluate labels the dev windows with the given weights and scores the
// result against the gold attributions.
func evaluate(samples []Sample, ws []trainWindow, weights []float32, trans *[nTags + 1][nTags]float32, v *viterbi) polnear.Score {
	pred := make([][]Attribution, len(samples))
	for i := range ws {
		w := &ws[i]
		emissions(v, w, weights)
		tags := v.best(len(w.gold), trans)
		pred[w.sample] = group(samples[w.sample].Doc, w.win, tags, pred[w.sample])
	}
	var total polnear.Score
	for i, s := range samples {
		total.Add(polnear.Compare(s.Doc.Article.Text, s.Gold, ToPolnear(pred[i])))
	}
	return total
}

// quantise stores weights as int16 steps of one scale, zeroing those
// smaller than prune steps.
func (m *Model) quantise(weights []float32, trans *[nTags + 1][nTags]float32, prune int) {
	var maxAbs float32
	for _, v := range weights {
		maxAbs = max(maxAbs, float32(math.Abs(float64(v))))
	}
	if maxAbs == 0 {
		maxAbs = 1
	}
	m.scale = maxAbs / 32767
	m.weights = make([]int16, len(weights))
	for i, v := range weights {
		q := math.Round(float64(v / m.scale))
		if math.Abs(q) < float64(prune) {
			continue
		}
		m.weights[i] = int16(q)
	}
	for i := range trans {
		for j := range trans[i] {
			m.trans[i][j] = trans[i][j] / m.scale
		}
	}
}

// ToPolnear converts attributions to the corpus package's form for scoring
// and writing.
func ToPolnear(atts []Attribution) []polnear.Attribution {
	out := make([]polnear.Attribution, 0, len(atts))
	for _, a := range atts {
		pa := polnear.Attribution{Content: append(polnear.Mention(nil), a.ContentParts...)}
		if !a.Source.Empty() {
			pa.Source = polnear.Mention{a.Source}
		}
		if !a.Cue.Empty() {
			pa.Cue = polnear.Mention{a.Cue}
		}
		out = append(out, pa)
	}
	return out
}
