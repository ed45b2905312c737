package link

import (
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail"
)

// TestSplitCoordinated runs the examples of contents that coordinate two
// complement clauses, each its own statement, and of contents that do not.
func TestSplitCoordinated(t *testing.T) {
	for _, tc := range []struct {
		sentence, content string
		want              []string
	}{
		{"The charity Seawatch said that at least 20 people had drowned, and that the harbour police had ignored a call for help.",
			"at least 20 people had drowned, and that the harbour police had ignored a call for help",
			[]string{"at least 20 people had drowned", "the harbour police had ignored a call for help"}},
		{"The mayor said the bridge would reopen in May and that tolls would not rise.",
			"the bridge would reopen in May and that tolls would not rise",
			[]string{"the bridge would reopen in May", "tolls would not rise"}},
		{"The mayor said the bridge and the tunnel would reopen in May.",
			"the bridge and the tunnel would reopen in May", nil},
		{`The coach said the two climbers were "cold but unhurt" and that the rescue team had reached them at dawn.`,
			`the two climbers were "cold but unhurt" and that the rescue team had reached them at dawn`,
			[]string{`the two climbers were "cold but unhurt"`, "the rescue team had reached them at dawn"}},
		{"The mayor said the report that the bridge had cracked was wrong.",
			"the report that the bridge had cracked was wrong", nil},
	} {
		d := analyse(t, tc.sentence)
		start := strings.Index(tc.sentence, tc.content)
		st := claimtrail.Statement{Article: "a", Polarity: claimtrail.Asserts,
			Content: claimtrail.Span{Start: start, End: start + len(tc.content)}}
		var got []string
		for _, p := range coordinated(d, &st) {
			got = append(got, p.In(tc.sentence))
		}
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("%q: clauses %q, want %q", tc.content, got, tc.want)
		}
	}
}
