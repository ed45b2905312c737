// Package attrib finds statements in an analysed article: each proposition
// with its attribution chain ("Marketdesk ← TVR-News24 ← top intelligence
// sources"), its cue, its polarity (asserts or denies) and its hedges. It is
// rule-based: speech verbs, "according to", "citing", "per", "sources told
// X", quotations over several sentences, and reference back to sources named
// earlier ("it", "the channel", "the report", "the ministry").
package attrib

import (
	"context"
	"sort"
	"strings"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/attrib/seq"
	"github.com/claimtrail/claimtrail/nlp"
)

// Extractor finds statements in analysed documents. It holds no state
// between documents and is safe for concurrent use.
type Extractor struct {
	model       *seq.Model  // the trained labeller, when combined with the rules
	tagger      Tagger      // tags what the labeller reads, when analysis did not
	combination Combination // how the rules and the labeller are merged
	cues        CueReading  // how the rules find cues
	// skip names modelChecks left out, to measure what each one does.
	skip map[string]bool
}

// CueReading says how the rules find a sentence's cues, sources and
// contents.
type CueReading int

const (
	// FramesFirst reads each cue word through the reporting frames of
	// frames.go on the sentence's dependency tree, and through the
	// word-order readings of wordOrderReadings where no frame settles it.
	// It is the default.
	FramesFirst CueReading = iota
	// PatternsOnly reads cues through the word-order readings alone, the
	// rules' way before the frames (kept for comparison; "per X" and
	// phrasal denials the parser reads as verbs are read by frames alone).
	PatternsOnly
	// FramesOnly reads cues through the frames alone (for comparison).
	FramesOnly
)

// WithCues returns a copy of x that finds cues as c says.
func (x *Extractor) WithCues(c CueReading) *Extractor {
	y := *x
	y.cues = c
	return &y
}

// New returns a rule-based Extractor.
func New() *Extractor { return &Extractor{} }

// Extract returns the statements of doc in text order. Every statement's
// chain starts with the article's outlet.
func (x *Extractor) Extract(doc *nlp.Document) []claimtrail.Statement {
	out, _ := x.ExtractContext(context.Background(), doc)
	return out
}

// ExtractContext is Extract stopping, with the context's error, when ctx
// is done: it looks between sentences and between the labeller's
// paragraphs.
func (x *Extractor) ExtractContext(ctx context.Context, doc *nlp.Document) ([]claimtrail.Statement, error) {
	e, err := x.ExtractAll(ctx, doc)
	return e.Statements, err
}

// Extraction is what an extractor finds in one article: its statements,
// and the attributions it found that are no statements of the ledger.
type Extraction struct {
	Statements []claimtrail.Statement
	// Attributions are the attributions refused as statements, in text
	// order: the trained labeller's, refused because of what they
	// attribute (a plan, a question, a noun phrase), because their source
	// cannot be named, or because they are nested in a rule statement; and
	// the rules' own, read by a frame whose cue a veto refuses (negated,
	// a refusal to state, "said whether"; see frameVetoes) when no
	// statement or labeller attribution has the cue.
	// claimtrail.Attribution.Reason says which. Labeller attributions
	// whose spans hold no whole token, whose cue is a rule statement's, or
	// that merely share words with a rule statement are not among them.
	Attributions []claimtrail.Attribution
}

// ExtractAll is ExtractContext returning the article's other attributions
// too.
func (x *Extractor) ExtractAll(ctx context.Context, doc *nlp.Document) (Extraction, error) {
	r := newReader(doc)
	r.cues = x.cues
	for si := range doc.Sentences {
		if err := ctx.Err(); err != nil {
			return Extraction{}, err
		}
		r.sentence(si)
	}
	r.releaseHeld(nil, claimtrail.Span{}, claimtrail.Span{})
	r.resolvePending()
	if x.model != nil {
		r.learned(ctx, x)
		if err := ctx.Err(); err != nil {
			return Extraction{}, err
		}
	}
	r.blockQuotes()
	r.declinedAttributions()
	r.carry()
	for i := range r.out {
		if st := &r.out[i]; st.Polarity == claimtrail.Denies && !st.Negated {
			// A denial's hedge words describe what it denies ("an alleged
			// meeting", "unverified stories"), not the denial.
			st.Hedges = addHedge(nil, "anonymous sourcing", st.Chain)
		}
	}
	sort.SliceStable(r.refused, func(i, j int) bool { return r.refused[i].Cue.Start < r.refused[j].Cue.Start })
	return Extraction{Statements: r.out, Attributions: r.refused}, nil
}

// blockQuotes starts, after the labeller has read the document, the
// passages introduced by its colon cues that the rules did not see ("Ivo
// Berg wrote in a blog post on Monday:"): the same blockQuote the reader
// starts for its own colon cues, deciding sentence by sentence with the
// same holds, hands the outlet's own statements of the passage to the
// cue's speaker. Attributed statements keep their chains.
func (r *reader) blockQuotes() {
	text := r.text()
	started := map[int]bool{}
	for _, b := range r.blocks {
		started[r.doc.SentenceAt(b.cue.Start)] = true
	}
	for i := range r.out {
		cue := r.out[i]
		si := r.doc.SentenceAt(cue.Sentence.Start)
		if len(cue.Chain) < 2 || cue.Cue.End <= cue.Cue.Start || si < 0 || started[si] ||
			!strings.HasSuffix(strings.TrimSpace(cue.Sentence.In(text)), ":") {
			continue
		}
		started[si] = true
		b := &blockQuote{chain: cue.Chain, cue: cue.Cue, src: cue.Source, para: r.doc.Sentences[si].Paragraph}
		for k := si + 1; k < len(r.doc.Sentences) && b.holds(r.doc, k, r.doc.SentenceTokens(k)); k++ {
			b.cover(r.doc, k, r.doc.SentenceTokens(k))
			r.handOver(k, b)
		}
	}
}

// handOver gives the outlet's own statements of sentence si to passage b's
// speaker.
func (r *reader) handOver(si int, b *blockQuote) {
	for j := range r.out {
		st := &r.out[j]
		if len(st.Chain) != 1 || r.doc.SentenceAt(st.Sentence.Start) != si {
			continue
		}
		st.Chain, st.Cue, st.Source = b.chain, b.cue, b.src
		st.Hedges = addHedge(st.Hedges, "anonymous sourcing", st.Chain)
	}
}

// DenialCue reports whether a cue's text is a denial verb or phrase
// ("denied", "flatly rejected", "shot down"), as opposed to a speech verb
// whose content calls something false ("said … was a hoax").
func DenialCue(cue string) bool {
	for _, w := range strings.Fields(strings.ToLower(cue)) {
		if denialVerbs[w] || len(denialPhrases[w]) > 0 {
			return true
		}
	}
	return false
}

// Proposition reports whether a span of an analysed document holds a
// finite verb: a proposition ("the dam had failed"), not a description
// ("TVR-News 24 as an outlet with a history of …").
func Proposition(doc *nlp.Document, sp claimtrail.Span) bool {
	for _, t := range doc.TokensIn(sp) {
		if hasFiniteVerb([]nlp.Token{t}) {
			return true
		}
	}
	return false
}

// NeedsTags reports whether a sentence's tokens need part-of-speech tags for
// extraction: only sentences with a cue word or a clause joint do. Pass it
// to nlp.TagOnly to analyse faster.
func NeedsTags(toks []nlp.Token) bool {
	for i, t := range toks {
		w := lower(t)
		if verdictWords[w] && i+1 < len(toks) && !capitalised(toks[i+1].Text) && isWordy(toks[i+1].Text) {
			return true // "false identity papers" or "false and misleading": describesThing reads the tag
		}
		if !speechVerbs[w] || plainCues[w] {
			continue
		}
		if i > 0 && (determiners[lower(toks[i-1])] || capitalised(t.Text)) {
			continue // "the report", "Islamic State": a noun, no cue
		}
		return true
	}
	return false
}

// plainCues are cue words that are verbs (or "according") wherever they
// stand, so that a sentence holding only these is read without tags: the
// rules fall back on word lists for its source phrase.
var plainCues = set(`said says say saying told tells tell added adds warned insisted argued explained
acknowledged announced declared denied rejected dismissed rubbished refuted wrote posted revealed
stated according`)

// mention is a source named in the article, with the chain (below the
// article's outlet) it was named under, for resolving later references.
type mention struct {
	src   claimtrail.Source
	chain []claimtrail.Source
	at    int // byte offset of the sentence it was named in
}

// reader walks one document's sentences in order, remembering what it needs
// to resolve references and quotations that run on.
type reader struct {
	doc      *nlp.Document
	outlet   claimtrail.Source
	out      []claimtrail.Statement
	mentions []mention
	// refused holds the labeller's attributions refused as statements for
	// what they attribute, not for being no attribution (modelCheck).
	refused []claimtrail.Attribution
	// declined holds the attributions the rules read but refused (a
	// negated cue, a refusal to state), reported through refused when no
	// statement took their cue (declinedAttributions).
	declined []claimtrail.Attribution
	// ruledCues indexes the cues of out for ruled, built for the out of
	// ruledBase and ruledLen (out is replaced when the labeller's
	// statements are combined with the rules').
	ruledCues claimtrail.SpanIndex
	ruledBase *claimtrail.Statement
	ruledLen  int
	// at is where the sentence being read starts; before, when non-zero,
	// hides statements and mentions at or after it from reference
	// resolution (the labeller's attributions are resolved after the whole
	// document has been read, but "he" means who was named before).
	at, before int
	// quoteChain is the chain of a quotation still open at the end of the
	// previous sentence; nil when no quotation is open.
	quoteChain []claimtrail.Source
	quoteCue   claimtrail.Span
	quoteSrc   claimtrail.Span
	// lastPara is the paragraph of the latest attributed statement and
	// lastChain its chain, for whole quoted paragraphs that follow one.
	lastPara  int
	lastChain []claimtrail.Source
	lastCue   claimtrail.Span
	// block is the passage a cue ending with a colon introduced, while it
	// lasts; nil otherwise.
	block *blockQuote
	// signed is the signature of the latest paragraph read (signature.go).
	signed *signedPost
	// blocks are every passage the reader started, for blockQuotes.
	blocks []*blockQuote
	// held holds sentences of a quotation that opened with no cue: the cue
	// usually closes it ("“… . …,” the ministry said").
	held []int
	// pending holds own-voice statements hedged with "reportedly": they
	// take the chain of the article's main cited report, which may come
	// later in the text.
	pending []int
	// persons holds, by key, every mention of the people the document
	// names, in text order (see person), built on first use.
	persons map[string][]personMention
	// genders holds, by key, the gender the document marks for each of its
	// people (coref.go), built on first use.
	genders map[string]nlp.Gender
	// cues is how cues are found; si is the sentence being read and tree
	// its dependency tree, parsed on the first cue word (treeDone).
	cues     CueReading
	si       int
	tree     *nlp.Tree
	treeDone bool
}

func newReader(doc *nlp.Document) *reader {
	name := doc.Article.OutletName()
	return &reader{doc: doc, outlet: claimtrail.Source{Name: name, Kind: claimtrail.KindOutlet}, lastPara: -1}
}

func (r *reader) text() string { return r.doc.Article.Text }

// sentence finds the statements of sentence si.
func (r *reader) sentence(si int) {
	s := r.doc.Sentences[si]
	r.at = s.Start
	r.si, r.tree, r.treeDone = si, nil, false
	post := r.signature(si)
	toks := post.unsigned(r.doc.SentenceTokens(si))
	if len(toks) == 0 {
		return
	}
	if len(r.held) > 0 && r.doc.Sentences[r.held[0]].Paragraph != s.Paragraph {
		r.releaseHeld(nil, claimtrail.Span{}, claimtrail.Span{})
	}
	q := quoteMask(toks, r.quoteChain != nil || len(r.held) > 0)
	carried := r.quoteChain
	block := r.block
	r.block = nil
	if a, ok := r.find(toks, q, 0, len(toks)); ok {
		a.chain = post.signedChain(a.chain)
		if a.next != nil {
			a.next.chain = post.signedChain(a.next.chain)
		}
		if a.block {
			r.startBlock(si, a)
			return
		}
		if len(r.held) > 0 && q[0] {
			r.releaseHeld(a.chain, a.cue, a.srcSpan) // “… . … ,” the ministry said.
		}
		r.emit(si, toks, q, a)
		if a.next != nil {
			a = *a.next
			r.emit(si, toks, q, a)
		}
		r.updateQuote(toks, q, a.chain, a.cue, a.srcSpan)
		return
	}
	openAtEnd := len(toks) > 0 && q[len(toks)-1] && !isQuote(toks[len(toks)-1].Text)
	switch {
	case carried != nil:
		r.emitQuoted(si, toks, q, carried, r.quoteCue, r.quoteSrc)
		r.updateQuote(toks, q, carried, r.quoteCue, r.quoteSrc)
		r.keepBlock(block, si, toks)
	case block.holds(r.doc, si, toks):
		// A passage introduced by "X said:" goes on in X's words; a
		// quotation opening it runs on over its sentences as any
		// quotation after its cue does.
		r.emitQuoted(si, toks, q, block.chain, block.cue, block.src)
		r.updateQuote(toks, q, block.chain, block.cue, block.src)
		r.keepBlock(block, si, toks)
	case openAtEnd && (startsQuote(toks) || len(r.held) > 0):
		// A quotation whose speaker is named only where it closes, or,
		// when it closes with no cue, the speaker before it.
		r.held = append(r.held, si)
	case startsQuote(toks) && r.lastChain != nil && s.Paragraph <= r.lastPara+1:
		// A paragraph that is one quotation right after an attributed one
		// continues the same speaker's words.
		r.emitQuoted(si, toks, q, r.lastChain, r.lastCue, claimtrail.Span{})
		r.updateQuote(toks, q, r.lastChain, r.lastCue, claimtrail.Span{})
	case withholds(toks):
		r.quoteChain = nil // "X declined to say whether Y" asserts nothing
	case post.ok:
		if postWords(toks) >= minPostWords {
			r.emitQuoted(si, toks, q, post.chain, post.cue, post.src) // a post's text is its signer's
		}
		r.quoteChain = nil
	default:
		r.ownVoice(si, toks, q)
		r.quoteChain = nil
	}
}

// blockQuote is a passage introduced by a cue ending its sentence with a
// colon ("Inspector Lena Okafor said:"), as web pages set a statement
// below its speaker, often without quotation marks once the page's
// blockquote markup is gone. para is the last paragraph it covers.
type blockQuote struct {
	chain    []claimtrail.Source
	cue, src claimtrail.Span
	para     int
	// quoted is whether paragraph para opened with a quotation mark.
	quoted bool
}

// startBlock records the colon cue a of sentence si: a quotation that
// opens the next paragraph is the speaker's (as after any attributed
// paragraph), and so is a paragraph without quotation marks that speaks
// in the first person (blockQuote.holds).
func (r *reader) startBlock(si int, a attribution) {
	chain := r.ownedAnonymous(si, a.chain)
	para := r.doc.Sentences[si].Paragraph
	r.lastChain, r.lastCue, r.lastPara = chain, a.cue, para
	r.block = &blockQuote{chain: chain, cue: a.cue, src: a.srcSpan, para: para}
	r.blocks = append(r.blocks, r.block)
	r.quoteChain = nil
}

// keepBlock keeps passage b open past sentence si (tokens toks), which it
// covers: the next paragraph may go on with it.
func (r *reader) keepBlock(b *blockQuote, si int, toks []nlp.Token) {
	if b == nil || r.doc.Sentences[si].Paragraph < b.para {
		return
	}
	b.cover(r.doc, si, toks)
	r.block = b
}

// cover records that b goes on over sentence si (tokens toks).
func (b *blockQuote) cover(doc *nlp.Document, si int, toks []nlp.Token) {
	if p := doc.Sentences[si].Paragraph; p > b.para {
		b.para, b.quoted = p, startsQuote(toks)
	}
}

// holds reports whether sentence si, which has no cue of its own, goes on
// with the passage b: it is in the paragraph b last covered (after b's
// introduction), or it opens the next paragraph, which opens a quotation
// or speaks in the first person. A paragraph in the third person after
// "X said:" is as often the outlet's own text, where the page's embedded
// post or quotation was lost, so it ends the passage; so does a paragraph
// without quotation marks after a quoted one, where a columnist answers
// the quotation in the first person ("This last point I agree with").
func (b *blockQuote) holds(doc *nlp.Document, si int, toks []nlp.Token) bool {
	if b == nil {
		return false
	}
	s := doc.Sentences[si]
	switch {
	case s.Paragraph == b.para:
		return si > 0 && doc.Sentences[si-1].Paragraph == s.Paragraph && !introducedIn(doc, si, b)
	case s.Paragraph == b.para+1:
		return (si == 0 || doc.Sentences[si-1].Paragraph != s.Paragraph) && (startsQuote(toks) || !b.quoted && firstPersonParagraph(doc, si))
	}
	return false
}

// firstPersonParagraph reports whether the paragraph that sentence si
// opens speaks in the first person in any of its sentences: "Norvex is
// not asking customers to … . We have no policy against …".
func firstPersonParagraph(doc *nlp.Document, si int) bool {
	for k := si; k < len(doc.Sentences) && doc.Sentences[k].Paragraph == doc.Sentences[si].Paragraph; k++ {
		if firstPerson(doc.SentenceTokens(k)) {
			return true
		}
	}
	return false
}

// introducedIn reports whether b's introduction is in sentence si's
// paragraph: the sentences after "X said:" in its own paragraph are not
// below it.
func introducedIn(doc *nlp.Document, si int, b *blockQuote) bool {
	k := doc.SentenceAt(b.cue.Start)
	return k >= 0 && doc.Sentences[k].Paragraph == doc.Sentences[si].Paragraph
}

// firstPerson reports whether toks speak in the first person.
func firstPerson(toks []nlp.Token) bool {
	for _, t := range toks {
		if t.Text == "I" || firstPersonWords[lower(t)] {
			return true
		}
	}
	return false
}

var firstPersonWords = set(`we us our ours ourselves me my mine myself`)

// releaseHeld emits the held sentences of a quotation with the chain of the
// cue that closed it, or, when none did (chain nil), as the last speaker's
// words or the outlet's own.
func (r *reader) releaseHeld(chain []claimtrail.Source, cue, src claimtrail.Span) {
	held := r.held
	r.held = nil
	for _, si := range held {
		toks := r.doc.SentenceTokens(si)
		q := quoteMask(toks, true)
		switch {
		case chain != nil:
			r.emitQuoted(si, toks, q, chain, cue, src)
		case r.lastChain != nil:
			r.emitQuoted(si, toks, q, r.lastChain, r.lastCue, claimtrail.Span{})
		default:
			r.ownVoice(si, toks, q)
		}
	}
}

// updateQuote carries a quotation that is still open at the end of the
// sentence over to the next one.
func (r *reader) updateQuote(toks []nlp.Token, q []bool, chain []claimtrail.Source, cue, src claimtrail.Span) {
	if len(toks) > 0 && q[len(toks)-1] && !isQuote(toks[len(toks)-1].Text) {
		r.quoteChain, r.quoteCue, r.quoteSrc = chain, cue, src
		return
	}
	r.quoteChain = nil
}

// attribution is one cue found in a sentence, with token ranges.
type attribution struct {
	cue     claimtrail.Span
	srcSpan claimtrail.Span
	chain   []claimtrail.Source // below the article's outlet
	lo, hi  int                 // content tokens
	holeLo  int                 // a parenthetical cue inside the content ("X, they said, Y"): tokens [holeLo, holeHi) are not content
	holeHi  int
	denial  bool
	// next is a second attribution coordinated with this one in the same
	// sentence ("A said X, and B said Y").
	next *attribution
	// coordinated, when positive, is the token of a speech verb that a
	// frame found coordinated with this cue after its content.
	coordinated int
	// block marks a cue with no content that ends its sentence with a
	// colon ("X said in a statement:"): the passage that follows is the
	// content (see blockQuote).
	block bool
	// relayCut, when positive, is the token of a ", citing X" that closes
	// the content but relays the source (chainRules' closesContent): the
	// content ends before it.
	relayCut int
}

// find looks for the first attribution cue among toks[lo:hi] outside
// quotations, and then for a nested one inside its content.
func (r *reader) find(toks []nlp.Token, q []bool, lo, hi int) (attribution, bool) {
	for i := lo; i < hi; i++ {
		if q[i] {
			continue
		}
		a, ok := r.cueAt(toks, q, lo, hi, i)
		if !ok {
			continue
		}
		if a.coordinated > 0 && a.hi <= a.coordinated {
			// "A said X, and B told Y that Z": B's words, read from
			// where the content stops.
			if next, ok := r.find(toks, q, a.hi, hi); ok && next.lo < next.hi && next.lo >= a.hi {
				a.next = &next
			}
		}
		if a.holeHi == 0 && a.next == nil {
			if inner, ok := r.find(toks, q, a.lo, a.hi); ok && inner.lo < inner.hi {
				if n, ok := r.nestInner(toks, lo, a, inner); ok {
					return n, true
				}
			}
			if outer, ok := r.closingRelay(toks, q, lo, hi, a); ok {
				a.chain = joinChains(outer.chain, a.chain)
			}
		}
		return a, true
	}
	return attribution{}, false
}

// nestInner joins inner, an attribution found inside a's content, with a
// (find). The one whose content holds the other's cue is the outer one:
// inner's words passed on by a, unless inner is the reporting clause
// closing the sentence (tailReporter: "A said X, the Post reported"),
// whose content holds a's cue. A denial nests only a closing reporter
// ("The council has denied the report, the Gazette said": the Gazette
// relays the denial, whose content stops before it); inside a denial's
// content, another cue is what is denied ("denied that Y said Z").
func (r *reader) nestInner(toks []nlp.Token, lo int, a, inner attribution) (attribution, bool) {
	if k := coordinatedAt(toks, a.lo, inner); k > 0 && !a.denial {
		// "A said X, and B told the Times Y": two attributions,
		// not B's words passed on by A.
		a.hi = k
		a.lo, a.hi = trim(toks, a.lo, a.hi)
		a.next = &inner
		return a, a.lo < a.hi
	}
	tail := tailReporter(r.sentenceTree(toks), toks, lo, a, inner)
	switch {
	case tail:
		// "A said X, the Post reported": the Post reports
		// what A said; it stands nearer the article. A
		// pronoun after it ("They also said") takes the
		// statement's chain; a later full name of A is
		// A's own, the mentions keep it.
		inner.chain = joinChains(inner.chain, a.chain)
	case a.denial:
		return attribution{}, false
	default:
		inner.chain = joinChains(a.chain, inner.chain)
	}
	inner.cue, inner.srcSpan = a.cue, a.srcSpan
	inner.denial = inner.denial || a.denial
	return inner, true
}

// closingRelay looks, after attribution a's cue and content, for a cue
// whose own content holds a's cue as the clause it states (headsContent):
// the relay that closes the sentence, "“The vote is lost,” the mayor
// conceded, according to the Ostrel Herald". a's content does not reach
// it, so find's search inside the content never sees it.
func (r *reader) closingRelay(toks []nlp.Token, q []bool, lo, hi int, a attribution) (attribution, bool) {
	cl, ch := tokenRange(toks, a.cue)
	if cl < 0 || a.denial {
		return attribution{}, false
	}
	t := r.sentenceTree(toks)
	for i := max(ch, a.hi); i < hi; i++ {
		if q[i] || !relayOpeners[lower(toks[i])] {
			continue
		}
		b, ok := r.cueAt(toks, q, lo, hi, i)
		if !ok || b.denial || b.lo >= b.hi || len(b.chain) == 0 || a.cue.Overlaps(b.cue) {
			continue
		}
		bc := span(toks, b.lo, b.hi)
		if headsContent(t, toks, bc, a.cue) && onlyTop(t, toks, bc, a.cue, span(toks, a.lo, a.hi)) && !sharesSource(a.chain, b.chain) {
			return b, true
		}
	}
	return attribution{}, false
}

// tailReporter reports whether inner, an attribution found inside a's
// content, is a reporting clause that closes the sentence after its own
// content, which starts where a's does: "Union leaders said the strike
// would last a week, the Varrow Post reported". The reporter set off by a
// comma at the end reports the whole sentence, the speaker's saying with
// it, not words the speaker passed on.
func tailReporter(t *nlp.Tree, toks []nlp.Token, lo int, a, inner attribution) bool {
	if !opensSentence(t, toks, lo, a) {
		return false
	}
	if len(a.chain) > 0 && a.chain[len(a.chain)-1].Kind == claimtrail.KindDocument {
		// "Leaked figures show X, according to an official who shared
		// them": the closing source vouches for the document; the
		// chain the document reading gives keeps the one who speaks
		// as the origin.
		return false
	}
	if inner.srcSpan.Empty() || inner.lo != a.lo || a.lo == 0 || toks[a.lo-1].Text == "," {
		// "As first reported by the Ledger, X, people said": a fronted
		// report set off by a comma is the sentence's own aside; the
		// closing clause is the main one, reported by it.
		return false
	}
	sl, sh := tokenRange(toks, inner.srcSpan)
	cl, ch := tokenRange(toks, inner.cue)
	if sl < 0 || cl < 0 || sl < inner.hi || cl < inner.hi || !closesContent(t, toks, max(sh, ch), cl, a.hi) || relayWords[lower(toks[cl])] {
		// ", citing X" names the speaker's own source (chainRules).
		return false
	}
	first := min(sl, cl) // "the Post reported", "according to the Post"
	for first > a.lo && determiners[lower(toks[first-1])] {
		first--
	}
	return first > a.lo && toks[first-1].Text == ","
}

// closesContent reports whether the reporting clause whose last source or
// cue token is last, and whose cue is token cl, runs to the end of a
// content ending before token hi: it ends there, or the cue's subtree
// holds the rest ("…, the Gazette said on Monday").
func closesContent(t *nlp.Tree, toks []nlp.Token, last, cl, hi int) bool {
	if last >= hi-1 {
		return true
	}
	return t != nil && cl < t.Len() && t.Len() == len(toks) && t.SubtreeSpan(cl).End >= toks[hi-1].End
}

// opensSentence reports whether a is the sentence's main report: its
// source opens the words from lo or follows a comma ("On Monday, union
// leaders said"), not a clause inside another ("much like that newspaper
// reported"), its cue is a finite verb or a perfect ("have said"), not
// a participle modifying a noun ("the video posted Tuesday"), and its
// content a clause with a subject.
func opensSentence(t *nlp.Tree, toks []nlp.Token, lo int, a attribution) bool {
	sl, _ := tokenRange(toks, a.srcSpan)
	cl, _ := tokenRange(toks, a.cue)
	if sl < 0 || cl < 0 || sl > cl {
		return false
	}
	for sl > lo && determiners[lower(toks[sl-1])] {
		sl--
	}
	if sl > lo && toks[sl-1].Text != "," {
		return false
	}
	if t != nil && cl < t.Len() && (nlp.RelIs(t.Rel(cl), "acl") || !a.denial && t.Dependent(cl, "obj") >= 0 && t.Dependent(cl, "ccomp") < 0) {
		// A modifier ("the video posted Tuesday"), or a verb whose
		// object is no clause ("accounts posted pictures"): no report
		// of words. A denial's object is what it denies ("has
		// denied the report").
		return false
	}
	switch toks[a.lo].Tag {
	case "VBD", "VBZ", "VBP", "MD":
		// A content with no subject of its own ("the video posted
		// Tuesday was …"): the cue is a misread modifier.
		return false
	}
	if toks[cl].Tag == "VBN" {
		switch lower(toks[cl-1]) {
		case "have", "has", "had", "'ve":
		default:
			return false
		}
	}
	return true
}

// coordinatedAt returns where a coordinating word ("and", "but", "while")
// stands right before the subject of inner, an attribution found inside
// the content starting at lo, or 0: "A said X, and B told Y".
func coordinatedAt(toks []nlp.Token, lo int, inner attribution) int {
	if inner.srcSpan.Empty() || inner.srcSpan.Start > inner.cue.Start {
		return 0
	}
	sl, _ := tokenRange(toks, inner.srcSpan)
	for sl > lo && determiners[lower(toks[sl-1])] {
		sl--
	}
	for _, k := range []int{sl, sl - 1} { // the subject may hold the "and"
		if k > lo && k < len(toks) {
			switch lower(toks[k]) {
			case "and", "but", "while", "whereas":
				return k
			}
		}
	}
	return 0
}

// joinChains puts a nested attribution's chain under its outer one. When
// the outer chain already reaches the inner one's first source ("it", the
// report that cited TVR-News 24, "said sources told TVR-News 24"), the
// inner chain takes over from there.
func joinChains(outer, inner []claimtrail.Source) []claimtrail.Source {
	if len(inner) > 0 {
		first := nlp.SourceKey(inner[0].Name)
		for j, s := range outer {
			if nlp.SourceKey(s.Name) == first {
				return append(append([]claimtrail.Source{}, outer[:j]...), inner...)
			}
		}
	}
	return append(append([]claimtrail.Source{}, outer...), inner...)
}

// cueAt reads an attribution whose cue is token i: through the reporting
// frames on the sentence's tree, and, where no frame settles the word (the
// parser misread the sentence, or the frames leave a quotation split by
// its cue to word order), through the word-order reading of
// wordOrderReadings that fits it.
func (r *reader) cueAt(toks []nlp.Token, q []bool, lo, hi, i int) (attribution, bool) {
	if r.cues != PatternsOnly && frameWord(lower(toks[i])) {
		if t := r.sentenceTree(toks); t != nil {
			a, ok, decided := r.treeAttribution(t, toks, q, lo, hi, i)
			if ok || decided {
				return a, ok
			}
		}
	}
	if r.cues == FramesOnly {
		return attribution{}, false
	}
	for _, rd := range wordOrderReadings {
		if rd.match(toks, lo, hi, i) {
			return rd.read(r, toks, q, lo, hi, i)
		}
	}
	return attribution{}, false
}

// wordOrderReading reads an attribution off the order of a sentence's
// words, for a cue word the frames could not read: the parser's tree of a
// news sentence is often wrong where word order is plain ("Y, the
// campaign group X said on Thursday." parsed with "said" a relative clause
// on an apposition; a quotation split by its cue). The readings exclude
// one another: at most one matches a word.
type wordOrderReading struct {
	name     string
	match    func(toks []nlp.Token, lo, hi, i int) bool
	read     func(r *reader, toks []nlp.Token, q []bool, lo, hi, i int) (attribution, bool)
	examples []frameExample // sentences the reading reads, with what it must find
}

// wordOrderReadings are the word-order readings. "faces calls to resign"
// is a veto of the speech-verb reading (verbVetoes), and phrasal denials
// the parser reads as verbs are a frame row (frames.go).
var wordOrderReadings = []wordOrderReading{
	{
		name: "according to",
		match: func(toks []nlp.Token, _, hi, i int) bool {
			return lower(toks[i]) == "according" && i+1 < hi && lower(toks[i+1]) == "to"
		},
		read: func(r *reader, toks []nlp.Token, q []bool, lo, hi, i int) (attribution, bool) {
			return r.prepositional(toks, q, lo, hi, i, i+2)
		},
		examples: []frameExample{
			{"The tanker was carrying fuel loaded at sea, according to the navy.", "according to", "the navy", "The tanker was carrying fuel loaded at sea"},
		},
	},
	{
		name: "as reported by", match: func(toks []nlp.Token, lo, hi, i int) bool { return reportedByAt(toks, lo, hi, i) > 0 },
		read: func(r *reader, toks []nlp.Token, q []bool, lo, hi, i int) (attribution, bool) {
			return r.prepositional(toks, q, lo, hi, i, i+reportedByAt(toks, lo, hi, i))
		},
		examples: []frameExample{
			{"As first reported by the Harbour Gazette, the ferry had been sold, two officials said.", "As first reported by", "the Harbour Gazette",
				"the ferry had been sold, two officials said"},
		},
	},
	{
		// "per" opening a sentence or after a comma or "that"; inside a
		// sentence it is a name ("Per Solheim"). Read by word order, which
		// takes a source such as "per CNN-News 18 …" whole up to the comma.
		name: "per", match: perCue,
		read: func(r *reader, toks []nlp.Token, q []bool, lo, hi, i int) (attribution, bool) {
			return r.prepositional(toks, q, lo, hi, i, i+1)
		},
		examples: []frameExample{
			{"Per the harbour authority, the ferry will stop running in March.", "Per", "the harbour authority", "the ferry will stop running in March"},
		},
	},
	{
		name: "phrasal denial", match: func(toks []nlp.Token, _, hi, i int) bool { return denialPhraseAt(toks, i, hi) > 0 }, read: (*reader).verb,
		examples: []frameExample{
			{"Councillor Ivo Marsh shot down claims that the pool was closing.", "shot down", "Councillor Ivo Marsh", "claims that the pool was closing"},
		},
	},
	{
		name: "speech verb", match: speechVerbAt, read: (*reader).verb,
		examples: []frameExample{
			{"Water from the well held arsenic at ten times the limit, the campaign group Clearwell said on Monday.",
				"said", "the campaign group Clearwell", "Water from the well held arsenic at ten times the limit"},
			{"“The pumps,” the engineer said, “were never tested.”", "said", "the engineer", "The pumps … were never tested"},
		},
	},
}

// reportedByAt returns the number of words of "as reported by" or "as
// first reported by" at toks[i] (the cue, before its source), or 0.
func reportedByAt(toks []nlp.Token, _, hi, i int) int {
	k := i + 1
	if lower(toks[i]) != "as" || k >= hi {
		return 0
	}
	if firstWords[lower(toks[k])] {
		k++
	}
	if k+1 < hi && lower(toks[k]) == "reported" && lower(toks[k+1]) == "by" {
		return k + 2 - i
	}
	return 0
}

// perCue matches "per" opening a sentence or after a comma or "that".
func perCue(toks []nlp.Token, lo, hi, i int) bool {
	return lower(toks[i]) == "per" && i+1 < hi && (toks[i].Text == "per" || i == lo) && (i == lo || toks[i-1].Text == "," || lower(toks[i-1]) == "that")
}

// firstWords may stand in "as first reported by".
var firstWords = set(`first originally earlier previously initially`)

// speechVerbAt matches a speech verb used as a verb: tagged so, a cue
// that is always one, a perfect ("has denied"), a participle the tagger
// missed, or followed by "that" without a determiner before it ("the
// claims that" is a noun).
func speechVerbAt(toks []nlp.Token, lo, hi, i int) bool {
	w := lower(toks[i])
	return speechVerbs[w] && (isVerb(toks[i]) || plainCues[w] || perfect(toks, lo, i) || mistaggedParticiple(toks, lo, hi, i) ||
		i+1 < hi && lower(toks[i+1]) == "that" && !(i > lo && determiners[lower(toks[i-1])]))
}

// perfect reports whether toks[i] is a participle after a form of "have":
// "reports have described", "the ministry has denied".
func perfect(toks []nlp.Token, lo, i int) bool {
	if i == lo {
		return false
	}
	switch lower(toks[i-1]) {
	case "have", "has", "had", "having":
		return true
	}
	return false
}

// prepositional handles "according to X" by word order: the source runs
// to the next comma; the content is the clause on the other side of it.
func (r *reader) prepositional(toks []nlp.Token, q []bool, lo, hi, cueLo, srcLo int) (attribution, bool) {
	srcHi := srcLo
	for srcHi < hi && !boundary(toks[srcHi]) && !q[srcHi] {
		srcHi++
	}
	if srcHi == srcLo {
		return attribution{}, false
	}
	if srcHi+1 < hi && toks[srcHi].Text == "," && relayCues[lower(toks[srcHi+1])] {
		// "According to X, citing Y, …": the relay belongs to the source.
		for srcHi++; srcHi < hi && !boundary(toks[srcHi]) && !q[srcHi]; srcHi++ {
		}
	}
	var cited []claimtrail.Source
	if srcHi+3 < hi && toks[srcHi].Text == "," && isRelative(toks[srcHi+1]) &&
		(lower(toks[srcHi+2]) == "cited" || lower(toks[srcHi+2]) == "quoted") {
		// "According to X, which cited Y, …"
		end := srcHi + 3
		for end < hi && !boundary(toks[end]) && !q[end] {
			end++
		}
		cited = r.sourceChain(toks, srcHi+3, end, "")
		srcHi = end
	}
	a := attribution{
		cue:     span(toks, cueLo, srcLo),
		srcSpan: span(toks, srcLo, srcHi),
	}
	if cited != nil {
		a.srcSpan = span(toks, srcLo, srcLo+1)
		a.chain = append(r.sourceChain(toks, srcLo, srcLo+indexBefore(toks, srcLo, srcHi), ""), cited...)
	} else {
		a.chain = r.sourceChain(toks, srcLo, srcHi, "")
	}
	if cueLo == lo || toks[cueLo-1].Text == "," && cueLo-1 == lo {
		a.lo, a.hi = srcHi+1, hi
	} else {
		a.lo, a.hi = lo, cueLo
		if srcHi < hi-1 && toks[srcHi].Text == "," {
			// "X, according to them, Y": the content runs on past the cue.
			a.lo, a.hi, a.holeLo, a.holeHi = lo, hi, cueLo, srcHi+1
		}
	}
	a.lo, a.hi = trim(toks, a.lo, a.hi)
	return a, a.lo < a.hi && len(a.chain) > 0
}

// indexBefore is the number of tokens from lo up to the first comma before
// hi (the source's own words in "X, which cited Y").
func indexBefore(toks []nlp.Token, lo, hi int) int {
	for k := lo; k < hi; k++ {
		if toks[k].Text == "," {
			return k - lo
		}
	}
	return hi - lo
}

// verb handles a speech verb: "X said (that) Y", "Y, X said", "“Y,” said X",
// "X told Z that Y", "X denied Y".
func (r *reader) verb(toks []nlp.Token, q []bool, lo, hi, v int) (attribution, bool) {
	subjHi := v
	for subjHi > lo && isAdverbial(toks[subjHi-1]) {
		subjHi--
	}
	if statesNothing(toks, lo, hi, subjHi, v) {
		return attribution{}, false
	}
	relayLo, relayHi := relayAside(toks, q, lo, subjHi)
	if relayLo > 0 {
		subjHi = relayLo - 2 // "The Lantern, citing two officials, reported": the Lantern speaks
	}
	subjLo, subjHi := subject(toks, q, lo, subjHi)
	if subjLo == subjHi && subjHi < v && subjHi > lo {
		return attribution{}, false // a subject that is no source ("in what officials describe as")
	}
	w := lower(toks[v])
	a := attribution{cue: span(toks, v, v+1), denial: denialVerbs[w]}
	after := v + 1
	if n := denialPhraseAt(toks, v, hi); n > 0 {
		a.cue, a.denial, after = span(toks, v, v+n), true, v+n // "shot down", "poured cold water on"
	}
	if subjLo == subjHi {
		return r.inverted(toks, q, lo, hi, v, a)
	}
	a.srcSpan = span(toks, subjLo, subjHi)
	addressee, after := r.addressee(toks, w, after, hi)
	a.chain = append(addressee, r.sourceChain(toks, subjLo, subjHi, w)...)
	if len(a.chain) == 0 {
		return attribution{}, false
	}
	if relayLo > 0 {
		a.chain = append(a.chain, r.sourceChain(toks, relayLo, relayHi, w)...)
	}
	// "Citing X, the Herald said …" and "the Courier reported, citing X,
	// that …": X is the subject's source.
	if lo < subjLo && relayCues[lower(toks[lo])] && toks[subjLo-1].Text == "," {
		a.chain = append(a.chain, r.sourceChain(toks, lo+1, subjLo-1, w)...)
	}
	a.chain, after = r.trailingRelay(toks, q, after, hi, w, a.chain)
	placeContent(toks, q, lo, hi, subjLo, after, &a)
	a.lo, a.hi = trim(toks, a.lo, a.hi)
	if a.lo < a.hi && !a.denial && interrogatives[lower(toks[a.lo])] {
		return attribution{}, false // "has not said when …", "said whether …": nothing stated
	}
	if a.lo >= a.hi && !a.denial && opensBlock(toks, q, after, hi) {
		a.lo, a.hi, a.block = hi, hi, true
		return a, true
	}
	return a, a.lo < a.hi
}

// opensBlock reports whether toks[after:hi], what follows a cue that found
// no content, is only a colon ending the sentence, perhaps after a phrase
// such as "in a statement": the cue introduces the passage set below it.
func opensBlock(toks []nlp.Token, q []bool, after, hi int) bool {
	if hi <= after || toks[hi-1].Text != ":" {
		return false
	}
	return after == hi-1 || adjunctOnly(toks, q, after, hi-1)
}

// verbVeto is a use of the speech verb at toks[v] that makes no statement;
// toks[subjHi:v] are the adverbs between the verb and its subject.
type verbVeto struct {
	example string // a phrase the veto matches
	applies func(toks []nlp.Token, lo, hi, subjHi, v int) bool
}

// verbVetoes are the uses of a speech verb that state nothing: negated,
// refused, hedged, passive, or sharing an earlier verb's subject.
var verbVetoes = []verbVeto{
	{"did not deny", negatedVerb},
	{"declined to say whether", func(toks []nlp.Token, lo, _, _, v int) bool { return refusal(toks, lo, v) }},
	{"was said to have cost", saidTo},
	{"is believed to have resigned", func(toks []nlp.Token, _, _, _, v int) bool { return raisingHedgeAt(toks, v) }},
	{"neither confirmed nor denied", neitherNor},
	{"could be announced", passiveVerb},
	{"X confirmed that Y but said Z", sharedSubject},
	{"ordered to dismiss Ivo Danek for absence", personObject},
	{"faces calls to resign", func(toks []nlp.Token, _, hi, _, v int) bool { return callsFor(toks, v, hi) }},
}

// personObject: a denial verb whose object is a name or a personal
// pronoun, the whole object ("to dismiss Ivo Danek for absence", "rejected
// him"), acts on a person — fires, turns down — and denies nothing. A name
// that goes on into a noun ("rejected Western accusations") or a possessive
// ("dismissed Kesh's claim") opens what is denied.
func personObject(toks []nlp.Token, _, hi, _, v int) bool {
	if !denialVerbs[lower(toks[v])] || v+1 >= hi {
		return false
	}
	if objectPronouns[lower(toks[v+1])] {
		return true
	}
	k := v + 1
	for k < hi && (capitalised(toks[k].Text) || toks[k].Text == "." && k > v+1) {
		k++
	}
	if k == v+1 {
		return false
	}
	return k == hi || nameEnds[lower(toks[k])]
}

// objectPronouns are pronouns that stand for a person as an object.
var objectPronouns = set(`him her them me us`)

// nameEnds may follow a name that is a verb's whole object.
var nameEnds = set(`for from as over after , . ; on at`)

// statesNothing reports whether any of verbVetoes applies to the verb at v.
func statesNothing(toks []nlp.Token, lo, hi, subjHi, v int) bool {
	for _, veto := range verbVetoes {
		if veto.applies(toks, lo, hi, subjHi, v) {
			return true
		}
	}
	return false
}

// negatedVerb: "did not deny", "has never said" state nothing.
func negatedVerb(toks []nlp.Token, _, _, subjHi, v int) bool {
	for k := subjHi; k < v; k++ {
		if w := lower(toks[k]); w == "not" || w == "never" || w == "n't" {
			return true
		}
	}
	return false
}

// saidTo: "was said to have cost", "a plan said to be worth" are a hedge
// with no speaker.
func saidTo(toks []nlp.Token, _, hi, _, v int) bool {
	return v+1 < hi && lower(toks[v+1]) == "to" && (lower(toks[v]) == "said" || lower(toks[v]) == "says")
}

// neitherNor: "neither confirmed nor denied" states nothing.
func neitherNor(toks []nlp.Token, lo, _, _, v int) bool {
	for k := lo; k < v; k++ {
		if w := lower(toks[k]); w == "neither" || w == "nor" {
			return true
		}
	}
	return false
}

// passiveVerb: "could be announced" is a passive, with no speaker here.
func passiveVerb(toks []nlp.Token, lo, _, _, v int) bool {
	if v <= lo {
		return false
	}
	w := lower(toks[v-1])
	return w == "be" || w == "been" || w == "being"
}

// sharedSubject: in "X confirmed that Y but said Z" the verb shares X,
// whose attribution holds it (clauses splits Z off).
func sharedSubject(toks []nlp.Token, lo, _, subjHi, _ int) bool {
	return subjHi > lo && coordinators[lower(toks[subjHi-1])]
}

// addressee reads who a "told" cue addresses, from toks[after:hi], and
// returns the chain it adds above the speaker and where the rest starts.
// An outlet passes the words on ("told the Tribune"); an audience ("told
// reporters", "told parliament") relays nothing.
func (r *reader) addressee(toks []nlp.Token, w string, after, hi int) ([]claimtrail.Source, int) {
	if (w != "told" && w != "tells" && w != "tell") || after >= hi {
		return nil, after
	}
	nameHi, end := addresseeEnd(toks, after, hi)
	if end <= after {
		return nil, after
	}
	var chain []claimtrail.Source
	if !audiences[lower(toks[after])] {
		known := len(r.mentions)
		if c := r.sourceChain(toks, after, nameHi, ""); relays(c) {
			chain = c
		} else {
			r.mentions = r.mentions[:known] // not a source: nothing to refer back to
		}
	}
	return chain, end
}

// trailingRelay reads a relay after the verb, ", citing X," or ", citing
// X." closing the sentence ("Z, Reuters reported, citing two engineers."),
// appends X's chain to chain and returns where the rest starts.
func (r *reader) trailingRelay(toks []nlp.Token, q []bool, after, hi int, w string, chain []claimtrail.Source) ([]claimtrail.Source, int) {
	start := after
	if k := timeAdjunctEnd(toks, after, hi); k > after {
		after = k // "reported on Monday, citing X, that …"
	}
	if after+2 >= hi || toks[after].Text != "," || !relayCues[lower(toks[after+1])] {
		return chain, start
	}
	end := after + 2
	for end < hi && !boundary(toks[end]) && !q[end] {
		end++
	}
	if end < hi && toks[end].Text == "," {
		return append(chain, r.sourceChain(toks, after+2, end, w)...), end + 1
	}
	if end == hi || end == hi-1 && toks[end].Text == "." {
		return append(chain, r.sourceChain(toks, after+2, end, w)...), end
	}
	return chain, start
}

// timeAdjunctEnd returns where a short time phrase right after a cue ends
// ("on Monday", "late on Tuesday", "earlier this week") when a comma
// follows it, or after when there is none.
func timeAdjunctEnd(toks []nlp.Token, after, hi int) int {
	if after >= hi || !adjunctStarts[lower(toks[after])] {
		return after
	}
	for k := after + 1; k < hi && k <= after+4; k++ {
		if toks[k].Text == "," {
			return k
		}
		if boundary(toks[k]) || hasFiniteVerb(toks[k:k+1]) {
			return after
		}
	}
	return after
}

// placeContent sets a's content, given the subject at subjLo and the
// tokens after the cue from after: before the subject ("Y, X said."),
// around a parenthetical cue ("Y, X said, Z"), the object of a denial, or
// what follows the cue.
func placeContent(toks []nlp.Token, q []bool, lo, hi, subjLo, after int, a *attribution) {
	switch {
	case contentBefore(toks, q, lo, hi, subjLo, after):
		a.lo, a.hi = lo, subjLo
	case parentheticalCue(toks, lo, subjLo, after):
		a.lo, a.hi, a.holeLo, a.holeHi = lo, hi, subjLo-1, after+1
		for a.holeLo > lo && (isQuote(toks[a.holeLo-1].Text) || toks[a.holeLo-1].Text == ",") {
			a.holeLo--
		}
	case a.denial:
		a.lo, a.hi = after, hi // "rejected reports that …": the object is what is denied
		if after+2 < hi && lower(toks[after]) == "as" && verdictWords[lower(toks[after+1])] {
			a.lo = after + 2 // "rejected as baseless a report that …"
		}
	default:
		a.lo, a.hi = contentAfter(toks, q, after, hi), hi
	}
}

// contentBefore reports whether the content precedes the subject: nothing
// but the sentence's end after the cue ("Y, X said."), or only a trailing
// phrase after a cue set off from the content ("“Y,” X said in a
// statement.").
func contentBefore(toks []nlp.Token, q []bool, lo, hi, subjLo, after int) bool {
	if after >= hi || toks[after].Text == "." || toks[after].Text == "!" || toks[after].Text == "?" {
		return true
	}
	return subjLo > lo && (toks[subjLo-1].Text == "," || isQuote(toks[subjLo-1].Text)) && adjunctOnly(toks, q, after, hi)
}

// parentheticalCue reports whether the cue sits inside the content, set
// off by commas: "Y, X said, Z" and "“Y,” X said, “Z”".
func parentheticalCue(toks []nlp.Token, lo, subjLo, after int) bool {
	return toks[after].Text == "," && subjLo > lo && (toks[subjLo-1].Text == "," ||
		isQuote(toks[subjLo-1].Text) && subjLo-1 > lo && toks[subjLo-2].Text == ",")
}

// interrogatives open a content that states nothing: "said when the
// bridge will be rebuilt".
var interrogatives = set(`when whether how why if`)

// adjunctOnly reports whether toks[after:hi] is only a trailing phrase with
// no clause of its own: "in a statement.", "on Tuesday."
func adjunctOnly(toks []nlp.Token, q []bool, after, hi int) bool {
	if after >= hi || !adjunctStarts[lower(toks[after])] {
		return false
	}
	for k := after; k < hi; k++ {
		if w := lower(toks[k]); k > after && (w == "which" || w == "whom") && lower(toks[k-1]) != "," {
			// "in a statement in which it published the names": the
			// rest is a relative clause on the adjunct's noun.
			return !q[k]
		}
		if q[k] || lower(toks[k]) == "that" || toks[k].Text == ":" || hasFiniteVerb(toks[k:k+1]) {
			return false
		}
	}
	return true
}

// appositiveName returns the end of a person's name set off by a comma at
// toks[at] and closing the sentence, or at when there is none.
func appositiveName(doc *nlp.Document, toks []nlp.Token, at, hi int) int {
	if at >= hi-1 || toks[at].Text != "," {
		return at
	}
	end := at + 1
	for end < hi && !boundary(toks[end]) {
		end++
	}
	if end < hi && toks[end].Text != "." {
		return at
	}
	for _, e := range doc.EntitiesIn(span(toks, at+1, end)) {
		if e.Label == nlp.Person && e.End == toks[end-1].End {
			return end
		}
	}
	return at
}

// hedgingCues are cues by which a writer keeps the content at a distance.
var hedgingCues = set(`suggest suggests suggested claimed claims claim alleged alleges allege believe believes
believed speculated speculate indicated indicates purported`)

// nounClause are nouns whose "that" clause belongs to them, not to the
// cue: "the claim that …", "reports that …".
var nounClause = set(`report reports claim claims allegation allegations suggestion suggestions story
stories rumour rumours rumor rumors idea notion assertion assertions news`)

// adjunctStarts open a trailing phrase after a cue verb.
var adjunctStarts = set(`in on at during via through before after late earlier last this yesterday today
tomorrow tonight recently later when while as`)

// inverted handles a cue with no subject before it: "“Y,” said another
// official." and "Y, sources said" where the comma hides the subject.
func (r *reader) inverted(toks []nlp.Token, q []bool, lo, hi, v int, a attribution) (attribution, bool) {
	if v == lo || !(toks[v-1].Text == "," || isQuote(toks[v-1].Text)) {
		return attribution{}, false
	}
	srcLo, srcHi := v+1, v+1
	for srcHi < hi && !boundary(toks[srcHi]) && !q[srcHi] {
		srcHi++
	}
	if srcHi == srcLo {
		return attribution{}, false
	}
	if end := appositiveName(r.doc, toks, srcHi, hi); end > srcHi {
		srcLo, srcHi = srcHi+1, end // "said the transport minister, Ilona Varga."
	}
	a.srcSpan = span(toks, srcLo, srcHi)
	a.chain = r.sourceChain(toks, srcLo, srcHi, lower(toks[v]))
	a.lo, a.hi = trim(toks, lo, v)
	if srcHi+1 < hi && toks[srcHi].Text == "," && (q[srcHi+1] || isQuote(toks[srcHi+1].Text)) {
		// "“The bridge,” said Marta Kovac, “was never safe.”": the
		// quotation runs on past the cue.
		a.lo, a.hi, a.holeLo, a.holeHi = lo, hi, v-1, srcHi+1
		for a.holeLo > lo && (isQuote(toks[a.holeLo-1].Text) || toks[a.holeLo-1].Text == ",") {
			a.holeLo--
		}
	}
	return a, len(a.chain) > 0 && a.lo < a.hi
}

// relayAside finds ", citing Y," just before a verb at hi: the tokens of
// Y, or -1, -1.
func relayAside(toks []nlp.Token, q []bool, lo, hi int) (int, int) {
	if hi-1 <= lo || toks[hi-1].Text != "," {
		return -1, -1
	}
	c := hi - 2
	for c > lo && toks[c].Text != "," && !q[c] {
		c--
	}
	if c > lo && toks[c].Text == "," && c+2 < hi-1 && relayCues[lower(toks[c+1])] {
		return c + 2, hi - 1
	}
	return -1, -1
}

// subject returns the noun phrase that ends just before hi: back to a
// comma, colon, quotation mark or "that", skipping a relative clause set off
// by commas ("Officials …, who requested anonymity …, said").
func subject(toks []nlp.Token, q []bool, lo, hi int) (int, int) {
	if hi > lo && toks[hi-1].Text == "," {
		j, end, done := subjectBeforeComma(toks, q, lo, hi)
		if done {
			return j, end
		}
		hi = end
	}
	j := subjectStart(toks, q, lo, hi)
	if noSubject(toks, j, hi) {
		return hi, hi
	}
	// Trailing time expressions are not part of the name: "the ministry on Tuesday".
	for hi-j >= 3 && lower(toks[hi-2]) == "on" {
		hi -= 2
	}
	return j, hi
}

// subjectBeforeComma handles a verb whose subject ends in a comma: the
// comma closes an aside about the subject, and what the aside is decides
// where the subject is. It returns either the subject (done) or, in end,
// where the subject phrase ends once the aside is set apart; (hi, hi,
// true) means there is no subject: the comma closes something else.
func subjectBeforeComma(toks []nlp.Token, q []bool, lo, hi int) (j, end int, done bool) {
	c := hi - 2
	for c >= lo && toks[c].Text != "," && !q[c] && !isQuote(toks[c].Text) {
		c--
	}
	comma := c > lo && toks[c].Text == ","
	switch {
	case c >= lo && toks[c].Text == "," && c+1 < hi && isRelative(toks[c+1]):
		return 0, c, false // "Officials …, who asked not to be named, said"
	case comma && c+1 < hi-1 && determiners[lower(toks[c+1])] && nameBefore(toks, lo, c):
		// "Marta Kovac, a structural engineer, said": the name is the
		// subject, the description only describes her.
		j, end := nameBeforeAside(toks, q, lo, hi, c, c)
		return j, end, true
	case comma && c+2 < hi && leadership[lower(toks[c+1])] && lower(toks[c+2]) == "by":
		// "Environmental groups, led by Green Harbour, alleged": the
		// phrase belongs to the name.
		j, end := nameBeforeAside(toks, q, lo, hi, c, hi-1)
		return j, end, true
	case comma && properRun(toks[c+1:hi-1]):
		return 0, hi - 1, false // "The transport director, Ilse Marrow, said": the name is the subject's
	}
	return hi, hi, true
}

// nameBeforeAside returns the subject that ends at the comma c, extended to
// end, or (hi, hi) when there is none before the comma.
func nameBeforeAside(toks []nlp.Token, q []bool, lo, hi, c, end int) (int, int) {
	j, _ := subject(toks, q, lo, c)
	if j == c {
		return hi, hi
	}
	return j, end
}

// subjectStart walks back from hi to where the subject phrase starts: a
// boundary, a quotation, "that", or a subordinator other than "as" (which
// may open the phrase: "as the ministry said").
func subjectStart(toks []nlp.Token, q []bool, lo, hi int) int {
	j := hi
	for j > lo && !boundary(toks[j-1]) && !q[j-1] && lower(toks[j-1]) != "that" && !(j-1 > lo && subordinators[lower(toks[j-1])] && lower(toks[j-1]) != "as") {
		j--
	}
	return j
}

// noSubject reports whether toks[j:hi] is no speaker: a phrase with a
// relative or interrogative word ("in what officials describe as …",
// "where doctors told her"), or a lone subordinator ("If confirmed, …").
func noSubject(toks []nlp.Token, j, hi int) bool {
	for k := j; k < hi; k++ {
		switch lower(toks[k]) {
		case "what", "which", "who", "whom", "where":
			return true
		}
	}
	if hi-j == 1 {
		switch lower(toks[j]) {
		case "if", "when", "unless", "once", "until", "as", "though", "although":
			return true
		}
	}
	return false
}

// properRun reports whether toks is a short run of capitalised words: a
// name in apposition.
func properRun(toks []nlp.Token) bool {
	if len(toks) == 0 || len(toks) > 4 {
		return false
	}
	for _, t := range toks {
		if r := t.Text[0]; r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}

// contentAfter finds where the content starts after a cue verb: after
// "that", a colon or an opening quotation mark when one comes soon, else
// straight after the verb.
func contentAfter(toks []nlp.Token, q []bool, after, hi int) int {
	for k := after; k < hi && k-after < 16; k++ {
		w := lower(toks[k])
		if w == "that" && k > after && nounClause[lower(toks[k-1])] {
			return after // "said the report that X was false": the report is the object
		}
		if w == "that" || toks[k].Text == ":" {
			return k + 1
		}
		if k > after && finiteHere(toks[k]) {
			break // "said there was no evidence that …": that "that" is the evidence's
		}
		if speechVerbs[w] && k > after && (plainCues[w] || toks[k].Tag != "" && isVerb(toks[k])) {
			break // "said sources told X that …": the content holds another cue
		}
		if k == after && (q[k] || isQuote(toks[k].Text)) {
			return k
		}
		if boundary(toks[k]) && !isQuote(toks[k].Text) && toks[k].Text != "," {
			break
		}
	}
	return after
}

// emit turns an attribution into statements, one per clause of its content.
func (r *reader) emit(si int, toks []nlp.Token, q []bool, a attribution) {
	a.chain = r.ownedAnonymous(si, a.chain)
	chain := r.fullChain(a.chain)
	for _, c := range clauses(toks, a.lo, a.hi, a.holeLo, a.holeHi) {
		st := r.statement(si, toks, q, c, chain)
		st.Cue, st.Source = a.cue, a.srcSpan
		denial := a.denial
		if !c.cue.Empty() { // "… but said Z": Z under its own verb
			st.Cue, denial = c.cue, denialVerbs[strings.ToLower(c.cue.In(r.text()))]
		}
		if w := strings.ToLower(st.Cue.In(r.text())); hedgingCues[w] {
			st.Hedges = append(st.Hedges, w) // "inputs suggest that …", "X claimed that …"
		}
		if denial {
			st.Polarity = claimtrail.Denies
			st.Negates = st.Content.In(r.text())
		}
		r.out = append(r.out, st)
	}
	r.lastChain, r.lastCue, r.lastPara = a.chain, a.cue, r.doc.Sentences[si].Paragraph
}

// relativeContent reports whether a content starting at token lo is a
// relative clause ("the port's fees, which the regulator says are the
// highest anywhere, …"): it describes a noun outside it, its subject, so as
// a claim it would read "Which the regulator says are …". A capital
// "Which" opens a question.
func relativeContent(toks []nlp.Token, lo int) bool {
	return lo < len(toks) && isRelative(toks[lo]) && toks[lo].Text == strings.ToLower(toks[lo].Text)
}

// ownedAnonymous gives unnamed sources with no owner the outlet cited just
// before in the same paragraph: in "As reported by X, … However, intelligence
// sources said …" the sources are X's.
func (r *reader) ownedAnonymous(si int, chain []claimtrail.Source) []claimtrail.Source {
	if len(chain) != 1 || chain[0].Kind != claimtrail.KindAnonymous || len(r.out) == 0 {
		return chain
	}
	prev := r.out[len(r.out)-1]
	para := r.doc.Sentences[si].Paragraph
	if r.doc.SentenceAt(prev.Sentence.Start) < 0 || r.doc.Sentences[r.doc.SentenceAt(prev.Sentence.Start)].Paragraph != para {
		return chain
	}
	if len(prev.Chain) > 1 && prev.Chain[1].Kind == claimtrail.KindOutlet {
		return []claimtrail.Source{prev.Chain[1], chain[0]}
	}
	return chain
}

// emitQuoted records a sentence inside a quotation as the quoted speaker's.
func (r *reader) emitQuoted(si int, toks []nlp.Token, q []bool, chain []claimtrail.Source, cue, src claimtrail.Span) {
	lo, hi := trim(toks, 0, len(toks))
	if lo >= hi {
		return
	}
	full := r.fullChain(chain)
	for _, c := range clauses(toks, lo, hi, 0, 0) {
		st := r.statement(si, toks, q, c, full)
		st.Cue, st.Source = cue, src
		r.out = append(r.out, st)
	}
	r.lastPara = r.doc.Sentences[si].Paragraph
}

// ownVoice records an unattributed sentence that states a fact as the
// outlet's own statement. Headings and sentences naming nothing are skipped.
func (r *reader) ownVoice(si int, toks []nlp.Token, q []bool) {
	s := r.doc.Sentences[si]
	if len(toks) < 5 || !endsSentence(toks) || s.Tagged && !hasVerb(toks) {
		return
	}
	if len(r.doc.EntitiesIn(s.Span)) == 0 && len(r.doc.QuantitiesIn(s.Span)) == 0 && !verdictOnReportNamed(toks) && !raisingHedged(toks) {
		return
	}
	lo, hi := trim(toks, 0, len(toks))
	for _, c := range clauses(toks, lo, hi, 0, 0) {
		st := r.statement(si, toks, q, c, []claimtrail.Source{r.outlet})
		if reportNounThat(toks, c.lo, c.hi) {
			// "Osterby did not address reports that the crew …", "The claim
			// that 40 children … has been shared": the outlet names a
			// report, it does not make the claim its own.
			st.Hedges = append(st.Hedges, "reports that")
		}
		if hasWord(toks, "reportedly") || hasWord(toks, "allegedly") {
			r.pending = append(r.pending, len(r.out))
		}
		r.out = append(r.out, st)
	}
}

// raisingHedged reports whether a sentence hedges its proposition with a
// raising verb ("the skipper is believed to have radioed twice"): the
// writer marks it as something reported, a claim to check even when it
// names nothing, unlike the colour such sentences are kept from.
func raisingHedged(toks []nlp.Token) bool {
	for v := range toks {
		if raisingHedgeAt(toks, v) {
			return true
		}
	}
	return false
}

// resolvePending gives statements hedged with "reportedly" the chain of the
// article's main cited report: the first chain naming another outlet.
func (r *reader) resolvePending() {
	var primary []claimtrail.Source
	for _, st := range r.out {
		if len(st.Chain) > 2 && st.Chain[1].Kind == claimtrail.KindOutlet {
			primary = st.Chain
			break
		}
	}
	for _, st := range r.out {
		if primary == nil && len(st.Chain) == 2 && st.Chain[1].Kind == claimtrail.KindAnonymous {
			primary = st.Chain // the outlet's own unnamed sources
		}
	}
	if primary == nil {
		return
	}
	for _, i := range r.pending {
		st := &r.out[i]
		st.Chain = primary
		sent := st.Sentence.In(r.text())
		for _, h := range []string{"reportedly", "allegedly"} {
			if k := strings.Index(sent, h); k >= 0 {
				st.Cue = claimtrail.Span{Start: st.Sentence.Start + k, End: st.Sentence.Start + k + len(h)}
				break
			}
		}
		st.Hedges = addHedge(st.Hedges, "anonymous sourcing", primary)
	}
}

// statement builds a statement over the content clause c.
func (r *reader) statement(si int, toks []nlp.Token, q []bool, c clause, chain []claimtrail.Source) claimtrail.Statement {
	sent := r.doc.Sentences[si]
	st := claimtrail.Statement{
		Article:  r.doc.Article.ID,
		Content:  span(toks, c.lo, c.hi),
		Sentence: sent.Span,
		Chain:    chain,
		Polarity: claimtrail.Asserts,
		Hedges:   hedges(toks, r.text(), sent.Span),
	}
	st.Hedges = addHedge(st.Hedges, "anonymous sourcing", chain)
	if last := toks[c.hi-1].Text; len(last) > 1 && strings.HasSuffix(last, ".") && !strings.Contains(last[:len(last)-1], ".") {
		st.Content.End-- // the tokenizer keeps "May." whole at a sentence's end
	}
	content := st.Content.In(r.text())
	switch {
	case verdict(toks, c.lo, c.hi, r.verdictTree(si, toks, c)):
		st.Polarity = claimtrail.Denies
		st.Negates = verdictTarget(content)
	case negated(toks, q, c.lo, c.hi):
		st.Polarity = claimtrail.Denies
		st.Negated = true
		st.Negates = content
	}
	return st
}

// verdictTree is the tree of sentence si when the content c holds a
// verdict word, or nil: only then is the sentence worth parsing.
func (r *reader) verdictTree(si int, toks []nlp.Token, c clause) *nlp.Tree {
	for k := c.lo; k < c.hi; k++ {
		if verdictWords[lower(toks[k])] {
			return r.doc.Tree(si)
		}
	}
	return nil
}

// fullChain prefixes a chain with the article's outlet, dropping the outlet
// when the chain already starts with it ("Marketdesk reported").
func (r *reader) fullChain(chain []claimtrail.Source) []claimtrail.Source {
	full := []claimtrail.Source{r.outlet}
	for _, s := range chain {
		if nlp.SourceKey(s.Name) != nlp.SourceKey(full[len(full)-1].Name) {
			full = append(full, s) // "Marketdesk reported" adds no link
		}
	}
	return full
}

func addHedge(hs []string, h string, chain []claimtrail.Source) []string {
	if len(chain) == 0 || chain[len(chain)-1].Kind != claimtrail.KindAnonymous {
		return hs
	}
	for _, x := range hs {
		if x == h {
			return hs
		}
	}
	return append(hs, h)
}

func span(toks []nlp.Token, lo, hi int) claimtrail.Span {
	if lo >= hi {
		return claimtrail.Span{}
	}
	return claimtrail.Span{Start: toks[lo].Start, End: toks[hi-1].End}
}
