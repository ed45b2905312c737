package nlp

import "strings"

// British and American spellings of one word ("Defence Ministry", "defense
// ministry"; "Labour Office", "labor office") name one body; articles from
// two sides of the Atlantic would otherwise make it two origins. The
// normaliser maps a folded word to its American spelling by the regular
// endings below, then by the irregular pairs; each rule carries a pair it
// must join and a word it must leave alone (TestSpellingRules runs them).
type spellingRule struct {
	british, american string // the ending, British and American
	minLen            int    // the shortest word the rule rewrites
	join              [2]string
	keep              string // a word the rule must not change (too short or another ending)
}

// spellingRules are the regular endings, tried in order; the first that
// fits rewrites the word.
var spellingRules = []spellingRule{
	{british: "isation", american: "ization", minLen: 9, join: [2]string{"organisation", "organization"}, keep: "station"},
	{british: "ising", american: "izing", minLen: 7, join: [2]string{"organising", "organizing"}, keep: "rising"},
	{british: "ised", american: "ized", minLen: 7, join: [2]string{"authorised", "authorized"}, keep: "raised"},
	{british: "ise", american: "ize", minLen: 8, join: [2]string{"organise", "organize"}, keep: "promise"},
	{british: "yse", american: "yze", minLen: 6, join: [2]string{"analyse", "analyze"}, keep: "lyse"},
	{british: "our", american: "or", minLen: 6, join: [2]string{"labour", "labor"}, keep: "detour"},
	{british: "ours", american: "ors", minLen: 7, join: [2]string{"harbours", "harbors"}, keep: "yours"},
	{british: "ence", american: "ense", minLen: 7, join: [2]string{"defence", "defense"}, keep: "science"},
	{british: "tre", american: "ter", minLen: 5, join: [2]string{"centre", "center"}, keep: "tre"},
	{british: "tres", american: "ters", minLen: 6, join: [2]string{"centres", "centers"}, keep: "tres"},
	{british: "ogue", american: "og", minLen: 7, join: [2]string{"catalogue", "catalog"}, keep: "vogue"},
}

// spellingPairs are whole words spelt apart on the two sides, British
// first: "Programme Office", "Aluminium Council".
var spellingPairs = map[string]string{
	"programme": "program", "programmes": "programs", "aluminium": "aluminum", "grey": "gray",
	"judgement": "judgment", "tyres": "tires", "kerb": "curb", "manoeuvre": "maneuver",
	"paediatric": "pediatric", "paediatrics": "pediatrics", "orthopaedic": "orthopedic",
	"anaesthetic": "anesthetic", "haemophilia": "hemophilia", "oestrogen": "estrogen",
	"licence": "license", "offence": "offense", "practise": "practice", "enrolment": "enrollment",
}

// keepEndings are words whose ending looks British but is the same on
// both sides: "four", "hour", "your", "licence" is listed above.
var keepEndings = map[string]bool{
	"science": true, "sciences": true, "silence": true, "presence": true, "absence": true, "evidence": true,
	"audience": true, "conference": true, "sentence": true, "sequence": true, "influence": true,
	"residence": true, "violence": true, "experience": true, "reference": true, "difference": true,
	"independence": true, "intelligence": true, "confidence": true, "existence": true, "patience": true,
	"occurrence": true, "preference": true, "excellence": true, "dependence": true, "consequence": true,
	"prudence": true, "providence": true, "competence": true, "coherence": true, "insurgence": true,
	"emergence": true, "convergence": true, "divergence": true, "correspondence": true, "adherence": true,
	"premise": true, "promise": true, "compromise": true, "otherwise": true, "likewise": true, "expertise": true,
	"exercise": true, "enterprise": true, "franchise": true, "merchandise": true, "surprise": true, "advertise": true,
	"advertised": true, "advertising": true, "supervise": true, "supervised": true, "supervising": true,
	"televise": true, "televised": true, "revise": true, "revised": true, "devise": true, "devised": true,
	"improvise": true, "improvised": true, "comprise": true, "comprised": true, "despise": true, "disguise": true,
	"disguised": true, "chastise": true, "circumcise": true, "apprise": true, "arise": true, "sunrise": true,
	"precise": true, "concise": true, "paradise": true, "demise": true, "reprise": true, "treatise": true,
	"contour": true, "contours": true, "devour": true, "detour": true, "detours": true, "amour": true,
}

// AmericanSpelling returns a folded (lower-case) word in its American
// spelling; a word no rule fits is returned as it is. It is applied to
// both sides of a comparison, so a rule that rewrites a word spelt alike
// everywhere does no harm unless it makes it another word.
func AmericanSpelling(w string) string {
	if a, ok := spellingPairs[w]; ok {
		return a
	}
	if keepEndings[w] {
		return w
	}
	for _, r := range spellingRules {
		if len(w) >= r.minLen && strings.HasSuffix(w, r.british) {
			return strings.TrimSuffix(w, r.british) + r.american
		}
	}
	return w
}
