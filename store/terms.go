package store

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/nlp"
)

// Limits on the key terms of one article; they bound the work of story
// assignment per article.
const (
	maxEntityTerms = 12
	maxTitleTerms  = 8
)

// Terms returns the key terms of an article, used to find its story:
// "e:<key>" for its most frequent entities and named speakers, and
// "w:<word>" for the content words of its title, less the outlet's name.
// Entities come from the analysis; when it has none, capitalised words of
// the text stand in for them. The result is sorted and has no repeats.
func Terms(a *claimtrail.Article, an Analysis) []string {
	counts := map[string]int{}
	for _, e := range an.Entities {
		if k := normTerm(e); k != "" {
			counts[k]++
		}
	}
	for _, s := range an.Statements {
		for _, src := range s.Chain {
			switch src.Kind {
			case claimtrail.KindPerson, claimtrail.KindOfficial, claimtrail.KindOrganization:
				if k := normTerm(src.Name); k != "" {
					counts[k]++
				}
			}
		}
	}
	if len(an.Entities) == 0 {
		for _, w := range capitalised(a.Text) {
			counts[w]++
		}
	}
	seen := map[string]bool{}
	var out []string
	for _, k := range top(counts, maxEntityTerms) {
		t := "e:" + k
		if !seen[t] {
			seen[t] = true
			out = append(out, t)
		}
	}
	outlet := map[string]bool{} // "Harbour Daily" in every title of its outlet ties nothing
	for _, w := range nlp.Forms(a.Outlet) {
		outlet[w] = true
	}
	n := 0
	for _, w := range nlp.Forms(a.Title) {
		if n == maxTitleTerms {
			break
		}
		if len(w) < 3 || stopWords[w] || outlet[w] || seen["w:"+w] {
			continue
		}
		seen["w:"+w] = true
		out = append(out, "w:"+w)
		n++
	}
	sort.Strings(out)
	return out
}

// normTerm lower-cases an entity name and squeezes its spaces; names that
// are stop words or single letters give "".
func normTerm(s string) string {
	k := strings.Join(nlp.Forms(s), " ")
	if utf8.RuneCountInString(k) < 2 || stopWords[k] {
		return ""
	}
	return k
}

// capitalised returns the folded capitalised words of text of three
// letters or more that are not stop words: a cheap stand-in for named
// entities.
func capitalised(text string) []string {
	var out []string
	for w := range nlp.Words(text) {
		if w.Flags&nlp.Capitalised == 0 || utf8.RuneCountInString(w.Form) < 3 || stopWords[w.Form] {
			continue
		}
		out = append(out, w.Form)
	}
	return out
}

// top returns up to n keys of counts, most frequent first, ties by key.
func top(counts map[string]int, n int) []string {
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if counts[keys[i]] != counts[keys[j]] {
			return counts[keys[i]] > counts[keys[j]]
		}
		return keys[i] < keys[j]
	})
	if len(keys) > n {
		keys = keys[:n]
	}
	return keys
}

// stopWords are words too common to tie two articles to one story.
var stopWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`a about after again against all also an and any are as at be
		because been before being but by can could did do does during each few for from further had
		has have having he her here hers him his how however i if in into is it its just last
		like made make many may me might more most much must my new news no nor not now of off on
		once one only or other our out over own people report reports said same say says she should
		since so some still such than that the their them then there these they this those through
		to today too two under until up upon very was we were what when where which while who whom
		why will with would yesterday you your monday tuesday wednesday thursday friday saturday
		sunday january february march april june july august september october november december
		mr mrs ms dr according told year years week weeks day days time first`) {
		m[w] = true
	}
	return m
}()

// SearchWords splits a search text into the words adapters match, at most
// 32: nlp's words, lower-cased but otherwise as written ("12,000",
// "don’t"), not folded or stemmed: each full-text engine tokenizes and
// stems a quoted word the way it did the stored text, and would not find
// a folded "12000" in a text that says "12,000".
func SearchWords(text string) []string {
	var out []string
	for w := range nlp.Words(text) {
		if len(out) == 32 {
			break
		}
		out = append(out, strings.ToLower(text[w.Start:w.End]))
	}
	return out
}
