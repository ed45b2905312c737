package attrib

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/nlp"
)

// pronounStory writes n paragraphs of people speaking and "he"/"she"
// sentences referring back to them, for the benchmark.
func pronounStory(n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "Councillor Tomas Vell%d said the bridge number %d was safe.\n\n", i, i)
		fmt.Fprintf(&b, "Ms Anna Berg%d met Mr Pell Andar%d on Monday.\n\n", i, i)
		fmt.Fprintf(&b, "She told reporters the repairs would start soon. He said they would not.\n\n")
	}
	return b.String()
}

// BenchmarkPronouns extracts from a document where every third sentence
// is a "he" or "she" source: the coreference step must stay linear in the
// document (the people's genders are indexed once, "has spoken" looks at
// the latest statements only).
func BenchmarkPronouns(b *testing.B) {
	an, err := nlp.NewAnalyzer(nlp.TagOnly(NeedsTags))
	if err != nil {
		b.Fatal(err)
	}
	doc, err := an.Analyze(context.Background(), &claimtrail.Article{Text: pronounStory(400), Outlet: "Test Wire"})
	if err != nil {
		b.Fatal(err)
	}
	x := New()
	for b.Loop() {
		x.Extract(doc)
	}
}
