package seq

import (
	"testing"

	"github.com/claimtrail/claimtrail"
)

func TestCombineAndUncovered(t *testing.T) {
	s := func(a, b int) claimtrail.Span { return claimtrail.Span{Start: a, End: b} }
	model := []Attribution{
		{Source: s(0, 3), Cue: s(4, 8), Content: s(9, 20), ContentParts: []claimtrail.Span{s(9, 20)}},
		{Cue: s(30, 34), Content: s(35, 50), ContentParts: []claimtrail.Span{s(35, 50)}},
		{Content: s(60, 70), ContentParts: []claimtrail.Span{s(60, 70)}}, // no cue
	}
	rules := []claimtrail.Statement{
		{Source: s(0, 3), Cue: s(4, 8), Content: s(9, 18)},      // same as model #0
		{Source: s(80, 84), Cue: s(85, 89), Content: s(90, 99)}, // rules only
		{Content: s(100, 120)},                                  // own voice, no cue
	}
	got := Combine(model, rules)
	if len(got) != 4 || got[3].Cue != s(85, 89) || got[3].ContentParts[0] != s(90, 99) {
		t.Errorf("Combine: %+v, want the model's three plus the rules-only statement", got)
	}
	un := Uncovered(model, rules)
	if len(un) != 1 || un[0].Cue != s(30, 34) {
		t.Errorf("Uncovered: %+v, want the model's second attribution only", un)
	}
}
