package seq

import (
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail/internal/synth"
)

// TestWindowsBounded checks that a long paragraph is labelled in windows of
// at most MaxWindowSentences sentences that cover it in order, so that
// grouping (every run against every cue of a window) stays linear in the
// text, and that the attributions found in its first sentences are those
// found when they stand alone.
func TestWindowsBounded(t *testing.T) {
	para := string(synth.Paragraph(3, 40_000))
	doc := analyse(t, para)
	ws := windows(doc)
	if len(doc.Sentences) < 3*MaxWindowSentences {
		t.Fatalf("only %d sentences: the paragraph is too short to test with", len(doc.Sentences))
	}
	next := 0
	for _, w := range ws {
		if n := w.s1 - w.s0; n > MaxWindowSentences {
			t.Errorf("window of %d sentences, want at most %d", n, MaxWindowSentences)
		}
		if w.s0 != next {
			t.Errorf("window starts at sentence %d, want %d", w.s0, next)
		}
		next = w.s1
	}
	if next != len(doc.Sentences) {
		t.Errorf("windows end at sentence %d of %d", next, len(doc.Sentences))
	}
	if ws[len(ws)-1].index != ws[1].index {
		t.Errorf("windows of one paragraph numbered %d and %d", ws[1].index, ws[len(ws)-1].index)
	}

	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	body := doc.Sentences[1].Start // after the title line
	first := doc.Sentences[ws[1].s1-1].End
	alone := analyse(t, para[:first])
	spans := func(as []Attribution, end int) string {
		var b strings.Builder
		for _, a := range as {
			if a.Content.End <= end && a.Content.Start >= body {
				b.WriteString(a.Cue.In(para) + " | " + a.Content.In(para) + "\n")
			}
		}
		return b.String()
	}
	if got, want := spans(m.Label(doc), first), spans(m.Label(alone), first); got != want || want == "" {
		t.Errorf("first window labelled\n%s\nalone\n%s", got, want)
	}
}
