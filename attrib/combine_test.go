package attrib

import (
	"testing"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/attrib/seq"
)

// TestCombine checks each combination on hand-made spans: a rule statement
// and a labeller attribution that share a cue, a labeller attribution the
// rules missed in a sentence the rules read as the outlet's own voice, and
// a rule statement the labeller missed.
func TestCombine(t *testing.T) {
	s := func(a, b int) claimtrail.Span { return claimtrail.Span{Start: a, End: b} }
	sent1, sent2, sent3 := s(0, 29), s(30, 59), s(60, 99)
	rules := []claimtrail.Statement{
		{Source: s(0, 3), Cue: s(4, 8), Content: s(9, 28), Sentence: sent1, Chain: []claimtrail.Source{{Name: "outlet"}, {Name: "rule"}}},
		{Content: s(30, 58), Sentence: sent2},                                    // own voice
		{Source: s(60, 64), Cue: s(65, 69), Content: s(70, 98), Sentence: sent3}, // the labeller missed it
	}
	atts := []seq.Attribution{
		{Source: s(0, 3), Cue: s(4, 9), Content: s(14, 28)}, // shares the rule's cue, one byte longer
		{Source: s(30, 34), Cue: s(35, 39), Content: s(40, 58)},
		{Content: s(100, 110)}, // no cue: never a statement
	}
	convert := func(a seq.Attribution) (claimtrail.Statement, bool) {
		sent := sent1
		if a.Cue.Start >= 30 {
			sent = sent2
		}
		return claimtrail.Statement{Source: a.Source, Cue: a.Cue, Content: a.Content, Sentence: sent, Labelled: true}, true
	}
	for _, tc := range []struct {
		c    Combination
		want []claimtrail.Span // the contents, in order
		// labelled says which of them come from the labeller.
		labelled []bool
	}{
		{CombineRulesFirst, []claimtrail.Span{s(9, 28), s(40, 58), s(70, 98)}, []bool{false, true, false}},
		{CombineUnexplained, []claimtrail.Span{s(9, 28), s(40, 58), s(70, 98)}, []bool{false, true, false}},
		{CombineLabellerFirst, []claimtrail.Span{s(14, 28), s(40, 58), s(70, 98)}, []bool{true, true, false}},
		{CombineLabellerSpans, []claimtrail.Span{s(14, 28), s(40, 58), s(70, 98)}, []bool{false, true, false}},
		{CombineLabellerCues, []claimtrail.Span{s(9, 28), s(40, 58), s(70, 98)}, []bool{false, true, false}},
		{CombinePhrases, []claimtrail.Span{s(9, 28), s(40, 58), s(70, 98)}, []bool{false, true, false}},
	} {
		got := combine(rules, atts, convert, tc.c)
		if len(got) != len(tc.want) {
			t.Errorf("%s: %d statements %+v, want %d", tc.c, len(got), got, len(tc.want))
			continue
		}
		for i, st := range got {
			if st.Content != tc.want[i] || st.Labelled != tc.labelled[i] {
				t.Errorf("%s: statement %d content %v labelled %v, want %v %v", tc.c, i, st.Content, st.Labelled, tc.want[i], tc.labelled[i])
			}
		}
		wantCue := s(4, 8) // the rule's
		if tc.c == CombineLabellerFirst || tc.c == CombineLabellerSpans || tc.c == CombineLabellerCues {
			wantCue = s(4, 9) // the labeller's
		}
		if got[0].Cue != wantCue {
			t.Errorf("%s: first statement's cue %v, want %v", tc.c, got[0].Cue, wantCue)
		}
		if tc.c != CombineLabellerFirst && len(got[0].Chain) != 2 {
			t.Errorf("%s: the rule statement's chain was lost: %+v", tc.c, got[0])
		}
	}
	if rules[0].Content != s(9, 28) {
		t.Errorf("combine changed its input: %+v", rules[0])
	}
}

// TestCombinationNames: every combination has a name that parses back,
// and the zero value is the shipped one.
func TestCombinationNames(t *testing.T) {
	for _, c := range Combinations() {
		if got, ok := ParseCombination(c.String()); !ok || got != c {
			t.Errorf("%v: ParseCombination(%q) = %v, %v", c, c.String(), got, ok)
		}
	}
	if CombineShipped.String() != ShippedCombination.String() {
		t.Errorf("the zero Combination is %q, want the shipped %q", CombineShipped, ShippedCombination)
	}
	if _, ok := ParseCombination("magic"); ok {
		t.Error("ParseCombination accepted an unknown name")
	}
}

// TestModelCheckReasons: every check that refuses a labeller attribution
// says why, each with a reason of its own, so that the attributions it
// refuses are reported apart (claimtrail.Attribution).
func TestModelCheckReasons(t *testing.T) {
	seen := map[claimtrail.NotStatement]string{}
	for _, c := range modelChecks {
		if c.reason == "" {
			t.Errorf("check %s has no reason", c.name)
		}
		if other, ok := seen[c.reason]; ok {
			t.Errorf("checks %s and %s share the reason %q", other, c.name, c.reason)
		}
		seen[c.reason] = c.name
	}
}

// TestNestedIn checks which labeller attributions that meet a rule
// statement are nested in it, hence reported beside it: a cue inside its
// content, or a content holding its cue; not one that only shares words
// with its content, nor one meeting a statement with no cue.
func TestNestedIn(t *testing.T) {
	s := func(a, b int) claimtrail.Span { return claimtrail.Span{Start: a, End: b} }
	rules := []claimtrail.Statement{
		{Source: s(0, 3), Cue: s(4, 8), Content: s(9, 60)},
		{Content: s(100, 140)}, // own voice
	}
	for _, tc := range []struct {
		name string
		a    seq.Attribution
		want bool
	}{
		{"cue inside the content", seq.Attribution{Cue: s(20, 25), Content: s(26, 50)}, true},
		{"content holding the cue", seq.Attribution{Cue: s(62, 66), Content: s(0, 60)}, true},
		{"sharing words with the content", seq.Attribution{Cue: s(62, 66), Content: s(40, 70)}, false},
		{"inside an own-voice statement", seq.Attribution{Cue: s(110, 114), Content: s(115, 139)}, false},
	} {
		if got := nestedIn(tc.a, indexRules(rules)); got != tc.want {
			t.Errorf("%s: nestedIn = %v, want %v", tc.name, got, tc.want)
		}
	}
}
