package story

import (
	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/nlp"
	"sort"
)

// citations maps each outlet (by folded name) to the outlets it cites in the
// story's chains, in first-seen order.
func citations(articles []claimtrail.Article, claims []claimtrail.Claim) map[string][]string {
	out := map[string][]string{}
	seen := map[[2]string]bool{}
	for _, c := range claims {
		for _, st := range c.Statements {
			for k := 0; k+1 < len(st.Chain); k++ {
				a, b := st.Chain[k], st.Chain[k+1]
				if a.Kind != claimtrail.KindOutlet || b.Kind != claimtrail.KindOutlet {
					continue
				}
				ka, kb := nlp.SourceKey(a.Name), nlp.SourceKey(b.Name)
				if ka == kb || seen[[2]string{ka, kb}] {
					continue
				}
				seen[[2]string{ka, kb}] = true
				out[ka] = append(out[ka], kb)
			}
		}
	}
	return out
}

// root follows an outlet through the outlets it relays: an outlet that cites
// exactly one other outlet in the story passes that outlet's reporting on.
func root(key string, relays map[string][]string) string {
	for hops := 0; hops < 8; hops++ {
		next := relays[key]
		if len(next) != 1 {
			return key
		}
		key = next[0]
	}
	return key
}

// origin is one independent ultimate source of a claim.
type origin struct {
	key string
	src claimtrail.Source
}

// origins returns a claim's independent origins. Each asserting statement's
// chain is walked from its speaker back: a named speaker is its own origin;
// an anonymous source or a document belongs to the outlet or party that cites
// it, after following that outlet's relays; a statement in an outlet's own
// voice has that outlet as origin, or the original's outlet for a copy.
// Origins with the same root count once.
func (b *Builder) origins(stmts []claimtrail.Statement, relays map[string][]string, outlets, names map[string]string) []claimtrail.Source {
	var found []origin
	for _, st := range stmts {
		if st.Polarity != claimtrail.Asserts || len(st.Chain) == 0 {
			continue
		}
		chain := st.Chain
		if orig, ok := b.CopyOf[st.Article]; ok && outlets[orig] != "" {
			chain = append([]claimtrail.Source{{Name: outlets[orig], Kind: claimtrail.KindOutlet}}, chain[1:]...)
		}
		found = append(found, originOf(chain, relays, names))
	}
	return merge(found)
}

// originOf walks one chain to its origin.
func originOf(chain []claimtrail.Source, relays map[string][]string, names map[string]string) origin {
	speaker := chain[len(chain)-1]
	switch {
	case len(chain) == 1:
		return origin{key: nlp.SourceKey(speaker.Name), src: speaker}
	case speaker.Kind == claimtrail.KindAnonymous || speaker.Kind == claimtrail.KindDocument:
		owner := chain[len(chain)-2]
		key := nlp.SourceKey(owner.Name)
		if len(chain) > 2 && owner.Kind == claimtrail.KindOutlet {
			key = root(key, relays) // a cited outlet's sources are its root's sources
		}
		return origin{key: key, src: claimtrail.Source{Name: speaker.Name + " (" + ownerName(key, owner, names) + ")", Kind: speaker.Kind}}
	case speaker.Kind == claimtrail.KindOutlet && len(chain) > 1:
		key := root(nlp.SourceKey(speaker.Name), relays)
		return origin{key: key, src: claimtrail.Source{Name: ownerName(key, speaker, names), Kind: claimtrail.KindOutlet}}
	}
	return origin{key: nlp.SourceKey(speaker.Name), src: speaker}
}

// ownerName finds the display name of the source with the given key as the
// story first named it, falling back to the owner as named.
func ownerName(key string, owner claimtrail.Source, names map[string]string) string {
	if n, ok := names[key]; ok {
		return n
	}
	return owner.Name
}

// displayNames maps folded source names to the first spelling seen.
func displayNames(claims []claimtrail.Claim) map[string]string {
	names := map[string]string{}
	for _, c := range claims {
		for _, st := range c.Statements {
			for _, s := range st.Chain {
				if k := nlp.SourceKey(s.Name); names[k] == "" {
					names[k] = s.Name
				}
			}
		}
	}
	return names
}

// merge keeps one origin per key, preferring a named outlet's anonymous
// sources' longest description, in first-seen order.
func merge(found []origin) []claimtrail.Source {
	var keys []string
	best := map[string]claimtrail.Source{}
	for _, o := range found {
		cur, ok := best[o.key]
		if !ok {
			keys = append(keys, o.key)
			best[o.key] = o.src
			continue
		}
		if cur.Kind == claimtrail.KindOutlet && o.src.Kind == claimtrail.KindAnonymous {
			best[o.key] = o.src // the outlet's sources are the deeper origin
		}
	}
	out := make([]claimtrail.Source, 0, len(keys))
	for _, k := range keys {
		out = append(out, best[k])
	}
	return out
}

// members returns the articles that belong to the story: the largest group
// of articles joined by shared claims; where no claim joins two articles,
// the largest group joined by shared names; where nothing joins any two,
// every article (there is no telling which one is off the story).
func members(articles []claimtrail.Article, docs map[string]*nlp.Document, claims []claimtrail.Claim) map[string]bool {
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
			if names.overlap(articles[i].ID, articles[j].ID) >= 0.2 {
				byNames.union(articles[i].ID, articles[j].ID)
				related.union(articles[i].ID, articles[j].ID)
			}
		}
	}
	story := related.largest(nil)
	in := byClaims.largest(story)
	if len(in) > 1 {
		// Articles no claim joins, but that name what the story names
		// (a short denial that matched nothing), belong too.
		for _, a := range articles {
			if in[a.ID] {
				continue
			}
			for id := range in {
				if names.overlap(a.ID, id) >= 0.2 {
					in[a.ID] = true
					break
				}
			}
		}
		return in
	}
	if len(articles) <= 1 {
		return in
	}
	if in = byNames.largest(nil); len(in) > 1 {
		return in
	}
	for _, a := range articles {
		in[a.ID] = true
	}
	return in
}

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
