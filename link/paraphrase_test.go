package link

import (
	"testing"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/nlp"
)

// TestFoldHeadPhrases checks that a core folds a two-word verb of the
// table to its one-word verb, and only a bare second word makes one.
func TestFoldHeadPhrases(t *testing.T) {
	an, err := nlp.NewAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	collapsed := parsedCore(t, an, "The old sea wall at Brennick collapsed.").heads
	for _, tc := range []struct {
		text string
		same bool
	}{
		{"The old sea wall at Brennick gave way.", true},
		{"The old sea wall at Brennick caved in.", true},
		{"The old sea wall at Brennick gave the harbour some shelter.", false},
	} {
		got := parsedCore(t, an, tc.text).heads
		if same := len(got) > 0 && len(collapsed) > 0 && got[0] == collapsed[0]; same != tc.same {
			t.Errorf("%q: heads %v, collapsed %v: same %v, want %v", tc.text, got, collapsed, same, tc.same)
		}
	}
}

// TestParaphrasedClaimsJoin links two articles whose speakers state one
// fact with predicates only the table makes one; the pair joins when the
// subjects agree and nothing sets them apart, and stays apart otherwise.
func TestParaphrasedClaimsJoin(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		join bool
		why  string
	}{
		{"Harbour master Ilse Varga said the sea wall at Brennick gave way early on Tuesday, flooding the quay.",
			"Engineers from the coastal agency said a section of the sea wall had collapsed.", true,
			"one subject, gave way / collapsed, two speakers"},
		{"Harbour master Ilse Varga said the sea wall at Brennick gave way early on Tuesday, flooding the quay.",
			"Engineers from the coastal agency said the roof of the Brennick fish market had collapsed.", false,
			"another subject"},
		{"Harbour master Ilse Varga said two sea walls at Brennick gave way on Tuesday.",
			"Engineers from the coastal agency said nine sea walls had collapsed.", false,
			"other figures"},
		{"Police chief Aron Maly said the militia began seizing farms near Ostra in March.",
			"Villagers told reporters the militia had started to sell cattle at the border market.", false,
			"one aspect verb, two acts in its clauses"},
	} {
		claims := linkTexts(t, tc.a, tc.b)
		joined := false
		for _, c := range claims {
			if articlesOf(&c, claimtrail.Asserts) == "a,b" {
				joined = true
			}
		}
		if joined != tc.join {
			t.Errorf("%s: joined %v, want %v: %q", tc.why, joined, tc.join, texts(claims))
		}
	}
}
