package synonymtrain

import (
	"slices"
	"testing"
)

// TestAntonyms derives antonym pairs from a hand-built WordNet: a
// pointer's own two words pair, and so does its source with another word
// of the target synset (an indirect antonym); a pointer from a sense past
// the first antonymSenses, and a rare word, give nothing.
func TestAntonyms(t *testing.T) {
	wn := &wordNet{
		senses: map[string][]string{
			"v:permit":   {"v:1"},
			"v:forbid":   {"v:2"},
			"v:ban":      {"v:9", "v:2"},
			"v:keep":     {"v:5", "v:6", "v:7", "v:8"},
			"v:waste":    {"v:3"},
			"v:squander": {"v:4"},
		},
		synsets: map[string]*synset{
			"v:1": {words: []string{"permit"}, antonyms: []lexLink{{from: "permit", target: "v:2", to: "1"}}},
			"v:2": {words: []string{"forbid", "ban", "squander"}},
			"v:8": {words: []string{"keep"}, antonyms: []lexLink{{from: "keep", target: "v:3", to: "1"}}},
			"v:3": {words: []string{"waste"}},
		},
	}
	freq := &counts{form: map[string]int{}, stem: map[string]int{}, forms: map[string][]string{}}
	for _, w := range []string{"permit", "forbid", "ban", "keep", "waste"} {
		freq.form[w] = 10
		freq.stem[stem(w)] += 10
		freq.forms[stem(w)] = append(freq.forms[stem(w)], w)
	}
	var got []string
	for _, a := range antonyms(wn, freq, Inputs{MinCount: 5}) {
		got = append(got, a.A+"!"+a.B)
	}
	if want := []string{"ban!permit", "forbid!permit"}; !slices.Equal(got, want) {
		t.Errorf("antonyms %v, want %v", got, want)
	}
}
