package claimtrail

import "sort"

// SpanIndex answers "does this span overlap any of a set of spans?" in
// logarithmic time, so that asking it for every token of a long document
// costs no more than reading the document: the spans are sorted by start,
// with the largest end seen so far beside each (and the smallest end seen
// from each on, for Within).
type SpanIndex struct {
	starts []int
	maxEnd []int
	minEnd []int
}

// NewSpanIndex indexes spans.
func NewSpanIndex(spans []Span) SpanIndex {
	sorted := append([]Span(nil), spans...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].Start < sorted[j].Start })
	n := len(sorted)
	ix := SpanIndex{starts: make([]int, n), maxEnd: make([]int, n), minEnd: make([]int, n)}
	end := -1 << 62
	for i, s := range sorted {
		end = max(end, s.End)
		ix.starts[i], ix.maxEnd[i] = s.Start, end
	}
	end = 1 << 62
	for i := n - 1; i >= 0; i-- {
		end = min(end, sorted[i].End)
		ix.minEnd[i] = end
	}
	return ix
}

// Overlaps reports whether sp overlaps (Span.Overlaps) a span of the
// index: one starting before sp ends must end after sp starts.
func (ix SpanIndex) Overlaps(sp Span) bool {
	k := sort.SearchInts(ix.starts, sp.End) // spans [0,k) start before sp.End
	return k > 0 && ix.maxEnd[k-1] > sp.Start
}

// Encloses reports whether a span of the index contains sp
// (Span.Contains): one starting at or before sp must end at or after it.
func (ix SpanIndex) Encloses(sp Span) bool {
	k := sort.SearchInts(ix.starts, sp.Start+1) // spans [0,k) start at or before sp.Start
	return k > 0 && ix.maxEnd[k-1] >= sp.End
}

// Within reports whether a span of the index lies inside sp (sp.Contains
// it): one starting at or after sp must end at or before it.
func (ix SpanIndex) Within(sp Span) bool {
	k := sort.SearchInts(ix.starts, sp.Start) // spans [k,n) start at or after sp.Start
	return k < len(ix.starts) && ix.minEnd[k] <= sp.End
}
