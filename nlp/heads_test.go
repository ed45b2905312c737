package nlp

import "testing"

// TestHeadRules runs every head rule's examples: the name alone in a
// sentence gets the rule's class and the label that class gives.
func TestHeadRules(t *testing.T) {
	g := DefaultGazetteer()
	for _, r := range headRules {
		if len(r.examples) == 0 {
			t.Errorf("head rule %q (%s) has no example", r.words[:12], r.class)
		}
		for _, name := range r.examples {
			if c := g.NameClass(name); c != r.class {
				t.Errorf("NameClass(%q) = %q, want %q", name, c, r.class)
			}
			if r.class.labelOf() == "" {
				continue
			}
			doc := analyze(t, "On Monday the reporters met "+name+" at noon.")
			e := entityNamed(doc, name)
			if e == nil || e.Label != r.class.labelOf() {
				t.Errorf("%q: want %s %q in %v", name, r.class.labelOf(), name, entityTexts(doc))
			}
		}
	}
}

// TestBodyKeepsItsTitles: title words inside a body's name stay in it.
func TestBodyKeepsItsTitles(t *testing.T) {
	for _, name := range []string{"Orsk General Hospital", "Kesh Regional Transport Authority"} {
		doc := analyze(t, "On Monday the reporters met "+name+" at noon.")
		if e := entityNamed(doc, name); e == nil || e.Label != Organization {
			t.Errorf("%q: %v", name, entityTexts(doc))
		}
	}
}

// TestHeadNotName: a head word alone, or after a given name, makes no
// organisation.
func TestHeadNotName(t *testing.T) {
	g := DefaultGazetteer()
	if c := g.NameClass("Mining"); c != ClassNone {
		t.Errorf("NameClass(Mining) = %q", c)
	}
	if c := g.NameClass("Port Vessing Authority"); c != ClassPublic {
		t.Errorf("NameClass(Port Vessing Authority) = %q, want the head's class", c)
	}
	doc := analyze(t, "On Monday the reporters met Anna Power at noon.")
	if e := entityNamed(doc, "Anna Power"); e == nil || e.Label != Person {
		t.Errorf("Anna Power: %v", entityTexts(doc))
	}
}

// TestPluralPossessiveBody: an apostrophe of a plural joins a body's name
// only before the body's head word.
func TestPluralPossessiveBody(t *testing.T) {
	doc := analyze(t, "The Dock Workers' Union called a strike, and the Farmers' Anna Berg spoke.")
	if e := entityNamed(doc, "Dock Workers' Union"); e == nil || e.Label != Organization {
		t.Errorf("no union in %v", entityTexts(doc))
	}
	if e := entityNamed(doc, "Farmers' Anna Berg"); e != nil {
		t.Errorf("joined a person: %v", entityTexts(doc))
	}
}

// TestOrgBehaviour runs the behaviour table's examples: the name that acts
// as an organisation is one, and so is its every other mention.
func TestOrgBehaviour(t *testing.T) {
	names := []string{"Riverkeep Orla", "Juniper Table", "Orlan Vasse", "Orlan Vasse"}
	for k, b := range orgBehaviour {
		doc := analyze(t, "On Monday "+names[k]+" met the press. Later "+b.example+".")
		n := 0
		for _, e := range doc.Entities {
			if e.Text == names[k] {
				n++
				if e.Label != Organization {
					t.Errorf("%q: %q is %s", b.example, e.Text, e.Label)
				}
			}
		}
		if n != 2 {
			t.Errorf("%q: %d mentions of %q in %v", b.example, n, names[k], entityTexts(doc))
		}
	}
	// People keep their label: a given name opens the name.
	doc := analyze(t, "Anna Vasse would lose its vote, the party said.")
	if e := entityNamed(doc, "Anna Vasse"); e == nil || e.Label != Person {
		t.Errorf("Anna Vasse: %v", entityTexts(doc))
	}
}

// TestSiteKeyedByPlace: a site named after a place is keyed by the place,
// so that it meets the place's own mentions.
func TestSiteKeyedByPlace(t *testing.T) {
	doc := analyze(t, "The dog was left at Ayrholm Station on Friday. Staff in Ayrholm found him. "+
		"Flights left Calden Airport late, and the Airport of Orvel closed.")
	want := map[string]string{"Ayrholm Station": "ayrholm", "Ayrholm": "ayrholm", "Calden Airport": "calden", "Airport of Orvel": "orvel"}
	for name, key := range want {
		e := entityNamed(doc, name)
		if e == nil || e.Key != key || e.Label != Place && name != "Ayrholm" {
			t.Errorf("%q: got %+v, want place keyed %q (entities %v)", name, e, key, entityTexts(doc))
		}
	}
}
