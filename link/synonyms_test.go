package link

import "testing"

// foldedHead is the head a core gives a one-word predicate: its link stem,
// folded by headFold.
func foldedHead(t *testing.T, word string) string {
	t.Helper()
	st := Stems(word)
	if len(st) != 1 {
		t.Fatalf("%q has stems %v", word, st)
	}
	if f, ok := headFold[st[0]]; ok {
		return f
	}
	return st[0]
}

// TestSynonymTable checks the embedded WordNet table as cores use it: it
// holds groups, its synonyms and event nouns fold together (through
// irregular pasts too), a hand group takes in the table group whose first
// stem it folds, and a doer stays apart from its act.
func TestSynonymTable(t *testing.T) {
	groups := map[string]bool{}
	for _, v := range tableSynonyms {
		groups[v] = true
	}
	if len(groups) < 100 {
		t.Fatalf("the synonym table has %d groups, want at least 100", len(groups))
	}
	for _, c := range []struct {
		a, b string
		same bool
	}{
		{"happened", "occurred", true},
		{"invaded", "invasion", true},
		{"began", "started", true},
		{"vanished", "disappeared", true},
		{"assailed", "attacked", true},
		{"investor", "invest", false},
		{"hunter", "hunted", false},
	} {
		if a, b := foldedHead(t, c.a), foldedHead(t, c.b); (a == b) != c.same {
			t.Errorf("%q folds to %q, %q to %q: same %v, want %v", c.a, a, c.b, b, a == b, c.same)
		}
	}
}

func TestParseSynonyms(t *testing.T) {
	m, p, a := parseSynonyms("# comment\nalpha\tbeta\tgamma\t# a=b\nlone\n\nphrase\tgive_way\tcollaps\t# give_way=collapse\nantonym\tlower\trais\t# lower!raise\n")
	if len(a) != 1 || a[0] != [2]string{"lower", "rais"} {
		t.Errorf("parseSynonyms antonyms = %v", a)
	}
	if len(m) != 2 || m["beta"] != "alpha" || m["gamma"] != "alpha" {
		t.Errorf("parseSynonyms groups = %v", m)
	}
	if len(p) != 1 || p["give_way"] != "collaps" {
		t.Errorf("parseSynonyms phrases = %v", p)
	}
}
