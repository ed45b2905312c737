package parse

// The tagger is a greedy left-to-right averaged perceptron over joint
// (UPOS, XPOS) classes: a pair is one class, because neither tag set
// determines the other (IN is ADP or SCONJ, VB is VERB or AUX).

// Tagger feature templates.
const (
	tBias uint32 = iota + 1
	tWord
	tRaw
	tSuf3
	tSuf2
	tPre1
	tPre3
	tShape
	tPrevWord
	tNextWord
	tPrev2Word
	tNext2Word
	tPrevSuf3
	tNextSuf3
	tNextShape
	tPrevTag
	tPrev2Tag
	tPrevTags
	tPrevTagWord
	tWordNextWord
	tPrevWordWord
	tFirstShape
	tHyphen
	tPrevTagNextWord
	tSuf4
	tPre2
	tPrevShape
	tNextRaw
	tNextNextSuf3
	tPrevTagSuf3
	tCluster
	tPrevCluster
	tNextCluster
	tPrevTagCluster
	tClusterSuf3
)

// tagFeatures appends the features of word i given the tags (class+1,
// 0 for none) of the two words before it.
func tagFeatures(lx []lexeme, i int, p1, p2 uint32, out []uint32) []uint32 {
	w := &lx[i]
	var prev, prev2, next, next2 lexeme
	prev.norm, prev2.norm, next.norm, next2.norm = 1, 2, 3, 4 // sentence edges
	if i > 0 {
		prev = lx[i-1]
	}
	if i > 1 {
		prev2 = lx[i-2]
	}
	if i+1 < len(lx) {
		next = lx[i+1]
	}
	if i+2 < len(lx) {
		next2 = lx[i+2]
	}
	first := uint32(0)
	if i == 0 {
		first = 1
	}
	hy := uint32(0)
	if w.hyphen {
		hy = 1
	}
	return append(out,
		mix(tBias, 0, 0, 0),
		mix(tWord, w.norm, 0, 0),
		mix(tRaw, w.raw, 0, 0),
		mix(tSuf3, w.suf3, 0, 0),
		mix(tSuf2, w.suf2, 0, 0),
		mix(tPre1, w.pre1, 0, 0),
		mix(tPre3, w.pre3, 0, 0),
		mix(tShape, w.shape, 0, 0),
		mix(tPrevWord, prev.norm, 0, 0),
		mix(tNextWord, next.norm, 0, 0),
		mix(tPrev2Word, prev2.norm, 0, 0),
		mix(tNext2Word, next2.norm, 0, 0),
		mix(tPrevSuf3, prev.suf3, 0, 0),
		mix(tNextSuf3, next.suf3, 0, 0),
		mix(tNextShape, next.shape, 0, 0),
		mix(tPrevTag, p1, 0, 0),
		mix(tPrev2Tag, p2, 0, 0),
		mix(tPrevTags, p1, p2, 0),
		mix(tPrevTagWord, p1, w.norm, 0),
		mix(tWordNextWord, w.norm, next.norm, 0),
		mix(tPrevWordWord, prev.norm, w.norm, 0),
		mix(tFirstShape, first, w.shape, 0),
		mix(tHyphen, hy, w.suf3, 0),
		mix(tPrevTagNextWord, p1, next.norm, 0),
		mix(tSuf4, w.suf4, 0, 0),
		mix(tPre2, w.pre2, 0, 0),
		mix(tPrevShape, prev.shape, 0, 0),
		mix(tNextRaw, next.raw, 0, 0),
		mix(tNextNextSuf3, next2.suf3, 0, 0),
		mix(tPrevTagSuf3, p1, w.suf3, 0),
		mix(tCluster, w.cluster, 0, 0),
		mix(tPrevCluster, prev.cluster, 0, 0),
		mix(tNextCluster, next.cluster, 0, 0),
		mix(tPrevTagCluster, p1, w.cluster, 0),
		mix(tClusterSuf3, w.cluster, w.suf3, 0),
	)
}

// tagScratch is the reusable memory of tagging one sentence.
type tagScratch struct {
	feats  []uint32
	scores []float32
	sc     scoreScratch
}

// tag tags a sentence with the table t, writing class numbers into tags.
// When allowed is set, word i's class is the best of those allowed[i]
// reports true for (if any).
func tag(t *table, lx []lexeme, tags []int, sc *tagScratch, allowed func(i, class int) bool) {
	if len(sc.scores) != t.classes {
		sc.scores = make([]float32, t.classes)
	}
	var p1, p2 uint32
	for i := range lx {
		sc.feats = tagFeatures(lx, i, p1, p2, sc.feats[:0])
		t.score(sc.feats, sc.scores, &sc.sc)
		best := argmax(sc.scores)
		if allowed != nil {
			best = argmaxAllowed(sc.scores, best, func(c int) bool { return allowed(i, c) })
		}
		tags[i] = best
		p2, p1 = p1, uint32(best)+1
	}
}

// argmaxAllowed returns the best class ok accepts, or fallback if none.
func argmaxAllowed(s []float32, fallback int, ok func(int) bool) int {
	best := -1
	for c, v := range s {
		if ok(c) && (best < 0 || v > s[best]) {
			best = c
		}
	}
	if best < 0 {
		return fallback
	}
	return best
}

func argmax(s []float32) int {
	best := 0
	for i, v := range s {
		if v > s[best] {
			best = i
		}
	}
	return best
}

// trainTagger trains a tagger on sentences of lexemes with gold classes,
// visiting them in the order orders[epoch] gives.
func trainTagger(classes int, lx [][]lexeme, gold [][]int, orders [][]int, stop func() error) (*table, error) {
	p := newPerceptron(classes)
	scores := make([]float32, classes)
	var feats []uint32
	for _, order := range orders {
		for n, si := range order {
			if n%512 == 0 {
				if err := stop(); err != nil {
					return nil, err
				}
			}
			var p1, p2 uint32
			for i := range lx[si] {
				feats = tagFeatures(lx[si], i, p1, p2, feats[:0])
				p.score(feats, scores)
				guess := argmax(scores)
				g := gold[si][i]
				if guess != g {
					p.update(feats, g, guess)
				}
				p.now++
				p2, p1 = p1, uint32(guess)+1
			}
		}
	}
	return p.average(0.5), nil
}
