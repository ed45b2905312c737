// Package eval holds the quality floors claimtrail is held to: the figures
// of the shipped configuration on the development data (PolNeAR dev for
// attribution, ledger-dev for ledgers), recorded in eval/floors.json. Tests
// measure the figures when the data is present and fail when one drops
// more than the tolerance below its floor, or a count held by a ceiling
// rises above it; `claimtrail eval report --update-floors` rewrites the
// file from what it measured. The subpackages read data sets and score.
package eval

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"sort"
)

// FloorsFile is the floors' path from the module root.
const FloorsFile = "eval/floors.json"

// Floors are the recorded figures of each measured area.
type Floors struct {
	// Comment says what the file is and how it is rewritten.
	Comment string `json:"comment"`
	// Tolerance is how far below its floor a figure may fall.
	Tolerance   float64 `json:"tolerance"`
	Attribution Limits  `json:"attribution"`
	Ledger      Limits  `json:"ledger"`
}

// Limits are one area's floors (figures that must not fall) and ceilings
// (error counts that must not rise), by figure name.
type Limits struct {
	// Data names the data the figures are measured on.
	Data     string             `json:"data"`
	Floors   map[string]float64 `json:"floors"`
	Ceilings map[string]float64 `json:"ceilings,omitempty"`
}

// ReadFloors reads a floors file.
func ReadFloors(path string) (*Floors, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("floors: %w", err)
	}
	var f Floors
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, fmt.Errorf("floors: %s: %w", path, err)
	}
	if f.Tolerance < 0 || f.Tolerance > 0.1 {
		return nil, fmt.Errorf("floors: %s: tolerance %g: want 0 to 0.1", path, f.Tolerance)
	}
	return &f, nil
}

// Write writes the floors file, figures in name order.
func (f *Floors) Write(path string) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	if err := enc.Encode(f); err != nil {
		return fmt.Errorf("floors: %w", err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("floors: %w", err)
	}
	return nil
}

// Check compares measured figures with the limits: a figure more than tol
// below its floor, a count above its ceiling, or a limited figure that was
// not measured is a failure, one message each, in name order.
func (l Limits) Check(measured map[string]float64, tol float64) []string {
	var out []string
	for _, name := range sortedKeys(l.Floors) {
		floor := l.Floors[name]
		v, ok := measured[name]
		switch {
		case !ok:
			out = append(out, fmt.Sprintf("%s: not measured (floor %.3f)", name, floor))
		case v < floor-tol-1e-9:
			out = append(out, fmt.Sprintf("%s = %.3f, more than %.2f below its floor %.3f", name, v, tol, floor))
		}
	}
	for _, name := range sortedKeys(l.Ceilings) {
		ceil := l.Ceilings[name]
		v, ok := measured[name]
		switch {
		case !ok:
			out = append(out, fmt.Sprintf("%s: not measured (ceiling %g)", name, ceil))
		case v > ceil:
			out = append(out, fmt.Sprintf("%s = %g, above its ceiling %g", name, v, ceil))
		}
	}
	return out
}

// Raise reports the figures that now stand above their floors by more than
// tol (or below their ceilings), so that the floors can be raised.
func (l Limits) Raise(measured map[string]float64, tol float64) []string {
	var out []string
	for _, name := range sortedKeys(l.Floors) {
		if v, ok := measured[name]; ok && v > l.Floors[name]+tol {
			out = append(out, fmt.Sprintf("%s = %.3f, above its floor %.3f", name, v, l.Floors[name]))
		}
	}
	for _, name := range sortedKeys(l.Ceilings) {
		if v, ok := measured[name]; ok && v < l.Ceilings[name] {
			out = append(out, fmt.Sprintf("%s = %g, below its ceiling %g", name, v, l.Ceilings[name]))
		}
	}
	return out
}

// Set rewrites every floor and ceiling with its measured figure (rounded to
// three decimals); figures that were not measured keep their value.
func (l *Limits) Set(measured map[string]float64) {
	for name := range l.Floors {
		if v, ok := measured[name]; ok {
			l.Floors[name] = math.Round(v*1000) / 1000
		}
	}
	for name := range l.Ceilings {
		if v, ok := measured[name]; ok {
			l.Ceilings[name] = v
		}
	}
}

func sortedKeys(m map[string]float64) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
