package seq

import (
	"testing"

	"github.com/claimtrail/claimtrail"
)

// TestSourceSpan checks which source runs a cue's source is built from:
// the nearest run and those that touch it, not runs a few tokens away
// ("Ana Reyes, Tomas Lind said": two parties; "Lind, speaking of X,
// said": a source and what follows it).
func TestSourceSpan(t *testing.T) {
	src := func(first, last int) run { return run{role: Source, first: first, last: last} }
	tokens := func(r run) claimtrail.Span { return claimtrail.Span{Start: r.first, End: r.last} }
	cases := []struct {
		name string
		runs []run
		cue  run
		want claimtrail.Span
	}{
		{"one run", []run{src(0, 2)}, run{role: Cue, first: 2, last: 3}, claimtrail.Span{Start: 0, End: 2}},
		{"touching runs are one source", []run{src(0, 2), src(2, 4)}, run{role: Cue, first: 4, last: 5}, claimtrail.Span{Start: 0, End: 4}},
		{"a run after a comma is another party", []run{src(0, 2), src(3, 5)}, run{role: Cue, first: 5, last: 6}, claimtrail.Span{Start: 3, End: 5}},
		{"a clause between source and cue", []run{src(0, 1), src(2, 5)}, run{role: Cue, first: 9, last: 10}, claimtrail.Span{Start: 2, End: 5}},
		{"source after the cue", []run{src(4, 6), src(8, 9)}, run{role: Cue, first: 3, last: 4}, claimtrail.Span{Start: 4, End: 6}},
	}
	for _, c := range cases {
		if got := sourceSpan(c.runs, c.cue, tokens); got != c.want {
			t.Errorf("%s: got %v, want %v", c.name, got, c.want)
		}
	}
}
