package sqlite

import (
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/store"
	"github.com/claimtrail/claimtrail/store/storetest"
)

// TestFNC1CopiesAgree stores FNC-1 bodies with planted copies (a word in a
// hundred replaced; the body after half of another) and checks that the
// store and analyze's detector take the same articles for copies of the
// same originals.
func TestFNC1CopiesAgree(t *testing.T) {
	if testing.Short() {
		t.Skip("short: skipping FNC-1 copy test")
	}
	bodies := storetest.FNC1Bodies(t, filepath.Join("..", ".."))
	r := rand.New(rand.NewPCG(3, 3))
	var arts []claimtrail.Article
	for i, b := range bodies {
		arts = append(arts, b)
		words := strings.Fields(b.Text)
		if len(words) < 150 || i%8 != 0 {
			continue
		}
		for range len(words) / 100 {
			words[r.IntN(len(words))] = "edited"
		}
		arts = append(arts, claimtrail.Article{Text: strings.Join(words, " ")})
		o := bodies[(i+5)%len(bodies)].Text
		arts = append(arts, claimtrail.Article{Text: o[:len(o)/2] + "\n\n" + b.Text})
	}
	n := storetest.CopiesAgree(t, openTemp(t, store.Options{}), arts)
	t.Logf("%d articles, %d copies", len(arts), n)
	if n < 300 {
		t.Errorf("only %d copies among %d articles with about 360 planted", n, len(arts))
	}
}
