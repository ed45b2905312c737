package render

import (
	"slices"
	"time"

	"github.com/claimtrail/claimtrail"
)

// Event is one dated step in a claim's timeline.
type Event struct {
	Time    time.Time
	Article *claimtrail.Article
	Kind    string // "first seen", "relay", "denial", "asserts", "reports"
	Stance  claimtrail.Stance
}

// Timeline lists, oldest first, the dated articles that address c: where it
// was first seen, who relayed it and who denied it. Articles without a
// publication time are left out; the result is empty when none is dated.
func Timeline(l *claimtrail.Ledger, c *claimtrail.Claim) []Event {
	var evs []Event
	for i := range l.Articles {
		a := &l.Articles[i]
		s := StanceOf(c, a.ID)
		if a.Published.IsZero() || s == claimtrail.StanceAbsent {
			continue
		}
		evs = append(evs, Event{Time: a.Published, Article: a, Stance: s, Kind: string(s)})
	}
	slices.SortStableFunc(evs, func(a, b Event) int { return a.Time.Compare(b.Time) })
	first := true
	for i := range evs {
		e := &evs[i]
		switch {
		case e.Stance == claimtrail.StanceDenies || deniesIn(c, e.Article.ID):
			e.Kind = "denial"
		case first:
			e.Kind, first = "first seen", false
		case relays(c, e.Article.ID):
			e.Kind = "relay"
		}
	}
	return evs
}

func deniesIn(c *claimtrail.Claim, article string) bool {
	for _, st := range c.Statements {
		if st.Article == article && st.Polarity == claimtrail.Denies {
			return true
		}
	}
	return false
}

// relays reports whether the article attributes the claim to another outlet.
func relays(c *claimtrail.Claim, article string) bool {
	for _, st := range c.Statements {
		if st.Article != article {
			continue
		}
		for _, s := range st.Chain[min(1, len(st.Chain)):] {
			if s.Kind == claimtrail.KindOutlet {
				return true
			}
		}
	}
	return false
}
