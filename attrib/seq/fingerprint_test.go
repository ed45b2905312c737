package seq

import (
	"hash/fnv"
	"testing"
)

// featureFingerprint hashes every feature bucket, first-pass and stacked,
// that the shipped model computes on benchText (stacked from a fixed tag
// pattern), and the attributions it labels there.
func featureFingerprint(t *testing.T) uint64 {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	doc := analyse(t, benchText())
	h := fnv.New64a()
	put := func(xs []uint32) {
		for _, x := range xs {
			h.Write([]byte{byte(x), byte(x >> 8), byte(x >> 16), byte(x >> 24)})
		}
		h.Write([]byte{0xff})
	}
	var s scratch
	for _, w := range windows(doc) {
		m.featurize(doc, w, &s)
		put(s.feats)
		put(s.efeats)
		tags := make([]uint8, w.last-w.first)
		for i := range tags {
			tags[i] = uint8(i*5/3) % nTags
			if i == 0 || !allowed(tags[i-1], tags[i]) {
				tags[i] = tagO
			}
		}
		m.stackFeatures(&s, tags, nil)
		put(s.xfeats)
		put(s.xefeats)
	}
	for _, a := range m.Label(doc) {
		for _, sp := range append(a.ContentParts, a.Source, a.Cue) {
			put([]uint32{uint32(sp.Start), uint32(sp.End)})
		}
	}
	return h.Sum64()
}

// TestFeatureFingerprint guards the features against unintended change:
// the model's weights are indexed by hashed features in the order they are
// computed, so a refactoring that changes one feature silently degrades the
// shipped model. A change meant to alter features must retrain the model
// (docs/attribution.md) and update the fingerprint.
func TestFeatureFingerprint(t *testing.T) {
	const want uint64 = 0x97bfd4c9d5d327
	if got := featureFingerprint(t); got != want {
		t.Errorf("feature fingerprint %#x, want %#x: features changed; retrain the model if that is meant", got, want)
	}
}
