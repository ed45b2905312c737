package link

import (
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/nlp"
)

// figure is one number a statement gives for a counted thing ("41 people",
// "2.3 billion euros"), so that two statements giving differing figures for
// one quantity can be compared as figures, not as unrelated numbers.
type figure struct {
	value float64
	unit  string // the link stem of the counted noun, synonyms folded
	id    uint32 // the quantity's feature
}

// nearFigure is the least ratio of the smaller figure to the larger for
// two figures to be estimates of one quantity: tolls and counts from
// different sources differ by a few tens of per cent (37 and 41 injured,
// 8,000 and 9,500 evacuated, 2.1 and 2.3 billion); a corrected figure
// mostly changes its digits (4.2 to 2.4 million, 30 to 12, 2 billion to
// 200 million).
const nearFigure = 0.8

// measureUnits are the units that measure rather than count: a story gives
// many distances, durations, shares and sums for different things ("33
// percent" and "41 percent" of the vote, "25 km" and "30 km" from the
// border), so near values of them are no sign of one quantity. Figures
// count people and things ("41 people", "150 vessels").
var measureUnits = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`percent per cent percentage point points basis
km kilometre kilometres kilometer kilometers metre metres meter meters mile miles foot feet
nautical knot knots hectare hectares acre acres square cubic litre litres liter liters
tonne tonnes ton tons barrel barrels kilogram kilograms kg gram grams degree degrees
second seconds minute minutes hour hours day days week weeks month months year years decade decades
euro euros dollar dollars pound pounds crown crowns franc francs yen yuan rupee rupees
million billion trillion thousand hundred times`) {
		m[w] = true
	}
	return m
}()

// figures returns the figures of the quantities in a statement's content
// that count a named noun.
func figures(stems stemmer, qs []nlp.Quantity) []rawFigure {
	var out []rawFigure
	for _, q := range qs {
		if q.Unit == "" || measureUnits[q.Unit] {
			continue
		}
		st := stems.stems(q.Unit)
		if len(st) != 1 {
			continue
		}
		out = append(out, rawFigure{value: q.Value, unit: st[0], key: quantityKey(q.Value)})
	}
	return out
}

// rawFigure is a figure before its quantity feature is interned.
type rawFigure struct {
	value     float64
	unit, key string
}

// quantityKey is the feature key of a quantity's value.
func quantityKey(v float64) string { return "q:" + strconv.FormatFloat(v, 'f', -1, 64) }

// near reports whether two figures count one thing and differ only as two
// estimates of it do.
func (f figure) near(g figure) bool {
	return f.unit == g.unit && f.nearValue(g)
}

// nearValue reports whether two figures differ only as two estimates of
// one quantity do, whatever they count.
func (f figure) nearValue(g figure) bool {
	if f.id == g.id || f.value <= 0 || g.value <= 0 {
		return false
	}
	return math.Min(f.value, g.value)/math.Max(f.value, g.value) >= nearFigure
}

// figured is the cosine of two assertions when their differing figures for
// one counted thing are taken as one feature ("Forty-one people were
// injured" / "Thirty-seven people were treated for injuries"): sources
// often disagree on a toll while stating one event. It is 0 unless some
// pair of figures is near, the two also share a word that is not the
// counted noun (the predicate's evidence), and no sentence of either
// article offers one figure as the correction of the other.
func (b *builder) figured(x, y *item) float64 {
	if len(x.figs) == 0 || len(y.figs) == 0 || x.norm == 0 || y.norm == 0 {
		return 0
	}
	extra, units := 0.0, map[uint32]bool{}
	var pairs [][2]figure
	_, named, _ := dot(x, y)
	for _, f := range x.figs {
		for _, g := range y.figs {
			// Two sources may count one crowd by other nouns ("140 ships",
			// "150 vessels"); a shared name must then say it is the same.
			if (f.near(g) || named > 0 && f.nearValue(g)) && !y.has(f.id) && !x.has(g.id) {
				extra += x.weight(f.id) * y.weight(g.id)
				pairs = append(pairs, [2]figure{f, g})
				for _, u := range []string{f.unit, g.unit} {
					if id, ok := b.vocab["s:"+u]; ok {
						units[id] = true
					}
				}
			}
		}
	}
	if len(pairs) == 0 || !sharesWordBut(x, y, units) {
		return 0
	}
	for _, p := range pairs {
		if b.corrects(x, p) || b.corrects(y, p) {
			return 0
		}
	}
	d, _, _ := dot(x, y)
	return (d + extra) / (x.norm * y.norm)
}

// sharesWordBut reports whether x and y share a common word outside skip
// that is more than a count.
func sharesWordBut(x, y *item, skip map[uint32]bool) bool {
	for _, f := range x.feats {
		if !f.telling && !f.count && !skip[f.id] && y.has(f.id) {
			return true
		}
	}
	return false
}

// weight is the weight of feature id in the item, 0 when it has none.
func (it *item) weight(id uint32) float64 {
	for _, f := range it.feats {
		if f.id == id {
			return f.w
		}
	}
	return 0
}

// corrects reports whether a sentence of the item's article names both
// figures of the pair with words that offer one against the other
// (counterFigures), or the article's correction note withdraws one.
func (b *builder) corrects(it *item, p [2]figure) bool {
	doc := b.docs[it.st.Article]
	if doc == nil {
		return false
	}
	if withdrawn := b.retracted[it.st.Article]; withdrawn[p[0].value] || withdrawn[p[1].value] {
		return true // the article's correction note withdraws one of them
	}
	text := doc.Text()
	for _, s := range doc.Sentences {
		var has [2]bool
		for _, q := range doc.QuantitiesIn(s.Span) {
			has[0] = has[0] || q.Value == p[0].value
			has[1] = has[1] || q.Value == p[1].value
		}
		if !has[0] || !has[1] {
			continue
		}
		if counterMarked(s.In(text)) {
			return true
		}
	}
	return false
}

// countStems are the link stems of the number words ("five", "hundr",
// "million"): a shared count says how many, not of what.
var countStems = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range nlp.NumberWords() {
		for _, s := range nlp.Terms(w, linkTerms) {
			m[s] = true
		}
	}
	return m
}()

// specific reports whether a number names one quantity rather than
// counts: a large figure given to two or more significant digits ("2.3
// billion", "8,500") is seldom given for two things of one story, while
// small and round numbers ("five", "30", "20,000") count anything.
func specific(v float64) bool {
	if v < 1000 || v != math.Trunc(v) {
		return v >= 1000
	}
	for v >= 10 && math.Mod(v, 10) == 0 {
		v /= 10
	}
	return v >= 10
}

// countStem reports whether a link stem only counts: a number word or
// digits ("300", "2,000", "4.5"). Words break at hyphens, so "forty-one"
// comes as "forty" and the stop word "one".
func countStem(s string) bool {
	if countStems[s] {
		return true
	}
	digits := false
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits = true
		case r != ',' && r != '.':
			return false
		}
	}
	return digits
}

// claimFigures returns the differing figures that the assertions ms give
// for one counted noun (see claimtrail.Claim.Figures): for each noun, by
// its link stem, the values the assertions give, kept when they are more
// than one, less those every assertion naming the noun gives ("killed 12
// people and injured 40 people" / "killed 12 people and injured 45
// people" shows 40 and 45). Measures (percent, distances, sums) are left
// out as in figures.
func (b *builder) claimFigures(ms []int) []claimtrail.Figure {
	type given struct {
		fig   claimtrail.Figure
		items map[int]bool
	}
	var order []string // unit stems in order of appearance
	byUnit := map[string][]*given{}
	givers := map[string]map[int]bool{} // unit stem → assertions naming it
	stems := newStemmer()
	// When no assertion gives more than one figure, their figures are
	// one count by other nouns ("120 people" / "300 protesters"), as
	// oneEvent and figured join them.
	single := true
	for _, i := range ms {
		single = single && len(b.items[i].figs) <= 1
	}
	sums := b.oneSumEach(ms)
	for _, i := range ms {
		it := &b.items[i]
		doc := b.docs[it.st.Article]
		if doc == nil || it.st.Polarity != claimtrail.Asserts {
			continue
		}
		for _, q := range doc.QuantitiesIn(it.st.Content) {
			if q.Unit == "" {
				q.Unit = readUnit(b.figureReads(it), q.Value)
			}
			u, ok := shownUnit(stems, q)
			if !ok || moneyUnits[q.Unit] && !sums {
				continue
			}
			if single && !moneyUnits[q.Unit] { // a sum is never a count by another noun
				if yearLike(q) {
					continue // "the 1979 track": a date misread as a count
				}
				u = ""
			}
			if givers[u] == nil {
				givers[u] = map[int]bool{}
				order = append(order, u)
			}
			givers[u][i] = true
			var g *given
			for _, h := range byUnit[u] {
				if h.fig.Value == q.Value {
					g = h
				}
			}
			if g == nil {
				text := strings.Join(strings.Fields(q.Text), " ")
				if q.Unit == unitless {
					q.Unit = ""
				} else if !strings.Contains(strings.ToLower(text), q.Unit) {
					text += " " + q.Unit
				}
				g = &given{fig: claimtrail.Figure{Text: text, Value: q.Value, Unit: q.Unit}, items: map[int]bool{}}
				byUnit[u] = append(byUnit[u], g)
			}
			g.items[i] = true
			if !slices.Contains(g.fig.Articles, it.st.Article) {
				g.fig.Articles = append(g.fig.Articles, it.st.Article)
			}
		}
	}
	var out []claimtrail.Figure
	for _, u := range order {
		var differ []claimtrail.Figure
		for _, g := range byUnit[u] {
			if len(g.items) < len(givers[u]) {
				differ = append(differ, g.fig)
			}
		}
		if len(differ) >= 2 && manyArticles(differ) && (u != "" || oneUnit(differ) || oneCount(differ)) {
			out = append(out, differ...)
		}
	}
	return out
}

// shownUnit returns the key under which claimFigures groups quantity q:
// its counted noun's link stem, or unitless; ok is false for a quantity
// that is no figure (no noun, a measure, a noun of several stems).
func shownUnit(stems stemmer, q nlp.Quantity) (string, bool) {
	if q.Unit == unitless {
		return unitless, q.Value > 0
	}
	st := stems.stems(q.Unit)
	if q.Unit == "" || measureUnits[q.Unit] && !moneyUnits[q.Unit] || len(st) != 1 || q.Value <= 0 {
		return "", false
	}
	return st[0], true
}

// oneSumEach reports whether no assertion among ms gives two sums of
// money: an assertion listing several ("$500 for steel, $5,000 for gold")
// prices several things, and their sums are no disagreement.
func (b *builder) oneSumEach(ms []int) bool {
	for _, i := range ms {
		it := &b.items[i]
		doc := b.docs[it.st.Article]
		if doc == nil {
			continue
		}
		n := 0
		for _, q := range doc.QuantitiesIn(it.st.Content) {
			if moneyUnits[q.Unit] {
				n++
			}
		}
		if n > 1 {
			return false
		}
	}
	return true
}

// moneyUnits are the measures claimFigures still shows: sums of money are
// many in a story and join nothing by being near (measureUnits), but two
// sources giving one fine or one price differently ("fined 48,000 crowns"
// / "a penalty of 52,000 crowns") disagree on a figure a reader checks.
var moneyUnits = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`euro euros dollar dollars pound pounds crown crowns franc francs yen yuan rupee rupees`) {
		m[w] = true
	}
	return m
}()

// unitless is the unit readUnit gives a figure that counts no noun but
// that a figure predicate or noun gives ("officials put the number
// evacuated at 230").
const unitless = "#"

// readUnit returns the counted noun the parse reads for the figure of
// value v among fs, unitless for a figure given by a figure predicate,
// "" for none.
func readUnit(fs []figureRead, v float64) string {
	for _, f := range fs {
		switch {
		case f.value != v:
		case f.word != "":
			return f.word
		case f.framed:
			return unitless
		}
	}
	return ""
}

// oneEvent reports whether two assertions give differing figures for one
// event, whatever the ratio of the figures ("120 people were arrested" /
// "about 300 protesters were detained"): they share a name, no named
// subject of one is missing from the other, they name no different days
// or months, no figure of one is a figure of the other, some figure of
// each counts one event by figureEventRules (read from the parse: the
// predicate, the counted noun, the unit), and no sentence of either
// article offers one figure as the correction of the other. The ratio
// test of figured stays for pairs the parse does not read.
func (b *builder) oneEvent(x, y *item) bool {
	fx, fy := b.figureReads(x), b.figureReads(y)
	if len(fx) == 0 || len(fy) == 0 {
		return false
	}
	for _, f := range x.figs {
		if y.has(f.id) {
			return false // a shared figure: figured and the cosine weigh it
		}
	}
	if sharesValue(fx, fy) || datesDiffer(x.text, y.text) {
		return false
	}
	cx, ok := b.itemCore(x)
	if !ok {
		return false
	}
	cy, ok := b.itemCore(y)
	if !ok || !sameNamedSubject(cx, cy) {
		return false
	}
	if _, named, _ := dot(x, y); named == 0 && !sharesKey(cx.subject, cy.subject) {
		// No name in common: one act, one size, one setting (estimateRules).
		return b.unnamedEvent(x, y, readEstimates(mainActs(fx, cx), cx, x.text), readEstimates(mainActs(fy, cy), cy, y.text))
	}
	joined := false
	for _, f := range fx {
		for _, g := range fy {
			if !mainAct(f, cx) || !mainAct(g, cy) || !figureEvent(f, g) {
				continue
			}
			p := [2]figure{{value: f.value}, {value: g.value}}
			if b.corrects(x, p) || b.corrects(y, p) {
				return false
			}
			joined = true
		}
	}
	return joined
}

// mainAct reports whether a figure is given for what its statement
// states: its events hold the core's main predicate, or a figure noun or
// predicate gives it. "More than 200 schoolgirls who were abducted will be
// freed" states a release, not the abduction its figure counts.
func mainAct(f figureRead, c core) bool {
	if f.framed {
		return true
	}
	for _, h := range c.heads {
		if f.events[h] {
			return true
		}
	}
	return false
}

// sharesValue reports whether two statements give one value.
func sharesValue(fx, fy []figureRead) bool {
	for _, f := range fx {
		for _, g := range fy {
			if f.value == g.value {
				return true
			}
		}
	}
	return false
}

// figureReads returns the item's figures as the parse reads them,
// parsing on first need.
func (b *builder) figureReads(it *item) []figureRead {
	if !it.read {
		it.reads = readFigures(b.docs[it.st.Article], it.st.Content, newStemmer())
		it.read = true
	}
	return it.reads
}

// otherUnits reports whether assertion i and claim c's first member give
// one number only for different units, one of them a measure ("out for
// three weeks" / "a three-year contract"): the shared number is a
// coincidence, not a shared fact.
func (b *builder) otherUnits(i, c int) bool {
	x, y := &b.items[i], &b.items[b.members[c][0]]
	if !hasCount(x) || !hasCount(y) {
		return false
	}
	fx, fy := b.figureReads(x), b.figureReads(y)
	apart := false
	for _, f := range fx {
		for _, g := range fy {
			if f.value != g.value {
				continue
			}
			if f.word == "" || g.word == "" || !(f.measure || g.measure) || sameUnit(f, g) {
				return false // one value of one unit, or of a unit not given
			}
			apart = true
		}
	}
	return apart
}

// hasCount reports whether the item has a count among its features.
func hasCount(it *item) bool {
	for _, f := range it.feats {
		if f.count {
			return true
		}
	}
	return false
}

// sharesKey reports whether two feature sets share an entity key.
func sharesKey(x, y map[string]bool) bool {
	for k := range x {
		if strings.HasPrefix(k, "e:") && y[k] {
			return true
		}
	}
	return false
}

// sameNamedSubject reports whether neither core names a subject the other
// lacks.
func sameNamedSubject(x, y core) bool {
	for k := range x.named {
		if !y.named[k] && len(y.named) > 0 {
			return false
		}
	}
	for k := range y.named {
		if !x.named[k] && len(x.named) > 0 {
			return false
		}
	}
	return true
}

// dateWords are the words that name one day or month: two statements
// naming different ones tell of different events ("on Saturday" / "on
// Sunday").
var dateWords = func() map[string]bool {
	m := map[string]bool{}
	for w := range timeNouns {
		if strings.HasSuffix(w, "day") && w != "day" && w != "today" && w != "yesterday" || len(w) > 2 && monthNames[w] {
			m[w] = true
		}
	}
	return m
}()

// monthNames are the months, for dateWords.
var monthNames = map[string]bool{"january": true, "february": true, "march": true, "april": true, "may": true,
	"june": true, "july": true, "august": true, "september": true, "october": true, "november": true, "december": true}

// datesDiffer reports whether both texts name days or months and share
// none of them. Only capitalised words count: "the march", "may".
func datesDiffer(x, y string) bool {
	dates := func(text string) map[string]bool {
		m := map[string]bool{}
		for _, f := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) }) {
			if l := strings.ToLower(f); l != f && dateWords[l] {
				m[l] = true
			}
		}
		return m
	}
	dx, dy := dates(x), dates(y)
	if len(dx) == 0 || len(dy) == 0 {
		return false
	}
	for f := range dx {
		if dy[f] {
			return false
		}
	}
	return true
}

// yearLike reports whether a quantity's value reads as a year: a whole
// number from 1800 to 2100 written without a thousands separator.
func yearLike(q nlp.Quantity) bool {
	return q.Value >= 1800 && q.Value <= 2100 && q.Value == math.Trunc(q.Value) && !strings.Contains(q.Text, ",")
}

// oneCount reports whether figures of different counted nouns read as one
// count: no article gives two of them, and the largest is at most
// crossUnitRatio times the smallest ("120 people" / "about 300
// protesters", not "300,000 displaced" / "200 schoolgirls").
func oneCount(figs []claimtrail.Figure) bool {
	lo, hi := math.Inf(1), 0.0
	seen := map[string]bool{}
	for _, f := range figs {
		lo, hi = math.Min(lo, f.Value), math.Max(hi, f.Value)
		for _, a := range f.Articles {
			if seen[a] {
				return false
			}
			seen[a] = true
		}
	}
	return hi <= crossUnitRatio*lo
}

// crossUnitRatio bounds the spread of one count given by other nouns:
// tolls and crowds from different sources differ by a factor of two or
// three, not by orders of magnitude.
const crossUnitRatio = 4

// oneUnit reports whether the figures all count one noun as written.
func oneUnit(figs []claimtrail.Figure) bool {
	for _, f := range figs {
		if f.Unit != figs[0].Unit {
			return false
		}
	}
	return true
}

// manyArticles reports whether the figures come from two articles or
// more: one article's differing figures mostly count different things
// ("two administrative staff", "all four arrived"), while sources that
// disagree are different articles.
func manyArticles(figs []claimtrail.Figure) bool {
	first := figs[0].Articles[0]
	for _, f := range figs {
		for _, a := range f.Articles {
			if a != first {
				return true
			}
		}
	}
	return false
}

// otherEvent reports whether assertion i and claim c's first member,
// alike in their words, count different events: they give figures, share
// none, and name different days or months ("arrested 90 people on
// Sunday" / "arrested 250 people on Tuesday").
func (b *builder) otherEvent(i, c int) bool {
	x, y := &b.items[i], &b.items[b.members[c][0]]
	if len(x.figs) == 0 || len(y.figs) == 0 {
		return false
	}
	for _, f := range x.figs {
		if y.has(f.id) {
			return false
		}
	}
	return datesDiffer(x.text, y.text)
}

// retractedFigures returns, by article, the figures that its correction
// notes withdraw ("An earlier version of this article said 14 people were
// injured"): the note and the corrected figure ("The fire service said 41
// people were injured") often stand in different sentences, so no single
// sentence names both, yet one is the other's correction.
func retractedFigures(docs map[string]*nlp.Document, items []item) map[string]map[float64]bool {
	out := map[string]map[float64]bool{}
	for i := range items {
		st := items[i].st
		doc := docs[st.Article]
		if !st.Retracts || doc == nil {
			continue
		}
		for _, q := range doc.QuantitiesIn(st.Content) {
			if out[st.Article] == nil {
				out[st.Article] = map[float64]bool{}
			}
			out[st.Article][q.Value] = true
		}
	}
	return out
}

// correctedApart reports whether assertion i and claim c's first member
// give different figures of one counted thing of which a sentence or a
// correction note of either article offers one against the other
// (corrects: "eleven miners died, rather than fourteen"): the wrong
// figure and the corrected one are two claims, and the corrected figure
// must not count as a second source of the wrong one, however alike their
// other words are ("14 people were injured when a bus crashed near Ambry"
// / "a bus crashed near Ambry, injuring 41 people").
func (b *builder) correctedApart(i, c int) bool {
	x, y := &b.items[i], &b.items[b.members[c][0]]
	for _, f := range x.figs {
		for _, g := range y.figs {
			if f.unit == g.unit && f.value != g.value && (b.corrects(x, [2]figure{f, g}) || b.corrects(y, [2]figure{f, g})) {
				return true
			}
		}
	}
	return false
}
