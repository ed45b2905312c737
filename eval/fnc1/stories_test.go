package fnc1

import (
	"slices"
	"testing"
)

// TestStories: related bodies gather under their headline, headlines with
// too few bodies and unrelated pairs are left out, and one seed gives one
// order.
func TestStories(t *testing.T) {
	d := &Data{Bodies: map[int]string{1: "a", 2: "b", 3: "c", 4: "d"}, Pairs: []Pair{
		{Headline: "Tram line to reopen in Valdby", BodyID: 1, Stance: "agree"},
		{Headline: "Tram line to reopen in Valdby", BodyID: 2, Stance: "discuss"},
		{Headline: "Tram line to reopen in Valdby", BodyID: 3, Stance: "unrelated"},
		{Headline: "Mayor of Orsk resigns", BodyID: 3, Stance: "disagree"},
		{Headline: "Mayor of Orsk resigns", BodyID: 4, Stance: "agree"},
		{Headline: "Comet seen over Pell", BodyID: 4, Stance: "agree"},
	}}
	got := d.Stories(10, 2, 1)
	if len(got) != 2 {
		t.Fatalf("got %d stories, want 2 (the comet has one body)", len(got))
	}
	for _, s := range got {
		if s.Headline == "Tram line to reopen in Valdby" && !slices.Equal(s.Bodies, []int{1, 2}) {
			t.Errorf("tram story bodies %v, want [1 2] (body 3 is unrelated)", s.Bodies)
		}
	}
	if again := d.Stories(10, 2, 1); again[0].Slug != got[0].Slug {
		t.Errorf("seed 1 gave %q then %q first", got[0].Slug, again[0].Slug)
	}
	if got[0].Slug[:3] != "01-" || got[1].Slug[:3] != "02-" {
		t.Errorf("slugs %q, %q: want numbered 01-, 02-", got[0].Slug, got[1].Slug)
	}
	if one := d.Stories(1, 2, 1); len(one) != 1 {
		t.Errorf("n=1 gave %d stories", len(one))
	}
}
