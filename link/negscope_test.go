package link

import (
	"context"
	"testing"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/nlp"
)

// TestNegationScope: each subordinateRels example's negator is read as
// subordinate; a negation of the main clause, as main; a negation whose
// clause has a first-person subject, as the speaker's own.
func TestNegationScope(t *testing.T) {
	an, err := nlp.NewAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	read := func(text string) negScope {
		d, err := an.Analyze(context.Background(), &claimtrail.Article{ID: "a", Text: text})
		if err != nil {
			t.Fatal(err)
		}
		return negationScope(d, claimtrail.Span{Start: 0, End: len(text)})
	}
	for _, r := range subordinateRels {
		if sc := read(r.example); sc.main || !sc.seen {
			t.Errorf("%s: %q read as negating the main clause (%+v)", r.rel, r.example, sc)
		}
	}
	for _, c := range []struct {
		text string
		self bool
	}{
		{"The branches in Welby will not close next year.", false},
		{"No military cargo was loaded at the port of Orvik.", false},
		{"I couldn't believe it when the letter came.", true},
		{"We will not be in a position to comment until the review ends.", true},
		{"Rebels spread a rumour that the pilot was captured, which is not true.", false},
	} {
		if sc := read(c.text); !sc.main || sc.self != c.self {
			t.Errorf("%q: scope %+v, want main, self %v", c.text, sc, c.self)
		}
	}
}

// TestSelfNegationAnswersOnlyItsSpeaker: "I couldn't believe it" speaks
// of the speaker's surprise and denies no belief of another.
func TestSelfNegationAnswersOnlyItsSpeaker(t *testing.T) {
	claims := linkTexts(t, "Shelter video draws donors\n\n"+
		"Film-maker Ari Dorn believes the man in the video is really homeless, the Welby Post reported.\n\n"+
		"\"I couldn't believe it,\" Jory Reval, who gave him the money, said of the gift.")
	c := claimWith(claims, "is really homeless")
	if c == nil {
		t.Fatalf("no claim of the belief in %+v", claims)
	}
	if got := articlesOf(c, claimtrail.Denies); got != "" {
		t.Errorf("belief denied by %q: the speaker spoke of herself", got)
	}
}
