package link

import (
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail"
)

// TestReferents runs the examples of definite descriptions that refer back
// to a name of the article, and of those that do not.
func TestReferents(t *testing.T) {
	for _, tc := range []struct {
		text, content string
		want          string // the key of the entity referred to, "" for none
	}{
		{"Coastguards boarded the trawler Wenna Lys on Monday. The owner said the trawler had done nothing wrong.",
			"the trawler had done nothing wrong", "lys"},
		{"A Veska-3 rocket lifted off from Orlo on Friday. The agency said the rocket's first stage burned for two minutes.",
			"the rocket's first stage burned for two minutes", "veska3"},
		{"Colonel Ivo Brandt was seen in the capital. Witnesses said the colonel had left by car.",
			"the colonel had left by car", "brandt"},
		// No name beside the noun: nothing to resolve.
		{"Coastguards boarded the Wenna Lys on Monday. The owner said the trawler had done nothing wrong.",
			"the trawler had done nothing wrong", ""},
		// The description names its own thing: no description to resolve.
		{"Coastguards boarded the trawler Wenna Lys on Monday. The owner said the trawler Wenna Lys had done nothing wrong.",
			"the trawler Wenna Lys had done nothing wrong", ""},
	} {
		d := analyse(t, tc.text)
		start := strings.LastIndex(tc.text, tc.content)
		got := ""
		for _, e := range referents(d, claimtrail.Span{Start: start, End: start + len(tc.content)}) {
			got = e.Key
		}
		if got != tc.want {
			t.Errorf("%q: referent %q, want %q", tc.content, got, tc.want)
		}
	}
}

// TestDescriptionLinks checks that a statement describing what its article
// named joins the claim that names it.
func TestDescriptionLinks(t *testing.T) {
	claims := linkTexts(t,
		"The ferry Alba Sund ran aground off Kessholm on Sunday. The ferry was carrying 80 passengers when it ran aground off the island, the operator said.",
		"The Alba Sund was carrying 80 passengers when it ran aground off Kessholm, the coast guard said.",
	)
	if c := claimWith(claims, "carrying"); c == nil || !strings.Contains(articlesOf(c, claimtrail.Asserts), "a") || !strings.Contains(articlesOf(c, claimtrail.Asserts), "b") {
		t.Errorf("the description was not linked to the name: %q", texts(claims))
	}
}
