package seq

import "github.com/claimtrail/claimtrail"

// Combine merges the model's attributions with statements from the
// rule-based extractor (package attrib): every model attribution is kept,
// and a rule statement with a cue is added when neither its cue nor its
// content overlaps a model attribution. The rules see constructions the
// corpus rarely shows the model (nested chains, "according to" after the
// content); the model sees the long tail of cues the rules lack.
func Combine(model []Attribution, rules []claimtrail.Statement) []Attribution {
	out := append([]Attribution(nil), model...)
	for _, st := range rules {
		if st.Cue.Empty() || st.Content.Empty() {
			continue
		}
		clash := false
		for _, a := range model {
			if a.Cue.Overlaps(st.Cue) || a.Content.Overlaps(st.Content) || a.Content.Overlaps(st.Cue) || a.Cue.Overlaps(st.Content) {
				clash = true
				break
			}
		}
		if !clash {
			out = append(out, Attribution{Source: st.Source, Cue: st.Cue, Content: st.Content, ContentParts: []claimtrail.Span{st.Content}})
		}
	}
	return out
}
