package stance

import (
	"context"
	"errors"
	"fmt"
	"math"
	"runtime"
	"sort"
	"sync"
)

// Pair is one labelled training example: a claim (headline), the body it
// is paired with, and the gold label.
type Pair struct {
	Claim  string
	BodyID int
	Label  Label
}

// TrainOptions are the settings of Train; zero values take the defaults.
type TrainOptions struct {
	Seed    uint64  // seed of the hold-out split and of boosting (default 1)
	Holdout float64 // share of bodies held out of training (0: none)
	Rounds  int     // boosting rounds of the stance stage (default 400)
	// RelatedRounds is the number of boosting rounds of the related stage
	// (default 150).
	RelatedRounds int
	Depth         int // tree depth of the stance stage (default 4)
	// RelatedDepth is the tree depth of the related stage (default 6).
	RelatedDepth int
	// MinLeafWeight is the least sum of hessian weights in a leaf of the
	// stance stage (default 1); larger values keep trees from fitting a
	// handful of heavily weighted disagree pairs.
	MinLeafWeight float64
	// LearningRate shrinks each tree (default 0.08).
	LearningRate float64
	// WeightPower sets, in each stage, class weights to
	// (n / (classes·n_class))^WeightPower to offset the imbalance of the
	// classes (default 1; with NoClassWeights, 0 leaves them unweighted).
	WeightPower    float64
	NoClassWeights bool
	// DisagreeBoost multiplies the weight of disagree pairs in the stance
	// stage once more (default 2): disagree is rare and costly to miss.
	DisagreeBoost float64
	// DisagreeBias scales the stance stage's disagree probability at
	// prediction time before the label is picked (default 1.25): the trees
	// fit the few disagree training pairs closely and are over-confident
	// against them on unseen bodies.
	DisagreeBias float64
	// Progress, when not nil, is told about each stage ("features",
	// "boosting") as work is done.
	Progress func(stage string, done, total int)
}

func (o *TrainOptions) defaults() {
	if o.Seed == 0 {
		o.Seed = 1
	}
	if o.Rounds == 0 {
		o.Rounds = 400
	}
	if o.RelatedRounds == 0 {
		o.RelatedRounds = 150
	}
	if o.Depth == 0 {
		o.Depth = 4
	}
	if o.MinLeafWeight == 0 {
		o.MinLeafWeight = 1
	}
	if o.RelatedDepth == 0 {
		o.RelatedDepth = 6
	}
	if o.LearningRate == 0 {
		o.LearningRate = 0.08
	}
	if o.DisagreeBias == 0 {
		o.DisagreeBias = 1.25
	}
	if o.DisagreeBoost == 0 {
		o.DisagreeBoost = 2
	}
	if o.WeightPower == 0 && !o.NoClassWeights {
		o.WeightPower = 1
	}
}

// Train fits a model to the pairs whose bodies are not held out. bodies maps
// Body IDs to texts; every pair must name one of them. The result is the
// same for the same data and options.
func Train(ctx context.Context, bodies map[int]string, pairs []Pair, opt TrainOptions) (*Model, error) {
	opt.defaults()
	if opt.Holdout < 0 || opt.Holdout >= 1 || math.IsNaN(opt.Holdout) {
		return nil, fmt.Errorf("train stance: hold-out share %v outside [0, 1)", opt.Holdout)
	}
	progress := opt.Progress
	if progress == nil {
		progress = func(string, int, int) {}
	}
	// Training bodies, in ID order for determinism.
	var ids []int
	for id := range bodies {
		if !HeldOut(opt.Seed, opt.Holdout, id) {
			ids = append(ids, id)
		}
	}
	sort.Ints(ids)
	var train []Pair
	for _, p := range pairs {
		if _, ok := bodies[p.BodyID]; !ok {
			return nil, fmt.Errorf("train stance: pair %q names unknown body %d", p.Claim, p.BodyID)
		}
		if int(p.Label) >= len(Labels) {
			return nil, fmt.Errorf("train stance: pair %q has invalid label %d", p.Claim, p.Label)
		}
		if !HeldOut(opt.Seed, opt.Holdout, p.BodyID) {
			train = append(train, p)
		}
	}
	if len(train) == 0 {
		return nil, errors.New("train stance: no training pairs left after the hold-out")
	}
	m := &Model{lx: newLexicon()}
	m.data.Features = featureNames
	m.data.IDF = buildIDF(m.lx, ids, bodies, train)
	m.data.Info = Info{Seed: opt.Seed, Holdout: opt.Holdout, TrainPairs: len(train),
		TrainBodies: len(ids), Rounds: opt.Rounds, RelatedRounds: opt.RelatedRounds, Depth: opt.Depth, RelatedDepth: opt.RelatedDepth,
		DisagreeBias: opt.DisagreeBias}
	m.data.DisagreeBias = opt.DisagreeBias

	X, err := m.featureRows(ctx, bodies, train, func(done, total int) { progress("features", done, total) })
	if err != nil {
		return nil, err
	}
	params := boostParams{Lambda: 1, MinHessian: 1, Subsample: 0.8, ColSample: 0.8, Bins: 64, Seed: opt.Seed}
	// Stage 1: related or not, on every pair.
	y := make([]uint8, len(train))
	for i, p := range train {
		if p.Label != Unrelated {
			y[i] = 1
		}
	}
	p1 := params
	p1.Rounds, p1.Depth, p1.LearningRate = opt.RelatedRounds, opt.RelatedDepth, 0.1
	rel, err := trainForest(ctx, X, y, classWeights(y, 2, opt.WeightPower), 2, p1,
		func(done, total int) { progress("related", done, total) })
	if err != nil {
		return nil, fmt.Errorf("train stance: %w", err)
	}
	// Stage 2: agree, disagree or discuss, on related pairs.
	var X2 [][]float32
	var y2 []uint8
	for i, p := range train {
		if p.Label != Unrelated {
			X2 = append(X2, X[i])
			y2 = append(y2, uint8(p.Label))
		}
	}
	if len(X2) == 0 {
		return nil, errors.New("train stance: no related training pairs")
	}
	p2 := params
	p2.Rounds, p2.Depth, p2.LearningRate, p2.Seed = opt.Rounds, opt.Depth, opt.LearningRate, opt.Seed+1
	p2.MinHessian = opt.MinLeafWeight
	w2 := classWeights(y2, 3, opt.WeightPower)
	for i, k := range y2 {
		if Label(k) == Disagree {
			w2[i] *= float32(opt.DisagreeBoost)
		}
	}
	st, err := trainForest(ctx, X2, y2, w2, 3, p2,
		func(done, total int) { progress("stance", done, total) })
	if err != nil {
		return nil, fmt.Errorf("train stance: %w", err)
	}
	m.data.Related, m.data.Stance = *rel, *st
	return m, nil
}

// classWeights weights each row by (n / (classes·n_class))^power.
func classWeights(y []uint8, classes int, power float64) []float32 {
	count := make([]float64, classes)
	for _, k := range y {
		count[k]++
	}
	w := make([]float32, len(y))
	for i, k := range y {
		w[i] = float32(math.Pow(float64(len(y))/(float64(classes)*count[k]), power))
	}
	return w
}

// buildIDF computes smoothed inverse document frequencies over the
// training bodies and the distinct training claims, hashed into a table.
func buildIDF(lx *lexicon, ids []int, bodies map[int]string, pairs []Pair) []uint8 {
	df := make([]uint32, 1<<idfBits)
	docs := 0
	seen := make(map[uint64]bool)
	var toks []token
	add := func(text string) {
		docs++
		toks = lx.tokenize(toks[:0], text)
		clear(seen)
		for _, t := range toks {
			if t.flags&flagStop != 0 {
				continue
			}
			b := t.stem >> (64 - idfBits)
			if !seen[b] {
				seen[b] = true
				df[b]++
			}
		}
	}
	for _, id := range ids {
		add(bodies[id])
	}
	claims := make(map[string]bool)
	for _, p := range pairs {
		if !claims[p.Claim] {
			claims[p.Claim] = true
			add(p.Claim)
		}
	}
	idf := make([]uint8, len(df))
	for i, n := range df {
		v := math.Log(float64(docs+1)/float64(n+1)) + 1
		idf[i] = uint8(min(math.Round(v*idfScale), 255))
	}
	return idf
}

// featureRows computes the feature vectors of pairs, preparing each body
// once, on all CPUs.
func (m *Model) featureRows(ctx context.Context, bodies map[int]string, pairs []Pair, progress func(done, total int)) ([][]float32, error) {
	byBody := make(map[int][]int)
	var order []int
	for i, p := range pairs {
		if _, ok := byBody[p.BodyID]; !ok {
			order = append(order, p.BodyID)
		}
		byBody[p.BodyID] = append(byBody[p.BodyID], i)
	}
	X := make([][]float32, len(pairs))
	flat := make([]float32, len(pairs)*numFeatures)
	for i := range X {
		X[i] = flat[i*numFeatures : (i+1)*numFeatures]
	}
	jobs := make(chan int)
	var wg sync.WaitGroup
	var mu sync.Mutex
	done := 0
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var scratch []float32
			for id := range jobs {
				b := m.PrepareBody(bodies[id])
				for _, i := range byBody[id] {
					c := m.prepareClaim(pairs[i].Claim)
					scratch, _ = m.features(&c, b, X[i], scratch)
				}
				mu.Lock()
				done += len(byBody[id])
				progress(done, len(pairs))
				mu.Unlock()
			}
		}()
	}
	var err error
	for _, id := range order {
		if err = ctx.Err(); err != nil {
			break
		}
		jobs <- id
	}
	close(jobs)
	wg.Wait()
	if err != nil {
		return nil, err
	}
	return X, nil
}
