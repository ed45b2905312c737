package seq

import (
	"strings"
	"testing"
)

// TestDashAttribution checks the quotation–dash–name convention on lines
// written for the test, and that look-alikes are left alone.
func TestDashAttribution(t *testing.T) {
	text := "Readers wrote to us about the new bridge.\n" +
		"“It is the best thing the town has built in years.” ― Olive Marsh\n" +
		"“Too expensive, and too late.” — Peter J. Hall.\n" +
		"The bridge opened on time ― nobody expected that.\n"
	doc := analyse(t, text)
	var got []string
	for _, w := range windows(doc) {
		tags := make([]uint8, w.last-w.first)
		dashAttribution(doc, w, tags)
		for _, r := range runs(tags, func(int) int { return 0 }) {
			toks := doc.Tokens[w.first+r.first : w.first+r.last]
			got = append(got, []string{"source", "cue", "content"}[r.role]+"="+text[toks[0].Start:toks[len(toks)-1].End])
		}
	}
	want := []string{
		"content=“It is the best thing the town has built in years.”", "cue=―", "source=Olive Marsh",
		"content=“Too expensive, and too late.”", "cue=—", "source=Peter J. Hall",
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
