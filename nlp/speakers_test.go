package nlp

import (
	"strings"
	"testing"
)

// entityNamed returns the entity whose text is name, or nil.
func entityNamed(doc *Document, name string) *Entity {
	for i := range doc.Entities {
		if doc.Entities[i].Text == name {
			return &doc.Entities[i]
		}
	}
	return nil
}

func entityTexts(doc *Document) []string {
	var out []string
	for _, e := range doc.Entities {
		out = append(out, e.Text+"/"+string(e.Label))
	}
	return out
}

// TestTitleRules runs every title rule's examples: the person is found,
// with the title left out of the name, whatever the title's capitals.
func TestTitleRules(t *testing.T) {
	for _, r := range titleRules {
		if len(r.examples) == 0 {
			t.Errorf("title rule %q has no example", r.kind)
		}
		for text, person := range r.examples {
			doc := analyze(t, text)
			e := entityNamed(doc, person)
			if e == nil || e.Label != Person {
				t.Errorf("%s: %q: no person %q in %v", r.kind, text, person, entityTexts(doc))
			}
		}
	}
}

func TestTitlePhrase(t *testing.T) {
	g := DefaultGazetteer()
	for phrase, want := range map[string]bool{
		"Deputy mayor":           true,
		"The Transport Minister": true,
		"regional governor":      true,
		"MAYOR":                  true,
		"Adviser to the Prime Minister on Political Affairs": true,
		"the bridge":     false,
		"Officials said": false,
		"Deputy":         false, // a modifier with no head
	} {
		var toks []Token
		for _, w := range strings.Fields(phrase) {
			toks = append(toks, Token{Text: w})
		}
		if got := g.TitlePhrase(toks); got != want {
			t.Errorf("TitlePhrase(%q) = %v, want %v", phrase, got, want)
		}
	}
	if g.TitleGender("spokeswoman") != Female || g.TitleGender("MR") != Male || g.TitleGender("mayor") != Unknown {
		t.Error("title genders wrong")
	}
}

func TestOfficeIsNoPerson(t *testing.T) {
	doc := analyze(t, "The decision was taken by the Prime Minister on Monday.")
	for _, e := range doc.Entities {
		if e.Label == Person {
			t.Errorf("%q taken for a person", e.Text)
		}
	}
}

// TestOutletBehaviour runs the behaviour table's examples: the name that
// acts as an outlet is one, and so is its every other mention.
func TestOutletBehaviour(t *testing.T) {
	for _, b := range outletBehaviour {
		name := b.name
		if name == "" {
			name = strings.Join(strings.Fields(b.example)[:2], " ")
		}
		doc := analyze(t, b.example+". Later "+name+" said more.")
		n := 0
		for _, e := range doc.Entities {
			if e.Text == name {
				n++
				if e.Label != Outlet {
					t.Errorf("%q: %q labelled %s", b.example, name, e.Label)
				}
			}
		}
		if n != 2 {
			t.Errorf("%q: %d mentions of %q in %v, want 2", b.example, n, name, entityTexts(doc))
		}
	}
}

func TestOutletsFromDatelineAndSidecar(t *testing.T) {
	doc := analyze(t, "KESH CITY (Varo Wire) - The port reopened on Monday, officials said.")
	if e := entityNamed(doc, "Varo Wire"); e == nil || e.Label != Outlet {
		t.Errorf("dateline credit not an outlet: %v", entityTexts(doc))
	}
}

func TestNumberedNames(t *testing.T) {
	for text, want := range map[string]string{
		"NEWS 24 reported the fire.":              "NEWS 24",
		"TVR-News 24 reported the fire.":          "TVR-News 24",
		"The footage aired on Channel 4 at noon.": "Channel 4",
	} {
		doc := analyze(t, text)
		if e := entityNamed(doc, want); e == nil || e.Label != Outlet {
			t.Errorf("%q: no outlet %q in %v", text, want, entityTexts(doc))
		}
	}
	doc := analyze(t, "Varo Kesh 12 times refused.")
	if entityNamed(doc, "Varo Kesh 12") != nil {
		t.Error("a number after an ordinary name joined it")
	}
}

func TestBuiltOutlets(t *testing.T) {
	g := DefaultGazetteer()
	for _, name := range []string{"Daily Mail", "Guardian", "The Guardian", "Huffington Post", "Mashable", "BuzzFeed"} {
		if l, _, ok := g.Lookup(name); !ok || l != Outlet {
			t.Errorf("%q: label %q, want outlet", name, l)
		}
	}
	for _, name := range []string{"Boston", "Google", "Time", "People"} {
		if l, _, ok := g.Lookup(name); ok && l == Outlet {
			t.Errorf("%q taken for an outlet", name)
		}
	}
}

// TestOutletEditions: a listed outlet's name followed by the name of an
// edition or desk is that outlet's, not a person's; followed by a given
// name or a body's head word it is not.
func TestOutletEditions(t *testing.T) {
	for _, c := range []struct {
		text, name string
		want       Label
	}{
		{"Earlier, CNN Vardosk has confirmed that the ferry sank near the pier.", "CNN Vardosk", Outlet},
		{"In a statement, Reuters Mellanby Desk confirmed the figures on Monday.", "Reuters Mellanby Desk", Outlet},
		{"In a statement, CNN Foundation confirmed the grant on Monday.", "CNN Foundation", Organization},
	} {
		doc := analyze(t, c.text)
		if e := entityNamed(doc, c.name); e == nil || e.Label != c.want {
			t.Errorf("%q: %q labelled %v, want %s (entities %v)", c.text, c.name, e, c.want, entityTexts(doc))
		}
	}
}

// TestNoPersonByShape: two proper nouns are no person's name when the
// first is a place the lists know or the last is the head word of a body.
func TestNoPersonByShape(t *testing.T) {
	for _, c := range []struct{ text, name string }{
		{"Yesterday, Qatar Tonight said the convoy had turned back.", "Qatar Tonight"},
		{"Yesterday, Velsic State said the convoy had turned back.", "Velsic State"},
	} {
		doc := analyze(t, c.text)
		if e := entityNamed(doc, c.name); e == nil || e.Label == Person {
			t.Errorf("%q: %q labelled %v, want no person (entities %v)", c.text, c.name, e, entityTexts(doc))
		}
	}
}
