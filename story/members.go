package story

import (
	"sort"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/nlp"
)

// Members returns the articles that belong to the story: the largest group
// of articles joined by shared claims or shared names, and within it the
// largest group joined by claims with the articles that share its names,
// less those off its topic and with those whose words are the topic's
// (topicRules); where no claim joins two
// articles, the largest group joined by shared names; where nothing joins
// any two, every article (there is no telling which one is off the story),
// and joined is false. It is claimtrail's one notion of story membership:
// the ledger (analyze, show) marks the others off the story, and the store
// files an article under a story only when Members, run over the story's
// articles and the new one, keeps the new one with joined true (ingest,
// worker: pipeline.Members).
func Members(articles []claimtrail.Article, docs map[string]*nlp.Document, claims []claimtrail.Claim) (in map[string]bool, joined bool) {
	byClaims := newGroups(articles)
	for _, c := range claims {
		for k := 1; k < len(c.Statements); k++ {
			byClaims.union(c.Statements[0].Article, c.Statements[k].Article)
		}
	}
	names := nameSets(articles, docs)
	// The story is the largest group of articles joined by claims or by
	// names, whichever input came first: two articles sharing a claim do
	// not make the story when five others share its names.
	related := newGroups(articles)
	for _, c := range claims {
		for k := 1; k < len(c.Statements); k++ {
			related.union(c.Statements[0].Article, c.Statements[k].Article)
		}
	}
	byNames := newGroups(articles)
	for i := range articles {
		for j := i + 1; j < len(articles); j++ {
			if names.overlap(articles[i].ID, articles[j].ID) >= minNameOverlap {
				byNames.union(articles[i].ID, articles[j].ID)
				related.union(articles[i].ID, articles[j].ID)
			}
		}
	}
	story := related.largest(nil)
	in = byClaims.largest(story)
	if len(in) > 1 {
		// Articles no claim joins, but that name what the story names
		// (a short denial that matched nothing), belong too, and so do
		// those naming what such an article names: the answer to a
		// report that names what the report names.
		for grown := true; grown; {
			grown = false
			for _, a := range articles {
				if !in[a.ID] && names.near(a.ID, in) {
					in[a.ID] = true
					grown = true
				}
			}
		}
		// Then the words decide: a joined article off the topic leaves,
		// and an article that neither claims nor names join but whose
		// words are the story's joins (topicRules).
		return onTopic(articles, in), true
	}
	if len(articles) <= 1 {
		return in, false
	}
	if in = byNames.largest(nil); len(in) > 1 {
		return in, true
	}
	for _, a := range articles {
		in[a.ID] = true
	}
	return in, false
}

// minNameOverlap is the Jaccard overlap of two articles' entity keys from
// which they name the same story.
const minNameOverlap = 0.2

// groups is a union-find over article IDs.
type groups struct {
	order  []string
	parent map[string]string
}

func newGroups(articles []claimtrail.Article) *groups {
	g := &groups{parent: map[string]string{}}
	for _, a := range articles {
		g.order = append(g.order, a.ID)
		g.parent[a.ID] = a.ID
	}
	return g
}

func (g *groups) find(x string) string {
	for g.parent[x] != x {
		g.parent[x] = g.parent[g.parent[x]]
		x = g.parent[x]
	}
	return x
}

func (g *groups) union(a, b string) { g.parent[g.find(a)] = g.find(b) }

// largest returns the members of the largest group among the articles in
// within (all when within is nil); of equal groups, the one holding the
// earliest article.
func (g *groups) largest(within map[string]bool) map[string]bool {
	size := map[string]int{}
	for _, id := range g.order {
		if within == nil || within[id] {
			size[g.find(id)]++
		}
	}
	best := ""
	for _, id := range g.order {
		if within != nil && !within[id] {
			continue
		}
		if r := g.find(id); best == "" || size[r] > size[best] {
			best = r
		}
	}
	in := map[string]bool{}
	for _, id := range g.order {
		if g.find(id) == best && (within == nil || within[id]) {
			in[id] = true
		}
	}
	return in
}

// nameKeys holds each article's entity keys, sorted, so that comparing
// two articles is a merge.
type nameKeys map[string][]string

func nameSets(articles []claimtrail.Article, docs map[string]*nlp.Document) nameKeys {
	out := nameKeys{}
	for _, a := range articles {
		d := docs[a.ID]
		if d == nil {
			continue
		}
		seen := map[string]bool{}
		var keys []string
		for _, e := range d.Entities {
			if !seen[e.Key] {
				seen[e.Key] = true
				keys = append(keys, e.Key)
			}
		}
		sort.Strings(keys)
		out[a.ID] = keys
	}
	return out
}

// overlap is the Jaccard overlap of two articles' entity keys.
// near reports whether article a names what one of the articles in set
// names (minNameOverlap).
func (n nameKeys) near(a string, set map[string]bool) bool {
	for id := range set {
		if n.overlap(a, id) >= minNameOverlap {
			return true
		}
	}
	return false
}

func (n nameKeys) overlap(a, b string) float64 {
	ka, kb := n[a], n[b]
	inter := 0
	for i, j := 0, 0; i < len(ka) && j < len(kb); {
		switch {
		case ka[i] == kb[j]:
			inter++
			i++
			j++
		case ka[i] < kb[j]:
			i++
		default:
			j++
		}
	}
	union := len(ka) + len(kb) - inter
	if union == 0 {
		return 0
	}
	return float64(inter) / float64(union)
}
