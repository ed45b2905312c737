package fnc1

import (
	"fmt"
	"io"
	"strings"
)

// Confusion counts predictions: Confusion[gold][predicted], both indexes
// into Labels.
type Confusion [4][4]int

// Add counts one prediction.
func (c *Confusion) Add(gold, pred int) { c[gold][pred]++ }

// Total is the number of counted predictions.
func (c *Confusion) Total() int {
	n := 0
	for _, row := range c {
		for _, v := range row {
			n += v
		}
	}
	return n
}

// Score is the official FNC-1 score: +0.25 for a correct "unrelated";
// +0.25 for any related label on a related pair, and +0.75 more when it is
// the right one.
func (c *Confusion) Score() float64 {
	s := 0.0
	for g, row := range c {
		for p, n := range row {
			switch {
			case g == Unrelated && p == Unrelated:
				s += 0.25 * float64(n)
			case g != Unrelated && p != Unrelated:
				s += 0.25 * float64(n)
				if g == p {
					s += 0.75 * float64(n)
				}
			}
		}
	}
	return s
}

// MaxScore is the score the gold labels themselves would get.
func (c *Confusion) MaxScore() float64 {
	s := 0.0
	for g, row := range c {
		for _, n := range row {
			if g == Unrelated {
				s += 0.25 * float64(n)
			} else {
				s += float64(n)
			}
		}
	}
	return s
}

// Metrics are the figures of one evaluation run.
type Metrics struct {
	FNCScore    float64            `json:"fnc_score"`
	FNCMax      float64            `json:"fnc_max"`
	FNCRelative float64            `json:"fnc_relative"` // FNCScore / FNCMax, 0..1
	Accuracy    float64            `json:"accuracy"`
	Precision   map[string]float64 `json:"precision"`
	Recall      map[string]float64 `json:"recall"`
	F1          map[string]float64 `json:"f1"`
	MacroF1     float64            `json:"macro_f1"` // mean F1 over the four classes
	Confusion   Confusion          `json:"confusion"`
	Pairs       int                `json:"pairs"`
}

// Metrics computes every figure from the confusion matrix. A class that is
// neither predicted nor present gets precision, recall and F1 of 0.
func (c *Confusion) Metrics() Metrics {
	m := Metrics{
		FNCScore:  c.Score(),
		FNCMax:    c.MaxScore(),
		Precision: map[string]float64{},
		Recall:    map[string]float64{},
		F1:        map[string]float64{},
		Confusion: *c,
		Pairs:     c.Total(),
	}
	if m.FNCMax > 0 {
		m.FNCRelative = m.FNCScore / m.FNCMax
	}
	correct := 0
	for k, name := range Labels {
		tp, predicted, gold := c[k][k], 0, 0
		for j := range Labels {
			predicted += c[j][k]
			gold += c[k][j]
		}
		correct += tp
		var p, r, f float64
		if predicted > 0 {
			p = float64(tp) / float64(predicted)
		}
		if gold > 0 {
			r = float64(tp) / float64(gold)
		}
		if p+r > 0 {
			f = 2 * p * r / (p + r)
		}
		m.Precision[name], m.Recall[name], m.F1[name] = p, r, f
		m.MacroF1 += f / float64(len(Labels))
	}
	if m.Pairs > 0 {
		m.Accuracy = float64(correct) / float64(m.Pairs)
	}
	return m
}

// WriteText prints the metrics as a human-readable report.
func (m *Metrics) WriteText(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "pairs         %d\n", m.Pairs)
	fmt.Fprintf(&b, "FNC score     %.2f of %.2f\n", m.FNCScore, m.FNCMax)
	fmt.Fprintf(&b, "FNC relative  %.2f %%\n", 100*m.FNCRelative)
	fmt.Fprintf(&b, "accuracy      %.2f %%\n", 100*m.Accuracy)
	fmt.Fprintf(&b, "macro-F1      %.4f\n\n", m.MacroF1)
	fmt.Fprintf(&b, "%-10s %9s %9s %9s\n", "class", "precision", "recall", "F1")
	for _, l := range Labels {
		fmt.Fprintf(&b, "%-10s %9.4f %9.4f %9.4f\n", l, m.Precision[l], m.Recall[l], m.F1[l])
	}
	fmt.Fprintf(&b, "\nconfusion (rows gold, columns predicted)\n%-10s", "")
	for _, l := range Labels {
		fmt.Fprintf(&b, " %9s", l)
	}
	b.WriteByte('\n')
	for g, l := range Labels {
		fmt.Fprintf(&b, "%-10s", l)
		for p := range Labels {
			fmt.Fprintf(&b, " %9d", m.Confusion[g][p])
		}
		b.WriteByte('\n')
	}
	_, err := io.WriteString(w, b.String())
	return err
}
