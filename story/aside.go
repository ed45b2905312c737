package story

import (
	"strings"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/nlp"
)

// Check-worthiness: a statement is a claim to check when it reports an
// event, a figure, a who-did-what or a decision; it is an aside when it
// evaluates (an opinion), recommends (advice), voices a feeling, speculates
// in the outlet's own voice, or announces a procedure. The signals below
// read the statement's own parse (part-of-speech tags and the sentence's
// dependency tree), not phrases of any one story: a signal is a syntactic
// construction (a copula whose predicate is evaluative, a first-person
// subject of a verb of thinking or feeling, a modal of obligation, an
// imperative, a question, a bare modal of possibility with no source) and
// the small closed word classes that construction needs. A figure in the
// statement vetoes them all: "should pay 40 million" is a claim to check.

// asideSignal is one construction that marks a statement as no claim to
// check. Each comes with statements that show it and statements that must
// not, and a test runs them all.
type asideSignal struct {
	kind string // the aside kind it signals: opinion, advice, feeling, prediction, procedure, question, fragment
	name string
	test func(v *statementView) bool
	yes  []string // statements the signal must fire on; [brackets] mark the content inside a longer sentence
	no   []string // statements it must not fire on
	// guarded: the signal reads the form of the words, not what they say,
	// so a cut-off clause or a malformed question may still be the only
	// statement of a real claim. A guarded signal makes an aside only when
	// nothing leans on the claim (see leanedOn): no source, no denial, no
	// second article. Demoting such a claim would drop a relay chain or a
	// denial that a fact-checker needs.
	guarded bool
}

// asideSignals is the declarative table, read in order; the first signal
// that fires names the kind.
var asideSignals = []asideSignal{
	{"advice", "modal of obligation", obligation,
		[]string{"Regulators should publish every inspection report", "The council ought to apologise",
			"Buyers of the kettles need to return them"},
		[]string{"The council published every inspection report", "He said the port must have known",
			"It is true that the software decides where the robots should go"}, false},
	{"advice", "imperative", imperative,
		[]string{"Check your statements for unknown payments", "Do not drink the tap water until Friday",
			"Ask Mayor Wenna Fenn what she knew about the leak", "Let us see what the inquiry finds"},
		[]string{"Checks found no fault in the wiring", "The ministry told residents to boil water",
			"Put the photo into a search engine and you get pictures of Lisbon", "Ignore the reports that the mayor has resigned",
			"Remember that the mayor voted against the plan",
			"Rescue teams reached the village at dawn"}, false},
	{"question", "question", question,
		[]string{"Who will pay for the repairs?"},
		[]string{"The mayor asked who would pay for the repairs"}, false},
	{"feeling", "first person thinking or feeling", firstPersonFeeling,
		[]string{"I don't think anyone could have done better", "We are deeply saddened by the news",
			"Our thoughts are with everyone on board", "I understand why the tenants are upset", "We hope the talks succeed",
			"We would prefer a vote in the spring"},
		[]string{"We found traces of lead in the water", "I saw the lorry leave the depot at midnight",
			"They think the fire started in the kitchen"}, false},
	{"opinion", "evaluative predicate", evaluativePredicate,
		[]string{"It's a costly but wise choice", "The decision was a grave mistake",
			"This is no triumph for anyone", "That would be unfair on the smaller clubs", "The settlement is fair"},
		[]string{"The ferry was carrying cars and lorries", "The bridge was closed to traffic",
			"The mayor is a former teacher"}, false},
	{"opinion", "deictic subject of a copula", deicticCopula,
		[]string{"This was never about the money", "It is a bargain struck out of weakness",
			"That is a question for the courts"},
		[]string{"It is the third recall of the year", "This was the plant in Orvelle that closed",
			"It was a blue van"}, false},
	{"opinion", "exclamative", exclamative,
		[]string{"What a waste of the council's money", "What a mess the harbour board has made",
			"What an insult to the crews of the ferry"},
		[]string{"What the harbour board made was a loss", "The board made a mess of the accounts",
			"Whatever the board decides, the pier stays shut"}, false},
	{"opinion", "verb of desert in the outlet's own voice", desert,
		[]string{"The tenants deserve better", "Every family in the valley deserves an answer",
			"The volunteers merit more than a plaque"},
		[]string{"The tenants received a refund", "The merits of the plan were debated for hours",
			"The council reserved a room for the tenants"}, false},
	{"procedure", "the article speaking of itself or asking for comment", selfReference,
		[]string{"Two reporters contributed to this report", "The harbour board has been contacted for comment",
			"The minister was unavailable for comment", "A correspondent in Portvale contributed to this article"},
		[]string{"The inspectors contributed to the report on the pier", "This report found lead in the water",
			"The minister commented on the inspection", "The board was contacted by the police in May"}, false},
	{"procedure", "the outlet saying what it could not verify", unverifiedByOutlet,
		[]string{"The Orm Courier could not independently verify the footage", "We were unable to confirm the account",
			"The claims could not be independently verified"},
		[]string{"Police could not confirm the identity of the driver", "The lab verified the samples on Monday",
			"The pilot's licence could not be verified by the inspectors",
			"The footage could not be independently verified, but it shows three armed men"}, false},
	{"prediction", "unsourced modal of possibility", unsourcedPossibility,
		[]string{"The merger could anger the farmers", "Voters, wary of the price, may see the deal as a surrender"},
		[]string{"The merger was approved by the board", "Rescuers could not reach the village"}, false},
	{"procedure", "scheduled procedure", scheduledProcedure,
		[]string{"Negotiations will resume after the holiday", "The committee is due to meet again next week",
			"A ruling is expected later this month", "The board would publish its findings"},
		[]string{"Talks resumed on Thursday", "The committee met in secret", "The board will close the plant",
			"The coast road would reopen next week"}, false},
	{"question", "inverted auxiliary opening the sentence", invertedQuestion,
		[]string{"Is it safe to swim in the lake", "Did the council know about the leak", "Can the ferry still sail"},
		[]string{"It is safe to swim in the lake", "Never had the council seen such a leak",
			"The council did know about the leak", "IS counts fighters from many countries"}, true},
	{"fragment", "relative pronoun cut from its antecedent", relativeRemnant,
		[]string{"The mayor cited the audit, [which he said was flawed]", "[Who had warned of the flood]",
			"The quarry, [which closed in May]"},
		[]string{"The mayor said the audit was flawed", "Which audit was flawed?",
			"The quarry closed in May", "Whatever caused the blast, it shook the valley"}, true},
	{"fragment", "names nothing", namesNothing,
		[]string{"The video was posted [online Tuesday]", "The council said [Monday]", "[Okay, yeah]",
			"Critics tell [however]", "The group posted [it]"},
		[]string{"The council confirmed [the closure]", "The union claims [no strike]", "[It rained]",
			"[He did]", "The mayor was [furious]"}, false},
	{"fragment", "credit line", creditLine,
		[]string{"Photo: Mara Quint / Harbour Press", "Image: council handout", "Source: the statistics office"},
		[]string{"Update: the ferry has docked in Portvale", "Warning: the coast road is closed",
			"The photo showed the pier"}, true},
	{"fragment", "no finite predicate", noFinitePredicate,
		[]string{"To be closed following the storm", "Seeing a lorry near the depot at midnight",
			"Trucks at the gate and blocking the road", "The aftermath of the storm in the valley",
			"The residents to stay away from the dam", "Deleted by the operator of the ferry"},
		[]string{"The road was closed following the storm", "A guard saw a lorry leave the depot at midnight",
			"Trucks blocked the gate", "Two crew members are missing", "The valley will flood",
			"Rescuers had reached the valley", "The dam, which was built in 1960, collapsed",
			"Her parents divorced", "The grants primarily target displaced families",
			"The story of the miner who supposedly survived has gained traction",
			"The mayor's failure to appear fueled rampant speculation"}, true},
}

// statementView is what the signals read: a statement's content tokens and
// its words in the sentence's dependency tree.
type statementView struct {
	toks []nlp.Token
	low  []string
	tree *nlp.Tree
	in   []int // tree words inside the content, in order
	head int   // the content's head word, -1 when there is no tree
	own  bool  // no cue: the article's own voice
	// arguing: the cue is a verb of arguing or believing ("argue",
	// "contend", "believe"): the source puts forward a view.
	arguing bool
	text    string
	outlet  string // the article's outlet, the first link of the chain
	docText string // the whole article's text, which tree spans index
}

// viewOf builds the view of one statement, nil when its document is
// missing.
func viewOf(st *claimtrail.Statement, d *nlp.Document) *statementView {
	if d == nil {
		return nil
	}
	v := &statementView{toks: d.TokensIn(st.Content), head: -1, own: st.Cue.Empty(), text: st.Content.In(d.Text()), docText: d.Text()}
	for _, t := range v.toks {
		v.low = append(v.low, t.LowerText())
	}
	if cue := strings.Fields(strings.ToLower(st.Cue.In(d.Text()))); len(cue) > 0 {
		v.arguing = arguingCues[cue[0]]
	}
	if len(st.Chain) > 0 {
		v.outlet = st.Chain[0].Name
	}
	if len(v.toks) == 0 {
		return v
	}
	v.tree = d.Tree(d.SentenceAt(st.Content.Start))
	if v.tree == nil {
		return v
	}
	for i := 0; i < v.tree.Len(); i++ {
		if st.Content.Contains(v.tree.Token(i).Span) {
			v.in = append(v.in, i)
		}
	}
	for _, i := range v.in {
		h := v.tree.Head(i)
		if h < 0 || !st.Content.Contains(v.tree.Token(h).Span) {
			v.head = i
			break
		}
	}
	return v
}

// word returns tree word i lower-cased.
func (v *statementView) word(i int) string { return v.tree.Token(i).LowerText() }

// deps returns head's dependents by rel inside the content.
func (v *statementView) deps(head int, rel string) []int {
	if v.tree == nil || head < 0 {
		return nil
	}
	return v.tree.Dependents(head, rel)
}

// auxWords returns the lower-cased auxiliaries of the head.
func (v *statementView) auxWords() map[string]bool {
	out := map[string]bool{}
	for _, a := range v.deps(v.head, "aux") {
		out[v.word(a)] = true
	}
	return out
}

var (
	obligationModals = map[string]bool{"should": true, "ought": true, "must": true, "shouldn't": true, "mustn't": true}
	// scheduleWords take a "to"-infinitive of a step of a schedule ("is
	// due to meet", "are expected to resume").
	scheduleWords = map[string]bool{"due": true, "expected": true, "scheduled": true, "set": true}
	needVerbs     = map[string]bool{"need": true, "needs": true}
	// feelingWords are predicates of thinking and feeling: with a first-person
	// subject they give the speaker's state of mind, not an event.
	feelingWords = map[string]bool{
		"think": true, "believe": true, "feel": true, "hope": true, "wish": true, "understand": true,
		"regret": true, "apologise": true, "apologize": true, "fear": true, "trust": true, "want": true,
		"sorry": true, "devastated": true, "saddened": true, "shocked": true, "grateful": true, "proud": true,
		"glad": true, "delighted": true, "happy": true, "confident": true, "concerned": true, "worried": true,
		"disappointed": true, "thankful": true, "heartbroken": true, "appalled": true, "thoughts": true,
		"like": true, "prefer": true, "love": true, "hate": true, "expect": true,
	}
	firstPerson = map[string]bool{"i": true, "we": true, "our": true, "my": true}
	// evaluativeWords are adjectives and nouns of judgement: as the
	// predicate of a copula they grade, they do not report.
	evaluativeWords = map[string]bool{
		"good": true, "bad": true, "better": true, "worse": true, "best": true, "worst": true, "right": true,
		"wrong": true, "fair": true, "unfair": true, "just": true, "unjust": true, "difficult": true, "easy": true,
		"important": true, "crucial": true, "vital": true, "essential": true, "necessary": true, "welcome": true,
		"shameful": true, "disgraceful": true, "outrageous": true, "unacceptable": true, "acceptable": true,
		"ridiculous": true, "absurd": true, "remarkable": true, "historic": true, "tragic": true,
		"desperate": true, "reckless": true, "irresponsible": true, "wise": true, "unwise": true, "foolish": true,
		"courageous": true, "brave": true, "cowardly": true, "appalling": true, "terrible": true, "excellent": true,
		"great": true, "disappointing": true, "regrettable": true, "deplorable": true, "scandalous": true,
		"mistake": true, "tragedy": true, "disgrace": true, "shame": true, "betrayal": true, "disaster": true,
		"scandal": true, "victory": true, "defeat": true, "loss": true, "triumph": true, "failure": true,
		"success": true, "gamble": true, "insult": true, "farce": true,
	}
	deictic = map[string]bool{"it": true, "this": true, "that": true}
	// arguingCues are the attribution verbs that put forward a view
	// rather than report a fact.
	arguingCues = map[string]bool{
		"argue": true, "argues": true, "argued": true, "contend": true, "contends": true, "contended": true,
		"believe": true, "believes": true, "believed": true, "think": true, "thinks": true, "thought": true,
		"feel": true, "feels": true, "felt": true, "suggest": true, "suggests": true, "suggested": true,
		"reckon": true, "reckons": true, "reckoned": true, "predict": true, "predicts": true, "predicted": true,
	}
	// possibilityModals with no source are the outlet's own speculation.
	possibilityModals = map[string]bool{"could": true, "may": true, "might": true}
	// procedureVerbs are the steps of a schedule: meeting, resuming,
	// announcing, publishing, voting. Changes in the world ("reopen",
	// "close") are not among them: a road that would reopen is news.
	procedureVerbs = map[string]bool{
		"resume": true, "meet": true, "hold": true, "held": true, "reconvene": true, "convene": true,
		"announce": true, "publish": true, "brief": true, "vote": true, "debate": true,
		"review": true, "attend": true, "follow": true, "discuss": true, "decide": true, "consider": true,
	}
	procedureNouns = map[string]bool{"announcement": true, "decision": true, "statement": true, "ruling": true, "verdict": true}
	futureAux      = map[string]bool{"will": true, "would": true, "'ll": true}
)

// obligation: a modal of obligation ("should", "ought to", "must") or
// "need(s) to" governing the statement's main verb (the head, or a verb
// joined to it by "and"), not one in a clause below it ("it's true that
// there is software deciding where it should go"). "must have" is an
// inference, not advice.
func obligation(v *statementView) bool {
	if v.tree == nil || v.head < 0 {
		return false
	}
	for k, i := range v.in {
		w, next := v.word(i), ""
		if k+1 < len(v.in) {
			next = v.word(v.in[k+1])
		}
		switch {
		case w == "must" && next == "have":
		case obligationModals[w] && (w != "ought" || next == "to"), needVerbs[w] && next == "to":
			if v.governsMain(i) {
				return true
			}
		}
	}
	return false
}

// governsMain reports whether word i is the content's head, or attaches to
// the head or to a verb conjoined with it.
func (v *statementView) governsMain(i int) bool {
	if i == v.head {
		return true
	}
	h := v.tree.Head(i)
	if h == v.head {
		return true
	}
	return h >= 0 && nlp.RelIs(v.tree.Rel(h), "conj") && v.tree.Head(h) == v.head
}

// imperative: the head is a bare verb opening the sentence with no subject
// ("Check your statements", "Do not drink").
func imperative(v *statementView) bool {
	if v.tree == nil || v.head < 0 || len(v.in) == 0 || v.tree.XPOS(v.head) != "VB" {
		return false
	}
	if len(v.deps(v.head, "nsubj")) > 0 || len(v.deps(v.head, "mark")) > 0 || len(v.deps(v.head, "aux:pass")) > 0 {
		return false
	}
	for _, a := range v.deps(v.head, "aux") {
		if w := v.word(a); w != "do" && w != "don't" {
			return false
		}
	}
	if len(v.tree.Children(v.head)) == 0 {
		return false // a lone word ("Transport"), no command
	}
	for _, i := range v.in {
		switch v.tree.XPOS(i) {
		case "VBD", "VBZ", "VBP":
			if !v.belowCommand(i) {
				return false // a finite verb: the bare verb was mis-tagged ("Rescue teams reached")
			}
		}
	}
	first := v.in[0]
	for j := 0; j < first; j++ {
		if v.tree.UPOS(j) != "PUNCT" {
			return false // a clause cut out of a sentence, its subject left behind
		}
	}
	return first == v.head || v.word(first) == "do" || v.word(first) == "please"
}

// subordinateRels are the relations of a clause set under a verb: a
// finite verb inside one belongs to that clause, not to the command
// ("ask the mayor [what she knew]"). A clause under the command's object
// ("ignore the reports [that I was captured]") is not among them: the
// command may deny what the object reports.
var subordinateRels = []string{"ccomp", "advcl"}

// belowCommand reports whether finite word i belongs to a clause set
// under the head and not introduced by "that": a that-clause under a
// command ("remember that …", "note that …") is stated as a fact. A
// conjunct is none: "put the photo into a search engine and you get
// pictures of Lisbon" is a conditional, a claim about the photo.
func (v *statementView) belowCommand(i int) bool {
	under := false
	for j := i; j >= 0; j = v.tree.Head(j) {
		if j == v.head {
			return under // only a clause under the command's own verb
		}
		for _, rel := range subordinateRels {
			if nlp.RelIs(v.tree.Rel(j), rel) {
				if v.hasDepWord(j, "mark", "that") {
					return false // "remember that the mayor voted …": the command takes the clause as true
				}
				under = true
			}
		}
	}
	return false
}

// question: the statement ends in a question mark.
func question(v *statementView) bool {
	return strings.HasSuffix(strings.TrimRight(v.text, " ”\"'’"), "?")
}

// firstPersonFeeling: "I"/"we" as the subject of a predicate of thinking
// or feeling, or a feeling of ours as the subject ("our thoughts are").
func firstPersonFeeling(v *statementView) bool {
	if v.tree == nil || v.head < 0 {
		return false
	}
	for _, s := range v.deps(v.head, "nsubj") {
		for _, p := range v.deps(s, "nmod:poss") {
			if firstPerson[v.word(p)] && feelingWords[v.word(s)] {
				return true
			}
		}
	}
	if !feelingWords[v.word(v.head)] {
		return false
	}
	for _, s := range v.deps(v.head, "nsubj") {
		if firstPerson[v.word(s)] {
			return true
		}
	}
	return false
}

// evaluativePredicate: a copula whose predicate is an evaluative adjective
// or noun, or a noun an evaluative adjective grades ("a reckless plan").
func evaluativePredicate(v *statementView) bool {
	if v.tree == nil || v.head < 0 || len(v.deps(v.head, "cop")) == 0 {
		return false
	}
	if evaluativeWords[v.word(v.head)] {
		return true
	}
	for _, m := range v.deps(v.head, "amod") {
		if evaluativeWords[v.word(m)] {
			return true
		}
		for _, c := range v.deps(m, "conj") {
			if evaluativeWords[v.word(c)] {
				return true
			}
		}
	}
	return false
}

// deicticCopula: "it", "this" or "that" as the subject of a copula whose
// predicate names nothing (no name, no figure, no ordinal, no describing
// adjective): the speaker characterising what was just said rather than
// adding a fact.
func deicticCopula(v *statementView) bool {
	if v.tree == nil || v.head < 0 || len(v.deps(v.head, "cop")) == 0 {
		return false
	}
	subj := v.deps(v.head, "nsubj")
	if len(subj) != 1 || !deictic[v.word(subj[0])] {
		return false
	}
	switch v.tree.XPOS(v.head) {
	case "NN", "NNS", "JJR", "RBR":
	default:
		return false
	}
	for _, m := range v.deps(v.head, "amod") {
		if !evaluativeWords[v.word(m)] {
			return false // "a blue van": a description
		}
	}
	for _, i := range v.in {
		switch v.tree.XPOS(i) {
		case "NNP", "NNPS", "CD":
			return false
		}
		switch v.word(i) {
		case "first", "second", "third", "last", "latest", "same", "one":
			return false
		}
	}
	return true
}

// exclamative: the content opens on "what a(n)" grading a noun ("what a
// waste of money", "what a mess they made"), or on "how" grading the
// predicate adjective that heads it ("how wrong they were"): the writer
// exclaims, nothing is stated that could be checked. A free relative
// ("what the board made was a loss") has no article after "what".
func exclamative(v *statementView) bool {
	if v.tree == nil || v.head < 0 || question(v) {
		return false
	}
	first := v.firstWord()
	if first < 0 {
		return false
	}
	switch v.word(first) {
	case "what":
		next := first + 1
		return next < v.tree.Len() && (v.word(next) == "a" || v.word(next) == "an") && v.tree.Head(first) == v.tree.Head(next)
	case "how":
		return v.tree.Head(first) == v.head && v.tree.UPOS(v.head) == "ADJ"
	}
	return false
}

// desertVerbs say what someone ought to get ("deserve better", "merit
// more"): a verdict, not an event.
var desertVerbs = map[string]bool{"deserve": true, "deserves": true, "merit": true, "merits": true}

// desert: a verb of desert heads a statement in the outlet's own voice
// ("the tenants deserve better"). Put on a source ("the union said the
// tenants deserve better") it stays a claim about what the source said.
func desert(v *statementView) bool {
	if !v.own || v.tree == nil || v.head < 0 || v.tree.UPOS(v.head) != "VERB" {
		return false
	}
	return desertVerbs[v.word(v.head)]
}

// selfNouns name the article itself when "this" picks them out ("contributed
// to this report").
var selfNouns = map[string]bool{"report": true, "article": true, "story": true}

// commentSeekers are the predicates a newsroom asks a party for comment
// with ("contacted for comment", "unavailable for comment").
var commentSeekers = map[string]bool{
	"contacted": true, "approached": true, "reached": true, "asked": true, "unavailable": true, "available": true,
}

// selfReference: the main predicate has "this report/article/story" as its
// object or oblique (the article speaking of how it was made), or is a
// predicate of asking for comment with "for comment" (a newsroom step, no
// event of the story). "This report found lead" is about a report the
// article discusses: a subject is never read as the article itself.
func selfReference(v *statementView) bool {
	if v.tree == nil || v.head < 0 {
		return false
	}
	for _, rel := range []string{"obj", "obl"} {
		for _, o := range v.deps(v.head, rel) {
			if selfNouns[v.word(o)] && v.hasDepWord(o, "det", "this") {
				return true
			}
			if v.word(o) == "comment" && commentSeekers[v.word(v.head)] && v.hasDepWord(o, "case", "for") {
				return true
			}
		}
	}
	return false
}

// verifySteps are the verbs of a newsroom's checking, in the forms a
// negated or passive clause uses.
var verifySteps = map[string]bool{"verify": true, "verified": true, "confirm": true, "confirmed": true,
	"corroborate": true, "corroborated": true, "authenticate": true, "authenticated": true}

// unverifiedByOutlet: in its own voice, the outlet says it could not check
// something ("The Orm Courier could not independently verify the footage",
// "we were unable to confirm", "the claims could not be independently
// verified"): a step of its reporting, not an event of the story. Another
// party's failure to confirm ("police could not confirm the driver's
// identity") is a fact and stays a claim.
func unverifiedByOutlet(v *statementView) bool {
	if !v.own || v.tree == nil || v.head < 0 {
		return false
	}
	h := v.head
	if len(v.deps(h, "conj")) > 0 {
		return false // "… could not be confirmed, but the fighters in it …": the rest is a claim
	}
	if v.word(h) == "unable" {
		if x := v.deps(h, "xcomp"); len(x) > 0 {
			return verifySteps[v.word(x[0])] && v.outletSubject(h)
		}
		return false
	}
	if !verifySteps[v.word(h)] {
		return false
	}
	if len(v.deps(h, "nsubj:pass")) > 0 || len(v.deps(h, "cop")) > 0 {
		// passive, or a participle the parser reads as an adjective after "be"
		return len(v.deps(h, "obl:agent")) == 0 && v.hasDepWord(h, "advmod", "independently") && v.negatedHead(h)
	}
	return v.negatedHead(h) && v.outletSubject(h)
}

// negatedHead reports whether word h is negated by "not", "n't" or "never".
func (v *statementView) negatedHead(h int) bool {
	return v.hasDepWord(h, "advmod", "not") || v.hasDepWord(h, "advmod", "n't") || v.hasDepWord(h, "advmod", "never")
}

// outletSubject reports whether word h's subject is the article's outlet
// or "we".
func (v *statementView) outletSubject(h int) bool {
	for _, sub := range v.deps(h, "nsubj") {
		if v.word(sub) == "we" {
			return true
		}
		name := v.tree.SubtreeSpan(sub).In(v.docText)
		if v.outlet != "" && outletKey(name) == outletKey(v.outlet) {
			return true
		}
	}
	return false
}

// outletKey folds an outlet's name as a source key without a leading
// article: "The Orm Courier" and "Orm Courier" are one outlet.
func outletKey(name string) string {
	if len(name) > 4 && strings.EqualFold(name[:4], "the ") {
		name = name[4:]
	}
	return nlp.SourceKey(name)
}

// hasDepWord reports whether word i has a dependent by rel that is word w.
func (v *statementView) hasDepWord(i int, rel, w string) bool {
	for _, d := range v.deps(i, rel) {
		if v.word(d) == w {
			return true
		}
	}
	return false
}

// unsourcedPossibility: "could", "may" or "might", not negated, in a
// statement the outlet makes in its own voice or a source argues rather
// than reports ("analysts argue the merger could …"). Read over the tagged
// tokens: the parser often misplaces the head of long speculative
// sentences.
func unsourcedPossibility(v *statementView) bool {
	if !v.own && !v.arguing {
		return false
	}
	for i, t := range v.toks {
		if t.Tag != "MD" || !possibilityModals[v.low[i]] {
			continue
		}
		if i+1 < len(v.low) && (v.low[i+1] == "not" || v.low[i+1] == "n't") {
			return false // "could not reach": an inability, a fact
		}
		return true
	}
	return false
}

// scheduledProcedure: a step of a schedule in the future ("will resume",
// "would publish"), one that is due ("is due to meet", "are expected to
// vote": read over the tokens, since the parser often hangs "due to" on
// the subject), or an expected announcement ("a decision is expected").
func scheduledProcedure(v *statementView) bool {
	if v.tree == nil || v.head < 0 {
		return false
	}
	for i := 0; i+2 < len(v.low); i++ {
		if !scheduleWords[v.low[i]] || v.low[i+1] != "to" {
			continue
		}
		for _, x := range v.low[i+2 : min(i+4, len(v.low))] { // "to meet", "to be held"
			if procedureVerbs[x] {
				return true
			}
		}
	}
	if v.word(v.head) == "expected" {
		for _, s := range v.deps(v.head, "nsubj") {
			if procedureNouns[v.word(s)] {
				return true
			}
		}
	}
	if !procedureVerbs[v.word(v.head)] {
		return false
	}
	for a := range v.auxWords() {
		if futureAux[a] {
			return true
		}
	}
	return false
}

// finiteTags are the part-of-speech tags of a finite verb form: a past or
// present tense, or a modal.
var finiteTags = map[string]bool{"VBD": true, "VBZ": true, "VBP": true, "MD": true}

// subjectRels are the relations of a clause's subject, an expletive "there"
// or "it" counting as one.
var subjectRels = []string{"nsubj", "nsubj:pass", "csubj", "expl"}

// tensed reports whether tree word i is a finite verb form by the
// parser's tag or the tagger's. The two disagree on the words where a
// past tense and a participle look alike: the parser reads "the ministry
// summoned the ambassador" as a noun phrase ("summoned": a participle) or
// "sank" as a noun now and then. Demoting a real claim costs more than
// keeping a fragment, so a word either reads as finite counts.
func (v *statementView) tensed(i int) bool {
	return finiteTags[v.tree.XPOS(i)] || finiteTags[v.tree.Token(i).Tag]
}

// clauseVerb reports whether tree word i is a verb with a subject before
// it and no "to" before it: "dog owners rejoiced", whichever tag the past
// tense got (a participle to both taggers there). A gerund after its
// subject ("trucks blocking the road") is none: captions are made of
// them.
func (v *statementView) clauseVerb(i int) bool {
	if u := v.tree.UPOS(i); u != "VERB" && u != "AUX" {
		return false
	}
	if i > 0 && strings.EqualFold(v.tree.Token(i-1).Text, "to") {
		return false
	}
	if v.tree.XPOS(i) == "VBG" || v.tree.Token(i).Tag == "VBG" {
		return false
	}
	if v.nounJustBefore(i) {
		return true // "the failure to appear fueled speculation": a subject the parser missed
	}
	for _, rel := range subjectRels {
		for _, s := range v.tree.Dependents(i, rel) {
			if s < i {
				return true
			}
		}
	}
	return false
}

// nounJustBefore reports whether a noun or pronoun of the content comes
// before word i with no punctuation between: the words a subject would
// be. "deleted by the operator" has none; "the failure to appear fueled"
// has one.
func (v *statementView) nounJustBefore(i int) bool {
	for k := len(v.in) - 1; k >= 0; k-- {
		j := v.in[k]
		if j >= i {
			continue
		}
		switch v.tree.UPOS(j) {
		case "PUNCT":
			return false
		case "NOUN", "PROPN", "PRON":
			return true
		}
	}
	return false
}

// noFinitePredicate: no word of the content is a finite verb, by either
// tag, nor a verb after its subject: an infinitive or participle phrase
// cut from its sentence ("to be closed following the storm", "seeing a
// lorry near the depot"), a bare noun phrase ("the aftermath of the
// storm"), or a subject with an infinitive ("the residents to stay
// away"). A noun phrase with a relative clause ("the dam, which
// collapsed") holds a finite verb and stays a claim: the parser hangs main
// clauses under relative ones often enough that telling them apart costs
// more real claims than it sets fragments apart.
func noFinitePredicate(v *statementView) bool {
	if v.tree == nil || v.head < 0 {
		return false
	}
	for _, i := range v.in {
		if v.tensed(i) || v.clauseVerb(i) || v.doubtfulVerb(i) {
			return false
		}
	}
	return true
}

// functionPOS are the universal tags of words that name nothing on their
// own: pronouns, determiners, conjunctions, prepositions, particles,
// interjections, adverbs and punctuation.
var functionPOS = map[string]bool{
	"PRON": true, "DET": true, "CCONJ": true, "SCONJ": true, "ADP": true, "PART": true,
	"INTJ": true, "ADV": true, "PUNCT": true,
}

// dayWords place an event in time and say nothing of it: a content made of
// them ("said Monday") is the date of a cue, cut off as its content.
var dayWords = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true,
	"sunday": true, "today": true, "yesterday": true, "tonight": true, "tomorrow": true,
}

// namesNothing: every word of the content is a function word, an
// interjection or a day ("online Tuesday", "it", "okay, yeah", "however"):
// what is left when a cue's date, a pronoun or a filler word is read as
// its content. There is no proposition to check whoever is credited with
// it, so the row is not guarded; a denial still keeps it (asideKind). A
// verb, an auxiliary ("he did"), a noun or an adjective ("furious") may
// carry a claim and stop it.
func namesNothing(v *statementView) bool {
	if v.tree == nil || len(v.in) == 0 {
		return false
	}
	for _, i := range v.in {
		if !functionPOS[v.tree.UPOS(i)] && !dayWords[v.word(i)] {
			return false
		}
	}
	return true
}

// creditLine: a label noun opening the content, a colon after it, and no
// verb after the colon by the parser's reading ("Photo: Mara Quint /
// Harbour Press"): a caption's credit or a source line. The tagger is not
// asked, since it reads a slash or a name as a verb now and then; "Update:
// the ferry has docked" holds a verb and is a claim.
func creditLine(v *statementView) bool {
	if v.tree == nil || len(v.in) < 3 {
		return false
	}
	first := v.firstWord()
	if first < 0 || first+1 >= v.tree.Len() || v.tree.Token(first+1).Text != ":" {
		return false
	}
	if u := v.tree.UPOS(first); u != "NOUN" && u != "PROPN" {
		return false
	}
	for _, i := range v.in {
		if u := v.tree.UPOS(i); i > first && (u == "VERB" || u == "AUX") {
			return false
		}
	}
	return true
}

// doubtfulVerb reports whether the tagger reads tree word i as a verb and
// the parser does not ("her parents divorced": an adverb to the parser;
// "the grants target families": a noun). Where the two disagree the word
// may be the clause's verb, and the statement is given the benefit of the
// doubt.
func (v *statementView) doubtfulVerb(i int) bool {
	if u := v.tree.UPOS(i); u == "VERB" || u == "AUX" {
		return false
	}
	return strings.HasPrefix(v.tree.Token(i).Tag, "VB")
}

// firstWord returns the content's first tree word that is no punctuation,
// or -1.
func (v *statementView) firstWord() int {
	for _, i := range v.in {
		if v.tree.UPOS(i) != "PUNCT" {
			return i
		}
	}
	return -1
}

// relativeRemnant: the content opens on a relative pronoun ("which",
// "who") that is an argument of its clause ("which he said was flawed"):
// the statement was cut out of a relative clause and its antecedent, what
// it is about, left behind. A question opening on the same word ends in
// a question mark and is read by the question row.
func relativeRemnant(v *statementView) bool {
	if v.tree == nil || question(v) {
		return false
	}
	first := v.firstWord()
	if first < 0 {
		return false
	}
	switch v.tree.XPOS(first) {
	case "WDT", "WP":
	default:
		return false
	}
	if strings.HasSuffix(v.word(first), "ever") {
		return false // "whatever caused the blast": a free relative, a noun phrase of its own
	}
	rel := v.tree.Rel(first)
	return nlp.RelIs(rel, "nsubj") || nlp.RelIs(rel, "obj") || nlp.RelIs(rel, "obl")
}

// invertedQuestion: a sentence opening on an auxiliary or copula that its
// subject follows ("Is it safe", "Did the council know"): a question whose
// question mark the extractor left out of the content.
func invertedQuestion(v *statementView) bool {
	if v.tree == nil || v.head < 0 {
		return false
	}
	first := v.firstWord()
	if first < 0 || !finiteTags[v.tree.XPOS(first)] || v.tree.UPOS(first) != "AUX" {
		return false
	}
	if w := v.tree.Token(first).Text; len(w) > 1 && strings.ToUpper(w) == w {
		return false // "IS counts fighters": an acronym, not "is"
	}
	for j := 0; j < first; j++ {
		if v.tree.UPOS(j) != "PUNCT" {
			return false // not the sentence's first word
		}
	}
	pred := first
	if rel := v.tree.Rel(first); nlp.RelIs(rel, "aux") || nlp.RelIs(rel, "cop") {
		pred = v.tree.Head(first)
	}
	if pred < 0 {
		return false
	}
	for _, rel := range subjectRels {
		for _, s := range v.tree.Dependents(pred, rel) {
			if s > first && (s < pred || pred == first) {
				return true // the subject between the auxiliary and its verb
			}
		}
	}
	return false
}

// asideOf names the kind of aside a statement is ("opinion", "advice",
// "feeling", "prediction", "procedure", "question", "fragment"), or "" for
// a claim to check, and whether the signal that named it is guarded.
func asideOf(st *claimtrail.Statement, d *nlp.Document) (string, bool) {
	v := viewOf(st, d)
	if v == nil || len(d.QuantitiesIn(st.Content)) > 0 {
		return "", false
	}
	return v.kind()
}

// kind runs the signal table over the view.
func (v *statementView) kind() (string, bool) {
	for _, s := range asideSignals {
		if s.test(v) {
			return s.kind, s.guarded
		}
	}
	return "", false
}

// leanedOn reports whether something in the ledger rests on a claim, so
// that a guarded signal may not set it apart: a statement put on a
// source's word (a relay chain to trace), a denial or a verdict on its
// report (a contest to show), or statements in two articles (a claim the
// story repeats).
func leanedOn(c *claimtrail.Claim) bool {
	if len(c.DeniedBy) > 0 || len(c.ReportDenials) > 0 || len(c.Origins) > 1 {
		return true
	}
	for i := range c.Statements {
		st := &c.Statements[i]
		if len(st.Chain) > 1 || st.Polarity != claimtrail.Asserts || st.Article != c.Statements[0].Article {
			return true
		}
	}
	return false
}

// asideKind returns the aside kind of a claim: the kind of its first
// statement when every statement is an asserting aside, "" otherwise; a
// claim that only guarded signals set apart stays a claim to check when
// something leans on it (leanedOn). Asides are listed after the claims to
// check; the text view shows them with --all, the other views in a section
// of their own.
func asideKind(c *claimtrail.Claim, docs map[string]*nlp.Document) string {
	kind, guarded := "", false
	for i := range c.Statements {
		st := &c.Statements[i]
		if st.Polarity != claimtrail.Asserts {
			return ""
		}
		k, g := asideOf(st, docs[st.Article])
		if k == "" {
			return ""
		}
		guarded = guarded || g
		if kind == "" {
			kind = k
		}
	}
	if guarded && leanedOn(c) {
		return ""
	}
	return kind
}
