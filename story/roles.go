package story

import (
	"regexp"
	"strings"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/nlp"
)

// roleNames returns the proper names of the role phrase around a person
// named at span in text: the words just before the name back to a clause
// boundary ("Thalmos managing director Anton Keswick") and an apposition just
// after it (", Seaguard's operations director,", ", who chairs the Air
// Safety Board,"). Only capitalised words count, so the role itself
// ("managing director") never ties a person to a body.
func roleNames(text string, span claimtrail.Span) []string {
	var out []string
	for _, p := range rolePhrases(text, span) {
		out = append(out, capitalised(p)...)
	}
	return out
}

// roleProper returns the words of the role phrase around a person named at
// span (as roleNames finds it) that are capitalised and name no role:
// "Dravik" in "Dravik's head of market access", not "Health" in "Health
// Minister" nor "health" in "opposition health spokesman".
func roleProper(text string, span claimtrail.Span) []string {
	var out []string
	for _, p := range rolePhrases(text, span) {
		for w := range nlp.Words(p) {
			if f := nlp.Fold(w.Form); w.Flags&nlp.Capitalised != 0 && f != "" && !partyStop[f] && !roleWords[f] {
				out = append(out, f)
			}
		}
	}
	return out
}

// rolePhrases returns the phrase before the name with the name itself, and
// the apposition after it.
func rolePhrases(text string, span claimtrail.Span) []string {
	if span.Empty() || span.End > len(text) {
		return nil
	}
	before := text[max(0, span.Start-60):span.Start]
	if k := strings.LastIndexAny(before, ",.;:\"“”\n"); k >= 0 {
		comma := span.Start - len(before) + k // offset of the boundary in text
		if text[comma] == ',' && onlyTitles(before[k+1:]) {
			// "Dravik's head of market access, (Dr) Lena Orsini": the
			// role stands in apposition before the name.
			before = appositionBefore(text, comma) + " " + before[k+1:]
		} else {
			before = before[k+1:]
		}
	}
	out := []string{before + " " + span.In(text)} // the source phrase may hold the role
	after := text[span.End:min(len(text), span.End+80)]
	if strings.HasPrefix(after, ", ") {
		after = after[2:]
		if k := strings.IndexAny(after, ",.;:\"“”\n"); k >= 0 {
			after = after[:k]
		}
		out = append(out, after)
	}
	return out
}

// onlyTitles reports whether s holds nothing but role words and titles
// ("", " Dr "): what may stand between an apposed role's comma and the name.
func onlyTitles(s string) bool {
	for w := range nlp.Words(s) {
		if !roleWords[nlp.Fold(w.Form)] {
			return false
		}
	}
	return true
}

// appositionBefore returns the phrase that ends at the comma at offset
// comma, back to the clause boundary before it, with a possessive
// pronoun ("its chief executive") read as the sentence's opening name
// ("Dravik Pharma will build …, its chief executive, …"): the body the
// role is held in. A phrase naming no role gives "".
func appositionBefore(text string, comma int) string {
	start := max(0, comma-60)
	phrase := text[start:comma]
	if k := strings.LastIndexAny(phrase, ",.;:\"“”\n"); k >= 0 {
		phrase = phrase[k+1:]
	}
	role := false
	for w := range nlp.Words(phrase) {
		role = role || w.Flags&nlp.Capitalised == 0 && roleWords[nlp.Fold(w.Form)]
	}
	if !role {
		return "" // a list or a clause ("its maker, Dravik Pharma, Health Minister …"), not a role
	}
	if w := strings.Fields(phrase); len(w) > 0 && (w[0] == "its" || w[0] == "their") {
		phrase = sentenceOpening(text, comma) + " " + phrase
	}
	return phrase
}

// sentenceOpening returns the capitalised words that open the sentence
// holding offset at: its subject's name, when it starts with one.
func sentenceOpening(text string, at int) string {
	start := strings.LastIndexAny(text[:at], ".!?\n") + 1
	var out []string
	for _, w := range strings.Fields(text[start:at]) {
		if r := w[0]; r < 'A' || r > 'Z' {
			break
		}
		out = append(out, strings.TrimRight(w, ",;:"))
	}
	return strings.Join(out, " ")
}

// nameSpan is where the article names a speaker in full: the statement's
// source span when it holds the name, else (a quotation carried on, a
// surname) the first place the article uses the full name.
func nameSpan(text string, source claimtrail.Span, name string) claimtrail.Span {
	if name == "" || strings.Contains(source.In(text), name) {
		return source
	}
	if k := strings.Index(text, name); k >= 0 {
		return claimtrail.Span{Start: k, End: k + len(name)}
	}
	return source
}

// capitalised returns the folded words of a role phrase that can name a
// body: capitalised words ("Thalmos", "Seaguard") and lower-case words
// that are not role words ("fire" in "chief fire officer"), possessives
// cut.
func capitalised(s string) []string {
	var out []string
	for w := range nlp.Words(s) {
		f := nlp.Fold(w.Form)
		if f == "" || partyStop[f] || w.Flags&nlp.Capitalised == 0 && roleWords[f] {
			continue
		}
		out = append(out, f)
	}
	return out
}

// roleWords name a role, not the body it is held in.
var roleWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`chief executive officer director managing head spokesman spokeswoman
		spokesperson chair chairman chairwoman chairs president vice deputy senior junior secretary
		minister manager commander superintendent inspector general press operations who leads led
		heads runs founder owner member official officials said told says adviser advisor counsel
		lawyer analyst researcher professor dr mr mrs ms his her their our new former acting interim
		lead author authors co-author coauthor co-authors coauthors`) {
		m[w] = true
	}
	return m
}()

// territorialOffices are offices that head a place, not a body in it: a
// governor, a mayor. A governor of Tarn and Tarn's fire service share the
// place's name but are two offices and two origins, even when the governor
// speaks of the fire service ("Governor Ana Rell of Tarn praised the fire
// service"). Such an officer is one origin only with the place's own
// executive bodies (ownBodies).
var territorialOffices = map[string]bool{"governor": true, "mayor": true, "premier": true, "senator": true,
	"councillor": true, "councilor": true, "congressman": true, "congresswoman": true, "lawmaker": true,
	"legislator": true, "assemblyman": true, "assemblywoman": true, "mp": true}

// ownBodies are the heads of the bodies a territorial officer speaks for:
// "the governor's office", "the mayor's administration", "the city
// council" beside its councillor.
var ownBodies = map[string]bool{"office": true, "government": true, "administration": true, "cabinet": true,
	"council": true, "governorate": true, "governorship": true, "executive": true, "presidency": true,
	"assembly": true, "parliament": true, "senate": true, "congress": true, "hall": true}

// distinctOffice reports whether a person holding a territorial office
// and a public body other than the place's own executive are two offices:
// "Tarn Governor Ana Rell" and "the Tarn fire service", "Mayor Ivo Dane of
// Kell" and "Kell police department".
func distinctOffice(person, body origin) bool {
	if !person.territorial {
		return false
	}
	words := partyWords(body.src.Name)
	if len(words) == 0 || ownBodies[words[len(words)-1]] {
		return false
	}
	return nlp.DefaultGazetteer().NameClass(strings.Join(words, " ")) == nlp.ClassPublic
}

// officerWords are offices held in a body that speak for it: its
// spokesperson, its head, its commander.
var officerWords = map[string]bool{"spokesman": true, "spokeswoman": true, "spokesperson": true,
	"chancellor": true, "rector": true, "provost": true, "commander": true, "chairman": true,
	"chairwoman": true, "chair": true, "executive": true, "ceo": true}

// holdsOffice reports whether the role phrase around a person named at
// span holds one of officerWords: "Vice-Chancellor Professor Helen
// Vandermeer", "its chief executive, Dr Ole Brandt".
func holdsOffice(text string, span claimtrail.Span) bool {
	return holdsWord(text, span, officerWords)
}

// authorWords make a person a document's author: "its lead author",
// "a co-author of the study".
var authorWords = map[string]bool{"author": true, "authors": true, "co-author": true, "coauthor": true,
	"co-authors": true, "coauthors": true}

// holdsWord reports whether the role phrase around a person named at span
// holds one of words.
func holdsWord(text string, span claimtrail.Span, words map[string]bool) bool {
	for _, p := range rolePhrases(text, span) {
		for w := range nlp.Words(p) {
			if words[nlp.Fold(w.Form)] {
				return true
			}
		}
	}
	return false
}

// roleBodyPatterns find the common noun of the body a role phrase says its
// holder speaks for, with an example each (TestRoleBodies runs them):
// the possessor of the role or the object of "of", "for" or "at" after it.
var roleBodyPatterns = []struct {
	re      *regexp.Regexp
	example string // a role phrase and, after "=", the noun found
}{
	{regexp.MustCompile(`\bthe (?:[a-z]+ )?([a-z]+)(?:'s|’s|s'|s’)`), "Wenna Jory, the union's general secretary=union"},
	{regexp.MustCompile(`\b(?:secretary|spokesman|spokeswoman|spokesperson|head|chief|leader|chair|chairman|chairwoman|president|director|executive) (?:of|for|at) the (?:[a-z]+ )?([a-z]+)\b`),
		"Ivo Dane, a spokesman for the ministry=ministry"},
}

// roleBodies returns the common nouns of the bodies the role phrases
// around a person named at span speak for: "union" in "the union's
// general secretary". Only a noun that heads a body's name (nlp's name
// classes: "union", "ministry", "council", "company") counts: "the
// country's" or "the city's" name a place, not a body.
func roleBodies(text string, span claimtrail.Span) []string {
	var out []string
	for _, p := range rolePhrases(text, span) {
		for _, r := range roleBodyPatterns {
			for _, m := range r.re.FindAllStringSubmatch(p, -1) {
				if bodyNoun(m[1]) {
					out = append(out, m[1])
				}
			}
		}
	}
	return out
}

// bodyNoun reports whether a common noun heads a body's name by nlp's
// name classes ("Dock Workers' Union", "Health Ministry"): a company, a
// public body or an association.
func bodyNoun(w string) bool {
	switch nlp.DefaultGazetteer().NameClass("x " + w) {
	case nlp.ClassCompany, nlp.ClassPublic, nlp.ClassBody, nlp.ClassAirline:
		return true
	}
	return false
}
