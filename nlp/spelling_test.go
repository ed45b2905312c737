package nlp

import "testing"

// TestSpellingRules runs every rule's examples: the British and American
// words meet, and the word it must keep is kept.
func TestSpellingRules(t *testing.T) {
	for _, r := range spellingRules {
		if a, b := AmericanSpelling(r.join[0]), AmericanSpelling(r.join[1]); a != b {
			t.Errorf("%s/%s: %q and %q do not meet (%q, %q)", r.british, r.american, r.join[0], r.join[1], a, b)
		}
		if got := AmericanSpelling(r.keep); got != r.keep {
			t.Errorf("%s/%s: %q became %q", r.british, r.american, r.keep, got)
		}
	}
	for b, a := range spellingPairs {
		if AmericanSpelling(b) != AmericanSpelling(a) {
			t.Errorf("pair %q/%q does not meet", b, a)
		}
	}
	for _, w := range []string{"four", "hour", "your", "tour", "science", "evidence", "promise", "station", "theatre"} {
		if w != "theatre" && AmericanSpelling(w) != w {
			t.Errorf("%q became %q", w, AmericanSpelling(w))
		}
	}
	if AmericanSpelling("theatre") != AmericanSpelling("theater") {
		t.Errorf("theatre and theater do not meet")
	}
}
