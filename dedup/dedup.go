// Package dedup finds near-duplicate article texts: syndicated copies, wire
// stories republished with a new headline, pages that differ only in a few
// edits or boilerplate.
//
// It uses MinHash over word shingles: Sum turns a text into a Signature of
// NumHashes minimum hash values, and the share of positions in which two
// signatures agree estimates the Jaccard similarity of the two texts'
// shingle sets. Texts whose estimate reaches Threshold are near-duplicates.
// Bands folds a signature into NumBands band keys (locality-sensitive
// hashing): near-duplicates share a band key with high probability, so a
// store finds candidates with an index lookup instead of comparing a new
// article with every stored one.
package dedup

import (
	"encoding/binary"
	"errors"
	"hash/fnv"
	"strings"
	"unicode"
)

// Parameters of the fingerprint. NumHashes = NumBands × BandRows.
const (
	ShingleSize = 3  // words per shingle
	MinWords    = 20 // fewer words than this: matched by exact content only
	NumHashes   = 64 // minimum hashes in a signature
	NumBands    = 16 // band keys per signature
	BandRows    = 4  // signature positions per band
	// Threshold is the estimated Jaccard similarity of shingle sets at
	// which two texts count as near-duplicates. With 16 bands of 4 rows a
	// pair at similarity 0.7 shares a band key with probability above 0.99.
	Threshold = 0.7
)

// Signature is the MinHash signature of one text.
type Signature [NumHashes]uint32

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

// Near reports whether s and o are signatures of near-duplicate texts.
func (s *Signature) Near(o *Signature) bool { return s.Similarity(o) >= Threshold }

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

// Words splits text into lower-cased words of letters and digits, the unit
// shingles are made of. Punctuation, case and spacing differences between
// two copies therefore do not count.
func Words(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// Sum computes the MinHash signature of text. ok is false when the text has
// fewer than MinWords words, too few for a meaningful signature.
func Sum(text string) (sig Signature, ok bool) {
	words := Words(text)
	if len(words) < MinWords {
		return sig, false
	}
	for i := range sig {
		sig[i] = ^uint32(0)
	}
	h := fnv.New64a()
	for i := 0; i+ShingleSize <= len(words); i++ {
		h.Reset()
		for _, w := range words[i : i+ShingleSize] {
			h.Write([]byte(w))
			h.Write([]byte{0})
		}
		x := h.Sum64()
		for j := range sig {
			if v := uint32(mix(x + uint64(j)*0x9e3779b97f4a7c15)); v < sig[j] {
				sig[j] = v
			}
		}
	}
	return sig, true
}

// mix is the SplitMix64 finaliser: a cheap, well-spread 64-bit permutation
// that turns one shingle hash into NumHashes independent-looking ones.
func mix(z uint64) uint64 {
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}
