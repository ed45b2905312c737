package attrib

import (
	"context"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/attrib/seq"
	"github.com/claimtrail/claimtrail/nlp"
)

// Tagger tags the sentences of a document that analysis left untagged;
// *nlp.Analyzer is one.
type Tagger interface {
	TagSentences(doc *nlp.Document, first, last int)
}

// WithModel returns an extractor that combines the rules' statements with
// the attributions of the trained labeller m, by ShippedCombination (see
// Combination). A labeller attribution becomes a statement only when it
// passes modelChecks: the model also finds beliefs and intentions, which
// are not statements of fact, and spans the rules cannot read as a source.
//
// The labeller reads the part-of-speech tags of every paragraph it labels:
// t tags those sentences that analysis left untagged (nlp.TagOnly); with t
// nil, such paragraphs are skipped.
func (x *Extractor) WithModel(m *seq.Model, t Tagger) *Extractor {
	y := *x
	y.model, y.tagger = m, t
	return &y
}

// WithCombination returns a copy of x that merges the rules and the
// labeller by c (CombineShipped, the zero value, is what WithModel does);
// it changes nothing for an extractor without a model.
func (x *Extractor) WithCombination(c Combination) *Extractor {
	y := *x
	y.combination = c
	return &y
}

// learned merges the labeller's attributions into the rules' statements,
// resolving their sources as the rules do. It gives up early, leaving the
// caller to see that ctx is done, when ctx is done.
func (r *reader) learned(ctx context.Context, x *Extractor) {
	var paras map[int]bool // the paragraphs to label; nil means all
	if x.combination.resolved() == CombineUnexplained {
		if paras = r.unexplained(); len(paras) == 0 {
			return
		}
	}
	if x.tagger != nil {
		for _, s := range sentenceRanges(r.doc, paras) {
			if ctx.Err() != nil {
				return
			}
			x.tagger.TagSentences(r.doc, s[0], s[1])
		}
	}
	// The labeller asks whether it wants each paragraph: once ctx is done,
	// it wants none.
	want := func(p int) bool { return (paras == nil || paras[p]) && ctx.Err() == nil }
	atts := x.model.LabelParagraphs(r.doc, want)
	if ctx.Err() != nil {
		return
	}
	convert := func(a seq.Attribution) (claimtrail.Statement, bool) {
		if ctx.Err() != nil {
			return claimtrail.Statement{}, false // the caller sees ctx is done
		}
		return r.fromModel(a, x.skip, x.combination.resolved() == CombinePhrases)
	}
	rules := r.out
	r.out = combine(r.out, atts, convert, x.combination)
	if x.combination.resolved() != CombineLabellerFirst {
		r.nested(atts, rules, x.skip, x.combination.resolved() == CombinePhrases) // after combine: r.out holds the markings
	}
}

// nested reports the labeller attributions nested in a rule statement:
// with a cue inside the statement's content ("Brandt said the union, in
// what its members call a last offer, would …") or a content holding the
// statement's cue ("in what officials describe as a plan, the port
// reportedly …"). They are attributions of their own that combine drops
// for meeting the statement; one whose cue overlaps the statement's cue is
// that statement, and one that merely shares words with its content is
// mostly the same attribution marked twice, so neither is reported. A
// nested attribution that passes modelChecks is reported as
// claimtrail.ReasonNested, else with the reason of the check it fails.
// A nested attribution around a statement whose cue states its content is
// that statement's relay, and goes into its chain (relayOver); one inside a
// statement's content is reported with that statement's chain above its
// own (underStatement).
// One that meets statements without being nested in them is reported, as
// claimtrail.ReasonOverlapping, when the labeller marks each of those
// statements as an act of its own (apartFrom).
func (r *reader) nested(atts []seq.Attribution, rules []claimtrail.Statement, skip map[string]bool, phrases bool) {
	ix := indexRules(rules)
	for _, a := range atts {
		if a.Cue.Empty() || ix.cue.Overlaps(a.Cue) {
			continue
		}
		kind := claimtrail.ReasonNested
		if !nestedIn(a, ix) {
			if !apartFrom(a, r.out) {
				continue
			}
			kind = claimtrail.ReasonOverlapping
		}
		m, ok := r.prepare(a, phrases)
		if ok {
			reason := m.refusal(skip)
			if reason == "" {
				reason = kind
				if kind == claimtrail.ReasonNested {
					r.relayOver(&m) // around a statement: its relay
				}
			}
			att := r.refusedAttribution(&m, reason)
			att.Chain = underStatement(a, att.Chain, r.out) // inside one: relayed by it
			r.refused = append(r.refused, att)
		}
		r.before = 0
	}
}

// ruleSpans indexes the cues and contents of the rule statements that
// have a cue: asked per labeller attribution, a scan of every statement
// was quadratic in a long article.
type ruleSpans struct {
	cue, content claimtrail.SpanIndex
}

// indexRules indexes the spans of the attributed statements of rules.
func indexRules(rules []claimtrail.Statement) ruleSpans {
	var cues, contents []claimtrail.Span
	for _, st := range rules {
		if !st.Cue.Empty() {
			cues = append(cues, st.Cue)
			contents = append(contents, st.Content)
		}
	}
	return ruleSpans{cue: claimtrail.NewSpanIndex(cues), content: claimtrail.NewSpanIndex(contents)}
}

// nestedIn reports whether a's cue lies inside the content of an
// attributed statement of rules, or a's content holds its cue.
func nestedIn(a seq.Attribution, rules ruleSpans) bool {
	return rules.content.Encloses(a.Cue) || rules.cue.Within(a.Content)
}

// unexplained returns the paragraphs holding a reporting word (a speech
// verb or "according") outside the cue and content of every attributed
// rule statement. Only there can the model add a statement: fromModel
// keeps an attribution only when its cue holds a reporting word, and
// seq.Uncovered drops one that meets a rule statement.
func (r *reader) unexplained() map[int]bool {
	var paras map[int]bool
	covered := r.explained()
	for _, s := range r.doc.Sentences {
		if paras[s.Paragraph] {
			continue
		}
		for _, t := range r.doc.Tokens[s.First:s.Last] {
			if reportingWord(t) && !covered.Overlaps(t.Span) {
				if paras == nil {
					paras = map[int]bool{}
				}
				paras[s.Paragraph] = true
				break
			}
		}
	}
	return paras
}

// explained indexes the cues and contents of the attributed rule
// statements: what they explain.
func (r *reader) explained() claimtrail.SpanIndex {
	var spans []claimtrail.Span
	for _, st := range r.out {
		if !st.Cue.Empty() {
			spans = append(spans, st.Cue, st.Content)
		}
	}
	return claimtrail.NewSpanIndex(spans)
}

// sentenceRanges returns, for each wanted paragraph (all when paras is
// nil), its sentences as half-open index ranges of at most 64 sentences (tagging one range is
// where a cancelled extraction may wait).
func sentenceRanges(doc *nlp.Document, paras map[int]bool) [][2]int {
	var out [][2]int
	for si, s := range doc.Sentences {
		if paras != nil && !paras[s.Paragraph] {
			continue
		}
		if n := len(out); n > 0 && out[n-1][1] == si && doc.Sentences[si-1].Paragraph == s.Paragraph && si-out[n-1][0] < 64 {
			out[n-1][1] = si + 1
			continue
		}
		out = append(out, [2]int{si, si + 1})
	}
	return out
}

// modelAtt is one labeller attribution being read as a statement: its
// spans as token ranges of the sentences holding them (lo < 0 when a span
// is absent or lies outside that sentence).
type modelAtt struct {
	a              seq.Attribution
	si             int         // the cue's sentence
	toks           []nlp.Token // its tokens
	cueLo, cueHi   int         // the cue in toks
	srcLo, srcHi   int         // the source in srcToks
	srcToks        []nlp.Token // the tokens of the source's sentence
	conLo, conHi   int         // the content's tokens in toks, or in conToks
	conSi          int         // the sentence whose tokens conLo, conHi index
	conToks        []nlp.Token
	chain          []claimtrail.Source // the source read as a chain; nil when unread
	contentOutside bool                // the content runs beyond conSi
	// phrases lets a noun-phrase content through the clause check when
	// phrase allows it (CombinePhrases); ruled says that an attributed
	// rule statement has its cue in the cue's sentence.
	phrases, ruled bool
}

// clause reports whether the content is a clause of its own: it holds a
// finite verb (or a modal) that does not open a relative clause. "The
// talks had failed" and "that the plan is dead" are; "emails that ask for
// payment details" (a noun phrase whose only verb is in a relative clause)
// and "it impossible to check" are not. Tags, not trees: the labeller's
// paragraphs are all tagged, and parsing every candidate would cost more
// than the labeller itself.
func (m *modelAtt) clause() bool {
	toks := m.conToks[m.conLo:m.conHi]
	for k := range toks {
		if !hasFiniteVerb(toks[k : k+1]) {
			continue
		}
		if k > 0 && (isRelative(toks[k-1]) || lower(toks[k-1]) == "that") {
			continue // "emails that ask …"
		}
		return true
	}
	return false
}

// phrase reports whether a content that is no clause may still stand, as
// an attribution of a stance toward something ("Clinton supporters have
// questioned the health of Donald Trump"): under CombinePhrases, when the
// cue is no relay ("citing a person familiar with the talks": the phrase
// is a source the rules put in a chain), holds no modal ("customers should
// be wary of emails …": advice, not anyone's statement), and no rule
// statement reads the sentence (beside one, a noun phrase is a relay's
// source or a detail of its content: "…, the panel said, after her B sample
// confirmed a positive test"), the attribution stands in no subordinate
// clause (subordinate) and the content sends no named party somewhere
// (named).
func (m *modelAtt) phrase() bool {
	if !m.phrases || m.ruled || m.subordinate() || m.named() {
		return false
	}
	return !slices.ContainsFunc(m.toks[m.cueLo:m.cueHi], func(t nlp.Token) bool { return relayWords[lower(t)] || t.Tag == "MD" })
}

// subordinate reports whether the attribution stands in a subordinate
// clause of its sentence: a subordinating word ("before", "when",
// "because") comes before its source and cue. There a noun phrase is part
// of a narrated event ("The stand failed an inspection, before the council
// allowed it to reopen"), not someone's stance.
func (m *modelAtt) subordinate() bool {
	start := m.cueLo
	if m.srcLo >= 0 && m.srcToks[0].Start == m.toks[0].Start {
		start = min(start, m.srcLo)
	}
	return slices.ContainsFunc(m.toks[:start], func(t nlp.Token) bool {
		return subordinators[lower(t)] && (t.Tag == "IN" || t.Tag == "WRB")
	})
}

// named reports whether the content is a name sent somewhere: someone
// the source acted on ("welcomed Anna Berg to the meeting", "invited the
// Smiths into the house"), not a thing it took a stance on ("questioned
// the health of X", "endorsed Anna Berg").
func (m *modelAtt) named() bool {
	k := m.conLo
	for k < m.conHi && (m.conToks[k].Tag == "NNP" || m.conToks[k].Tag == "NNPS") {
		k++
	}
	if k == m.conLo || k == m.conHi {
		return false
	}
	w := lower(m.conToks[k])
	return w == "to" || w == "into"
}

// modelCheck is one test a labeller attribution must pass to become a
// statement, with an example of what it drops and why: reason is the
// claimtrail.NotStatement an attribution it drops is reported with
// (claimtrail.Attribution). Every check drops attributions for what they
// attribute or for a source the ledger cannot name, not for being no
// attribution: PolNeAR marks what each drops as attributions, and adding
// each check's reports raises PolNeAR dev (docs/attribution.md). What is no
// attribution at all never reaches the checks (spans holding no whole
// token, readModel), nor what is already a rule statement (seq.Uncovered,
// nested).
type modelCheck struct {
	name    string
	example string
	reason  claimtrail.NotStatement
	keep    func(m *modelAtt) bool
}

// modelChecks are the tests of fromModel, in order. Each drops attributions
// the labeller finds that are not statements of fact (intentions, beliefs,
// refusals) or whose spans the rules cannot read; docs/attribution.md
// ("What the labeller's statements must pass") gives each one's effect on
// PolNeAR dev.
var modelChecks = []modelCheck{
	{"source", "“It is over,” the report concluded. (no source span)", claimtrail.ReasonNoSource, func(m *modelAtt) bool { return !m.a.Source.Empty() }},
	{"raising", "The quarry board is understood to have met in secret. (a hedge in the writer's own voice: the board is what it is about, not who says it)", claimtrail.ReasonHedge, func(m *modelAtt) bool {
		for k := m.cueLo; k < m.cueHi; k++ {
			if raisingHedgeAt(m.toks, k) {
				return false
			}
		}
		return true
	}},
	{"length", "he said “no” (content under 8 bytes)", claimtrail.ReasonShortContent, func(m *modelAtt) bool { return m.a.Content.Len() >= 8 }},
	{"withholds", "The ministry declined to say whether talks failed.", claimtrail.ReasonWithheld, func(m *modelAtt) bool { return !withholds(m.toks) }},
	{"source-like", "“, ” of the group said it would … (source cut from a name)", claimtrail.ReasonUnreadableSource, func(m *modelAtt) bool {
		return m.srcLo < 0 || sourceLike(m.srcToks[m.srcLo:m.srcHi])
	}},
	{"negated", "The mayor did not say the bridge was closed; neither report named the officials.", claimtrail.ReasonNegated, func(m *modelAtt) bool {
		from := m.cueLo
		if m.srcLo >= 0 && m.srcToks[0].Start == m.toks[0].Start {
			from = min(m.srcHi, m.cueLo)
		}
		return !negatedCue(m.toks, from, m.cueHi) && (m.srcLo < 0 || !noneWords[lower(m.srcToks[m.srcLo])])
	}},
	{"chain", "It also makes checks impossible. (\"It\" refers to no source named before)", claimtrail.ReasonUnresolvedSource, func(m *modelAtt) bool {
		return m.a.Source.Empty() || len(m.chain) > 0 && !bareWords[lower1(m.chain[len(m.chain)-1].Name)]
	}},
	{"stating", "He called the report fiction; she refused to comment.", claimtrail.ReasonNotStating, func(m *modelAtt) bool { return statingCue(m.toks, m.cueLo, m.cueHi) }},
	{"infinitive", "Rovers hope to return next season; she asked not to be named. (a plan or a request)", claimtrail.ReasonPlan, func(m *modelAtt) bool {
		k := m.conLo
		if k+1 < m.conHi && lower(m.conToks[k]) == "not" {
			k++
		}
		return lower(m.conToks[k]) != "to"
	}},
	{"person-object", "The minister issued orders to dismiss Ivo Danek for absence. (a denial verb acting on a person)", claimtrail.ReasonActsOnPerson, func(m *modelAtt) bool {
		for k := m.cueLo; k < m.cueHi; k++ {
			if personObject(m.toks, 0, len(m.toks), 0, k) {
				return false
			}
		}
		return true
	}},
	{"request", "The paper asked the ministry whether fares will rise. (a question or request)", claimtrail.ReasonRequest, func(m *modelAtt) bool {
		return !slices.ContainsFunc(m.toks[m.cueLo:m.cueHi], func(t nlp.Token) bool { return requestVerbs[lower(t)] })
	}},
	{"clause", "Customers should be wary of emails that ask for payment details; the port's fees, which the regulator says are the highest anywhere, deter ships. (content with no clause of its own, or a relative clause whose subject is outside it)", claimtrail.ReasonNounPhrase, func(m *modelAtt) bool {
		return !relativeContent(m.conToks, m.conLo) && (isQuote(m.conToks[m.conLo].Text) || m.clause() || m.phrase())
	}},
	{"interrogative", "The minister has said when the vote will be held.", claimtrail.ReasonQuestion, func(m *modelAtt) bool { return !interrogatives[lower(m.conToks[m.conLo])] }},
	{"topic", "Two officials spoke on condition of anonymity because … (what a cue ending in a preposition governs is a topic)", claimtrail.ReasonTopic, func(m *modelAtt) bool {
		return !topicPrepositions[lower(m.toks[m.cueHi-1])]
	}},
}

// topicPrepositions end cues whose object is what the talk was about, not
// what was said: "spoke on", "commented about", "talked of".
var topicPrepositions = set(`on about of over regarding concerning`)

// fromModel converts one labeller attribution into a statement, unless it
// fails one of modelChecks not named in skip: then it keeps it among the
// reader's refused attributions, with the check's reason.
//
// With phrases set (CombinePhrases), a noun-phrase content may pass the
// clause check (modelAtt.phrase).
func (r *reader) fromModel(a seq.Attribution, skip map[string]bool, phrases bool) (claimtrail.Statement, bool) {
	m, ok := r.prepare(a, phrases)
	defer func() { r.before = 0 }()
	if !ok {
		return claimtrail.Statement{}, false
	}
	if reason := m.refusal(skip); reason != "" {
		r.refused = append(r.refused, r.refusedAttribution(&m, reason))
		return claimtrail.Statement{}, false
	}
	if complementizer(m.conToks, m.conLo, m.conHi) {
		m.conLo++ // "reports that he …": the proposition starts after "that"
	}
	m.conHi = m.cutShortEnd()
	q := quoteMask(m.conToks, false)
	st := r.statement(m.conSi, m.conToks, q, clause{lo: m.conLo, hi: m.conHi}, r.fullChain(m.chain))
	if m.contentOutside {
		st.Content = a.Content
	}
	st.Sentence = r.doc.Sentences[m.si].Span
	st.Cue, st.Source, st.Labelled = a.Cue, a.Source, true
	if slices.ContainsFunc(m.toks[m.cueLo:m.cueHi], func(t nlp.Token) bool { return denialVerbs[lower(t)] }) {
		st.Polarity, st.Negates = claimtrail.Denies, st.Content.In(r.text()) // "flatly denied"
	}
	return st, true
}

// danglingWords cannot end a clause: a content the labeller closes on a
// subject pronoun ("she was already pregnant by the time she") was cut
// short. Determiners, prepositions and conjunctions too changed PolNeAR
// contents in both directions (exact .4604 -> .4609, overlap .7006 ->
// .7002), so they stay out.
var danglingWords = set(`she he they we i`)

// cutShortEnd returns where the content should end: where the labeller
// ended it, or, when that leaves it on a dangling word, at the next
// punctuation mark of its sentence (or before the cue, when the cue
// follows), so that "by the time she" reads "by the time she was
// admitted".
func (m *modelAtt) cutShortEnd() int {
	hi := m.conHi
	if hi <= m.conLo || hi >= len(m.conToks) || !danglingWords[lower(m.conToks[hi-1])] {
		return hi
	}
	limit := len(m.conToks)
	if m.conSi == m.si && m.cueLo >= hi {
		limit = m.cueLo
	}
	for k := hi; k < limit; k++ {
		if isEdgePunct(m.conToks[k].Text) {
			if k == hi {
				return hi
			}
			return k
		}
	}
	return limit
}

// refusal runs modelChecks not named in skip on m, in order, and returns
// the reason of the first it fails, or "" when it passes them all.
func (m *modelAtt) refusal(skip map[string]bool) claimtrail.NotStatement {
	for _, c := range modelChecks {
		if !skip[c.name] && !c.keep(m) {
			return c.reason
		}
	}
	return ""
}

// refusedAttribution reports a labeller attribution refused as a statement
// for reason: its spans as the labeller marked them, and its chain when
// its source was resolved to a party.
func (r *reader) refusedAttribution(m *modelAtt, reason claimtrail.NotStatement) claimtrail.Attribution {
	a := claimtrail.Attribution{
		Article: r.doc.Article.ID, Source: m.a.Source, Cue: m.a.Cue, Content: m.a.Content,
		Sentence: r.doc.Sentences[m.si].Span, Reason: reason, Labelled: true,
	}
	if len(m.a.ContentParts) > 1 {
		a.Parts = slices.Clone(m.a.ContentParts)
	}
	if n := len(m.chain); n > 0 && !bareWords[lower1(m.chain[n-1].Name)] {
		a.Chain = r.fullChain(m.chain)
	}
	return a
}

// prepare reads a labeller attribution's tokens and resolves its source
// as the rules would at its sentence, hiding from reference resolution
// what comes after it (the caller sets r.before back to 0). It fails when
// readModel does.
func (r *reader) prepare(a seq.Attribution, phrases bool) (modelAtt, bool) {
	m, ok := r.readModel(a)
	if !ok {
		return m, false
	}
	start := r.doc.Sentences[m.si].Start
	r.at, r.before = start, max(start, 1)
	if m.srcLo >= 0 {
		m.chain = r.sourceChain(m.srcToks, m.srcLo, m.srcHi, lower(m.toks[m.cueLo]))
	}
	if m.phrases = phrases; phrases {
		m.ruled = r.ruled(m.si)
	}
	return m, true
}

// readModel finds the tokens of a labeller attribution's spans. It fails
// only when a span holds no whole token.
func (r *reader) readModel(a seq.Attribution) (modelAtt, bool) {
	m := modelAtt{a: a, si: r.doc.SentenceAt(a.Cue.Start), srcLo: -1, srcHi: -1}
	if m.si < 0 {
		return m, false
	}
	m.toks = r.doc.SentenceTokens(m.si)
	m.cueLo, m.cueHi = tokenRange(m.toks, a.Cue)
	if m.cueLo < 0 {
		return m, false
	}
	if !a.Source.Empty() {
		m.srcToks = m.toks
		if ss := r.doc.SentenceAt(a.Source.Start); ss >= 0 && ss != m.si {
			m.srcToks = r.doc.SentenceTokens(ss)
		}
		if m.srcLo, m.srcHi = tokenRange(m.srcToks, a.Source); m.srcLo < 0 {
			return m, false
		}
	}
	// The content is read in the cue's sentence when it has tokens there,
	// else in the sentence where it starts.
	m.conSi, m.conToks = m.si, m.toks
	m.conLo, m.conHi = tokenRange(m.toks, a.Content)
	if m.conLo < 0 {
		if m.conSi = r.doc.SentenceAt(a.Content.Start); m.conSi < 0 {
			return m, false
		}
		m.conToks = r.doc.SentenceTokens(m.conSi)
		if m.conLo, m.conHi = tokenRange(m.conToks, a.Content); m.conLo < 0 {
			return m, false
		}
	}
	if m.srcLo > 0 && m.srcToks[0].Start == m.toks[0].Start && lower(m.toks[m.srcLo-1]) == "what" {
		// "X would join Y in what diplomats describe as a pact": the
		// source vouches for the whole sentence, not for "as a pact".
		m.conLo, m.conHi = trim(m.toks, 0, len(m.toks))
		m.conToks, m.conSi = m.toks, m.si
		return m, m.conLo < m.conHi
	}
	s := r.doc.Sentences[m.conSi]
	m.contentOutside = a.Content.Start < s.Start || a.Content.End > s.End
	return m, true
}

// ruled reports whether an attributed rule statement has its cue in
// sentence si: r.out holds only the rules' statements while the labeller's
// are read. The cues are indexed once per r.out: asked for every labeller
// attribution, a scan of r.out was quadratic in a long article.
func (r *reader) ruled(si int) bool {
	if len(r.out) == 0 {
		return false
	}
	if &r.out[0] != r.ruledBase || len(r.out) != r.ruledLen {
		var cues []claimtrail.Span
		for _, st := range r.out {
			if !st.Cue.Empty() {
				cues = append(cues, st.Cue)
			}
		}
		r.ruledCues, r.ruledBase, r.ruledLen = claimtrail.NewSpanIndex(cues), &r.out[0], len(r.out)
	}
	return r.ruledCues.Within(r.doc.Sentences[si].Span)
}

// statingCue reports whether the cue toks[lo:hi] states something:
// "declined to say", "refused to comment" do not, nor does "called" (a
// demand, a name or a telephone call more often than a statement; the rules
// read "called the report fiction" themselves).
func statingCue(toks []nlp.Token, lo, hi int) bool {
	for k := lo; k < hi; k++ {
		if w := lower(toks[k]); withholding[w] || w == "called" || w == "calls" || w == "call" {
			return false
		}
	}
	return true
}

// sourceLike reports whether a model source span reads as a source phrase:
// it starts with a word (not a quotation mark, a possessive ending or
// "of", as spans cut from a longer name do), holds no quotation mark and
// is no relative pronoun.
func sourceLike(toks []nlp.Token) bool {
	if len(toks) == 0 || isRelative(toks[0]) || isPossessive(toks[0].Text) || lower(toks[0]) == "of" {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(toks[0].Text); !unicode.IsLetter(r) && !unicode.IsDigit(r) {
		return false
	}
	for _, t := range toks {
		if isQuote(t.Text) || strings.ContainsAny(t.Text, "\"“”") {
			return false
		}
	}
	return true
}

// requestVerbs make a cue a question or a request, not a statement.
var requestVerbs = set(`ask asks asked asking urge urges urged urging request requests requested`)

// noneWords leading a source say that nobody spoke: "neither report
// named …", "no official confirmed …".
var noneWords = set(`neither no none nobody`)

// bareWords are pronouns: a chain that ends in one resolved it to no
// source named before.
var bareWords = set(`it he she they him her them`)

// lower1 lower-cases a one-word name.
func lower1(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// withholding words make a cue a refusal to state.
var withholding = set(`declined declines decline refused refuses refuse`)

// negatedCue reports whether a negation stands in toks[from:to], between a
// source and the end of its cue: "did not deny", "has never said" state
// nothing, as the rules read them.
func negatedCue(toks []nlp.Token, from, to int) bool {
	for _, t := range toks[max(from, 0):min(to, len(toks))] {
		if w := lower(t); w == "not" || w == "n't" || w == "never" || w == "nor" || w == "neither" {
			return true
		}
	}
	return false
}

// beForms before a participle make it passive: "was told".
var beForms = set(`is are was were be been being`)

// reportingWord reports whether a token is a speech verb or "according".
func reportingWord(t nlp.Token) bool {
	w := lower(t)
	return speechVerbs[w] || w == "according"
}

// tokenRange returns the tokens of toks inside span, or -1, -1.
func tokenRange(toks []nlp.Token, span claimtrail.Span) (int, int) {
	lo, hi := -1, -1
	for i, t := range toks {
		if span.Contains(t.Span) {
			if lo < 0 {
				lo = i
			}
			hi = i + 1
		}
	}
	return lo, hi
}

// complementizer reports whether a labeller content toks[lo:hi] opens with
// the "that" of a content clause ("reports that he makes …") rather than a
// demonstrative ("that kind of moisture"): the labeller, trained on spans
// that include it, keeps it, and a claim read from the content would open
// with it. Tagged, the tagger says which; untagged, the next word must
// open a clause: a pronoun, a determiner, a number or a capitalised word.
func complementizer(toks []nlp.Token, lo, hi int) bool {
	if hi-lo < 3 || lower(toks[lo]) != "that" {
		return false
	}
	if tag := toks[lo].Tag; tag != "" {
		return tag == "IN"
	}
	next := toks[lo+1].Text
	return thatClauseOpeners[lower(toks[lo+1])] || next != "" && (unicode.IsUpper([]rune(next)[0]) || unicode.IsDigit([]rune(next)[0]))
}

// thatClauseOpeners are words that open a clause after "that".
var thatClauseOpeners = set(`he she it they we i you there this these those the a an some many most several his her their its our no in on at after before while when`)

// apartFrom reports whether a meets attributed statements of sts (its
// content shares bytes with their cue or content, or its cue with their
// content) and the labeller marks each of them as another act of
// attribution (Statement.Marked, with a cue apart from a's). Then a is an
// act the labeller reads beside them, which no statement reports; an
// unmarked statement may be a's own act read by the rules under another
// cue, and reporting a would show it twice.
func apartFrom(a seq.Attribution, sts []claimtrail.Statement) bool {
	met := false
	for _, st := range sts {
		if st.Cue.Empty() || !st.Cue.Overlaps(a.Content) && !st.Content.Overlaps(a.Content) && !st.Content.Overlaps(a.Cue) {
			continue
		}
		met = true
		if st.Marked.Empty() || st.Marked.Cue.Overlaps(a.Cue) {
			return false
		}
	}
	return met
}
