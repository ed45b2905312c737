package attrib

import (
	"context"
	"slices"
	"sort"
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

// WithModel returns an extractor that adds, to the rules' statements, the
// attributions of the trained labeller m that the rules missed. Only those
// with a named source and a reporting cue are kept: the model finds the
// long tail of cues ("aid groups say", "opponents argued"), while its other
// attributions (beliefs, intentions) are not statements of fact.
//
// So the model runs only on paragraphs holding a reporting word that no
// rule statement covers. It reads the part-of-speech tags of the whole
// paragraph: t tags those of its sentences that analysis left untagged
// (nlp.TagOnly); with t nil, such paragraphs are skipped.
func (x *Extractor) WithModel(m *seq.Model, t Tagger) *Extractor {
	return &Extractor{model: m, tagger: t}
}

// learned turns the model's attributions that no rule statement covers into
// statements, resolving their sources as the rules do.
// It gives up early, leaving the caller to see that ctx is done, when ctx
// is done.
func (r *reader) learned(ctx context.Context, m *seq.Model, t Tagger) {
	paras := r.unexplained()
	if len(paras) == 0 {
		return
	}
	if t != nil {
		for _, s := range sentenceRanges(r.doc, paras) {
			if ctx.Err() != nil {
				return
			}
			t.TagSentences(r.doc, s[0], s[1])
		}
	}
	added := false
	// The labeller asks whether it wants each paragraph: once ctx is done,
	// it wants none.
	want := func(p int) bool { return paras[p] && ctx.Err() == nil }
	for _, a := range seq.Uncovered(m.LabelParagraphs(r.doc, want), r.out) {
		if ctx.Err() != nil {
			return
		}
		if st, ok := r.fromModel(a); ok {
			r.dropOwnVoice(st.Sentence)
			r.out = append(r.out, st)
			added = true
		}
	}
	if added {
		sort.SliceStable(r.out, func(i, j int) bool { return r.out[i].Content.Start < r.out[j].Content.Start })
	}
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

// sentenceRanges returns, for each wanted paragraph, its sentences as
// half-open index ranges of at most 64 sentences (tagging one range is
// where a cancelled extraction may wait).
func sentenceRanges(doc *nlp.Document, paras map[int]bool) [][2]int {
	var out [][2]int
	for si, s := range doc.Sentences {
		if !paras[s.Paragraph] {
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

// dropOwnVoice removes the outlet's own statements of a sentence that the
// model attributes to a source.
func (r *reader) dropOwnVoice(sent claimtrail.Span) {
	kept := r.out[:0]
	for _, st := range r.out {
		if !(st.Cue.Empty() && st.Sentence == sent) {
			kept = append(kept, st)
		}
	}
	r.out = kept
}

// fromModel converts one model attribution into a statement.
func (r *reader) fromModel(a seq.Attribution) (claimtrail.Statement, bool) {
	si := r.doc.SentenceAt(a.Cue.Start)
	if si < 0 || a.Source.Empty() || a.Content.Len() < 8 {
		return claimtrail.Statement{}, false
	}
	toks := r.doc.SentenceTokens(si)
	start := r.doc.Sentences[si].Start
	r.at, r.before = start, max(start, 1)
	defer func() { r.before = 0 }()
	cueLo, cueHi := tokenRange(toks, a.Cue)
	srcLo, srcHi := tokenRange(toks, a.Source)
	conLo, conHi := tokenRange(toks, a.Content)
	if cueLo < 0 || srcLo < 0 || conLo < 0 || withholds(toks) || !reportingCue(toks[cueLo:cueHi]) || !sourceLike(toks[srcLo:srcHi]) ||
		negatedCue(toks, min(srcHi, cueLo), cueHi) {
		return claimtrail.Statement{}, false
	}
	chain := r.sourceChain(toks, srcLo, srcHi, lower(toks[cueLo]))
	if len(chain) == 0 {
		return claimtrail.Statement{}, false
	}
	if !statingCue(toks, cueLo, cueHi) || !isQuote(toks[conLo].Text) && !hasVerb(toks[conLo:conHi]) ||
		interrogatives[lower(toks[conLo])] {
		return claimtrail.Statement{}, false // "issued a report on Monday", "has said when …"
	}
	if srcLo > 0 && lower(toks[srcLo-1]) == "what" {
		// "X would join Y in what diplomats describe as a pact": the
		// source vouches for the whole sentence, not for "as a pact".
		conLo, conHi = trim(toks, 0, len(toks))
	}
	q := quoteMask(toks, false)
	st := r.statement(si, toks, q, clause{lo: conLo, hi: conHi}, r.fullChain(chain))
	st.Cue, st.Source, st.Labelled = a.Cue, a.Source, true
	if slices.ContainsFunc(toks[cueLo:cueHi], func(t nlp.Token) bool { return denialVerbs[lower(t)] }) {
		st.Polarity, st.Negates = claimtrail.Denies, st.Content.In(r.text()) // "flatly denied"
	}
	return st, true
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

// reportingCue reports whether a model cue is led by a reporting word used
// actively: "said", "has warned", "also told", "according to". A cue led by
// another word ("shot down claims", "issued a report", "the first report")
// says nothing of the speaker's stance through its reporting noun, and a
// passive ("was reported by") puts the speaker elsewhere. Tags are not
// trusted here: the tagger reads "diplomats describe" as a verb and a noun.
func reportingCue(toks []nlp.Token) bool {
	for k, t := range toks {
		w := lower(t)
		if reportingWord(t) {
			passive := k > 0 && beForms[lower(toks[k-1])] && !strings.HasSuffix(w, "ing")
			return !passive
		}
		if !isAdverbial(t) {
			return false
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
