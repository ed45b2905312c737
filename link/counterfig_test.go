package link

import (
	"testing"

	"github.com/claimtrail/claimtrail"
)

// TestCounterFigures runs the examples of every counterFigures row: its
// counter sentence is marked, and no row marks a pair of estimates.
func TestCounterFigures(t *testing.T) {
	for _, r := range counterFigures {
		if !r.re.MatchString(r.counter) {
			t.Errorf("%s: %q not marked", r.name, r.counter)
		}
		if counterMarked(r.estimates) {
			t.Errorf("%s: estimates %q read as a correction", r.name, r.estimates)
		}
	}
}

// TestCounterFigureOwnClaim: a figure offered against another ("not
// fourteen", "rather than fourteen") is a claim of its own, corroborated by
// whoever else gives it, and denies the figure it answers; it never counts
// as a second source of it.
func TestCounterFigureOwnClaim(t *testing.T) {
	claims := linkTexts(t,
		"Fourteen miners died when a shaft collapsed at the Varnok colliery on Tuesday, the Orlan Gazette reported.",
		"Eleven miners died when a shaft collapsed at the Varnok colliery on Tuesday, not fourteen, the mine's operator, Brell Mining, said on Wednesday.",
		"A spokesman for the regional government said eleven miners died when a shaft collapsed at the Varnok colliery, rather than fourteen as first reported.")
	first := claimWith(claims, "Fourteen miners")
	if first == nil {
		t.Fatalf("no claim of the first toll in %v", texts(claims))
	}
	if got := articlesOf(first, claimtrail.Asserts); got != "a" {
		t.Errorf("the first toll asserted by %q, want a alone", got)
	}
	if got := articlesOf(first, claimtrail.Denies); got == "" {
		t.Errorf("the first toll denied by nobody")
	}
	counter := claimWith(claims, "leven miners")
	if counter == nil || articlesOf(counter, claimtrail.Asserts) != "b,c" {
		t.Fatalf("the counter toll is not one claim of b and c: %v", texts(claims))
	}
}

// TestFigureOnlyContrastStaysDenial: "the correct figure is 12, not 30"
// says nothing checkable but the figure; it stays the denial it is.
func TestFigureOnlyContrastStaysDenial(t *testing.T) {
	for text, want := range map[string]bool{
		"The correct figure is 12":                           false,
		"the real number was eleven":                         false,
		"Eleven miners died in the collapse at the colliery": true,
	} {
		if got := statesEvent(text); got != want {
			t.Errorf("statesEvent(%q) = %v, want %v", text, got, want)
		}
	}
}
