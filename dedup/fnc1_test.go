package dedup

import (
	"encoding/csv"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail"
)

// fnc1Bodies reads the FNC-1 training bodies from ../shared/data, skipping
// the test when the data set is absent.
func fnc1Bodies(t *testing.T) []string {
	t.Helper()
	path := filepath.Join("..", "..", "shared", "data", "fnc1", "train_bodies.csv")
	f, err := os.Open(path)
	if os.IsNotExist(err) {
		t.Skipf("%s absent: skipping FNC-1 test", path)
	}
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	var bodies []string
	for _, r := range rows[1:] {
		bodies = append(bodies, r[1])
	}
	return bodies
}

// TestFNC1 checks on real news bodies that a copy with a few words changed,
// or embedded in a longer article, is found by Copies, and that distinct
// bodies are rarely taken for copies.
func TestFNC1(t *testing.T) {
	bodies := fnc1Bodies(t)
	r := rand.New(rand.NewPCG(7, 7))
	var arts []claimtrail.Article
	want := map[string]string{} // planted copy → its body
	for i, b := range bodies {
		id := fmt.Sprintf("b%d", i)
		arts = append(arts, claimtrail.Article{ID: id, Text: b})
		words := strings.Fields(b)
		if len(words) < 150 || i%4 != 0 {
			continue
		}
		// A syndicated copy: one word in a hundred replaced.
		for range len(words) / 100 {
			words[r.IntN(len(words))] = "edited"
		}
		arts = append(arts, claimtrail.Article{ID: id + "-edited", Text: strings.Join(words, " ")})
		want[id+"-edited"] = id
		// The body embedded in a longer article: another body's first half
		// before it.
		o := bodies[(i+7)%len(bodies)]
		arts = append(arts, claimtrail.Article{ID: id + "-embedded", Text: o[:len(o)/2] + "\n\n" + b})
		want[id+"-embedded"] = id
	}
	got := Copies(arts)
	found := 0
	for cp, orig := range want {
		if root(got, got[cp]) == root(got, orig) && got[cp] != "" {
			found++
		}
	}
	if rate := float64(found) / float64(len(want)); rate < 0.97 {
		t.Errorf("found %d of %d planted copies (%.3f), want >= 0.97", found, len(want), rate)
	}
	// FNC-1 holds some real near-duplicate bodies; a flagged pair of
	// bodies is wrong only when far less than Threshold of the smaller lies
	// in the other (Copies decides by containment, so no pair it reports is
	// below it; this checks the decision on the real pairs).
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
		if c := NewPrint(text[cp]).Containment(NewPrint(text[orig])); c < 0.5 && NewPrint(text[cp]).words != NewPrint(text[orig]).words {
			wrong++
		}
	}
	t.Logf("planted copies found: %d/%d; copies among %d FNC-1 bodies: %d, of which %d below containment 0.5",
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
