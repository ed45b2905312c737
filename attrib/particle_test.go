package attrib

import (
	"context"
	"testing"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/nlp"
)

// TestParticleSurnameIsThePerson: a surname of two words with a particle
// ("Mr Abou Sarrouf"), written after the full name, is the person named in
// full, not a second source.
func TestParticleSurnameIsThePerson(t *testing.T) {
	an, err := nlp.NewAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ text, want string }{
		{"The convoy crossed the pass at night, said Karim Abou Sarrouf, an analyst at the Tarsen Institute in Velmora.\n\n" +
			"\"They moved only in the dark,\" Mr Abou Sarrouf said.", "Karim Abou Sarrouf"},
		{"The dam will hold through the spring, said Pieter van Brakel, an engineer with the Orvel water board.\n\n" +
			"\"The cracks are old,\" Mr van Brakel said.", "Pieter van Brakel"},
	} {
		doc, err := an.Analyze(context.Background(), &claimtrail.Article{Text: tc.text, Outlet: "Test Wire"})
		if err != nil {
			t.Fatal(err)
		}
		sts := New().Extract(doc)
		if len(sts) < 2 {
			t.Fatalf("%d statements, want 2", len(sts))
		}
		for _, st := range sts {
			if sp := st.Speaker(); sp.Name != tc.want {
				t.Errorf("%q: speaker %q, want %q", st.Content.In(tc.text), sp.Name, tc.want)
			}
		}
	}
}
