package polnear

import (
	"sort"
	"unicode"
	"unicode/utf8"

	"github.com/claimtrail/claimtrail"
)

// The scorer compares mentions as sets of tokens. Its tokens are its own and
// independent of any model: maximal runs of letters, digits and marks, and
// every other non-space character alone. A token belongs to a mention when a
// fragment of the mention covers at least one of its bytes.
//
//   - exact: the predicted and gold mentions hold the same tokens.
//   - overlap: they share at least half of the tokens of the longer of the two.
//
// Matching is one-to-one per role and article: candidate pairs are taken
// greedily, largest token intersection first. Mentions of one role that cover
// the same tokens count once (PolNeAR shares one source span between the
// attributions of a speaker). A whole attribution matches when its cue,
// content and source all match under the same rule; an absent source matches
// only an absent source.

// Counts tallies one comparison: gold items, predicted items, matched pairs.
type Counts struct {
	Gold, Pred, Match int
}

// Add adds o to c.
func (c *Counts) Add(o Counts) { c.Gold += o.Gold; c.Pred += o.Pred; c.Match += o.Match }

// PRF is precision, recall and F1.
type PRF struct {
	P  float64 `json:"p"`
	R  float64 `json:"r"`
	F1 float64 `json:"f1"`
}

// PRF computes precision, recall and F1 from the counts; each is 0 when its
// denominator is.
func (c Counts) PRF() PRF {
	var s PRF
	if c.Pred > 0 {
		s.P = float64(c.Match) / float64(c.Pred)
	}
	if c.Gold > 0 {
		s.R = float64(c.Match) / float64(c.Gold)
	}
	if s.P+s.R > 0 {
		s.F1 = 2 * s.P * s.R / (s.P + s.R)
	}
	return s
}

// Pair holds exact and overlap counts for one thing scored.
type Pair struct {
	Exact, Overlap Counts
}

// Add adds o to p.
func (p *Pair) Add(o Pair) { p.Exact.Add(o.Exact); p.Overlap.Add(o.Overlap) }

// Score holds the counts of a comparison over one or more articles.
type Score struct {
	Roles       [3]Pair // indexed by Role
	Attribution Pair
	Articles    int
}

// Add adds o to s.
func (s *Score) Add(o Score) {
	for i := range s.Roles {
		s.Roles[i].Add(o.Roles[i])
	}
	s.Attribution.Add(o.Attribution)
	s.Articles += o.Articles
}

// Compare scores predicted attributions against gold ones in one text.
func Compare(text string, gold, pred []Attribution) Score {
	toks := scoreTokens(text)
	g := tokenize(toks, gold)
	p := tokenize(toks, pred)
	var s Score
	s.Articles = 1
	for _, r := range Roles {
		gs, ps := uniqueRole(g, r), uniqueRole(p, r)
		s.Roles[r] = Pair{
			Exact:   Counts{Gold: len(gs), Pred: len(ps), Match: matchSets(gs, ps, exactMatch)},
			Overlap: Counts{Gold: len(gs), Pred: len(ps), Match: matchSets(gs, ps, overlapMatch)},
		}
	}
	s.Attribution = Pair{
		Exact:   Counts{Gold: len(g), Pred: len(p), Match: matchAttributions(g, p, exactMatch)},
		Overlap: Counts{Gold: len(g), Pred: len(p), Match: matchAttributions(g, p, overlapMatch)},
	}
	return s
}

// tokenSet is a mention as the sorted indexes of the tokens it covers.
type tokenSet []int

// tokAttr is an attribution whose mentions are token sets.
type tokAttr [3]tokenSet

// scoreTokens splits text into the scorer's tokens.
func scoreTokens(text string) []claimtrail.Span {
	var out []claimtrail.Span
	start := -1
	for i, r := range text {
		word := unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
		if word {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			out = append(out, claimtrail.Span{Start: start, End: i})
			start = -1
		}
		if !unicode.IsSpace(r) {
			out = append(out, claimtrail.Span{Start: i, End: i + utf8.RuneLen(r)})
		}
	}
	if start >= 0 {
		out = append(out, claimtrail.Span{Start: start, End: len(text)})
	}
	return out
}

// covered returns the indexes of the tokens m covers.
func covered(toks []claimtrail.Span, m Mention) tokenSet {
	var out tokenSet
	for _, f := range m {
		i := sort.Search(len(toks), func(i int) bool { return toks[i].End > f.Start })
		for ; i < len(toks) && toks[i].Start < f.End; i++ {
			if len(out) == 0 || out[len(out)-1] < i {
				out = append(out, i)
			}
		}
	}
	return out
}

// tokenize turns attributions into token-set attributions, dropping those
// with neither a cue nor content.
func tokenize(toks []claimtrail.Span, atts []Attribution) []tokAttr {
	out := make([]tokAttr, 0, len(atts))
	for i := range atts {
		var t tokAttr
		for _, r := range Roles {
			t[r] = covered(toks, atts[i].Mention(r))
		}
		if len(t[Cue]) == 0 && len(t[Content]) == 0 {
			continue
		}
		out = append(out, t)
	}
	return out
}

// uniqueRole returns the distinct non-empty token sets of role r.
func uniqueRole(atts []tokAttr, r Role) []tokenSet {
	seen := make(map[string]bool)
	var out []tokenSet
	for _, a := range atts {
		s := a[r]
		if len(s) == 0 {
			continue
		}
		k := s.key()
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, s)
	}
	return out
}

func (s tokenSet) key() string {
	b := make([]byte, 0, len(s)*3)
	for _, v := range s {
		b = append(b, byte(v), byte(v>>8), byte(v>>16))
	}
	return string(b)
}

// intersect counts the tokens two sorted sets share.
func intersect(a, b tokenSet) int {
	n, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			n++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return n
}

// matcher decides whether two non-empty token sets match, given the size of
// their intersection.
type matcher func(a, b tokenSet, inter int) bool

func exactMatch(a, b tokenSet, inter int) bool { return inter == len(a) && inter == len(b) }

func overlapMatch(a, b tokenSet, inter int) bool { return inter > 0 && 2*inter >= max(len(a), len(b)) }

type candidate struct{ g, p, weight int }

// greedy matches candidates one-to-one, heaviest first, and counts matches.
func greedy(cands []candidate) int {
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].weight > cands[j].weight })
	usedG, usedP := make(map[int]bool), make(map[int]bool)
	n := 0
	for _, c := range cands {
		if usedG[c.g] || usedP[c.p] {
			continue
		}
		usedG[c.g], usedP[c.p] = true, true
		n++
	}
	return n
}

func matchSets(gold, pred []tokenSet, m matcher) int {
	var cands []candidate
	for i, g := range gold {
		for j, p := range pred {
			if g[0] > p[len(p)-1] || p[0] > g[len(g)-1] {
				continue
			}
			if inter := intersect(g, p); m(g, p, inter) {
				cands = append(cands, candidate{i, j, inter})
			}
		}
	}
	return greedy(cands)
}

func matchAttributions(gold, pred []tokAttr, m matcher) int {
	var cands []candidate
	for i, g := range gold {
	next:
		for j, p := range pred {
			w := 0
			for _, r := range Roles {
				if len(g[r]) == 0 || len(p[r]) == 0 {
					if len(g[r]) != len(p[r]) {
						continue next
					}
					continue
				}
				inter := intersect(g[r], p[r])
				if !m(g[r], p[r], inter) {
					continue next
				}
				w += inter
			}
			cands = append(cands, candidate{i, j, w})
		}
	}
	return greedy(cands)
}
