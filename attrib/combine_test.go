package attrib

import (
	"strings"
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

// TestMarkRules checks that a rule statement takes, as its marking, the
// spans of the labeller attribution that shares its cue, keeping its own
// spans for the ledger, and its own source where the labeller marks none.
func TestMarkRules(t *testing.T) {
	text := `Ilse Varga, the harbour master, said on Friday: “The pier is closed. Ferries will wait.” Officials said the road is open.`
	at := func(s string) claimtrail.Span {
		i := strings.Index(text, s)
		if i < 0 {
			t.Fatalf("no %q", s)
		}
		return claimtrail.Span{Start: i, End: i + len(s)}
	}
	rules := []claimtrail.Statement{
		{Source: at("Ilse Varga"), Cue: at("said on Friday"), Content: at("The pier is closed")},
		{Source: at("Ilse Varga"), Cue: at("said on Friday"), Content: at("Ferries will wait")},
		{Source: at("Officials"), Cue: at("said the"), Content: at("the road is open")},
		{Content: at("Ferries will wait")}, // own voice: never marked
	}
	rules[2].Cue.End = rules[2].Cue.Start + len("said")
	quote := at("“The pier is closed. Ferries will wait.”")
	atts := []seq.Attribution{
		{Source: at("Ilse Varga, the harbour master,"), Cue: at("said"), Content: quote, ContentParts: []claimtrail.Span{quote}},
		{Cue: rules[2].Cue, Content: at("the road is open."), ContentParts: []claimtrail.Span{at("the road is open.")}},
	}
	got := markRules(rules, atts)
	for i := range 2 {
		m := got[i].Marked
		if m.Source.In(text) != "Ilse Varga, the harbour master," || m.Cue.In(text) != "said" || len(m.Content) != 1 || m.Content[0] != quote {
			t.Errorf("statement %d marked %q %q %v, want the labeller's spans", i, m.Source.In(text), m.Cue.In(text), m.Content)
		}
		if got[i].Source != rules[i].Source || got[i].Cue != rules[i].Cue || got[i].Content != rules[i].Content {
			t.Errorf("statement %d spans changed: %+v", i, got[i])
		}
	}
	if src := got[2].Marked.Source.In(text); src != "Officials" {
		t.Errorf("third marked source %q, want the rule's", src)
	}
	if !got[3].Marked.Empty() {
		t.Errorf("own-voice statement marked: %+v", got[3].Marked)
	}
	if !rules[0].Marked.Empty() {
		t.Error("markRules changed its input")
	}
}

// TestApartFrom checks when a labeller attribution that meets statements
// without being nested in them is an act of its own: only when every
// statement it meets is marked as another act.
func TestApartFrom(t *testing.T) {
	s := func(a, b int) claimtrail.Span { return claimtrail.Span{Start: a, End: b} }
	other := claimtrail.Marking{Cue: s(4, 8), Content: []claimtrail.Span{s(9, 40)}}
	marked := claimtrail.Statement{Cue: s(4, 8), Content: s(9, 60), Marked: other}
	unmarked := claimtrail.Statement{Cue: s(70, 74), Content: s(75, 99)}
	a := seq.Attribution{Cue: s(62, 66), Content: s(42, 60)}
	for _, tc := range []struct {
		name string
		sts  []claimtrail.Statement
		a    seq.Attribution
		want bool
	}{
		{"statement marked as another act", []claimtrail.Statement{marked}, a, true},
		{"a statement marked by the attribution itself", []claimtrail.Statement{marked}, seq.Attribution{Cue: s(5, 8), Content: s(42, 60)}, false},
		{"an unmarked statement met", []claimtrail.Statement{marked, unmarked}, seq.Attribution{Cue: s(62, 66), Content: s(42, 80)}, false},
		{"no statement met", []claimtrail.Statement{unmarked}, a, false},
		{"own-voice statement only", []claimtrail.Statement{{Content: s(40, 61)}}, a, false},
	} {
		if got := apartFrom(tc.a, tc.sts); got != tc.want {
			t.Errorf("%s: apartFrom = %v, want %v", tc.name, got, tc.want)
		}
	}
}
