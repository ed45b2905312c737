package story

import "testing"

// TestAsideKinds runs every example of the aside table, and checks that
// claims to check are not taken for asides.
func TestAsideKinds(t *testing.T) {
	for _, k := range asideKinds {
		if got := aside(k.example); got != k.name {
			t.Errorf("%q: aside %q, want %q", k.example, got, k.name)
		}
	}
	for _, claim := range []string{
		"The ferry sank off Portvale on Friday",
		"The minister said the bridge had failed an inspection in 2024",
		"Two crew members are missing",
		"The company has agreed to pay 40 percent less for the drug",
	} {
		if got := aside(claim); got != "" {
			t.Errorf("%q: aside %q, want a claim to check", claim, got)
		}
	}
}
