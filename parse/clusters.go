package parse

import (
	"context"
	"math"
	"slices"
)

// Word clusters: words that occur in the same contexts get the same class,
// learned from unlabelled text by the exchange algorithm (Kneser and Ney
// 1993; Martin, Liermann and Ney 1998), which moves each word to the class
// that most raises the likelihood of a class bigram model. A word the
// treebank never saw still has a class if the text had it, which is what
// helps the tagger and the parser on unknown words.

// clusterSet maps a word's normalised hash to its class (1..n; 0 unknown).
type clusterSet map[uint32]uint32

// annotate sets the lexemes' clusters.
func (cs clusterSet) annotate(lx []lexeme) {
	if len(cs) == 0 {
		return
	}
	for i := range lx {
		lx[i].cluster = cs[lx[i].norm]
	}
}

// clusterOptions set how clusters are learned.
type clusterOptions struct {
	classes  int // number of classes
	minCount int // words rarer than this get no class
	passes   int
}

// learnClusters learns word classes from sentences of words.
func learnClusters(ctx context.Context, sents [][]string, o clusterOptions) (clusterSet, error) {
	// Number the words by frequency (ties by hash, so the order is fixed).
	counts := map[uint32]int{}
	var lx []lexeme
	seqs := make([][]uint32, len(sents))
	for i, s := range sents {
		lx = lexemes(s, lx)
		seq := make([]uint32, len(lx))
		for j := range lx {
			seq[j] = lx[j].norm
			counts[lx[j].norm]++
		}
		seqs[i] = seq
	}
	var words []uint32
	for h, n := range counts {
		if n >= o.minCount {
			words = append(words, h)
		}
	}
	slices.SortFunc(words, func(a, b uint32) int {
		if counts[a] != counts[b] {
			return counts[b] - counts[a]
		}
		return cmpU32(a, b)
	})
	id := make(map[uint32]int32, len(words))
	for i, h := range words {
		id[h] = int32(i)
	}
	ex := newExchange(len(words), o.classes)
	for _, seq := range seqs {
		prev := int32(-1)
		for _, h := range seq {
			w, ok := id[h]
			if !ok {
				w = -1
			}
			if prev >= 0 && w >= 0 && prev != w {
				ex.addBigram(prev, w)
			}
			if w >= 0 {
				ex.unigram[w]++
			}
			prev = w
		}
	}
	if err := ex.run(ctx, o.passes); err != nil {
		return nil, err
	}
	out := make(clusterSet, len(words))
	for i, h := range words {
		out[h] = uint32(ex.class[i]) + 1
	}
	return out, nil
}

// exchange is the state of the exchange algorithm.
type exchange struct {
	C       int
	unigram []int64
	right   []map[int32]int64 // right[w][v]: count of "w v"
	left    []map[int32]int64 // left[w][v]: count of "v w"
	class   []int32
	ccount  []int64 // class unigram counts
	cc      []int64 // class bigram counts, C×C
}

func newExchange(words, classes int) *exchange {
	ex := &exchange{C: classes, unigram: make([]int64, words), right: make([]map[int32]int64, words),
		left: make([]map[int32]int64, words), class: make([]int32, words),
		ccount: make([]int64, classes), cc: make([]int64, classes*classes)}
	for w := range ex.class {
		ex.right[w], ex.left[w] = map[int32]int64{}, map[int32]int64{}
		ex.class[w] = int32(w % classes) // most frequent words first: one each
	}
	return ex
}

func (ex *exchange) addBigram(a, b int32) {
	ex.right[a][b]++
	ex.left[b][a]++
}

// xlogx is x·log x, 0 for 0.
func xlogx(x int64) float64 {
	if x <= 0 {
		return 0
	}
	return float64(x) * math.Log(float64(x))
}

// run makes passes over the words, moving each to its best class.
func (ex *exchange) run(ctx context.Context, passes int) error {
	for w := range ex.class {
		ex.ccount[ex.class[w]] += ex.unigram[w]
		for v, n := range ex.right[w] {
			ex.cc[int(ex.class[w])*ex.C+int(ex.class[v])] += n
		}
	}
	// Neighbour lists in a fixed order, so sums add up the same every run.
	type nb struct {
		v int32
		n int64
	}
	sorted := func(m map[int32]int64) []nb {
		out := make([]nb, 0, len(m))
		for v, n := range m {
			out = append(out, nb{v, n})
		}
		slices.SortFunc(out, func(a, b nb) int { return int(a.v - b.v) })
		return out
	}
	rights, lefts := make([][]nb, len(ex.class)), make([][]nb, len(ex.class))
	for w := range ex.class {
		rights[w], lefts[w] = sorted(ex.right[w]), sorted(ex.left[w])
	}
	R, L := make([]int64, ex.C), make([]int64, ex.C)
	var rc, lc []int32 // classes with R or L set
	for range passes {
		for w := range ex.class {
			if w%1024 == 0 {
				if err := ctx.Err(); err != nil {
					return err
				}
			}
			rc, lc = rc[:0], lc[:0]
			for _, e := range rights[w] {
				c := ex.class[e.v]
				if R[c] == 0 {
					rc = append(rc, c)
				}
				R[c] += e.n
			}
			for _, e := range lefts[w] {
				c := ex.class[e.v]
				if L[c] == 0 {
					lc = append(lc, c)
				}
				L[c] += e.n
			}
			slices.Sort(rc)
			slices.Sort(lc)
			ex.move(int32(w), ex.class[w], -1, R, L, rc, lc)
			best, bestGain := ex.class[w], math.Inf(-1)
			for b := range int32(ex.C) {
				if g := ex.gain(int32(w), b, R, L, rc, lc); g > bestGain+1e-9 {
					best, bestGain = b, g
				}
			}
			ex.move(int32(w), best, 1, R, L, rc, lc)
			ex.class[w] = best
			for _, c := range rc {
				R[c] = 0
			}
			for _, c := range lc {
				L[c] = 0
			}
		}
	}
	return nil
}

// move adds (sign 1) or removes (-1) word w's counts to or from class b.
func (ex *exchange) move(w, b int32, sign int64, R, L []int64, rc, lc []int32) {
	ex.ccount[b] += sign * ex.unigram[w]
	for _, c := range rc {
		ex.cc[int(b)*ex.C+int(c)] += sign * R[c]
	}
	for _, c := range lc {
		ex.cc[int(c)*ex.C+int(b)] += sign * L[c]
	}
}

// gain is the change of the class bigram log-likelihood if w joined b.
func (ex *exchange) gain(w, b int32, R, L []int64, rc, lc []int32) float64 {
	g := 0.0
	row := ex.cc[int(b)*ex.C:]
	for _, c := range rc {
		g += xlogx(row[c]+R[c]) - xlogx(row[c])
	}
	for _, c := range lc {
		x := ex.cc[int(c)*ex.C+int(b)]
		g += xlogx(x+L[c]) - xlogx(x)
	}
	n := ex.ccount[b]
	return g - 2*(xlogx(n+ex.unigram[w])-xlogx(n))
}
