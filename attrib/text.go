package attrib

import (
	"slices"
	"strings"
	"unicode"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/nlp"
)

// lower is a token's text lower-cased, without quotation marks glued to it
// ("'no", "fiction'" are read as "no", "fiction").
func lower(t nlp.Token) string {
	w := t.LowerText()
	if len(w) > 1 && mayTrim(w) && !isPossessive(w) {
		w = strings.Trim(w, "'‘’\"“”")
	}
	return w
}

// mayTrim reports whether w may start or end with a quotation mark that
// lower trims: most words do not, and strings.Trim with a cut set of
// curly quotes costs more than the rest of lower.
func mayTrim(w string) bool {
	switch w[0] {
	case '\'', '"', 0xE2: // 0xE2 begins ‘ ’ “ ”
		return true
	}
	switch w[len(w)-1] {
	case '\'', '"', 0x98, 0x99, 0x9C, 0x9D: // the last bytes of ‘ ’ “ ”
		return true
	}
	return false
}

func isVerb(t nlp.Token) bool {
	if strings.HasPrefix(t.Tag, "VB") && t.Tag != "VBN" {
		return true
	}
	switch strings.ToLower(t.Text) {
	case "said", "says", "told", "claimed", "denied", "rubbished", "added", "reported":
		return true // the tagger sometimes calls these adjectives or nouns
	}
	return false
}

// isAdverbial reports whether t may stand between a subject and its cue
// verb: "It further said", "the ministry has also denied".
func isAdverbial(t nlp.Token) bool {
	switch strings.ToLower(t.Text) {
	case "further", "also", "later", "then", "earlier", "previously", "reportedly", "has", "have", "had",
		"did", "does", "do", "not", "never", "n't", "yet",
		"was", "were", "is", "again", "officially", "publicly", "flatly", "strongly", "categorically", "on", "today", "yesterday", "tuesday", "monday", "wednesday", "thursday", "friday", "saturday", "sunday":
		return true
	}
	if t.Tag == "" {
		w := strings.ToLower(t.Text)
		return strings.HasSuffix(w, "ly") && len(w) > 4 || w == "will" || w == "would" || w == "could" || w == "also"
	}
	return t.Tag == "RB" || t.Tag == "MD"
}

func isRelative(t nlp.Token) bool {
	switch strings.ToLower(t.Text) {
	case "who", "which", "whom", "whose":
		return true
	}
	return false
}

// boundary reports whether t ends a source phrase.
func boundary(t nlp.Token) bool {
	switch t.Text {
	case ",", ";", ":", ".", "!", "?", "(", ")", "—", "–":
		return true
	}
	return isQuote(t.Text)
}

func isQuote(s string) bool {
	switch s {
	case "“", "”", "\"", "«", "»", "‘", "’":
		return true
	}
	return false
}

func isOpenQuote(s string) bool  { return s == "“" || s == "«" }
func isCloseQuote(s string) bool { return s == "”" || s == "»" }

// quoteMask marks the tokens inside double quotation marks. open says a
// quotation is already open when the sentence starts. Straight quotes
// alternate; single quotes are left alone, since they also serve as
// apostrophes and scare quotes.
func quoteMask(toks []nlp.Token, open bool) []bool {
	q := make([]bool, len(toks))
	in := open
	for i, t := range toks {
		if i == 0 && open && t.Text == "\"" {
			q[i] = true // a quotation running on into a new paragraph opens it again
			continue
		}
		switch {
		case isOpenQuote(t.Text):
			in = true
		case isCloseQuote(t.Text):
			q[i] = in
			in = false
			continue
		case t.Text == "\"":
			in = !in
		}
		q[i] = in
	}
	return q
}

func startsQuote(toks []nlp.Token) bool {
	return len(toks) > 0 && (isOpenQuote(toks[0].Text) || toks[0].Text == "\"")
}

// trim narrows toks[lo:hi] past punctuation and quotation marks at its
// edges, and a leading "that".
func trim(toks []nlp.Token, lo, hi int) (int, int) {
	for lo < hi && (isEdgePunct(toks[lo].Text) || lower(toks[lo]) == "that") {
		lo++
	}
	for hi > lo && isEdgePunct(toks[hi-1].Text) {
		hi--
	}
	return lo, hi
}

func isEdgePunct(s string) bool {
	switch s {
	case ",", ";", ":", ".", "!", "?", "—", "–", "-":
		return true
	}
	return isQuote(s)
}

// clause is a token range of content holding one proposition; cue, when
// set, is a verb of the content's own that introduces it ("X confirmed Y
// but said Z": said).
type clause struct {
	lo, hi int
	cue    claimtrail.Span
}

// clauses splits content toks[lo:hi] into propositions at "after",
// "following", "while" and semicolons when both sides have a verb, leaving
// out the tokens [holeLo, holeHi) of a parenthetical cue. Only the first
// part of a content with a hole is kept apart from the hole.
func clauses(toks []nlp.Token, lo, hi, holeLo, holeHi int) []clause {
	if holeHi > holeLo {
		a1, b1 := trim(toks, lo, holeLo)
		a2, b2 := trim(toks, holeHi, hi)
		switch {
		case b1 > a1 && b2-a2 >= 3 && subordinators[lower(toks[a1])] && !isVerbLed(toks[a2]):
			return []clause{{lo: a2, hi: b2}} // "Since X, officials said, Y": Y is the main clause
		case b1-a1 >= 5 && b2-a2 >= 5 || b1-a1 > 0 && b2-a2 > 0 && (isVerbLed(toks[a2]) || finiteHere(toks[a2])):
			return []clause{{lo: a1, hi: b2}} // one proposition around the cue: "X, they said, could Y"
		case b2-a2 > b1-a1:
			return []clause{{lo: a2, hi: b2}}
		case b1 > a1:
			return []clause{{lo: a1, hi: b1}}
		}
		return nil
	}
	if first, rest, ok := coordinatedCue(toks, lo, hi); ok {
		return append(clauses(toks, first.lo, first.hi, 0, 0), rest)
	}
	for k := lo + 3; k < hi-3; k++ {
		w := lower(toks[k])
		if w != "after" && w != "following" && w != ";" && w != "whereas" {
			continue
		}
		if hasVerb(toks[lo:k]) && hasFiniteVerb(toks[k+1:hi]) && (w == ";" || w == "whereas" || opensClause(toks[k+1:hi])) {
			first, second := clause{lo: lo, hi: k}, clause{lo: k + 1, hi: hi}
			first.lo, first.hi = trim(toks, first.lo, first.hi)
			rest := clauses(toks, second.lo, second.hi, 0, 0)
			return append([]clause{first}, rest...)
		}
	}
	return []clause{{lo: lo, hi: hi}}
}

// opensClause reports whether toks, following "after" or "following",
// open a clause of their own: a finite verb comes before any other
// subordinator. Otherwise the word is a preposition or a particle whose
// object runs on into a clause of the verb before it ("looked after the
// dog until the inspectors arrived", "will look after him until we find
// him a home"), and cutting there leaves two fragments.
//
// Nor does a relative ("after which she gave birth") or a gerund ("after
// being questioned by police"), which depend on what comes before.
func opensClause(toks []nlp.Token) bool {
	if len(toks) > 0 && (relatives[lower(toks[0])] || toks[0].Tag == "VBG" || toks[0].Tag == "" && gerund(toks[0].Text)) {
		return false
	}
	for k, t := range toks {
		switch {
		case hasFiniteVerb([]nlp.Token{t}):
			// "arrested them after the clash and took them away": a verb
			// right after "and" goes on with the verb before "after",
			// whose object is only the clash.
			return k == 0 || !coordinators[lower(toks[k-1])]
		case subordinators[lower(t)]:
			return false
		}
	}
	return false
}

var relatives = set(`which whom whose what`)

// gerund guesses, for an untagged token, whether it is an -ing form.
func gerund(w string) bool {
	return len(w) >= 5 && strings.HasSuffix(w, "ing") && w[0] >= 'a' && w[0] <= 'z'
}

func hasVerb(toks []nlp.Token) bool {
	for _, t := range toks {
		if t.Tag == "" && lexicalVerb(t) || strings.HasPrefix(t.Tag, "VB") || t.Tag == "MD" {
			return true
		}
	}
	return false
}

func hasFiniteVerb(toks []nlp.Token) bool {
	for _, t := range toks {
		switch {
		case t.Tag == "" && lexicalVerb(t):
			return true
		case t.Tag == "VBD", t.Tag == "VBZ", t.Tag == "VBP", t.Tag == "MD":
			return true
		}
	}
	return false
}

// lexicalVerb guesses, for an untagged token, whether it is a finite verb:
// an auxiliary or modal, or a lower-case word in -ed.
func lexicalVerb(t nlp.Token) bool {
	w := strings.ToLower(t.Text)
	if finiteWords[w] {
		return true
	}
	return len(w) > 4 && strings.HasSuffix(w, "ed") && t.Text[0] >= 'a' && t.Text[0] <= 'z'
}

var finiteWords = map[string]bool{"is": true, "was": true, "were": true, "are": true, "has": true, "had": true,
	"have": true, "will": true, "would": true, "could": true, "can": true, "may": true, "might": true,
	"must": true, "should": true, "did": true, "does": true, "said": true, "says": true, "told": true,
	"held": true, "met": true, "made": true, "took": true, "left": true, "fell": true, "sent": true, "won": true,
	"lost": true, "began": true, "came": true, "went": true, "gave": true, "found": true, "led": true}

func hasWord(toks []nlp.Token, w string) bool {
	for _, t := range toks {
		if lower(t) == w {
			return true
		}
	}
	return false
}

// endsSentence reports whether a sentence ends as prose does: with a full
// stop, an exclamation mark or a closing quotation mark. The tokenizer
// keeps a final full stop on a word it takes for an abbreviation ("in
// May.", "at 6 p.m.", "Ltd."), and that stop ends the sentence too: such
// sentences were skipped as headings, and their own-voice statements
// lost.
func endsSentence(toks []nlp.Token) bool {
	last := toks[len(toks)-1].Text
	if isQuote(last) && len(toks) > 1 {
		last = toks[len(toks)-2].Text
	}
	return last == "." || last == "!" || last == "”" || last == "\"" || stopOnWord(last)
}

// stopOnWord reports whether a token is a word with the sentence's full
// stop kept on it ("May.", "p.m.", "God."), not an ellipsis. A title
// ("Rev.", "Gen.") or an initialism in capitals ("U.S.") before a name is
// where the segmenter wrongly cuts ("including U.S. | Ambassador …", "the
// Rev. | James …"): such a piece is no sentence and states nothing.
func stopOnWord(t string) bool {
	if len(t) < 2 || !strings.HasSuffix(t, ".") || strings.HasSuffix(t, "..") || strings.IndexFunc(t, unicode.IsLetter) < 0 {
		return false
	}
	word := strings.TrimSuffix(t, ".")
	initialism := strings.Contains(word, ".") && strings.ToUpper(word) == word
	return !initialism && !nlp.DefaultGazetteer().IsTitle(word) && !nlp.DefaultGazetteer().IsTitle(t)
}

// hedges lists the hedging words and phrases of a sentence.
func hedges(toks []nlp.Token, text string, sent claimtrail.Span) []string {
	var out []string
	seen := map[string]bool{}
	add := func(h string) {
		if !seen[h] {
			seen[h] = true
			out = append(out, h)
		}
	}
	for _, t := range toks {
		if w := lower(t); hedgeWords[w] && w != "may" && w != "might" && w != "could" && w != "likely" {
			add(w)
		}
	}
	low := strings.ToLower(sent.In(text))
	for _, p := range hedgePhrases {
		if strings.Contains(low, p) {
			add(p)
		}
	}
	return out
}

// reportNouns name what someone else put forward: "reports that …", "the
// claim that …".
var reportNouns = set(`report reports claim claims allegation allegations accusation accusations
suggestion suggestions rumour rumours rumor rumors speculation assertion assertions story stories`)

// reportNounThat reports whether toks[lo:hi] holds a report noun whose
// "that" clause follows it, at most a short phrase between ("reports in
// the Post that …"): the clause is the report's, not the writer's.
func reportNounThat(toks []nlp.Token, lo, hi int) bool {
	for k := lo; k < hi; k++ {
		if !reportNouns[lower(toks[k])] {
			continue
		}
		for j := k + 1; j < hi && j <= k+5; j++ {
			if lower(toks[j]) == "that" {
				return true
			}
			if finiteHere(toks[j]) || isEdgePunct(toks[j].Text) {
				break
			}
		}
	}
	return false
}

// verdict reports whether the content calls something false: "the news item
// is completely fabricated", "a deliberate fabrication". With the
// sentence's tree t, a verdict word must stand in the content's predicate
// (inPredicate): "offered users a way to report fake news" and "a site that
// posted the fake story" mention a verdict without giving one.
func verdict(toks []nlp.Token, lo, hi int, t *nlp.Tree) bool {
	for k := lo; k < hi; k++ {
		w := lower(toks[k])
		if verdictWords[w] && !describesThing(toks, k, hi) && (t == nil || inPredicate(t, toks, k, lo, hi)) {
			return true
		}
		if (w == "no" || w == "without") && k+1 < hi && groundless[lower(toks[k+1])] {
			return true // "no truth to reports that …", "without foundation"
		}
	}
	return false
}

// mentionLink is a dependency relation that, met by a verdict word on its
// way up to the content's top word, makes it a mention inside a statement
// about something else rather than the content's verdict. Each example's
// content must not read as a verdict (TestMentionLinks).
type mentionLink struct {
	name     string
	matches  func(t *nlp.Tree, w int) bool
	examples []string
}

// mentionLinks are the ways a verdict word is mentioned, not given: as
// (part of) an object, an oblique other than "as", a subject, or within an
// adverbial or relative clause; or as a modifier of a noun that names no
// report ("the false news annotation", "something seriously wrong"). Any
// other relation (conjunct, complement, copula, adverb, and the parser's
// stray "goeswith" and "discourse" in "are absolutely, unequivocally and
// completely false") keeps the verdict.
var mentionLinks = []mentionLink{
	{"object", relOneOf("obj", "iobj"), []string{"the network would offer readers a way to flag fake stories or hoaxes"}},
	{"oblique", obliqueNotAs, []string{"a junior reporter would have been fired for a false report"}},
	{"subject", relOneOf("nsubj", "nsubj:pass", "csubj"), []string{"there is something seriously wrong with the regime"}},
	{"adverbial clause", relOneOf("advcl"), []string{"it will only slow them down if enough readers flag them as fake news"}},
	{"relative clause", relOneOf("acl:relcl"), []string{"this is a blog that posts fake stories every week"}},
	{"modifier of a thing", modifiesThing, []string{"despite the false news label that the network shows on flagged posts, many will share them"}},
}

// relOneOf matches a word whose relation is one of rels exactly.
func relOneOf(rels ...string) func(t *nlp.Tree, w int) bool {
	return func(t *nlp.Tree, w int) bool { return slices.Contains(rels, t.Rel(w)) }
}

// obliqueNotAs matches an oblique but one marked "as": "described as a
// hoax" gives the verdict.
func obliqueNotAs(t *nlp.Tree, w int) bool {
	return nlp.RelIs(t.Rel(w), "obl") && !markedBy(t, w, "as")
}

// modifiesThing matches an adjective or compound modifying a noun or
// pronoun that names no report: "the false news label", "something
// wrong".
func modifiesThing(t *nlp.Tree, w int) bool {
	if t.Rel(w) != "amod" && t.Rel(w) != "compound" {
		return false
	}
	h := t.Head(w)
	if t.UPOS(h) != "NOUN" && t.UPOS(h) != "PRON" {
		return false
	}
	n := strings.ToLower(t.Token(h).Text)
	return !reportNouns[n] && !judgedNouns[n] && !verdictWords[n]
}

// inPlace is a shape in which a verdict word judges wherever it stands,
// whatever links lie above it. Each example's content must read as a
// verdict (TestInPlaceVerdicts).
type inPlace struct {
	name     string
	matches  func(t *nlp.Tree, w int) bool
	examples []string
}

// inPlaceVerdicts: a verdict noun that is a subject ("his fabrication was
// long known", "lies about the vote are spreading"), and a verdict word on
// a report noun that is definite or states what is reported ("the
// hoax story about the singer", "was alerted to erroneous reports
// of a case in the city"). A bare plural ("report fake news stories") is
// generic and judges nothing in particular.
var inPlaceVerdicts = []inPlace{
	{"verdict noun as subject", verdictSubject, []string{"his fabrication was long known at the station"}},
	// An apposition renames whatever it hangs on; the parser also hangs a
	// quoted closing verdict on the nearest noun ("called the claim that
	// the depot was sold without a vote "pure fabrication"", with
	// "fabrication" read as apposed to "vote").
	{"verdict noun in apposition", verdictAppos, []string{
		"the minister's story, a complete fabrication, spread across the city",
	}},
	{"verdict on a definite report", onDefiniteReport, []string{
		"readers shared the hoax story about the singer thousands of times",
		"officials were alerted to erroneous reports of a case in the city",
		"the fake story came from a site built to look like a broadcaster's",
	}},
}

// verdictSubject matches a verdict noun that is a clause's subject.
func verdictSubject(t *nlp.Tree, w int) bool {
	return t.UPOS(w) == "NOUN" && nlp.RelIs(t.Rel(w), "nsubj")
}

// verdictAppos matches a verdict noun in apposition.
func verdictAppos(t *nlp.Tree, w int) bool {
	return t.UPOS(w) == "NOUN" && t.Rel(w) == "appos"
}

// onDefiniteReport matches a verdict word modifying a report noun that
// has a determiner or possessor, or a phrase or clause of its own.
func onDefiniteReport(t *nlp.Tree, w int) bool {
	h := t.Head(w)
	if h < 0 || t.Rel(w) != "amod" && t.Rel(w) != "compound" || t.Rel(h) == "compound" {
		return false
	}
	if n := strings.ToLower(t.Token(h).Text); !reportNouns[n] && n != "news" {
		return false
	}
	for _, c := range t.Children(h) {
		switch t.Rel(c) {
		case "nmod", "acl", "nmod:poss":
			return true
		case "det":
			return !strings.EqualFold(t.Token(c).Text, "a") && !strings.EqualFold(t.Token(c).Text, "an")
		}
	}
	return false
}

// inPredicate reports whether the verdict word at toks[k] is the content's
// verdict: it judges in place (inPlaceVerdicts), or climbs to the top of
// the content toks[lo:hi] by no link of mentionLinks. A word the tree does
// not hold is let through: the token reading decides.
func inPredicate(t *nlp.Tree, toks []nlp.Token, k, lo, hi int) bool {
	w := treeWord(t, toks[k])
	if w < 0 {
		return true
	}
	for _, p := range inPlaceVerdicts {
		if p.matches(t, w) {
			return true
		}
	}
	start, end := toks[lo].Start, toks[hi-1].End
	inside := func(x int) bool { return x >= 0 && t.Token(x).Start >= start && t.Token(x).End <= end }
	for n := 0; inside(t.Head(w)) && n < t.Len(); n++ {
		if mentionName(t, w) != "" {
			return false
		}
		w = t.Head(w)
	}
	return true
}

// mentionName is the name of the mentionLinks row word w's link to its
// head matches, or "".
func mentionName(t *nlp.Tree, w int) string {
	for _, l := range mentionLinks {
		if l.matches(t, w) {
			return l.name
		}
	}
	return ""
}

// markedBy reports whether word w has the case marker m ("as").
func markedBy(t *nlp.Tree, w int, m string) bool {
	k := t.Dependent(w, "case")
	return k >= 0 && strings.EqualFold(t.Token(k).Text, m)
}

// treeWord is the word of t that is token tk, or -1.
func treeWord(t *nlp.Tree, tk nlp.Token) int {
	for w := 0; w < t.Len(); w++ {
		if t.Token(w).Start == tk.Start {
			return w
		}
	}
	return -1
}

// judgedNouns are what a verdict adjective before a noun judges as a
// report: "fake news", "a false claim", "a fabricated story", "a
// manufactured propaganda piece".
var judgedNouns = set(`report reports story stories news claim claims allegation allegations account accounts
rumour rumours rumor rumors narrative narratives information statement statements item items article articles
piece pieces video videos photo photos image images picture pictures quote quotes figure figures post posts`)

// describesThing reports whether the verdict word at k is an adjective
// describing a thing rather than judging a report: "carrying false
// identity papers", "travelling with fake passports" state a fact about
// papers. The next word is a noun that names no report and is no verdict
// itself ("fake news", "a manufactured propaganda piece" stay verdicts;
// examples in TestVerdictAdjectives).
func describesThing(toks []nlp.Token, k, hi int) bool {
	if k+1 >= hi || !strings.HasPrefix(toks[k+1].Tag, "NN") {
		return false
	}
	next := lower(toks[k+1])
	return !judgedNouns[next] && !reportNouns[next] && !verdictWords[next] && !capitalised(toks[k+1].Text)
}

// groundless are the nouns that, negated, call a report false.
var groundless = set(`truth basis foundation substance merit credibility`)

// verdictTarget extracts what a verdict calls false: "The claim of X is a
// deliberate fabrication" gives X; a bare "The news item is fabricated"
// gives "".
func verdictTarget(content string) string {
	low := strings.ToLower(content)
	for _, lead := range []string{"the claim of ", "the claim that ", "claims of ", "claims that ", "reports of ",
		"reports that ", "report that ", "allegation that ", "allegations that ", "allegations of ",
		"story that ", "suggestions that ", "speculation that ", "rumours that ", "rumors that "} {
		k := strings.Index(low, lead)
		if k < 0 {
			continue
		}
		rest := content[k+len(lead):]
		for _, v := range []string{" is ", " was ", " are ", " were "} {
			if e := strings.Index(rest, v); e > 0 {
				return strings.TrimSpace(rest[:e])
			}
		}
		return strings.TrimSpace(rest) // "no truth to reports that X"
	}
	return ""
}

// negated reports whether the content's main statement is negated: "No
// such meetings ever took place", "had not proposed … any deployment".
func negated(toks []nlp.Token, q []bool, lo, hi int) bool {
	for k := lo; k < hi; k++ {
		if q[k] && !q[lo] {
			continue // "removed the line “not valid for Israel”": the negation is quoted, not said
		}
		w := lower(toks[k])
		if !negators[w] {
			continue
		}
		if w == "no" && k+1 < hi && (lower(toks[k+1]) == "longer" || lower(toks[k+1]) == "doubt") {
			continue
		}
		if w == "without" || w == "not" && k+1 < hi && lower(toks[k+1]) == "only" {
			continue
		}
		if inRelativeClause(toks, lo, k) {
			continue // "a country that has never recognised X": the negation describes, it does not deny
		}
		if notDenying(toks, lo, k, hi) != "" {
			continue
		}
		return true
	}
	return false
}

// negationShape is one shape of a negation that denies nothing: the
// negated words are not the content's main statement, or say only that a
// matter is not settled yet. Each example's content must not read as
// negated (TestNegationShapes).
type negationShape struct {
	name     string
	matches  func(toks []nlp.Token, lo, k, hi int) bool
	examples []string
}

// negationShapes are the negations that deny nothing. A lack of
// confirmation is not the contrary of a claim: "the casting has not been
// confirmed" leaves the casting open, where "she was not cast" denies it. A negation inside an adverbial clause conditions or
// times the main statement and is not what the content asserts.
var negationShapes = []negationShape{
	{"unsettled", unsettledNegation, []string{
		"that casting has not been confirmed at this time",
		"the figures could not be independently verified",
		"the report has not yet been officially confirmed",
	}},
	{"positive conjunct", afterPositiveConjunct, []string{
		"the clerk went on leave in 2004 and did not return to the office after that",
		"the guard sold the car in May but never told the buyer about the crash",
	}},
	{"not only", notOnly, []string{
		"the song was not just a hit on the radio",
		"the fire was not merely an accident",
	}},
	{"embedded question", inEmbeddedQuestion, []string{
		"parents are demanding to know why there was not more supervision on the trip",
		"residents asked whether nobody had checked the dam",
	}},
	{"adverbial clause", inAdverbialClause, []string{
		"when he said no and tore up the contract, there was an enormous sense of shock",
		"if no deal is reached by Friday, the strike will go ahead",
		"the talks collapsed after nobody turned up",
	}},
}

// notDenying returns the name of the shape in negationShapes that the
// negator at k has, or "".
func notDenying(toks []nlp.Token, lo, k, hi int) string {
	for _, s := range negationShapes {
		if s.matches(toks, lo, k, hi) {
			return s.name
		}
	}
	return ""
}

// afterPositiveConjunct reports whether the negator at k negates the
// second verb phrase of a subject whose first one it does not negate: "went
// on leave in 2004 and did not return" states the leave, and a negation
// read over the whole content would deny the very fact it restates. Only
// auxiliaries may stand between the "and"/"but" and the negator, so that
// the two phrases share a subject ("and it will never sell" is a clause of
// its own, which a negated first clause would make a denial anyway).
func afterPositiveConjunct(toks []nlp.Token, lo, k, _ int) bool {
	j := k - 1
	for j > lo && (toks[j].Tag == "MD" || strings.HasPrefix(toks[j].Tag, "VB")) {
		j--
	}
	if j <= lo || lower(toks[j]) != "and" && lower(toks[j]) != "but" {
		return false
	}
	finite := false
	for i := lo; i < j; i++ {
		switch {
		case negators[lower(toks[i])] || strings.HasSuffix(lower(toks[i]), "n't"):
			return false
		case toks[i].Tag == "VBD" || toks[i].Tag == "VBZ" || toks[i].Tag == "VBP" || toks[i].Tag == "MD":
			finite = true
		}
	}
	return finite
}

// notOnly reports whether the negator at k says "not only" in other words
// ("was not just a hit", "not merely an accident"): it adds to what it
// negates instead of denying it.
func notOnly(toks []nlp.Token, _, k, hi int) bool {
	if k+1 >= hi || lower(toks[k]) != "not" && lower(toks[k]) != "n't" {
		return false
	}
	switch lower(toks[k+1]) {
	case "just", "merely", "simply", "solely", "only":
		return true
	}
	return false
}

// questionWords open an embedded question: what it asks is not asserted.
var questionWords = set(`why whether how`)

// inEmbeddedQuestion reports whether the negator at k sits in a question
// embedded after the content's first word ("demanding to know why there
// was not more supervision", "asked whether nobody had checked"): the
// speaker asks, and denies nothing.
func inEmbeddedQuestion(toks []nlp.Token, lo, k, _ int) bool {
	for j := k - 1; j > lo; j-- {
		w := lower(toks[j])
		switch {
		case w == "," || w == ";":
			return false
		case questionWords[w]:
			return true
		}
	}
	return false
}

// unsettledWords are what, negated, leaves a matter open rather than
// denies it: confirmation, verification. A decision is not among them: a
// party's "no decision has been taken" answers a report that it has
// decided (the ledger-dev conventions count it as a denial).
var unsettledWords = set(`confirmed confirm verified verify corroborated`)

// auxiliaryWords may stand between a negator and the word it negates:
// "not yet been confirmed", "could not be independently verified", "no
// final decision".
var auxiliaryWords = set(`be been being yet officially independently publicly immediately final firm formal`)

// unsettledNegation reports whether the negator at k negates a
// confirmation: "has not been confirmed", "could not be verified".
func unsettledNegation(toks []nlp.Token, _, k, hi int) bool {
	for j := k + 1; j < hi && j <= k+4; j++ {
		w := lower(toks[j])
		if unsettledWords[w] {
			return true
		}
		if !auxiliaryWords[w] {
			return false
		}
	}
	return false
}

// inAdverbialClause reports whether the negator at k sits in a clause
// opened by a subordinator ("when", "if", "after" …) that is not the whole
// content: "when he said no …, there was shock" asserts the shock.
func inAdverbialClause(toks []nlp.Token, lo, k, hi int) bool {
	for j := k - 1; j >= lo; j-- {
		w := lower(toks[j])
		switch {
		case w == "," || w == ";":
			return false
		case subordinators[w] && w != "as" && w != "since":
			// "after nobody turned up" ends the content; "when he said
			// no …, there was" is followed by the main clause.
			return j > lo || endsBefore(toks, k, hi)
		}
	}
	return false
}

// endsBefore reports whether a comma closes the clause holding token k
// before hi, so that a main clause follows it.
func endsBefore(toks []nlp.Token, k, hi int) bool {
	for j := k + 1; j < hi-1; j++ {
		if toks[j].Text == "," {
			return true
		}
	}
	return false
}

// isVerbLed reports whether a clause starts with a verb, so that it needs the
// subject before a parenthetical cue: "Participating in X, they said, could …".
func isVerbLed(t nlp.Token) bool { return t.Tag == "MD" || strings.HasPrefix(t.Tag, "VB") }

// inRelativeClause reports whether token k sits in a relative clause opened
// after a noun since the last comma: "a country that has never …".
func inRelativeClause(toks []nlp.Token, lo, k int) bool {
	for j := k - 1; j > lo; j-- {
		switch lower(toks[j]) {
		case ",", ";":
			return false
		case "that", "which", "who", "whose":
			return strings.HasPrefix(toks[j-1].Tag, "NN")
		}
	}
	return false
}

func capitalised(s string) bool { return s != "" && s[0] >= 'A' && s[0] <= 'Z' }

// subordinators open a clause that is not the sentence's main one.
var subordinators = set(`since because as although though while if when after before unless whereas once until`)

// callsFor reports whether toks[i] is "call(s/ed)" making a demand rather
// than a statement: "faces calls to resign", "called for an inquiry",
// "called on the minister to quit".
func callsFor(toks []nlp.Token, i, hi int) bool {
	switch lower(toks[i]) {
	case "call", "calls", "called":
	default:
		return false
	}
	if i+1 >= hi {
		return false
	}
	switch lower(toks[i+1]) {
	case "to", "for", "on", "upon":
		return true
	}
	return false
}

// refusal reports whether the words before the verb at v make it a refusal
// to state: "declined to say", "refused to confirm".
func refusal(toks []nlp.Token, lo, v int) bool {
	return v-2 >= lo && lower(toks[v-1]) == "to" && withholdingVerbs[lower(toks[v-2])]
}

// withholds reports whether a sentence reports a refusal to state or a
// statement not made ("Corvex declined to say whether …", "Brandvik did not
// deny that …", "the ministry has not confirmed …"): it states nothing, in
// the outlet's voice either.
func withholds(toks []nlp.Token) bool {
	for i := 0; i+1 < len(toks); i++ {
		w := lower(toks[i])
		if withholdingVerbs[w] && lower(toks[i+1]) == "to" {
			return true
		}
		if (w == "not" || w == "n't" || w == "never") && (speechVerbs[lower(toks[i+1])] || unanswered[lower(toks[i+1])]) {
			return true // "did not deny", "did not respond", "did not return calls"
		}
		if w == "not" && i+2 < len(toks) && lower(toks[i+1]) == "be" && unanswered[lower(toks[i+2])] {
			return true // "could not be reached"
		}
		if w == "neither" && i+3 < len(toks) && speechVerbs[lower(toks[i+1])] && lower(toks[i+2]) == "nor" {
			return true // "neither confirmed nor denied"
		}
	}
	if len(toks) > 0 {
		low := strings.ToLower(toks[0].Text)
		if low == "correction" || low == "clarification" {
			return true // a correction note describes the article, not the story
		}
	}
	return false
}

// unanswered verbs, negated, report that someone said nothing: "did not
// respond to a request for comment", "could not be reached".
var unanswered = set(`respond responded reply replied return returned comment answer reached available`)

// coordinators join a second verb to the subject of the first: "X
// confirmed Y but said Z".
var coordinators = set(`but and then yet`)

// addresseeEnd returns where the addressee of "told" ends, from toks[at],
// and where the rest of the sentence starts after the place or time
// phrase that may follow it ("told the Courier on Tuesday"): an audience
// word ("reporters", "parliament"), a determiner or possessive with what
// follows up to a name's end or the next determiner or pronoun ("the
// Baltimore Sun", "the committee"), or a capitalised name ("CNN"). Without
// a clear end it stops at "that" or a boundary, at most 8 tokens on. The
// phrase after the name is no part of it: "Jory Radio on Tuesday" is
// Jory Radio.
func addresseeEnd(toks []nlp.Token, at, hi int) (name, rest int) {
	w := lower(toks[at])
	switch {
	case audiences[w]:
		return at + 1, prepositionalTail(toks, at+1, hi)
	case determiners[w]:
		end := at + 1
		if end < hi && capitalised(toks[end].Text) {
			n := nameEnd(toks, end, hi)
			return n, adjunctTail(toks, n, hi)
		}
		for end < hi && end-at < 4 && !boundary(toks[end]) && !clauseStarts[lower(toks[end])] && !capitalised(toks[end].Text) {
			end++
		}
		return end, end
	case capitalised(toks[at].Text):
		n := nameEnd(toks, at, hi)
		return n, adjunctTail(toks, n, hi)
	}
	end := at
	for end < hi && end-at < 8 && lower(toks[end]) != "that" && !boundary(toks[end]) {
		end++
	}
	return end, end
}

// nameEnd returns the end of the name starting at toks[at]: capitalised
// words and the numbers and joiners inside names ("TVR-News 24", "Procter &
// Gamble").
func nameEnd(toks []nlp.Token, at, hi int) int {
	end := at
	for end < hi {
		t := toks[end].Text
		joiner := (t == "and" || t == "of" || t == "&") && end+1 < hi && capitalised(toks[end+1].Text)
		if capitalised(t) || end > at && (t[0] >= '0' && t[0] <= '9' || joiner) {
			end++
			continue
		}
		break
	}
	return end
}

// prepositionalTail extends an addressee over a place or time phrase after
// it ("told reporters outside parliament", "told reporters on Tuesday he
// had …"), up to the reported clause or the end of the sentence.
func prepositionalTail(toks []nlp.Token, end, hi int) int {
	for end < hi && tailPrepositions[lower(toks[end])] {
		k := end + 1
		for k < hi && k-end <= 4 && !boundary(toks[k]) && !clauseStarts[lower(toks[k])] && !finiteHere(toks[k]) {
			k++
		}
		if k == end+1 {
			break
		}
		end = k
	}
	return end
}

// tailPrepositions open a place or time phrase after an addressee.
var tailPrepositions = set(`in on at outside inside near from during after before by via over late earlier`)

// adjunctTail extends an addressee ending at end over the rest of the
// sentence when that rest holds no verb: "“…,” he told a Chatham House
// event in Abuja." The reported clause, when one follows, has a verb.
func adjunctTail(toks []nlp.Token, end, hi int) int {
	k := end
	for k < hi && !boundary(toks[k]) {
		if clauseStarts[lower(toks[k])] || hasFiniteVerb(toks[k:k+1]) {
			return end
		}
		k++
	}
	return k
}

// audiences are who is told without passing the words on.
var audiences = set(`reporters journalists parliament lawmakers legislators senators congress
investigators police supporters delegates residents viewers listeners readers me us him her them
you everyone colleagues students voters crowds crowd`)

// clauseStarts begin the reported clause after an addressee: "told the
// committee she had …".
var clauseStarts = set(`that the a an this these those he she they it we i there his her their its
our`)

// relays reports whether a chain told something can pass it on: outlets,
// and organisations or documents the name lists do not know as outlets
// ("told NBC Nightly News"), not officials, people or unnamed audiences.
func relays(c []claimtrail.Source) bool {
	if len(c) == 0 {
		return false
	}
	for _, s := range c {
		switch s.Kind {
		case claimtrail.KindOutlet, claimtrail.KindOrganization, claimtrail.KindDocument:
		default:
			return false
		}
	}
	return true
}

// coordinatedCue splits content at a speech verb coordinated with the one
// that introduced it: "the mayor was in hospital but said her condition
// was stable" is two propositions, the second under "said".
func coordinatedCue(toks []nlp.Token, lo, hi int) (first, second clause, ok bool) {
	for k := lo + 2; k < hi-2; k++ {
		if !coordinators[lower(toks[k])] {
			continue
		}
		v := k + 1
		for v < hi-1 && isAdverbial(toks[v]) {
			v++
		}
		if !plainCues[lower(toks[v])] {
			continue
		}
		start := v + 1
		if start < hi && toks[start].Text == ":" {
			start++
		}
		if start < hi && lower(toks[start]) == "that" {
			start++
		}
		a1, b1 := trim(toks, lo, k)
		a2, b2 := trim(toks, start, hi)
		if b1-a1 < 2 || b2-a2 < 2 {
			continue
		}
		return clause{lo: a1, hi: b1}, clause{lo: a2, hi: b2, cue: span(toks, v, v+1)}, true
	}
	return clause{}, clause{}, false
}

// finiteHere reports whether a token is a finite verb: by its tag, or, for
// an untagged token, when it is an auxiliary or a common irregular form
// (not the -ed guess, which takes "unnamed" for a verb).
func finiteHere(t nlp.Token) bool {
	switch t.Tag {
	case "VBD", "VBZ", "VBP", "MD":
		return true
	case "":
		return finiteWords[strings.ToLower(t.Text)]
	}
	return false
}

// nameBefore reports whether the words before the comma at c, back to
// the clause's start, are a capitalised name of one to four words: "Marta
// Kovac, a structural engineer, said".
func nameBefore(toks []nlp.Token, lo, c int) bool {
	j := c
	for j > lo && !boundary(toks[j-1]) {
		j--
	}
	return c-j >= 1 && c-j <= 4 && allCapitalised(toks[j:c])
}

// mistaggedParticiple reports whether toks[i], tagged a past participle,
// is the main verb after its subject: the tagger reads "the agency
// confirmed it was …" as VBN. Not after a form of "be" or "have" (passive,
// perfect) and not before "by" ("figures confirmed by the ministry").
func mistaggedParticiple(toks []nlp.Token, lo, hi, i int) bool {
	if toks[i].Tag != "VBN" || i == lo || i+1 >= hi || lower(toks[i+1]) == "by" {
		return false
	}
	prev := toks[i-1]
	if w := lower(prev); beForms[w] || w == "has" || w == "have" || w == "had" {
		return false
	}
	return strings.HasPrefix(prev.Tag, "NN") || prev.Tag == "PRP"
}

// anaphoricDeterminers open a noun phrase that refers back to something
// already named: "that report", "the earlier story", "such claims".
var anaphoricDeterminers = set(`that those this these such the`)

// verdictOnReportNamed reports whether an unattributed sentence is the
// outlet's verdict on a report it names by anaphora ("That report was
// wrong.", "The earlier report was inaccurate."): it opens with a
// determiner and a report noun within the next three words, and holds a
// verdict word. Such a sentence names no entity, yet it is the outlet's
// denial of the report it has just cited (link resolves which).
func verdictOnReportNamed(toks []nlp.Token) bool {
	if len(toks) < 4 || !anaphoricDeterminers[lower(toks[0])] {
		return false
	}
	noun := false
	for k := 1; k < min(len(toks), 4); k++ {
		noun = noun || reportNouns[lower(toks[k])]
	}
	if !noun {
		return false
	}
	for _, t := range toks {
		if verdictWords[lower(t)] {
			return true
		}
	}
	return false
}
