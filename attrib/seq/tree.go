package seq

import (
	"strings"

	"github.com/claimtrail/claimtrail/nlp"
)

// Tree features read each sentence's dependency tree (package nlp's
// Document.Tree, claimtrail's own parser) as the attribution frames do:
// what a reporting verb says is the subtree of its clausal complement
// (ccomp, parataxis, xcomp), who says it the subtree of its subject. Word
// order alone leaves the content's edges to guess ("… said the plan, which
// was announced on Monday, would fail"); the tree marks them. The parser
// reads only the words of a sentence, so the trees, like the features, are
// the same in training and at run time.

// treeInfo is what the tree says about one token.
type treeInfo struct {
	rel      string // relation to its head ("" without a tree)
	headRel  string // its head's relation ("root" for the root's dependents)
	headStem string // its head's stem
	headDir  int8   // -1 head to the left, 1 to the right, 0 the token is the root
	head     int32  // window index of its head, -1 for the root
	// cueTop is the relation of the child of the nearest cue ancestor on
	// the path up from the token ("ccomp": the token is in what the cue
	// word says; "nsubj": in who says it), "" when no ancestor is a cue;
	// cueHops counts the steps up to that ancestor, cuePath holds up to
	// three relations from the token up.
	cueTop  string
	cueHops int8
	cuePath string
	cueAnc  int32 // window index of that ancestor, -1 when none
	// compEdge marks the token as the first (1) and/or last (2) token of
	// the subtree under the cue ancestor (the content or source it heads).
	compEdge int8
	// clauseFirst and clauseLast name the relation of the widest clausal
	// subtree (clausal complement, adverbial or relative clause,
	// coordinated clause) that begins or ends at the token, "" for none.
	clauseFirst, clauseLast string
	kids                    uint8 // bit set of core relations among its dependents (kidRels)
}

// kidRels are the dependents' relations a token's kids bits record.
var kidRels = [...]string{"nsubj", "ccomp", "xcomp", "parataxis", "obj", "obl", "mark", "csubj"}

// clausal reports whether rel attaches a clause whose edges a content span
// may share.
func clausal(rel string) bool {
	for _, r := range [...]string{"ccomp", "parataxis", "xcomp", "advcl", "acl", "conj", "csubj"} {
		if nlp.RelIs(rel, r) {
			return true
		}
	}
	return false
}

// cueish reports whether a token can be a cue's anchor in the tree: a word
// of the model's cue lexicon or a stem the training data mark as a cue at
// least one time in five.
func cueish(t *tokenInfo) bool { return t.cue || t.class >= 9 }

// treeScratch holds the buffers of one sentence's tree walk.
type treeScratch struct {
	lo, hi []int32
	// firstW and lastW hold the width of the widest clausal subtree found
	// so far to begin and to end at each word.
	firstW, lastW []int32
}

// treeFeatures fills the tree part of s.info for the window's sentences.
// A sentence whose tree is missing or does not match its tokens leaves its
// tokens' tree fields empty.
//
// Parsing is the slowest step of labelling a window, so s.more, when set,
// is asked before each sentence: a command being stopped then waits for
// one sentence's parse, not a whole window's.
func (s *scratch) treeFeatures(doc *nlp.Document, w window) {
	s.stopped = false
	for si := w.s0; si < w.s1; si++ {
		if s.more != nil && !s.more() {
			s.stopped = true
			return
		}
		sent := doc.Sentences[si]
		t := doc.Tree(si)
		if t == nil || t.Len() != sent.Last-sent.First || t.First != sent.First {
			continue
		}
		s.sentenceTree(t, sent.First-w.first)
	}
}

// sentenceTree fills the tree fields of the tokens of one sentence, whose
// first token is s.info[off].
func (s *scratch) sentenceTree(t *nlp.Tree, off int) {
	n := t.Len()
	ts := &s.tree
	ts.lo, ts.hi, ts.firstW, ts.lastW = ts.lo[:0], ts.hi[:0], ts.firstW[:0], ts.lastW[:0]
	for j := 0; j < n; j++ {
		ts.lo, ts.hi = append(ts.lo, int32(j)), append(ts.hi, int32(j))
		ts.firstW, ts.lastW = append(ts.firstW, 0), append(ts.lastW, 0)
	}
	// Subtree edges: every word widens the spans of its ancestors. The
	// step bound guards against a malformed tree's cycles.
	for j := 0; j < n; j++ {
		for a, steps := t.Head(j), 0; a >= 0 && steps < n; a, steps = t.Head(a), steps+1 {
			ts.lo[a], ts.hi[a] = min(ts.lo[a], int32(j)), max(ts.hi[a], int32(j))
		}
	}
	for j := 0; j < n; j++ {
		ti := &s.info[off+j].tree
		*ti = treeInfo{rel: t.Rel(j), headRel: "root", headStem: boundary, head: -1, cueAnc: -1}
		if h := t.Head(j); h >= 0 {
			ti.head = int32(off + h)
			ti.headRel, ti.headStem = t.Rel(h), s.info[off+h].stem
			ti.headDir = 1
			if h < j {
				ti.headDir = -1
			}
		}
		for _, c := range t.Children(j) {
			for b, r := range kidRels {
				if nlp.RelIs(t.Rel(c), r) {
					ti.kids |= 1 << b
				}
			}
		}
		s.cuePathOf(t, off, j, ti)
	}
	// The widest clausal subtree starting and ending at each word.
	for j := 0; j < n; j++ {
		if !clausal(t.Rel(j)) {
			continue
		}
		lo, hi, width := ts.lo[j], ts.hi[j], ts.hi[j]-ts.lo[j]+1
		if width > ts.firstW[lo] {
			ts.firstW[lo] = width
			s.info[off+int(lo)].tree.clauseFirst = baseRel(t.Rel(j))
		}
		if width > ts.lastW[hi] {
			ts.lastW[hi] = width
			s.info[off+int(hi)].tree.clauseLast = baseRel(t.Rel(j))
		}
	}
}

// cuePathOf finds the nearest cue ancestor of word j and fills the path
// fields of ti.
func (s *scratch) cuePathOf(t *nlp.Tree, off, j int, ti *treeInfo) {
	var path strings.Builder
	child, hops := j, 1
	for a := t.Head(j); a >= 0 && hops <= t.Len(); a, hops = t.Head(a), hops+1 {
		if hops <= 3 {
			path.WriteString(baseRel(t.Rel(child)))
			path.WriteByte('<')
		}
		if cueish(&s.info[off+a]) {
			ti.cueTop = t.Rel(child)
			ti.cueHops = int8(min(hops, 6))
			ti.cuePath = path.String()
			ti.cueAnc = int32(off + a)
			if int32(j) == s.tree.lo[child] {
				ti.compEdge |= 1
			}
			if int32(j) == s.tree.hi[child] {
				ti.compEdge |= 2
			}
			return
		}
		child = a
	}
}

// baseRel strips a relation's subtype.
func baseRel(rel string) string {
	if i := strings.IndexByte(rel, ':'); i >= 0 {
		return rel[:i]
	}
	return rel
}
