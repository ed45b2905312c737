package attrib

import (
	"context"
	"testing"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/nlp"
)

// TestComplementizer: a labeller content opening with the "that" of a
// content clause starts after it; a demonstrative "that" stays.
func TestComplementizer(t *testing.T) {
	tagged, err := nlp.NewAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	untagged, err := nlp.NewAnalyzer(nlp.TagOnly(func([]nlp.Token) bool { return false }))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text string
		want bool
	}{
		{"The Quay Times reports that he visits the docks unannounced.", true},
		{"The union said that 40 members had walked out.", true},
		{"A rumour claims that on a recent trip Mara Velt was overheard.", true},
		{"The coating protects the hull against that kind of damage.", false},
	}
	for _, an := range []*nlp.Analyzer{tagged, untagged} {
		for _, tt := range tests {
			doc, err := an.Analyze(context.Background(), &claimtrail.Article{Text: tt.text})
			if err != nil {
				t.Fatal(err)
			}
			toks := doc.SentenceTokens(0)
			at := -1
			for i, tk := range toks {
				if tk.Text == "that" {
					at = i
				}
			}
			if got := complementizer(toks, at, len(toks)-1); got != tt.want {
				t.Errorf("complementizer(%q) = %v, want %v (tag %q)", tt.text, got, tt.want, toks[at].Tag)
			}
		}
	}
}
