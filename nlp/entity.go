package nlp

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/claimtrail/claimtrail"
)

// Label is the kind of thing an entity names.
type Label string

// Entity labels.
const (
	Person       Label = "person"
	Organization Label = "organization"
	Place        Label = "place"
	Outlet       Label = "outlet"
	Other        Label = "other" // a proper name no rule or list could type
)

// Entity is a proper name in the text.
type Entity struct {
	claimtrail.Span
	Text  string
	Label Label
	// Key identifies what the entity names across articles: "TVR-News 24"
	// and "TVR-News24" share the key "tvrnews24"; "Islamabad" and
	// "Pakistani" share "pakistan"; a person's key is the surname.
	Key string
}

// Gazetteer holds the name lists entities are labelled and keyed with.
type Gazetteer struct {
	labels     map[string]Label  // folded name → label
	aliases    map[string]string // folded name → canonical key
	titles     map[string]bool   // words cut off the start of a person's name (titleWords.heads)
	titleWords titleWords        // the title rules, for title phrases and gender
	given      map[string]bool   // common given names
	orgEnds    map[string]bool   // last words that make a name an organisation
	outWord    map[string]bool   // words that make a name an outlet
	stop       map[string]bool   // capitalised function words that never start a name
	heads      nameHeads         // head words that give a name its class (headRules)
}

// DefaultGazetteer returns the built-in name lists. They are parsed once and
// never modified, so the Gazetteer is safe to share.
func DefaultGazetteer() *Gazetteer { return defaultGazetteer() }

// givenWords are the given names that make a run of capitals a person's
// name: givenNames and the given names that mark a gender (maleGiven,
// femaleGiven), so that a name whose pronoun the lists know ("Astrid
// Solvik", "she") is a person to the entity guesser too ("Ferry operator
// Astrid Solvik" is no operator company). givenNotAlone are left out: as
// the first word of a name they open bodies as often as people.
func givenWords() map[string]bool {
	m := wordSet(givenNames)
	for _, l := range []map[string]bool{maleGiven, femaleGiven} {
		for w := range l {
			if !givenNotAlone[w] {
				m[w] = true
			}
		}
	}
	return m
}

// givenNotAlone are given names that open the names of bodies, places and
// teams as often ("Marine Corps", "Chelsea Football Club", "Bill C-51",
// "Virginia Tech").
var givenNotAlone = wordSet(`marine chelsea bill will mark frank victoria virginia madison austin
jordan christian georgia carolina florence hillary_not`)

var defaultGazetteer = sync.OnceValue(func() *Gazetteer {
	tw := newTitleWords()
	g := &Gazetteer{
		labels:     map[string]Label{},
		aliases:    map[string]string{},
		titles:     tw.heads(),
		titleWords: tw,
		given:      givenWords(),
		orgEnds:    wordSet(organizationEnds),
		outWord:    wordSet(outletWords),
		stop:       wordSet(capitalisedStopwords),
		heads:      newNameHeads(),
	}
	g.addBuiltOutlets() // first: the lists below, written by hand, win
	g.addList(outletNames, Outlet)
	g.addList(organizationNames, Organization)
	g.addList(placeNames, Place)
	g.addList(personNames, Person)
	return g
})

// addList reads lines of "Name | alias | alias" and files each under label,
// keyed by the first name's fold.
func (g *Gazetteer) addList(list string, label Label) {
	for _, line := range strings.Split(list, "\n") {
		names := strings.Split(line, "|")
		key := Fold(names[0])
		if key == "" {
			continue
		}
		for _, n := range names {
			f := Fold(n)
			g.labels[f] = label
			g.aliases[f] = key
		}
	}
}

func wordSet(list string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(list) {
		m[strings.ToLower(w)] = true
	}
	return m
}

// Fold reduces a name to the letters and digits that identify it, lower-cased:
// "TVR-News 24" → "tvrnews24", "U.S." → "us".
func Fold(name string) string {
	var b strings.Builder
	for _, r := range name {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// SourceKey identifies a source by name across chains and articles: the
// fold of the name without a leading "the", so that "The Capital Ledger"
// and "Capital Ledger", "TVR-News 24" and "TVR-News24" are one source.
func SourceKey(name string) string {
	f := Fold(name)
	if len(f) > 3 && strings.HasPrefix(strings.ToLower(strings.TrimSpace(name)), "the ") {
		f = f[3:]
	}
	return f
}

// Lookup returns the label and key the lists give a name, if any.
func (g *Gazetteer) Lookup(name string) (Label, string, bool) {
	f := Fold(name)
	l, ok := g.labels[f]
	if !ok {
		return "", "", false
	}
	return l, g.aliases[f], true
}

// entities finds runs of capitalised tokens in each sentence and labels them.
func (g *Gazetteer) entities(doc *Document, words docWords) []Entity {
	var out []Entity
	for si := range doc.Sentences {
		toks := doc.SentenceTokens(si)
		tagged := doc.Sentences[si].Tagged
		for i := 0; i < len(toks); {
			j := g.nameRun(toks, i)
			if j == i {
				i++
				continue
			}
			if e, ok := g.label(doc, toks, i, j, tagged, words); ok {
				out = append(out, e)
			}
			i = j
		}
	}
	g.outletsByBehaviour(doc, out)
	g.orgsByBehaviour(doc, out)
	return out
}

// nameRun returns the end of the run of name tokens starting at i (i when
// none starts there). Lower-case connectors ("of", "for", "and", "the") may
// join capitalised words inside a run.
func (g *Gazetteer) nameRun(toks []Token, i int) int {
	if i > 0 && g.titles[strings.ToLower(toks[i-1].Text)] && !capitalised(toks[i].Text) {
		return g.particleSurname(toks, i) // "van Brakel" in "Mr van Brakel"
	}
	if !capitalised(toks[i].Text) || g.stop[strings.ToLower(toks[i].Text)] && !weekdayTitle(toks, i) {
		return i
	}
	j := i + 1
	for j < len(toks) {
		t := toks[j].Text
		if capitalised(t) && !g.stop[strings.ToLower(t)] && adjacent(toks[j-1], toks[j]) {
			j++
			continue
		}
		if k := g.particleSurname(toks, j); k > j {
			j = k // "Pieter van Brakel", "Greta von der Albrecht"
			continue
		}
		if g.pluralPossessiveBody(toks, j) {
			j += 2 // "Carrow Shipowners' Association"
			continue
		}
		if numberedName(toks[j-1], toks[j], g.outWord) {
			j++ // "TVR-News 24", "NEWS 24", "Channel 4"
			continue
		}
		if (t == "of" || t == "for" || t == "and" || t == "&") && j+1 < len(toks) && capitalised(toks[j+1].Text) &&
			!g.stop[strings.ToLower(toks[j+1].Text)] && t != "and" {
			j += 2
			continue
		}
		break
	}
	return j
}

// weekdayNames open a newspaper's name after "the": "The Sunday Bellow".
var weekdayNames = map[string]bool{"monday": true, "tuesday": true, "wednesday": true, "thursday": true,
	"friday": true, "saturday": true, "sunday": true}

// weekdayTitle reports whether toks[i], a weekday, opens a name: after
// "the" and before a capitalised word ("The Sunday Bellow reported"), not
// a time ("on Sunday Marrek said", "the Sunday before").
func weekdayTitle(toks []Token, i int) bool {
	if i < 1 || i+1 >= len(toks) || !weekdayNames[strings.ToLower(toks[i].Text)] || strings.ToLower(toks[i-1].Text) != "the" {
		return false
	}
	return capitalised(toks[i+1].Text) && adjacent(toks[i], toks[i+1])
}

// particleSurname returns the end of a surname's lower-case particles and
// the capitalised word after them, starting at toks[j] ("van Brakel" in
// "Pieter van Brakel"), or j. A word the lists know after the particles is
// a name of its own ("Tour de France" keeps France).
func (g *Gazetteer) particleSurname(toks []Token, j int) int {
	k := j
	for k < len(toks) && surnameParticles[toks[k].Text] != "" && adjacent(toks[k-1], toks[k]) {
		k++
	}
	if k == j || k >= len(toks) || !capitalised(toks[k].Text) || g.stop[strings.ToLower(toks[k].Text)] ||
		!adjacent(toks[k-1], toks[k]) {
		return j
	}
	if _, _, known := g.Lookup(toks[k].Text); known {
		return j
	}
	return k + 1
}

// pluralPossessiveBody reports whether toks[j] is the apostrophe of a
// plural possessive inside a body's name, followed by the body's head
// word: "Carrow Shipowners' Association", "Dock Workers' Union".
func (g *Gazetteer) pluralPossessiveBody(toks []Token, j int) bool {
	if j+1 >= len(toks) || toks[j].Text != "'" && toks[j].Text != "’" || !adjacent(toks[j-1], toks[j]) {
		return false
	}
	prev, next := toks[j-1].Text, toks[j+1].Text
	c := g.heads.last[strings.ToLower(next)]
	return strings.HasSuffix(prev, "s") && capitalised(prev) && capitalised(next) && c != ClassNone && c != ClassPlace && c != ClassSite
}

// numberedName reports whether the number num continues the name ending
// with prev: a short number (up to three digits, so not a year) after a
// hyphenated word ("TVR-News 24"), a word in capitals ("NEWS 24", "KTV
// 5") or an outlet word ("Channel 4"). After other words a number is not
// part of the name: "Reuters 5 days ago", "Paris 2024".
func numberedName(prev, num Token, outWords map[string]bool) bool {
	if !isDigits(num.Text) || len(num.Text) > 3 || !adjacent(prev, num) {
		return false
	}
	p := prev.Text
	letters := strings.TrimFunc(p, func(r rune) bool { return !unicode.IsLetter(r) })
	return strings.Contains(p, "-") && capitalised(p) ||
		len(letters) >= 2 && strings.ToUpper(letters) == letters ||
		outWords[strings.ToLower(p)] || strings.EqualFold(p, "news")
}

// adjacent reports whether only spaces separate two tokens.
func adjacent(a, b Token) bool { return b.Start-a.End <= 1 }

// label types the name toks[i:j] and builds its entity. A sentence-initial
// single word is kept only when a list knows it or the tagger calls it a
// proper noun, since any word starts a sentence with a capital.
func (g *Gazetteer) label(doc *Document, toks []Token, i, j int, tagged bool, words docWords) (Entity, bool) {
	if j-i > 1 && g.allTitles(toks[i:j]) {
		return Entity{}, false // "Prime Minister": an office, not a name
	}
	titled := false
	if !g.bodyName(toks, i, j) {
		i, titled = g.trimTitles(toks, i, j)
	}
	if e, ok := g.knownTail(doc, toks, i, j); ok {
		return e, true
	}
	span := claimtrail.Span{Start: toks[i].Start, End: toks[j-1].End}
	text := span.In(doc.Text())
	e := Entity{Span: span, Text: text}
	if l, key, ok := g.Lookup(text); ok {
		e.Label, e.Key = l, key
		return e, true
	}
	if j-i == 1 && opensSentence(toks, i) && !(tagged && (toks[i].Tag == "NNP" || toks[i].Tag == "NNPS")) && !words.mid[toks[i].Text] {
		return e, false
	}
	e.Label, e.Key = g.guess(toks, i, j, text, titled, tagged, words.lower)
	return e, true
}

// opensSentence reports whether toks[i] is the sentence's first word: only
// opening quotation marks, brackets or dashes come before it. A quotation
// opening a sentence ("\"Unfortunately they could not …") capitalises its
// first word as the sentence does, so it is no more a sign of a name.
func opensSentence(toks []Token, i int) bool {
	for _, t := range toks[:i] {
		if strings.IndexFunc(t.Text, unicode.IsLetter) >= 0 || strings.IndexFunc(t.Text, unicode.IsDigit) >= 0 {
			return false
		}
	}
	return true
}

// bodyName reports whether the run toks[i:j] ends with the head word of
// a body's name: its title words are part of the name ("Ostmere General
// Hospital", "Regional Transport Authority"), not a person's titles.
func (g *Gazetteer) bodyName(toks []Token, i, j int) bool {
	if j-i < 2 {
		return false
	}
	words := make([]string, 0, j-i)
	for _, t := range toks[i:j] {
		words = append(words, t.Text)
	}
	c := g.heads.classOf(words)
	return c != ClassNone && c != ClassPlace && c != ClassSite && c != ClassOpening
}

// trimTitles moves the start of the name toks[i:j] past the titles that
// belong to its context, and reports whether it found one.
func (g *Gazetteer) trimTitles(toks []Token, i, j int) (int, bool) {
	// After a title phrase's "on", the run is a portfolio and then the name:
	// "Adviser to the Prime Minister on Political Affairs Ravi Tamm".
	if k := g.portfolioName(toks, i, j); k > i {
		return k, true
	}
	// A leading title belongs to the context, not the name: "General Idris Kamran".
	titled := false
	for i < j-1 && g.titles[strings.ToLower(toks[i].Text)] {
		titled = true
		i++
	}
	// A title inside the run ends a description: "Auditor General Joost Osk"
	// is Joost Osk.
	for k := j - 2; k > i; k-- {
		if g.titles[strings.ToLower(toks[k].Text)] {
			if n := j - k - 1; n >= 1 && n <= 3 && allProper(toks[k+1:j], false) {
				i, titled = k+1, true
			}
			break
		}
	}
	return i, titled
}

// knownTail finds a known person's name at the end of a longer run the
// lists do not know as a whole: the name; the rest is a description
// ("Political Affairs Omar Qasemi").
func (g *Gazetteer) knownTail(doc *Document, toks []Token, i, j int) (Entity, bool) {
	whole := claimtrail.Span{Start: toks[i].Start, End: toks[j-1].End}
	if _, _, known := g.Lookup(whole.In(doc.Text())); known {
		return Entity{}, false
	}
	for k := i + 1; k < j; k++ {
		sub := claimtrail.Span{Start: toks[k].Start, End: toks[j-1].End}
		if l, key, ok := g.Lookup(sub.In(doc.Text())); ok && l == Person {
			return Entity{Span: sub, Text: sub.In(doc.Text()), Label: l, Key: key}, true
		}
	}
	return Entity{}, false
}

// guess labels a name no list knows by its words (outlet and organisation
// words, titles, given names, shape) and keys it.
func (g *Gazetteer) guess(toks []Token, i, j int, text string, titled, tagged bool, lower map[string]bool) (Label, string) {
	words := strings.Fields(text)
	last := strings.ToLower(words[len(words)-1])
	switch {
	case g.outletEdition(words):
		return Outlet, Fold(text)
	case anyWord(words, g.outWord) || strings.Contains(strings.ToLower(text), "news"):
		return Outlet, Fold(text)
	case g.orgEnds[last] || strings.Contains(strings.ToLower(text), "ministry"):
		return Organization, Fold(text)
	// "Quellby Mining", "Ombra River": the head word types the name, unless
	// a given name opens it ("Anna Power").
	case g.heads.classOf(words).labelOf() != "" && !g.given[strings.ToLower(words[0])]:
		if key, ok := siteKey(words, g.heads.classOf(words)); ok {
			return Place, key
		}
		return g.heads.classOf(words).labelOf(), Fold(text)
	case titled || i > 0 && g.titles[strings.ToLower(toks[i-1].Text)] || g.given[strings.ToLower(words[0])]:
		return Person, personKey(words)
	// "North Korea", "West Bank": a compass word opens a place's name.
	case len(words) >= 2 && compassWords[strings.ToLower(words[0])]:
		return Place, Fold(text)
	// Two or three proper nouns are a person's name, unless a weekday
	// opens them ("Sunday Bellow", a paper's name: weekdayTitle), written in
	// capitals ("THE HARBOUR MASTER" is a shouted description) or made of
	// words the document also writes in lower case, first and last
	// ("Presidential Debates": presidential debates; "Quellby Mining"
	// keeps its name, since no text writes "ardmoor").
	case len(words) >= 2 && len(words) <= 3 && allProper(toks[i:j], tagged) && strings.ToUpper(text) != text &&
		!(lower[last] && lower[strings.ToLower(words[0])]) && !g.placeFirst(words) && !weekdayNames[strings.ToLower(words[0])]:
		return Person, personKey(words)
	}
	return Other, Fold(text)
}

// outletEdition reports whether a name is a listed outlet followed by
// one or two words that name an edition or a desk, not a body or a person
// of its own: "Kestrel Wire Texas", "Kestrel Wire London". The words after
// the outlet are no given name ("Kestrel Wire Anna"), no body's head word
// ("Kestrel Wire Foundation") and no outlet word.
func (g *Gazetteer) outletEdition(words []string) bool {
	if g.given[strings.ToLower(words[0])] {
		return false // a given name opens a person's name
	}
	for k := len(words) - 1; k >= 1 && k >= len(words)-2; k-- {
		if l, _, ok := g.Lookup(strings.Join(words[:k], " ")); !ok || l != Outlet {
			continue
		}
		rest := words[k:]
		for _, w := range rest {
			lw := strings.ToLower(w)
			if g.given[lw] || g.orgEnds[lw] || g.outWord[lw] || !capitalised(w) {
				return false
			}
		}
		c := g.heads.classOf(rest)
		return c == ClassNone || c == ClassPlace
	}
	return false
}

// placeFirst reports whether a name opens with a place the lists know
// that is no given name: "Qatar Tonight", "Egypt Weekend" name a site or a
// body of that place, not a person ("Jordan Pell" opens with a given name).
func (g *Gazetteer) placeFirst(words []string) bool {
	l, _, ok := g.Lookup(words[0])
	return ok && l == Place && !g.given[strings.ToLower(words[0])]
}

// compassWords open the names of places: "North Korea", "South Sudan".
var compassWords = map[string]bool{"north": true, "south": true, "east": true, "west": true,
	"northern": true, "southern": true, "eastern": true, "western": true}

// personKey keys a person by surname, so "Idris Kamran" and "Kamran" meet.
// A surname that opens with a particle is the whole of it: "Karim Abou
// Sarrouf" and "Abou Sarrouf" meet, and are not "Sarrouf" of another family.
func personKey(words []string) string {
	return Fold(strings.Join(words[surnameStart(words):], " "))
}

// PersonKey keys a person's name as person entities are keyed: by the fold
// of the surname, particles included.
func PersonKey(name string) string {
	w := strings.Fields(name)
	if len(w) == 0 {
		return ""
	}
	return personKey(w)
}

// surnameStart is the index of the first word of the surname: the first
// particle that has a word after it and either a given name before it or
// nothing but the surname after it ("Abou Sarrouf"; not the "Abu" of a
// three-word name, which is a given name: "Abu Karim Sarrouf"); else the
// last word.
func surnameStart(words []string) int {
	n := len(words)
	for i := 0; i < n-1; i++ {
		if surnameParticles[strings.ToLower(words[i])] != "" && (i > 0 || n == 2) {
			return i
		}
	}
	return n - 1
}

// surnameParticles open a surname of several words, each with a name that
// carries it (checked by TestSurnameParticles: the name and its surname
// alone share a key the last word alone does not).
var surnameParticles = map[string]string{
	"abou":  "Karim Abou Sarrouf",
	"abu":   "Samir Abu Rayyan",
	"al":    "Hanan Al Tamimi",
	"el":    "Yusuf El Masri",
	"bin":   "Faisal bin Tariq",
	"ben":   "Idris Ben Salah",
	"ibn":   "Omar ibn Rashid",
	"van":   "Pieter van Brakel",
	"von":   "Greta von Albrecht",
	"de":    "Luc de Montval",
	"da":    "Joana da Cunhal",
	"di":    "Marco Di Venti",
	"du":    "Claire du Pellan",
	"del":   "Ana del Rivero",
	"della": "Paola della Serra",
	"le":    "Anne Le Gorrec",
	"la":    "Rosa La Bella",
	"mac":   "Ewan Mac Aoidh",
	"ter":   "Joris ter Horst",
	"dos":   "Rui dos Anjos",
	"der":   "Mila der Kinderen",
	"den":   "Jan den Hartog",
}

// allProper reports whether every token is a proper noun: by its tag when
// the sentence is tagged, else by its capital.
func allProper(toks []Token, tagged bool) bool {
	for i, t := range toks {
		if i > 0 && i < len(toks)-1 && surnameParticles[t.Text] != "" {
			continue // "van" in "Pieter van Brakel"
		}
		if !isWordy(t.Text) || tagged && t.Tag != "NNP" || !tagged && !capitalised(t.Text) {
			return false
		}
	}
	return true
}

func isWordy(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) && r != '.' && r != '-' && r != '\'' {
			return false
		}
	}
	return true
}

// capitalised reports whether s starts with an upper-case letter.
func capitalised(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func anyWord(words []string, set map[string]bool) bool {
	for _, w := range words {
		if set[strings.ToLower(w)] {
			return true
		}
	}
	return false
}
