package ledger

import (
	"fmt"
	"slices"
	"sort"
	"strings"
)

// Counts are one story's counts for the gold claims (score.py's "n").
type Counts struct {
	Gold         int `json:"gold"`
	Matched      int `json:"matched"`
	Status       int `json:"status"`
	Origins      int `json:"origins"`
	Flags        int `json:"flags"`
	Denial       int `json:"denial"`
	DenialN      int `json:"denial_n"`
	Stance       int `json:"stance"`
	StanceN      int `json:"stance_n"`
	StancePres   int `json:"stance_pres"`
	StancePresN  int `json:"stance_pres_n"`
	Chain        int `json:"chain"`
	ChainN       int `json:"chain_n"`
	FalseCorr    int `json:"false_corr"`
	Splits       int `json:"splits"`
	OriginNames  int `json:"origin_names"`
	OriginNamesN int `json:"origin_names_n"`
	Impure       int `json:"impure"`
	StanceAllN   int `json:"stance_all_n"`
	// AsideMatched counts gold claims whose matching ledger claim is an
	// aside: a claim to check that the ledger hides by default.
	AsideMatched int `json:"aside_matched"`
}

// Precision are one story's counts for the ledger's claims (score.py's
// "prec").
type Precision struct {
	Total     int `json:"total"`
	Matched   int `json:"matched"`
	Minor     int `json:"minor"`
	Trivial   int `json:"trivial"`
	Leak      int `json:"leak"`
	Unmatched int `json:"unmatched"`
	// Asides counts the ledger's asides; AsideGold, AsideMinor and
	// AsideUnmatched those among them that match a gold claim (a claim to
	// check kept apart: wrong), a minor item, or nothing.
	Asides         int `json:"asides"`
	AsideGold      int `json:"aside_gold"`
	AsideMinor     int `json:"aside_minor"`
	AsideUnmatched int `json:"aside_unmatched"`
}

// StoryScore is one story scored. Lines say, claim by claim, what matched
// and what went wrong.
type StoryScore struct {
	Story       string    `json:"story"`
	Lines       []string  `json:"lines"`
	N           Counts    `json:"n"`
	Merges      int       `json:"merges"`
	Pairs       int       `json:"pairs"`
	Prec        Precision `json:"prec"`
	OffOK       int       `json:"off_ok"`
	OffN        int       `json:"off_n"`
	LedgerError *string   `json:"ledger_error"`
}

// target is a gold claim or minor item ready for matching.
type target struct {
	id, text string
	main     bool
	claim    *GoldClaim
	keys     []string
	wordings []wordBag
}

func newTarget(id, text string, paraphrases, keys []string) *target {
	t := &target{id: id, text: text, keys: keys}
	for _, w := range append([]string{text}, paraphrases...) {
		t.wordings = append(t.wordings, content(w))
	}
	return t
}

// sim is the best similarity of a text to the target's wordings, 0 when it
// fails the target's key.
func (t *target) sim(text string) float64 {
	if !keyOK(t.keys, text) {
		return 0
	}
	c := content(text)
	best := 0.0
	for i, w := range t.wordings {
		if v := ochiai(w, c); i == 0 || v > best {
			best = v
		}
	}
	return best
}

// scorer holds one story's state while it is scored.
type scorer struct {
	gold   *Gold
	claims []Claim
	files  []string
	off    map[string]bool
	aidOf  map[string]string // article file → ledger article ID
	fileOf map[string]string // ledger article ID → file
	mains  []*target
	all    []*target // mains, then minor items
	// assigned maps a gold claim ID to the ledger claims holding its
	// assertions, by claim index.
	assigned map[string]map[int]int
	out      *StoryScore
}

func (s *scorer) say(format string, args ...any) {
	s.out.Lines = append(s.out.Lines, fmt.Sprintf(format, args...))
}

// Score scores one story's ledger against its gold.
func Score(g *Gold, l *Ledger) StoryScore {
	s := &scorer{gold: g, claims: l.Claims, files: g.Files(), off: map[string]bool{},
		aidOf: map[string]string{}, fileOf: map[string]string{}, assigned: map[string]map[int]int{},
		out: &StoryScore{Story: g.Story, Lines: []string{}}}
	for _, f := range g.OffStory {
		s.off[f] = true
	}
	for _, a := range l.Articles {
		base := a.Path[strings.LastIndex(a.Path, "/")+1:]
		if _, ok := g.Articles[base]; ok {
			s.aidOf[base] = a.ID
			s.fileOf[a.ID] = base
		}
	}
	for i := range g.Claims {
		c := &g.Claims[i]
		t := newTarget(c.ID, c.Text, c.Paraphrases, c.Key)
		t.main, t.claim = true, c
		s.mains = append(s.mains, t)
	}
	s.all = append(s.all, s.mains...)
	for _, m := range g.Minor {
		s.all = append(s.all, newTarget("", m.Text, nil, m.Key))
	}
	s.assign()
	best := s.bestMatches()
	n := &s.out.N
	n.Gold = len(s.mains)
	n.StanceAllN = len(s.mains) * len(s.files)
	for _, t := range s.mains {
		n.ChainN += len(t.claim.Chains)
		if m, ok := best[t.id]; ok {
			s.matched(t, m.claim, m.sim)
		} else {
			s.missed(t)
		}
	}
	s.mergesAndPrecision()
	for _, a := range l.Articles {
		base := a.Path[strings.LastIndex(a.Path, "/")+1:]
		if _, ok := g.Articles[base]; ok && a.OffStory == s.off[base] {
			s.out.OffOK++
		}
	}
	s.out.OffN = len(s.files)
	return *s.out
}

// isLeak reports whether a ledger claim is made only of off-story articles'
// statements.
func (s *scorer) isLeak(c *Claim) bool {
	if len(c.Statements) == 0 {
		return false
	}
	for _, st := range c.Statements {
		f, ok := s.fileOf[st.Article]
		if !ok || !s.off[f] {
			return false
		}
	}
	return true
}

// bestTarget returns the gold claim or minor item most similar to any of
// the texts, the first on ties, and its similarity.
func (s *scorer) bestTarget(texts ...string) (*target, float64) {
	var best *target
	bs := 0.0
	for _, t := range s.all {
		v := 0.0
		for _, x := range texts {
			v = max(v, t.sim(x))
		}
		if v > bs {
			best, bs = t, v
		}
	}
	return best, bs
}

// assign gives each asserting statement of the ledger to the gold claim
// (or minor item) it resembles most.
func (s *scorer) assign() {
	for ci := range s.claims {
		for _, st := range s.claims[ci].Statements {
			if st.Polarity != "asserts" {
				continue
			}
			best, bs := s.bestTarget(st.Text)
			if best != nil && bs >= Threshold && best.main {
				if s.assigned[best.id] == nil {
					s.assigned[best.id] = map[int]int{}
				}
				s.assigned[best.id][ci]++
			}
		}
	}
}

// holders returns the ledger claims holding a gold claim's statements, in
// ledger order.
func (s *scorer) holders(id string) []int {
	out := make([]int, 0, len(s.assigned[id]))
	for ci := range s.assigned[id] {
		out = append(out, ci)
	}
	sort.Ints(out)
	return out
}

type match struct {
	claim int
	sim   float64
}

// bestMatches picks, for each gold claim, the ledger claim with some text
// reaching the threshold that holds most of its statements, the most
// similar on ties.
func (s *scorer) bestMatches() map[string]match {
	out := map[string]match{}
	for _, t := range s.mains {
		bi, bn, bv := -1, 0, 0.0
		for ci := range s.claims {
			c := &s.claims[ci]
			if s.isLeak(c) {
				continue
			}
			v := 0.0
			for _, x := range c.texts() {
				v = max(v, t.sim(x))
			}
			if v < Threshold {
				continue
			}
			k := s.assigned[t.id][ci]
			if bi < 0 || k > bn || k == bn && v > bv {
				bi, bn, bv = ci, k, v
			}
		}
		if bi >= 0 {
			out[t.id] = match{bi, bv}
		}
	}
	return out
}

func (s *scorer) ids(cis []int) string {
	names := make([]string, len(cis))
	for i, ci := range cis {
		names[i] = s.claims[ci].ID
	}
	return pyList(names)
}

func (s *scorer) missed(t *target) {
	g := t.claim
	s.say("  MISS %s [%s, %d origin(s)] %s", t.id, g.Status, *g.Origins.Count, g.Text)
	for _, ch := range g.Chains {
		s.say("       chain %s: no claim matched", ch.File)
	}
	hold := s.holders(t.id)
	if *g.Origins.Count == 1 && slices.ContainsFunc(hold, func(ci int) bool { return s.claims[ci].Status == "corroborated" }) {
		s.out.N.FalseCorr++
		s.say("       FALSE CORROBORATION via statements in %s", s.ids(hold))
	}
}

// matched scores a gold claim against its matching ledger claim.
func (s *scorer) matched(t *target, ci int, sim float64) {
	g, c, n := t.claim, &s.claims[ci], &s.out.N
	n.Matched++
	s.say("  %s -> %s (sim %.2f) \"%s\"", t.id, c.ID, sim, cut(c.Text, 90))
	if c.Aside {
		n.AsideMatched++
		s.say("       aside: %s is kept apart as no claim to check", c.ID)
	}
	var others []string
	for id, held := range s.assigned {
		if _, ok := held[ci]; ok && id != t.id {
			others = append(others, id)
		}
	}
	if len(others) > 0 {
		sort.Strings(others)
		n.Impure++
		s.say("       impure: %s also holds statements of %s", c.ID, pyList(others))
	}
	if c.Status == g.Status {
		n.Status++
	} else {
		s.say("       status: gold %s, ledger %s", g.Status, c.Status)
	}
	s.scoreOrigins(g, c)
	s.scoreFlags(g, c)
	s.scoreDeniers(g, c)
	s.scoreStances(g, c)
	s.scoreChains(t, ci)
	hold := s.holders(t.id)
	all := hold
	if _, ok := s.assigned[t.id][ci]; !ok {
		all = append(slices.Clone(hold), ci)
		sort.Ints(all)
	}
	var corr []int
	for _, x := range all {
		if s.claims[x].Status == "corroborated" {
			corr = append(corr, x)
		}
	}
	if *g.Origins.Count == 1 && len(corr) > 0 {
		n.FalseCorr++
		s.say("       FALSE CORROBORATION: gold has 1 origin, ledger calls %s corroborated", s.ids(corr))
	}
	if len(hold) > 1 {
		n.Splits++
		s.say("       split over %s", s.ids(hold))
	}
}

func (s *scorer) scoreOrigins(g *GoldClaim, c *Claim) {
	n := &s.out.N
	lo, gc := c.origins(), *g.Origins.Count
	var names []string
	for _, o := range c.Origins {
		names = append(names, o.Name)
	}
	for _, alts := range g.Origins.Names {
		n.OriginNamesN++
		if slices.ContainsFunc(names, func(x string) bool { return nameMatch(alts, x) }) {
			n.OriginNames++
		}
	}
	if lo == gc {
		n.Origins++
		return
	}
	s.say("       origins: gold %d %s, ledger %d %s", gc, pyList(firsts(g.Origins.Names)), lo, pyList(names))
}

func (s *scorer) scoreFlags(g *GoldClaim, c *Claim) {
	have := map[string]bool{}
	for _, f := range c.Flags {
		have[f] = true
	}
	ok := true
	for _, f := range g.Flags {
		ok = ok && have[f]
	}
	for f := range have {
		ok = ok && (slices.Contains(g.Flags, f) || slices.Contains(g.FlagsOptional, f))
	}
	if ok {
		s.out.N.Flags++
		return
	}
	got := make([]string, 0, len(have))
	for f := range have {
		got = append(got, f)
	}
	sort.Strings(got)
	s.say("       flags: gold %s (optional %s), ledger %s", pyList(g.Flags), pyList(g.FlagsOptional), pyList(got))
}

func (s *scorer) scoreDeniers(g *GoldClaim, c *Claim) {
	var dn []string
	for _, d := range c.DeniedBy {
		dn = append(dn, d.Name)
	}
	req := g.DeniedBy
	if len(req) == 0 && len(dn) == 0 {
		return
	}
	accept := append(slices.Clone(req), g.DeniedByOptional...)
	s.out.N.DenialN++
	ok := true
	for _, a := range req {
		ok = ok && slices.ContainsFunc(dn, func(x string) bool { return nameMatch(a, x) })
	}
	for _, x := range dn {
		ok = ok && slices.ContainsFunc(accept, func(a Names) bool { return nameMatch(a, x) })
	}
	if ok {
		s.out.N.Denial++
		return
	}
	s.say("       denied_by: gold %s, ledger %s", pyList(firsts(req)), pyList(dn))
}

func (s *scorer) scoreStances(g *GoldClaim, c *Claim) {
	n := &s.out.N
	var bad []string
	for _, f := range s.files {
		want := g.Stances[f]
		got := "absent"
		if aid, ok := s.aidOf[f]; ok {
			if v, ok := c.Stances[aid]; ok {
				got = v
			}
		}
		good := slices.Contains(want, got)
		n.StanceN++
		if good {
			n.Stance++
		}
		if !slices.Contains(want, "absent") {
			n.StancePresN++
			if good {
				n.StancePres++
			}
		}
		if !good {
			bad = append(bad, fmt.Sprintf("%s gold %s ledger %s", cut(f, 2), strings.Join(want, "|"), got))
		}
	}
	if len(bad) > 0 {
		s.say("       stances: %s", strings.Join(bad, "; "))
	}
}

// scoreChains checks the relay chains of a gold claim: some asserting
// statement of the article, in a ledger claim holding the gold claim or
// resembling it, must carry one of the accepted chains.
func (s *scorer) scoreChains(t *target, ci int) {
	pool := map[int]bool{ci: true}
	for x := range s.assigned[t.id] {
		pool[x] = true
	}
	for _, want := range t.claim.Chains {
		aid, known := s.aidOf[want.File]
		var cands [][]*Party
		for cj := range s.claims {
			for _, st := range s.claims[cj].Statements {
				if !known || st.Article != aid || st.Polarity != "asserts" {
					continue
				}
				if pool[cj] || t.sim(st.Text) >= Threshold {
					cands = append(cands, st.Chain)
				}
			}
		}
		if slices.ContainsFunc(cands, func(ch []*Party) bool { return chainMatch(want.AnyOf, ch) }) {
			s.out.N.Chain++
			continue
		}
		var wants []string
		for _, w := range want.AnyOf {
			wants = append(wants, strings.Join(firsts(w), " <- "))
		}
		got := "no statement"
		if len(cands) > 0 {
			var chs []string
			for _, ch := range cands {
				chs = append(chs, strings.Join(chainNames(ch), " <- "))
			}
			got = pyList(chs)
		}
		s.say("       chain %s: gold [%s], ledger %s", cut(want.File, 2), strings.Join(wants, " | "), got)
	}
}

// chainMatch reports whether a ledger chain equals one of the accepted gold
// chains element by element.
func chainMatch(anyOf [][]Names, chain []*Party) bool {
	for _, gold := range anyOf {
		if len(gold) != len(chain) {
			continue
		}
		ok := true
		for i, alts := range gold {
			name := ""
			if chain[i] != nil {
				name = chain[i].Name
			}
			if !nameMatch(alts, name) {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// mergesAndPrecision counts false merges and sorts the ledger's claims into
// matched, minor, trivial, leaked and unmatched.
func (s *scorer) mergesAndPrecision() {
	for _, p := range s.gold.MustNotMerge {
		var both []int
		for _, ci := range s.holders(p.A) {
			if _, ok := s.assigned[p.B][ci]; ok {
				both = append(both, ci)
			}
		}
		if len(both) > 0 {
			s.out.Merges++
			s.say("  FALSE MERGE %s+%s in %s (%s)", p.A, p.B, s.ids(both), p.Why)
		}
	}
	s.out.Pairs = len(s.gold.MustNotMerge)
	pc := &s.out.Prec
	pc.Total = len(s.claims)
	for ci := range s.claims {
		c := &s.claims[ci]
		s.countAside(c)
		if s.isLeak(c) {
			pc.Leak++
			s.say("  LEAK %s: claim from an off-story article: \"%s\"", c.ID, cut(c.Text, 80))
			continue
		}
		if best, bs := s.bestTarget(c.texts()...); best != nil && bs >= Threshold {
			if best.main {
				pc.Matched++
			} else {
				pc.Minor++
			}
			continue
		}
		if len(content(c.Text)) < minContentWords || ownVoice(c) {
			pc.Trivial++
			continue
		}
		pc.Unmatched++
		s.say("  EXTRA %s [%s] \"%s\"", c.ID, c.Status, cut(c.Text, 90))
	}
}

// countAside counts an aside by what it matches, and lists it.
func (s *scorer) countAside(c *Claim) {
	if !c.Aside {
		return
	}
	pc := &s.out.Prec
	pc.Asides++
	best, bs := s.bestTarget(c.texts()...)
	switch {
	case best != nil && bs >= Threshold && best.main:
		pc.AsideGold++
		s.say("  ASIDE %s matches gold %s: \"%s\"", c.ID, best.id, cut(c.Text, 80))
	case best != nil && bs >= Threshold:
		pc.AsideMinor++
		s.say("  ASIDE %s matches minor \"%s\": \"%s\"", c.ID, cut(best.text, 40), cut(c.Text, 80))
	default:
		pc.AsideUnmatched++
		s.say("  ASIDE %s matches nothing: \"%s\"", c.ID, cut(c.Text, 80))
	}
}

// ownVoice reports whether a claim is one article's own narration: every
// statement from one article, with no cue and no source beyond the outlet.
func ownVoice(c *Claim) bool {
	if len(c.Statements) == 0 {
		return false
	}
	for _, st := range c.Statements {
		if st.Article != c.Statements[0].Article || len(st.Chain) > 1 || st.Cue != "" {
			return false
		}
	}
	return true
}

// firsts returns the first accepted value of each list.
func firsts(ns []Names) []string {
	out := make([]string, 0, len(ns))
	for _, n := range ns {
		if len(n) > 0 {
			out = append(out, n[0])
		}
	}
	return out
}

// cut returns the first n characters of s.
func cut(s string, n int) string {
	r := []rune(s)
	if len(r) > n {
		return string(r[:n])
	}
	return s
}

// pyList writes a list of strings as the reference scorer's details do
// (Python's repr), so that the two read alike.
func pyList(xs []string) string {
	var b strings.Builder
	b.WriteByte('[')
	for i, x := range xs {
		if i > 0 {
			b.WriteString(", ")
		}
		q := "'"
		if strings.Contains(x, "'") && !strings.Contains(x, `"`) {
			q = `"`
		}
		x = strings.ReplaceAll(x, `\`, `\\`)
		if q == "'" {
			x = strings.ReplaceAll(x, "'", `\'`)
		}
		b.WriteString(q + x + q)
	}
	b.WriteByte(']')
	return b.String()
}
