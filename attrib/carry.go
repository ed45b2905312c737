package attrib

import (
	"slices"
	"strings"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/nlp"
)

// Carried attribution: a report's scope over the sentences after it.
//
// An article that credits another outlet's or a document's report often
// names it once and goes on retelling it: "As first reported by the Orvel
// Lantern, the ferry left port without an inspection. The operator had
// skipped two checks in May." The second sentence has no cue, yet it is
// the Lantern's reporting, not the article's own. carryRules says which
// attributions open such a scope; the scope is bounded: it covers the
// sentences after the opener in its own paragraph (or, for an opener that
// ends its paragraph pointing forward, the next paragraph), at most
// maxCarried of them, and ends at the first sentence that attributes
// anything itself (a cue, a quotation) or that marks the outlet's own
// voice (ownVoiceMarks). Only the outlet's own statements inside the
// scope take the opener's chain; attributed statements keep theirs.
//
// A speaker's "said" opens no scope: the sentence after "X said Y" is as
// often the outlet's own background as X's. A report is retold at length,
// so only openers whose chain ends at an outlet or a document do, besides
// openers that point forward ("gave the following details").
// TestCarryRules runs each row's examples through the whole extractor.

// carryScope says how far an opener's scope reaches.
type carryScope int

const (
	_ carryScope = iota
	// restOfParagraph: the sentences after the opener in its paragraph.
	restOfParagraph
	// forward: the rest of the paragraph, or the next paragraph when the
	// opener ends its own.
	forward
)

// carryRule is one row of carryRules.
type carryRule struct {
	name  string
	scope carryScope
	// opens reports whether statement st, read in sentence toks, opens a
	// scope under this rule.
	opens func(r *reader, st *claimtrail.Statement, toks []nlp.Token) bool
	// dropOpener: the opener's content only points at what follows ("the
	// following details") and states nothing itself.
	dropOpener bool
	examples   []carryExample
}

// carryExample is a passage and the chain (after the article's outlet) of
// each of its statements, in text order.
type carryExample struct {
	text   string
	chains [][]string
}

// maxCarried is the most sentences one opener's scope covers: a report is
// retold over a few sentences, and a longer run without attribution is the
// outlet's own writing more often than not.
const maxCarried = 4

// carryRules is the table of attributions that open a scope.
var carryRules = []carryRule{
	{
		name: "as reported by, opening the sentence", scope: restOfParagraph, opens: reportOpener("as", false),
		examples: []carryExample{
			{"As first reported by the Orvel Lantern, the ferry left Tesk without an inspection on 3 May. The operator had skipped two safety checks in April.",
				[][]string{{"Orvel Lantern"}, {"Orvel Lantern"}}},
			{"As first reported by the Orvel Lantern, the ferry left Tesk without an inspection on 3 May.\n\nThe operator had skipped two safety checks in April.",
				[][]string{{"Orvel Lantern"}, nil}},
		},
	},
	{
		name: "according to a report, opening the sentence", scope: restOfParagraph, opens: reportOpener("according", true),
		examples: []carryExample{
			{"According to the Orvel Lantern's report, the ferry left Tesk without an inspection on 3 May. The operator had skipped two safety checks in April.",
				[][]string{{"Orvel Lantern", "report"}, {"Orvel Lantern", "report"}}},
			{"According to the Orvel Lantern, the ferry left Tesk without an inspection on 3 May. The Varrow Post could not verify the account. The operator had skipped two safety checks in April.",
				[][]string{{"Orvel Lantern"}, nil, nil}},
			{"According to harbour officials, the ferry left Tesk without an inspection on 3 May. The operator had skipped two safety checks in April.",
				[][]string{{"harbour officials"}, nil}},
		},
	},
	{
		name: "a report's colon, content after it", scope: restOfParagraph, opens: colonOpener,
		examples: []carryExample{
			{"The Orvel Lantern reported: the captain of the Tesk ferry had been warned twice in March. The crew had complained about the pumps to Harbour Control.",
				[][]string{{"Orvel Lantern"}, {"Orvel Lantern"}}},
		},
	},
	{
		name: "pointing forward", scope: forward, opens: forwardOpener, dropOpener: true,
		examples: []carryExample{
			{"The Orvel Lantern reported the following details. The Tesk ferry carried 300 passengers. Its radio had failed an hour out of Tesk.",
				[][]string{{"Orvel Lantern"}, {"Orvel Lantern"}}},
		},
	},
}

// reportOpener: a statement whose cue opens its sentence with the given
// word ("As first reported by X, …", "According to X, …"), and, when
// report is set, whose chain ends at an outlet or a document, a report
// the article retells ("as reported by" says so itself, whoever X is).
func reportOpener(first string, report bool) func(*reader, *claimtrail.Statement, []nlp.Token) bool {
	return func(_ *reader, st *claimtrail.Statement, toks []nlp.Token) bool {
		return len(toks) > 0 && toks[0].Start == st.Cue.Start && lower(toks[0]) == first && (!report || reportChain(st.Chain))
	}
}

// reportChain reports whether a chain ends at a report: an outlet or a
// document, not a speaker.
func reportChain(chain []claimtrail.Source) bool {
	if len(chain) < 2 {
		return false
	}
	k := chain[len(chain)-1].Kind
	return k == claimtrail.KindOutlet || k == claimtrail.KindDocument
}

// colonOpener: a report's cue followed by a colon, the content after it
// in the same sentence ("The Lantern reported: the captain …").
func colonOpener(r *reader, st *claimtrail.Statement, toks []nlp.Token) bool {
	if !reportChain(st.Chain) || st.Cue.End <= st.Cue.Start || st.Content.Start <= st.Cue.End {
		return false
	}
	between := r.text()[st.Cue.End:st.Content.Start]
	return strings.Contains(between, ":")
}

// forwardOpener: a statement whose whole content is a noun phrase that
// points at what follows ("the following details", "these points", "as
// follows").
func forwardOpener(r *reader, st *claimtrail.Statement, _ []nlp.Token) bool {
	words := strings.Fields(strings.ToLower(strings.Trim(st.Content.In(r.text()), " .:")))
	if len(st.Chain) < 2 || len(words) == 0 || len(words) > 4 {
		return false
	}
	return slices.ContainsFunc(words, func(w string) bool { return forwardWords[w] })
}

// forwardWords point a noun phrase at the text after it.
var forwardWords = set(`following follows`)

// ownVoiceMarks are words by which a sentence speaks in the outlet's own
// voice, ending a carried scope: "The Varrow Post could not verify the
// account", "We have asked the operator for comment", "independently".
var ownVoiceMarks = set(`we our us independently verify verified confirm confirmed comment`)

// carry applies carryRules after the whole article has been read: the
// outlet's own statements in each opener's scope take the opener's chain,
// cue and source; openers that only point forward are dropped.
func (r *reader) carry() {
	drop := map[int]bool{}
	for i := 0; i < len(r.out); i++ {
		st := r.out[i]
		if len(st.Chain) < 2 || st.Polarity != claimtrail.Asserts || st.Cue.End <= st.Cue.Start {
			continue
		}
		si := r.doc.SentenceAt(st.Sentence.Start)
		if si < 0 || r.doc.SentenceAt(st.Cue.Start) != si {
			continue // carried itself: its cue is its opener's
		}
		toks := r.doc.SentenceTokens(si)
		for _, rule := range carryRules {
			if !rule.opens(r, &st, toks) {
				continue
			}
			if rule.dropOpener {
				drop[i] = true
			}
			r.carryFrom(si, st, rule.scope)
			break
		}
	}
	if len(drop) == 0 {
		return
	}
	out := r.out[:0:0]
	for i, st := range r.out {
		if !drop[i] {
			out = append(out, st)
		}
	}
	r.out = out
}

// carryFrom hands the outlet's own statements of the sentences after si,
// within scope, to opener's chain.
func (r *reader) carryFrom(si int, opener claimtrail.Statement, scope carryScope) {
	para := r.doc.Sentences[si].Paragraph
	endsPara := si+1 >= len(r.doc.Sentences) || r.doc.Sentences[si+1].Paragraph != para
	if scope == forward && endsPara {
		para++
	}
	for k := si + 1; k < len(r.doc.Sentences) && k <= si+maxCarried; k++ {
		if r.doc.Sentences[k].Paragraph != para || !r.carries(k) {
			return
		}
		for j := range r.out {
			st := &r.out[j]
			if len(st.Chain) == 1 && r.doc.SentenceAt(st.Sentence.Start) == k {
				st.Chain, st.Cue, st.Source = opener.Chain, opener.Cue, opener.Source
				st.Hedges = addHedge(st.Hedges, "anonymous sourcing", st.Chain)
			}
		}
	}
}

// carries reports whether sentence k goes on with a carried scope: it
// attributes nothing itself (no statement of another's, no attribution
// the reader refused or declined, no quotation) and does not mark the
// outlet's own voice.
func (r *reader) carries(k int) bool {
	s := r.doc.Sentences[k]
	toks := r.doc.SentenceTokens(k)
	if slices.ContainsFunc(toks, func(t nlp.Token) bool { return isQuote(t.Text) || ownVoiceMarks[lower(t)] }) {
		return false
	}
	if own := strings.ToLower(strings.TrimPrefix(r.outlet.Name, "The ")); own != "" && strings.Contains(strings.ToLower(s.Span.In(r.text())), own) {
		return false
	}
	for _, st := range r.out {
		if st.Sentence.Start >= s.Start && st.Sentence.Start < s.End && (len(st.Chain) > 1 || st.Polarity != claimtrail.Asserts) {
			return false
		}
	}
	for _, a := range r.refused {
		if a.Cue.Start >= s.Start && a.Cue.Start < s.End {
			return false
		}
	}
	return true
}
