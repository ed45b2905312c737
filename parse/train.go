package parse

import (
	"context"
	"fmt"
	"math/rand/v2"
	"runtime"
	"slices"
	"sync"

	"github.com/claimtrail/claimtrail/parse/conllu"
)

// TrainOptions set how a model is trained.
type TrainOptions struct {
	Seed         uint64  // shuffling and exploration
	Epochs       int     // parser epochs (default 15)
	TaggerEpochs int     // tagger epochs (default 8)
	Folds        int     // jackknife folds giving the parser predicted tags (default 10; 1 trains it on gold tags)
	Explore      float64 // chance of following a wrong prediction after the first epoch (default 0.9)
	// Beam is the parser's beam width: 1 (the default) trains a greedy
	// parser with the dynamic oracle, more a beam parser with global
	// max-violation updates that parses with that width.
	Beam int
	// BeamAfter is how many greedy epochs come first when Beam > 1: the
	// beam then starts from the greedy parser's weights.
	BeamAfter int
	Workers   int // goroutines for the tagger folds (default GOMAXPROCS); the model does not depend on it
	// Text is unlabelled sentences of words to learn word clusters from
	// (with the treebank's own words); none, no clusters.
	Text     [][]string
	Clusters int // number of word clusters (default 256)
	// Progress, when set, is told of each stage's progress.
	Progress func(stage string, done, total int)
	// Epoch, when set, is given the averaged model after each parser epoch
	// (to score it on a dev set); building it takes a few seconds.
	Epoch func(epoch int, m *Model)
}

func (o *TrainOptions) defaults() {
	if o.Epochs <= 0 {
		o.Epochs = 15
	}
	if o.TaggerEpochs <= 0 {
		o.TaggerEpochs = 8
	}
	if o.Folds <= 0 {
		o.Folds = 10
	}
	if o.Explore <= 0 {
		o.Explore = 0.9
	}
	if o.Beam <= 0 {
		o.Beam = 1
	}
	if o.Workers <= 0 {
		o.Workers = runtime.GOMAXPROCS(0)
	}
	if o.Clusters <= 0 {
		o.Clusters = 256
	}
	if o.Progress == nil {
		o.Progress = func(string, int, int) {}
	}
}

// corpus is a treebank prepared for training.
type corpus struct {
	lx     [][]lexeme
	tags   [][]int // gold tag classes
	heads  [][]int32
	labels [][]int
}

// Train trains a tagger and a parser on gold trees. The same sentences and
// options give the same model, byte for byte, whatever Workers is.
func Train(ctx context.Context, sents []*conllu.Sentence, opt TrainOptions) (*Model, error) {
	opt.defaults()
	m, c, err := prepare(sents)
	if err != nil {
		return nil, err
	}
	m.info = Info{Seed: opt.Seed, Sentences: len(sents), Epochs: opt.Epochs,
		TaggerEpochs: opt.TaggerEpochs, Folds: opt.Folds, Beam: opt.Beam}
	for _, s := range c.lx {
		m.info.Words += len(s)
	}
	if len(opt.Text) > 0 {
		if err := addClusters(ctx, m, c, sents, opt); err != nil {
			return nil, err
		}
	}
	predicted, err := jackknife(ctx, m, c, opt)
	if err != nil {
		return nil, err
	}
	if err := trainParser(ctx, m, c, predicted, opt); err != nil {
		return nil, err
	}
	return m, nil
}

// addClusters learns word clusters from the text and the treebank's words
// and gives them to the training lexemes.
func addClusters(ctx context.Context, m *Model, c *corpus, sents []*conllu.Sentence, opt TrainOptions) error {
	text := slices.Clip(opt.Text)
	for _, s := range sents {
		text = append(text, s.Forms())
	}
	opt.Progress("clusters", 0, 1)
	cs, err := learnClusters(ctx, text, clusterOptions{classes: opt.Clusters, minCount: 3, passes: 8})
	if err != nil {
		return err
	}
	opt.Progress("clusters", 1, 1)
	m.clusters = cs
	m.info.Clusters = opt.Clusters
	for _, s := range opt.Text {
		m.info.TextWords += len(s)
	}
	for _, lx := range c.lx {
		cs.annotate(lx)
	}
	return nil
}

// prepare collects the tag and label sets and converts the sentences.
func prepare(sents []*conllu.Sentence) (*Model, *corpus, error) {
	tagSet, labelSet := map[string]bool{}, map[string]bool{}
	for _, s := range sents {
		for _, w := range s.Words {
			if w.Head < 0 || w.Rel == "" || w.Rel == "_" {
				return nil, nil, fmt.Errorf("sentence at line %d: word %d has no head or relation", s.Line, w.ID)
			}
			tagSet[w.UPOS+"\t"+w.XPOS] = true
			labelSet[w.Rel] = true
		}
	}
	m := &Model{tags: sortedKeys(tagSet), labels: sortedKeys(labelSet)}
	if len(m.tags) > 256 || 1+2*len(m.labels) > 256 {
		return nil, nil, fmt.Errorf("%d tags and %d relations: too many", len(m.tags), len(m.labels))
	}
	tagID, labelID := index(m.tags), index(m.labels)
	c := &corpus{}
	for _, s := range sents {
		n := len(s.Words)
		lx := lexemes(s.Forms(), nil)
		tags, heads, labels := make([]int, n), make([]int32, n), make([]int, n)
		for i, w := range s.Words {
			tags[i] = tagID[w.UPOS+"\t"+w.XPOS]
			heads[i] = int32(w.Head - 1)
			if w.Head == 0 {
				heads[i] = int32(n)
			}
			labels[i] = labelID[w.Rel]
		}
		if err := s.CheckTree(); err != nil {
			return nil, nil, err
		}
		c.lx = append(c.lx, lx)
		c.tags = append(c.tags, tags)
		c.heads = append(c.heads, projectivize(heads))
		c.labels = append(c.labels, labels)
	}
	m.tagger, m.parser = &table{classes: len(m.tags)}, &table{classes: 1 + 2*len(m.labels)}
	if err := m.check(); err != nil {
		return nil, nil, err
	}
	return m, c, nil
}

func sortedKeys(set map[string]bool) []string {
	keys := make([]string, 0, len(set))
	for k := range set {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

func index(ss []string) map[string]int {
	m := make(map[string]int, len(ss))
	for i, s := range ss {
		m[s] = i
	}
	return m
}

// orders returns one shuffled visiting order per epoch.
func orders(n, epochs int, rng *rand.Rand) [][]int {
	out := make([][]int, epochs)
	for e := range out {
		out[e] = rng.Perm(n)
	}
	return out
}

// jackknife trains the final tagger on everything and, fold by fold,
// taggers on the rest that tag each fold, so the parser learns from tags
// as good as it will see. Folds run in parallel; each has its own seed.
func jackknife(ctx context.Context, m *Model, c *corpus, opt TrainOptions) ([][]int, error) {
	k := opt.Folds
	predicted := make([][]int, len(c.lx))
	jobs := make(chan int)
	errs := make([]error, k+1)
	var wg sync.WaitGroup
	var mu sync.Mutex
	done := 0
	stop := ctx.Err
	for range opt.Workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for f := range jobs {
				errs[f] = tagFold(m, c, f, k, predicted, opt, stop)
				mu.Lock()
				done++
				opt.Progress("tagger", done, k+1)
				mu.Unlock()
			}
		}()
	}
	for f := range k + 1 {
		jobs <- f
	}
	close(jobs)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	if k == 1 {
		return c.tags, nil
	}
	return predicted, nil
}

// tagFold trains fold f's tagger (fold k is the final one, on everything)
// and tags the fold's sentences into predicted.
func tagFold(m *Model, c *corpus, f, k int, predicted [][]int, opt TrainOptions, stop func() error) error {
	var lx [][]lexeme
	var gold [][]int
	var held []int
	for i := range c.lx {
		if f < k && k > 1 && i%k == f {
			held = append(held, i)
			continue
		}
		lx = append(lx, c.lx[i])
		gold = append(gold, c.tags[i])
	}
	if f < k && k == 1 {
		return nil
	}
	rng := rand.New(rand.NewPCG(opt.Seed, uint64(f)+1))
	t, err := trainTagger(len(m.tags), lx, gold, orders(len(lx), opt.TaggerEpochs, rng), stop)
	if err != nil {
		return err
	}
	if f == k {
		m.tagger = t
		return nil
	}
	var sc tagScratch
	for _, i := range held {
		predicted[i] = make([]int, len(c.lx[i]))
		tag(t, c.lx[i], predicted[i], &sc, nil)
	}
	return nil
}

// trainParser trains the parser with the dynamic oracle on predicted tags.
func trainParser(ctx context.Context, m *Model, c *corpus, tags [][]int, opt TrainOptions) error {
	L := len(m.labels)
	p := newPerceptron(1 + 2*L)
	rng := rand.New(rand.NewPCG(opt.Seed, 1<<32))
	var (
		st     state
		x      sentence
		feats  []uint32
		scores = make([]float32, p.classes)
		o      oracle
	)
	var bt beamTrainer
	total := opt.Epochs * len(c.lx)
	for epoch := range opt.Epochs {
		order := rng.Perm(len(c.lx))
		for n, si := range order {
			if n%256 == 0 {
				if err := ctx.Err(); err != nil {
					return err
				}
				opt.Progress("parser", epoch*len(c.lx)+n, total)
			}
			if c.heads[si] == nil {
				continue // no projective tree with one root
			}
			x.set(c.lx[si], tags[si])
			o.set(c.heads[si], c.labels[si])
			if n := len(c.lx[si]); opt.Beam > 1 && epoch >= opt.BeamAfter && n <= maxBeamWords {
				bt.train(p, &x, &o, n, opt.Beam, L, m.root)
				continue
			}
			st.reset(len(c.lx[si]))
			for !st.done() {
				feats = st.features(&x, feats[:0])
				p.score(feats, scores)
				pred := st.best(scores, L, m.root)
				gold, predCost, minCost := o.bestZero(&st, scores, L, m.root, pred)
				if predCost > minCost {
					p.update(feats, gold, pred)
				}
				p.now++
				next := gold
				if predCost == minCost || (epoch > 0 && rng.Float64() < opt.Explore) {
					next = pred
				}
				st.apply(next, L)
			}
		}
		if opt.Epoch != nil {
			m.parser = p.average(0)
			opt.Epoch(epoch+1, m)
		}
	}
	opt.Progress("parser", total, total)
	m.parser = p.average(0.5)
	return nil
}

// set prepares the oracle for a sentence's gold tree.
func (o *oracle) set(heads []int32, labels []int) {
	n := len(heads)
	o.head, o.label = heads, labels
	if cap(o.children) < n+1 {
		o.children = make([][]int32, n+1)
	}
	o.children = o.children[:n+1]
	for i := range o.children {
		o.children[i] = o.children[i][:0]
	}
	for d, h := range heads {
		o.children[h] = append(o.children[h], int32(d))
	}
}

// bestZero returns the highest-scoring allowed transition of least cost,
// and the costs of pred and of that transition.
func (o *oracle) bestZero(s *state, scores []float32, L, root, pred int) (gold, predCost, minCost int) {
	var k [3]int
	k[0], k[1], k[2] = o.costs(s)
	cost := func(c int) int { return o.cost(s, L, k, c) }
	gold, minCost = -1, 1<<30
	var best float32
	s.eachAllowed(L, root, func(c int) {
		k := cost(c)
		if k < minCost || (k == minCost && scores[c] > best) {
			gold, minCost, best = c, k, scores[c]
		}
	})
	return gold, cost(pred), minCost
}

// cost returns the cost of transition c given k, the costs of a shift, a
// left and a right arc labels aside (costs): an arc to the gold head with
// another label costs one more.
func (o *oracle) cost(s *state, L int, k [3]int, c int) int {
	s0 := s.top(0)
	switch {
	case c == 0:
		return k[0]
	case c <= L:
		if s0 >= 0 && o.head[s0] == s.b && o.label[s0] != c-1 {
			return k[1] + 1
		}
		return k[1]
	}
	if s0 >= 0 && o.head[s0] == s.top(1) && o.label[s0] != c-1-L {
		return k[2] + 1
	}
	return k[2]
}

// projectivize lifts non-projective arcs (the shortest first) to the
// head's head until the tree is projective, as the arc-hybrid oracle needs.
// heads are 0-based with n for the root; the result is a new slice, or nil
// when only a second root would make the tree projective.
func projectivize(heads []int32) []int32 {
	h := slices.Clone(heads)
	n := int32(len(h))
	for {
		worst, worstLen := int32(-1), int32(1<<30)
		for d := range n {
			if l := abs32(h[d] - d); l < worstLen && !projectiveArc(h, h[d], d) {
				worst, worstLen = d, l
			}
		}
		if worst < 0 {
			return h
		}
		if h[h[worst]] == n {
			return nil
		}
		h[worst] = h[h[worst]]
	}
}

// projectiveArc reports whether every word between h and d descends from h.
func projectiveArc(heads []int32, h, d int32) bool {
	n := int32(len(heads))
	if h == n {
		return true // the root dominates everything
	}
	lo, hi := min(h, d), max(h, d)
	for k := lo + 1; k < hi; k++ {
		a := k
		for a != h && a != n {
			a = heads[a]
		}
		if a != h {
			return false
		}
	}
	return true
}

func abs32(v int32) int32 {
	if v < 0 {
		return -v
	}
	return v
}
