package attrib

import (
	"strings"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/nlp"
)

// Reporting frames read an attribution off a sentence's dependency tree
// (package nlp's Tree, claimtrail's own parser). A frame is a cue class —
// the words that can head it, with their part of speech and relation —
// and the relations that carry its source and its content: the subject and
// the clausal complement of "said", the noun "according to" attaches to
// and the clause that noun modifies, the agent of "it was reported by".
// The frames are data (the frames table below), each with example
// sentences that TestFrames runs; the reader tries them at every cue word
// and reads by word order (wordOrderReadings in attrib.go) only where no
// frame settles the word: the parser misread the sentence, or a quotation
// is split by its cue.

// frameSite names where, relative to the frame's anchor word (the cue),
// a source or a content hangs in the tree.
type frameSite int

const (
	_ frameSite = iota // the zero value names no site
	// siteSubject is the anchor's active subject (nsubj, not nsubj:pass).
	siteSubject
	// siteGovernorSubject is the subject of the verb the anchor hangs on:
	// "X mocked the plan, saying Y".
	siteGovernorSubject
	// siteAgent is a passive's agent: obl:agent, or an obl marked "by".
	siteAgent
	// siteGovernorNoun is the noun the anchor is the case marker of
	// ("according to the ministry", "per the report").
	siteGovernorNoun
	// siteOblique is the anchor's oblique ("according to X" when the
	// parser makes "according" a verb).
	siteOblique
	// siteObject is the anchor's direct object ("citing officials").
	siteObject
	// siteComplement is the anchor's clausal complement (ccomp), without
	// its "that".
	siteComplement
	// siteThatClause is a clause marked "that" one step below the anchor:
	// under a relay ("reported, citing X, that …", which the parser often
	// hangs on "citing") or under the agent ("reported by X that …").
	siteThatClause
	// siteParataxis is a clause set beside the anchor after it ("X said:
	// Y").
	siteParataxis
	// siteGovernorClause is the clause the frame attaches to, without the
	// frame: "Y, X said" (parataxis), "according to X, Y", "Y, citing X".
	siteGovernorClause
	// sitePassiveSubject is a passive's subject, unless it is an expletive
	// "it": "the claims were denied by the ministry".
	sitePassiveSubject
)

// frame is one reporting frame of the table.
type frame struct {
	name string
	// words is the cue class: the anchor's lower-cased word must be in it.
	words map[string]bool
	// upos, when set, are the parts of speech the anchor may have.
	upos []string
	// rels, when set, are the relations the anchor may bear to its head.
	rels []string
	// passive: the anchor must (true) or must not (false) have a passive
	// subject or auxiliary.
	passive bool
	// source is where the source hangs.
	source frameSite
	// content are the places tried in order for the content.
	content []frameSite
	// denial: the source says the content is false.
	denial bool
	// cueOnHead: the cue's span runs from the anchor to the word before
	// the source ("according to", "per").
	cueToSource bool
	// phrasal: the anchor opens a phrase of denialPhrases ("brushed
	// aside", "poured cold water on"), which is the cue; the content
	// follows it.
	phrasal bool
	// examples are sentences the frame reads, with what it must find.
	examples []frameExample
}

// frameExample is a sentence with the cue, source and content a frame
// must read off it (texts as they stand in the sentence).
type frameExample struct {
	text, cue, source, content string
}

// speechCues are the cue words of the speech-verb frames: the speech verbs
// that are not denials.
var speechCues = func() map[string]bool {
	m := map[string]bool{}
	for w := range speechVerbs {
		if !denialVerbs[w] {
			m[w] = true
		}
	}
	return m
}()

// frames is the table of reporting frames. Each sentence token that is a
// frame's cue word is tried against the frames in turn; the first whose
// relations all hold reads the attribution.
var frames = []frame{
	{
		name: "speech verb, active", words: speechCues, upos: []string{"VERB"},
		source:  siteSubject,
		content: []frameSite{siteComplement, siteThatClause, siteParataxis, siteGovernorClause},
		examples: []frameExample{
			{"The ministry said the bridge was safe.", "said", "The ministry", "the bridge was safe"},
			{"The bridge was safe, the ministry said.", "said", "the ministry", "The bridge was safe"},
			{"The Transport Minister Says Fares Will Rise", "Says", "The Transport Minister", "Fares Will Rise"},
			{"The minister explained how the fares would be set.", "explained", "The minister", "how the fares would be set"},
			{"The report adds that the works will take two years.", "adds", "The report", "the works will take two years"},
			{"The mayor told reporters that the budget was balanced.", "told", "The mayor", "the budget was balanced"},
		},
	},
	{
		name: "stance verb with a clausal complement", words: stanceVerbs, upos: []string{"VERB"},
		source:  siteSubject,
		content: []frameSite{siteComplement},
		examples: []frameExample{
			{"The inspectors found that the valve had been left open.", "found", "The inspectors", "the valve had been left open"},
			{"The Post has learned that the mayor will resign.", "has learned", "The Post", "the mayor will resign"},
		},
	},
	{
		name: "denial verb, active", words: denialVerbs, upos: []string{"VERB"}, denial: true,
		source:  siteSubject,
		content: []frameSite{siteComplement, siteObject, siteGovernorClause},
		examples: []frameExample{
			{"The ministry denied that the bridge was unsafe.", "denied", "The ministry", "the bridge was unsafe"},
			{"The company rejected the allegations of fraud.", "rejected", "The company", "the allegations of fraud"},
		},
	},
	{
		name: "speech verb, passive with agent", words: speechVerbs, upos: []string{"VERB"}, passive: true,
		source:  siteAgent,
		content: []frameSite{siteComplement, siteThatClause, sitePassiveSubject, siteGovernorClause},
		examples: []frameExample{
			{"It was reported by the Herald that the mayor had resigned.", "reported", "the Herald", "the mayor had resigned"},
			{"The mayor has resigned, as reported by the Herald.", "reported", "the Herald", "The mayor has resigned"},
		},
	},
	{
		name: "according to", words: set(`according`), rels: []string{"case"},
		source: siteGovernorNoun, content: []frameSite{siteGovernorClause}, cueToSource: true,
		examples: []frameExample{
			{"According to the ministry, the bridge will close in May.", "According to", "the ministry", "the bridge will close in May"},
			{"The bridge will close in May, according to two engineers.", "according to", "two engineers", "The bridge will close in May"},
		},
	},
	{
		name: "phrasal denial", words: phrasalDenials, upos: []string{"VERB"}, phrasal: true, denial: true,
		source:  siteSubject,
		content: []frameSite{siteObject, siteComplement},
		examples: []frameExample{
			{"The mayor brushed aside reports that she would resign.", "brushed aside", "The mayor", "reports that she would resign"},
			{"The regulator poured cold water on claims that the merger was approved.", "poured cold water on", "The regulator", "claims that the merger was approved"},
		},
	},
	{
		name: "speech participle on a clause", words: participles,
		upos: []string{"VERB"}, rels: []string{"advcl", "xcomp", "conj"},
		source:  siteGovernorSubject,
		content: []frameSite{siteComplement, siteParataxis},
		examples: []frameExample{
			{"The mayor defended the plan, saying the budget was balanced.", "saying", "The mayor", "the budget was balanced"},
		},
	},
	{
		name: "according to, parsed as a verb", words: set(`according`), rels: []string{"advcl", "root"},
		source: siteOblique, content: []frameSite{siteGovernorClause}, cueToSource: true,
		examples: []frameExample{
			{"According to a Radio Belmont report citing two senior officials, the council approved the loan in March.",
				"According to", "a Radio Belmont report", "the council approved the loan in March"},
		},
	},
	{
		name: "citing, quoting (on a clause that is no frame)", words: set(`citing quoting`), upos: []string{"VERB"}, rels: []string{"advcl"},
		source: siteObject, content: []frameSite{siteGovernorClause},
		examples: []frameExample{
			{"Prices will rise next year, citing the transport ministry.", "citing", "the transport ministry", "Prices will rise next year"},
		},
	},
}

// phrasalDenials are the first words of denialPhrases.
var phrasalDenials = func() map[string]bool {
	m := map[string]bool{}
	for w := range denialPhrases {
		m[w] = true
	}
	return m
}()

// phrasalEnd returns one past the last word of the denial phrase that
// word v opens ("brushed aside", "poured cold water on"), or -1.
func phrasalEnd(t *nlp.Tree, v int) int {
	for _, rest := range denialPhrases[lowerWord(t, v)] {
		if v+len(rest) >= t.Len() {
			continue
		}
		ok := true
		for k, w := range rest {
			ok = ok && lowerWord(t, v+1+k) == w
		}
		if ok {
			return v + 1 + len(rest)
		}
	}
	return -1
}

// stanceVerbs are verbs of finding, believing, promising and recalling
// that attribute a clausal complement to their subject ("the inspectors
// found that …", "the Post has learned that …") but, unlike speech verbs,
// only with one: "found the wreck" attributes nothing.
var stanceVerbs = set(`found finds find agreed agrees agree think thinks thought know knows knew feel feels felt
hope hopes hoped expect expects fear fears feared worry worries worried recalled recalls recall emphasized
emphasised emphasizes emphasises stressed stresses mentioned mentions pledged pledges pledge vowed vows vow
promised promises promise questioned responded replied answered complained complains boasted boasts
observed observes learned learnt realized realised hinted hints signaled signalled assured assures
reiterated reiterates repeated repeats recounted recounts testified assert assured guaranteed
determined concluded concludes calculated forecast projected`)

// participles are the speech verbs' present participles, which take
// their subject from the clause they hang on: "…, saying Y".
var participles = set(`saying adding arguing claiming noting insisting warning explaining stating declaring
suggesting asserting contending acknowledging predicting writing telling`)

// relativeWords are relative pronouns that stand for their antecedent.
var relativeWords = set(`who that which`)

// relayWords open a relay on a source or a cue: "citing X", "quoting X",
// "X, which quoted Y", "X, which cited Y".
var relayWords = set(`citing quoting cited quoted`)

// treeAttribution tries the frames at word v of the sentence's tree. It
// returns ok when a frame reads an attribution there, and decided when the
// tree settles that the word is no cue (a noun, a name), so that the
// word-order readings need not be tried.
func (r *reader) treeAttribution(t *nlp.Tree, toks []nlp.Token, q []bool, lo, hi, v int) (a attribution, ok, decided bool) {
	w := lower(toks[v])
	if speechVerbs[w] && reportedEvent(t, v) {
		return attribution{}, false, true // the governing cue reads it
	}
	for fi := range frames {
		f := &frames[fi]
		if !f.words[w] || !f.anchorFits(t, v) {
			continue
		}
		a, ok = r.readFrame(f, t, toks, q, lo, hi, v)
		if ok {
			return a, true, true
		}
	}
	if speechVerbs[w] && t.UPOS(v) != "VERB" && t.UPOS(v) != "AUX" {
		return attribution{}, false, true // "Mark Said", "the report": no verb
	}
	return attribution{}, false, false
}

// reportedEvents are sentences whose inner speech verb reports an event,
// not a statement: the verb takes no clause of its own and is the clausal
// complement of another speech verb, whose source vouches for the whole
// clause. Each names the cue, source and content the rules must read.
var reportedEvents = []frameExample{
	{"The mayor conceded defeat on Sunday, an aide said.", "said", "an aide", "The mayor conceded defeat on Sunday"},
	{"An aide said the mayor conceded defeat on Sunday.", "said", "An aide", "the mayor conceded defeat on Sunday"},
}

// Not an event: a denial verb whose object names a saying ("has denied the
// report", reportNouns) denies words, so it stays a cue under the other
// verb, which relays it: "The council has denied the report, the Varrow
// Gazette said" is Gazette ← council, denying (testdata
// relayed-denial).

// reportedEvent reports whether the speech verb v is the clausal
// complement of another speech verb and has no clausal complement, "that"
// clause or parataxis of its own ("the mayor conceded defeat, an aide
// said"): what it governs is a noun, the event the other verb's source
// reports, so v is no cue and the chain does not pass through its subject.
func reportedEvent(t *nlp.Tree, v int) bool {
	h := t.Head(v)
	if h < 0 || !nlp.RelIs(t.Rel(v), "ccomp") || !speechVerbs[lowerWord(t, h)] {
		return false
	}
	if o := t.Dependent(v, "obj"); o >= 0 && denialVerbs[lowerWord(t, v)] && reportNouns[lowerWord(t, o)] {
		return false // "the council has denied the report, the Gazette said": a denial of a saying
	}
	return t.Dependent(v, "ccomp") < 0 && t.Dependent(v, "parataxis") < 0 && thatClause(t, v) < 0
}

// anchorFits checks the anchor's part of speech, relation and voice.
func (f *frame) anchorFits(t *nlp.Tree, v int) bool {
	if len(f.upos) > 0 && !hasString(f.upos, t.UPOS(v)) {
		return false
	}
	if len(f.rels) > 0 && !hasRel(f.rels, t.Rel(v)) {
		return false
	}
	if f.phrasal && phrasalEnd(t, v) < 0 {
		return false
	}
	if f.source == siteObject && t.Head(v) >= 0 && speechVerbs[lowerWord(t, t.Head(v))] {
		return false // "reported, citing X": a relay on the cue's frame
	}
	switch f.source {
	case siteSubject, siteAgent:
		return passiveVerbAt(t, v) == f.passive
	case siteGovernorSubject:
		return t.Dependent(v, "nsubj") < 0
	}
	return true
}

// passiveVerbAt reports whether word v is a passive: a passive subject or
// auxiliary, or an agent.
func passiveVerbAt(t *nlp.Tree, v int) bool {
	return t.Dependent(v, "nsubj:pass") >= 0 || t.Dependent(v, "aux:pass") >= 0 || t.Dependent(v, "obl:agent") >= 0 ||
		t.Rel(v) == "advcl" && agentOf(t, v) >= 0
}

// agentOf returns v's agent: obl:agent, or an obl with the case "by".
func agentOf(t *nlp.Tree, v int) int {
	if a := t.Dependent(v, "obl:agent"); a >= 0 {
		return a
	}
	for _, c := range t.Dependents(v, "obl") {
		if k := t.Dependent(c, "case"); k >= 0 && lowerWord(t, k) == "by" {
			return c
		}
	}
	return -1
}

// frameVeto is a use of a frame's anchor that states nothing.
type frameVeto struct {
	example string // a sentence the veto applies to
	applies func(t *nlp.Tree, v int) bool
	// reason, when set, is why the attribution the frame still reads there
	// is no statement: it is reported beside the ledger
	// (Extraction.Attributions). Without one, nothing is reported: what
	// the anchor governs is no attribution at all.
	reason claimtrail.NotStatement
}

// frameVetoes are checked before a frame reads its attribution.
var frameVetoes = []frameVeto{
	{"The ministry did not deny that the bridge was unsafe.", negatedAnchor, claimtrail.ReasonNegated},
	{"The ministry declined to say whether the bridge was unsafe.", refusedAnchor, claimtrail.ReasonWithheld},
	{"The ministry neither confirmed nor denied the report.", neitherNorAnchor, claimtrail.ReasonWithheld},
	{"The ministry has said whether the bridge is safe.", whetherContent, claimtrail.ReasonQuestion},
	// What a relative clause such as "what diplomats describe as" or
	// "what they thought X could do" attributes is mostly a question or a
	// description: on PolNeAR train, reporting them lowered the scores.
	{"The pact is what diplomats describe as a patrol.", relativeAnchor, ""},
	{"Velmora joined in what diplomats describe as a patrol pact.", relativeAnchor, ""},
	{"The mayor saw the footage, which was first reported by the Herald.", reportedThing, ""},
}

// vetoAt returns the first of frameVetoes that applies to anchor v, or
// nil.
func vetoAt(t *nlp.Tree, v int) *frameVeto {
	for i := range frameVetoes {
		if frameVetoes[i].applies(t, v) {
			return &frameVetoes[i]
		}
	}
	return nil
}

// relativeAnchor: a verb whose object is "what" ("in what diplomats
// describe as") names a description, not a statement.
func relativeAnchor(t *nlp.Tree, v int) bool {
	if h := t.Head(v); h >= 0 && strings.HasSuffix(t.Rel(v), ":relcl") && lowerWord(t, h) == "what" {
		return true
	}
	for _, c := range t.Children(v) {
		if lowerWord(t, c) == "what" && !nlp.RelIs(t.Rel(c), "nsubj") {
			return true
		}
	}
	return false
}

// reportedThing: a passive speech verb in a relative clause on a noun
// ("the footage, which was first reported by the Herald") says who
// reported the thing, not that the clause around it is the agent's word.
// A denial is not vetoed: "the claim, which was denied by X" denies it.
func reportedThing(t *nlp.Tree, v int) bool {
	if !strings.HasSuffix(t.Rel(v), ":relcl") || denialVerbs[lowerWord(t, v)] || t.Dependent(v, "ccomp") >= 0 {
		return false
	}
	n := t.Dependent(v, "nsubj:pass")
	return n >= 0 && relativeWords[lowerWord(t, n)]
}

// negatedAnchor: "did not deny", "has never said".
func negatedAnchor(t *nlp.Tree, v int) bool {
	for _, c := range t.Dependents(v, "advmod") {
		switch lowerWord(t, c) {
		case "not", "n't", "never":
			return true
		}
	}
	return false
}

// refusedAnchor: "declined to say", "refused to confirm".
func refusedAnchor(t *nlp.Tree, v int) bool {
	h := t.Head(v)
	return h >= 0 && nlp.RelIs(t.Rel(v), "xcomp") && withholdingVerbs[lowerWord(t, h)]
}

// neitherNorAnchor: "neither confirmed nor denied".
func neitherNorAnchor(t *nlp.Tree, v int) bool {
	for _, c := range t.Children(v) {
		if w := lowerWord(t, c); w == "neither" || w == "nor" {
			return true
		}
	}
	h := t.Head(v)
	return h >= 0 && nlp.RelIs(t.Rel(v), "conj") && neitherNorAnchor(t, h)
}

// whetherContent: "said whether" states nothing.
func whetherContent(t *nlp.Tree, v int) bool {
	c := t.Dependent(v, "ccomp")
	if c < 0 {
		return false
	}
	lo, _ := subtreeWords(t, c)
	return lowerWord(t, lo) == "whether"
}

// readFrame reads frame f at anchor v: the source's chain and the content.
//
// When a veto applies, the frame is still read, for the record of the
// refusal (reader.declined), and no attribution is returned; the mentions
// its source added are forgotten, as for any source that speaks no
// statement.
func (r *reader) readFrame(f *frame, t *nlp.Tree, toks []nlp.Token, q []bool, lo, hi, v int) (attribution, bool) {
	if veto := vetoAt(t, v); veto != nil {
		if veto.reason == "" {
			return attribution{}, false
		}
		known := len(r.mentions)
		if a, ok := r.readFrameUnvetoed(f, t, toks, q, lo, hi, v); ok && declinable(toks, a, v, veto.reason) {
			if h := t.Head(v); refusedAnchor(t, v) && h < v {
				a.cue.Start = toks[h].Start // "declined to say", as the labeller marks it
			}
			if veto.reason == claimtrail.ReasonNegated {
				a.cue.Start = toks[negationStart(t, v)].Start // "does not believe", as PolNeAR marks it
			}
			r.decline(a, toks, veto.reason)
		}
		r.mentions = r.mentions[:known]
		return attribution{}, false
	}
	return r.readFrameUnvetoed(f, t, toks, q, lo, hi, v)
}

// readFrameUnvetoed is readFrame without the vetoes.
func (r *reader) readFrameUnvetoed(f *frame, t *nlp.Tree, toks []nlp.Token, q []bool, lo, hi, v int) (attribution, bool) {
	src := f.site(t, v, f.source)
	if src < 0 {
		return attribution{}, false
	}
	a := attribution{cue: span(toks, cueStart(t, v), v+1), denial: f.denial}
	slo, shi := sourceSpanWords(t, src)
	shared := t.Head(src) != v && (f.source == siteSubject || f.source == siteGovernorSubject)
	if !shared && (slo < lo || shi > hi) || quotedIn(q, slo, shi) || splitQuote(toks, q, lo, hi, v) {
		return attribution{}, false // word order reads quotations
	}
	if f.cueToSource {
		a.cue = span(toks, v, cueEnd(t, v, src))
	}
	a.srcSpan = span(toks, slo, shi)
	a.chain = r.treeChain(t, toks, src, lower(toks[v]))
	if len(a.chain) == 0 {
		return attribution{}, false
	}
	// The cue's dependents name who passed the source's words on ("told
	// the Courier", "said on Radio Quessel") and the source's own source
	// ("reported, citing X, that …"): chainRules.
	before, after := r.roleChains(t, toks, chainDependents(t, v, onCue), a.chain, &a)
	a.chain = append(append(before, a.chain...), after...)
	for _, site := range f.content {
		if r.placeFrameContent(f, t, toks, site, lo, hi, v, src, &a) {
			if f.phrasal {
				end := phrasalEnd(t, v)
				a.cue.End = toks[end-1].End
				if a.lo < end {
					a.lo, a.hi = trim(toks, end, a.hi) // "cast doubt on reports …": the object is the phrase's
				}
				if a.lo >= a.hi {
					continue
				}
			}
			if a.coordinated == 0 {
				a.coordinated = max(coordinatedVerb(t, v), 0)
			}
			if f.source == siteGovernorNoun || f.source == siteOblique {
				r.sourceSays(t, toks, q, lo, hi, src, &a)
			}
			return a, true
		}
	}
	return attribution{}, false
}

// declinable reports whether a, read at anchor v where a veto applies for
// reason, is worth reporting as a refused attribution: its content follows
// the cue and is a clause of its own ("did not deny that the crane had
// collapsed"), not a clause the cue merely hangs on ("… if they did not
// confirm their status") or an infinitive ("never told them what to
// say"); a negated cue's content is no question ("did not show whether
// …"), which a refusal's or a question's is ("declined to say whether
// …"). On PolNeAR dev the others lowered source, exact content and whole
// attributions by .001 each.
func declinable(toks []nlp.Token, a attribution, v int, reason claimtrail.NotStatement) bool {
	if a.lo <= v || a.lo >= a.hi || !hasFiniteVerb(toks[a.lo:a.hi]) {
		return false
	}
	w := lower(toks[a.lo])
	return reason != claimtrail.ReasonNegated || !interrogatives[w] && !relatives[w]
}

// negationStart returns the first of the auxiliaries and negators right
// before the anchor v ("does not", "has never"), or v.
func negationStart(t *nlp.Tree, v int) int {
	k := v
	for k > 0 && t.Head(k-1) == v && (nlp.RelIs(t.Rel(k-1), "aux") || nlp.RelIs(t.Rel(k-1), "advmod") && negatedAnchorWords[lowerWord(t, k-1)]) {
		k--
	}
	return k
}

// negatedAnchorWords negate an anchor: "did not deny", "has never said".
var negatedAnchorWords = set(`not n't never`)

// decline records a, an attribution the rules read but refuse as a
// statement for reason, as a claimtrail.Attribution: reported beside the
// ledger unless a statement or another reported attribution has its cue
// (declinedAttributions).
func (r *reader) decline(a attribution, toks []nlp.Token, reason claimtrail.NotStatement) {
	if a.lo >= a.hi {
		return
	}
	d := claimtrail.Attribution{
		Article: r.doc.Article.ID, Source: a.srcSpan, Cue: a.cue, Content: span(toks, a.lo, a.hi),
		Sentence: r.doc.Sentences[r.si].Span, Reason: reason,
	}
	if a.holeHi > a.holeLo {
		b1, e1 := trim(toks, a.lo, a.holeLo)
		b2, e2 := trim(toks, a.holeHi, a.hi)
		if b1 < e1 && b2 < e2 {
			d.Parts = []claimtrail.Span{span(toks, b1, e1), span(toks, b2, e2)}
		}
	}
	if len(a.chain) > 0 {
		d.Chain = r.fullChain(a.chain)
	}
	r.declined = append(r.declined, d)
}

// declinedAttributions adds to r.refused the rules' own refusals whose cue
// no statement and no attribution already reported shares: a cue the
// frames refused may still have been read by word order, or by the
// labeller, whose record then stands.
func (r *reader) declinedAttributions() {
	var cues []claimtrail.Span
	for _, st := range r.out {
		if !st.Cue.Empty() {
			cues = append(cues, st.Cue)
		}
	}
	for _, a := range r.refused {
		cues = append(cues, a.Cue)
	}
	taken := claimtrail.NewSpanIndex(cues)
	seen := map[claimtrail.Span]bool{} // a content holding a cue is read again (reader.find)
	for _, d := range r.declined {
		if taken.Overlaps(d.Cue) || seen[d.Cue] {
			continue
		}
		seen[d.Cue] = true
		r.refused = append(r.refused, d)
	}
}

// sourceSays reads what the source of an "according to X" says in a
// relative clause of its own ("Y, according to the company, which said
// Z"): Z is a second attribution to X, a's next.
func (r *reader) sourceSays(t *nlp.Tree, toks []nlp.Token, q []bool, lo, hi, src int, a *attribution) {
	if a.next != nil || a.coordinated > 0 {
		return
	}
	for _, c := range t.Children(src) {
		if c > src && strings.HasSuffix(t.Rel(c), ":relcl") && speechVerbs[lowerWord(t, c)] && relativeSubject(t, c) && !relayClause(t, c) {
			if b, ok, _ := r.treeAttribution(t, toks, q, lo, hi, c); ok {
				a.next = &b
			}
			return
		}
	}
}

// cueRelays returns the words that head the sources relayed on the cue v,
// in the order the chain takes them: the relay rows of chainRules read on
// the cue (", citing X"; "on Friday, citing X", which the parser reads as
// X an nmod of Friday with "citing" its case; "quoted Y as saying"; ",
// which quoted Y" hung on the cue after a relay). A relative clause on X
// itself is read by treeChain.
func cueRelays(t *nlp.Tree, v int) []int {
	var out []int
	for _, d := range chainDependents(t, v, onCue) {
		if d.rule.role == roleRelay {
			out = append(out, d.heads...)
		}
	}
	return out
}

// quotedAsSaying reports whether c is the "as saying" of "X quoted Y as
// saying Z" on the cue v: Y is the one X quotes, X's source.
// The parser hangs "as saying" on the cue (advcl) or on Y (acl); c is
// then the participle or Y.
func quotedAsSaying(t *nlp.Tree, v, c int) bool {
	o := t.Dependent(v, "obj")
	if !relayWords[lowerWord(t, v)] || o < 0 {
		return false
	}
	if c == o {
		return asSaying(t, o) >= 0
	}
	return nlp.RelIs(t.Rel(c), "advcl") && asSayingClause(t, c)
}

// asSaying returns the "as saying" participle hung on word n ("a senior
// engineer as saying"), or -1.
func asSaying(t *nlp.Tree, n int) int {
	for _, c := range t.Children(n) {
		if c > n && (nlp.RelIs(t.Rel(c), "acl") || nlp.RelIs(t.Rel(c), "advcl")) && asSayingClause(t, c) {
			return c
		}
	}
	return -1
}

// asSayingClause reports whether c is a speech participle marked "as":
// "as saying", "as telling".
func asSayingClause(t *nlp.Tree, c int) bool {
	if !participles[lowerWord(t, c)] {
		return false
	}
	m := t.Dependent(c, "mark")
	return m >= 0 && lowerWord(t, m) == "as"
}

// citedUnder returns the nouns in the oblique o (o itself or its nmod
// dependents, one level down) whose case marker is a relay word: the
// parser's reading of ", citing X" after a time or place ("on Friday,
// citing X").
func citedUnder(t *nlp.Tree, o int) []int {
	var out []int
	for _, n := range append([]int{o}, t.Dependents(o, "nmod")...) {
		if k := t.Dependent(n, "case"); k >= 0 && relayWords[lowerWord(t, k)] && t.UPOS(k) == "VERB" {
			out = append(out, n)
		}
	}
	return out
}

// relativeSubject reports whether clause c has a relative pronoun as its
// subject: "which quoted …", "who cited …".
func relativeSubject(t *nlp.Tree, c int) bool {
	n := t.Dependent(c, "nsubj")
	return n >= 0 && relativeWords[lowerWord(t, n)]
}

// quotedIn reports whether any of words [lo, hi) is inside a quotation:
// a source never is.
func quotedIn(q []bool, lo, hi int) bool {
	for k := lo; k < hi; k++ {
		if q[k] {
			return true
		}
	}
	return false
}

// splitQuote reports whether a quotation runs on both sides of the cue at
// v ("“The bridge,” she said, “was never safe.”"), which the word-order
// patterns read.
func splitQuote(toks []nlp.Token, q []bool, lo, hi, v int) bool {
	before, after := false, false
	for k := lo; k < hi; k++ {
		if q[k] || isQuote(toks[k].Text) {
			before = before || k < v
			after = after || k > v
		}
	}
	return before && after
}

// cueStart returns where the cue starts: at the anchor, or at the
// auxiliaries right before it ("has said", "is demanding"), which
// PolNeAR's cues hold.
func cueStart(t *nlp.Tree, v int) int {
	k := v
	for k > 0 && t.Head(k-1) == v && (nlp.RelIs(t.Rel(k-1), "aux") && !nlp.RelIs(t.Rel(k-1), "aux:pass")) {
		k--
	}
	return k
}

// site returns the word a source site names, or -1.
func (f *frame) site(t *nlp.Tree, v int, s frameSite) int {
	switch s {
	case siteSubject:
		n := -1 // the last active subject before the verb, else the first after it
		for _, c := range t.Dependents(v, "nsubj") {
			if t.Rel(c) != "nsubj:pass" && (n < 0 || c < v) {
				n = c
			}
		}
		if cc := t.Dependent(v, "cc"); n < 0 && nlp.RelIs(t.Rel(v), "conj") && cc >= 0 && cc >= v-2 && speechVerbs[lowerWord(t, t.Head(v))] {
			return f.site(t, t.Head(v), s) // "X confirmed Y but said Z": X's
		}
		if n >= 0 && relativeWords[lowerWord(t, n)] && strings.HasSuffix(t.Rel(v), ":relcl") {
			return relativeAntecedent(t, v, n) // "an architect who said …": the architect
		}
		if n < 0 && refusedAnchor(t, v) {
			return f.site(t, t.Head(v), s) // "X declined to say": X's refusal (always vetoed: refusedAnchor)
		}
		return n
	case siteGovernorSubject:
		// The subject of the nearest speech verb above ("X said Y,
		// adding Z", however low the parser hung "adding"), else of the
		// verb it hangs on ("X mocked the plan, saying Y").
		for h := t.Head(v); h >= 0; h = t.Head(h) {
			if n := t.Dependent(h, "nsubj"); n >= 0 && t.Rel(n) != "nsubj:pass" && speechVerbs[lowerWord(t, h)] {
				return n
			}
		}
		if h := t.Head(v); h >= 0 {
			if n := t.Dependent(h, "nsubj"); n >= 0 && t.Rel(n) != "nsubj:pass" {
				return n
			}
		}
		return -1
	case siteAgent:
		return agentOf(t, v)
	case siteGovernorNoun:
		return t.Head(v)
	case siteObject:
		return t.Dependent(v, "obj")
	case siteOblique:
		return t.Dependent(v, "obl")
	}
	return -1
}

// placeFrameContent sets a's content from one content site and reports
// whether the site gave one inside [lo, hi).
func (r *reader) placeFrameContent(f *frame, t *nlp.Tree, toks []nlp.Token, site frameSite, lo, hi, v, src int, a *attribution) bool {
	clo, chi := -1, -1
	switch site {
	case siteComplement:
		if c := t.Dependent(v, "ccomp"); c >= 0 {
			clo, chi = subtreeWords(t, c)
			if clo > v && nlp.RelIs(t.Rel(v), "parataxis") && toks[clo].Text == "," {
				// "Y, the panel said, after Z confirmed …": a clause
				// set off after a parenthetical cue is no complement of it.
				clo, chi = -1, -1
			}
		}
	case siteThatClause:
		if c := thatClause(t, v); c >= 0 {
			clo, chi = subtreeWords(t, c)
		}
	case siteParataxis:
		if c := t.Dependent(v, "parataxis"); c > v {
			clo, chi = subtreeWords(t, c)
		}
	case siteObject:
		if c := t.Dependent(v, "obj"); c >= 0 {
			clo, chi = subtreeWords(t, c)
			for _, d := range t.Children(v) {
				// "rejected reports that it had sold …": the parser may
				// hang the noun's "that" clause on the verb.
				if dlo, dhi := subtreeWords(t, d); dlo == chi && thatMarked(t, d) {
					chi = dhi
				}
			}
		}
	case sitePassiveSubject:
		if c := t.Dependent(v, "nsubj:pass"); c >= 0 && lowerWord(t, c) != "it" {
			clo, chi = subtreeWords(t, c)
		}
	case siteGovernorClause:
		return r.governorContent(f, t, toks, lo, hi, v, src, a)
	}
	if clo < 0 {
		return false
	}
	clo, chi = contentEdges(t, lo, hi, v, src, clo, chi)
	if k := coordinatedVerb(t, v); k > clo && k <= chi+1 {
		// "A said X, and B told Y that Z": the parser may hang B on X.
		chi = min(chi, coordinationStart(t, toks, clo, k))
	}
	clo, chi = max(clo, lo), min(chi, hi)
	for k := clo + 1; k < chi; k++ {
		if participles[lowerWord(t, k)] && t.Dependent(k, "nsubj") < 0 && k > v {
			chi, a.coordinated = k, k // "X said Y, adding Z": Z is read apart
		}
	}
	if a.relayCut > clo && a.relayCut < chi {
		chi = a.relayCut // "reported that Y, citing X": X is in the chain
	}
	a.lo, a.hi = trim(toks, clo, chi)
	return a.lo < a.hi
}

// contentEdges widens a content [clo, chi) found in the tree to the edge
// of the sentence (of [lo, hi)) on its side of the cue: the parser often
// hangs a content's later clauses ("…, but the NYPD overruled that
// request") or its opening ("As it stands, …") on the cue or higher, and
// a content runs from the cue to the sentence's end, or from its start to
// the cue. What belongs to the frame stops it: the source, a relay
// (", citing X"), the cue's own words.
func contentEdges(t *nlp.Tree, lo, hi, v, src, clo, chi int) (int, int) {
	if clo > v {
		end := hi
		for _, c := range t.Children(v) {
			if flo, _ := subtreeWords(t, c); flo >= chi && flo < end && frameOwn(t, v, c) {
				end = flo
			}
		}
		return clo, max(chi, end)
	}
	if chi <= v {
		chi = max(chi, frameStart(t, v, src)) // "Y, X said": Y runs up to the frame
		start := lo
		for _, c := range t.Children(v) {
			if _, fhi := subtreeWords(t, c); fhi <= clo && fhi > start && frameOwn(t, v, c) {
				start = fhi
			}
		}
		return min(clo, start), chi
	}
	return clo, chi
}

// frameStart returns the first word of the frame at v: its source src or
// another word of its own before it (a relay, "as"), not whatever of the content the
// parser hung on the cue ("a record 12,000 containers in May, harbour
// figures show").
func frameStart(t *nlp.Tree, v, src int) int {
	flo := v
	if src >= 0 && src < v && t.Head(src) == v {
		slo, _ := sourceSpanWords(t, src)
		flo = min(flo, slo)
	}
	for _, c := range t.Children(v) {
		if clo, _ := subtreeWords(t, c); c < v && (relayClause(t, c) || nlp.RelIs(t.Rel(c), "mark")) {
			flo = min(flo, clo)
		}
	}
	return flo
}

// frameOwn reports whether dependent c of the cue v belongs to the frame,
// not to the content: its subject or agent, a relay, an addressee, a
// coordinated cue.
func frameOwn(t *nlp.Tree, v, c int) bool {
	switch {
	case nlp.RelIs(t.Rel(c), "nsubj"), nlp.RelIs(t.Rel(c), "iobj"), t.Rel(c) == "obl:agent":
		return true
	case relayClause(t, c):
		return true
	case (nlp.RelIs(t.Rel(c), "conj") || nlp.RelIs(t.Rel(c), "advcl")) && speechVerbs[lowerWord(t, c)]:
		return true // "X said Y, and added Z", "X said Y, adding Z"
	}
	return false
}

// governorContent sets a's content to the clause the frame hangs on,
// without the frame's own words: "Y, X said", "according to X, Y",
// "Y, X said, Z" (a hole where the frame stands).
func (r *reader) governorContent(f *frame, t *nlp.Tree, toks []nlp.Token, lo, hi, v, src int, a *attribution) bool {
	inner := v // the frame's own subtree
	if f.source == siteGovernorNoun {
		inner = src
	}
	if nlp.RelIs(t.Rel(inner), "ccomp") || t.Head(inner) < 0 {
		return false // the frame is the clause: "said" as the root has no governor
	}
	if strings.HasSuffix(t.Rel(inner), ":relcl") {
		return false // "a change they described as …" describes the noun, states no clause
	}
	flo, fhi := subtreeWords(t, inner)
	if inner == v {
		flo = frameStart(t, v, src)
	}
	// The content is the rest of the sentence ([lo, hi)) around the
	// frame: the parser often hangs the frame below the content's head.
	glo, ghi := lo, hi
	switch {
	case flo <= glo:
		a.lo, a.hi = trim(toks, fhi, ghi)
	case fhi >= ghi:
		a.lo, a.hi = trim(toks, glo, flo)
	default:
		b1, e1 := trim(toks, glo, flo)
		b2, e2 := trim(toks, fhi, ghi)
		switch {
		case e2 <= b2:
			a.lo, a.hi = b1, e1 // "Y, as reported by X."
		case e1 <= b1:
			a.lo, a.hi = b2, e2
		default:
			a.lo, a.hi, a.holeLo, a.holeHi = b1, e2, flo, fhi // "Y, X said, Z"
		}
	}
	return a.lo < a.hi
}

// coordinatedVerb returns a speech verb coordinated with v after it ("A
// said X, and B told Y"; "A said X, adding Y"), or -1.
func coordinatedVerb(t *nlp.Tree, v int) int {
	for _, c := range t.Children(v) {
		if c > v && (nlp.RelIs(t.Rel(c), "conj") || nlp.RelIs(t.Rel(c), "advcl")) && speechVerbs[lowerWord(t, c)] {
			return c
		}
	}
	return -1
}

// coordinationStart returns where the clause coordinated before the verb
// at k starts: the last ", and" (or "and", "but", "while") in [lo, k), or
// k.
func coordinationStart(t *nlp.Tree, toks []nlp.Token, lo, k int) int {
	for j := k - 1; j > lo; j-- {
		switch lower(toks[j]) {
		case "and", "but", "while", "whereas":
			if nlp.RelIs(t.Rel(j), "cc") || t.UPOS(j) == "CCONJ" || t.UPOS(j) == "SCONJ" {
				return j
			}
		}
	}
	return k
}

// thatClause finds a clause marked "that" under v's relay or agent
// ("reported, citing X, that …"; "reported by X that …"), or -1.
func thatClause(t *nlp.Tree, v int) int {
	var look []int
	look = append(look, v)
	for _, c := range t.Children(v) {
		// "told the Courier that …": the parser may hang the clause on
		// the addressee (unless another speaker's ", X said" closes the
		// sentence, whose reading the frame's would cut short).
		if relayWords[lowerWord(t, c)] || nlp.RelIs(t.Rel(c), "obl") || nlp.RelIs(t.Rel(c), "iobj") && !closingSpeaker(t, v) || quotedAsSaying(t, v, c) {
			look = append(look, c)
			if o := t.Dependent(c, "obj"); o >= 0 {
				look = append(look, o)
			}
			if p := asSaying(t, c); p >= 0 {
				look = append(look, p) // "quoted Y as saying that …"
			}
		}
	}
	for _, o := range cueRelays(t, v) {
		// "reported on Friday, citing X, which quoted Y, that …": the
		// parser may hang the "that" clause on X's relay.
		look = append(look, o)
		for _, c := range t.Children(o) {
			if relayClause(t, c) {
				look = append(look, c, t.Dependent(c, "obj"))
			}
		}
	}
	for _, h := range look {
		for _, c := range t.Children(h) {
			if c < v || !(nlp.RelIs(t.Rel(c), "advcl") || nlp.RelIs(t.Rel(c), "acl") || nlp.RelIs(t.Rel(c), "ccomp")) {
				continue
			}
			if m := t.Dependent(c, "mark"); m >= 0 && lowerWord(t, m) == "that" {
				return c
			}
			if h != v && t.Head(h) == v && (venueOblique(t, v, h) != nil || nlp.RelIs(t.Rel(h), "iobj")) && thatAsObject(t, c) {
				return c // "said on Radio Quessel that taxes would rise", "that" read as a relative object (only under a venue: not "for the first time")
			}
		}
	}
	return -1
}

// closingSpeaker reports whether the cue v has a speech verb with a
// subject of its own set beside it after it: "The pope told priests that
// …, the spokesman said".
func closingSpeaker(t *nlp.Tree, v int) bool {
	for _, c := range t.Dependents(v, "parataxis") {
		if c > v && speechVerbs[lowerWord(t, c)] && t.Dependent(c, "nsubj") >= 0 {
			return true
		}
	}
	return false
}

// thatAsObject reports whether clause c is one the parser read as a
// relative clause whose object is "that" though it has a subject of its
// own and no other object: the complement clause of a cue hung on the
// outlet or the addressee ("said on Radio Quessel that taxes would rise").
func thatAsObject(t *nlp.Tree, c int) bool {
	if !strings.HasSuffix(t.Rel(c), "relcl") || t.Dependent(c, "nsubj") < 0 || len(t.Dependents(c, "obj")) != 1 {
		return false
	}
	o := t.Dependent(c, "obj")
	lo, _ := subtreeWords(t, c)
	return o == lo && lowerWord(t, o) == "that"
}

// sourceSpanWords returns the words of the source span headed by s: its
// subtree, cut before a relay or a relative clause that passes it on ("the
// Post, which quoted …") and before a "that" clause hung on it. An
// apposition stays: PolNeAR's source spans hold it.
func sourceSpanWords(t *nlp.Tree, s int) (int, int) {
	return sourceWordsCut(t, s, func(t *nlp.Tree, c int) bool {
		return relayClause(t, c) || thatMarked(t, c) || asSayingClause(t, c)
	})
}

// sourceWords returns the words that name the source headed by s: its
// span's words without an apposition or a time ("Marta Kovac, a
// structural engineer": Marta Kovac).
func (r *reader) sourceWords(t *nlp.Tree, s int) (int, int) {
	lo, hi := sourceWordsCut(t, s, func(t *nlp.Tree, c int) bool {
		return relayClause(t, c) || thatMarked(t, c) || asSayingClause(t, c) || asideOnSource(t, c) || hasChainRole(t, s, c)
	})
	return r.wholeName(t, s, lo, hi)
}

// relayModifier reports whether c is a "citing" or "quoting" the parser
// read as a modifier of the source it introduces (", citing union
// officials"): the word is no part of the name.
func relayModifier(t *nlp.Tree, c int) bool {
	return nlp.RelIs(t.Rel(c), "amod") && relayWords[lowerWord(t, c)] && t.UPOS(c) == "VERB"
}

// wholeName widens the source words [lo, hi) of the name headed by s to
// the whole name the name finder read around it, when the parser cut the
// run ("World Wire Digest reported" parsed with "reported" a relative
// clause on "News" and only "Digest" its subject). The name may not take
// in the source's own verb or any word that is not a proper noun.
func (r *reader) wholeName(t *nlp.Tree, s, lo, hi int) (int, int) {
	if t.UPOS(s) != "PROPN" {
		return lo, hi
	}
	e := entityAt(r.doc.Entities, t.Token(s).Span)
	if e == nil {
		return lo, hi
	}
	h := t.Head(s)
	for lo > 0 && lo-1 != h && t.Token(lo-1).Start >= e.Start && capitalised(t.Token(lo-1).Text) {
		lo--
	}
	for hi < t.Len() && hi != h && t.Token(hi).End <= e.End && capitalised(t.Token(hi).Text) {
		hi++
	}
	return lo, hi
}

// sourceWordsCut returns s's subtree without its case marker and cut
// before the first dependent after s for which cut holds.
func sourceWordsCut(t *nlp.Tree, s int, cut func(t *nlp.Tree, c int) bool) (int, int) {
	lo, hi := subtreeWords(t, s)
	for lo < s && (nlp.RelIs(t.Rel(lo), "case") || nlp.RelIs(t.Rel(lo), "fixed") || t.UPOS(lo) == "PUNCT" || relayModifier(t, lo)) {
		lo++ // "according to", "by", ", citing": the cue's words, not the source's
	}
	for _, c := range t.Children(s) {
		if c > s && cut(t, c) {
			clo, _ := subtreeWords(t, c)
			hi = min(hi, clo)
		}
	}
	for k := s - 1; k > lo; k-- {
		if t.Token(k).Text == "," {
			lo = k + 1 // "…, which it often is, according to Scott": not Scott's words
			break
		}
	}
	for lo > 0 {
		k := lo - 1
		klo, khi := subtreeWords(t, k)
		if khi != lo || !strayModifier(t, k, lo, hi) {
			break
		}
		lo = klo // "another official told" with "another" hung on the verb
	}
	for h := t.Head(s); hi < t.Len() && hi < h && strayNameWord(t, hi, lo, hi); {
		hi++ // "Food Safety Weekly reported" with "Weekly" hung on the verb
	}
	if h := t.Head(s); h >= 0 && nlp.RelIs(t.Rel(s), "nsubj") {
		// The parser sometimes splits a subject over two nsubj words
		// ("Police sources said": Police, sources): take the run.
		for _, c := range t.Dependents(h, "nsubj") {
			if clo, chi := subtreeWords(t, c); c != s && chi == lo && t.UPOS(lo) != "PUNCT" {
				lo = clo // not across a comma: "12,000 containers in May, harbour figures show"
			}
		}
	}
	for hi > lo+1 && isEdgePunct(t.Token(hi-1).Text) {
		hi--
	}
	return lo, hi
}

// strayModifier reports whether word k, whose subtree ends just before a
// source's words [lo, hi), is a determiner, name or title the parser hung
// elsewhere ("another" on the verb, "Mats" of "Councillor Mats Eklund" on
// "Councillor"): a relation only a noun phrase's words bear.
func strayModifier(t *nlp.Tree, k, lo, hi int) bool {
	if t.Head(k) >= lo && t.Head(k) < hi {
		return false
	}
	switch t.Rel(k) {
	case "det", "flat", "compound", "nmod:desc":
		// "Republican presidential nominee Donald Trump", the title
		// hung apart from the name.
		return t.UPOS(k) == "DET" || t.UPOS(k) == "PROPN" || t.UPOS(k) == "NOUN" && t.Rel(k) != "det"
	}
	return false
}

// strayNameWord reports whether word k, just after a source's words [lo,
// hi) and before its verb, is a capitalised leaf the parser hung outside
// the name.
func strayNameWord(t *nlp.Tree, k, lo, hi int) bool {
	if len(t.Children(k)) > 0 || (t.Head(k) >= lo && t.Head(k) < hi) || !capitalised(t.Token(k).Text) {
		return false
	}
	if timeNames[strings.ToLower(t.Token(k).Text)] {
		return false
	}
	u := t.UPOS(k)
	return u == "PROPN" || u == "NOUN" || u == "ADV" || u == "ADJ"
}

// asideOnSource reports whether word c, a dependent of a source's head
// after it, is no part of the source's name: an apposition ("Marta Kovac,
// a structural engineer"), a relative clause set off by a comma ("a person
// familiar with the findings, who was not authorised to speak"; "three
// engineers who inspected the dam" keep theirs) or a time ("the council on
// Monday").
func asideOnSource(t *nlp.Tree, c int) bool {
	if nlp.RelIs(t.Rel(c), "appos") || nlp.RelIs(t.Rel(c), "obl") {
		return true
	}
	if strings.HasSuffix(t.Rel(c), ":tmod") {
		w := t.Token(c).Text
		return !capitalised(w) || timeNames[strings.ToLower(w)] // "Calvel Today" is a name
	}
	if clo, chi := subtreeWords(t, c); t.Rel(c) == "acl:relcl" {
		// Set off by a comma ("…, who was not authorised to speak") or
		// about the anonymity ("who asked not to be named").
		return t.Token(clo).Text == "," || anyWord(t, clo, chi, anonymityWords)
	}
	k := t.Dependent(c, "case")
	return nlp.RelIs(t.Rel(c), "nmod") && k >= 0 && lowerWord(t, k) == "on"
}

// timeNames are the capitalised words of a time: "the ministry Tuesday".
var timeNames = set(`monday tuesday wednesday thursday friday saturday sunday january february march april
may june july august september october november december`)

// anonymityWords mark a relative clause that says why a source is not
// named: "who asked not to be named", "who was not authorised to speak".
var anonymityWords = set(`named identified anonymity anonymously authorised authorized publicly`)

// anyWord reports whether one of words [lo, hi) is in list.
func anyWord(t *nlp.Tree, lo, hi int, list map[string]bool) bool {
	for k := lo; k < hi; k++ {
		if list[lowerWord(t, k)] {
			return true
		}
	}
	return false
}

// relayClause reports whether word c heads a clause that passes its head's
// words on: "citing X", "which quoted X", "who cited X".
func relayClause(t *nlp.Tree, c int) bool {
	return relayWords[lowerWord(t, c)] && t.Dependent(c, "obj") >= 0
}

// thatMarked reports whether word c heads a clause marked "that".
func thatMarked(t *nlp.Tree, c int) bool {
	m := t.Dependent(c, "mark")
	return m >= 0 && lowerWord(t, m) == "that"
}

// treeChain reads the source headed by word s as a chain: the source's
// own words through the rules of source.go, then, by recursion, the
// sources it relays ("the Evening Post, which quoted sources close to the
// minister": [Evening Post, sources close to the minister]).
func (r *reader) treeChain(t *nlp.Tree, toks []nlp.Token, s int, verb string) []claimtrail.Source {
	if a := t.Dependent(s, "appos"); a > s && t.UPOS(a) == "PROPN" && t.UPOS(s) != "PROPN" {
		s = a // "the transport director, Ilse Marrow, said": the name speaks
	}
	lo, hi := r.sourceWords(t, s)
	chain := r.sourceChain(toks, lo, hi, verb)
	var deps []chainDependent
	for _, d := range chainDependents(t, s, onSource) {
		if d.dep > s {
			deps = append(deps, d)
		}
	}
	before, after := r.roleChains(t, toks, deps, chain, nil)
	if len(chain) == 0 {
		return after // no one for a recipient to have heard
	}
	return append(append(before, chain...), after...)
}

// cueEnd returns one past the last word of the case marker that starts at
// v: "according to" ends before the source's own words.
func cueEnd(t *nlp.Tree, v, s int) int {
	end := v + 1
	for end < s && nlp.RelIs(t.Rel(end), "fixed") {
		end++
	}
	return end
}

// subtreeWords returns the first word of word i's subtree and one past its
// last.
func subtreeWords(t *nlp.Tree, i int) (int, int) {
	lo, hi := i, i+1
	stack := []int{i}
	for len(stack) > 0 {
		w := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		lo, hi = min(lo, w), max(hi, w+1)
		stack = append(stack, t.Children(w)...)
	}
	return lo, hi
}

// lowerWord is word i's lower-cased text.
func lowerWord(t *nlp.Tree, i int) string { return lower(t.Token(i)) }

func hasString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func hasRel(list []string, rel string) bool {
	for _, x := range list {
		if nlp.RelIs(rel, x) {
			return true
		}
	}
	return false
}

// frameWord reports whether w is a cue word of some frame.
func frameWord(w string) bool {
	for fi := range frames {
		if frames[fi].words[w] {
			return true
		}
	}
	return false
}

// sentenceTree returns the tree of the sentence being read, parsing it on
// first request; nil when it cannot be had or does not match toks.
func (r *reader) sentenceTree(toks []nlp.Token) *nlp.Tree {
	if !r.treeDone {
		r.treeDone = true
		r.tree = r.doc.Tree(r.si)
		if r.tree != nil && r.tree.Len() != len(toks) {
			r.tree = nil
		}
	}
	return r.tree
}
