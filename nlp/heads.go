package nlp

import "strings"

// NameClass is what the head word of a name says it names: "Quellby
// Mining" is a company, "the Ombra River" a place, "Grisby Borough
// Council" a public body. Descriptions that refer back ("the company",
// "the council") are resolved to names of a compatible class.
type NameClass string

// Name classes.
const (
	ClassNone    NameClass = ""
	ClassCompany NameClass = "company" // a business: "Quellby Mining", "Larkmoor Airways"
	ClassAirline NameClass = "airline" // a company that flies: "Larkmoor Airways"
	ClassPublic  NameClass = "public"  // a public body: "Civil Aviation Authority"
	ClassBody    NameClass = "body"    // an association, charity or union: "Red Cross"
	ClassCampus  NameClass = "campus"  // a university, hospital or museum: "Wendrel University"
	ClassClub    NameClass = "club"    // a sports club: "Ashcombe United"
	ClassPlace   NameClass = "place"   // a street or river: "Ombra River", "Mill Lane"
	// ClassSite: a station, airport or building named after its place
	// ("Ayr Station", "Calden Airport"); it is keyed by that place's name,
	// so that "Calden Airport" and "the airport at Calden" meet.
	ClassSite NameClass = "site"
	// ClassOpening: a word that opens places' names ("Cape Varra", "Port
	// Hesk") but also ships' and firms' ("Port Star", "Cape Shipping"):
	// it keeps a name from being a person's, and gives it no label.
	ClassOpening NameClass = "opening"
)

// headRule is one group of head words and the class of the names they
// end (or, for "first", open), with example names. Names are matched in
// their own capitalisation, so "the mining industry" is no company: only
// a run of capitalised words is a name.
type headRule struct {
	class    NameClass
	first    bool   // the word opens the name ("Cape Varra", "Port Hesk")
	words    string // the head words, separated by spaces
	examples []string
}

// headRules list the head words of names by what they name. The head of a
// name is its last word, or the word before "of" ("University of Wexby",
// "Bank of Kesh"). The lists are English naming conventions, not names.
var headRules = []headRule{
	{class: ClassAirline, words: `Airways Airlines Air Aviation Airline`,
		examples: []string{"Larkmoor Airways", "Norland Airlines"}},
	{class: ClassCompany, words: `Mining Minerals Metals Steel Oil Gas Petroleum Energy Power Grid Water
Utilities Pharma Pharmaceuticals Biotech Therapeutics Labs Laboratories Foods Dairies Dairy Poultry Farms
Brewery Breweries Chemicals Tankers Shipping Terminals Logistics Freight Railways Airports Motors
Automotive Aerospace Space Analytics Markets Holdings Capital Partners Investments Securities Insurance
Bank Technologies Technology Tech Software Systems Solutions Networks Mobile Telecom Telecoms Industries
Manufacturing Engineering Construction Structures Developments Properties Resources Retail Stores
Supermarkets Hotels Quarrying Trading Consulting Publishing Brewing Farming Printing Banking Catering
Drilling Dredging Fisheries Packaging Haulage Recycling Housing Lending Group Company Co Corp Corporation Inc Ltd LLC PLC Plc`,
		examples: []string{"Quellby Mining", "Dravik Pharma", "Thalmos Tankers", "Ombrell Bank", "Norrow Mobile"}},
	{class: ClassPublic, words: `Ministry Department Agency Authority Commission Council Board Office Bureau
Inspectorate Regulator Directorate Secretariat Administration Government Cabinet Police Service Court
Tribunal Panel Parliament Assembly Senate Congress Guard Army Navy Command`,
		examples: []string{"Civil Aviation Authority", "Grisby Borough Council", "Independent Integrity Panel"}},
	{class: ClassBody, words: `Association Federation Union Foundation Trust Institute Society Alliance
Coalition Mission Cross Crescent Watch Fund Charity Network Forum League Movement Party Committee State`,
		examples: []string{"Teskan Red Cross", "Civic Count Watch", "Carrow Retail Federation", "Velsic State"}},
	{class: ClassCampus, words: `University College School Academy Hospital Clinic Museum Gallery Library
Theatre Theater Zoo`,
		examples: []string{"Wendrel University", "Callowan Museum", "University of Wexby"}},
	{class: ClassClub, words: `United Rovers Athletic Wanderers FC Club`,
		examples: []string{"Ashcombe United", "Grisby Rovers"}},
	{class: ClassPlace, words: `River Lane Street Road Avenue Square Bridge Valley Bay Island Islands
Mountains Hills Strait Gulf Sea Ocean Peninsula Province District`,
		examples: []string{"Ombra River", "Mill Lane", "Regent Square"}},
	{class: ClassSite, words: `Station Airport Stadium Harbour Harbor Pier Cathedral Mosque Prison`,
		examples: []string{"Ayrholm Station", "Calden Airport", "Ashcombe Stadium"}},
	{class: ClassOpening, first: true, words: `Port Cape Mount Lake Gulf Strait Fort`,
		examples: []string{"Cape Varra", "Port Hesk", "Mount Orsa"}},
}

// nameHeads indexes headRules: the last (or pre-"of") words and the first
// words of names, lower-cased, to their class.
type nameHeads struct {
	last, first map[string]NameClass
}

func newNameHeads() nameHeads {
	h := nameHeads{last: map[string]NameClass{}, first: map[string]NameClass{}}
	for _, r := range headRules {
		m := h.last
		if r.first {
			m = h.first
		}
		for _, w := range strings.Fields(r.words) {
			m[strings.ToLower(w)] = r.class
		}
	}
	return h
}

// classOf returns the class a name's head word gives it, or ClassNone. A
// single word is no name with a head: "Mining" alone names nothing.
func (h nameHeads) classOf(words []string) NameClass {
	if len(words) < 2 {
		return ClassNone
	}
	head := words[len(words)-1]
	for k := 1; k < len(words)-1; k++ {
		if words[k] == "of" {
			head = words[k-1] // "University of Wexby", "Bank of Kesh"
			break
		}
	}
	// The head decides first: "Port Vessing Authority" is a public body.
	if c := h.last[strings.ToLower(strings.TrimRight(head, ".,"))]; c != ClassNone {
		return c
	}
	return h.first[strings.ToLower(words[0])]
}

// NameClass returns the class the head word of name gives it:
// "Quellby Mining" is a company, "Grisby Borough Council" a public body.
func (g *Gazetteer) NameClass(name string) NameClass {
	return g.heads.classOf(strings.Fields(name))
}

// labelOf is the entity label of a name class, or "" when the class
// gives none.
func (c NameClass) labelOf() Label {
	switch c {
	case ClassNone:
		return ""
	case ClassOpening:
		return Other
	case ClassPlace, ClassSite:
		return Place
	}
	return Organization
}

// siteKey keys a site's name by the place it is named after: the name
// without its head word ("Ayr Station": "ayr"; "Airport of Calden":
// "calden"). The head is found as classOf finds it.
func siteKey(words []string, head NameClass) (string, bool) {
	if head != ClassSite || len(words) < 2 {
		return "", false
	}
	h := len(words) - 1
	for k := 1; k < len(words)-1; k++ {
		if words[k] == "of" {
			h = k - 1
			break
		}
	}
	var rest []string
	for k, w := range words {
		if lw := strings.ToLower(w); k != h && lw != "of" && lw != "the" {
			rest = append(rest, w)
		}
	}
	if len(rest) == 0 {
		return "", false
	}
	return Fold(strings.Join(rest, " ")), true
}
