package claimtrail

import "sort"

// SpanIndex answers "does this span overlap any of a set of spans?" in
// logarithmic time, so that asking it for every token of a long document
// costs no more than reading the document: the spans are sorted by start,
// with the largest end seen so far beside each.
type SpanIndex struct {
	starts []int
	maxEnd []int
}

// NewSpanIndex indexes spans.
func NewSpanIndex(spans []Span) SpanIndex {
	sorted := append([]Span(nil), spans...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].Start < sorted[j].Start })
	ix := SpanIndex{starts: make([]int, len(sorted)), maxEnd: make([]int, len(sorted))}
	end := -1 << 62
	for i, s := range sorted {
		end = max(end, s.End)
		ix.starts[i], ix.maxEnd[i] = s.Start, end
	}
	return ix
}

// Overlaps reports whether sp overlaps (Span.Overlaps) a span of the
// index: one starting before sp ends must end after sp starts.
func (ix SpanIndex) Overlaps(sp Span) bool {
	k := sort.SearchInts(ix.starts, sp.End) // spans [0,k) start before sp.End
	return k > 0 && ix.maxEnd[k-1] > sp.Start
}
