// Package link joins statements from many articles into claims: statements
// that state the same proposition become one claim, and a denial joins every
// claim it negates. Candidates come from an inverted index of entity keys,
// quantities and content stems, so a statement is compared only with claims
// that share a telling feature with it, never with every other statement.
package link

import (
	"context"
	"math"
	"regexp"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/nlp"
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
	// Candidates is how many claims, those sharing the most indexed
	// features, a statement is compared with.
	Candidates int
	// Subsumes is the share of a shorter assertion that a longer one must
	// hold for the two to state the same proposition.
	Subsumes float64
}

// New returns a Linker with the thresholds tuned on claimtrail's examples.
func New() *Linker {
	return &Linker{Join: 0.3, Deny: 0.33, Members: 4, Posting: 48, Candidates: 12, Subsumes: 0.6}
}

// Link groups statements into claims. docs maps article IDs to their
// analyses (for entities and quantities). Claims come back in order of first
// appearance, without IDs, stances or verdicts: the story package adds those.
func (l *Linker) Link(docs map[string]*nlp.Document, stmts []claimtrail.Statement) []claimtrail.Claim {
	claims, _ := l.LinkContext(context.Background(), docs, stmts)
	return claims
}

// LinkContext is Link stopping, with the context's error, when ctx is done.
func (l *Linker) LinkContext(ctx context.Context, docs map[string]*nlp.Document, stmts []claimtrail.Statement) ([]claimtrail.Claim, error) {
	stmts = splitContrasts(docs, stmts)
	items, v := newItems(docs, splitCoordinated(docs, stmts))
	b := &builder{l: l, items: items, index: map[uint32][]int{}, docs: docs, vocab: v, names: articleNames(docs),
		asserted: map[claimSpeaker]bool{}, assertedBy: map[claimArticle][]string{}, denied: map[speakerKey][]int{}, deniedPlain: map[speakerKey][]int{}}
	b.retracted = retractedFigures(docs, items)
	var denials, negations []int
	for i := range items {
		if i%256 == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
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
	var bare []int
	denied := b.denyAll(ctx, denials)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	var verdicts []verdictMatch
	for k, claims := range denied {
		if k%256 == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		if b.verdictOnThing(denials[k]) {
			verdicts = append(verdicts, verdictMatch{denials[k], claims})
			continue // placed once the speaker's negations are placed too
		}
		if !b.attach(denials[k], b.narrowToClaimant(denials[k], claims)) && !b.answer(denials[k]) && !b.denyFigure(denials[k]) {
			bare = append(bare, denials[k])
		}
	}
	// Negations deny only claims that start positive, which their own
	// asserting below never adds, so all can be matched at once first.
	negMatches := b.denyAll(ctx, negations)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	for k, i := range negations {
		if k%256 == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		// An outlet's own negation ("the carrier had not lost an aircraft
		// before") is a negative fact it reports, not a denial of a source.
		if c := b.continuesOwn(i, negMatches[k]); c >= 0 {
			items[i].st.Polarity = claimtrail.Asserts // the party's own finding, part of its claim
			b.addMember(c, i)
			continue
		}
		// A negation inside a subordinate clause negates nothing the
		// content states (negscope.go): the content is a fact.
		own := len(items[i].st.Chain) <= 1 || !b.scopeOf(i).main
		if own || !b.denyNegation(i, negMatches[k]) {
			items[i].st.Polarity = claimtrail.Asserts // a negative fact, not a denial
			b.assert(i)
		}
	}
	bare = append(bare, b.attachVerdicts(verdicts)...)
	b.attachBare(bare)
	b.denyReported()
	for _, i := range negations {
		if items[i].st.Polarity == claimtrail.Denies {
			b.denyEachAct(i) // a denial of one claim may deny the acts of others
		}
	}
	b.mergeParaphrases()
	return b.claims(), nil
}

// denyNegation joins negation i to the claims it denies, trying each way
// in turn: the claims it matched by its words (matched) that hold its
// focus, a restated or neighbouring denial's claims, the claim it answers
// by its words, the acts it lists, and last the claim it answers by
// structure (answerByFrame). It reports whether it joined any.
func (b *builder) denyNegation(i int, matched []int) bool {
	return b.attach(i, b.narrowedAs(i, b.holdingFocus(i, matched))) || b.denyRestated(i) || b.denyAlongside(i) ||
		b.denySame(i) || b.answer(i) || b.denyEachAct(i) || b.answerByFrame(i)
}

// item is a statement with its linking features.
type item struct {
	st    *claimtrail.Statement
	text  string    // the content's text
	feats []feature // sorted by id
	// negative marks a negated statement, or content stated negatively
	// ("awarded without a tender"): negative statements agree with each
	// other, and a negation denies only what is stated positively.
	negative bool
	speaker  string  // nlp.SourceKey of the statement's speaker
	norm     float64 // Euclidean norm of the weights
	// frame is the statement's predicate and subject, parsed on first
	// need (builder.frameOf), when framed.
	frame  frame
	framed bool
	// pred is the statement's main predicate and its named obliques,
	// parsed on first need (builder.predicateOf), when predded.
	pred    predicate
	predded bool
	// core is the statement's core (see core), parsed on first need.
	core *coreResult
	// span is the content whose features the item holds: for a denial,
	// the proposition it negates.
	span claimtrail.Span
	// lead is the key of the first entity the content names: two
	// statements whose first names agree are never parsed for opposed
	// frames (a subject is mostly the first name).
	lead string
	sum  float64 // sum of the weights
	// figs are the content's figures for counted nouns (figured);
	// rawFigs hold them until their features are interned.
	figs    []figure
	rawFigs []rawFigure
	// reads are the content's figures as the parse reads them
	// (readFigures), on first need, when read.
	reads []figureRead
	read  bool
	// denial is reportsDenial of text, read on first need, when
	// denialRead.
	denial, denialRead bool
}

// feature is one interned feature of a statement with its weight.
type feature struct {
	id      uint32
	w       float64
	telling bool // a name or a number, not a common word
	indexed bool // proposes candidates
	// count marks a number, or the word of one ("five", "300"): it says
	// how many, not of what, so sharing only counts is no sign of one
	// proposition (see sharesContent).
	count bool
}

// Feature weights: names and numbers tell more than common words.
const (
	weightName     = 2.0
	weightPlace    = 1.2
	weightQuantity = 2.5
	weightStem     = 1.0
)

// vocab interns feature strings.
type vocab map[string]uint32

func (v vocab) id(s string) uint32 {
	if id, ok := v[s]; ok {
		return id
	}
	id := uint32(len(v))
	v[s] = id
	return id
}

// newItems computes the statements' features on every core, then interns
// them in statement order (so feature IDs do not depend on scheduling) and
// weighs them by rarity.
func newItems(docs map[string]*nlp.Document, stmts []claimtrail.Statement) ([]item, vocab) {
	items := make([]item, len(stmts))
	raws := make([][]rawFeature, len(stmts))
	workers := runtime.GOMAXPROCS(0)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			stems := newStemmer()
			for i := w; i < len(stmts); i += workers {
				items[i], raws[i] = rawItem(stems, docs[stmts[i].Article], &stmts[i])
				items[i].speaker = nlp.SourceKey(stmts[i].Speaker().Name)
			}
		}(w)
	}
	wg.Wait()
	v := vocab{}
	for i := range items {
		items[i].intern(v, raws[i])
	}
	weighByRarity(items)
	return items, v
}

// rawFeature is a feature before interning.
type rawFeature struct {
	key                     string
	w                       float64
	telling, indexed, count bool
}

// intern gives the item its features as sorted IDs, once each.
func (it *item) intern(v vocab, raws []rawFeature) {
	seen := map[uint32]bool{}
	for _, r := range raws {
		id := v.id(r.key)
		if !seen[id] {
			seen[id] = true
			it.feats = append(it.feats, feature{id: id, w: r.w, telling: r.telling, indexed: r.indexed, count: r.count})
		}
	}
	for _, f := range it.rawFigs {
		it.figs = append(it.figs, figure{value: f.value, unit: f.unit, id: v.id(f.key)})
	}
	it.rawFigs = nil
	sort.Slice(it.feats, func(i, j int) bool { return it.feats[i].id < it.feats[j].id })
}

// newItem builds one item, for callers outside Link.
func newItem(v vocab, stems stemmer, doc *nlp.Document, st *claimtrail.Statement) item {
	it, raws := rawItem(stems, doc, st)
	it.intern(v, raws)
	return it
}

// rawItem computes a statement's features: the keys of the entities and
// quantities in its content, and the stems of its common words.
func rawItem(stems stemmer, doc *nlp.Document, st *claimtrail.Statement) (item, []rawFeature) {
	it := item{st: st}
	if doc == nil {
		return it, nil
	}
	span := st.Content
	text := doc.Text()
	it.text = span.In(text)
	it.negative = st.Negated || negativeWording(it.text)
	// words is the text whose words the item holds: the content, or what a
	// denial negates when written out apart from it (a figure correction's
	// "number of affected customers 4.2 million"), whose names and numbers
	// are then those of the content it repeats.
	words := ""
	if st.Polarity == claimtrail.Denies && st.Negates != "" && !st.Negated {
		if k := strings.Index(span.In(text), st.Negates); k >= 0 {
			span = claimtrail.Span{Start: span.Start + k, End: span.Start + k + len(st.Negates)}
		} else {
			words = st.Negates
		}
	}
	if st.Polarity == claimtrail.Denies && !st.Negated {
		span = reported(text, span)
	}
	if st.Negated {
		span = negatedClauses(text, span)
	}
	it.span = span
	var raws []rawFeature
	add := func(key string, w float64, telling, indexed bool) {
		raws = append(raws, rawFeature{key: key, w: w, telling: telling, indexed: indexed})
	}
	speaker := nlp.SourceKey(st.Speaker().Name)
	for _, e := range doc.EntitiesIn(span) {
		if e.Key == "" || e.Key == speaker || words != "" && !strings.Contains(words, e.Text) {
			continue
		}
		if it.lead == "" && e.Label != nlp.Outlet {
			it.lead = e.Key
		}
		w := weightName
		if e.Label == nlp.Place {
			w = weightPlace
		}
		add("e:"+e.Key, w, true, true)
	}
	for _, e := range referents(doc, span) {
		if e.Key != speaker && words == "" {
			add("e:"+e.Key, weightName, true, true) // a description of what the article named (coref.go)
		}
	}
	var qs []nlp.Quantity
	for _, q := range doc.QuantitiesIn(span) {
		if words != "" && !strings.Contains(words, q.Text) {
			continue
		}
		qs = append(qs, q)
		if q.Unit != "year" {
			raws = append(raws, rawFeature{key: quantityKey(q.Value), w: weightQuantity, telling: true, indexed: true, count: !specific(q.Value)})
		}
	}
	it.rawFigs = figures(stems, qs)
	if words == "" {
		words = span.In(text)
		if st.Polarity == claimtrail.Denies && !st.Negated {
			// "dismissed a death hoax about the singer" denies the death,
			// not a hoax: the words naming the report are no content.
			if frame := reportFrame(doc, span); frame != nil {
				words = withoutFrame(text, span, frame)
			}
		}
	}
	for _, s := range stems.stems(words) {
		raws = append(raws, rawFeature{key: "s:" + s, w: weightStem, indexed: len(s) >= 5, // short stems are too common to propose candidates
			count: countStem(s)})
	}
	return it, raws
}

// reportThat finds the opening of a denial's object that names a report
// rather than states a proposition: "a newspaper report that …", "Vintrian's
// accusation that …", "reports that …", "the suggestion that …".
var reportThat = regexp.MustCompile(`(?i)^(?:[\p{L}'’-]+\s+){0,6}?(?:reports?|claims?|accusations?|allegations?|suggestions?|findings?|rumou?rs?|assertions?|stor(?:y|ies))\s+(?:[\p{L}'’-]+\s+){0,4}?that\s+`)

// reported narrows a denial's object to the proposition the report it names
// put forward: a denial of "a newspaper report that the jet had missed an
// inspection" answers the claim that the jet missed an inspection, not every
// claim about the jet.
func reported(text string, span claimtrail.Span) claimtrail.Span {
	if m := reportThat.FindStringIndex(span.In(text)); m != nil && span.Start+m[1] < span.End {
		span.Start += m[1]
	}
	return span
}

// clauseJoins are the joins after which a negation's content may go on
// with a clause of another kind ("…, and I will prove it").
var clauseJoins = []string{", and ", ", but ", "; "}

// negatedClauses narrows a negation's content to its clauses up to the last
// one holding a negator: "I have never taken stanozolol or any other
// banned substance, and I will prove it" negates the first clause only,
// whose words alone say what is denied; "he has not been charged, and he
// has not been suspended" keeps both.
func negatedClauses(text string, span claimtrail.Span) claimtrail.Span {
	content := span.In(text)
	end := len(content)
	for {
		cut := -1
		for _, j := range clauseJoins {
			if k := strings.LastIndex(content[:end], j); k > cut {
				cut = k
			}
		}
		if cut <= 0 || negativeWording(content[cut:end]) {
			break
		}
		end = cut
	}
	span.End = span.Start + end
	return span
}

// negativeWording reports whether text states something negatively.
func negativeWording(text string) bool {
	for w := range nlp.Words(text) {
		switch w.Form {
		case "no", "not", "never", "without", "none", "nobody", "nothing", "neither", "nor", "cannot":
			return true
		}
		if strings.HasSuffix(w.Form, "n't") {
			return true
		}
	}
	return false
}

// weighByRarity scales each feature by its inverse statement frequency, so
// that the names every statement of a story shares ("Pakistan", "Gaza") tell
// less than the ones only a few share ("Interpol", "20,000").
func weighByRarity(items []item) {
	df := map[uint32]int{}
	for _, it := range items {
		for _, f := range it.feats {
			df[f.id]++
		}
	}
	n := float64(len(items))
	for i := range items {
		it := &items[i]
		it.norm, it.sum = 0, 0
		for k := range it.feats {
			f := &it.feats[k]
			f.w *= math.Log(1 + n/float64(df[f.id]))
			it.norm += f.w * f.w
			it.sum += f.w
		}
		it.norm = math.Sqrt(it.norm)
	}
}

// similarity is the cosine of two items' weighted feature sets. Without a
// shared name or number, only near-identical wording counts.
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
	d, telling, _ := dot(a, b)
	cos := d / (a.norm * b.norm)
	if telling == 0 && cos < 0.4 {
		return 0, 0
	}
	return cos, telling
}

// dot is the dot product of two items' weighted features, merging their
// sorted lists, with the number of telling features (names, numbers) they
// share and the number of shared features that are more than counts.
func dot(a, b *item) (float64, int, int) {
	d, telling, content := 0.0, 0, 0
	for i, j := 0, 0; i < len(a.feats) && j < len(b.feats); {
		fa, fb := &a.feats[i], &b.feats[j]
		switch {
		case fa.id < fb.id:
			i++
		case fa.id > fb.id:
			j++
		default:
			d += fa.w * fb.w
			if fa.telling {
				telling++
			}
			if !fa.count {
				content++
			}
			i++
			j++
		}
	}
	return d, telling, content
}

// containment is the weighted share of d's features that m also has, and
// how many names and numbers they share: a short denial ("had not proposed
// any troop deployment to Gaza") is measured by how much of it the claim
// holds, not by how much of the claim it repeats. Sharing only names says
// nothing of the predicate, so at least one common word must be shared too.
func containment(d, m *item) (float64, bool) {
	c, telling, words := containedIn(d, m)
	// A denial must name what it denies: two names or numbers and a word of
	// the predicate, one name and three words, three names, where it
	// refers back with common words ("the bank"), four words and half its
	// weight, three features nearly all found in the claim, or the claim's
	// very words.
	named := telling >= 2 && words >= 1 || telling >= 1 && words >= 3 || telling >= 3 ||
		words >= 3 && c >= 0.4 || // "the bank would raise its main interest rate": much of it, in common words
		words >= 2 && c >= 0.6 || // "tanks had surrounded the palace": most of a short denial
		c >= 0.9 && telling+words >= 3 || // nearly all of it in the claim
		c >= 0.999 && words >= 2 && len(d.feats) == len(m.feats) // the very same words: "the plant would close in June"
	return c, named
}

// builder accumulates claims as statements arrive.
type builder struct {
	l       *Linker
	items   []item
	members [][]int          // claim → items
	deniers [][]int          // claim → denial items
	index   map[uint32][]int // indexed feature → claims
	docs    map[string]*nlp.Document
	vocab   vocab
	// names holds each article's entity keys (articleNames), read only.
	names map[string]map[string]bool
	sc    scratch // for candidate searches on the builder's goroutine
	// Who said what, so that "does this speaker assert or deny that claim
	// in this article?" is a look-up, not a walk over a claim's members:
	// in one long article a claim may gather thousands.
	asserted map[claimSpeaker]bool // a member's claim, article and speaker
	// assertedBy lists the names of the speakers asserting a claim in one
	// article, so
	// that a denier can be compared with them (sameParty).
	assertedBy  map[claimArticle][]string
	denied      map[speakerKey][]int // article and speaker → claims they deny, ascending
	deniedPlain map[speakerKey][]int // the same for deniers that are not negations
	// retracted holds, by article, the figures its correction notes
	// withdraw (retractedFigures): read only once linking starts.
	retracted map[string]map[float64]bool
}

// claimArticle is a claim in one article.
type claimArticle struct {
	claim   int
	article string
}

// speakerKey is a speaker in one article.
type speakerKey struct{ article, speaker string }

// claimSpeaker is a speaker of one claim in one article.
type claimSpeaker struct {
	claim int
	speakerKey
}

func (b *builder) speakerOf(i int) speakerKey {
	return speakerKey{b.items[i].st.Article, b.items[i].speaker}
}

// addDenier records item i as denying claim c.
func (b *builder) addDenier(c, i int) {
	b.deniers[c] = append(b.deniers[c], i)
	k := b.speakerOf(i)
	b.denied[k] = insertClaim(b.denied[k], c)
	if !b.items[i].st.Negated {
		b.deniedPlain[k] = insertClaim(b.deniedPlain[k], c)
	}
}

// insertClaim adds c to the ascending list cs unless it is there.
func insertClaim(cs []int, c int) []int {
	k := sort.SearchInts(cs, c)
	if k < len(cs) && cs[k] == c {
		return cs
	}
	return slices.Insert(cs, k, c)
}

// candidates returns the claims that share the most indexed features with
// item i, at most Candidates of them: linking one statement costs a bounded
// number of comparisons however large the story grows.
func (b *builder) candidates(i int) []int {
	return b.candidatesIn(&b.sc, i, nil)
}

// scratch is the working memory of one candidate search.
type scratch struct {
	counts  []int // per claim, shared features with the item at hand; all zero between calls
	touched []int // claims counted for the item at hand
}

// candidatesIn is candidates with the caller's scratch, so that searches
// can run at once on several goroutines while the claims do not change;
// skip, when set, leaves claims out before the best are chosen.
func (b *builder) candidatesIn(sc *scratch, i int, skip func(c int) bool) []int {
	for len(sc.counts) < len(b.members) {
		sc.counts = append(sc.counts, 0)
	}
	touched := sc.touched[:0]
	for _, f := range b.items[i].feats {
		post := b.index[f.id]
		if !f.indexed || len(post) > b.l.Posting {
			continue
		}
		for _, c := range post {
			if skip != nil && skip(c) {
				continue
			}
			if sc.counts[c] == 0 {
				touched = append(touched, c)
			}
			sc.counts[c]++
		}
	}
	sort.Slice(touched, func(x, y int) bool {
		cx, cy := sc.counts[touched[x]], sc.counts[touched[y]]
		if cx != cy {
			return cx > cy
		}
		return touched[x] < touched[y]
	})
	for _, c := range touched {
		sc.counts[c] = 0
	}
	sc.touched = touched
	if len(touched) > b.l.Candidates {
		touched = touched[:b.l.Candidates]
	}
	return append([]int(nil), touched...)
}

// score is the best similarity of item i to the first members of claim c.
func (b *builder) score(i, c int) float64 {
	best := 0.0
	for k, m := range b.members[c] {
		if k == b.l.Members {
			break
		}
		if s := b.alike(&b.items[i], &b.items[m]); s > best {
			best = s
		}
	}
	return best
}

// alike is how much two assertions state the same proposition: their
// cosine, or, when one says all the other says and more ("troops would act
// as a buffer force … and would secure the road"), the share of the shorter
// one that the longer holds, scaled onto the cosine's threshold.
func (b *builder) alike(x, y *item) float64 {
	if _, _, content := dot(x, y); content == 0 && (x.contentFeats() < fragmentFeats || y.contentFeats() < fragmentFeats || !b.oneStory(x, y)) {
		// Two assertions that share only counts ("all five are still
		// abroad", "a family of five tested positive") share no
		// proposition when one is a fragment, in which the count
		// weighs most, or when their articles name nothing in common
		// (two stories: the count is a coincidence).
		return 0
	}
	cos := similarity(x, y)
	if cos >= b.l.Join {
		return cos
	}
	if f := b.figured(x, y); f >= b.l.Join {
		return f
	}
	if b.oneEvent(x, y) {
		// Just above the threshold: a claim the pair's words join
		// better still wins.
		return math.Nextafter(b.l.Join, 1)
	}
	short, long := x, y
	if y.sum < x.sum {
		short, long = y, x
	}
	c, telling, words := containedIn(short, long)
	if words < 3 || telling == 0 && words < 5 {
		return cos
	}
	if sub := c * b.l.Join / b.l.Subsumes; sub > cos {
		return sub
	}
	return cos
}

// oneStory reports whether two items' articles may tell one story: the
// same article, or two that name one thing (entity key) in common. A
// builder without article names (Related) takes every pair as one story.
func (b *builder) oneStory(x, y *item) bool {
	if b.names == nil || x.st.Article == y.st.Article {
		return true
	}
	a, c := b.names[x.st.Article], b.names[y.st.Article]
	if len(c) < len(a) {
		a, c = c, a
	}
	for k := range a {
		if c[k] {
			return true
		}
	}
	return false
}

// articleNames maps each article to the keys of the entities it names,
// outlets left out (two articles of one outlet may tell any stories).
func articleNames(docs map[string]*nlp.Document) map[string]map[string]bool {
	out := make(map[string]map[string]bool, len(docs))
	for id, d := range docs {
		m := map[string]bool{}
		for _, e := range d.Entities {
			if e.Key != "" && e.Label != nlp.Outlet {
				m[e.Key] = true
			}
		}
		out[id] = m
	}
	return out
}

// fragmentFeats is the fewest features besides counts that a statement
// needs for a shared count alone to join it.
const fragmentFeats = 3

// contentFeats is how many of the item's features are more than counts.
func (it *item) contentFeats() int {
	n := 0
	for _, f := range it.feats {
		if !f.count {
			n++
		}
	}
	return n
}

// containedIn is the weighted share of d's features found in m, with how
// many names or numbers and how many words they share.
func containedIn(d, m *item) (float64, int, int) {
	sum, dot, telling, words := 0.0, 0.0, 0, 0
	j := 0
	for i := range d.feats {
		f := &d.feats[i]
		sum += f.w
		for j < len(m.feats) && m.feats[j].id < f.id {
			j++
		}
		if j < len(m.feats) && m.feats[j].id == f.id {
			dot += f.w
			switch {
			case f.telling:
				telling++
			default:
				words++
			}
		}
	}
	if sum == 0 {
		return 0, 0, 0
	}
	return dot / sum, telling, words
}

// assert adds assertion i to the best matching claim or starts a new one.
func (b *builder) assert(i int) {
	c := b.countered(i)
	if c < 0 {
		c = b.roleCountered(i) // "the Kesta Moor's cargo was only grain"
	}
	if c >= 0 {
		// "carried only tents", against "carried rifles": the same act
		// with the one argument the speaker allows, a denial in other words.
		b.items[i].st.Polarity = claimtrail.Denies
		b.addDenier(c, i)
		return
	}
	best, bestScore := -1, b.l.Join
	negated := b.items[i].negative
	for _, c := range b.candidates(i) {
		if b.items[b.members[c][0]].negative != negated {
			continue // a negative fact never joins the positive claim it contradicts
		}
		s := b.score(i, c)
		if negated && s < copyScore && !b.sharesName(i, c) {
			continue // negative facts are alike only about the same named thing, or word for word
		}
		if s > bestScore && b.otherUnits(i, c) {
			continue // one number of other units: another claim may still be the one
		}
		if s > bestScore || s == bestScore && best >= 0 && c < best {
			best, bestScore = c, s
		}
	}
	if best >= 0 && (bestScore < coreBand && b.contradicts(i, best) || b.opposite(i, best)) {
		b.items[i].st.Polarity = claimtrail.Denies // the contrary of the claim, in other words
		b.addDenier(best, i)
		return
	}
	// A near copy says the same of the same names: only a looser match
	// is worth parsing for a predicate that sets it apart.
	if best >= 0 && (b.opposes(i, b.members[best][0]) || b.mirrors(i, best) || bestScore < copyScore && b.apart(i, b.members[best][0]) ||
		bestScore < coreBand && b.coresApart(i, best) || b.listsApart(i, best) || b.otherEvent(i, best) || b.correctedApart(i, best)) {
		best = -1 // the same act by another party, or another thing said of the same names: a fact of its own
	}
	if best < 0 {
		best = len(b.members)
		b.members = append(b.members, nil)
		b.deniers = append(b.deniers, nil)
	}
	b.addMember(best, i)
}

// addMember adds assertion i to claim c.
func (b *builder) addMember(c, i int) {
	best := c
	b.members[best] = append(b.members[best], i)
	k := b.speakerOf(i)
	if ck := (claimSpeaker{best, k}); !b.asserted[ck] {
		b.asserted[ck] = true
		b.assertedBy[claimArticle{best, k.article}] = append(b.assertedBy[claimArticle{best, k.article}], b.items[i].st.Speaker().Name)
	}
	for _, f := range b.items[i].feats {
		if !f.indexed {
			continue
		}
		post := b.index[f.id]
		if len(post) == 0 || post[len(post)-1] != best {
			b.index[f.id] = append(post, best)
		}
	}
}

// opposes reports whether items i and j state one act by different named
// parties (opposed). Frames are parsed on first need: only for the pairs
// alike enough to join.
func (b *builder) opposes(i, j int) bool {
	x, y := &b.items[i], &b.items[j]
	if x.lead == "" || y.lead == "" || x.lead == y.lead || !x.names(b.vocab, y.lead) || !y.names(b.vocab, x.lead) {
		// Mirror acts name both parties, in another order; anything
		// else needs no parse.
		return false
	}
	// j is a claim's first member, compared with every statement that
	// comes close: its frame is parsed once, and i is parsed only when
	// j's frame could oppose anything.
	f := b.frameOf(j)
	if f.verb == "" || f.subject == "" {
		return false // opposed needs both of j's
	}
	return opposed(b.frameOf(i), f)
}

// apart reports whether items i and j, alike in their words, say
// different things of them: one predicate gives one argument different
// names ("the boat left from Port Kellan", "the boat left from Otterby, 60
// kilometres west of Port Kellan": conflicting), or one states only as a
// cause or a time what the other states (embeds). Predicates are parsed on
// first need: only for the pairs alike enough to join.
func (b *builder) apart(i, j int) bool {
	// j is a claim's first member, compared with every statement that
	// comes close: its predicate is parsed once, and i's only when j's
	// could set anything apart (a head, and named arguments for
	// conflicting or a subject for embeds).
	q := b.predicateOf(j)
	if q.head == "" || len(q.args) == 0 && q.subject == "" {
		return false
	}
	p := b.predicateOf(i)
	return conflicting(p, q) || embeds(p, q)
}

// predicateOf returns item i's predicate, parsing it on first need.
func (b *builder) predicateOf(i int) predicate {
	it := &b.items[i]
	if !it.predded {
		it.predded = true
		it.pred = predicateOf(b.docs[it.st.Article], it.st.Content, newStemmer())
	}
	return it.pred
}

func (b *builder) frameOf(i int) frame {
	it := &b.items[i]
	if !it.framed {
		it.framed = true
		it.frame = frameOf(b.docs[it.st.Article], it.st.Content, newStemmer())
	}
	return it.frame
}

// denyScore is the best containment of denial i in the first members of
// claim c that it names (see containment).
func (b *builder) denyScore(i, c int) float64 {
	best := 0.0
	for k, m := range b.members[c] {
		if k == b.l.Members {
			break
		}
		if s, named := containment(&b.items[i], &b.items[m]); named && s > best {
			best = s
		}
	}
	return best
}

// denyMatches returns the claims denial i negates. It only reads the
// claims, so several run at once (see denyAll). Claims that start negated
// (negative facts) are no candidates: a negation denies only what is stated
// positively.
func (b *builder) denyMatches(sc *scratch, i int) []int {
	var out []int
	var scores []float64
	best := 0.0
	skip := b.negatedClaim
	for _, c := range b.candidatesIn(sc, i, skip) {
		first := &b.items[b.members[c][0]]
		if b.items[i].st.Negated && first.negative || b.ownClaim(i, c) || b.mirrors(i, c) {
			continue // two negatives agree ("no record of any tender", "without a tender"); or the denier's own claim; or its mirror image
		}
		if s := b.denyScore(i, c); s >= b.l.Deny {
			out, scores = append(out, c), append(scores, s)
			best = max(best, s)
		}
	}
	// A denial answers the claim its object states: of the claims it
	// matches, the best, and those it matches nearly as well (one
	// proposition split over claims), not every claim sharing its names.
	kept := out[:0]
	for k, c := range out {
		if scores[k] >= denyNear*best {
			kept = append(kept, c)
		}
	}
	return kept
}

// answer joins denial i, which named no claim closely enough to deny it,
// to the one claim it answers, when some claim clearly stands out: the
// claim holding the largest share of the denial's words, at least
// answerShare of them and a word of the predicate, asserted by someone
// other than the denier. A negation must share what it negates (its focus
// in the parse, negatedFocus) and, when its subject is a common noun, that
// noun: "tests of the tap water found no contamination" answers no claim
// about contaminated chicken. A party that says "there is no cluster of
// seizures in Pellow" answers the claim that children in Pellow suffered
// seizures, though it shares only two of its words with it; a denial that
// matches no claim at all stays unattached. It reports whether it joined.
func (b *builder) answer(i int) bool {
	d := &b.items[i]
	if d.st.Speaker().Kind == claimtrail.KindAnonymous && d.st.Negated {
		return false // an unnamed source's negative is a fact it reports
	}
	all := func(int) bool { return true }
	best, share := b.answerIn(i, all)
	if !d.negative || share < answerShare {
		// An explicit denial needs no focus; and where no claim holds
		// enough of a negation's words, its focus cannot help: nothing
		// to parse.
		return best >= 0 && b.attach(i, []int{best})
	}
	// A negative answers the claim stating what it negates: "is a matter
	// for my government, not for me" answers nothing.
	var about []uint32
	focus, focusStems, subject := b.negationFocus(i)
	if len(focus) == 0 {
		return false
	}
	for _, s := range subject {
		id, ok := b.vocab["s:"+s]
		if !ok {
			return false // about something no claim names
		}
		about = append(about, id)
	}
	keep := func(m int) bool {
		return b.items[m].hasAny(about, len(about) > 0) && b.holdsFocus(m, focus, focusStems)
	}
	var answered []int
	if best, _ = b.answerIn(i, keep); best < 0 {
		answered = b.answerTied(i, keep)
	} else {
		answered = []int{best}
	}
	return b.attach(i, b.narrowedAs(i, b.aboutSelf(i, answered)))
}

// negationFocus returns the focus of negation i (negatedFocus) as the
// feature ids and stems of the words some statement uses, with the stems
// of its clause's subject.
func (b *builder) negationFocus(i int) (ids []uint32, stems, subject []string) {
	d := &b.items[i]
	all, subject := negatedFocus(b.docs[d.st.Article], d.st.Content, newStemmer())
	for _, s := range all {
		if id, ok := b.vocab["s:"+s]; ok {
			ids, stems = append(ids, id), append(stems, s)
		}
	}
	return ids, stems, subject
}

// answerTied returns the claims denial i answers equally (see answerIn)
// when each of them holds the head of what the denial negates as an
// argument (objectHead, holdsArgument): "no offer has been made" answers
// "the offer values the dairy at 2.1 billion euros" and "the offer was made
// in cash" alike, both statements of the offer it denies. A tie in words
// alone ("passwords had been taken" against two claims that merely mention
// passwords) stays unanswered; so does one with no head to read.
func (b *builder) answerTied(i int, keep func(m int) bool) []int {
	tied := b.tiedAnswers(i, keep)
	if len(tied) < 2 {
		return nil
	}
	d := &b.items[i]
	head := objectHead(b.docs[d.st.Article], d.span, newStemmer())
	id, ok := b.vocab["s:"+head]
	if head == "" || !ok {
		return nil
	}
	for _, c := range tied {
		if !b.holdsHead(c, id, head) {
			return nil
		}
	}
	return tied
}

// holdsHead reports whether one of claim c's first members holds the stem
// head (feature id) as an object or subject of one of its clauses.
func (b *builder) holdsHead(c int, id uint32, head string) bool {
	for k, m := range b.members[c] {
		if k == b.l.Members {
			break
		}
		st := b.items[m].st
		if b.items[m].has(id) && (holdsArgument(b.docs[st.Article], st.Content, head, newStemmer()) ||
			modifiesArgument(b.docs[st.Article], st.Content, head, newStemmer())) {
			return true
		}
	}
	return false
}

// denyFigure joins denial i, when it is a bare figure ("30" of "the
// correct figure is 12, not 30", contrast.go), to the one claim stating
// that figure that its speaker does not assert: a figure with no word
// cannot be matched by words, and where two claims state it the denial
// stays unattached. It reports whether it joined.
func (b *builder) denyFigure(i int) bool {
	d := &b.items[i]
	if len(d.feats) == 0 || !figureOnly.MatchString(strings.TrimSpace(d.text)) {
		return false
	}
	found := -1
	for _, c := range b.candidatesIn(&b.sc, i, func(c int) bool { return b.items[b.members[c][0]].st.Negated }) {
		if b.ownClaim(i, c) {
			continue
		}
		for k, m := range b.members[c] {
			if k == b.l.Members {
				break
			}
			if _, telling, _ := containedIn(d, &b.items[m]); telling == len(d.feats) {
				if found >= 0 {
					return false // two claims state the figure: which is denied is not said
				}
				found = c
				break
			}
		}
	}
	return found >= 0 && b.attach(i, []int{found})
}

// negatedClaim reports whether claim c starts negated (a negative fact):
// no denial answers it.
func (b *builder) negatedClaim(c int) bool {
	first := &b.items[b.members[c][0]]
	return first.st.Negated || first.reportsDenial()
}

// reportsDenial is reportsDenial of the item's text, read once: a claim's
// first member is asked at every denial that looks for its claim.
func (it *item) reportsDenial() bool {
	if !it.denialRead {
		it.denial, it.denialRead = reportsDenial(it.text), true
	}
	return it.denial
}

// denialReports are the words by which a claim reports a denial or a
// verdict itself ("both the tour and the agent have denied claims that
// …", "released a statement saying the claims are false"): a denial
// agrees with such a claim and is no answer to it.
var denialReports = map[string]bool{
	"denied": true, "denies": true, "deny": true, "refuted": true, "dismissed": true, "rejected": true,
	"false": true, "untrue": true, "hoax": true, "fabricated": true, "baseless": true, "unfounded": true,
}

// reportsDenial reports whether a claim's text holds a word of
// denialReports.
func reportsDenial(text string) bool {
	for w := range nlp.Words(text) {
		if denialReports[w.Form] {
			return true
		}
	}
	return false
}

// answerShareOf is the largest share of denial i's words that one of claim
// c's first members kept by keep holds (with a word of the predicate), or 0
// when c cannot be what i answers: a negative claim for a negation, or the
// denier's own.
func (b *builder) answerShareOf(i, c int, keep func(m int) bool) float64 {
	d := &b.items[i]
	first := &b.items[b.members[c][0]]
	if d.st.Negated && first.negative || b.ownClaim(i, c) {
		return 0
	}
	share := 0.0
	for k, m := range b.members[c] {
		if k == b.l.Members {
			break
		}
		if s, _, words := containedIn(d, &b.items[m]); words >= 1 && s > share && keep(m) {
			share = s
		}
	}
	return share
}

// tiedAnswers returns the claims that hold at least answerShare of denial
// i's words and within answerNear of the largest share (see answerIn).
func (b *builder) tiedAnswers(i int, keep func(m int) bool) []int {
	cands := b.candidatesIn(&b.sc, i, b.negatedClaim)
	shares := make([]float64, len(cands))
	best := 0.0
	for k, c := range cands {
		shares[k] = b.answerShareOf(i, c, keep)
		best = max(best, shares[k])
	}
	var out []int
	for k, c := range cands {
		if best >= answerShare && shares[k] >= answerNear*best {
			out = append(out, c)
		}
	}
	return out
}

// holdingFocus returns the claims among matched that hold what negation i
// negates (its focus, see negatedFocus) in one of their first members: "Boko
// Haram would not be given territory under the ceasefire agreement" shares
// the agreement with "the government had reached a ceasefire agreement" but
// does not negate it. A negation whose focus the parse does not give as a
// word any statement uses keeps its matches.
func (b *builder) holdingFocus(i int, matched []int) []int {
	if len(matched) == 0 {
		return matched
	}
	focus, focusStems, _ := b.negationFocus(i)
	if len(focus) == 0 {
		return matched // "12, not 30": a figure, which no stem gives
	}
	return b.claimsWhere(matched, func(m int) bool { return b.holdsFocus(m, focus, focusStems) })
}

// claimsWhere keeps the claims one of whose first Members members
// satisfies is.
func (b *builder) claimsWhere(claims []int, is func(m int) bool) []int {
	var out []int
	for _, c := range claims {
		for k, m := range b.members[c] {
			if k == b.l.Members {
				break
			}
			if is(m) {
				out = append(out, c)
				break
			}
		}
	}
	return out
}

// holdsFocus reports whether member m holds one of a negation's focus
// stems (ids focus, stems focusStems) stated positively: a claim that
// states the act negatively ("has been discouraging customers from using
// the browser", preventing) agrees with "does not want its customers using
// the browser". Only members using a preventing verb are parsed.
func (b *builder) holdsFocus(m int, focus []uint32, focusStems []string) bool {
	it := &b.items[m]
	if !it.hasAny(focus, true) {
		return false
	}
	stems := newStemmer()
	if !anyIn(stems.stems(it.text), preventing) {
		return true
	}
	doc := b.docs[it.st.Article]
	for k, id := range focus {
		if it.has(id) && !governedByPreventing(doc, it.st.Content, focusStems[k], stems) {
			return true
		}
	}
	return false
}

// anyIn reports whether one of words is in set.
func anyIn(words []string, set map[string]bool) bool {
	for _, w := range words {
		if set[w] {
			return true
		}
	}
	return false
}

// answerIn returns the claim denial i answers among the members that keep
// allows (see answer), or -1, and the best share any claim holds.
func (b *builder) answerIn(i int, keep func(m int) bool) (int, float64) {
	best, bestShare, second := -1, 0.0, 0.0
	for _, c := range b.candidatesIn(&b.sc, i, b.negatedClaim) {
		if b.mirrors(i, c) {
			continue // "Calder accused Fenn" answers not "Fenn accused Calder"
		}
		share := b.answerShareOf(i, c, keep)
		switch {
		case share > bestShare:
			best, bestShare, second = c, share, bestShare
		case share > second:
			second = share
		}
	}
	if best < 0 || bestShare < answerShare || second >= answerNear*bestShare {
		return -1, bestShare
	}
	return best, bestShare
}

// denyEachAct extends negation i, when it negates a list of acts ("had
// not proposed, agreed or discussed any deployment"), to the claims whose
// subject is one of those acts named as a noun ("discussions … were at an
// advanced stage"): the party denies having done each act, so a claim that
// the act is under way is denied too. It reports whether it joined any.
func (b *builder) denyEachAct(i int) bool {
	d := &b.items[i]
	if !listed(d.text) {
		return false // no list of acts: nothing to parse
	}
	acts := map[string]bool{}
	for _, a := range negatedActs(b.docs[d.st.Article], d.span, newStemmer()) {
		acts[a] = true
	}
	if len(acts) < 2 {
		return false
	}
	// The claims using one of the acts' stems, from the index: the act's
	// word may be all a claim shares with the negation.
	var claims []int
	for a := range acts {
		if id, ok := b.vocab["s:"+a]; ok && len(b.index[id]) <= b.l.Posting {
			claims = append(claims, b.index[id]...)
		}
	}
	slices.Sort(claims)
	joined := false
	for _, c := range slices.Compact(claims) {
		first := &b.items[b.members[c][0]]
		if first.negative || slices.Contains(b.denied[b.speakerOf(i)], c) || b.asserted[claimSpeaker{c, b.speakerOf(i)}] {
			continue
		}
		if opensWith(first.text, acts) && acts[subjectHead(b.docs[first.st.Article], first.st.Content, newStemmer())] {
			b.addDenier(c, i)
			joined = true
		}
	}
	return joined
}

// listed reports whether text may hold a negated list: under a negation
// English joins the acts with "or" or "nor" ("had not proposed, agreed or
// discussed").
func listed(text string) bool {
	for _, f := range nlp.Forms(text) {
		if f == "or" || f == "nor" {
			return true
		}
	}
	return false
}

// opensWith reports whether one of the first words of text has a stem in
// stems: where a clause's subject stands, so that only such claims are
// parsed.
func opensWith(text string, stems map[string]bool) bool {
	const first = 6
	words := newStemmer().stems(strings.Join(strings.Fields(text)[:min(first, len(strings.Fields(text)))], " "))
	for _, w := range words {
		if stems[w] {
			return true
		}
	}
	return false
}

// copyScore is the similarity from which an assertion restates its claim
// nearly word for word, so that no parse can tell them apart.
const copyScore = 0.9

// answerShare is the weighted share of a denial's words a claim must hold
// for the denial to answer it when nothing matched closely; answerNear is
// how close a second claim may come before the answer is ambiguous.
const (
	answerShare = 0.25
	answerNear  = 0.8
)

// ownClaim reports whether denial i's speaker asserts claim c in the same
// article, so that the denial cannot be of that claim. A correction note is
// the exception: the outlet withdraws what its earlier version said, and
// its corrected text may well restate part of the claim in other words
// ("most of the village is intact" beside "the village was destroyed").
func (b *builder) ownClaim(i, c int) bool {
	return !b.items[i].st.Retracts && (b.asserted[claimSpeaker{c, b.speakerOf(i)}] || b.sameParty(i, c))
}

// sameParty reports whether the speaker of denial i speaks for a body that
// asserts claim c in the same article: the role phrase around the
// speaker's name names it ("Ilka Brandsma, Seaguard's operations director"
// after "Seaguard said …"; "the council's head of building control,
// Priya Sethi" after "Grisby Borough Council said …"). A party's officer
// does not deny what the party says.
func (b *builder) sameParty(i, c int) bool {
	bodies := b.assertedBy[claimArticle{c, b.items[i].st.Article}]
	if len(bodies) == 0 {
		return false
	}
	role := b.roleWords(i)
	if len(role) == 0 {
		return false
	}
	for _, body := range bodies {
		if nlp.SourceKey(body) == b.items[i].speaker {
			continue
		}
		for w := range nlp.Words(body) {
			if k := nlp.SourceKey(w.Form); len(k) >= 4 && role[k] {
				return true
			}
		}
	}
	return false
}

// roleWords returns the folded words around the name of denial i's
// speaker, within its sentence and outside quotation marks, less the name
// itself: where an apposition gives the speaker's role and body.
func (b *builder) roleWords(i int) map[string]bool {
	st := b.items[i].st
	d := b.docs[st.Article]
	if d == nil {
		return nil
	}
	text := d.Text()
	src, sentence := st.Source, st.Sentence
	if src.Empty() {
		src, sentence = b.namedEarlier(i)
	}
	if src.Empty() || sentence.Empty() {
		return nil
	}
	lo, hi := max(sentence.Start, src.Start-roleReach), min(sentence.End, src.End+roleReach)
	if lo > src.Start || hi < src.End || hi > len(text) {
		return nil
	}
	before, after := text[lo:src.Start], text[src.End:hi]
	if k := strings.LastIndexAny(before, "\"“”"); k >= 0 {
		before = before[k+1:]
	}
	if k := strings.IndexAny(after, "\"“”"); k >= 0 {
		after = after[:k]
	}
	out := map[string]bool{}
	// The source span may hold the apposition too ("Lena Ekdahl, Seawatch's
	// rescue coordinator"): its words count, the name's own do not.
	for _, part := range []string{before, after, src.In(text)} {
		for w := range nlp.Words(part) {
			out[nlp.SourceKey(w.Form)] = true
		}
	}
	for w := range nlp.Words(st.Speaker().Name) {
		delete(out, nlp.SourceKey(w.Form))
	}
	return out
}

// roleReach is how many bytes either side of a speaker's name the role
// phrase is looked for in.
const roleReach = 50

// denyNear is the share of its best match a denial must reach on another
// claim to deny that one too.
const denyNear = 0.85

// denyAll finds the claims each of the denials negates, on every core.
func (b *builder) denyAll(ctx context.Context, denials []int) [][]int {
	out := make([][]int, len(denials))
	workers := runtime.GOMAXPROCS(0)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			var sc scratch
			for k := w; k < len(denials) && ctx.Err() == nil; k += workers {
				out[k] = b.denyMatches(&sc, denials[k])
			}
		}(w)
	}
	wg.Wait()
	return out
}

// attach records denial i against the claims it negates, reporting whether
// there were any.
func (b *builder) attach(i int, claims []int) bool {
	for _, c := range claims {
		b.addDenier(c, i)
	}
	return len(claims) > 0
}

// sharesName reports whether item i shares a name or number with the first
// member of claim c.
func (b *builder) sharesName(i, c int) bool {
	_, telling, _ := containedIn(&b.items[i], &b.items[b.members[c][0]])
	return telling > 0
}

// denyAlongside attaches negation i to the claims that its speaker denied
// explicitly in the same article, when it shares their predicate ("No
// closure order has been issued" after the minister "denied that her
// ministry had ordered the closure"), reporting whether it did.
func (b *builder) denyAlongside(i int) bool {
	matched := false
	for _, c := range slices.Clone(b.deniedPlain[b.speakerOf(i)]) {
		if share, _, words := containedIn(&b.items[i], &b.items[b.members[c][0]]); words >= 2 && share >= 0.3 {
			b.addDenier(c, i)
			matched = true
		}
	}
	return matched
}

// denyRestated attaches negation i to the claims its speaker has already
// denied in the same article with much the same words: "I have not
// conceded, and I will not concede until every vote is counted", quoted
// after "she said she had not conceded defeat and would not do so until
// every vote had been counted", repeats that denial; compared with the
// claim it would share too little ("conceded" alone). It reports whether
// it did.
func (b *builder) denyRestated(i int) bool {
	k := b.speakerOf(i)
	matched := false
	for _, c := range slices.Clone(b.denied[k]) {
		for _, d := range b.deniers[c] {
			if d != i && b.speakerOf(d) == k && similarity(&b.items[i], &b.items[d]) >= b.l.Join {
				b.addDenier(c, i)
				matched = true
				break
			}
		}
	}
	return matched
}

// denySame attaches negation i, which matches no claim, to the claims its
// speaker denied explicitly in the same article, when its content is about
// the reporting itself rather than a new fact: "neither the military nor
// any credible source had issued or verified any plan" after the ministry
// denied the plan. It reports whether it did.
func (b *builder) denySame(i int) bool {
	if !aboutSourcing(b.items[i].text) {
		return false
	}
	same := slices.Clone(b.deniedPlain[b.speakerOf(i)])
	for _, c := range same {
		b.addDenier(c, i)
	}
	return len(same) > 0
}

// sourcingWords are the words by which a negation speaks of a report's
// sources or evidence rather than of a fact.
var sourcingWords = map[string]bool{
	"source": true, "sources": true, "evidence": true, "verified": true, "confirmed": true,
	"confirmation": true, "basis": true, "proof": true, "substantiated": true,
}

// aboutSourcing reports whether a negation speaks of the report's sources
// or evidence ("no credible source had verified", "there is no evidence",
// "nobody has confirmed") rather than stating a fact of its own.
func aboutSourcing(text string) bool {
	for _, f := range nlp.Forms(text) {
		if sourcingWords[f] {
			return true
		}
	}
	return false
}

// attachBare gives a bare verdict ("the news item is fabricated") to the
// claims the same speaker denied specifically in the same article: it is
// more evidence of that denial, not a denial of everything.
func (b *builder) attachBare(bare []int) {
	main := -1
	if len(bare) > 0 {
		main = b.mostCarried()
	}
	for _, i := range bare {
		st := b.items[i].st
		if !aboutReport(b.items[i].text) {
			continue // "slammed the outlet as …" judges a source, not a claim
		}
		same := b.nearestDenial(i, b.denied[b.speakerOf(i)], true)
		resolved := noReport
		if ref := b.verdictReference(i); len(same) == 0 && ref != byContent {
			// "That report was wrong", "Sorvik rejected that report": the
			// report the article has just cited, or the one it names.
			same, resolved = b.antecedent(i, ref)
		}
		if resolved == ambiguous {
			continue // several reports it may judge: attached to none
		}
		if len(same) == 0 {
			// "Marta Osterby, Larkmoor's chief executive, said the report was
			// wrong" after "the chief executive of Larkmoor Airways has
			// rejected a newspaper report that …": one party under two
			// names, and the report the verdict judges is the one the
			// article already showed denied.
			same = b.nearestDenial(i, b.sharingWords(i, b.deniedIn(st.Article)), false)
		}
		if by := b.byClaimant(i, same); len(by) > 0 {
			same = by
		} else if c := b.claimantClaim(i); c >= 0 {
			// "Hunter's claim otherwise was categorically false": what
			// Hunter claimed, whatever the article denied before.
			same = []int{c}
		}
		for _, c := range same {
			b.addDenier(c, i)
		}
		attached := len(same) > 0
		if !attached && main >= 0 && b.mentions(st.Article, main) {
			// "called the report pure fiction" and nothing more: the report
			// is the story's, so the verdict falls on the claim most articles
			// carry, when the verdict's article names what that claim names.
			b.addDenier(main, i)
			attached = true
		}
		// A verdict on the report as a whole; the story reaches every
		// claim traced to that report with it (story.Builder).
		st.Blanket = attached
	}
}

// nearestDenial narrows claims, which some speakers of bare verdict i's
// article denied, to those of the one denial nearest the verdict (its
// speaker's own when sameSpeaker): the denial in the verdict's sentence,
// else the last one before it, else the first one after it. "It's a lie"
// after "Shekau denied that the group had agreed to a ceasefire" judges
// the ceasefire, not the abduction another paragraph denied; "The story
// is fabricated. No such meetings took place" judges the report the
// article rejected just before. A claim of another part of the same report
// still gets the verdict from story, which spreads it over the report.
func (b *builder) nearestDenial(i int, claims []int, sameSpeaker bool) []int {
	v := b.items[i].st
	bestRank, bestPos := 3, 0
	var best []int // denial items at the best place
	for _, c := range claims {
		for _, d := range b.deniers[c] {
			st := b.items[d].st
			if d == i || st.Article != v.Article || st.Blanket || sameSpeaker && b.speakerOf(d) != b.speakerOf(i) {
				continue
			}
			rank, pos := placeBefore(st, v)
			if rank < bestRank || rank == bestRank && pos < bestPos {
				bestRank, bestPos, best = rank, pos, best[:0]
			}
			if rank == bestRank && pos == bestPos && !slices.Contains(best, d) {
				best = append(best, d)
			}
		}
	}
	var out []int
	for _, c := range claims {
		for _, d := range best {
			if slices.Contains(b.deniers[c], d) {
				out = append(out, c)
				break
			}
		}
	}
	return out
}

// placeBefore ranks statement st as the antecedent of verdict v: 0 in v's
// sentence, 1 before it, 2 after it, with its distance in bytes.
func placeBefore(st, v *claimtrail.Statement) (rank, dist int) {
	switch {
	case st.Sentence == v.Sentence && !st.Sentence.Empty():
		return 0, abs(v.Content.Start - st.Content.Start)
	case st.Content.Start < v.Content.Start:
		return 1, v.Content.Start - st.Content.Start
	default:
		return 2, st.Content.Start - v.Content.Start
	}
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// deniedIn returns, ascending, the claims any speaker of the article
// denied.
func (b *builder) deniedIn(article string) []int {
	var out []int
	for k, cs := range b.denied {
		if k.article == article {
			out = append(out, cs...)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// mostCarried is the claim asserted by the most articles (the first of
// equals), or -1 when no claim is carried by two articles.
func (b *builder) mostCarried() int {
	best, bestN := -1, 1
	for c, ms := range b.members {
		arts := map[string]bool{}
		for _, m := range ms {
			arts[b.items[m].st.Article] = true
		}
		if len(arts) > bestN {
			best, bestN = c, len(arts)
		}
	}
	return best
}

// mentions reports whether the article (its title included) names an
// entity or uses a longer word of claim c's first statement.
func (b *builder) mentions(article string, c int) bool {
	d := b.docs[article]
	if d == nil {
		return false
	}
	first := &b.items[b.members[c][0]]
	for _, e := range d.Entities {
		if id, ok := b.vocab["e:"+e.Key]; ok && first.has(id) {
			return true
		}
	}
	words := newStemmer().stems(d.Article.Title + " " + d.Text())
	for _, w := range words {
		if id, ok := b.vocab["s:"+w]; ok && len(w) >= 5 && first.has(id) {
			return true
		}
	}
	return false
}

// names reports whether the item has the entity key as a feature.
func (it *item) names(v vocab, key string) bool {
	id, ok := v["e:"+key]
	return ok && it.has(id)
}

// hasAny reports whether the item has one of the feature ids, or, when
// need is false, whether it has any at all.
func (it *item) hasAny(ids []uint32, need bool) bool {
	if !need {
		return true
	}
	for _, id := range ids {
		if it.has(id) {
			return true
		}
	}
	return false
}

// has reports whether the item has the feature id.
func (it *item) has(id uint32) bool {
	k := sort.Search(len(it.feats), func(k int) bool { return it.feats[k].id >= id })
	return k < len(it.feats) && it.feats[k].id == id
}

// aboutReport reports whether a bare verdict's opening words name what is
// reported ("the news item is fabricated", "such false narratives", "it
// is a lie"). Capitalised words after the first belong to names ("TVR-News 24").
func aboutReport(text string) bool {
	n := 0
	for w := range nlp.Words(text) {
		if n++; n > 6 {
			break
		}
		if n > 1 && w.Flags&nlp.Capitalised != 0 {
			continue
		}
		switch w.Form {
		case "story", "stories", "report", "reports", "news", "item", "claim", "claims", "allegation",
			"allegations", "narrative", "narratives", "article", "rumour", "rumours", "rumor", "rumors":
			return true
		case "it", "this", "that":
			// A pronoun is what is judged only as the verdict's first word
			// ("it's a lie", "that is false"): "removed a sentence that was
			// wrong" is an outlet's note on its own text.
			if n == 1 {
				return true
			}
		}
	}
	return false
}

// claims turns the groups into claims with a canonical wording each.
func (b *builder) claims() []claimtrail.Claim {
	out := make([]claimtrail.Claim, 0, len(b.members))
	for c, ms := range b.members {
		claim := claimtrail.Claim{Text: b.canonical(ms), Figures: b.claimFigures(ms)}
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
	// Each member is compared with at most canonicalSample others, spread
	// evenly over the claim: a claim of thousands of statements (one long
	// text repeating itself) would otherwise cost their square.
	others := ms
	if len(ms) > canonicalSample+1 {
		others = make([]int, canonicalSample)
		for k := range others {
			others[k] = ms[k*len(ms)/canonicalSample]
		}
	}
	for _, i := range ms {
		s := 0.0
		for _, j := range others {
			if i != j {
				s += similarity(&b.items[i], &b.items[j])
			}
		}
		s -= float64(len(b.items[i].feats)) * 0.01 // prefer the shorter wording
		if s > bestScore {
			best, bestScore = i, s
		}
	}
	return Wording(b.items[best].text)
}

// canonicalSample is how many members of a claim each is compared with to
// choose its wording; smaller claims compare all pairs.
const canonicalSample = 64

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
	if r, n := utf8.DecodeRuneInString(s); n > 0 {
		s = string(unicode.ToUpper(r)) + s[n:]
	}
	return s
}

// Stems returns the stems of the common words of text (linkTerms).
// Capitalised words are left out: they are names, which the entity
// features already carry.
func Stems(text string) []string { return newStemmer().stems(text) }

// linkTerms is linking's notion of a term: the Snowball stems of words of
// three bytes or more that are neither names nor stop words, with synonyms
// folded.
var linkTerms = nlp.TermOptions{Stem: true, MinLen: 3, SkipNames: true, Stop: stopwords, Synonyms: linkSynonyms}

// stemmer remembers the stem of each word it has seen: a story repeats its
// words, and stemming is a large share of linking's cost.
type stemmer struct{ t *nlp.Termer }

func newStemmer() stemmer { return stemmer{nlp.NewTermer(linkTerms)} }

func (m stemmer) stems(text string) []string { return m.t.Append(nil, text) }

// Match is a statement that bears on a given claim.
type Match struct {
	Statement *claimtrail.Statement
	Score     float64
}

// Related finds, among stmts, the statements that state or deny the
// proposition of claim (a statement of claimDoc, usually the claim's text
// analysed as a one-sentence article), by the same measures Link uses:
// assertions alike enough to join its claim, denials that name it. Every
// statement is compared once, so the cost is linear in len(stmts).
func (l *Linker) Related(claimDoc *nlp.Document, claim *claimtrail.Statement, docs map[string]*nlp.Document, stmts []claimtrail.Statement) []Match {
	items := make([]item, 0, len(stmts)+1)
	v, stems := vocab{}, newStemmer()
	items = append(items, newItem(v, stems, claimDoc, claim))
	for i := range stmts {
		items = append(items, newItem(v, stems, docs[stmts[i].Article], &stmts[i]))
	}
	weighByRarity(items)
	b := &builder{l: l, items: items, vocab: v, docs: docs}
	var out []Match
	for i := 1; i < len(items); i++ {
		st := items[i].st
		if st.Polarity == claimtrail.Denies {
			if s, named := containment(&items[i], &items[0]); named && s >= l.Deny {
				out = append(out, Match{Statement: st, Score: s})
			}
			continue
		}
		if s := b.alike(&items[i], &items[0]); s >= l.Join {
			out = append(out, Match{Statement: st, Score: s})
		}
	}
	return out
}
