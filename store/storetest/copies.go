package storetest

import (
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/dedup"
	"github.com/claimtrail/claimtrail/store"
)

// CopiesAgree puts arts into s in order and checks that the store takes
// for copies exactly the articles dedup.Copies (what `analyze` uses) finds
// among the same articles read in the same order, with the same originals.
// It returns how many copies there were. Articles the store already holds
// (same key) are left out of both.
func CopiesAgree(t *testing.T, s store.Store, arts []claimtrail.Article) int {
	t.Helper()
	var kept []claimtrail.Article
	for i := range arts {
		a := arts[i]
		res, err := s.Put(t.Context(), &a, store.Analysis{})
		if err != nil {
			t.Fatalf("Put(%d): %v", i, err)
		}
		if res.Existing {
			continue
		}
		a.ID = strconv.FormatInt(res.ID, 10)
		kept = append(kept, a)
	}
	want := dedup.Copies(kept)
	for _, a := range kept {
		id, _ := strconv.ParseInt(a.ID, 10, 64)
		r, err := s.Article(t.Context(), id)
		if err != nil {
			t.Fatal(err)
		}
		got := ""
		if r.CopyOf != 0 {
			got = strconv.FormatInt(r.CopyOf, 10)
		}
		if got != want[a.ID] {
			t.Errorf("article %s (%.40q…): the store says copy of %q, analyze says %q", a.ID, a.Text, got, want[a.ID])
		}
	}
	return len(want)
}

// WireStory returns the invented wire story of dedup/testdata/wire, found
// from the working directory up: a wire agency's article with its byline,
// dateline and credit line; a copy with all three stripped and a few words
// edited; a longer article embedding the wire text; a trimmed copy; and an
// article of the same story in other words. The wire is published first.
func WireStory(t *testing.T) []claimtrail.Article {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		} else if !errors.Is(err, fs.ErrNotExist) {
			t.Fatal(err)
		}
		up := filepath.Dir(dir)
		if up == dir {
			t.Fatal("wire story: no go.mod above the working directory")
		}
		dir = up
	}
	files, err := filepath.Glob(filepath.Join(dir, "dedup", "testdata", "wire", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("wire story: %v, %d files", err, len(files))
	}
	var out []claimtrail.Article
	for i, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		name := strings.TrimSuffix(filepath.Base(f), ".txt")
		out = append(out, claimtrail.Article{
			URL:       "https://news.example.com/" + name,
			Outlet:    fmt.Sprintf("Outlet %d", i),
			Title:     "Counterfeit brake pads seized at Port Selva",
			Text:      string(b),
			Published: time.Date(2026, 3, 4, 10+i, 0, 0, 0, time.UTC),
		})
	}
	return out
}

// testCopiesAgree: the wire story's copies (stripped of the wire's name,
// embedded, trimmed) are the same for the store as for analyze, whichever
// order they arrive in.
func testCopiesAgree(t *testing.T, open Opener) {
	arts := WireStory(t)
	if n := CopiesAgree(t, open(t, store.Options{}), arts); n != 3 {
		t.Errorf("%d copies in the wire story, want 3", n)
	}
	rev := []claimtrail.Article{arts[2], arts[1], arts[4], arts[0], arts[3]}
	if n := CopiesAgree(t, open(t, store.Options{}), rev); n != 3 {
		t.Errorf("%d copies in the wire story read out of order, want 3", n)
	}
}

// PlantCopies returns the bodies with copies planted after every every-th
// body of 150 words or more: the body with one word in a hundred replaced
// ("b7-edited"), and the body after the first half of another
// ("b7-embedded"), as a longer article embedding a wire story would be.
// Articles are given IDs ("b7"); want maps each planted copy to its body.
func PlantCopies(bodies []claimtrail.Article, every int, seed uint64) (arts []claimtrail.Article, want map[string]string) {
	r := rand.New(rand.NewPCG(seed, seed))
	want = map[string]string{}
	for i, b := range bodies {
		id := fmt.Sprintf("b%d", i)
		b.ID = id
		arts = append(arts, b)
		words := strings.Fields(b.Text)
		if len(words) < 150 || i%every != 0 {
			continue
		}
		for range len(words) / 100 {
			words[r.IntN(len(words))] = "edited"
		}
		o := bodies[(i+7)%len(bodies)].Text
		half := len(o) / 2
		for half > 0 && !utf8.RuneStart(o[half]) {
			half-- // cut on a character boundary: the stores refuse invalid UTF-8
		}
		arts = append(arts,
			claimtrail.Article{ID: id + "-edited", Text: strings.Join(words, " ")},
			claimtrail.Article{ID: id + "-embedded", Text: o[:half] + "\n\n" + b.Text})
		want[id+"-edited"], want[id+"-embedded"] = id, id
	}
	return arts, want
}
