package stance

import (
	"context"
	"fmt"
	"math"
	"slices"
)

// node is one node of a regression tree. A leaf has Feature < 0.
type node struct {
	Feature int16
	Bin     uint8 // go left when the feature's bin <= Bin
	Left    int32
	Right   int32
	Value   float32 // leaf output
}

// tree is a regression tree while it grows; Nodes[0] is the root.
type tree struct {
	Nodes []node
}

func (t *tree) evalBins(row []uint8) float32 {
	i := int32(0)
	for {
		n := &t.Nodes[i]
		if n.Feature < 0 {
			return n.Value
		}
		if row[n.Feature] <= n.Bin {
			i = n.Left
		} else {
			i = n.Right
		}
	}
}

// forest is a gradient-boosted ensemble of regression trees for softmax
// classification. Feature values are first mapped to bins by the forest's
// cut points (Cuts[f]: a value's bin is the number of cut points below it),
// and every tree is stored as a complete binary tree of depth Depth over
// bins: internal node i of a tree (0 ≤ i < 2^Depth−1) sends x left, to 2i+1,
// when bin(x[Feat[i]]) <= Bin[i] and right, to 2i+2, otherwise; leaf j holds
// Leaf[j]. A node that did not split has Bin 255 (always left).
//
// A binary forest (Classes 2) grows one tree per round, for class 1, and is
// logistic regression on the trees' sum; otherwise round r's tree for
// class k is tree r·Classes+k.
type forest struct {
	Classes int
	Depth   int
	Base    []float32
	Cuts    [][]float32 // per feature, ascending, at most 255
	Feat    []uint16    // per tree 2^Depth−1 internal nodes
	Bin     []uint8     // per tree 2^Depth−1 internal nodes
	Leaf    []float32   // per tree 2^Depth leaves
}

// perRound is the number of trees grown per boosting round.
func (f *forest) perRound() int {
	if f.Classes == 2 {
		return 1
	}
	return f.Classes
}

// trees is the number of trees in the forest.
func (f *forest) trees() int {
	if f.Depth <= 0 || f.Depth > 16 {
		return 0
	}
	return len(f.Leaf) >> f.Depth
}

// maxFeatures bounds the length of a feature vector.
const maxFeatures = 128

// probs writes the class probabilities for feature vector x into p
// (len Classes).
func (f *forest) probs(x []float32, p []float64) {
	var xb [maxFeatures]int
	for k, c := range f.Cuts {
		xb[k], _ = slices.BinarySearch(c, x[k])
	}
	for k := range p {
		p[k] = float64(f.Base[k])
	}
	per, off := f.perRound(), f.Classes-f.perRound()
	inner, leaves, depth := 1<<f.Depth-1, 1<<f.Depth, f.Depth
	feat, bin, leaf := f.Feat, f.Bin, f.Leaf
	n := f.trees()
	t := 0
	// Four trees at a time, without branches: the walks are independent,
	// so the CPU overlaps them. right is 1 when the value's bin is above
	// the node's (the sign bit of node bin − value bin).
	for ; t+4 <= n; t += 4 {
		b0, b1, b2, b3 := t*inner, (t+1)*inner, (t+2)*inner, (t+3)*inner
		i0, i1, i2, i3 := 0, 0, 0, 0
		for d := 0; d < depth; d++ {
			i0 = 2*i0 + 1 + int(uint(int(bin[b0+i0])-xb[feat[b0+i0]&(maxFeatures-1)])>>63)
			i1 = 2*i1 + 1 + int(uint(int(bin[b1+i1])-xb[feat[b1+i1]&(maxFeatures-1)])>>63)
			i2 = 2*i2 + 1 + int(uint(int(bin[b2+i2])-xb[feat[b2+i2]&(maxFeatures-1)])>>63)
			i3 = 2*i3 + 1 + int(uint(int(bin[b3+i3])-xb[feat[b3+i3]&(maxFeatures-1)])>>63)
		}
		p[t%per+off] += float64(leaf[t*leaves+i0-inner])
		p[(t+1)%per+off] += float64(leaf[(t+1)*leaves+i1-inner])
		p[(t+2)%per+off] += float64(leaf[(t+2)*leaves+i2-inner])
		p[(t+3)%per+off] += float64(leaf[(t+3)*leaves+i3-inner])
	}
	for ; t < n; t++ {
		b, i := t*inner, 0
		for d := 0; d < depth; d++ {
			i = 2*i + 1 + int(uint(int(bin[b+i])-xb[feat[b+i]&(maxFeatures-1)])>>63)
		}
		p[t%per+off] += float64(leaf[t*leaves+i-inner])
	}
	softmax(p)
}

// add appends tree t, grown to at most f.Depth levels, in complete form.
func (f *forest) add(t *tree) {
	inner, leaves := 1<<f.Depth-1, 1<<f.Depth
	feat := make([]uint16, inner)
	bin := make([]uint8, inner)
	leaf := make([]float32, leaves)
	var fill func(n int32, i int)
	fill = func(n int32, i int) {
		nd := &t.Nodes[n]
		if i >= inner { // a leaf position
			leaf[i-inner] = nd.Value
			return
		}
		if nd.Feature < 0 { // no split: always go left, same value below
			feat[i], bin[i] = 0, math.MaxUint8
			fill(n, 2*i+1)
			fill(n, 2*i+2)
			return
		}
		feat[i], bin[i] = uint16(nd.Feature), nd.Bin
		fill(nd.Left, 2*i+1)
		fill(nd.Right, 2*i+2)
	}
	fill(0, 0)
	f.Feat = append(f.Feat, feat...)
	f.Bin = append(f.Bin, bin...)
	f.Leaf = append(f.Leaf, leaf...)
}

func softmax(p []float64) {
	mx := math.Inf(-1)
	for _, v := range p {
		mx = max(mx, v)
	}
	sum := 0.0
	for k, v := range p {
		p[k] = math.Exp(v - mx)
		sum += p[k]
	}
	for k := range p {
		p[k] /= sum
	}
}

// check reports a forest whose structure does not fit classes and nf
// features.
func (f *forest) check(classes, nf int) error {
	if f.Classes != classes || len(f.Base) != f.Classes {
		return fmt.Errorf("forest has %d classes and %d base scores, want %d", f.Classes, len(f.Base), classes)
	}
	if f.Depth < 1 || f.Depth > 12 {
		return fmt.Errorf("forest depth %d outside 1..12", f.Depth)
	}
	n := len(f.Leaf) >> f.Depth
	inner := 1<<f.Depth - 1
	if n == 0 || len(f.Leaf) != n<<f.Depth || len(f.Feat) != n*inner || len(f.Bin) != n*inner || n%f.perRound() != 0 {
		return fmt.Errorf("forest arrays do not hold whole trees")
	}
	if len(f.Cuts) != nf || nf > maxFeatures {
		return fmt.Errorf("forest bins %d features, want %d", len(f.Cuts), nf)
	}
	for k, c := range f.Cuts {
		if len(c) > math.MaxUint8 || !slices.IsSorted(c) {
			return fmt.Errorf("cut points of feature %d are malformed", k)
		}
	}
	for i, ft := range f.Feat {
		if int(ft) >= nf {
			return fmt.Errorf("node %d uses feature %d of %d", i, ft, nf)
		}
	}
	return nil
}

// boostParams are the hyper-parameters of gradient boosting.
type boostParams struct {
	Rounds       int
	Depth        int
	LearningRate float64
	Lambda       float64 // L2 penalty on leaf values
	MinHessian   float64 // least hessian weight in a child
	Subsample    float64 // share of rows drawn for each round
	ColSample    float64 // share of features drawn for each tree
	Bins         int     // at most 256 (255 cut points)
	Seed         uint64
}

// rng is a small deterministic generator (SplitMix64).
type rng struct{ s uint64 }

func (r *rng) next() uint64 {
	r.s += 0x9E3779B97F4A7C15
	z := r.s
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9
	z = (z ^ (z >> 27)) * 0x94D049BB133111EB
	return z ^ (z >> 31)
}

func (r *rng) float() float64 { return float64(r.next()>>11) / (1 << 53) }

// binning holds, per feature, ascending cut points: a value's bin is the
// index of the first cut point >= it (len(cuts) when there is none).
type binning [][]float32

func newBinning(X [][]float32, nf, bins int) binning {
	cuts := make(binning, nf)
	vals := make([]float32, len(X))
	for f := 0; f < nf; f++ {
		for i, x := range X {
			vals[i] = x[f]
		}
		slices.Sort(vals)
		var c []float32
		for q := 1; q < bins; q++ {
			v := vals[q*(len(vals)-1)/bins]
			if len(c) == 0 || v > c[len(c)-1] {
				c = append(c, v)
			}
		}
		if len(c) > 0 && c[len(c)-1] >= vals[len(vals)-1] {
			c = c[:len(c)-1] // a cut at the maximum splits nothing
		}
		cuts[f] = c
	}
	return cuts
}

func (b binning) bin(f int, v float32) uint8 {
	c := b[f]
	i, _ := slices.BinarySearch(c, v)
	return uint8(i)
}

// trainForest fits a softmax gradient-boosted forest to rows X with labels
// y and row weights w. progress, when not nil, is called after each round.
func trainForest(ctx context.Context, X [][]float32, y []uint8, w []float32, classes int, p boostParams, progress func(done, total int)) (*forest, error) {
	n := len(X)
	if n == 0 {
		return nil, fmt.Errorf("no training rows")
	}
	nf := len(X[0])
	cuts := newBinning(X, nf, p.Bins)
	xb := make([]uint8, n*nf)
	for i, x := range X {
		for f := 0; f < nf; f++ {
			xb[i*nf+f] = cuts.bin(f, x[f])
		}
	}
	// Base scores: log of the weighted class priors.
	f := &forest{Classes: classes, Depth: p.Depth, Base: make([]float32, classes), Cuts: cuts}
	prior := make([]float64, classes)
	wsum := 0.0
	for i := range y {
		prior[y[i]] += float64(w[i])
		wsum += float64(w[i])
	}
	for k := range prior {
		f.Base[k] = float32(math.Log(math.Max(prior[k]/wsum, 1e-6)))
	}
	if classes == 2 {
		f.Base[1] -= f.Base[0]
		f.Base[0] = 0
	}
	per, off := f.perRound(), classes-f.perRound()
	score := make([]float64, n*classes)
	for i := 0; i < n; i++ {
		for k := 0; k < classes; k++ {
			score[i*classes+k] = float64(f.Base[k])
		}
	}
	r := rng{s: p.Seed}
	g := make([]float64, n)
	h := make([]float64, n)
	prob := make([]float64, classes)
	b := &builder{xb: xb, nf: nf, cuts: cuts, p: p, g: g, h: h,
		hist: make([]float64, nf*256*2), rows: make([]int32, 0, n), feats: make([]int, 0, nf)}
	probs := make([]float64, n*classes)
	for round := 0; round < p.Rounds; round++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		for i := 0; i < n; i++ {
			copy(prob, score[i*classes:(i+1)*classes])
			softmax(prob)
			copy(probs[i*classes:], prob)
		}
		b.rows = b.rows[:0]
		for i := 0; i < n; i++ {
			if r.float() < p.Subsample {
				b.rows = append(b.rows, int32(i))
			}
		}
		sample := slices.Clone(b.rows)
		for k := off; k < off+per; k++ {
			if err := ctx.Err(); err != nil { // a round grows a tree per class: stop between them
				return nil, err
			}
			for i := 0; i < n; i++ {
				pk := probs[i*classes+k]
				yk := 0.0
				if int(y[i]) == k {
					yk = 1
				}
				g[i] = float64(w[i]) * (pk - yk)
				h[i] = float64(w[i]) * math.Max(pk*(1-pk), 1e-6)
			}
			b.feats = b.feats[:0]
			for j := 0; j < nf; j++ {
				if r.float() < p.ColSample {
					b.feats = append(b.feats, j)
				}
			}
			if len(b.feats) == 0 {
				b.feats = append(b.feats, int(r.next()%uint64(nf)))
			}
			copy(b.rows, sample)
			t := tree{}
			b.t = &t
			b.grow(b.rows, 0)
			f.add(&t)
			for i := 0; i < n; i++ {
				score[i*classes+k] += float64(t.evalBins(xb[i*nf : (i+1)*nf]))
			}
		}
		if progress != nil {
			progress(round+1, p.Rounds)
		}
	}
	return f, nil
}

// builder grows one regression tree on binned rows.
type builder struct {
	xb    []uint8
	nf    int
	cuts  binning
	p     boostParams
	g, h  []float64
	hist  []float64
	rows  []int32
	feats []int
	t     *tree
}

// grow adds a node for rows (reordering them) and returns its index.
func (b *builder) grow(rows []int32, depth int) int32 {
	idx := int32(len(b.t.Nodes))
	b.t.Nodes = append(b.t.Nodes, node{Feature: -1})
	var G, H float64
	for _, r := range rows {
		G += b.g[r]
		H += b.h[r]
	}
	leaf := func() int32 {
		b.t.Nodes[idx].Value = float32(-G / (H + b.p.Lambda) * b.p.LearningRate)
		return idx
	}
	if depth >= b.p.Depth || H < 2*b.p.MinHessian {
		return leaf()
	}
	hist := b.hist
	for _, f := range b.feats {
		clear(hist[f*512 : f*512+2*(len(b.cuts[f])+1)])
	}
	for _, r := range rows {
		row := b.xb[int(r)*b.nf : int(r)*b.nf+b.nf]
		gr, hr := b.g[r], b.h[r]
		for _, f := range b.feats {
			o := f*512 + 2*int(row[f])
			hist[o] += gr
			hist[o+1] += hr
		}
	}
	parent := G * G / (H + b.p.Lambda)
	bestGain, bestF, bestBin := 1e-9, -1, 0
	for _, f := range b.feats {
		var gl, hl float64
		for bin := 0; bin < len(b.cuts[f]); bin++ {
			gl += hist[f*512+2*bin]
			hl += hist[f*512+2*bin+1]
			gr, hr := G-gl, H-hl
			if hl < b.p.MinHessian || hr < b.p.MinHessian {
				continue
			}
			gain := gl*gl/(hl+b.p.Lambda) + gr*gr/(hr+b.p.Lambda) - parent
			if gain > bestGain {
				bestGain, bestF, bestBin = gain, f, bin
			}
		}
	}
	if bestF < 0 {
		return leaf()
	}
	// Partition rows: left (bin <= bestBin) first.
	i, j := 0, len(rows)-1
	for i <= j {
		if b.xb[int(rows[i])*b.nf+bestF] <= uint8(bestBin) {
			i++
		} else {
			rows[i], rows[j] = rows[j], rows[i]
			j--
		}
	}
	left := b.grow(rows[:i], depth+1)
	right := b.grow(rows[i:], depth+1)
	b.t.Nodes[idx] = node{Feature: int16(bestF), Bin: uint8(bestBin), Left: left, Right: right}
	return idx
}
