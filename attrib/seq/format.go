package seq

import (
	"bytes"
	"compress/flate"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"math"
	"sort"

	"github.com/claimtrail/claimtrail/internal/hugepage"
)

// The model file is the magic "CTSEQMDL", a little-endian uint16 format
// version, a CRC-32 (IEEE) of the rest, then a DEFLATE stream of:
//
//	uint8 bits          feature table has 2^bits rows
//	uint8 tags          number of tags (7)
//	uint8 edge bits     transition feature table has 2^edge bits rows
//	uint8 passes        number of stacked passes (2)
//	uvarint n, n × (uvarint len, bytes)     cue lexicon
//	uvarint n, n × (uvarint len, bytes, uvarint cue, uvarint seen)  stem cue counts
//	per pass:
//	  float32 scale     weight = stored int16 × scale
//	  tags × float32    bias added to each tag's score, in steps of scale
//	  uvarint rows, rows × (uvarint row delta, tags × int16)  non-zero token rows
//	  uvarint rows, rows × (uvarint row delta, (tags+1)×tags × int16)  non-zero transition rows
const (
	magic         = "CTSEQMDL"
	formatVersion = 2
)

// ErrFormat is wrapped by every error about a malformed model file.
var ErrFormat = errors.New("not a claimtrail attribution model")

// Marshal encodes the model in its file format.
func (m *Model) Marshal() ([]byte, error) {
	var body bytes.Buffer
	zw, err := flate.NewWriter(&body, flate.BestCompression)
	if err != nil {
		return nil, err
	}
	w := &binWriter{w: zw}
	w.u8(m.bits)
	w.u8(nTags)
	w.u8(edgeBits)
	w.u8(uint8(len(m.passes)))
	words := make([]string, 0, len(m.lexicon))
	for word := range m.lexicon {
		words = append(words, word)
	}
	sort.Strings(words)
	w.uvarint(uint64(len(words)))
	for _, word := range words {
		w.uvarint(uint64(len(word)))
		w.raw([]byte(word))
	}
	stems := make([]string, 0, len(m.stems))
	for st := range m.stems {
		stems = append(stems, st)
	}
	sort.Strings(stems)
	w.uvarint(uint64(len(stems)))
	for _, st := range stems {
		w.uvarint(uint64(len(st)))
		w.raw([]byte(st))
		w.uvarint(uint64(m.stems[st].cue))
		w.uvarint(uint64(m.stems[st].seen))
	}
	for _, p := range m.passes {
		w.f32(p.scale)
		for _, b := range p.bias {
			w.f32(b)
		}
		writeRows(w, p.weights, rowStride, nTags)
		writeRows(w, p.edges, nTrans, nTrans)
	}
	if w.err != nil {
		return nil, w.err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	out := make([]byte, 0, len(magic)+6+body.Len())
	out = append(out, magic...)
	out = binary.LittleEndian.AppendUint16(out, formatVersion)
	out = binary.LittleEndian.AppendUint32(out, crc32.ChecksumIEEE(body.Bytes()))
	return append(out, body.Bytes()...), nil
}

// writeRows writes the non-zero rows of a table whose rows are stride
// values apart, of which the first width are used.
func writeRows(w *binWriter, tab []int16, stride, width int) {
	rows := 0
	for r := 0; r*stride < len(tab); r++ {
		if !zeroRow(tab[r*stride : r*stride+width]) {
			rows++
		}
	}
	w.uvarint(uint64(rows))
	prev := -1
	for r := 0; r*stride < len(tab); r++ {
		row := tab[r*stride : r*stride+width]
		if zeroRow(row) {
			continue
		}
		w.uvarint(uint64(r - prev))
		prev = r
		for _, v := range row {
			w.u16(uint16(v))
		}
	}
}

// readRows reads a table of rowsTotal rows written by writeRows, laying
// rows out stride values apart.
func readRows(r *binReader, rowsTotal uint64, stride, width int) ([]int16, error) {
	tab := hugepage.Make[int16](int(rowsTotal * uint64(stride))) // read at random places: see package hugepage
	rows := r.uvarint()
	at := -1
	for i := uint64(0); i < rows && r.err == nil; i++ {
		at += int(r.uvarint())
		if at < 0 || uint64(at) >= rowsTotal {
			return nil, fmt.Errorf("%w: feature row %d out of range", ErrFormat, at)
		}
		for t := 0; t < width; t++ {
			tab[at*stride+t] = int16(r.u16())
		}
	}
	return tab, nil
}

func zeroRow(row []int16) bool {
	for _, v := range row {
		if v != 0 {
			return false
		}
	}
	return true
}

// Unmarshal decodes a model file written by Marshal. It fails with an error
// wrapping ErrFormat when data is not a model, is of another format version,
// or is corrupt.
func Unmarshal(data []byte) (*Model, error) {
	if len(data) < len(magic)+6 || string(data[:len(magic)]) != magic {
		return nil, fmt.Errorf("%w: missing magic %q", ErrFormat, magic)
	}
	if v := binary.LittleEndian.Uint16(data[len(magic):]); v != formatVersion {
		return nil, fmt.Errorf("%w: format version %d, this build reads version %d (retrain with `claimtrail train attribution`)", ErrFormat, v, formatVersion)
	}
	sum := binary.LittleEndian.Uint32(data[len(magic)+2:])
	body := data[len(magic)+6:]
	if crc32.ChecksumIEEE(body) != sum {
		return nil, fmt.Errorf("%w: checksum mismatch, the file is corrupt or truncated", ErrFormat)
	}
	raw, err := io.ReadAll(io.LimitReader(flate.NewReader(bytes.NewReader(body)), 1<<30))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrFormat, err)
	}
	return decodePayload(raw)
}

// decodePayload decodes the decompressed body of a model file.
func decodePayload(raw []byte) (*Model, error) {
	r := &binReader{b: raw}
	m := &Model{bits: r.u8()}
	tags := r.u8()
	if r.err != nil {
		return nil, fmt.Errorf("%w: %v", ErrFormat, r.err)
	}
	if tags != nTags {
		return nil, fmt.Errorf("%w: %d tags, want %d", ErrFormat, tags, nTags)
	}
	if r.err == nil && (m.bits < 8 || m.bits > maxBits) {
		return nil, fmt.Errorf("%w: feature table of 2^%d rows", ErrFormat, m.bits)
	}
	m.mask = 1<<m.bits - 1
	if eb := r.u8(); r.err == nil && eb != edgeBits {
		return nil, fmt.Errorf("%w: transition table of 2^%d rows, want 2^%d", ErrFormat, eb, edgeBits)
	}
	if np := r.u8(); r.err == nil && int(np) != len(m.passes) {
		return nil, fmt.Errorf("%w: %d passes, want %d", ErrFormat, np, len(m.passes))
	}
	n := r.uvarint()
	if n > uint64(len(raw)) {
		return nil, fmt.Errorf("%w: lexicon of %d words", ErrFormat, n)
	}
	m.lexicon = make(map[string]bool, n)
	for i := uint64(0); i < n && r.err == nil; i++ {
		m.lexicon[string(r.bytes(r.uvarint()))] = true
	}
	n = r.uvarint()
	if n > uint64(len(raw)) {
		return nil, fmt.Errorf("%w: %d stem counts", ErrFormat, n)
	}
	m.stems = make(map[string]stemCount, n)
	for i := uint64(0); i < n && r.err == nil; i++ {
		st := string(r.bytes(r.uvarint()))
		cue, seen := r.uvarint(), r.uvarint()
		if cue > seen || seen > math.MaxInt32 {
			return nil, fmt.Errorf("%w: stem %q counted %d cues in %d occurrences", ErrFormat, st, cue, seen)
		}
		m.stems[st] = stemCount{cue: int32(cue), seen: int32(seen)}
	}
	for i := range m.passes {
		p := &m.passes[i]
		p.scale = r.f32()
		for t := range p.bias {
			p.bias[t] = r.f32()
		}
		var err error
		if p.weights, err = readRows(r, m.mask+1, rowStride, nTags); err != nil {
			return nil, err
		}
		if p.edges, err = readRows(r, edgeMask+1, nTrans, nTrans); err != nil {
			return nil, err
		}
	}
	if r.err != nil {
		return nil, fmt.Errorf("%w: %v", ErrFormat, r.err)
	}
	if len(r.b) != 0 {
		return nil, fmt.Errorf("%w: %d trailing bytes", ErrFormat, len(r.b))
	}
	interleaveRows(&m.passes)
	return m, nil
}

// interleaveRows moves the second pass's token weights into the free
// values of the first pass's rows (see rowStride): one table, the second
// pass's view of it starting passOffset values in.
func interleaveRows(ps *[2]pass) {
	a, b := ps[0].weights, ps[1].weights
	if len(a) != len(b) {
		return
	}
	for r := 0; r < len(a); r += rowStride {
		copy(a[r+passOffset:r+passOffset+nTags], b[r:r+nTags])
	}
	ps[1].weights = a[passOffset:]
}

type binWriter struct {
	w   io.Writer
	err error
	buf [binary.MaxVarintLen64]byte
}

func (w *binWriter) raw(b []byte) {
	if w.err == nil {
		_, w.err = w.w.Write(b)
	}
}
func (w *binWriter) u8(v uint8)   { w.raw([]byte{v}) }
func (w *binWriter) u16(v uint16) { w.raw(binary.LittleEndian.AppendUint16(w.buf[:0], v)) }
func (w *binWriter) f32(v float32) {
	w.raw(binary.LittleEndian.AppendUint32(w.buf[:0], math.Float32bits(v)))
}
func (w *binWriter) uvarint(v uint64) { w.raw(binary.AppendUvarint(w.buf[:0], v)) }

type binReader struct {
	b   []byte
	err error
}

var errShort = errors.New("unexpected end of data")

func (r *binReader) bytes(n uint64) []byte {
	if r.err != nil {
		return nil
	}
	if uint64(len(r.b)) < n {
		r.err = errShort
		r.b = nil
		return nil
	}
	out := r.b[:n]
	r.b = r.b[n:]
	return out
}

func (r *binReader) u8() uint8 {
	if b := r.bytes(1); b != nil {
		return b[0]
	}
	return 0
}

func (r *binReader) u16() uint16 {
	if b := r.bytes(2); b != nil {
		return binary.LittleEndian.Uint16(b)
	}
	return 0
}

func (r *binReader) f32() float32 {
	if b := r.bytes(4); b != nil {
		return math.Float32frombits(binary.LittleEndian.Uint32(b))
	}
	return 0
}

func (r *binReader) uvarint() uint64 {
	if r.err != nil {
		return 0
	}
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.err = errShort
		return 0
	}
	r.b = r.b[n:]
	return v
}
