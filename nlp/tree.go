package nlp

import (
	"encoding/binary"
	"strings"
	"sync"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/parse"
)

// Tree is the dependency tree of one sentence (Universal Dependencies
// relations, from claimtrail's own parser in package parse). Words are
// numbered from 0 within the sentence; word i is Document.Tokens[First+i].
//
// For "The ministry said on Tuesday that the report was false.":
//
//	said := t.Root()                     // "said"
//	who := t.Dependent(said, "nsubj")    // "ministry"
//	what := t.Dependent(said, "ccomp")   // "false", the head of the reported clause
//	t.SubtreeSpan(what)                  // bytes of "that the report was false"
//	t.SubtreeSpan(who)                   // bytes of "The ministry"
//
// Relations carry their subtypes ("nsubj:pass", "acl:relcl", "obl:agent");
// Dependents and Dependent match a bare relation against any subtype of it,
// and a relation with a subtype exactly.
type Tree struct {
	First    int // index of the sentence's first token in Document.Tokens
	tokens   []Token
	head     []int
	rel      []string
	upos     []string
	xpos     []string
	children [][]int
	subtree  []claimtrail.Span
	root     int
}

// Len is the number of words.
func (t *Tree) Len() int { return len(t.head) }

// Root returns the word that heads the sentence.
func (t *Tree) Root() int { return t.root }

// Token returns word i's token (text and byte span).
func (t *Tree) Token(i int) Token { return t.tokens[i] }

// Head returns word i's head, or -1 for the root.
func (t *Tree) Head(i int) int { return t.head[i] }

// Rel returns word i's relation to its head, with its subtype ("nsubj:pass").
func (t *Tree) Rel(i int) string { return t.rel[i] }

// UPOS returns word i's universal part-of-speech tag (the parser's tagger).
func (t *Tree) UPOS(i int) string { return t.upos[i] }

// XPOS returns word i's Penn Treebank tag (the parser's tagger).
func (t *Tree) XPOS(i int) string { return t.xpos[i] }

// Children returns word i's dependents in sentence order. The slice is the
// tree's own; do not change it.
func (t *Tree) Children(i int) []int { return t.children[i] }

// Dependents returns word i's dependents whose relation matches rel: a bare
// relation ("nsubj") matches itself and its subtypes ("nsubj:pass"); one
// with a subtype matches only itself.
func (t *Tree) Dependents(i int, rel string) []int {
	var out []int
	for _, c := range t.children[i] {
		if RelIs(t.rel[c], rel) {
			out = append(out, c)
		}
	}
	return out
}

// Dependent returns word i's first dependent whose relation matches rel (as
// in Dependents), or -1.
func (t *Tree) Dependent(i int, rel string) int {
	for _, c := range t.children[i] {
		if RelIs(t.rel[c], rel) {
			return c
		}
	}
	return -1
}

// SubtreeSpan returns the bytes from the first to the last token of word
// i's subtree (the word and everything under it).
func (t *Tree) SubtreeSpan(i int) claimtrail.Span { return t.subtree[i] }

// RelIs reports whether relation rel matches want: a bare relation matches
// itself and its subtypes, one with a subtype only itself.
func RelIs(rel, want string) bool {
	if strings.IndexByte(want, ':') >= 0 {
		return rel == want
	}
	return rel == want || (len(rel) > len(want) && rel[len(want)] == ':' && rel[:len(want)] == want)
}

// treeCache holds a document's trees, parsed on first request.
type treeCache struct {
	mu     sync.Mutex
	trees  []*Tree
	parser *parse.Parser
	res    parse.Result
	words  []string
	shared *Parses // parses of other documents' sentences, or nil
	key    []byte
}

// Parses keeps the parses of sentences across documents, so that a
// sentence several articles share (wire copy, a quoted statement
// repeated) is parsed once. The parser's result depends on a sentence's
// words alone, so the trees are the same as without it. It is safe for
// concurrent use; it holds every parse until dropped, so it belongs to
// one batch of articles (pipeline.AnalyzeAll makes one per call).
type Parses struct {
	mu sync.Mutex
	m  map[string]*parsed
}

// parsed is one sentence's parse, shared read-only by the trees made from it.
type parsed struct {
	head           []int
	rel, upos, xps []string
}

// NewParses returns an empty Parses.
func NewParses() *Parses { return &Parses{m: make(map[string]*parsed)} }

// ShareParses makes d's trees come from ps when another document has
// parsed the same words, and go into it otherwise. Call it before asking
// for any tree.
func (d *Document) ShareParses(ps *Parses) {
	if d.trees != nil {
		d.trees.mu.Lock()
		d.trees.shared = ps
		d.trees.mu.Unlock()
	}
}

// sentenceKey is words joined with their lengths, so that no two lists of
// words share a key.
func sentenceKey(buf []byte, words []string) []byte {
	buf = buf[:0]
	for _, w := range words {
		buf = binary.AppendUvarint(buf, uint64(len(w)))
		buf = append(buf, w...)
	}
	return buf
}

func (ps *Parses) get(key []byte) *parsed {
	ps.mu.Lock()
	defer ps.mu.Unlock()
	return ps.m[string(key)]
}

func (ps *Parses) put(key []byte, p *parsed) {
	ps.mu.Lock()
	defer ps.mu.Unlock()
	ps.m[string(key)] = p
}

// Tree returns the dependency tree of sentence i, parsing it on first
// request and keeping it. It returns nil when i is out of range or the
// parser's model cannot be loaded (the embedded one always loads). It is
// safe for concurrent use on a Document that Analyze made.
func (d *Document) Tree(i int) *Tree {
	if i < 0 || i >= len(d.Sentences) {
		return nil
	}
	c := d.trees
	if c == nil {
		c = &treeCache{} // a Document built by hand: parse, keep nothing
	} else {
		c.mu.Lock()
		defer c.mu.Unlock()
	}
	if len(c.trees) == len(d.Sentences) && c.trees[i] != nil {
		return c.trees[i]
	}
	if c.parser == nil {
		m, err := parse.Default()
		if err != nil {
			return nil
		}
		c.parser = m.NewParser()
	}
	if len(c.trees) != len(d.Sentences) {
		c.trees = make([]*Tree, len(d.Sentences))
	}
	c.trees[i] = c.build(d, i)
	return c.trees[i]
}

// build parses sentence i.
func (c *treeCache) build(d *Document, i int) *Tree {
	s := d.Sentences[i]
	toks := d.Tokens[s.First:s.Last]
	c.words = c.words[:0]
	for _, tk := range toks {
		c.words = append(c.words, tk.Text)
	}
	n := len(toks)
	t := &Tree{First: s.First, tokens: toks, root: -1,
		head: make([]int, n), children: make([][]int, n), subtree: make([]claimtrail.Span, n)}
	if n == 0 {
		return t
	}
	p := c.parse()
	t.rel, t.upos, t.xpos = p.rel, p.upos, p.xps
	copy(t.head, p.head)
	for w, h := range t.head {
		if h < 0 {
			t.root = w
			continue
		}
		t.children[h] = append(t.children[h], w)
	}
	t.spanSubtrees()
	return t
}

// parse returns the parse of c.words, from the shared parses when they
// hold it.
func (c *treeCache) parse() *parsed {
	if c.shared != nil {
		c.key = sentenceKey(c.key, c.words)
		if p := c.shared.get(c.key); p != nil {
			return p
		}
	}
	c.parser.Parse(c.words, &c.res)
	p := &parsed{head: append([]int(nil), c.res.Head...), rel: append([]string(nil), c.res.Rel...),
		upos: append([]string(nil), c.res.UPOS...), xps: append([]string(nil), c.res.XPOS...)}
	if c.shared != nil {
		c.shared.put(c.key, p)
	}
	return p
}

// spanSubtrees fills each word's subtree span, children before heads,
// without recursion (a long sentence can be a deep tree).
func (t *Tree) spanSubtrees() {
	order := make([]int, 0, len(t.head))
	order = append(order, t.root)
	for k := 0; k < len(order); k++ {
		order = append(order, t.children[order[k]]...)
	}
	for i := range t.subtree {
		t.subtree[i] = t.tokens[i].Span
	}
	for k := len(order) - 1; k > 0; k-- {
		w := order[k]
		h := t.head[w]
		t.subtree[h].Start = min(t.subtree[h].Start, t.subtree[w].Start)
		t.subtree[h].End = max(t.subtree[h].End, t.subtree[w].End)
	}
}
