package link

import (
	"testing"

	"github.com/claimtrail/claimtrail"
)

// TestDifferingFiguresOneEvent: two sources counting one event's arrests
// differently, by other nouns and far apart, state one claim, which shows
// both figures; the same counts on different days are two events, and a
// figure offered as the correction of another is a claim of its own.
func TestDifferingFiguresOneEvent(t *testing.T) {
	claims := linkTexts(t,
		"Police in Sorbeck arrested 90 people during the march on Sunday, police spokesman Oren Malt said.",
		"About 250 marchers were detained in Sorbeck on Sunday, the rights group Open Door said.")
	c := claimWith(claims, "Sorbeck")
	if c == nil || articlesOf(c, claimtrail.Asserts) != "a,b" {
		t.Fatalf("the two counts are not one claim: %v", texts(claims))
	}
	if len(c.Figures) != 2 || c.Figures[0].Value != 90 || c.Figures[1].Value != 250 {
		t.Errorf("figures %+v, want 90 and 250", c.Figures)
	}

	apart := linkTexts(t,
		"Police in Sorbeck arrested 90 people during the march on Sunday, police spokesman Oren Malt said.",
		"Police in Sorbeck arrested 250 people during another march on Tuesday, the rights group Open Door said.")
	for _, c := range apart {
		if articlesOf(&c, claimtrail.Asserts) == "a,b" {
			t.Errorf("arrests of two days joined: %q", c.Text)
		}
	}
}

// TestAgreeingFiguresShowNone: a claim whose assertions give one figure
// shows no differing figures.
func TestAgreeingFiguresShowNone(t *testing.T) {
	claims := linkTexts(t,
		"The storm destroyed 45 houses in Velmora, the mayor Ida Grune said.",
		"The storm destroyed 45 houses in Velmora, fire chief Tor Askel said.")
	for _, c := range claims {
		if len(c.Figures) > 0 {
			t.Errorf("%q shows figures %+v", c.Text, c.Figures)
		}
	}
}
