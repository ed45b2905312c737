package link

import (
	"strings"
	"testing"
)

// TestAnaphoric runs every example of anaphorExamples: a verdict naming
// its report by a pointing determiner is anaphoric; one naming what was
// reported, or a report in general, or nothing, is not.
func TestAnaphoric(t *testing.T) {
	for _, e := range anaphorExamples {
		at := strings.Index(e.sentence, e.content)
		if at < 0 {
			t.Fatalf("%q: content %q not in it", e.sentence, e.content)
		}
		if got := anaphoric(e.sentence, at) != byContent; got != e.want {
			t.Errorf("%q (content %q): anaphoric %v, want %v", e.sentence, e.content, got, e.want)
		}
	}
}
