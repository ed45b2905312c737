package storetest

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/claimtrail/claimtrail"
)

// Generator makes a reproducible stream of synthetic articles for tests and
// benchmarks: stories of about ten articles each, overlapping in time, each
// story with its own invented names (capitalised) and every article with
// its own filler text, so no two articles are near-duplicates. Article i is
// published i minutes after Day0.
type Generator struct {
	seed   uint64
	vocab  []string
	common []string
}

// NewGenerator returns a generator; the same seed gives the same articles.
func NewGenerator(seed uint64) *Generator {
	r := rand.New(rand.NewPCG(seed, 1))
	g := &Generator{seed: seed}
	for range 3000 {
		g.vocab = append(g.vocab, pseudoWord(r, 2+r.IntN(2)))
	}
	g.common = []string{"update", "crisis", "latest", "inquiry", "report", "talks", "row", "deal"}
	return g
}

// StorySize is the mean number of articles per generated story.
const StorySize = 10

// Story returns the story article i belongs to.
func (g *Generator) Story(i int) int {
	r := rand.New(rand.NewPCG(g.seed, uint64(i)+2))
	return i/StorySize + r.IntN(4)
}

// Article returns the i-th article.
func (g *Generator) Article(i int) *claimtrail.Article {
	story := g.Story(i)
	names := g.names(story)
	r := rand.New(rand.NewPCG(g.seed^0x9e3779b97f4a7c15, uint64(i)))
	var b strings.Builder
	for s := range 5 {
		fmt.Fprintf(&b, "%s ", capital(names[r.IntN(len(names))]))
		for range 10 + r.IntN(8) {
			b.WriteString(g.vocab[r.IntN(len(g.vocab))])
			b.WriteByte(' ')
		}
		if s%2 == 0 {
			fmt.Fprintf(&b, "%s ", capital(names[r.IntN(len(names))]))
		}
		b.WriteString(g.vocab[r.IntN(len(g.vocab))])
		b.WriteString(". ")
	}
	return &claimtrail.Article{
		URL:       fmt.Sprintf("https://gen%d.example.org/%d/%d", i%7, story, i),
		Outlet:    fmt.Sprintf("Outlet %d", i%7),
		Title:     fmt.Sprintf("%s %s %s", capital(names[0]), capital(names[1]), g.common[r.IntN(len(g.common))]),
		Published: Day0.Add(time.Duration(i) * time.Minute),
		Text:      b.String(),
	}
}

// names returns the invented names of a story.
func (g *Generator) names(story int) []string {
	r := rand.New(rand.NewPCG(g.seed^0xa5a5, uint64(story)))
	out := make([]string, 5)
	for i := range out {
		out[i] = pseudoWord(r, 3+r.IntN(2))
	}
	return out
}

var syllables = strings.Fields("ka lo mi ter va dun shi rel po an qui bor sel ta ven ru ga mo zel fi dor wen pa lis ")

func pseudoWord(r *rand.Rand, n int) string {
	var b strings.Builder
	for range n {
		b.WriteString(syllables[r.IntN(len(syllables))])
	}
	return b.String()
}

func capital(s string) string { return strings.ToUpper(s[:1]) + s[1:] }
