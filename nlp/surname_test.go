package nlp

import (
	"strings"
	"testing"
)

// TestSurnameParticles runs every example of the particle table: the full
// name and its surname alone share a key, and a bare last word of another
// family does not take it.
func TestSurnameParticles(t *testing.T) {
	for p, name := range surnameParticles {
		w := strings.Fields(name)
		start := surnameStart(w)
		if !strings.EqualFold(w[start], p) {
			t.Errorf("%q: surname starts at %q, want the particle %q", name, w[start], p)
			continue
		}
		surname := strings.Join(w[start:], " ")
		if PersonKey(name) != PersonKey(surname) {
			t.Errorf("%q keys %q, its surname %q keys %q", name, PersonKey(name), surname, PersonKey(surname))
		}
		if PersonKey(name) == PersonKey(w[len(w)-1]) {
			t.Errorf("%q shares its key with the bare %q", name, w[len(w)-1])
		}
	}
}

// TestPersonKeyWithoutParticle: names with no particle, and a particle that
// opens a longer name as a given name, key by the last word.
func TestPersonKeyWithoutParticle(t *testing.T) {
	for name, want := range map[string]string{
		"Idris Kamran":          "kamran",
		"Kamran":                "kamran",
		"Abu Karim al-Sarroufi": "alsarroufi",
		"Lena Horvat":           "horvat",
		"Mirela Van":            "van",
		"":                      "",
	} {
		if got := PersonKey(name); got != want {
			t.Errorf("PersonKey(%q) = %q, want %q", name, got, want)
		}
	}
}
