package link

import (
	"testing"

	"github.com/claimtrail/claimtrail"
)

// TestNegationNeedsItsFocus: a negation denies a claim only when the claim
// holds what it negates; one that shares the claim's other words but
// negates something else is a negative fact of its own.
func TestNegationNeedsItsFocus(t *testing.T) {
	claims := linkTexts(t,
		"The government had reached a ceasefire agreement with the Varn rebels on Friday, officials in Castel said.",
		"The Varn rebels would not be given any land under the ceasefire agreement with the government, minister Oda Brannock said.")
	c := claimWith(claims, "reached a ceasefire agreement")
	if c == nil {
		t.Fatalf("no claim of the agreement in %+v", claims)
	}
	if got := articlesOf(c, claimtrail.Denies); got != "" {
		t.Errorf("agreement denied by %q: the minister negated the land, not the agreement", got)
	}
	// The control: a negation of the agreement itself denies it.
	claims = linkTexts(t,
		"The government had reached a ceasefire agreement with the Varn rebels on Friday, officials in Castel said.",
		"No ceasefire agreement had been reached with the Varn rebels, minister Oda Brannock said.")
	if c = claimWith(claims, "reached a ceasefire agreement"); c == nil || articlesOf(c, claimtrail.Denies) != "b" {
		t.Errorf("agreement not denied by article b in %+v", claims)
	}
}

// TestDenyFigure: "the correct figure is 14, not 40" denies the claim that
// states 40, though the denied part is a bare figure.
func TestDenyFigure(t *testing.T) {
	claims := linkTexts(t,
		"At least 40 flights were cancelled at Ashcombe airport on Monday, the pilots' union said.",
		"Airport director Lisa Varga said the union's figure was wrong. \"The correct figure is 14, not 40,\" she said.")
	c := claimWith(claims, "40 flights were cancelled")
	if c == nil {
		t.Fatalf("no claim of the cancellations in %+v", claims)
	}
	if got := articlesOf(c, claimtrail.Denies); got == "" {
		t.Errorf("the 40 cancellations are not denied: %+v", c.Statements)
	}
}

// TestAboutReport: a pronoun names what a verdict judges only as its first
// word.
func TestAboutReport(t *testing.T) {
	for text, want := range map[string]bool{
		"it's a lie":            true,
		"that is false":         true,
		"the story is nonsense": true,
		"EDIT: removed a sentence that was wrong": false,
		"the figure was wrong":                    false,
	} {
		if got := aboutReport(text); got != want {
			t.Errorf("aboutReport(%q) = %v, want %v", text, got, want)
		}
	}
}

// TestNegationAnswersTiedClaims: "no offer has been made" answers two
// claims about the offer equally; both hold the offer as what a clause is
// about, so the negation denies both rather than neither.
func TestNegationAnswersTiedClaims(t *testing.T) {
	claims := linkTexts(t,
		"The offer values Hesketh Mills at about 300 million pounds including debt, one of the people said.",
		"Corran Foods' offer was made in cash, two bankers said.",
		"\"No offer has been made, and there is no certainty that one will be,\" Hesketh Mills said in a statement.")
	for _, words := range []string{"offer values", "made in cash"} {
		c := claimWith(claims, words)
		if c == nil {
			t.Fatalf("no claim with %q in %+v", words, claims)
		}
		if got := articlesOf(c, claimtrail.Denies); got != "c" {
			t.Errorf("%q denied by %q, want c", c.Text, got)
		}
	}
}

// TestReportsDenial: a claim that itself reports a denial or a verdict
// ("the club and her agent have denied claims that …", "a statement saying
// the claims are false") is no candidate for a denial to answer
// (negatedClaim): the two agree.
func TestReportsDenial(t *testing.T) {
	for text, want := range map[string]bool{
		"the agent has denied claims that she was banned": true,
		"a statement saying the claims are false":         true,
		"she was banned for three months":                 false,
		"the league confirmed the ban on Friday":          false,
	} {
		if got := reportsDenial(text); got != want {
			t.Errorf("reportsDenial(%q) = %v, want %v", text, got, want)
		}
	}
}
