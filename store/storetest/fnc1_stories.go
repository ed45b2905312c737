package storetest

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FNC1Related reads which FNC-1 bodies (by Article.Path as FNC1Bodies
// names them) are related to which headlines: bodies related to one
// headline (agree, disagree or discuss) tell one story.
func FNC1Related(tb testing.TB, moduleRoot string) map[string][]string {
	tb.Helper()
	path := filepath.Join(moduleRoot, "..", "shared", "data", "fnc1", "train_stances.csv")
	f, err := os.Open(path)
	if err != nil {
		tb.Skipf("%s: %v: skipping", path, err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		tb.Fatalf("%s: %v", path, err)
	}
	out := map[string][]string{}
	for _, r := range rows[1:] {
		if len(r) == 3 && r[2] != "unrelated" {
			body := "fnc1/body/" + r[1]
			out[body] = append(out[body], strings.ToLower(r[0]))
		}
	}
	return out
}

// PairScores compares a grouping of items into stories with the truth that
// two items belong together when they share a label: pairwise precision
// (pairs put together that belong together) and recall (pairs that belong
// together put together). Items without labels are left out.
func PairScores(groups map[int64][]string, labels map[string][]string) (precision, recall float64) {
	shares := func(a, b string) bool {
		for _, x := range labels[a] {
			for _, y := range labels[b] {
				if x == y {
					return true
				}
			}
		}
		return false
	}
	var together, right int
	storyOf := map[string]int64{}
	for g, items := range groups {
		var in []string
		for _, it := range items {
			if len(labels[it]) > 0 {
				in = append(in, it)
				storyOf[it] = g
			}
		}
		for i := range in {
			for j := i + 1; j < len(in); j++ {
				together++
				if shares(in[i], in[j]) {
					right++
				}
			}
		}
	}
	var items []string
	for it := range storyOf {
		items = append(items, it)
	}
	var belong, found int
	for i := range items {
		for j := i + 1; j < len(items); j++ {
			if shares(items[i], items[j]) {
				belong++
				if storyOf[items[i]] == storyOf[items[j]] {
					found++
				}
			}
		}
	}
	if together > 0 {
		precision = float64(right) / float64(together)
	}
	if belong > 0 {
		recall = float64(found) / float64(belong)
	}
	return precision, recall
}
