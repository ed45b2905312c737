package nlp

import "strings"

// orgBehaviour lists what organisations do and people seldom do in news
// text, with examples: a name no list or head word types that is found
// doing one of these is an organisation everywhere in the document.
var orgBehaviour = []struct {
	example string
	before  []string // the noun right before the name
	after   []string // the noun right after the name
	owned   []string // what the name owns, after "'s"
}{
	{example: "the campaign group Riverkeep Orla said the water was grey",
		before: []string{"group", "company", "firm", "charity", "airline", "carrier", "operator", "insurer", "lender",
			"retailer", "producer", "manufacturer", "maker", "supplier", "developer", "utility", "consortium", "organisation",
			"organization", "foundation", "association", "restaurant", "party", "club", "union", "movement", "startup"}},
	{example: "diners at the Juniper Table restaurant fell ill",
		after: []string{"restaurant", "party", "company", "group", "firm", "chain", "brand", "club", "charity", "campaign",
			"movement", "consortium", "airline"}},
	{example: "Orlan Vasse's shares fell 7 percent",
		owned: []string{"shares", "shareholders", "headquarters", "employees", "subsidiary", "subsidiaries", "stores",
			"factory", "factories", "plant", "plants", "customers", "chief executive", "board", "products"}},
	{example: "Orlan Vasse would lose its majority", after: []string{"its"}}, // only after verbs: see behavesAsOrg
}

// behavesAsOrg reports whether the tokens around a name (toks[i:j]) show
// it acting as an organisation.
func behavesAsOrg(toks []Token, i, j int) bool {
	low := func(k int) string { return strings.ToLower(toks[k].Text) }
	if i >= 1 && hasWord(orgBehaviour[0].before, low(i-1)) {
		return true
	}
	if j < len(toks) && hasWord(orgBehaviour[1].after, low(j)) && i >= 1 && low(i-1) == "the" {
		return true
	}
	if j+1 < len(toks) && (toks[j].Text == "'s" || toks[j].Text == "’s") {
		next := low(j + 1)
		if j+2 < len(toks) {
			next2 := next + " " + low(j+2)
			if hasWord(orgBehaviour[2].owned, next2) {
				return true
			}
		}
		if hasWord(orgBehaviour[2].owned, next) {
			return true
		}
	}
	// "X would lose its …": up to three verbs between the name and "its".
	for k := j; k < len(toks) && k < j+4; k++ {
		if low(k) == "its" {
			return k > j
		}
		if tag := toks[k].Tag; tag == "" || !strings.HasPrefix(tag, "VB") && tag != "MD" && tag != "RB" {
			return false
		}
	}
	return false
}

func hasWord(list []string, w string) bool {
	for _, x := range list {
		if x == w {
			return true
		}
	}
	return false
}

// orgsByBehaviour relabels as organisations the entities whose name the
// document shows acting as one (behavesAsOrg), wherever else the name
// appears. Names that open with a given name keep their label (they are
// people: relabelable), and so do outlets and places.
func (g *Gazetteer) orgsByBehaviour(doc *Document, ents []Entity) {
	orgs := map[string]bool{}
	for k := range ents {
		e := &ents[k]
		if !g.orgRelabelable(e) {
			continue
		}
		si := doc.SentenceAt(e.Start)
		if si < 0 {
			continue
		}
		toks := doc.SentenceTokens(si)
		if i, j := tokenRange(toks, e.Start, e.End); i >= 0 && behavesAsOrg(toks, i, j) {
			orgs[SourceKey(e.Text)] = true
		}
	}
	if len(orgs) == 0 {
		return
	}
	// The key stays: the name is keyed alike in the articles where it shows
	// no such behaviour, and stories and claims are joined by keys.
	for k := range ents {
		if e := &ents[k]; orgs[SourceKey(e.Text)] && g.orgRelabelable(e) {
			e.Label = Organization
		}
	}
}

// orgRelabelable reports whether behaviour may make e an organisation: a
// name no list knows, typed a person by shape (not a given name first) or
// not typed at all.
func (g *Gazetteer) orgRelabelable(e *Entity) bool {
	return (e.Label == Person || e.Label == Other) && g.relabelable(e)
}
