package attrib

import (
	"sort"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/attrib/seq"
	"github.com/claimtrail/claimtrail/nlp"
)

// WithModel returns an extractor that adds, to the rules' statements, the
// attributions of the trained labeller m that the rules missed. Only those
// with a named source and a reporting cue are kept: the model finds the
// long tail of cues ("aid groups say", "opponents argued"), while its other
// attributions (beliefs, intentions) are not statements of fact. The model
// reads part-of-speech tags, so documents must be tagged in full.
func (x *Extractor) WithModel(m *seq.Model) *Extractor { return &Extractor{model: m} }

// learned turns the model's attributions that no rule statement covers into
// statements, resolving their sources as the rules do.
func (r *reader) learned(m *seq.Model) {
	added := false
	for _, a := range seq.Uncovered(m.Label(r.doc), r.out) {
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
	cueLo, cueHi := tokenRange(toks, a.Cue)
	srcLo, srcHi := tokenRange(toks, a.Source)
	conLo, conHi := tokenRange(toks, a.Content)
	if cueLo < 0 || srcLo < 0 || conLo < 0 || !reportingCue(toks[cueLo:cueHi]) || isRelative(toks[srcLo]) {
		return claimtrail.Statement{}, false
	}
	chain := r.sourceChain(toks, srcLo, srcHi, lower(toks[cueLo]))
	if len(chain) == 0 {
		return claimtrail.Statement{}, false
	}
	q := quoteMask(toks, false)
	st := r.statement(si, toks, q, clause{conLo, conHi}, r.fullChain(chain))
	st.Cue, st.Source = a.Cue, a.Source
	if denialVerbs[lower(toks[cueLo])] {
		st.Polarity, st.Negates = claimtrail.Denies, st.Content.In(r.text())
	}
	return st, true
}

// reportingCue reports whether a model cue holds a reporting word.
func reportingCue(toks []nlp.Token) bool {
	for _, t := range toks {
		if w := lower(t); speechVerbs[w] || w == "according" {
			return true
		}
	}
	return false
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
