package nlp

import (
	_ "embed" // the outlet list built from public data
	"strings"
)

// builtOutlets is the list `claimtrail train outlets` builds from public
// data (Emergent's outlet domains, PolNeAR's publishers and credits, the
// names FNC-1 and PolNeAR texts give them). Each line is one outlet: its
// names, then the domains it was found from.
//
//go:embed outlets.txt
var builtOutlets string

// addBuiltOutlets files the names of the built list as outlets. Domains
// and publisher slugs ("www.nytimes.com", "huff-post") are not names a text
// writes, and are left out; "The Guardian" is also filed as "Guardian",
// since a name run never starts with "The".
func (g *Gazetteer) addBuiltOutlets() {
	for _, line := range strings.Split(builtOutlets, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		var names []string
		for _, n := range strings.Split(line, "|") {
			if strings.ContainsAny(n, ".") || strings.ToLower(n) == n {
				continue
			}
			names = append(names, n)
			if rest, ok := strings.CutPrefix(n, "The "); ok {
				names = append(names, rest)
			}
		}
		if len(names) > 0 {
			g.addList(strings.Join(names, "|"), Outlet)
		}
	}
}

// outletBehaviour lists what outlets do and people or bodies seldom do in
// news text, with examples: a name no list types that is found doing one
// of these is an outlet everywhere in the document.
var outletBehaviour = []struct {
	example string
	after   []string // words right after the name
	// before are the nouns right before the name that call it an
	// outlet ("the broadcaster Kanal Vost"); name is the example's name
	// when it is not the example's first two words.
	before []string
	name   string
}{
	{example: "NEWS 24 reported that the bridge was closed", after: []string{"reported", "reports", "reporting"}},
	{example: "Kestrel Daily published the letter on Monday", after: []string{"published", "publishes"}},
	{example: "Harbour Vision aired the footage", after: []string{"aired", "airs", "broadcast", "broadcasts", "televised"}},
	{example: "Harbour Vision first reported the leak", after: []string{"first"}}, // only before a reporting word: see behavesAsOutlet
	// A name said to be a broadcaster, a newspaper, a channel: "two
	// officials who spoke to the broadcaster Kanal Vost", "said on Kanal
	// Vost television".
	{example: "the minister told the broadcaster Kanal Vost", name: "Kanal Vost",
		before: []string{"broadcaster", "newspaper", "tabloid", "broadsheet", "channel", "magazine", "website", "daily", "weekly"}},
	{example: "Kanal Vost television aired the interview", after: []string{"television", "tv", "radio", "newspaper", "tabloid", "broadcaster"}},
}

// reportingAfterFirst are the verbs "first" may stand before in an outlet's
// behaviour ("first reported", "first published").
var reportingAfterFirst = map[string]bool{"reported": true, "published": true, "aired": true, "broadcast": true, "revealed": true}

// behavesAsOutlet reports whether the tokens after a name (toks[j:]) show
// it acting as an outlet.
func behavesAsOutlet(toks []Token, j int) bool {
	if j >= len(toks) {
		return false
	}
	w := strings.ToLower(toks[j].Text)
	for _, b := range outletBehaviour {
		for _, a := range b.after {
			if w != a {
				continue
			}
			if a == "first" {
				return j+1 < len(toks) && reportingAfterFirst[strings.ToLower(toks[j+1].Text)]
			}
			return true
		}
	}
	return false
}

// calledOutlet reports whether the noun right before a name starting at
// toks[i] calls it an outlet ("the broadcaster Kanal Vost").
func calledOutlet(toks []Token, i int) bool {
	if i < 1 {
		return false
	}
	w := strings.ToLower(toks[i-1].Text)
	for _, b := range outletBehaviour {
		for _, x := range b.before {
			if w == x {
				return true
			}
		}
	}
	return false
}

// datelineCredit reports whether toks[i:j] is the credit in brackets of a
// dateline: "LONDON (Reuters) -", "KESH CITY (NEWS 24) —" at the start of a
// paragraph's first sentence.
func datelineCredit(toks []Token, i, j int) bool {
	if i < 2 || j >= len(toks) || toks[i-1].Text != "(" || toks[j].Text != ")" {
		return false
	}
	for _, t := range toks[:i-1] {
		if strings.ToUpper(t.Text) != t.Text || strings.ToLower(t.Text) == t.Text && t.Text != "," {
			return false // the place of a dateline is written in capitals
		}
	}
	return true
}

// outletsByBehaviour relabels as outlets the entities whose name the
// document shows acting as an outlet (it reports, publishes, airs; it is
// the credit of a dateline), wherever else the name appears. Names the
// lists type as people or places, or that open with a given name, keep
// their label: "Sarah Lind reported" is a journalist. The article's own outlet (its sidecar's) is not
// relabelled here: attrib reads a mention of it as the article's own
// voice, where an outlet label would make it a cited one, the owner of the
// unnamed sources after it ("an official who shared the tally with
// <own outlet>").
func (g *Gazetteer) outletsByBehaviour(doc *Document, ents []Entity) {
	outlets := map[string]bool{}
	for k := range ents {
		e := &ents[k]
		if e.Label == Outlet || !g.relabelable(e) || opensWithPeople(e.Text) {
			continue
		}
		si := doc.SentenceAt(e.Start)
		if si < 0 {
			continue
		}
		toks := doc.SentenceTokens(si)
		i, j := tokenRange(toks, e.Start, e.End)
		if i < 0 {
			continue
		}
		if behavesAsOutlet(toks, j) || calledOutlet(toks, i) || datelineCredit(toks, i, j) {
			outlets[SourceKey(e.Text)] = true
		}
	}
	if len(outlets) == 0 {
		return
	}
	for k := range ents {
		if e := &ents[k]; e.Label != Outlet && outlets[SourceKey(e.Text)] && g.relabelable(e) {
			e.Label, e.Key = Outlet, Fold(e.Text)
		}
	}
}

// peopleGroups are nouns of groups of people that a capital at the
// opening of a sentence makes look like a name: "Residents of Varro
// reported shelling" are people who saw it, not an outlet, however they
// behave; "Witnesses reported two blasts".
var peopleGroups = map[string]bool{"residents": true, "witnesses": true, "villagers": true, "locals": true,
	"survivors": true, "farmers": true, "fishermen": true, "doctors": true, "nurses": true, "officials": true,
	"activists": true, "workers": true, "staff": true, "parents": true, "teachers": true, "students": true,
	"families": true, "relatives": true, "neighbours": true, "neighbors": true, "passengers": true,
	"patients": true, "police": true, "soldiers": true, "troops": true, "rescuers": true, "volunteers": true,
	"eyewitnesses": true, "protesters": true, "people": true, "citizens": true, "users": true, "shoppers": true}

// opensWithPeople reports whether a name opens with one of peopleGroups
// ("Residents of Varro"): a group of people, never an outlet.
func opensWithPeople(name string) bool {
	w := strings.Fields(name)
	return len(w) > 0 && peopleGroups[strings.ToLower(w[0])]
}

// relabelable reports whether behaviour may retype e: not when a list
// gives it a label, nor when it is a person by the shape of the name
// (a given name first).
func (g *Gazetteer) relabelable(e *Entity) bool {
	if _, _, known := g.Lookup(e.Text); known {
		return false
	}
	if e.Label == Person {
		if w := strings.Fields(e.Text); len(w) > 0 && g.given[strings.ToLower(w[0])] {
			return false
		}
	}
	return e.Label != Place
}

// tokenRange returns the indexes [i, j) of the tokens covering the byte
// span start–end, or -1, -1.
func tokenRange(toks []Token, start, end int) (int, int) {
	i := -1
	for k, t := range toks {
		if t.Start == start {
			i = k
		}
		if i >= 0 && t.End == end {
			return i, k + 1
		}
	}
	return -1, -1
}
