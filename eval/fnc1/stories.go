package fnc1

import (
	"fmt"
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
)

// Story is one headline of a labelled FNC-1 set with the bodies paired
// with it as related (agree, disagree or discuss): real news texts about
// one event, written by outlets the project's rules were not written on.
// Reading claimtrail's ledgers of such stories by hand is how changes are
// judged on real text (docs/ledger.md).
type Story struct {
	Headline string
	Slug     string         // "NN-first-words-of-the-headline", the story's folder name
	Bodies   []int          // body IDs in file order
	Stances  map[int]string // gold stance of each body toward the headline
}

var notSlug = regexp.MustCompile(`[^a-z0-9]+`)

// Stories picks n headlines with at least minBodies related bodies, in an
// order shuffled by seed, so that two runs with one seed give the same
// stories under the same numbers. It returns fewer when the set holds fewer.
func (d *Data) Stories(n, minBodies int, seed uint64) []Story {
	byHeadline := map[string]*Story{}
	var heads []string
	for _, p := range d.Pairs {
		if p.Stance == "" || p.Stance == Labels[Unrelated] {
			continue
		}
		s := byHeadline[p.Headline]
		if s == nil {
			s = &Story{Headline: p.Headline, Stances: map[int]string{}}
			byHeadline[p.Headline] = s
			heads = append(heads, p.Headline)
		}
		if _, seen := s.Stances[p.BodyID]; !seen {
			s.Bodies = append(s.Bodies, p.BodyID)
		}
		s.Stances[p.BodyID] = p.Stance
	}
	heads = slices.DeleteFunc(heads, func(h string) bool { return len(byHeadline[h].Bodies) < minBodies })
	slices.Sort(heads)
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	r.Shuffle(len(heads), func(i, j int) { heads[i], heads[j] = heads[j], heads[i] })
	var out []Story
	for i, h := range heads[:min(n, len(heads))] {
		s := *byHeadline[h]
		slug := strings.Trim(notSlug.ReplaceAllString(strings.ToLower(h), "-"), "-")
		if len(slug) > 40 {
			slug = strings.TrimRight(slug[:40], "-")
		}
		s.Slug = fmt.Sprintf("%02d-%s", i+1, slug)
		out = append(out, s)
	}
	return out
}
