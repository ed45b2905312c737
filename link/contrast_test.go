package link

import (
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail"
)

// TestContrasts runs every example of the contrast table: the part after
// ", not" is what the source denies.
func TestContrasts(t *testing.T) {
	for _, c := range contrasts {
		got, ok := contrastIn(c.example)
		if !ok {
			t.Errorf("%q: no contrast found", c.example)
			continue
		}
		if denied := c.example[got[0]:got[1]]; denied != c.denied {
			t.Errorf("%q: denies %q, want %q", c.example, denied, c.denied)
		}
	}
	// Phrasings that contrast no facts deny nothing.
	for _, text := range []string{
		"the library is a building for the whole city, not just the university",
		"wanted the port open tomorrow, not next month",
		"publication should be the rule, not a favour",
		"a loss for the city, not only for the museum",
		"the council chose to rebuild the old bridge rather than repair it",
		"about 1,500 residents went to schools rather than hotels",
	} {
		if _, ok := contrastIn(text); ok {
			t.Errorf("%q: read as a contrastive denial", text)
		}
	}
}

// TestContrastDeniesTheClaim: "inside our waters, not in international
// waters as its owners claimed" denies the owners' claim, in the name of
// the speaker, not of the owners.
func TestContrastDeniesTheClaim(t *testing.T) {
	claims := linkTexts(t,
		"The tanker Orla Grey was in international waters when it was boarded, its owner, Brisk Shipping, said.",
		"Navy spokesman Captain Ivo Wenna said the tanker had been seized inside the country's territorial waters, not in international waters as its owners claimed.")
	c := claimWith(claims, "international waters when")
	if c == nil {
		t.Fatalf("no claim of the position in %+v", claims)
	}
	if got := articlesOf(c, claimtrail.Denies); !strings.HasPrefix(got, "b") {
		t.Fatalf("position denied by %q, want article b", got)
	}
	for _, st := range c.Statements {
		if st.Polarity == claimtrail.Denies && st.Speaker().Name != "Ivo Wenna" {
			t.Errorf("denied by %v, want the spokesman", st.Speaker())
		}
	}
}

// TestNegatedClauses: a negation's words are those of its clauses up to
// the last that holds a negator.
func TestNegatedClauses(t *testing.T) {
	for text, want := range map[string]string{
		"I have never taken the drug or any other banned substance, and I will prove it": "I have never taken the drug or any other banned substance",
		"He has not been charged with anything, and he has not been suspended":           "He has not been charged with anything, and he has not been suspended",
		"The plant did not leak, but we will check the pipes; the river is safe":         "The plant did not leak",
		"The mayor resigned on Monday":                                                   "The mayor resigned on Monday",
	} {
		got := negatedClauses(text, claimtrail.Span{Start: 0, End: len(text)}).In(text)
		if got != want {
			t.Errorf("negatedClauses(%q) = %q, want %q", text, got, want)
		}
	}
}
