package parse

import (
	"bufio"
	"encoding/binary"
	"fmt"
	"io"
	"math"
	"slices"

	"github.com/claimtrail/claimtrail/internal/hugepage"
)

// Features are 32-bit hashes of a template number and the values it joins
// (words, tags, labels, distances). Two features sharing a hash share their
// weights; with a few million features in 2^32 that costs nothing measurable.

// mix joins a template and three values into one feature hash, never 0.
func mix(t, a, b, c uint32) uint32 {
	h := uint64(t)<<32 | uint64(a)
	h *= 0x9E3779B97F4A7C15
	h ^= uint64(b)<<32 | uint64(c)
	h *= 0xC2B2AE3D27D4EB4F
	h ^= h >> 29
	h *= 0x165667B19E3779F9
	h ^= h >> 32
	if uint32(h) == 0 {
		return 1
	}
	return uint32(h)
}

// hashString is FNV-1a of s.
func hashString(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= 16777619
	}
	return h
}

// table is a trained linear model: per feature, the weights of the classes
// it votes for, as 16-bit multiples of one scale (the scale does not change
// which class scores best, so scoring adds integers). It is read-only and
// safe for concurrent use.
//
// Scoring is bound by memory reads at random places in tens of megabytes,
// so the layout is about cache lines: a slot is 16 bytes (four to a line),
// and a feature with at most three weights, four in five of them, keeps
// them in its slot, so finding it and reading its weights is one read.
// Longer rows live in entries. Slots are found by linear probing from a
// place scaled from the hash (fastrange), the table at most half full (at
// three quarters, a search for a feature the model lacks, one in four,
// reads eight slots on average).
type table struct {
	classes int
	scale   float32
	slots   []slot // key 0 marks an empty slot
	entries []entry
}

// inlined is how many weights a slot holds itself.
const inlined = 3

// slot is one feature: its key and, when n <= inlined, its weights; else
// w[0] and w[1] hold the offset of its n entries (low and high 16 bits).
type slot struct {
	key uint32
	w   [inlined]int16
	cls [inlined]uint8
	n   uint8 // number of weights; 255 means more are in entries, counted there
}

// long marks a slot whose weights are in entries: the first entry's w is
// their number.
const long = 255

type entry struct {
	w   int16
	cls uint8
}

// home is the slot where the search for key starts.
func (t *table) home(key uint32) uint32 {
	return uint32(uint64(key*0x9E3779B1) * uint64(len(t.slots)) >> 32)
}

// find returns the slot index of key, or -1.
func (t *table) find(key uint32) int {
	i := int(t.home(key))
	for {
		k := t.slots[i].key
		if k == key {
			return i
		}
		if k == 0 {
			return -1
		}
		if i++; i == len(t.slots) {
			i = 0
		}
	}
}

// score sets scores (len t.classes) to the summed weights of feats. sc is
// scratch memory kept for the next call.
func (t *table) score(feats []uint32, scores []float32, sc *scoreScratch) {
	clear(sc.acc[:t.classes])
	t.sum(feats, sc, allClasses)
	sc.scores(t.classes, scores)
}

// classPart says which classes' weights sum adds from a long row: a
// caller that will read only some classes' scores spares the rest.
type classPart uint8

const (
	allClasses  classPart = iota
	lowClasses            // classes below t.half() (the parser's shift and left arcs)
	highClasses           // classes from t.half() on (the parser's right arcs)
)

// half is the first of the high classes: a long row holds the weights of
// classes below it first, their number in its first entry's cls. For the
// parser (1 + 2L classes) that is 1 + L, where the right arcs begin.
func (t *table) half() int { return (t.classes + 1) / 2 }

// sum adds the weights of feats to sc.acc. It looks all the features up
// first and adds their weights after, so that the memory reads of the
// lookups overlap instead of waiting on one another. With part other than
// allClasses, long rows add only that part's weights: the other classes'
// sums are then partial, to be ignored (short rows add all theirs).
func (t *table) sum(feats []uint32, sc *scoreScratch, part classPart) {
	hits := sc.hits[:0]
	acc := &sc.acc // indexed by a uint8 class: no bounds checks
	if len(t.slots) > 0 {
		// Touch every feature's home slot first: these loads do not
		// depend on one another, so the memory system serves them at
		// once, and the probing below finds its lines in cache.
		var touched uint32
		for _, f := range feats {
			touched ^= t.slots[t.home(f)].key
		}
		for _, f := range feats {
			if i := t.find(f); i >= 0 {
				hits = append(hits, uint32(i))
				// A long row's weights are elsewhere: touch them
				// too, before the loop below needs them.
				if s := &t.slots[i]; s.n == long {
					touched ^= uint32(t.entries[uint32(uint16(s.w[0]))|uint32(uint16(s.w[1]))<<16].w)
				}
			}
		}
		sc.touched = touched
	}
	for _, i := range hits {
		s := &t.slots[i]
		if s.n != long {
			for j := range min(int(s.n), inlined) {
				acc[s.cls[j]] += int32(s.w[j])
			}
			continue
		}
		off := uint32(uint16(s.w[0])) | uint32(uint16(s.w[1]))<<16
		lo, hi := off+1, off+1+uint32(uint16(t.entries[off].w))
		switch part {
		case lowClasses:
			hi = lo + uint32(t.entries[off].cls)
		case highClasses:
			lo += uint32(t.entries[off].cls)
		}
		for _, e := range t.entries[lo:hi] {
			acc[e.cls] += int32(e.w)
		}
	}
	sc.hits = hits
}

// scores sets scores to the first classes sums of acc.
func (sc *scoreScratch) scores(classes int, scores []float32) {
	for c, v := range sc.acc[:classes] {
		scores[c] = float32(v)
	}
}

// scoreScratch is memory table.score reuses.
type scoreScratch struct {
	hits    []uint32
	acc     [256]int32
	touched uint32
}

// featureRow is one feature's weights while a table is built.
type featureRow struct {
	key uint32
	cls []uint8
	w   []float32
}

// newTable builds a table from rows (any order; keys distinct), rounding
// the weights to 16-bit multiples of the largest's 1/32767.
func newTable(classes int, rows []featureRow) *table {
	maxAbs := float32(0)
	for _, r := range rows {
		for _, w := range r.w {
			maxAbs = max(maxAbs, w, -w)
		}
	}
	scale := maxAbs / 32767
	if scale == 0 {
		scale = 1
	}
	t := emptyTable(classes, scale, len(rows))
	for _, r := range rows {
		es := make([]entry, len(r.cls))
		for j, c := range r.cls {
			es[j] = entry{w: int16(math.Round(float64(r.w[j] / scale))), cls: c}
		}
		t.add(r.key, es)
	}
	t.packEntries()
	return t
}

func emptyTable(classes int, scale float32, features int) *table {
	return &table{classes: classes, scale: scale, slots: hugepage.Make[slot](max(16, 2*features+1))}
}

// add adds a feature's entries (at most 65535 of them, a class at most once).
func (t *table) add(key uint32, es []entry) {
	i := int(t.home(key))
	for t.slots[i].key != 0 {
		if i++; i == len(t.slots) {
			i = 0
		}
	}
	s := slot{key: key, n: uint8(len(es))}
	if len(es) <= inlined {
		for j, e := range es {
			s.w[j], s.cls[j] = e.w, e.cls
		}
	} else {
		off := uint32(len(t.entries))
		s.n = long
		s.w[0], s.w[1] = int16(uint16(off)), int16(uint16(off>>16))
		t.entries = append(t.entries, entry{w: int16(uint16(len(es)))})
		t.entries = append(t.entries, es...)
	}
	t.slots[i] = s
}

// keys returns the table's feature keys in order.
func (t *table) keys() []uint32 {
	var keys []uint32
	for _, s := range t.slots {
		if s.key != 0 {
			keys = append(keys, s.key)
		}
	}
	slices.Sort(keys)
	return keys
}

// lookup returns feature key's entries.
func (t *table) lookup(key uint32) []entry {
	i := t.find(key)
	if i < 0 {
		return nil
	}
	s := &t.slots[i]
	if s.n != long {
		es := make([]entry, s.n)
		for j := range es {
			es[j] = entry{w: s.w[j], cls: s.cls[j]}
		}
		return es
	}
	off := uint32(uint16(s.w[0])) | uint32(uint16(s.w[1]))<<16
	n := uint32(uint16(t.entries[off].w))
	return t.entries[off+1 : off+1+n]
}

func cmpU32(a, b uint32) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// write writes the table: classes, feature count, the weights' scale, then
// per feature (by key) the key's difference from the last, its entry count
// and entries (class, 16-bit weight), in little-endian order.
func (t *table) write(w *bufio.Writer) error {
	keys := t.keys()
	putUvarint(w, uint64(t.classes))
	putUvarint(w, uint64(len(keys)))
	var b4 [4]byte
	binary.LittleEndian.PutUint32(b4[:], math.Float32bits(t.scale))
	w.Write(b4[:])
	last := uint32(0)
	for _, k := range keys {
		es := t.lookup(k)
		putUvarint(w, uint64(k-last))
		last = k
		w.WriteByte(uint8(len(es)))
		for _, e := range es {
			w.WriteByte(e.cls)
			w.WriteByte(uint8(e.w))
			w.WriteByte(uint8(uint16(e.w) >> 8))
		}
	}
	return nil
}

// readTable reads what write wrote.
func readTable(r *bufio.Reader) (*table, error) {
	classes, err := binary.ReadUvarint(r)
	if err != nil || classes == 0 || classes > 256 {
		return nil, fmt.Errorf("bad class count")
	}
	nf, err := binary.ReadUvarint(r)
	if err != nil || nf > 1<<28 {
		return nil, fmt.Errorf("bad feature count")
	}
	var b4 [4]byte
	if _, err := io.ReadFull(r, b4[:]); err != nil {
		return nil, err
	}
	t := emptyTable(int(classes), math.Float32frombits(binary.LittleEndian.Uint32(b4[:])), int(nf))
	last := uint32(0)
	var b3 [3]byte
	var es []entry
	for i := range nf {
		d, err := binary.ReadUvarint(r)
		if err != nil {
			return nil, err
		}
		if last += uint32(d); last == 0 || (d == 0 && i > 0) {
			return nil, fmt.Errorf("bad feature key")
		}
		n, err := r.ReadByte()
		if err != nil {
			return nil, err
		}
		es = es[:0]
		for range int(n) {
			if _, err := io.ReadFull(r, b3[:]); err != nil {
				return nil, err
			}
			if int(b3[0]) >= int(classes) {
				return nil, fmt.Errorf("class %d out of range", b3[0])
			}
			es = append(es, entry{cls: b3[0], w: int16(uint16(b3[1]) | uint16(b3[2])<<8)})
		}
		t.add(last, es)
	}
	t.packEntries()
	return t, nil
}

// packEntries lays the long rows out again, longest first, in memory
// advised as the slots are. The longest rows belong to the most frequent
// features (a tag, a common word), read at nearly every transition: packed
// together they share cache lines and pages with one another instead of
// with rare features' rows, which stay out of the cache. Only the layout
// changes, not a weight (docs/syntax.md, "Packed rows"). Within a row the
// weights of classes below t.half() come first (in their old order, then
// the others in theirs), their number in the first entry's cls, so that
// sum can add one part alone.
func (t *table) packEntries() {
	var rows []int // slot indexes of the long rows
	for i := range t.slots {
		if t.slots[i].key != 0 && t.slots[i].n == long {
			rows = append(rows, i)
		}
	}
	rowLen := func(i int) int {
		s := &t.slots[i]
		return int(uint16(t.entries[uint32(uint16(s.w[0]))|uint32(uint16(s.w[1]))<<16].w))
	}
	slices.SortStableFunc(rows, func(a, b int) int { return rowLen(b) - rowLen(a) })
	half := t.half()
	entries := hugepage.Make[entry](len(t.entries))[:0]
	for _, i := range rows {
		s := &t.slots[i]
		off := uint32(uint16(s.w[0])) | uint32(uint16(s.w[1]))<<16
		n := uint32(uint16(t.entries[off].w))
		at := uint32(len(entries))
		entries = append(entries, entry{w: t.entries[off].w})
		for _, high := range []bool{false, true} {
			for _, e := range t.entries[off+1 : off+1+n] {
				if (int(e.cls) >= half) == high {
					entries = append(entries, e)
				}
			}
			if !high {
				entries[at].cls = uint8(uint32(len(entries)) - at - 1)
			}
		}
		s.w[0], s.w[1] = int16(uint16(at)), int16(uint16(at>>16))
	}
	t.entries = entries
}

func putUvarint(w *bufio.Writer, v uint64) {
	var b [binary.MaxVarintLen64]byte
	w.Write(b[:binary.PutUvarint(b[:], v)])
}

// row is one feature's weights while training: sparse (cls lists the
// classes of w) until it holds a quarter of the classes, then dense (w has
// one weight per class). Beside each weight, what averaging needs: the sum
// of its past values over time and when it last changed. Weights stay
// whole numbers, so training is exact and reproducible.
type row struct {
	cls   []uint8
	w     []float32
	since []int32
	total []int64
}

// perceptron is an averaged perceptron being trained.
type perceptron struct {
	classes int
	index   hashIndex
	rows    []row
	now     int32 // number of examples seen
}

func newPerceptron(classes int) *perceptron {
	return &perceptron{classes: classes, index: newHashIndex()}
}

// score adds the current weights of feats to scores.
func (p *perceptron) score(feats []uint32, scores []float32) {
	clear(scores)
	for _, f := range feats {
		r := p.index.get(f)
		if r < 0 {
			continue
		}
		rw := &p.rows[r]
		if rw.cls == nil {
			for c, v := range rw.w {
				scores[c] += v
			}
			continue
		}
		for j, c := range rw.cls {
			scores[c] += rw.w[j]
		}
	}
}

// update moves feats' weights towards class good and away from bad.
func (p *perceptron) update(feats []uint32, good, bad int) {
	for _, f := range feats {
		r := p.rowOf(f)
		p.bump(r, good, 1)
		p.bump(r, bad, -1)
	}
}

// add adds d to feats' weights for class c.
func (p *perceptron) add(feats []uint32, c int, d float32) {
	for _, f := range feats {
		p.bump(p.rowOf(f), c, d)
	}
}

// rowOf returns feature f's row, adding an empty one for a new feature.
func (p *perceptron) rowOf(f uint32) *row {
	r := p.index.get(f)
	if r < 0 {
		r = int32(len(p.rows))
		p.index.put(f, r)
		p.rows = append(p.rows, row{cls: []uint8{}})
	}
	return &p.rows[r]
}

func (p *perceptron) bump(r *row, c int, d float32) {
	j := c
	if r.cls != nil {
		j = -1
		for i, x := range r.cls {
			if int(x) == c {
				j = i
				break
			}
		}
		if j < 0 {
			if len(r.cls) >= p.classes/4 {
				p.densify(r)
				p.bump(r, c, d)
				return
			}
			r.cls = append(r.cls, uint8(c))
			r.w = append(r.w, 0)
			r.since = append(r.since, p.now)
			r.total = append(r.total, 0)
			j = len(r.cls) - 1
		}
	}
	r.total[j] += int64(p.now-r.since[j]) * int64(r.w[j])
	r.w[j] += d
	r.since[j] = p.now
}

// densify turns a sparse row dense.
func (p *perceptron) densify(r *row) {
	w, since, total := make([]float32, p.classes), make([]int32, p.classes), make([]int64, p.classes)
	for i := range since {
		since[i] = p.now
	}
	for j, c := range r.cls {
		w[c], since[c], total[c] = r.w[j], r.since[j], r.total[j]
	}
	*r = row{w: w, since: since, total: total}
}

// average returns the table of averaged weights, leaving out weights whose
// average is below minWeight in magnitude.
func (p *perceptron) average(minWeight float64) *table {
	keys := p.index.all()
	slices.Sort(keys)
	out := make([]featureRow, 0, len(keys))
	now := max(p.now, 1)
	for _, k := range keys {
		r := &p.rows[p.index.get(k)]
		var fr featureRow
		for j, w := range r.w {
			total := r.total[j] + int64(now-r.since[j])*int64(w)
			avg := float64(total) / float64(now)
			if math.Abs(avg) < minWeight || avg == 0 {
				continue
			}
			c := uint8(j)
			if r.cls != nil {
				c = r.cls[j]
			}
			fr.cls = append(fr.cls, c)
			fr.w = append(fr.w, float32(avg))
		}
		if len(fr.cls) > 0 {
			fr.key = k
			out = append(out, fr)
		}
	}
	return newTable(p.classes, out)
}

// hashIndex maps feature hashes (never 0) to row numbers: open
// addressing, faster than a map for this one job.
type hashIndex struct {
	keys []uint32
	vals []int32
	n    int
}

func newHashIndex() hashIndex {
	return hashIndex{keys: make([]uint32, 1024), vals: make([]int32, 1024)}
}

func (h *hashIndex) get(k uint32) int32 {
	mask := uint32(len(h.keys) - 1)
	for i := (k * 0x9E3779B1) & mask; ; i = (i + 1) & mask {
		switch h.keys[i] {
		case k:
			return h.vals[i]
		case 0:
			return -1
		}
	}
}

func (h *hashIndex) put(k uint32, v int32) {
	if 2*(h.n+1) > len(h.keys) {
		old := *h
		h.keys, h.vals, h.n = make([]uint32, 2*len(old.keys)), make([]int32, 2*len(old.keys)), 0
		for i, ok := range old.keys {
			if ok != 0 {
				h.put(ok, old.vals[i])
			}
		}
	}
	mask := uint32(len(h.keys) - 1)
	i := (k * 0x9E3779B1) & mask
	for h.keys[i] != 0 && h.keys[i] != k {
		i = (i + 1) & mask
	}
	if h.keys[i] == 0 {
		h.n++
	}
	h.keys[i], h.vals[i] = k, v
}

func (h *hashIndex) all() []uint32 {
	out := make([]uint32, 0, h.n)
	for _, k := range h.keys {
		if k != 0 {
			out = append(out, k)
		}
	}
	return out
}
