package dedup

import (
	"encoding/csv"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
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

// TestFNC1 checks on real news bodies that a copy with a few words changed is
// found, and that distinct bodies are rarely taken for copies.
func TestFNC1(t *testing.T) {
	bodies := fnc1Bodies(t)
	r := rand.New(rand.NewPCG(7, 7))
	var fps []Signature
	var texts []string
	found, tried := 0, 0
	for _, b := range bodies {
		f, ok := Sum(b)
		if !ok {
			continue
		}
		fps = append(fps, f)
		texts = append(texts, b)
		words := strings.Fields(b)
		if len(words) < 150 {
			continue
		}
		// A syndicated copy: one word in a hundred replaced.
		for range len(words) / 100 {
			words[r.IntN(len(words))] = "edited"
		}
		g, _ := Sum(strings.Join(words, " "))
		tried++
		if f.Near(&g) {
			found++
		}
	}
	if rate := float64(found) / float64(tried); rate < 0.8 {
		t.Errorf("found %d of %d lightly edited copies (%.2f), want >= 0.8", found, tried, rate)
	}
	// FNC-1 holds some real near-duplicate bodies; a flagged pair is wrong
	// only when its true shingle similarity is far below Threshold.
	near, wrong := 0, 0
	for i := range fps {
		for j := i + 1; j < len(fps); j++ {
			if !fps[i].Near(&fps[j]) {
				continue
			}
			near++
			if jaccard(texts[i], texts[j]) < 0.5 {
				wrong++
			}
		}
	}
	t.Logf("edited copies found: %d/%d; near pairs among %d bodies: %d, of which %d below similarity 0.5",
		found, tried, len(fps), near, wrong)
	if wrong > 0 {
		t.Errorf("%d pairs of distinct bodies taken for copies", wrong)
	}
}

// jaccard is the exact Jaccard similarity of the shingle sets of a and b.
func jaccard(a, b string) float64 {
	sa, sb := shingleSet(a), shingleSet(b)
	inter := 0
	for k := range sa {
		if sb[k] {
			inter++
		}
	}
	return float64(inter) / float64(len(sa)+len(sb)-inter)
}

func shingleSet(s string) map[string]bool {
	w := Words(s)
	m := map[string]bool{}
	for i := 0; i+ShingleSize <= len(w); i++ {
		m[strings.Join(w[i:i+ShingleSize], " ")] = true
	}
	return m
}
