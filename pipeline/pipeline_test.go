package pipeline

import (
	"context"
	"testing"

	"github.com/claimtrail/claimtrail"
)

// TestUnmatchedDenials checks that a denial of something no article
// asserts is kept beside the claims, while a denial of an asserted claim
// joins it and a verdict on a source is neither.
func TestUnmatchedDenials(t *testing.T) {
	p, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	arts := []claimtrail.Article{
		{Outlet: "Harbour Post", Title: "Bridge to reopen in May", Text: "Bridge to reopen in May\n\nMayor Petra Halas said the Velmora bridge would reopen in May."},
		{Outlet: "Valley Courier", Title: "Ministry and miner push back", Text: "Ministry and miner push back\n\n" +
			"The transport ministry denied that the Velmora bridge would reopen in May.\n\n" +
			"Corvex Mining flatly denied that the tailings dam at Selva had failed.\n\n" +
			"The ministry slammed the Harbour Post as a rumour mill."},
	}
	l, err := p.Ledger(context.Background(), arts)
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Unmatched) != 1 {
		t.Fatalf("unmatched denials = %+v, want the tailings dam denial only", l.Unmatched)
	}
	text := l.Article(l.Unmatched[0].Article).Text
	if got := l.Unmatched[0].Content.In(text); got != "the tailings dam at Selva had failed" {
		t.Errorf("unmatched denial content = %q", got)
	}
	contested := false
	for _, c := range l.Claims {
		contested = contested || c.Status == claimtrail.Contested
	}
	if !contested {
		t.Errorf("the bridge claim is not contested: %+v", l.Claims)
	}
}
