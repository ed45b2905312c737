package story

import (
	"testing"

	"github.com/claimtrail/claimtrail"
)

// TestSharedSurnameTwoOrigins: two people of one surname ("Ada Okafor", her
// brother "Obi Okafor") are two origins, and a bare "Okafor" joins the one
// its own article names, never making the two one.
func TestSharedSurnameTwoOrigins(t *testing.T) {
	person := func(name, article string) origin {
		return origin{key: name, article: article, src: claimtrail.Source{Name: name, Kind: claimtrail.KindPerson}}
	}
	for _, tc := range []struct {
		name  string
		found []origin
		// join lists the pairs (by index) that must share a key, apart the
		// pairs that must not.
		join, apart [][2]int
	}{
		{"bare surname in the article naming one of them",
			[]origin{person("Ada Okafor", "a1"), person("Obi Okafor", "a2"), person("Okafor", "a2")},
			[][2]int{{1, 2}}, [][2]int{{0, 1}, {0, 2}}},
		{"bare surname in an article naming neither",
			[]origin{person("Ada Okafor", "a1"), person("Obi Okafor", "a2"), person("Okafor", "a3")},
			nil, [][2]int{{0, 1}, {0, 2}, {1, 2}}},
		{"bare surname in an article naming both",
			[]origin{person("Ada Okafor", "a1"), person("Obi Okafor", "a1"), person("Okafor", "a1")},
			nil, [][2]int{{0, 1}, {0, 2}, {1, 2}}},
		{"one person by full name and surname",
			[]origin{person("Ada Okafor", "a1"), person("Okafor", "a2")},
			[][2]int{{0, 1}}, nil},
	} {
		got := sameParty(tc.found)
		for _, p := range tc.join {
			if got[p[0]].key != got[p[1]].key {
				t.Errorf("%s: %q and %q apart, want one origin", tc.name, got[p[0]].src.Name, got[p[1]].src.Name)
			}
		}
		for _, p := range tc.apart {
			if got[p[0]].key == got[p[1]].key {
				t.Errorf("%s: %q and %q one origin, want two", tc.name, got[p[0]].src.Name, got[p[1]].src.Name)
			}
		}
	}
}
