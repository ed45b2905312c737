package seq

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"sort"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/nlp"
)

// Sample is one annotated document to train on.
type Sample struct {
	Doc  *nlp.Document
	Gold []Gold
}

// Gold is one annotated attribution: the byte spans of each role, a
// mention of a role possibly in several fragments. Train knows no corpus
// format: the corpus's reader gives this form (train/seqtrain for
// PolNeAR).
type Gold struct {
	Source, Cue, Content []claimtrail.Span
}

// AsGold returns a in the form of an annotation, to score it against gold
// ones: its content in its parts, an empty source or cue as none.
func (a Attribution) AsGold() Gold {
	g := Gold{Content: append([]claimtrail.Span(nil), a.ContentParts...)}
	if !a.Source.Empty() {
		g.Source = []claimtrail.Span{a.Source}
	}
	if !a.Cue.Empty() {
		g.Cue = []claimtrail.Span{a.Cue}
	}
	return g
}

// Mention returns the fragments of role r.
func (g Gold) Mention(r Role) []claimtrail.Span {
	switch r {
	case Source:
		return g.Source
	case Cue:
		return g.Cue
	}
	return g.Content
}

// TrainOptions tunes Train. The zero value trains with the defaults.
type TrainOptions struct {
	Epochs int // second-pass epochs over the training windows; default 8
	// FirstEpochs is the number of epochs of the first pass; default 5.
	FirstEpochs int
	// Folds is the number of folds the first pass is jackknifed over to
	// tag the training data for the second; default 4.
	Folds int
	Seed  uint64 // shuffling seed
	Bits  uint8  // the feature table has 2^Bits rows; default 18
	// Prune zeroes quantised weights whose magnitude is below this many
	// steps of 1/32767 of the largest weight, to keep the file small;
	// default 40.
	Prune int
	// Progress, when set, is called as training advances with the number
	// of windows done and the total over all epochs.
	Progress func(done, total int)
	// Dev, required with dev samples, scores the attributions labelled in
	// them (pred[i] for dev sample i), higher being better. Train calls it
	// after each epoch (epoch 1, 2, …) to keep the best, for each trial
	// of the per-role score offsets (epoch -1), and for the kept weights
	// with their offsets tuned (epoch 0).
	Dev func(epoch int, pred [][]Attribution) float64
}

// Train fits a model on the training samples. The first pass is trained on
// all of them, and, to give the second pass realistic first-pass tags to
// learn from, also on each of Folds complements of one fold, tagging the
// fold it left out. When dev samples are given, the second pass's averaged
// weights are scored on them after every epoch and the best epoch's are kept
// (ranked by the sum of the three roles' overlap F1 and exact content F1);
// otherwise the last epoch's are. It stops, returning ctx's error, soon
// after ctx is done.
func Train(ctx context.Context, train, dev []Sample, opt TrainOptions) (*Model, error) {
	if opt.Epochs <= 0 {
		opt.Epochs = 8
	}
	if opt.FirstEpochs <= 0 {
		opt.FirstEpochs = 5
	}
	if opt.Folds <= 1 {
		opt.Folds = 4
	}
	if opt.Bits == 0 {
		opt.Bits = 18
	}
	if opt.Bits < 8 || opt.Bits > maxBits {
		return nil, fmt.Errorf("train: feature table bits %d out of range 8..%d", opt.Bits, maxBits)
	}
	if opt.Prune == 0 {
		opt.Prune = 40
	}
	if len(dev) > 0 && opt.Dev == nil {
		return nil, errors.New("train: dev samples but no dev scorer")
	}
	if len(train) == 0 {
		return nil, errors.New("train: no training documents")
	}
	m := &Model{bits: opt.Bits, mask: 1<<opt.Bits - 1, lexicon: buildLexicon(train)}
	var docStems []map[string]stemCount
	m.stems, docStems = countStems(train)
	ws, err := featurizeAll(ctx, m, train, docStems)
	if err != nil {
		return nil, err
	}
	if len(ws) == 0 {
		return nil, errors.New("train: the training documents hold no tokens")
	}
	devWs, err := featurizeAll(ctx, m, dev, nil)
	if err != nil {
		return nil, err
	}
	t := &trainer{
		ctx:      ctx,
		dev:      opt.Dev,
		rng:      rand.New(rand.NewPCG(opt.Seed, 0x5eed)),
		progress: opt.Progress,
		total:    ((opt.Folds+1)*opt.FirstEpochs + opt.Epochs) * len(ws),
		size:     int(m.mask+1) * nTags,
	}
	// First pass, jackknifed over the training folds.
	for k := 0; k < opt.Folds; k++ {
		var in, out []*trainWindow
		for i := range ws {
			if ws[i].sample%opt.Folds == k {
				out = append(out, &ws[i])
			} else {
				in = append(in, &ws[i])
			}
		}
		ps, err := t.run(in, opt.FirstEpochs, nil, nil)
		if err != nil {
			return nil, err
		}
		if err := m.stackAll(ctx, train, docStems, out, &ps); err != nil {
			return nil, err
		}
	}
	all := make([]*trainWindow, len(ws))
	for i := range ws {
		all[i] = &ws[i]
	}
	first, err := t.run(all, opt.FirstEpochs, nil, nil)
	if err != nil {
		return nil, err
	}
	devPtrs := make([]*trainWindow, len(devWs))
	for i := range devWs {
		devPtrs[i] = &devWs[i]
	}
	if err := m.stackAll(ctx, dev, nil, devPtrs, &first); err != nil {
		return nil, err
	}
	for _, w := range all {
		w.stacked = true
	}
	for _, w := range devPtrs {
		w.stacked = true
	}
	second, err := t.run(all, opt.Epochs, dev, devPtrs)
	if err != nil {
		return nil, err
	}
	if len(devPtrs) > 0 {
		if second.bias, err = t.tuneBias(dev, devPtrs, &second); err != nil {
			return nil, err
		}
		t.dev(0, t.label(dev, devPtrs, &second))
	}
	m.passes[0] = quantise(&first, 0)
	m.passes[1] = quantise(&second, opt.Prune)
	return m, nil
}

// trainer runs perceptron training and reports progress.
type trainer struct {
	ctx      context.Context
	dev      func(epoch int, pred [][]Attribution) float64
	rng      *rand.Rand
	progress func(done, total int)
	done     int
	total    int
	size     int
	v        viterbi
}

// run trains one pass for the given epochs over ws. With dev windows, the
// averaged weights are scored after each epoch and the best are returned.
func (t *trainer) run(ws []*trainWindow, epochs int, dev []Sample, devWs []*trainWindow) (params, error) {
	p := newPerceptron(t.size)
	order := make([]int, len(ws))
	for i := range order {
		order[i] = i
	}
	var (
		best      params
		bestScore = math.Inf(-1)
	)
	for epoch := 1; epoch <= epochs; epoch++ {
		t.rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for k, i := range order {
			if k%64 == 0 {
				if err := t.ctx.Err(); err != nil {
					return params{}, err
				}
			}
			p.learn(ws[i], &t.v)
			t.done++
			if t.progress != nil && (t.done%64 == 0 || t.done == t.total) {
				t.progress(t.done, t.total)
			}
		}
		if len(devWs) == 0 {
			continue
		}
		avg := p.averaged()
		if s := t.dev(epoch, t.label(dev, devWs, &avg)); s > bestScore {
			bestScore, best = s, avg
		}
	}
	if len(devWs) == 0 {
		best = p.averaged()
	}
	// Skipped epochs (a ws shorter than total planned) still count as done.
	return best, nil
}

// tuneBias searches, by coordinate ascent on dev, a constant added to the
// scores of each role's tags, trading precision for recall where that
// raises the dev ranking figure.
func (t *trainer) tuneBias(dev []Sample, ws []*trainWindow, ps *params) ([nTags]float32, error) {
	// The step is a twentieth of the typical spread of a token's scores.
	var spread float64
	var n int
	for _, w := range ws {
		scores(&t.v, w, ps)
		for i := 0; i < len(w.gold); i++ {
			lo, hi := t.v.em[i*nTags], t.v.em[i*nTags]
			for _, e := range t.v.em[i*nTags : i*nTags+nTags] {
				lo, hi = min(lo, e), max(hi, e)
			}
			spread += float64(hi - lo)
			n++
		}
	}
	step := float32(spread / float64(max(n, 1)) / 20)
	saved := ps.bias
	best := t.dev(-1, t.label(dev, ws, ps))
	for round := 0; round < 2; round++ {
		for r := Source; r <= Content; r++ {
			keep := ps.bias
			for k := -3; k <= 6; k++ {
				if err := t.ctx.Err(); err != nil {
					return saved, err
				}
				ps.bias[beginTag(r)], ps.bias[insideTag(r)] = float32(k)*step, float32(k)*step
				if s := t.dev(-1, t.label(dev, ws, ps)); s > best {
					best, keep = s, ps.bias
				}
			}
			ps.bias = keep
		}
	}
	bias := ps.bias
	ps.bias = saved
	return bias, nil
}

// stackAll tags the windows with first-pass weights and stores their
// stacked features.
func (m *Model) stackAll(ctx context.Context, samples []Sample, exclude []map[string]stemCount, ws []*trainWindow, first *params) error {
	var s scratch
	var v viterbi
	for i, w := range ws {
		if i%64 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		w.stacked = false
		scores(&v, w, first)
		tags := v.best(len(w.gold))
		s.exclude = nil
		if exclude != nil {
			s.exclude = exclude[w.sample]
		}
		m.featurize(samples[w.sample].Doc, w.win, &s)
		m.stackFeatures(&s, tags, v.em)
		w.xfeats = append(w.xfeats[:0], s.xfeats...)
		w.xoffs = append(w.xoffs[:0], s.xoffs...)
		w.xefeats = append(w.xefeats[:0], s.xefeats...)
		w.xeoffs = append(w.xeoffs[:0], s.xeoffs...)
	}
	return nil
}

// trainWindow is one featurized window with its gold tags.
type trainWindow struct {
	sample int
	win    window
	feats  []uint32
	offs   []int32
	efeats []uint32
	eoffs  []int32
	gold   []uint8
	// Stacked features from first-pass tags, used when stacked is set.
	stacked         bool
	xfeats, xefeats []uint32
	xoffs, xeoffs   []int32
}

// featurizeAll featurizes every window of the samples; exclude, when not
// nil, holds each sample's own stem counts, left out of its features.
func featurizeAll(ctx context.Context, m *Model, samples []Sample, exclude []map[string]stemCount) ([]trainWindow, error) {
	var out []trainWindow
	var s scratch
	for si := range samples {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		doc := samples[si].Doc
		s.exclude = nil
		if exclude != nil {
			s.exclude = exclude[si]
		}
		gold := goldTags(doc, samples[si].Gold)
		for _, w := range windows(doc) {
			m.featurize(doc, w, &s)
			out = append(out, trainWindow{
				sample: si,
				win:    w,
				feats:  append([]uint32(nil), s.feats...),
				offs:   append([]int32(nil), s.offs...),
				efeats: append([]uint32(nil), s.efeats...),
				eoffs:  append([]int32(nil), s.eoffs...),
				gold:   windowGold(gold[w.first:w.last]),
			})
		}
	}
	return out, nil
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
func goldTags(doc *nlp.Document, gold []Gold) []uint8 {
	tags := make([]uint8, len(doc.Tokens))
	for _, role := range []Role{Content, Source, Cue} {
		for _, a := range gold {
			for _, f := range a.Mention(role) {
				i := sort.Search(len(doc.Tokens), func(i int) bool { return doc.Tokens[i].End > f.Start })
				for first := true; i < len(doc.Tokens) && doc.Tokens[i].Start < f.End; i++ {
					if first {
						tags[i] = beginTag(role)
						first = false
					} else {
						tags[i] = insideTag(role)
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
// and the words that the training data mark as cues at least a third of the
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
		if n >= 5 && 3*n >= seen[w] {
			lex[w] = true
		}
	}
	return lex
}

// countStems counts, per word stem, its occurrences and cue occurrences in
// the samples, over all of them (keeping the stems that are a cue at least
// once) and per sample.
func countStems(samples []Sample) (map[string]stemCount, []map[string]stemCount) {
	var s scratch
	total := make(map[string]stemCount)
	per := make([]map[string]stemCount, len(samples))
	for i, sm := range samples {
		tags := goldTags(sm.Doc, sm.Gold)
		doc := make(map[string]stemCount)
		for k, t := range sm.Doc.Tokens {
			st := s.stemOf(lowerASCII(t.Text))
			c := doc[st]
			c.seen++
			if tags[k] != tagO && tagRole(tags[k]) == Cue {
				c.cue++
			}
			doc[st] = c
		}
		for st, c := range doc {
			t := total[st]
			t.cue += c.cue
			t.seen += c.seen
			total[st] = t
		}
		per[i] = doc
	}
	for st, c := range total {
		if c.cue == 0 {
			delete(total, st)
		}
	}
	return total, per
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

// params are the float weights of a model under training.
type params struct {
	token []float32 // (mask+1) × nTags
	edge  []float32 // (edgeMask+1) × nTrans
	bias  [nTags]float32
}

// perceptron holds the weights of an averaged structured perceptron, using
// the w − u/c trick for averaging.
type perceptron struct {
	w     params
	u, eu []float64
	c     float64
}

func newPerceptron(n int) *perceptron {
	return &perceptron{
		w: params{token: make([]float32, n), edge: make([]float32, (edgeMask+1)*nTrans)},
		u: make([]float64, n), eu: make([]float64, (edgeMask+1)*nTrans), c: 1,
	}
}

// learn decodes one window with the current weights and updates them toward
// the gold tags where the prediction differs.
func (p *perceptron) learn(w *trainWindow, v *viterbi) {
	n := len(w.gold)
	scores(v, w, &p.w)
	pred := v.best(n)
	for i := 0; i < n; i++ {
		g, q := w.gold[i], pred[i]
		if g != q {
			p.update(w.feats[w.offs[i]:w.offs[i+1]], int(g), int(q))
			if w.stacked {
				p.update(w.xfeats[w.xoffs[i]:w.xoffs[i+1]], int(g), int(q))
			}
		}
		pg, pq := nTags, nTags
		if i > 0 {
			pg, pq = int(w.gold[i-1]), int(pred[i-1])
		}
		if pg != pq || g != q {
			tg, tq := pg*nTags+int(g), pq*nTags+int(q)
			p.updateEdge(w.efeats[w.eoffs[i]:w.eoffs[i+1]], tg, tq)
			if w.stacked {
				p.updateEdge(w.xefeats[w.xeoffs[i]:w.xeoffs[i+1]], tg, tq)
			}
		}
	}
	p.c++
}

// update moves the token weights of feats toward tag g and away from q.
func (p *perceptron) update(feats []uint32, g, q int) {
	for _, f := range feats {
		p.w.token[int(f)*nTags+g]++
		p.u[int(f)*nTags+g] += p.c
		p.w.token[int(f)*nTags+q]--
		p.u[int(f)*nTags+q] -= p.c
	}
}

// updateEdge moves the transition weights of feats toward transition g and
// away from q.
func (p *perceptron) updateEdge(feats []uint32, g, q int) {
	for _, f := range feats {
		p.w.edge[int(f)*nTrans+g]++
		p.eu[int(f)*nTrans+g] += p.c
		p.w.edge[int(f)*nTrans+q]--
		p.eu[int(f)*nTrans+q] -= p.c
	}
}

// averaged returns the averaged weights.
func (p *perceptron) averaged() params {
	avg := params{token: make([]float32, len(p.w.token)), edge: make([]float32, len(p.w.edge))}
	for i := range p.w.token {
		avg.token[i] = p.w.token[i] - float32(p.u[i]/p.c)
	}
	for i := range p.w.edge {
		avg.edge[i] = p.w.edge[i] - float32(p.eu[i]/p.c)
	}
	return avg
}

// scores fills v's emission and transition scores for window w.
func scores(v *viterbi, w *trainWindow, ps *params) {
	n := len(w.gold)
	em, tr := v.reset(n)
	for i := 0; i < n; i++ {
		var acc [nTags]float32
		sumFloatRows(acc[:], ps.token, w.feats[w.offs[i]:w.offs[i+1]])
		if w.stacked {
			sumFloatRows(acc[:], ps.token, w.xfeats[w.xoffs[i]:w.xoffs[i+1]])
		}
		for t := range acc {
			em[i*nTags+t] = acc[t] + ps.bias[t]
		}
		var eacc [nTrans]float32
		sumFloatRows(eacc[:], ps.edge, w.efeats[w.eoffs[i]:w.eoffs[i+1]])
		if w.stacked {
			sumFloatRows(eacc[:], ps.edge, w.xefeats[w.xeoffs[i]:w.xeoffs[i+1]])
		}
		copy(tr[i*nTrans:], eacc[:])
	}
}

func sumFloatRows(acc []float32, tab []float32, feats []uint32) {
	width := len(acc)
	for _, f := range feats {
		row := tab[int(f)*width : int(f)*width+width : int(f)*width+width]
		for t := range acc {
			acc[t] += row[t]
		}
	}
}

// label labels the dev windows with the given weights.
func (t *trainer) label(samples []Sample, ws []*trainWindow, ps *params) [][]Attribution {
	v := &t.v
	pred := make([][]Attribution, len(samples))
	for _, w := range ws {
		scores(v, w, ps)
		tags := v.best(len(w.gold))
		conventions(samples[w.sample].Doc, w.win, tags)
		pred[w.sample] = group(samples[w.sample].Doc, w.win, tags, pred[w.sample])
	}
	return pred
}

// quantise stores weights as int16 steps of one scale, zeroing token
// weights smaller than prune steps.
func quantise(ps *params, prune int) pass {
	var maxAbs float64
	for _, tab := range [][]float32{ps.token, ps.edge} {
		for _, v := range tab {
			maxAbs = max(maxAbs, math.Abs(float64(v)))
		}
	}
	if maxAbs == 0 {
		maxAbs = 1
	}
	p := pass{scale: float32(maxAbs / 32767)}
	for t := range ps.bias {
		p.bias[t] = ps.bias[t] / p.scale
	}
	q := func(tab []float32, minSteps int) []int16 {
		out := make([]int16, len(tab))
		for i, v := range tab {
			x := math.Round(float64(v / p.scale))
			if math.Abs(x) >= float64(max(minSteps, 1)) {
				out[i] = int16(x)
			}
		}
		return out
	}
	tok := q(ps.token, prune)
	p.weights = make([]int16, len(tok)/nTags*rowStride)
	for r := 0; r*nTags < len(tok); r++ {
		copy(p.weights[r*rowStride:], tok[r*nTags:r*nTags+nTags])
	}
	p.edges = q(ps.edge, 1)
	return p
}
