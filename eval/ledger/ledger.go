package ledger

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
)

// Ledger is the part of a claimtrail.ledger/v1 JSON ledger (docs/json.md)
// that scoring reads. It is read from the JSON form, so that a ledger
// written by `analyze --format json` and one built in the same process
// score the same.
type Ledger struct {
	Articles []Article `json:"articles"`
	Claims   []Claim   `json:"claims"`
}

// Article is a ledger's article.
type Article struct {
	ID       string `json:"id"`
	Path     string `json:"path"`
	OffStory bool   `json:"off_story"`
}

// Claim is a ledger's claim.
type Claim struct {
	ID      string   `json:"id"`
	Text    string   `json:"text"`
	Status  string   `json:"status"`
	Flags   []string `json:"flags"`
	Origins []Party  `json:"origins"`
	// IndependentOrigins, when absent, is the number of origins.
	IndependentOrigins *int              `json:"independent_origins"`
	DeniedBy           []Party           `json:"denied_by"`
	Stances            map[string]string `json:"stances"`
	Statements         []Statement       `json:"statements"`
	// Aside marks a claim the tool keeps apart as no claim to check
	// (opinion, advice, feeling, procedure); the reference scorer ignores
	// it, the aside counts read it.
	Aside bool `json:"aside"`
}

// Party is a chain element, an origin or a denier.
type Party struct {
	Name string `json:"name"`
}

// Statement is one statement of a claim.
type Statement struct {
	Article  string   `json:"article"`
	Polarity string   `json:"polarity"`
	Chain    []*Party `json:"chain"`
	Cue      string   `json:"cue"`
	Text     string   `json:"text"`
	Negates  string   `json:"negates"`
}

// ParseLedger reads a JSON ledger.
func ParseLedger(data []byte) (*Ledger, error) {
	var l *Ledger
	if err := json.Unmarshal(data, &l); err != nil {
		return nil, fmt.Errorf("not a JSON ledger: %w", err)
	}
	if l == nil {
		return nil, errors.New("not a JSON ledger: null")
	}
	return l, nil
}

// ReadLedger reads a JSON ledger file.
func ReadLedger(path string) (*Ledger, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return ParseLedger(data)
}

// origins is the claim's number of independent origins.
func (c *Claim) origins() int {
	if c.IndependentOrigins != nil {
		return *c.IndependentOrigins
	}
	return len(c.Origins)
}

// texts returns the claim's texts a gold wording may match: its canonical
// text, its statements' texts and the propositions its denials negate.
func (c *Claim) texts() []string {
	var out []string
	if c.Text != "" {
		out = append(out, c.Text)
	}
	for _, s := range c.Statements {
		if s.Text != "" {
			out = append(out, s.Text)
		}
		if s.Negates != "" {
			out = append(out, s.Negates)
		}
	}
	return out
}

// chainNames returns the names of a chain's elements, "?" for a missing one.
func chainNames(ch []*Party) []string {
	out := make([]string, len(ch))
	for i, e := range ch {
		out[i] = "?"
		if e != nil {
			out[i] = e.Name
		}
	}
	return out
}
