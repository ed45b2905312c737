package claimtrail

import (
	"math/rand/v2"
	"testing"
)

// TestSpanIndex compares the index (Overlaps, Encloses, Within) with
// asking every span, on random spans, empty ones included.
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
			var want [3]bool
			for _, s := range spans {
				want[0] = want[0] || s.Overlaps(sp)
				want[1] = want[1] || s.Contains(sp)
				want[2] = want[2] || sp.Contains(s)
			}
			got := [3]bool{ix.Overlaps(sp), ix.Encloses(sp), ix.Within(sp)}
			if got != want {
				t.Fatalf("spans %v, query %v: index says overlaps, encloses, within %v, want %v", spans, sp, got, want)
			}
		}
	}
}
