package dedup_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/dedup"
	"github.com/claimtrail/claimtrail/store/storetest"
)

// TestFNC1 checks on real news bodies that a copy with a few words changed,
// or embedded in a longer article, is found by Copies, and that distinct
// bodies are rarely taken for copies.
func TestFNC1(t *testing.T) {
	bodies := storetest.FNC1Bodies(t, "..")
	arts, want := storetest.PlantCopies(bodies, 4, 7)
	got := dedup.Copies(arts)
	found := 0
	for cp, orig := range want {
		if root(got, got[cp]) == root(got, orig) && got[cp] != "" {
			found++
		}
	}
	if rate := float64(found) / float64(len(want)); rate < 0.97 {
		t.Errorf("found %d of %d planted copies (%.3f), want >= 0.97", found, len(want), rate)
	}
	// FNC-1 holds some real near-duplicate bodies: every pair Copies
	// reports must be a copy by Match, at or above Threshold (a text is
	// compared with its group's original, never only with another copy).
	text := map[string]string{}
	for _, a := range arts {
		text[a.ID] = a.Text
	}
	pairs, wrong := 0, 0
	for cp, orig := range got {
		if strings.Contains(cp, "-") || strings.Contains(orig, "-") {
			continue
		}
		pairs++
		a, b := dedup.NewPrint(text[cp]), dedup.NewPrint(text[orig])
		if _, ok := a.Match(b); !ok {
			wrong++
		}
	}
	t.Logf("planted copies found: %d/%d; copies among %d FNC-1 bodies: %d, of which %d no copy by Match",
		found, len(want), len(bodies), pairs, wrong)
	if wrong > 0 {
		t.Errorf("%d pairs of distinct bodies taken for copies", wrong)
	}
}

// root follows a planted body that is itself a copy of an FNC-1 body to
// the group's original.
func root(copies map[string]string, id string) string {
	if r, ok := copies[id]; ok {
		return r
	}
	return id
}

// TestCopiesWireStory: the wire story's stripped, embedded and trimmed
// copies are copies of the wire, read in any order; the article of the
// same story in other words is not.
func TestCopiesWireStory(t *testing.T) {
	arts := storetest.WireStory(t)
	for i := range arts {
		arts[i].ID = fmt.Sprint(i + 1)
	}
	want := map[string]string{"2": "1", "3": "1", "4": "1"}
	for _, order := range [][]int{{0, 1, 2, 3, 4}, {2, 1, 4, 0, 3}} {
		var in []claimtrail.Article
		for _, k := range order {
			in = append(in, arts[k])
		}
		got := dedup.Copies(in)
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("order %v: copies %v, want %v", order, got, want)
		}
	}
}

// BenchmarkCopiesFNC1 finds the copies among the 1,683 FNC-1 bodies, as
// analyze does over a folder of that size.
func BenchmarkCopiesFNC1(b *testing.B) {
	arts := storetest.FNC1Bodies(b, "..")
	for i := range arts {
		arts[i].ID = fmt.Sprint(i)
	}
	for b.Loop() {
		dedup.Copies(arts)
	}
	b.ReportMetric(float64(len(arts)*b.N)/b.Elapsed().Seconds(), "articles/s")
}
