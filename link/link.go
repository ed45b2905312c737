// Package link joins statements from many articles into claims: statements
// that state the same proposition become one claim, and a denial joins every
// claim it negates. Candidates come from an inverted index of entity keys,
// quantities and content stems, so a statement is compared only with claims
// that share a telling feature with it, never with every other statement.
package link

import (
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/nlp"
	"github.com/kljensen/snowball/english"
)

// Linker joins statements into claims.
type Linker struct {
	// Join is the similarity at or above which an assertion joins a claim.
	Join float64
	// Deny is the similarity at or above which a denial joins a claim.
	Deny float64
	// Members is how many of a claim's statements a candidate is compared
	// with; it bounds the cost of linking one statement.
	Members int
	// Posting is the most claims one index feature may point at before it
	// is too common to propose candidates.
	Posting int
}

// New returns a Linker with the thresholds tuned on claimtrail's examples.
func New() *Linker { return &Linker{Join: 0.3, Deny: 0.33, Members: 8, Posting: 64} }

// Link groups statements into claims. docs maps article IDs to their
// analyses (for entities and quantities). Claims come back in order of first
// appearance, without IDs, stances or verdicts: the story package adds those.
func (l *Linker) Link(docs map[string]*nlp.Document, stmts []claimtrail.Statement) []claimtrail.Claim {
	items := make([]item, len(stmts))
	for i := range stmts {
		items[i] = newItem(docs[stmts[i].Article], &stmts[i])
	}
	weighByRarity(items)
	b := &builder{l: l, items: items, index: map[string][]int{}}
	var denials, negations []int
	for i := range items {
		st := items[i].st
		switch {
		case st.Polarity == claimtrail.Denies && st.Negated:
			negations = append(negations, i)
		case st.Polarity == claimtrail.Denies:
			denials = append(denials, i)
		default:
			b.assert(i)
		}
	}
	for _, i := range negations {
		if !b.deny(i) {
			items[i].st.Polarity = claimtrail.Asserts // a negative fact, not a denial
			b.assert(i)
		}
	}
	var bare []int
	for _, i := range denials {
		if !b.deny(i) {
			bare = append(bare, i)
		}
	}
	b.attachBare(bare)
	return b.claims()
}

// item is a statement with its linking features.
type item struct {
	st    *claimtrail.Statement
	text  string // the content's text
	feats map[string]float64
	norm  float64
}

// Feature weights: names and numbers tell more than common words.
const (
	weightName     = 2.0
	weightPlace    = 1.2
	weightQuantity = 2.5
	weightStem     = 1.0
)

func newItem(doc *nlp.Document, st *claimtrail.Statement) item {
	it := item{st: st, feats: map[string]float64{}}
	if doc == nil {
		return it
	}
	span := st.Content
	text := doc.Text()
	it.text = span.In(text)
	if st.Polarity == claimtrail.Denies && st.Negates != "" && !st.Negated {
		if k := strings.Index(span.In(text), st.Negates); k >= 0 {
			span = claimtrail.Span{Start: span.Start + k, End: span.Start + k + len(st.Negates)}
		}
	}
	speaker := nlp.Fold(st.Speaker().Name)
	for _, e := range doc.EntitiesIn(span) {
		if e.Key == "" || e.Key == speaker {
			continue
		}
		w := weightName
		if e.Label == nlp.Place {
			w = weightPlace
		}
		it.feats["e:"+e.Key] = w
	}
	for _, q := range doc.QuantitiesIn(span) {
		if q.Unit == "year" {
			continue
		}
		it.feats["q:"+strconv.FormatFloat(q.Value, 'f', -1, 64)] = weightQuantity
	}
	for _, s := range Stems(span.In(text)) {
		if _, ok := it.feats["s:"+s]; !ok {
			it.feats["s:"+s] = weightStem
		}
	}
	for _, w := range it.feats {
		it.norm += w * w
	}
	it.norm = math.Sqrt(it.norm)
	return it
}

// weighByRarity scales each feature by its inverse statement frequency, so
// that the names every statement of a story shares ("Pakistan", "Gaza") tell
// less than the ones only a few share ("Mossad", "20,000").
func weighByRarity(items []item) {
	df := map[string]int{}
	for _, it := range items {
		for f := range it.feats {
			df[f]++
		}
	}
	n := float64(len(items))
	for i := range items {
		it := &items[i]
		it.norm = 0
		for f, w := range it.feats {
			w *= math.Log(1 + n/float64(df[f]))
			it.feats[f] = w
			it.norm += w * w
		}
		it.norm = math.Sqrt(it.norm)
	}
}

// similarity is the cosine of two items' weighted feature sets. Two
// statements must share a name or a number, besides words, to be alike.
func similarity(a, b *item) float64 {
	s, _ := overlap(a, b)
	return s
}

// overlap returns the cosine of two items and how many names and numbers
// they share.
func overlap(a, b *item) (float64, int) {
	if a.norm == 0 || b.norm == 0 {
		return 0, 0
	}
	dot, telling := 0.0, 0
	for f, w := range a.feats {
		if v, ok := b.feats[f]; ok {
			dot += w * v
			if f[0] != 's' {
				telling++
			}
		}
	}
	cos := dot / (a.norm * b.norm)
	if telling == 0 && cos < 0.4 {
		return 0, 0 // without a shared name or number, only near-identical wording links
	}
	return cos, telling
}

// containment is the weighted share of d's features that m also has, and
// how many names and numbers they share: a short denial ("had not proposed
// any troop deployment to Gaza") is measured by how much of it the claim
// holds, not by how much of the claim it repeats.
func containment(d, m *item) (float64, int) {
	sum, dot, telling, words := 0.0, 0.0, 0, 0
	for f, w := range d.feats {
		sum += w
		if _, ok := m.feats[f]; ok {
			dot += w
			if f[0] != 's' {
				telling++
			} else {
				words++
			}
		}
	}
	if sum == 0 || words == 0 {
		return 0, 0 // sharing only names says nothing of the predicate
	}
	return dot / sum, telling
}

// builder accumulates claims as statements arrive.
type builder struct {
	l       *Linker
	items   []item
	members [][]int          // claim → items
	deniers [][]int          // claim → denial items
	index   map[string][]int // telling feature → claims
}

// candidates returns the claims that share a telling feature with item i.
func (b *builder) candidates(i int) []int {
	seen := map[int]bool{}
	var out []int
	for f := range b.items[i].feats {
		post := b.index[f]
		if len(post) > b.l.Posting {
			continue
		}
		for _, c := range post {
			if !seen[c] {
				seen[c] = true
				out = append(out, c)
			}
		}
	}
	sort.Ints(out)
	return out
}

// score is the best similarity of item i to the first members of claim c.
func (b *builder) score(i, c int) float64 {
	best := 0.0
	for k, m := range b.members[c] {
		if k == b.l.Members {
			break
		}
		if s := similarity(&b.items[i], &b.items[m]); s > best {
			best = s
		}
	}
	return best
}

// assert adds assertion i to the best matching claim or starts a new one.
func (b *builder) assert(i int) {
	best, bestScore := -1, b.l.Join
	for _, c := range b.candidates(i) {
		if s := b.score(i, c); s >= bestScore {
			best, bestScore = c, s
		}
	}
	if best < 0 {
		best = len(b.members)
		b.members = append(b.members, nil)
		b.deniers = append(b.deniers, nil)
	}
	b.members[best] = append(b.members[best], i)
	for f := range b.items[i].feats {
		if f[0] == 's' && len(f) < 6 {
			continue // short stems are too common to propose candidates
		}
		post := b.index[f]
		if len(post) == 0 || post[len(post)-1] != best {
			b.index[f] = append(post, best)
		}
	}
}

// denyScore is the best similarity of denial i to the first members of
// claim c among members sharing at least two names or numbers with it: a
// denial must name what it denies.
func (b *builder) denyScore(i, c int) float64 {
	best := 0.0
	for k, m := range b.members[c] {
		if k == b.l.Members {
			break
		}
		if s, n := containment(&b.items[i], &b.items[m]); n >= 2 && s > best {
			best = s
		}
	}
	return best
}

// deny attaches denial i to every claim it matches, reporting whether any did.
func (b *builder) deny(i int) bool {
	matched := false
	for _, c := range b.candidates(i) {
		if b.items[b.members[c][0]].st.Negated || b.assertedBy(c, b.items[i].st) {
			continue // a negative fact, or the denier's own claim
		}
		if b.denyScore(i, c) >= b.l.Deny {
			b.deniers[c] = append(b.deniers[c], i)
			matched = true
		}
	}
	return matched
}

// assertedBy reports whether the speaker of st asserts claim c in the same
// article: a speaker does not deny their own claim.
func (b *builder) assertedBy(c int, st *claimtrail.Statement) bool {
	for _, m := range b.members[c] {
		o := b.items[m].st
		if o.Article == st.Article && sameSpeaker(o, st) {
			return true
		}
	}
	return false
}

// attachBare gives a bare verdict ("the news item is fabricated") to the
// claims the same speaker denied specifically in the same article: it is
// more evidence of that denial, not a denial of everything.
func (b *builder) attachBare(bare []int) {
	for _, i := range bare {
		st := b.items[i].st
		for c, ds := range b.deniers {
			for _, d := range ds {
				o := b.items[d].st
				if o.Article == st.Article && sameSpeaker(o, st) {
					b.deniers[c] = append(b.deniers[c], i)
					break
				}
			}
		}
	}
}

func sameSpeaker(a, b *claimtrail.Statement) bool {
	return nlp.Fold(a.Speaker().Name) == nlp.Fold(b.Speaker().Name)
}

// claims turns the groups into claims with a canonical wording each.
func (b *builder) claims() []claimtrail.Claim {
	out := make([]claimtrail.Claim, 0, len(b.members))
	for c, ms := range b.members {
		claim := claimtrail.Claim{Text: b.canonical(ms)}
		all := append(append([]int{}, ms...), b.deniers[c]...)
		sort.Ints(all)
		for k, i := range all {
			if k > 0 && all[k-1] == i {
				continue
			}
			claim.Statements = append(claim.Statements, *b.items[i].st)
		}
		out = append(out, claim)
	}
	return out
}

// canonical picks the wording of the member most like the others, preferring
// shorter ones; a lone statement is its own wording.
func (b *builder) canonical(ms []int) string {
	best, bestScore := ms[0], math.Inf(-1)
	for _, i := range ms {
		s := 0.0
		for _, j := range ms {
			if i != j {
				s += similarity(&b.items[i], &b.items[j])
			}
		}
		s -= float64(len(b.items[i].feats)) * 0.01
		if s > bestScore {
			best, bestScore = i, s
		}
	}
	return Wording(b.items[best].text)
}

// Wording turns a statement's content into a claim's text: one line without
// stray quotation marks, at most 240 bytes, cut at a word boundary.
func Wording(content string) string {
	s := strings.Join(strings.Fields(content), " ")
	s = strings.Trim(s, "“”\"‘’ ,;:")
	if strings.Count(s, "“") > strings.Count(s, "”") {
		s += "”"
	}
	if len(s) > 240 {
		cut := strings.LastIndexByte(s[:240], ' ')
		if cut < 120 {
			cut = 240
			for cut > 0 && s[cut]&0xC0 == 0x80 {
				cut--
			}
		}
		s = s[:cut] + " …"
	}
	if s != "" {
		s = strings.ToUpper(s[:1]) + s[1:]
	}
	return s
}

// Stems returns the stems of the common words of text. Capitalised words
// are left out: they are names, which the entity features already carry.
func Stems(text string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(text, notWordRune) {
		if len(w) < 3 || w[0] >= 'A' && w[0] <= 'Z' {
			continue
		}
		w = strings.ToLower(w)
		if stopwords[w] {
			continue
		}
		out = append(out, english.Stem(w, false))
	}
	return out
}

func notWordRune(r rune) bool {
	return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r > 127 && r != '’' && r != '‘' && r != '“' && r != '”' && r != '—' && r != '–')
}
