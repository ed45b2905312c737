// Package ledger scores claimtrail's claim ledgers against hand-written gold
// ledgers (format ledger-gold/v1, as in the ledger-dev development set):
// which gold claims the ledger finds, and whether it gets their status,
// independent origins, flags, deniers, per-article stances and relay chains
// right, which claims it wrongly merges or calls corroborated, and how many
// of its own claims match nothing.
//
// The rules are those of the reference scorer that ships with the data set
// (score.py); figures agree with it (see TestAgreesWithReference in
// cmd/claimtrail). The similarity of texts, the key phrases and the 0.30
// threshold are described in docs/ledger.md.
package ledger

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"sort"
)

// GoldSchema names the gold format this package reads.
const GoldSchema = "ledger-gold/v1"

// Statuses a gold claim may have.
var goldStatuses = map[string]bool{"contested": true, "corroborated": true, "single-source": true}

// Gold is one story's gold ledger.
type Gold struct {
	Story string `json:"story"`
	// Articles maps every article file name of the story to its outlet
	// and role.
	Articles map[string]GoldArticle `json:"articles"`
	// OffStory lists the files about something else.
	OffStory     []string    `json:"off_story"`
	Claims       []GoldClaim `json:"claims"`
	Minor        []Minor     `json:"minor"`
	MustNotMerge []Pair      `json:"must_not_merge"`
}

// GoldArticle describes one article of a gold story.
type GoldArticle struct {
	Outlet string `json:"outlet"`
	Role   string `json:"role"`
}

// GoldClaim is one claim a careful fact-checker would list.
type GoldClaim struct {
	ID               string   `json:"id"`
	Text             string   `json:"text"`
	Paraphrases      []string `json:"paraphrases"`
	Key              []string `json:"key"`
	Status           string   `json:"status"`
	Flags            []string `json:"flags"`
	FlagsOptional    []string `json:"flags_optional"`
	Origins          Origins  `json:"origins"`
	DeniedBy         []Names  `json:"denied_by"`
	DeniedByOptional []Names  `json:"denied_by_optional"`
	// Stances gives every article's accepted stances.
	Stances map[string]Names `json:"stances"`
	// Chains gives, for relay articles, the accepted chains from the
	// article's outlet to the first speaker, in the file's order.
	Chains Chains `json:"chains"`
	Note   string `json:"note"`
}

// Origins are a gold claim's independent origins.
type Origins struct {
	Count *int `json:"count"`
	// Names holds each origin's accepted names.
	Names []Names `json:"names"`
}

// Minor is a true reading of the articles that is not a claim worth
// listing: a ledger claim matching it counts neither for nor against.
type Minor struct {
	Text string   `json:"text"`
	Key  []string `json:"key"`
}

// Pair is two gold claims that must not end up in one ledger claim.
type Pair struct {
	A   string `json:"a"`
	B   string `json:"b"`
	Why string `json:"why"`
}

// Names is a list of accepted values; the gold may write a single one as a
// plain string.
type Names []string

// UnmarshalJSON accepts a string or a list of strings.
func (n *Names) UnmarshalJSON(data []byte) error {
	var one string
	if err := json.Unmarshal(data, &one); err == nil {
		*n = Names{one}
		return nil
	}
	var many []string
	if err := json.Unmarshal(data, &many); err != nil {
		return errors.New("want a string or a list of strings")
	}
	*n = many
	return nil
}

// Chains are the gold relay chains of a claim, by article file, in the
// order the gold lists them.
type Chains []Chain

// Chain is the accepted chains of one article: each a list of elements,
// each element a list of accepted names.
type Chain struct {
	File  string
	AnyOf [][]Names
}

// UnmarshalJSON reads {"FILE": [el, …] or {"any_of": [[el, …], …]}, …},
// keeping the order of the files.
func (cs *Chains) UnmarshalJSON(data []byte) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return errors.New("chains: want an object of file: chain")
	}
	*cs = nil
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return fmt.Errorf("chains: %w", err)
		}
		file, _ := t.(string)
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return fmt.Errorf("chains: %s: %w", file, err)
		}
		c := Chain{File: file}
		var alt struct {
			AnyOf [][]Names `json:"any_of"`
		}
		var one []Names
		switch {
		case json.Unmarshal(raw, &one) == nil:
			c.AnyOf = [][]Names{one}
		case json.Unmarshal(raw, &alt) == nil && len(alt.AnyOf) > 0:
			c.AnyOf = alt.AnyOf
		default:
			return fmt.Errorf("chains: %s: want a list of names or {\"any_of\": [chain, …]}", file)
		}
		*cs = append(*cs, c)
	}
	return nil
}

// Files returns the gold's article files in name order.
func (g *Gold) Files() []string {
	files := make([]string, 0, len(g.Articles))
	for f := range g.Articles {
		files = append(files, f)
	}
	sort.Strings(files)
	return files
}

// ReadGold reads and checks one gold ledger file.
func ReadGold(path string) (*Gold, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	g, err := ParseGold(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return g, nil
}

// ParseGold parses a gold ledger and checks that it is complete enough to
// score: every claim with an ID, a text, a known status, an origin count and
// a stance for every article; pairs naming known claims.
func ParseGold(data []byte) (*Gold, error) {
	var g Gold
	if err := json.Unmarshal(data, &g); err != nil {
		return nil, fmt.Errorf("not a %s gold ledger: %w", GoldSchema, err)
	}
	if err := g.check(); err != nil {
		return nil, err
	}
	return &g, nil
}

func (g *Gold) check() error {
	if g.Story == "" {
		return errors.New(`no "story" name`)
	}
	if len(g.Articles) == 0 {
		return errors.New(`no "articles"`)
	}
	ids := map[string]bool{}
	for i := range g.Claims {
		if err := g.checkClaim(&g.Claims[i]); err != nil {
			return fmt.Errorf("claim %d (%s): %w", i+1, g.Claims[i].ID, err)
		}
		if ids[g.Claims[i].ID] {
			return fmt.Errorf("claim %s appears twice", g.Claims[i].ID)
		}
		ids[g.Claims[i].ID] = true
	}
	for i, m := range g.Minor {
		if m.Text == "" {
			return fmt.Errorf("minor item %d has no text", i+1)
		}
	}
	for _, p := range g.MustNotMerge {
		if !ids[p.A] || !ids[p.B] {
			return fmt.Errorf("must_not_merge pair %s+%s names an unknown claim", p.A, p.B)
		}
	}
	return nil
}

func (g *Gold) checkClaim(c *GoldClaim) error {
	switch {
	case c.ID == "":
		return errors.New(`no "id"`)
	case c.Text == "":
		return errors.New(`no "text"`)
	case !goldStatuses[c.Status]:
		return fmt.Errorf("status %q: want contested, corroborated or single-source", c.Status)
	case c.Origins.Count == nil:
		return errors.New(`no "origins" count`)
	}
	for f := range g.Articles {
		if len(c.Stances[f]) == 0 {
			return fmt.Errorf("no stance for article %s", f)
		}
	}
	for _, ch := range c.Chains {
		if _, ok := g.Articles[ch.File]; !ok {
			return fmt.Errorf("chain for unknown article %s", ch.File)
		}
	}
	return nil
}
