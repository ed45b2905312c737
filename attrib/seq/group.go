package seq

import (
	"strings"
	"unicode"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/nlp"
)

// run is a maximal stretch of tokens with one role, in window token indexes.
type run struct {
	role        Role
	first, last int // half-open
	sent        int // sentence number within the window
}

// runs splits a tag sequence into role runs.
func runs(tags []uint8, sentOf func(i int) int) []run {
	var out []run
	for i := 0; i < len(tags); i++ {
		t := tags[i]
		if t == tagO {
			continue
		}
		r := tagRole(t)
		j := i + 1
		for j < len(tags) && tags[j] == insideTag(r) {
			j++
		}
		out = append(out, run{role: r, first: i, last: j, sent: sentOf(i)})
		i = j - 1
	}
	return out
}

// gap is the number of tokens between two runs (0 when adjacent or overlapping).
func gap(a, b run) int {
	switch {
	case a.last <= b.first:
		return b.first - a.last
	case b.last <= a.first:
		return a.first - b.last
	}
	return 0
}

// nearestCue returns the index in cues of the cue run nearest to r,
// preferring cues in r's sentence when sameSentence, or -1 when none.
func nearestCue(all []run, cues []int, r run, sameSentence bool) int {
	best, bestD := -1, 0
	for _, c := range cues {
		if sameSentence && all[c].sent != r.sent {
			continue
		}
		d := gap(all[c], r)
		if all[c].sent != r.sent {
			d += 1000 // any cue in the sentence beats one outside it
		}
		if best < 0 || d < bestD {
			best, bestD = c, d
		}
	}
	return best
}

// group turns the tags of window w into attributions: each cue run heads an
// attribution; every content run joins the nearest cue in the window, every
// source run the nearest cue (in its sentence when there is one); a cue left
// without a source shares the nearest source of its sentence ("she said …
// and added …"). Content in a window without a cue becomes an attribution
// without cue or source.
func group(doc *nlp.Document, w window, tags []uint8, out []Attribution) []Attribution {
	g := &grouper{doc: doc, w: w, tags: tags}
	g.rs = runs(tags, g.sentOf)
	for i, r := range g.rs {
		if r.role == Cue {
			g.cues = append(g.cues, i)
		}
	}
	g.byCue = make(map[int]*building, len(g.cues))
	for _, c := range g.cues {
		g.byCue[c] = &building{}
	}
	g.assign()
	g.lendContents()
	g.shareSources()
	return g.emit(out)
}

// grouper holds the runs of one window while group pairs them up.
type grouper struct {
	doc     *nlp.Document
	w       window
	tags    []uint8
	rs      []run
	cues    []int // indexes of the cue runs in rs
	byCue   map[int]*building
	orphans []run // content runs with no cue in the window
}

// building is the attribution a cue run heads, while it is being built.
type building struct {
	source   []run
	contents []run
}

// sentOf is the index, within the window, of the sentence of token i.
func (g *grouper) sentOf(i int) int {
	tok := g.doc.Tokens[g.w.first+i]
	for s := g.w.s0; s < g.w.s1; s++ {
		if tok.Start < g.doc.Sentences[s].End || s == g.w.s1-1 {
			return s - g.w.s0
		}
	}
	return 0
}

func (g *grouper) span(r run) claimtrail.Span {
	return claimtrail.Span{Start: g.doc.Tokens[g.w.first+r.first].Start, End: g.doc.Tokens[g.w.first+r.last-1].End}
}

// assign gives every content and source run to its nearest cue.
func (g *grouper) assign() {
	for i, r := range g.rs {
		switch r.role {
		case Content:
			if c := nearestCue(g.rs, g.cues, r, false); c >= 0 {
				g.byCue[c].contents = append(g.byCue[c].contents, r)
			} else {
				g.orphans = append(g.orphans, r)
			}
		case Source:
			if c := nearestCue(g.rs, g.cues, r, false); c >= 0 {
				g.byCue[c].source = append(g.byCue[c].source, g.rs[i])
			}
		}
	}
}

// effGap counts the wordy tokens between two runs, sources left out.
func (g *grouper) effGap(a, b run) int {
	lo, hi := min(a.last, b.last), max(a.first, b.first)
	n := 0
	for i := lo; i < hi; i++ {
		if g.tags[i] != tagO && tagRole(g.tags[i]) == Source {
			continue
		}
		if !wordy(g.doc.Tokens[g.w.first+i].Text) {
			continue
		}
		n++
	}
	return n
}

// reporting reports whether cue run c ends with a reporting word.
func (g *grouper) reporting(c int) bool {
	return reportingWords[strings.ToLower(g.doc.Tokens[g.w.first+g.rs[c].last-1].Text)]
}

// lendContents lets a cue left without content take an adjacent content
// run from a cue that has others, or that is no reporting word while it is
// one: "…, a source said." beats a mistaken cue inside the content.
func (g *grouper) lendContents() {
	for _, c := range g.cues {
		if len(g.byCue[c].contents) > 0 {
			continue
		}
		for _, owner := range g.cues {
			if g.lend(owner, c) {
				break
			}
		}
	}
}

// lend moves one content run of owner's to cue c, if one may move.
func (g *grouper) lend(owner, c int) bool {
	ob := g.byCue[owner]
	for k, r := range ob.contents {
		if owner == c || r.sent != g.rs[c].sent || g.effGap(r, g.rs[c]) > 1 {
			continue
		}
		if len(ob.contents) > 1 || (g.reporting(c) && !g.reporting(owner)) {
			g.byCue[c].contents = append(g.byCue[c].contents, r)
			ob.contents = append(ob.contents[:k:k], ob.contents[k+1:]...)
			return true
		}
	}
	return false
}

// shareSources gives a cue without a source the nearest source of its
// sentence.
func (g *grouper) shareSources() {
	for _, c := range g.cues {
		b := g.byCue[c]
		if len(b.source) > 0 {
			continue
		}
		best, bestD := -1, 0
		for i, r := range g.rs {
			if r.role != Source || r.sent != g.rs[c].sent {
				continue
			}
			if d := gap(r, g.rs[c]); best < 0 || d < bestD {
				best, bestD = i, d
			}
		}
		if best >= 0 {
			b.source = []run{g.rs[best]}
		}
	}
}

// emit appends the attributions built, then the content without a cue.
func (g *grouper) emit(out []Attribution) []Attribution {
	for _, c := range g.cues {
		b := g.byCue[c]
		a := Attribution{Cue: g.span(g.rs[c])}
		if len(b.source) > 0 {
			a.Source = sourceSpan(b.source, g.rs[c], g.span)
		}
		for _, r := range b.contents {
			a.ContentParts = append(a.ContentParts, g.span(r))
		}
		if len(a.ContentParts) == 0 {
			r, ok := fallbackContent(g.doc, g.w, g.rs, c)
			if !ok {
				continue // a cue with nothing to attribute is no attribution
			}
			a.ContentParts = []claimtrail.Span{g.span(r)}
		}
		a.Content = claimtrail.Span{Start: a.ContentParts[0].Start, End: a.ContentParts[len(a.ContentParts)-1].End}
		out = append(out, a)
	}
	for _, r := range g.orphans {
		s := g.span(r)
		out = append(out, Attribution{Content: s, ContentParts: []claimtrail.Span{s}})
	}
	return out
}

// sourceSpan picks the source of a cue from the source runs assigned to it:
// the nearest run, joined with runs that touch it (a source the model
// split with a second begin tag). Runs a few tokens apart are not joined:
// they are mostly two parties ("Ana Reyes, Tomas Lind called …") or a source
// and what follows it ("Lind, speaking of the plan, said"), and joining them
// lowered source and whole-attribution F1 on both PolNeAR splits
// (docs/attribution.md, "Grouping after decoding").
func sourceSpan(rs []run, cue run, span func(run) claimtrail.Span) claimtrail.Span {
	best := 0
	for i := range rs {
		if gap(rs[i], cue) < gap(rs[best], cue) {
			best = i
		}
	}
	lo, hi := rs[best], rs[best]
	for changed := true; changed; {
		changed = false
		for _, r := range rs {
			if r.first < lo.first && r.last == lo.first {
				lo, changed = r, true
			}
			if r.last > hi.last && r.first == hi.last {
				hi, changed = r, true
			}
		}
	}
	return claimtrail.Span{Start: span(lo).Start, End: span(hi).End}
}

// fallbackContent guesses the content of a cue the labeller gave none: the
// rest of its sentence after it, or failing that the part before it, in
// either case without other labelled spans and closing punctuation.
func fallbackContent(doc *nlp.Document, w window, rs []run, c int) (run, bool) {
	cue := rs[c]
	lo, hi := 0, w.last-w.first
	for s := w.s0; s < w.s1; s++ {
		if s-w.s0 == cue.sent {
			lo, hi = doc.Sentences[s].First-w.first, doc.Sentences[s].Last-w.first
		}
	}
	for _, r := range rs {
		if r.sent != cue.sent || r.first == cue.first {
			continue
		}
		if r.last <= cue.first {
			lo = max(lo, r.last)
		} else if r.first >= cue.last {
			hi = min(hi, r.first)
		}
	}
	trim := func(a, b int) (int, int) {
		for a < b && !wordy(doc.Tokens[w.first+a].Text) {
			a++
		}
		for b > a && !wordy(doc.Tokens[w.first+b-1].Text) {
			b--
		}
		return a, b
	}
	if a, b := trim(cue.last, hi); b-a >= 2 {
		return run{role: Content, first: a, last: b, sent: cue.sent}, true
	}
	if a, b := trim(lo, cue.first); b-a >= 2 {
		return run{role: Content, first: a, last: b, sent: cue.sent}, true
	}
	return run{}, false
}

// wordy reports whether a token holds a letter or digit.
func wordy(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// reportingWords are the verbs that report speech or writing outright; in
// doubt, a cue among them is preferred.
var reportingWords = map[string]bool{
	"said": true, "says": true, "say": true, "told": true, "tells": true, "added": true,
	"adds": true, "wrote": true, "writes": true, "according": true, "stated": true,
	"asked": true, "explained": true, "noted": true, "tweeted": true, "reported": true,
}
