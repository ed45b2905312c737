// Package dedup is claimtrail's one near-copy detector: it decides which
// articles are copies of another (syndicated wire stories, reposts with a
// new headline or byline, trimmed copies, a wire story embedded in a
// longer article), for `analyze` (Copies, in memory) and for the store
// (ingest and the worker, through store.Write), so both give the same
// answer.
//
// A text's Print holds its set of word shingles: every run of ShingleSize
// words (nlp.Words, folded, so case, punctuation and spacing do not count).
// Two texts are copies when they have the same words, or when the smaller
// shingle set lies at least Threshold within the other (Containment):
// containment, unlike similarity, still sees a copy in a text that adds a
// paragraph or embeds the original, and in one that trims it. A text that
// credits the other's outlet by name ("…, Caldwin Press reported") is a
// copy from CreditedThreshold on: a credited rewrite of a wire keeps half
// its word runs yet stays the wire's report, while two outlets' own
// articles on one event share far fewer (under 0.25 on ledger-dev).
//
// Comparing a new text with every earlier one would not scale, so
// candidates come from an index: a MinHash signature of the shingle set
// (NumHashes minimum hashes) folded into NumBands band keys. Texts that
// share a band key are candidates; the candidate is then decided by
// containment on the texts themselves. Copies indexes in memory; the store
// keeps the band keys in a table. The bands are tuned so that a copy is a
// candidate with high probability even when the other text is twice as
// long (shingle similarity 0.36: more than 0.98).
package dedup

import (
	"encoding/binary"
	"errors"
	"hash/fnv"
	"slices"
	"strings"
	"time"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/nlp"
)

// Parameters of the detector. NumHashes = NumBands × BandRows.
const (
	ShingleSize = 5  // words per shingle
	MinWords    = 20 // fewer words than this: a copy only with the same words
	NumHashes   = 64 // minimum hashes in a signature
	NumBands    = 32 // band keys per signature
	BandRows    = 2  // signature positions per band
	// Threshold is the share of the smaller text's shingles the other
	// must hold for the two to be copies.
	Threshold = 0.8
	// CreditedThreshold is the share for a text that names the other's
	// outlet and comes from another outlet (NewPrintFrom).
	CreditedThreshold = 0.5
	// MaxCandidates is the most earlier texts, first stored first, a new
	// text is compared with; the store's adapters ask for as many.
	MaxCandidates = 256
)

// Print is the fingerprint of one text.
type Print struct {
	words    uint64   // hash of the whole word sequence
	shingles []uint64 // sorted, unique; nil under MinWords words
	// outlet is the folded name of the text's outlet, and forms its
	// folded words between spaces, when made by NewPrintFrom: for
	// credited copies.
	outlet, forms string
}

// NewPrint fingerprints text.
func NewPrint(text string) *Print {
	p, _ := newPrint(text)
	return p
}

// NewPrintFrom fingerprints text published by outlet: besides NewPrint's
// tests, it is a copy of another outlet's print from CreditedThreshold on
// when it names that outlet.
func NewPrintFrom(text, outlet string) *Print {
	p, forms := newPrint(text)
	var name []string
	for w := range nlp.Words(outlet) {
		if len(name) > 0 || w.Form != "the" {
			name = append(name, w.Form)
		}
	}
	if len(name) > 0 {
		p.outlet = " " + strings.Join(name, " ") + " "
		p.forms = " " + strings.Join(forms, " ") + " "
	}
	return p
}

func newPrint(text string) (*Print, []string) {
	var forms []string
	for w := range nlp.Words(text) {
		forms = append(forms, w.Form)
	}
	p := &Print{words: hashWords(forms)}
	if len(forms) < MinWords {
		return p, forms
	}
	p.shingles = make([]uint64, 0, len(forms)-ShingleSize+1)
	for i := 0; i+ShingleSize <= len(forms); i++ {
		p.shingles = append(p.shingles, hashWords(forms[i:i+ShingleSize]))
	}
	slices.Sort(p.shingles)
	p.shingles = slices.Compact(p.shingles)
	return p, forms
}

// hashWords hashes a sequence of words (FNV-1a, a zero byte after each).
func hashWords(words []string) uint64 {
	h := fnv.New64a()
	for _, w := range words {
		h.Write([]byte(w))
		h.Write([]byte{0})
	}
	return h.Sum64()
}

// Indexed reports whether the text has enough words for shingles, bands
// and containment; a shorter text is a copy only of the same words.
func (p *Print) Indexed() bool { return len(p.shingles) > 0 }

// Containment is the share of the smaller shingle set that the other
// holds, or 0 when either text is too short.
func (p *Print) Containment(o *Print) float64 {
	a, b := p.shingles, o.shingles
	small := min(len(a), len(b))
	if small == 0 {
		return 0
	}
	shared := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			shared++
			i++
			j++
		}
	}
	return float64(shared) / float64(small)
}

// Match scores p against o: 2 for the same words, else the containment
// when it reaches Threshold, or CreditedThreshold when p credits o
// (Credits); ok is false when they are not copies. The score ranks several
// originals a text could copy.
func (p *Print) Match(o *Print) (score float64, ok bool) {
	if p.words == o.words {
		return 2, true
	}
	c := p.Containment(o)
	if c >= Threshold || c >= CreditedThreshold && p.Credits(o) {
		return c, true
	}
	return 0, false
}

// Credits reports whether p's text names o's outlet, another outlet than
// p's: both prints made by NewPrintFrom.
func (p *Print) Credits(o *Print) bool {
	return p.forms != "" && o.outlet != "" && o.outlet != p.outlet && strings.Contains(p.forms, o.outlet)
}

// Signature is the MinHash signature of a shingle set.
type Signature [NumHashes]uint32

// Signature computes the MinHash signature of the print's shingles; ok is
// false when the text is too short to have any.
func (p *Print) Signature() (sig Signature, ok bool) {
	if !p.Indexed() {
		return sig, false
	}
	for i := range sig {
		sig[i] = ^uint32(0)
	}
	for _, x := range p.shingles {
		for j := range sig {
			if v := uint32(mix(x + uint64(j)*0x9e3779b97f4a7c15)); v < sig[j] {
				sig[j] = v
			}
		}
	}
	return sig, true
}

// Bands returns the print's band keys, the index under which candidates
// are found; nil when the text is too short.
func (p *Print) Bands() []int64 {
	sig, ok := p.Signature()
	if !ok {
		return nil
	}
	b := sig.Bands()
	return b[:]
}

// Similarity estimates the Jaccard similarity of the shingle sets behind s
// and o: the share of positions in which they agree.
func (s *Signature) Similarity(o *Signature) float64 {
	same := 0
	for i := range s {
		if s[i] == o[i] {
			same++
		}
	}
	return float64(same) / NumHashes
}

// Bands folds the signature into NumBands band keys. Each key hashes the
// band's position with its BandRows values, so keys of different positions
// never collide by construction of the input.
func (s *Signature) Bands() [NumBands]int64 {
	var out [NumBands]int64
	var buf [4 + 4*BandRows]byte
	for b := range out {
		binary.LittleEndian.PutUint32(buf[0:], uint32(b))
		for r := range BandRows {
			binary.LittleEndian.PutUint32(buf[4+4*r:], s[b*BandRows+r])
		}
		h := fnv.New64a()
		h.Write(buf[:])
		out[b] = int64(h.Sum64())
	}
	return out
}

// MarshalBinary encodes the signature in 4·NumHashes little-endian bytes.
func (s *Signature) MarshalBinary() ([]byte, error) {
	out := make([]byte, 4*NumHashes)
	for i, v := range s {
		binary.LittleEndian.PutUint32(out[4*i:], v)
	}
	return out, nil
}

// UnmarshalBinary decodes a signature written by MarshalBinary.
func (s *Signature) UnmarshalBinary(data []byte) error {
	if len(data) != 4*NumHashes {
		return errors.New("dedup: signature of wrong length")
	}
	for i := range s {
		s[i] = binary.LittleEndian.Uint32(data[4*i:])
	}
	return nil
}

// mix is the SplitMix64 finaliser: a cheap, well-spread 64-bit permutation
// that turns one shingle hash into NumHashes independent-looking ones.
func mix(z uint64) uint64 {
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// Best picks, among candidate prints, the one p copies best (Match); ok is
// false when it copies none. Ties go to the first.
func Best(p *Print, cands []*Print) (best int, ok bool) {
	top := 0.0
	for i, c := range cands {
		if s, is := p.Match(c); is && s > top {
			best, top, ok = i, s, true
		}
	}
	return best, ok
}

// Copies finds the articles that are copies of another and maps each
// copy's ID to its group's original: the earliest published, or the first
// in arts when either date is unknown. It reads the articles in order and
// treats each the way the store treats a new article (store.Write): its
// candidates are the earlier articles sharing a band key or its words
// (at most MaxCandidates, first read first), each standing for its
// group's original; the original it copies best (Best) is its own, and an
// article published before that original becomes the group's original.
func Copies(arts []claimtrail.Article) map[string]string {
	ix := index{bands: map[int64][]int{}, words: map[uint64][]int{}}
	for i := range arts {
		ix.add(NewPrintFrom(arts[i].Text, arts[i].Outlet), arts[i].Published)
	}
	out := map[string]string{}
	for i, r := range ix.root {
		if r != i {
			out[arts[i].ID] = arts[r].ID
		}
	}
	return out
}

// index is the in-memory counterpart of the store's article_bands table.
type index struct {
	bands  map[int64][]int
	words  map[uint64][]int
	prints []*Print
	at     []time.Time
	root   []int // each text's original; itself for an original
}

func (ix *index) add(p *Print, at time.Time) {
	i := len(ix.prints)
	bands := p.Bands()
	cands := slices.Clone(ix.words[p.words])
	for _, b := range bands {
		cands = append(cands, ix.bands[b]...)
	}
	slices.Sort(cands)
	cands = slices.Compact(cands)
	cands = cands[:min(len(cands), MaxCandidates)]
	// A text is a copy of a group when it copies the group's original.
	for k, j := range cands {
		cands[k] = ix.root[j]
	}
	slices.Sort(cands)
	cands = slices.Compact(cands)
	ps := make([]*Print, len(cands))
	for k, j := range cands {
		ps[k] = ix.prints[j]
	}
	ix.prints, ix.at, ix.root = append(ix.prints, p), append(ix.at, at), append(ix.root, i)
	if k, ok := Best(p, ps); ok {
		r := cands[k]
		if !at.IsZero() && !ix.at[r].IsZero() && at.Before(ix.at[r]) {
			for j := range ix.root[:i] {
				if ix.root[j] == r {
					ix.root[j] = i
				}
			}
		} else {
			ix.root[i] = r
		}
	}
	ix.words[p.words] = append(ix.words[p.words], i)
	for _, b := range bands {
		ix.bands[b] = append(ix.bands[b], i)
	}
}
