package parse

// The parser is a greedy arc-hybrid transition parser (Kuhlmann, Gómez-
// Rodríguez and Satta 2011) with the root at the end of the buffer
// (Ballesteros and Nivre 2013), scored by an averaged perceptron over
// Zhang and Nivre's (2011) rich feature templates, and trained with
// Goldberg and Nivre's (2013) dynamic oracle.
//
// Words are 0..n-1; n is the root. The stack holds words without a head;
// the buffer is the words from b to n, so every word before b is either on
// the stack or attached. Transitions:
//
//	SH     push b
//	LA(l)  attach the stack's top to b with label l and pop it
//	RA(l)  attach the stack's top to the word under it and pop it
//
// Class 0 is SH, 1..L are LA(label), L+1..2L are RA(label).

// state is a parser configuration over one sentence.
type state struct {
	n      int
	stack  []int32
	b      int32
	head   []int32 // -1 until attached; n for the root
	label  []uint8 // label+1, 0 until attached
	lc1    []int32 // leftmost child, -1 if none
	lc2    []int32 // second leftmost
	rc1    []int32 // rightmost child
	rc2    []int32
	nl, nr []uint8 // number of left and right children (capped)
	lset   []uint64
	rset   []uint64
}

func (s *state) reset(n int) {
	s.n = n
	s.stack = s.stack[:0]
	s.b = 0
	s.head = fill(s.head, n+1, -1)
	s.lc1 = fill(s.lc1, n+1, -1)
	s.lc2 = fill(s.lc2, n+1, -1)
	s.rc1 = fill(s.rc1, n+1, -1)
	s.rc2 = fill(s.rc2, n+1, -1)
	s.label = zero(s.label, n+1)
	s.nl = zero(s.nl, n+1)
	s.nr = zero(s.nr, n+1)
	s.lset = zero(s.lset, n+1)
	s.rset = zero(s.rset, n+1)
}

func fill(s []int32, n int, v int32) []int32 {
	if cap(s) < n {
		s = make([]int32, n)
	}
	s = s[:n]
	for i := range s {
		s[i] = v
	}
	return s
}

func zero[T uint8 | uint64](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	s = s[:n]
	clear(s)
	return s
}

func (s *state) done() bool { return len(s.stack) == 0 && int(s.b) == s.n }

// top returns the i-th word from the stack's top, or -1.
func (s *state) top(i int) int32 {
	if i < len(s.stack) {
		return s.stack[len(s.stack)-1-i]
	}
	return -1
}

// buf returns the i-th word of the buffer (n is the root), or -1.
func (s *state) buf(i int) int32 {
	if j := int(s.b) + i; j <= s.n {
		return int32(j)
	}
	return -1
}

// attach makes h the head of d with label l (0-based).
func (s *state) attach(h, d int32, l int) {
	s.head[d] = h
	s.label[d] = uint8(l + 1)
	if d < h {
		switch {
		case s.lc1[h] < 0 || d < s.lc1[h]:
			s.lc2[h], s.lc1[h] = s.lc1[h], d
		case s.lc2[h] < 0 || d < s.lc2[h]:
			s.lc2[h] = d
		}
		s.nl[h] = min(s.nl[h]+1, 9)
		s.lset[h] |= 1 << (l & 63)
	} else {
		switch {
		case s.rc1[h] < 0 || d > s.rc1[h]:
			s.rc2[h], s.rc1[h] = s.rc1[h], d
		case s.rc2[h] < 0 || d > s.rc2[h]:
			s.rc2[h] = d
		}
		s.nr[h] = min(s.nr[h]+1, 9)
		s.rset[h] |= 1 << (l & 63)
	}
}

// apply performs transition class c with L labels.
func (s *state) apply(c, L int) {
	switch {
	case c == 0:
		s.stack = append(s.stack, s.b)
		s.b++
	case c <= L:
		s.attach(s.b, s.top(0), c-1)
		s.stack = s.stack[:len(s.stack)-1]
	default:
		s.attach(s.top(1), s.top(0), c-1-L)
		s.stack = s.stack[:len(s.stack)-1]
	}
}

// valid reports which kinds of transition are allowed: shift, left, right.
// Only the root label attaches to the root, and only the last word left on
// the stack, so every tree has one root.
func (s *state) valid() (sh, la, ra bool) {
	atRoot := int(s.b) == s.n
	sh = !atRoot
	la = len(s.stack) > 0 && (!atRoot || len(s.stack) == 1)
	ra = len(s.stack) > 1
	return
}

// forced returns the one allowed transition when there is only one: a
// shift onto an empty stack, or the last word's attachment to the root.
func (s *state) forced(root int) (int, bool) {
	switch {
	case len(s.stack) == 0 && int(s.b) < s.n:
		return 0, true
	case len(s.stack) == 1 && int(s.b) == s.n:
		return 1 + root, true
	}
	return 0, false
}

// scoredPart is the part of the classes best can choose from in s: with
// one word on the stack no right arc is allowed (shift and left arcs are
// the low classes), and once the buffer is spent only right arcs are
// (the high ones) while more than one word is left (one left is forced).
func (s *state) scoredPart() classPart {
	sh, la, ra := s.valid()
	switch {
	case !ra:
		return lowClasses
	case !sh && !la:
		return highClasses
	}
	return allClasses
}

// best returns the highest-scoring allowed class.
func (s *state) best(scores []float32, L, root int) int {
	best, bestScore := -1, float32(0)
	s.eachAllowed(L, root, func(c int) {
		if best < 0 || scores[c] > bestScore {
			best, bestScore = c, scores[c]
		}
	})
	return best
}

// eachAllowed calls visit with every class allowed in s, in class order:
// shift (0), left-arcs (1+label: only to the root label once the buffer
// is spent, never to it before) and right-arcs (1+L+label, never to the
// root label).
func (s *state) eachAllowed(L, root int, visit func(c int)) {
	sh, la, ra := s.valid()
	if sh {
		visit(0)
	}
	if la {
		if int(s.b) == s.n {
			visit(1 + root)
		} else {
			for l := range L {
				if l != root {
					visit(1 + l)
				}
			}
		}
	}
	if ra {
		for l := range L {
			if l != root {
				visit(1 + L + l)
			}
		}
	}
}

// Parser feature templates.
const (
	fS0w uint32 = iota + 100
	fS0t
	fS0wt
	fS1w
	fS1t
	fS1wt
	fS2t
	fS2w
	fB0w
	fB0t
	fB0wt
	fB1w
	fB1t
	fB1wt
	fB2w
	fB2t
	fS0wtB0wt
	fS0wtB0w
	fS0wB0wt
	fS0wtB0t
	fS0tB0wt
	fS0wB0w
	fS0tB0t
	fB0tB1t
	fS1wtS0wt
	fS1wS0w
	fS1tS0t
	fS1wtS0t
	fS1tS0wt
	fB0tB1tB2t
	fS0tB0tB1t
	fS1tS0tB0t
	fS2tS1tS0t
	fS1tS0tB1t
	fS0tS0l1tB0t
	fS0tS0r1tB0t
	fS0tB0tB0l1t
	fS1tS1r1tS0t
	fS1tS0tS0l1t
	fS1tS0tS0r1t
	fS1tS1l1tS0t
	fDistS0B0w
	fDistS0B0t
	fDistB0S0w
	fDistB0t
	fDistS1S0w
	fDistS1S0t
	fDistS0S1w
	fS0wNr
	fS0tNr
	fS0wNl
	fS0tNl
	fS1wNr
	fS1tNr
	fS1wNl
	fS1tNl
	fB0wNl
	fB0tNl
	fS0l1w
	fS0l1t
	fS0l1l
	fS0r1w
	fS0r1t
	fS0r1l
	fS1l1w
	fS1l1t
	fS1l1l
	fS1r1w
	fS1r1t
	fS1r1l
	fB0l1w
	fB0l1t
	fB0l1l
	fS0l2w
	fS0l2t
	fS0l2l
	fS0r2t
	fS0r2l
	fS1r2t
	fS1r2l
	fB0l2t
	fB0l2l
	fS0tL12
	fS0tR12
	fB0tL12
	fS1tR12
	fS0wLset
	fS0tLset
	fS0wRset
	fS0tRset
	fB0wLset
	fB0tLset
	fS1wRset
	fS1tRset
	fS1tLset
	fS0wB0wB1w
	fS1wS0wB0w
	fB0suf
	fS0suf
	fB1suf
	fS1wB0w
	fB0wB1w
	fS0wB1w
	fB3t
	fS1tS0tB0tB1t
	fS0l1wS0w
	fB0l1wB0w
	fS1r1wS1w
	fS0r1lS0tB0t
	fB0shape
	fS0tB0tB0l1l
	fS1tS0tS1r1l
	fS0c
	fS1c
	fB0c
	fB1c
	fS0cB0c
	fS0cB0t
	fS0tB0c
	fS1cS0c
	fS1cS0t
	fS1tS0c
	fS0cB0cB1c
)

// sentence is what the parser sees of a sentence: each word's lexeme and
// tag; index n is the root.
type sentence struct {
	words  []uint32 // norm hash; root 1
	sufs   []uint32
	shapes []uint32
	clus   []uint32 // cluster+2; root 1
	tags   []uint32 // tag class+2; root 1
}

const noWord = 0

// cluster returns the cluster of position i (-1 gives none).
func (x *sentence) cluster(i int32) uint32 {
	if i < 0 {
		return 0
	}
	return x.clus[i]
}

// token returns the word and tag of position i (-1 gives none).
func (x *sentence) token(i int32) (w, t uint32) {
	if i < 0 {
		return noWord, 0
	}
	return x.words[i], x.tags[i]
}

// dist buckets a distance.
func dist(a, b int32) uint32 {
	d := b - a
	switch {
	case d < 0:
		d = -d
	}
	switch {
	case d <= 4:
		return uint32(d)
	case d <= 6:
		return 5
	case d <= 9:
		return 6
	}
	return 7
}

// features appends the features of the state: those of its stack (and
// of anything else a transition can change) and those of the buffer's
// next words alone, which only a shift changes.
func (s *state) features(x *sentence, out []uint32) []uint32 {
	return s.bufferFeatures(x, s.stackFeatures(x, out))
}

// bufferFeatures appends the features of the buffer's first four words
// alone (their words, tags, suffixes, shapes and clusters): the same from
// one shift to the next.
func (s *state) bufferFeatures(x *sentence, out []uint32) []uint32 {
	b0, b1, b2 := s.buf(0), s.buf(1), s.buf(2)
	b0w, b0t := x.token(b0)
	b1w, b1t := x.token(b1)
	b2w, b2t := x.token(b2)
	_, b3t := x.token(s.buf(3))
	b0c, b1c := x.cluster(b0), x.cluster(b1)
	var b0shape, b0suf, b1suf uint32
	if b0 >= 0 {
		b0shape, b0suf = x.shapes[b0], x.sufs[b0]
	}
	if b1 >= 0 {
		b1suf = x.sufs[b1]
	}
	b0wt, b1wt := b0w^b0t*0x9E3779B1, b1w^b1t*0x9E3779B1
	return append(out,
		mix(fB0w, b0w, 0, 0), mix(fB0t, b0t, 0, 0), mix(fB0wt, b0wt, 0, 0),
		mix(fB1w, b1w, 0, 0), mix(fB1t, b1t, 0, 0), mix(fB1wt, b1wt, 0, 0),
		mix(fB2w, b2w, 0, 0), mix(fB2t, b2t, 0, 0),
		mix(fB0tB1t, b0t, b1t, 0), mix(fB0tB1tB2t, b0t, b1t, b2t),
		mix(fB0suf, b0suf, b0t, 0), mix(fB1suf, b1suf, b1t, 0),
		mix(fB0wB1w, b0w, b1w, 0), mix(fB3t, b3t, 0, 0), mix(fB0shape, b0shape, b0t, 0),
		mix(fB0c, b0c, b0t, 0), mix(fB1c, b1c, 0, 0),
	)
}

// stackFeatures appends the features bufferFeatures leaves out.
func (s *state) stackFeatures(x *sentence, out []uint32) []uint32 {
	s0, s1, s2 := s.top(0), s.top(1), s.top(2)
	b0, b1 := s.buf(0), s.buf(1)
	s0w, s0t := x.token(s0)
	s1w, s1t := x.token(s1)
	s2w, s2t := x.token(s2)
	b0w, b0t := x.token(b0)
	b1w, b1t := x.token(b1)
	s0c, s1c, b0c, b1c := x.cluster(s0), x.cluster(s1), x.cluster(b0), x.cluster(b1)
	child := func(i int32, c []int32) (w, t, l uint32) {
		if i < 0 || c[i] < 0 {
			return noWord, 0, 0
		}
		w, t = x.token(c[i])
		return w, t, uint32(s.label[c[i]])
	}
	s0l1w, s0l1t, s0l1l := child(s0, s.lc1)
	s0l2w, s0l2t, s0l2l := child(s0, s.lc2)
	s0r1w, s0r1t, s0r1l := child(s0, s.rc1)
	_, s0r2t, s0r2l := child(s0, s.rc2)
	s1l1w, s1l1t, s1l1l := child(s1, s.lc1)
	s1r1w, s1r1t, s1r1l := child(s1, s.rc1)
	_, s1r2t, s1r2l := child(s1, s.rc2)
	b0l1w, b0l1t, b0l1l := child(b0, s.lc1)
	_, b0l2t, b0l2l := child(b0, s.lc2)
	var dS0B0, dS1S0 uint32
	if s0 >= 0 && b0 >= 0 {
		dS0B0 = dist(s0, b0)
	}
	if s1 >= 0 && s0 >= 0 {
		dS1S0 = dist(s1, s0)
	}
	var s0nl, s0nr, s1nl, s1nr, b0nl uint32
	var s0ls, s0rs, s1ls, s1rs, b0ls uint64
	var s0suf uint32
	if s0 >= 0 {
		s0nl, s0nr, s0ls, s0rs = uint32(s.nl[s0]), uint32(s.nr[s0]), s.lset[s0], s.rset[s0]
		s0suf = x.sufs[s0]
	}
	if s1 >= 0 {
		s1nl, s1nr, s1ls, s1rs = uint32(s.nl[s1]), uint32(s.nr[s1]), s.lset[s1], s.rset[s1]
	}
	if b0 >= 0 {
		b0nl, b0ls = uint32(s.nl[b0]), s.lset[b0]
	}
	s0wt, s1wt, b0wt := s0w^s0t*0x9E3779B1, s1w^s1t*0x9E3779B1, b0w^b0t*0x9E3779B1
	return append(out,
		mix(fS0w, s0w, 0, 0), mix(fS0t, s0t, 0, 0), mix(fS0wt, s0wt, 0, 0),
		mix(fS1w, s1w, 0, 0), mix(fS1t, s1t, 0, 0), mix(fS1wt, s1wt, 0, 0),
		mix(fS2t, s2t, 0, 0), mix(fS2w, s2w, 0, 0),
		mix(fS0wtB0wt, s0wt, b0wt, 0), mix(fS0wtB0w, s0wt, b0w, 0), mix(fS0wB0wt, s0w, b0wt, 0),
		mix(fS0wtB0t, s0wt, b0t, 0), mix(fS0tB0wt, s0t, b0wt, 0), mix(fS0wB0w, s0w, b0w, 0),
		mix(fS0tB0t, s0t, b0t, 0),
		mix(fS1wtS0wt, s1wt, s0wt, 0), mix(fS1wS0w, s1w, s0w, 0), mix(fS1tS0t, s1t, s0t, 0),
		mix(fS1wtS0t, s1wt, s0t, 0), mix(fS1tS0wt, s1t, s0wt, 0),
		mix(fS0tB0tB1t, s0t, b0t, b1t), mix(fS1tS0tB0t, s1t, s0t, b0t),
		mix(fS2tS1tS0t, s2t, s1t, s0t), mix(fS1tS0tB1t, s1t, s0t, b1t),
		mix(fS0tS0l1tB0t, s0t, s0l1t, b0t), mix(fS0tS0r1tB0t, s0t, s0r1t, b0t), mix(fS0tB0tB0l1t, s0t, b0t, b0l1t),
		mix(fS1tS1r1tS0t, s1t, s1r1t, s0t), mix(fS1tS0tS0l1t, s1t, s0t, s0l1t), mix(fS1tS0tS0r1t, s1t, s0t, s0r1t),
		mix(fS1tS1l1tS0t, s1t, s1l1t, s0t),
		mix(fDistS0B0w, dS0B0, s0w, 0), mix(fDistS0B0t, dS0B0, s0t, 0), mix(fDistB0S0w, dS0B0, b0w, 0),
		mix(fDistB0t, dS0B0, s0t, b0t), mix(fDistS1S0w, dS1S0, s1w, 0), mix(fDistS1S0t, dS1S0, s1t, s0t),
		mix(fDistS0S1w, dS1S0, s0w, 0),
		mix(fS0wNr, s0w, s0nr, 0), mix(fS0tNr, s0t, s0nr, 0), mix(fS0wNl, s0w, s0nl, 0), mix(fS0tNl, s0t, s0nl, 0),
		mix(fS1wNr, s1w, s1nr, 0), mix(fS1tNr, s1t, s1nr, 0), mix(fS1wNl, s1w, s1nl, 0), mix(fS1tNl, s1t, s1nl, 0),
		mix(fB0wNl, b0w, b0nl, 0), mix(fB0tNl, b0t, b0nl, 0),
		mix(fS0l1w, s0l1w, 0, 0), mix(fS0l1t, s0l1t, 0, 0), mix(fS0l1l, s0l1l, 0, 0),
		mix(fS0r1w, s0r1w, 0, 0), mix(fS0r1t, s0r1t, 0, 0), mix(fS0r1l, s0r1l, 0, 0),
		mix(fS1l1w, s1l1w, 0, 0), mix(fS1l1t, s1l1t, 0, 0), mix(fS1l1l, s1l1l, 0, 0),
		mix(fS1r1w, s1r1w, 0, 0), mix(fS1r1t, s1r1t, 0, 0), mix(fS1r1l, s1r1l, 0, 0),
		mix(fB0l1w, b0l1w, 0, 0), mix(fB0l1t, b0l1t, 0, 0), mix(fB0l1l, b0l1l, 0, 0),
		mix(fS0l2w, s0l2w, 0, 0), mix(fS0l2t, s0l2t, 0, 0), mix(fS0l2l, s0l2l, 0, 0),
		mix(fS0r2t, s0r2t, 0, 0), mix(fS0r2l, s0r2l, 0, 0),
		mix(fS1r2t, s1r2t, 0, 0), mix(fS1r2l, s1r2l, 0, 0),
		mix(fB0l2t, b0l2t, 0, 0), mix(fB0l2l, b0l2l, 0, 0),
		mix(fS0tL12, s0t, s0l1t, s0l2t), mix(fS0tR12, s0t, s0r1t, s0r2t),
		mix(fB0tL12, b0t, b0l1t, b0l2t), mix(fS1tR12, s1t, s1r1t, s1r2t),
		mix(fS0wLset, s0w, uint32(s0ls), uint32(s0ls>>32)), mix(fS0tLset, s0t, uint32(s0ls), uint32(s0ls>>32)),
		mix(fS0wRset, s0w, uint32(s0rs), uint32(s0rs>>32)), mix(fS0tRset, s0t, uint32(s0rs), uint32(s0rs>>32)),
		mix(fB0wLset, b0w, uint32(b0ls), uint32(b0ls>>32)), mix(fB0tLset, b0t, uint32(b0ls), uint32(b0ls>>32)),
		mix(fS1wRset, s1w, uint32(s1rs), uint32(s1rs>>32)), mix(fS1tRset, s1t, uint32(s1rs), uint32(s1rs>>32)),
		mix(fS1tLset, s1t, uint32(s1ls), uint32(s1ls>>32)),
		mix(fS0wB0wB1w, s0w, b0w, b1w), mix(fS1wS0wB0w, s1w, s0w, b0w),
		mix(fS0suf, s0suf, s0t, 0),
		mix(fS1wB0w, s1w, b0w, 0), mix(fS0wB1w, s0w, b1w, 0),
		mix(fS1tS0tB0tB1t, s1t, s0t, b0t^b1t*0x9E3779B1),
		mix(fS0l1wS0w, s0l1w, s0w, 0), mix(fB0l1wB0w, b0l1w, b0w, 0), mix(fS1r1wS1w, s1r1w, s1w, 0),
		mix(fS0r1lS0tB0t, s0r1l, s0t, b0t),
		mix(fS0tB0tB0l1l, s0t, b0t, b0l1l), mix(fS1tS0tS1r1l, s1t, s0t, s1r1l),
		mix(fS0c, s0c, s0t, 0), mix(fS1c, s1c, s1t, 0),
		mix(fS0cB0c, s0c, b0c, 0), mix(fS0cB0t, s0c, b0t, 0), mix(fS0tB0c, s0t, b0c, 0),
		mix(fS1cS0c, s1c, s0c, 0), mix(fS1cS0t, s1c, s0t, 0), mix(fS1tS0c, s1t, s0c, 0),
		mix(fS0cB0cB1c, s0c, b0c, b1c),
	)
}

// oracle is the gold tree of a training sentence for the dynamic oracle.
type oracle struct {
	head     []int32   // gold head; n for the root
	label    []int     // gold label
	children [][]int32 // gold dependents of each word (and of the root, at n)
}

// costs returns the number of gold arcs each kind of transition makes
// unreachable (Goldberg and Nivre 2013, arc-hybrid), labels aside.
func (o *oracle) costs(s *state) (sh, la, ra int) {
	s0, s1, b0 := s.top(0), s.top(1), s.b
	if s0 >= 0 {
		// s0's gold dependents still in the buffer are lost when s0 goes.
		deps := 0
		for _, k := range o.children[s0] {
			if k >= b0 {
				deps++
			}
		}
		h := o.head[s0]
		la = deps
		if h == s1 || (h > b0) {
			la++
		}
		ra = deps
		if h >= b0 {
			ra++
		}
	}
	if int(b0) < s.n {
		h := o.head[b0]
		if h < b0 && h != s0 && s.head[h] < 0 {
			sh++
		}
		for _, k := range o.children[b0] {
			if k < b0 && s.head[k] < 0 {
				sh++
			}
		}
	}
	return
}
