package link

import "strings"

// stopwords are words too common to tell two propositions apart. The
// verbs of a role ("serve as", "act as") say no more than "be" does.
var stopwords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`the and for that with from this these those was were are has have had been being
its his her their our they them she him you your will would could should may might must can also into
onto over under about after before than then there here what which who whom whose when where why how
not but nor any all some such very more most much many other another each every both either neither
said says say told tell reported reports according per citing sources source officials official report
including include includes while since until upon just only even still yet ever further earlier later
today yesterday week month year this that one two new like well being does did done make made out
against between among across through during without within along around toward towards become became
serve serves served serving act acts acted acting`) {
		m[w] = true
	}
	return m
}()

// synonyms maps the stems of words news uses interchangeably for one event
// to one stem, so that "ordered the plant shut" and "ordered the closure of
// the plant" share their predicate. Groups are kept small: a wrong merge
// joins two claims, which is worse than a missed one. They are folded in
// every feature of a statement; the WordNet table (synonyms.tsv) is used
// only where cores are compared (headFold). Each group says why that
// table's rule (one dominant WordNet sense, or a verb and the noun of its
// event) does not give it.
var synonyms = func() map[string]string {
	m := map[string]string{}
	for _, group := range [][]string{
		{"close", "shut", "closur", "shutdown"},  // one first verb sense, but WordNet's concordance tags "close" mostly as an adjective
		{"send", "deploy", "dispatch", "deploy"}, // different first senses: "send" is "direct", troops are sent in a later one
		{"meet", "meet", "talk"},                 // different first senses ("encounter", "speak"): news's talks are meetings
		{"rais", "rise", "hike", "increas"},      // one first noun sense ("a rise in pay"), verbs of different senses
		{"cut", "lower", "reduc"},                // "cut" is in "reduce"'s first sense, not in its own
		{"arrest", "detain", "detent"},           // different first senses ("apprehend", "confine")
		{"resign", "quit"},                       // "quit" is first "discontinue"; "resign" is in a later sense
		{"buy", "acquir", "purchas", "acquisit"}, // "buy"/"purchase" one sense; "acquire" is first "get"
		{"kill", "dead", "die", "death"},         // act, state and event of one death: other parts of speech, no shared sense
		{"ban", "prohibit"},                      // different first senses ("censor", "forbid")
		{"injur", "injuri", "wound"},             // one first sense, but "wound" is also "wind"'s past; Snowball leaves "injured" and "injuries" apart
		{"evacu", "evacue"},                      // the act and those it moves: Snowball leaves "evacuated" and "evacuees" apart
	} {
		for _, w := range group[1:] {
			m[w] = group[0]
		}
	}
	return m
}()
