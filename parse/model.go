package parse

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"sync"
)

// Model is a trained tagger and parser. It is read-only and safe for
// concurrent use; each goroutine parses with its own Parser.
type Model struct {
	tags     []string // joint classes, "UPOS\tXPOS"
	upos     []string
	xpos     []string
	labels   []string // dependency relations with their subtypes
	clusters clusterSet
	root     int // index of "root" in labels
	tagger   *table
	parser   *table
	info     Info
}

// Info describes how a model was trained.
type Info struct {
	Seed         uint64
	Sentences    int // training sentences
	Words        int
	Epochs       int // parser epochs
	TaggerEpochs int
	Folds        int // jackknife folds for the parser's training tags
	Clusters     int // word classes learned from unlabelled text (0: none)
	TextWords    int // words of unlabelled text they were learned from
	Beam         int // the parser's beam width (1: greedy)
}

// Info returns how the model was trained.
func (m *Model) Info() Info { return m.info }

// Labels returns the relations the model assigns.
func (m *Model) Labels() []string { return append([]string(nil), m.labels...) }

// Result is the analysis of one sentence: per word its tags, its head
// (a word index, -1 for the root) and its relation to the head.
type Result struct {
	UPOS, XPOS []string
	Head       []int
	Rel        []string
}

// Parser tags and parses sentences with a Model, reusing its memory from
// one sentence to the next. It is not safe for concurrent use.
type Parser struct {
	m      *Model
	lx     []lexeme
	tagged []int
	tsc    tagScratch
	st     state
	x      sentence
	feats  []uint32
	scores []float32
	sc     scoreScratch
	bufAcc [256]int32 // sums of the buffer's features (parse)
	beam   int
	bm     beam
}

// NewParser returns a Parser of m.
func (m *Model) NewParser() *Parser {
	return &Parser{m: m, scores: make([]float32, m.parser.classes), beam: max(m.info.Beam, 1)}
}

// SetBeam sets the beam width the parser searches with (at least 1, one
// being greedy); it starts as the width the model was trained with. A
// model trained greedily gains nothing from a beam.
func (p *Parser) SetBeam(k int) { p.beam = max(k, 1) }

// Parse tags and parses one sentence of words (at least one) into r.
// Time and memory are linear in the sentence's length.
func (p *Parser) Parse(words []string, r *Result) { p.parseWith(words, nil, r) }

// ParseWithXPOS is Parse with Penn Treebank tags from elsewhere (another
// tagger): each word gets the best of the model's tag classes with that
// XPOS, or the tagger's own choice when the model has none with it.
func (p *Parser) ParseWithXPOS(words, xpos []string, r *Result) {
	p.parseWith(words, func(i, c int) bool { return p.m.xpos[c] == xpos[i] }, r)
}

func (p *Parser) parseWith(words []string, allowed func(i, class int) bool, r *Result) {
	n := len(words)
	r.UPOS, r.XPOS = r.UPOS[:0], r.XPOS[:0]
	r.Head, r.Rel = r.Head[:0], r.Rel[:0]
	if n == 0 {
		return
	}
	p.lx = lexemes(words, p.lx)
	p.m.clusters.annotate(p.lx)
	p.tagged = resize(p.tagged, n)
	tag(p.m.tagger, p.lx, p.tagged, &p.tsc, allowed)
	for _, c := range p.tagged {
		r.UPOS = append(r.UPOS, p.m.upos[c])
		r.XPOS = append(r.XPOS, p.m.xpos[c])
	}
	p.x.set(p.lx, p.tagged)
	p.parse()
	for i := range n {
		h := int(p.st.head[i])
		if h == n {
			h = -1
		}
		r.Head = append(r.Head, h)
		r.Rel = append(r.Rel, p.m.labels[p.st.label[i]-1])
	}
}

// parse runs the transition system over p.x.
func (p *Parser) parse() {
	L := len(p.m.labels)
	n := len(p.x.words) - 1
	if p.beam > 1 && n <= maxBeamWords {
		p.parseBeam(n, L)
		return
	}
	p.st.reset(n)
	t, classes := p.m.parser, p.m.parser.classes
	bufAt := int32(-1) // the buffer position p.bufAcc holds the sums of
	for !p.st.done() {
		if c, only := p.st.forced(p.m.root); only {
			p.st.apply(c, L) // no choice to score
			continue
		}
		// The buffer's features change only with a shift: their sums
		// are kept from one transition to the next (integer sums, so
		// the scores are the same as summing all features each time).
		// Until the next shift the stack only shrinks, so the classes
		// the first transition at a buffer position may choose from
		// include those of the others there.
		part := p.st.scoredPart()
		if p.st.b != bufAt {
			bufAt = p.st.b
			p.feats = p.st.bufferFeatures(&p.x, p.feats[:0])
			clear(p.sc.acc[:classes])
			t.sum(p.feats, &p.sc, part)
			p.bufAcc = p.sc.acc
		}
		p.feats = p.st.stackFeatures(&p.x, p.feats[:0])
		copy(p.sc.acc[:classes], p.bufAcc[:classes])
		t.sum(p.feats, &p.sc, part)
		p.sc.scores(classes, p.scores)
		p.st.apply(p.st.best(p.scores, L, p.m.root), L)
	}
}

// parseBeam parses p.x with a beam of p.beam items into p.st.
func (p *Parser) parseBeam(n, L int) {
	score := func(feats []uint32, scores []float32) { p.m.parser.score(feats, scores, &p.sc) }
	p.bm.start(n, p.beam, p.m.parser.classes)
	for !p.bm.cur[0].st.done() {
		p.bm.step(&p.x, p.beam, L, p.m.root, score, nil)
	}
	p.st.copyFrom(&p.bm.cur[0].st)
}

// set fills the parser's view of a sentence from lexemes and tag classes.
func (x *sentence) set(lx []lexeme, tags []int) {
	x.words, x.sufs, x.tags, x.shapes = x.words[:0], x.sufs[:0], x.tags[:0], x.shapes[:0]
	x.clus = x.clus[:0]
	for i := range lx {
		x.clus = append(x.clus, lx[i].cluster+2)
		x.words = append(x.words, lx[i].norm|1<<31)
		x.sufs = append(x.sufs, lx[i].suf3)
		x.shapes = append(x.shapes, lx[i].shape)
		x.tags = append(x.tags, uint32(tags[i])+2)
	}
	x.words = append(x.words, 1)
	x.sufs = append(x.sufs, 1)
	x.shapes = append(x.shapes, 1)
	x.clus = append(x.clus, 1)
	x.tags = append(x.tags, 1)
}

func resize(s []int, n int) []int {
	if cap(s) < n {
		return make([]int, n)
	}
	return s[:n]
}

// Parse tags and parses one sentence with a fresh Parser.
func (m *Model) Parse(words []string) Result {
	var r Result
	m.NewParser().Parse(words, &r)
	return r
}

// magic starts a model file; version 2, a greedy parser's, has no beam
// width.
const (
	magic  = "claimtrail parse model 3\n"
	magic2 = "claimtrail parse model 2\n"
)

// Save writes the model to path.
func (m *Model) Save(path string) error {
	var buf bytes.Buffer
	if err := m.Write(&buf); err != nil {
		return err
	}
	return os.WriteFile(path, buf.Bytes(), 0o644)
}

// Write writes the model, gzip-compressed, in a fixed byte order: the same
// model gives the same bytes.
func (m *Model) Write(w io.Writer) error {
	zw := gzip.NewWriter(w)
	bw := bufio.NewWriter(zw)
	head := []uint64{m.info.Seed, uint64(m.info.Sentences), uint64(m.info.Words),
		uint64(m.info.Epochs), uint64(m.info.TaggerEpochs), uint64(m.info.Folds),
		uint64(m.info.Clusters), uint64(m.info.TextWords)}
	// A greedy model keeps version 2, so that it is rebuilt byte for byte
	// as before the beam existed.
	if m.info.Beam > 1 {
		bw.WriteString(magic)
		head = append(head, uint64(m.info.Beam))
	} else {
		bw.WriteString(magic2)
	}
	for _, v := range head {
		putUvarint(bw, v)
	}
	writeStrings(bw, m.tags)
	writeStrings(bw, m.labels)
	writeClusters(bw, m.clusters)
	if err := m.tagger.write(bw); err != nil {
		return err
	}
	if err := m.parser.write(bw); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

func writeStrings(w *bufio.Writer, ss []string) {
	putUvarint(w, uint64(len(ss)))
	for _, s := range ss {
		putUvarint(w, uint64(len(s)))
		w.WriteString(s)
	}
}

// writeClusters writes the word clusters by word hash: count, then per
// word the hash's difference from the last and the class.
func writeClusters(w *bufio.Writer, cs clusterSet) {
	keys := make([]uint32, 0, len(cs))
	for k := range cs {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	putUvarint(w, uint64(len(keys)))
	last := uint32(0)
	for _, k := range keys {
		putUvarint(w, uint64(k-last))
		putUvarint(w, uint64(cs[k]))
		last = k
	}
}

func readClusters(r *bufio.Reader) (clusterSet, error) {
	n, err := binary.ReadUvarint(r)
	if err != nil || n > 1<<24 {
		return nil, fmt.Errorf("bad cluster count")
	}
	cs := make(clusterSet, n)
	last := uint32(0)
	for range n {
		d, err := binary.ReadUvarint(r)
		if err != nil {
			return nil, err
		}
		c, err := binary.ReadUvarint(r)
		if err != nil || c > 1<<16 {
			return nil, fmt.Errorf("bad cluster")
		}
		last += uint32(d)
		cs[last] = uint32(c)
	}
	return cs, nil
}

func readStrings(r *bufio.Reader) ([]string, error) {
	n, err := binary.ReadUvarint(r)
	if err != nil || n > 256 {
		return nil, fmt.Errorf("bad string count")
	}
	ss := make([]string, n)
	for i := range ss {
		l, err := binary.ReadUvarint(r)
		if err != nil || l > 1024 {
			return nil, fmt.Errorf("bad string length")
		}
		b := make([]byte, l)
		if _, err := io.ReadFull(r, b); err != nil {
			return nil, err
		}
		ss[i] = string(b)
	}
	return ss, nil
}

// Load reads a model file written by Save.
func Load(path string) (*Model, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	m, err := Read(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return m, nil
}

// Read reads a model written by Write.
func Read(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("not a parse model: %w", err)
	}
	br := bufio.NewReader(zr)
	head := make([]byte, len(magic))
	if _, err := io.ReadFull(br, head); err != nil || (string(head) != magic && string(head) != magic2) {
		return nil, errors.New("not a parse model")
	}
	m := &Model{}
	vals := []uint64{0, 0, 0, 0, 0, 0, 0, 0, 1}
	if string(head) == magic2 {
		vals = vals[:8]
	}
	for i := range vals {
		if vals[i], err = binary.ReadUvarint(br); err != nil {
			return nil, fmt.Errorf("model header: %w", err)
		}
	}
	m.info = Info{Seed: vals[0], Sentences: int(vals[1]), Words: int(vals[2]),
		Epochs: int(vals[3]), TaggerEpochs: int(vals[4]), Folds: int(vals[5]),
		Clusters: int(vals[6]), TextWords: int(vals[7]), Beam: 1}
	if len(vals) > 8 {
		if vals[8] == 0 || vals[8] > 64 {
			return nil, fmt.Errorf("bad beam width %d", vals[8])
		}
		m.info.Beam = int(vals[8])
	}
	if m.tags, err = readStrings(br); err != nil {
		return nil, fmt.Errorf("tags: %w", err)
	}
	if m.labels, err = readStrings(br); err != nil {
		return nil, fmt.Errorf("labels: %w", err)
	}
	if m.clusters, err = readClusters(br); err != nil {
		return nil, fmt.Errorf("clusters: %w", err)
	}
	if m.tagger, err = readTable(br); err != nil {
		return nil, fmt.Errorf("tagger: %w", err)
	}
	if m.parser, err = readTable(br); err != nil {
		return nil, fmt.Errorf("parser: %w", err)
	}
	if err := m.check(); err != nil {
		return nil, err
	}
	return m, nil
}

// check validates a model read from a file and derives its lookups.
func (m *Model) check() error {
	if m.tagger.classes != len(m.tags) {
		return fmt.Errorf("tagger has %d classes for %d tags", m.tagger.classes, len(m.tags))
	}
	if m.parser.classes != 1+2*len(m.labels) {
		return fmt.Errorf("parser has %d classes for %d labels", m.parser.classes, len(m.labels))
	}
	m.upos, m.xpos = make([]string, len(m.tags)), make([]string, len(m.tags))
	for i, t := range m.tags {
		u, x, ok := strings.Cut(t, "\t")
		if !ok {
			return fmt.Errorf("bad tag %q", t)
		}
		m.upos[i], m.xpos[i] = u, x
	}
	m.root = -1
	for i, l := range m.labels {
		if l == "root" {
			m.root = i
		}
	}
	if m.root < 0 {
		return errors.New("no root label")
	}
	return nil
}

//go:embed model/en_ewt.model
var embedded []byte

var defaultModel = sync.OnceValues(func() (*Model, error) {
	m, err := Read(bytes.NewReader(embedded))
	if err != nil {
		return nil, fmt.Errorf("embedded parse model: %w", err)
	}
	return m, nil
})

// Default returns the embedded model, trained on the English Web Treebank
// (see docs/syntax.md for the command that rebuilds it).
func Default() (*Model, error) { return defaultModel() }

// defaultLoaded is closed once the embedded model has been read (or has
// failed to read); loadDefault starts that read in the background.
var (
	defaultLoaded = make(chan struct{})
	loadDefault   sync.Once
)

// DefaultContext is Default for a caller that must stop when ctx is done:
// reading the model takes seconds, and an interrupted run should not wait
// for it. It returns ctx's error if ctx is done first; the read goes on in
// the background for the next caller.
func DefaultContext(ctx context.Context) (*Model, error) {
	loadDefault.Do(func() {
		go func() {
			defer close(defaultLoaded)
			_, _ = defaultModel()
		}()
	})
	select {
	case <-defaultLoaded:
		return defaultModel()
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}
