// Package stance judges the stance of an article body toward a claim, the
// Fake News Challenge (FNC-1) task: the body agrees with the claim,
// disagrees with it, discusses it without taking a side, or is unrelated.
//
// The model is a gradient-boosted forest over features that carry meaning
// for stance: TF-IDF cosine and term overlap between claim and body, how
// well the best-matching body sentences cover the claim, agreement of
// numbers and negation, and counts of refutation, denial, hedging,
// attribution, confirmation and doubt cues in the claim, in the body, in
// its lead and in the sentences that match the claim. It is pure Go, trained
// by Train, stored in a small versioned file, and a model trained on FNC-1 is
// embedded in the package (Default).
package stance

import (
	"fmt"

	"github.com/claimtrail/claimtrail"
)

// Label is an FNC-1 stance label.
type Label uint8

// The four FNC-1 labels, in the challenge's order.
const (
	Agree Label = iota
	Disagree
	Discuss
	Unrelated
)

// Labels lists every label in order.
var Labels = [4]Label{Agree, Disagree, Discuss, Unrelated}

var labelNames = [4]string{"agree", "disagree", "discuss", "unrelated"}

// String returns the FNC-1 name of the label ("agree").
func (l Label) String() string {
	if int(l) < len(labelNames) {
		return labelNames[l]
	}
	return fmt.Sprintf("Label(%d)", uint8(l))
}

// ParseLabel returns the label named s ("agree", "disagree", "discuss",
// "unrelated").
func ParseLabel(s string) (Label, error) {
	for i, n := range labelNames {
		if n == s {
			return Label(i), nil
		}
	}
	return 0, fmt.Errorf("unknown stance label %q", s)
}

// MarshalText writes the label's name.
func (l Label) MarshalText() ([]byte, error) {
	if int(l) >= len(labelNames) {
		return nil, fmt.Errorf("invalid stance label %d", uint8(l))
	}
	return []byte(labelNames[l]), nil
}

// UnmarshalText reads a label's name.
func (l *Label) UnmarshalText(b []byte) error {
	v, err := ParseLabel(string(b))
	if err != nil {
		return err
	}
	*l = v
	return nil
}

// Stance maps the FNC-1 label to the ledger's vocabulary: agree → asserts,
// disagree → denies, discuss → reports, unrelated → absent.
func (l Label) Stance() claimtrail.Stance {
	switch l {
	case Agree:
		return claimtrail.StanceAsserts
	case Disagree:
		return claimtrail.StanceDenies
	case Discuss:
		return claimtrail.StanceReports
	default:
		return claimtrail.StanceAbsent
	}
}

// Prediction is the model's judgement of one claim against one body.
type Prediction struct {
	// Label is the decision: unrelated when P(related) < 0.5, otherwise the
	// likeliest of agree, disagree and discuss (so with P(related) just
	// over one half, Probs[Unrelated] may exceed Probs[Label]).
	Label      Label
	Confidence float64    // probability of Label
	Probs      [4]float64 // probability of each label, indexed by Label
	// Evidence holds up to three body sentences that match the claim best,
	// best first, as byte spans into the body.
	Evidence []claimtrail.Span
}
