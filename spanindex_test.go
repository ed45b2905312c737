package claimtrail

import (
	"math/rand/v2"
	"testing"
)

// TestSpanIndex compares the index with asking every span, on random
// spans, empty ones included.
func TestSpanIndex(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	randSpan := func() Span {
		s := r.IntN(200)
		return Span{Start: s, End: s + r.IntN(12)}
	}
	for round := 0; round < 200; round++ {
		spans := make([]Span, r.IntN(20))
		for i := range spans {
			spans[i] = randSpan()
		}
		ix := NewSpanIndex(spans)
		for q := 0; q < 50; q++ {
			sp := randSpan()
			want := false
			for _, s := range spans {
				want = want || s.Overlaps(sp)
			}
			if got := ix.Overlaps(sp); got != want {
				t.Fatalf("spans %v, query %v: index says %v, want %v", spans, sp, got, want)
			}
		}
	}
}
