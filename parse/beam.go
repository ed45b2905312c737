package parse

// Beam search over the arc-hybrid transitions (Zhang and Clark 2008; Zhang
// and Nivre 2011): instead of following the best transition, keep the k
// best partial derivations, each scored by the sum of its transitions'
// scores. Every derivation of an n-word sentence takes exactly 2n
// transitions (n shifts, n arcs), so the items of a beam stay in step.
//
// Training is a global perceptron with max-violation updates (Huang, Fayong
// and Guo 2012): the beam runs to the end, the gold derivation alongside
// it, and the update is at the step where the beam's best item outscores
// the gold prefix by most. The gold derivation is latent (Björkelund and
// Nivre 2015): while the beam holds items that can still reach the gold
// tree (every transition so far of zero cost under the dynamic oracle),
// the best of them is the gold prefix; once none is left, the gold prefix
// goes on outside the beam by the best zero-cost transition.

// maxBeamWords is the longest sentence parsed with a beam; longer ones are
// parsed greedily, so a long sentence costs linear time (a beam copies
// each item's state, whose size grows with the sentence, at every step).
const maxBeamWords = 150

// beamItem is one partial derivation.
type beamItem struct {
	st      state
	score   float64
	correct bool // training: every transition so far cost nothing
}

// candidate is an item's extension by one transition.
type candidate struct {
	score   float64
	from    int // the item's slot in the current beam
	class   int
	correct bool
}

// back is how an item of a beam was made: the slot of the item it extends
// in the previous beam, and the transition.
type back struct {
	from  int32
	class uint8
}

// beam is the memory of a beam search, kept from one sentence to the next.
type beam struct {
	cur, next []beamItem
	cands     []candidate
	feats     []uint32
	scores    []float32
}

// scorer sets scores to the classes' scores for feats.
type scorer func(feats []uint32, scores []float32)

// start puts the initial configuration of an n-word sentence in the beam.
func (b *beam) start(n, k, classes int) {
	if cap(b.cur) < k || cap(b.next) < k {
		b.cur, b.next = make([]beamItem, k), make([]beamItem, k)
	}
	b.cur = b.cur[:1]
	b.cur[0].st.reset(n)
	b.cur[0].score = 0
	b.cur[0].correct = true
	if len(b.scores) < classes {
		b.scores = make([]float32, classes)
	}
}

// step extends every item by each allowed transition and keeps the k best
// extensions in b.cur, best first; ties go to the earlier item, then to the
// lower class, so search is deterministic. o, when set (training), marks
// the extensions of correct items by zero-cost transitions correct. It
// returns the kept candidates (valid until the next step) and the best
// correct candidate whether kept or not (from < 0 if none).
func (b *beam) step(x *sentence, k, L, root int, score scorer, o *oracle) ([]candidate, candidate) {
	kept := b.cands[:0]
	bestCorrect := candidate{from: -1}
	offer := func(c candidate) {
		if c.correct && (bestCorrect.from < 0 || c.score > bestCorrect.score) {
			bestCorrect = c
		}
		kept = insertTop(kept, c, k)
	}
	for i := range b.cur {
		it := &b.cur[i]
		if c, only := it.st.forced(root); only {
			offer(candidate{score: it.score, from: i, class: c, correct: it.correct})
			continue
		}
		b.feats = it.st.features(x, b.feats[:0])
		score(b.feats, b.scores)
		var kc [3]int
		judge := o != nil && it.correct
		if judge {
			kc[0], kc[1], kc[2] = o.costs(&it.st)
		}
		it.st.eachAllowed(L, root, func(c int) {
			ok := judge && o.cost(&it.st, L, kc, c) == 0
			offer(candidate{score: it.score + float64(b.scores[c]), from: i, class: c, correct: ok})
		})
	}
	b.next = b.next[:len(kept)]
	for j, c := range kept {
		nx := &b.next[j]
		nx.st.copyFrom(&b.cur[c.from].st)
		nx.st.apply(c.class, L)
		nx.score, nx.correct = c.score, c.correct
	}
	b.cur, b.next = b.next, b.cur[:cap(b.cur)]
	b.cands = kept
	return kept, bestCorrect
}

// insertTop inserts c into top (sorted best first, at most k long) if it
// is among the k best; an equal score keeps the earlier candidate first.
func insertTop(top []candidate, c candidate, k int) []candidate {
	if len(top) == k && c.score <= top[k-1].score {
		return top
	}
	j := len(top)
	for j > 0 && c.score > top[j-1].score {
		j--
	}
	if len(top) < k {
		top = append(top, candidate{})
	}
	copy(top[j+1:], top[j:len(top)-1])
	top[j] = c
	return top
}

// copyFrom makes s a copy of o, reusing s's memory.
func (s *state) copyFrom(o *state) {
	s.n, s.b = o.n, o.b
	s.stack = append(s.stack[:0], o.stack...)
	s.head = append(s.head[:0], o.head...)
	s.label = append(s.label[:0], o.label...)
	s.lc1 = append(s.lc1[:0], o.lc1...)
	s.lc2 = append(s.lc2[:0], o.lc2...)
	s.rc1 = append(s.rc1[:0], o.rc1...)
	s.rc2 = append(s.rc2[:0], o.rc2...)
	s.nl = append(s.nl[:0], o.nl...)
	s.nr = append(s.nr[:0], o.nr...)
	s.lset = append(s.lset[:0], o.lset...)
	s.rset = append(s.rset[:0], o.rset...)
}

// beamTrainer is the memory of global training, kept from one sentence to
// the next.
type beamTrainer struct {
	b      beam
	backs  [][]back // per step, how each kept item was made
	gold   state    // the gold prefix once it has left the beam
	ghist  []int    // its transitions
	hg, hp []int    // the gold and predicted prefixes of an update
	rg, rp state    // their replays
	feats  []uint32
	scores []float32
}

// violation is the step where the beam's best item outscores the gold
// prefix by most, and where the gold prefix then is.
type violation struct {
	margin   float64
	step     int
	goldSlot int // the gold prefix's slot in the beam, -1 if out of it
}

// train runs the beam over one training sentence (n words, gold tree in o)
// and, if the beam's best derivation is wrong, updates p at the step of
// maximum violation.
func (t *beamTrainer) train(p *perceptron, x *sentence, o *oracle, n, k, L, root int) {
	if len(t.scores) < p.classes {
		t.scores = make([]float32, p.classes)
	}
	t.b.start(n, k, p.classes)
	for len(t.backs) < 2*n {
		t.backs = append(t.backs, nil)
	}
	worst := violation{margin: -1, step: -1}
	out, gscore := false, 0.0
	var kept []candidate
	for step := 0; !t.b.cur[0].st.done(); step++ {
		var bc candidate
		kept, bc = t.b.step(x, k, L, root, p.score, o)
		t.record(step, kept)
		gslot := -1
		if !out {
			for j, c := range kept {
				if c.correct {
					gslot, gscore = j, c.score
					break
				}
			}
			if gslot < 0 { // the gold prefix leaves the beam
				out = true
				t.ghist = append(t.history(step-1, bc.from, t.ghist), bc.class)
				t.gold.copyFrom(&t.b.next[bc.from].st)
				t.gold.apply(bc.class, L)
				gscore = bc.score
			}
		} else {
			gscore += t.extendGold(p, x, o, L, root)
		}
		if v := kept[0].score - gscore; !kept[0].correct && v > worst.margin {
			worst = violation{margin: v, step: step, goldSlot: gslot}
		}
	}
	if !kept[0].correct && worst.step >= 0 {
		t.update(p, x, n, L, root, worst)
	}
	// Time counts transitions, as in greedy training, so that epochs of
	// either kind weigh alike in the averages.
	p.now += int32(2 * n)
}

// record keeps how the step's items were made.
func (t *beamTrainer) record(step int, kept []candidate) {
	bk := t.backs[step][:0]
	for _, c := range kept {
		bk = append(bk, back{from: int32(c.from), class: uint8(c.class)})
	}
	t.backs[step] = bk
}

// history returns the transitions of the item in slot after step (none
// when step < 0), in out's memory.
func (t *beamTrainer) history(step, slot int, out []int) []int {
	out = resize(out, step+1)
	for s := step; s >= 0; s-- {
		bk := t.backs[s][slot]
		out[s], slot = int(bk.class), int(bk.from)
	}
	return out
}

// extendGold moves the gold prefix outside the beam on by its best
// zero-cost transition and returns that transition's score.
func (t *beamTrainer) extendGold(p *perceptron, x *sentence, o *oracle, L, root int) float64 {
	if c, only := t.gold.forced(root); only {
		t.ghist = append(t.ghist, c)
		t.gold.apply(c, L)
		return 0
	}
	t.feats = t.gold.features(x, t.feats[:0])
	p.score(t.feats, t.scores)
	g, _, _ := o.bestZero(&t.gold, t.scores, L, root, 0)
	t.ghist = append(t.ghist, g)
	t.gold.apply(g, L)
	return float64(t.scores[g])
}

// update rewards the gold prefix's transitions and penalises the beam's
// best item's, up to the step of violation v, from where they part.
func (t *beamTrainer) update(p *perceptron, x *sentence, n, L, root int, v violation) {
	t.hp = t.history(v.step, 0, t.hp)
	if v.goldSlot >= 0 {
		t.hg = t.history(v.step, v.goldSlot, t.hg)
	} else {
		t.hg = append(t.hg[:0], t.ghist[:v.step+1]...)
	}
	t.rg.reset(n)
	i := 0
	for ; i < len(t.hg) && t.hg[i] == t.hp[i]; i++ {
		t.rg.apply(t.hg[i], L)
	}
	t.rp.copyFrom(&t.rg)
	t.replay(p, x, &t.rg, t.hg[i:], L, root, 1)
	t.replay(p, x, &t.rp, t.hp[i:], L, root, -1)
}

// replay applies transitions to s, adding d to each scored one's weights.
func (t *beamTrainer) replay(p *perceptron, x *sentence, s *state, hist []int, L, root int, d float32) {
	for _, c := range hist {
		if _, only := s.forced(root); !only {
			t.feats = s.features(x, t.feats[:0])
			p.add(t.feats, c, d)
		}
		s.apply(c, L)
	}
}
