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

// TestAttributionsBesideLedger checks that the labeller's attributions
// refused as statements for what they attribute (a plan, a question put to
// someone) come out as the article's attributions, with their reason and
// resolved source, and never as claims.
func TestAttributionsBesideLedger(t *testing.T) {
	p, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	text := "Harbour talks stall\n\n" +
		"Mayor Petra Halas said the Velmora bridge would reopen in May.\n\n" +
		"Union leader Oskar Brandt hopes to reach a deal with the port authority next week.\n\n" +
		"The port authority asked the union whether the strike would end soon."
	arts := []claimtrail.Article{{Outlet: "Harbour Post", Title: "Harbour talks stall", Text: text}}
	l, err := p.Ledger(context.Background(), arts)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]claimtrail.NotStatement{"hopes": claimtrail.ReasonPlan, "asked": claimtrail.ReasonRequest}
	speakers := map[string]string{"hopes": "Oskar Brandt", "asked": "port authority"}
	got := map[string]bool{}
	for _, a := range l.Attributions {
		cue := a.Cue.In(text)
		if a.Article != "a1" || a.Reason != want[cue] || !a.Labelled {
			t.Errorf("attribution %q: article %q reason %q labelled %v", cue, a.Article, a.Reason, a.Labelled)
		}
		if n := len(a.Chain); n < 2 || a.Chain[0].Name != "Harbour Post" || a.Chain[n-1].Name != speakers[cue] {
			t.Errorf("attribution %q: chain %+v, want Harbour Post to %s", cue, a.Chain, speakers[cue])
		}
		got[cue] = true
	}
	for cue := range want {
		if !got[cue] {
			t.Errorf("no attribution with cue %q among %+v", cue, l.Attributions)
		}
	}
	for _, c := range l.Claims {
		for _, st := range c.Statements {
			if cue := st.Cue.In(text); want[cue] != "" {
				t.Errorf("claim %q holds the refused attribution %q", c.Text, cue)
			}
		}
	}
}
