package seq

import "github.com/claimtrail/claimtrail"

// Combine merges the model's attributions with statements from the
// rule-based extractor (package attrib): every model attribution is kept,
// and a rule statement with a cue is added when it overlaps no model
// attribution. The rules see constructions the corpus rarely shows the
// model; the model sees the long tail of cues the rules lack. It is what
// `claimtrail eval attribution --extractor combined` scores.
func Combine(model []Attribution, rules []claimtrail.Statement) []Attribution {
	out := append([]Attribution(nil), model...)
	for _, st := range rules {
		if st.Cue.Empty() || st.Content.Empty() {
			continue
		}
		if !covered(model, st.Cue, st.Content) {
			out = append(out, Attribution{Source: st.Source, Cue: st.Cue, Content: st.Content, ContentParts: []claimtrail.Span{st.Content}})
		}
	}
	return out
}

// Uncovered returns the model attributions with a cue that overlap no
// attributed rule statement: what the model adds to the rules when the
// rules' statements (with their chains, polarity and hedges) come first.
func Uncovered(model []Attribution, rules []claimtrail.Statement) []Attribution {
	var spans []claimtrail.Span
	for _, st := range rules {
		if !st.Cue.Empty() {
			spans = append(spans, st.Cue, st.Content)
		}
	}
	// An index of the rules' spans keeps this linear in the document: a
	// long article has many attributions and many statements.
	rule := claimtrail.NewSpanIndex(spans)
	var out []Attribution
	for _, a := range model {
		if !a.Cue.Empty() && !rule.Overlaps(a.Cue) && !rule.Overlaps(a.Content) {
			out = append(out, a)
		}
	}
	return out
}

// covered reports whether a cue or content span overlaps any attribution.
func covered(atts []Attribution, cue, content claimtrail.Span) bool {
	for _, a := range atts {
		if overlapsAny(a, cue, content) {
			return true
		}
	}
	return false
}

func overlapsAny(a Attribution, cue, content claimtrail.Span) bool {
	return a.Cue.Overlaps(cue) || a.Content.Overlaps(content) || a.Content.Overlaps(cue) || a.Cue.Overlaps(content)
}
