package nlp

import "strings"

// Gender is what a name, a title or a pronoun says about a person's
// gender, for resolving "he" and "she"; Unknown when it says nothing.
type Gender int

// Genders.
const (
	Unknown Gender = iota
	Male
	Female
)

// titleRule is one group of title words, matched in any capitalisation:
// "Deputy mayor Helga Brandvik", "the Transport Minister", "MAYOR ANNA
// BERG". Examples are sentences whose person the analysis must find, the
// title left out of the name; a test runs them.
type titleRule struct {
	kind     string
	words    string // the words, separated by spaces
	gender   Gender // what the title says of its holder
	examples map[string]string
}

// titleRules list the words that stand before a person's name. Offices
// and ranks are the heads of title phrases; modifiers and portfolios
// ("deputy", "transport") may stand before a head; "to the …" and "on …"
// may follow it ("Adviser to the Prime Minister on Political Affairs").
var titleRules = []titleRule{
	{kind: "honorific", words: "Mr Mr. Mister Sir Lord King Prince Father", gender: Male,
		examples: map[string]string{"Mr Tomas Vorne said the vote was fair.": "Tomas Vorne"}},
	{kind: "honorific", words: "Mrs Mrs. Ms Ms. Madam Dame Lady Queen Princess", gender: Female,
		examples: map[string]string{"Ms Oona Rask declined to comment.": "Oona Rask"}},
	{kind: "honorific", words: "Dr Dr. Prof Prof. Sheikh Pope Rabbi Imam Bishop Reverend Rev.",
		examples: map[string]string{"Dr Ilse Varn said the samples were clean.": "Ilse Varn"}},
	{kind: "spokesperson", words: "Spokesman", gender: Male,
		examples: map[string]string{"Spokesman Pell Andar said talks would resume.": "Pell Andar"}},
	{kind: "spokesperson", words: "Spokeswoman", gender: Female,
		examples: map[string]string{"Spokeswoman Runa Vick said talks would resume.": "Runa Vick"}},
	{kind: "rank", words: `General Gen. Gen Marshal Colonel Col. Major Maj. Captain Capt. Admiral
Lieutenant Lt. Sergeant Sgt. Corporal Commander Inspector Superintendent Detective Constable Officer`,
		examples: map[string]string{"Police Inspector Kalle Dunn said two men were held.": "Kalle Dunn"}},
	{kind: "office", words: `President Premier Minister Secretary Senator Sen. Representative Rep.
Governor Gov. Mayor Chief Adviser Advisor Ambassador Spokesperson Judge Justice Chancellor
Commissioner Director Councillor Councilor Alderman Professor Chairman Chairwoman Chairperson
Speaker Treasurer Prosecutor Auditor Ombudsman Envoy Consul`,
		examples: map[string]string{
			"Deputy mayor Helga Brandvik did not deny the report.":                      "Helga Brandvik",
			"The Transport Minister Ivo Lind said fares would rise.":                    "Ivo Lind",
			"TRANSPORT MINISTER Ivo Lind said fares would rise.":                        "Ivo Lind",
			"Regional governor Maret Sild said the road was closed.":                    "Maret Sild",
			"Adviser to the Prime Minister on Political Affairs Ravi Tamm said it was.": "Ravi Tamm",
		}},
	{kind: "modifier", words: `Deputy Vice Acting Assistant Associate Chief Senior Junior Former Interim
Prime First Executive Principal Regional State Federal National Foreign Finance Health Interior
Defence Defense Transport Education Justice Home Trade Energy Environment Information Police Army
Fire Harbour Harbor Port City County District Provincial Municipal Managing General`,
		examples: map[string]string{"Acting fire chief Rhea Tamsin said the blaze was contained.": "Rhea Tamsin"}},
}

// titleWords indexes the title rules: each word, lower-cased, to its
// kind and gender.
type titleWords struct {
	kind   map[string]string
	gender map[string]Gender
}

func newTitleWords() titleWords {
	t := titleWords{kind: map[string]string{}, gender: map[string]Gender{}}
	for _, r := range titleRules {
		for _, w := range strings.Fields(r.words) {
			w = strings.ToLower(w)
			if _, dup := t.kind[w]; !dup || r.kind != "modifier" {
				t.kind[w] = r.kind
			}
			if r.gender != Unknown {
				t.gender[w] = r.gender
			}
		}
	}
	return t
}

// heads returns the words that stand directly before a name and are cut
// off it ("General Idris Kamran" is Idris Kamran): the heads of title phrases,
// and "Deputy", "Vice" and "Prime", which only ever open one. Other
// modifiers ("National", "State") also begin names ("National Post").
func (t titleWords) heads() map[string]bool {
	m := map[string]bool{"deputy": true, "vice": true, "prime": true}
	for w, k := range t.kind {
		if k != "modifier" {
			m[w] = true
		}
	}
	return m
}

// isHead reports whether w, in any capitalisation, heads a title phrase
// (an office, rank, honorific or spokesperson).
func (t titleWords) isHead(w string) bool {
	k := t.kind[strings.ToLower(w)]
	return k != "" && k != "modifier"
}

// IsTitle reports whether word, in any capitalisation, is a title or a
// word of one ("mayor", "Deputy", "MINISTER").
func (g *Gazetteer) IsTitle(word string) bool { return g.titleWords.kind[strings.ToLower(word)] != "" }

// TitleGender returns what the title word says of its holder's gender.
func (g *Gazetteer) TitleGender(word string) Gender {
	return g.titleWords.gender[strings.ToLower(word)]
}

// TitlePhrase reports whether toks, all of them, form a title phrase that
// may stand before a name: modifiers, portfolios and a head in any
// capitalisation ("Deputy mayor", "The Transport Minister", "regional
// governor"), with "to the …", "of …", "on …" and "for …" complements
// ("Adviser to the Prime Minister on Political Affairs").
func (g *Gazetteer) TitlePhrase(toks []Token) bool {
	head := false
	for k, t := range toks {
		w := strings.ToLower(t.Text)
		switch {
		case g.titleWords.isHead(w):
			head = true
		case g.titleWords.kind[w] == "modifier":
		case k == 0 && w == "the":
		case head && (w == "to" || w == "the" || w == "of" || w == "on" || w == "for" || w == "and"):
		case capitalised(t.Text) && !g.stop[w]:
			// a portfolio: "Transport", "Political Affairs"
		default:
			return false
		}
	}
	return head
}

// portfolioName finds the name at the end of a run that follows a title
// phrase's "on", "for" or "of" ("Adviser to the Prime Minister on
// Political Affairs Ravi Tamm"): the run is the portfolio, then the name.
// It returns where the name starts, or i when the run does not follow such
// a phrase. The name is the run from its first given name, or its last
// two words.
func (g *Gazetteer) portfolioName(toks []Token, i, j int) int {
	if i < 2 || j-i < 3 {
		return i
	}
	switch strings.ToLower(toks[i-1].Text) {
	case "on", "for", "of":
	default:
		return i
	}
	if !g.titleWords.isHead(toks[i-2].Text) {
		return i
	}
	for k := i + 1; k < j-1; k++ {
		if g.given[strings.ToLower(toks[k].Text)] {
			return k
		}
	}
	return j - 2
}

// allTitles reports whether every token of toks is a title word: "Prime
// Minister" names an office, not a person.
func (g *Gazetteer) allTitles(toks []Token) bool {
	for _, t := range toks {
		if g.titleWords.kind[strings.ToLower(t.Text)] == "" {
			return false
		}
	}
	return len(toks) > 0
}

// Given names by the gender they usually mark, for "he" and "she"; names
// used for both (Jordan, Jean, Ali) are in neither list. Lower-case.
var (
	maleGiven = wordSet(`john james robert michael william david richard joseph thomas charles daniel matthew
anthony mark donald steven paul andrew joshua kenneth kevin brian george edward ronald timothy jason
jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin scott brandon benjamin samuel frank
gregory raymond alexander patrick jack dennis jerry tyler aaron jose henry adam douglas nathan peter
zachary kyle walter harold jeremy ethan carl keith roger gerald christian sean arthur austin noah
lawrence jesse joe bryan billy albert dylan bruce willie gabriel alan juan logan wayne ralph roy eugene
randy vincent russell louis philip phil bobby johnny bradley bill barack mike mitch chris tom tim jim ted josh
hillary_not muhammad mohammad mohammed ahmed ahmad hassan hussain imran shehbaz nawaz bilawal ishaq asif
omar umar abdul abdullah tariq khalid faisal usman bilal zahid rahul amit raj narendra arvind vladimir
emmanuel olaf recep yair naftali ismail yahya mahmoud reince newt rudy marco rand jeb bernie hans ivan
lars sven erik jan piotr tomas pablo carlos luis miguel diego ahmet mustafa`)
	femaleGiven = wordSet(`mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa
betty margaret sandra ashley kimberly emily donna michelle dorothy carol amanda melissa deborah
stephanie rebecca sharon laura cynthia kathleen amy shirley angela helen anna brenda pamela nicole emma
samantha katherine christine debra rachel catherine carolyn janet ruth maria heather diane virginia julie
joyce victoria olivia kelly christina lauren joan evelyn judith megan cheryl andrea hannah martha
jacqueline frances gloria ann teresa kathryn sara janice alice madison maryam priya sonia hillary
melania melanie ivanka chelsea kellyanne huma loretta elizabeth nikki sarah theresa marine ursula
helga ingrid astrid greta ana lucia sofia fatima aisha`)
)

// NameGender returns the gender a person's name marks by its given name
// (its first word), or Unknown.
func (g *Gazetteer) NameGender(name string) Gender {
	w := strings.Fields(name)
	if len(w) < 2 {
		return Unknown // a surname alone says nothing
	}
	first := strings.ToLower(strings.Trim(w[0], "."))
	switch {
	case maleGiven[first]:
		return Male
	case femaleGiven[first]:
		return Female
	}
	return Unknown
}
