package link

import (
	"context"
	"testing"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/nlp"
)

// TestPreventing runs every example of preventingExamples: whether the
// act's word stands under a preventing verb of the claim.
func TestPreventing(t *testing.T) {
	an, err := nlp.NewAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	stems := newStemmer()
	for _, ex := range preventingExamples {
		art := claimtrail.Article{ID: "a", Outlet: "Test Wire", Text: ex.claim + "."}
		doc, err := an.Analyze(context.Background(), &art)
		if err != nil {
			t.Fatal(err)
		}
		st := stems.stems(ex.act)
		if len(st) != 1 {
			t.Fatalf("%q stems to %v", ex.act, st)
		}
		span := claimtrail.Span{Start: 0, End: len(ex.claim)}
		if got := governedByPreventing(doc, span, st[0], stems); got != ex.governed {
			t.Errorf("%q, act %q: governed %v, want %v", ex.claim, ex.act, got, ex.governed)
		}
	}
}

// TestNegationAgreesWithPreventing: "does not want its customers using the
// browser" agrees with "has been discouraging customers from using the
// browser"; it denies "customers can use the browser at any time".
func TestNegationAgreesWithPreventing(t *testing.T) {
	claims := linkTexts(t,
		"Dalmer has been discouraging customers from using the Quill browser, a forum post said.",
		"Another agent, Pia Lund, said Dalmer does not want its customers using the Quill browser.")
	c := claimWith(claims, "discouraging customers")
	if c == nil {
		t.Fatalf("no claim of the discouraging in %+v", claims)
	}
	if got := articlesOf(c, claimtrail.Denies); got != "" {
		t.Errorf("discouraging denied by %q: the agent agrees with it", got)
	}
}
