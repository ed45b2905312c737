package attrib

import (
	"strings"
	"sync"
	"unicode"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/nlp"
)

// Definite descriptions that refer back to a name: "the company said"
// after "a dam at Quellby Mining's Greyvale mine gave way" is Quellby
// Mining, though Quellby Mining has not spoken yet. The candidates are the
// organisations the article names before the description (any sentence,
// the headline too); a candidate must be of a class the description's head
// noun fits (descriptionRules), and is weighed by the cues a reader uses
// (describeWeights): how near it is, whether it is the subject of its
// clause, whether it has spoken already.

// descriptionRule is what a description's head noun refers back to: names
// of the given classes; with sameHead, only those whose own name holds the
// head word ("the ministry" is a Ministry, "the agency" an Agency).
type descriptionRule struct {
	heads    string // head nouns, separated by spaces
	classes  []nlp.NameClass
	sameHead bool
	kind     claimtrail.SourceKind
	example  [2]string // a text and the name its description resolves to
}

// descriptionRules list the descriptions resolved to a name, with an
// example each; a test runs them.
var descriptionRules = []descriptionRule{
	{heads: "company firm business operator miner producer manufacturer maker supplier retailer insurer lender developer",
		classes: []nlp.NameClass{nlp.ClassCompany, nlp.ClassAirline}, kind: claimtrail.KindOrganization,
		example: [2]string{"A dam at Quellby Mining's mine gave way, the company said.", "Quellby Mining"}},
	{heads: "group", classes: []nlp.NameClass{nlp.ClassCompany, nlp.ClassBody}, kind: claimtrail.KindOrganization,
		example: [2]string{"Water from the river was tested by Civic River Watch.\n\nThe group said the copper level was high.", "Civic River Watch"}},
	{heads: "airline carrier", classes: []nlp.NameClass{nlp.ClassAirline}, kind: claimtrail.KindOrganization,
		example: [2]string{"Flight 12 of Larkmoor Airways landed late.\n\nThe airline said the crew was safe.", "Larkmoor Airways"}},
	{heads: "bank", classes: []nlp.NameClass{nlp.ClassCompany, nlp.ClassPublic}, sameHead: true, kind: claimtrail.KindOrganization,
		example: [2]string{"Ombrell Bank cut its rate on Monday.\n\nThe bank said demand was weak.", "Ombrell Bank"}},
	{heads: "ministry department agency authority commission council board inspectorate panel office bureau",
		classes: []nlp.NameClass{nlp.ClassPublic}, sameHead: true, kind: claimtrail.KindOfficial,
		example: [2]string{"Inspectors of the Civil Aviation Authority visited the site.\n\nThe authority said the runway was clear.", "Civil Aviation Authority"}},
	{heads: "regulator watchdog", classes: []nlp.NameClass{nlp.ClassPublic}, kind: claimtrail.KindOfficial,
		example: [2]string{"The Harbour Safety Authority opened an inquiry.\n\nThe regulator said the crane had failed.", "Harbour Safety Authority"}},
	{heads: "association federation union foundation trust alliance coalition mission",
		classes: []nlp.NameClass{nlp.ClassBody}, sameHead: true, kind: claimtrail.KindOrganization,
		example: [2]string{"The Dock Workers' Union called a strike.\n\nThe union said talks had failed.", "Dock Workers' Union"}},
	{heads: "charity organisation organization", classes: []nlp.NameClass{nlp.ClassBody}, kind: claimtrail.KindOrganization,
		example: [2]string{"Volunteers of the Teskan Red Cross arrived on Friday.\n\nThe charity said food was short.", "Teskan Red Cross"}},
	{heads: "university college school hospital museum gallery", classes: []nlp.NameClass{nlp.ClassCampus}, sameHead: true,
		kind:    claimtrail.KindOrganization,
		example: [2]string{"Students at Wendrel University protested.\n\nThe university said fees would not rise.", "Wendrel University"}},
	{heads: "club", classes: []nlp.NameClass{nlp.ClassClub}, kind: claimtrail.KindOrganization,
		example: [2]string{"Ashcombe United lost on Saturday.\n\nThe club said the stand was closed.", "Ashcombe United"}},
}

// describeWeights are the weights of the cues, with an example each.
var describeWeights = struct {
	perSentence float64 // "Ombrell Bank … Orlan Bank … The bank said": Orlan, the nearer
	subject     float64 // "Orlan Bank sued Ombrell Bank. The bank said": Orlan, the subject
	spoke       float64 // "Ombrell Bank said … Orlan Bank was fined. The bank added": Ombrell spoke
	window      int     // sentences searched back
	ahead       int     // sentences searched forward, for a description with telling modifiers
}{perSentence: 0.3, subject: 0.5, spoke: 1, window: 12, ahead: 4}

// descriptions indexes descriptionRules by head noun.
type descriptions map[string]*descriptionRule

// describeIndex is built once and only read.
var describeIndex = sync.OnceValue(newDescriptions)

func newDescriptions() descriptions {
	d := descriptions{}
	for i := range descriptionRules {
		for _, h := range strings.Fields(descriptionRules[i].heads) {
			if _, dup := d[h]; !dup {
				d[h] = &descriptionRules[i]
			}
		}
	}
	return d
}

// fits reports whether the name e of class c is one the description rule
// refers back to.
func (rule *descriptionRule) fits(head string, c nlp.NameClass, name string) bool {
	ok := false
	for _, want := range rule.classes {
		ok = ok || c == want
	}
	if !ok {
		return false
	}
	return !rule.sameHead || strings.Contains(strings.ToLower(name), head)
}

// describedAgain resolves a definite description ("the company", "the
// authority", "the national space agency") to the name it refers back to;
// nil when its head is no description the rules know or no name fits, and
// the source rules go on.
func (r *reader) describedAgain(p *sourcePhrase) []claimtrail.Source {
	if !p.definite || p.named != nil || p.headAt != p.hi-1 || p.hi-p.lo > 4 {
		return nil
	}
	rule := describeIndex()[p.head]
	if rule == nil {
		return nil
	}
	var mods []string
	for _, t := range p.toks[p.lo:p.headAt] {
		w := lower(t)
		if capitalised(t.Text) || !isWordy(w) {
			return nil // a name or a possessive: not a plain description
		}
		if !genericModifiers[w] {
			mods = append(mods, w)
		}
	}
	e, ok := r.describedName(p.head, rule, mods, p.span.Start)
	if !ok {
		if p.hi-p.lo == 1 {
			return r.describedPhrase(p.head, rule, p.span.Start)
		}
		return nil
	}
	key := nlp.SourceKey(e.Text)
	if c, ok := r.recent(func(m mention) bool { return nlp.SourceKey(m.src.Name) == key }); ok {
		return c // the chain it spoke under
	}
	return r.remember(claimtrail.Source{Name: strings.TrimRight(e.Text, "."), Kind: rule.kind}, nil)
}

// genericModifiers describe a body without telling which: "the national
// space agency" is told by "space".
var genericModifiers = set(`national state federal regional local central public main country's official`)

// isWordy reports whether w is a word of letters (hyphens allowed).
func isWordy(w string) bool {
	for _, c := range w {
		if !unicode.IsLetter(c) && c != '-' {
			return false
		}
	}
	return w != ""
}

// describedName finds the name a description with the given head and
// telling modifiers (mods), at byte offset at, refers back to: the
// best-weighed fitting name among the organisations named in the window
// before it. A name every modifier of which it holds may also come after
// the description, in the sentences that follow ("The national space
// agency confirmed … said the director of the Merovan Space Agency").
func (r *reader) describedName(head string, rule *descriptionRule, mods []string, at int) (nlp.Entity, bool) {
	si := r.doc.SentenceAt(at)
	if si < 0 {
		return nlp.Entity{}, false
	}
	gz := nlp.DefaultGazetteer()
	spoke := map[string]bool{}
	for _, m := range r.mentions {
		if r.visible(m.at) && m.at <= at {
			spoke[nlp.SourceKey(m.src.Name)] = true
		}
	}
	var best nlp.Entity
	bestScore, found := 0.0, false
	last := si
	if len(mods) > 0 {
		last = min(len(r.doc.Sentences)-1, si+describeWeights.ahead)
	}
	for s := last; s >= 0 && s >= si-describeWeights.window; s-- {
		sent := r.doc.Sentences[s]
		if !r.visible(sent.Start) && s <= si {
			continue
		}
		var toks []nlp.Token
		for _, e := range r.doc.EntitiesIn(sent.Span) {
			if e.Label == nlp.Outlet || e.Label == nlp.Place {
				continue
			}
			if toks == nil {
				toks = r.doc.SentenceTokens(s)
			}
			name, ok := fittingName(gz, rule, head, e.Text)
			if !ok && wordBefore(toks, e.Start) == head {
				name, ok = e.Text, true // "the imagery firm OrbitScope … the firm"
			}
			if !ok || !holdsAll(name, mods) {
				continue
			}
			e.Text = name
			if e.Start >= at && len(mods) == 0 {
				continue
			}
			d := si - s
			if d < 0 {
				d = -d
			}
			score := -describeWeights.perSentence * float64(d)
			if e.Start < at && r.isSubject(s, toks, e) {
				score += describeWeights.subject
			}
			if spoke[nlp.SourceKey(e.Text)] {
				score += describeWeights.spoke
			}
			if !found || score > bestScore || score == bestScore && e.Start < at && e.Start > best.Start {
				best, bestScore, found = e, score, true
			}
		}
	}
	return best, found
}

// fittingName returns the name, in the entity text, that the rule's
// description may refer to: the whole text, or the name that opens it
// when the run went on past the name's head word ("Halvard Space Tern-2"
// names a rocket of Halvard Space).
func fittingName(gz *nlp.Gazetteer, rule *descriptionRule, head, text string) (string, bool) {
	words := strings.Fields(text)
	for n := len(words); n >= 2; n-- {
		name := strings.Join(words[:n], " ")
		if rule.fits(head, gz.NameClass(name), name) {
			return name, true
		}
	}
	return "", false
}

// holdsAll reports whether name holds every word of mods, as a word or a
// word's start ("space" in "Merovan Space Agency").
func holdsAll(name string, mods []string) bool {
	words := strings.Fields(strings.ToLower(name))
	for _, m := range mods {
		ok := false
		for _, w := range words {
			ok = ok || strings.HasPrefix(w, m)
		}
		if !ok {
			return false
		}
	}
	return true
}

// relativeAntecedent returns the word a relative clause's pronoun (rel,
// the subject of the clause's verb v) stands for: the noun the clause
// hangs on (acl:relcl). When the parser hung the clause on a verb instead
// ("The fuel was tested by Orlan Mining, which said …" on "tested"), the
// antecedent is the noun right before the comma and the pronoun, read up
// through the name it ends ("Orlan Mining").
func relativeAntecedent(t *nlp.Tree, v, rel int) int {
	h := t.Head(v)
	if h < 0 || nominal(t.UPOS(h)) {
		return h
	}
	k := rel - 1
	for k >= 0 && t.UPOS(k) == "PUNCT" {
		k--
	}
	if k >= 0 && timeWords[lowerWord(t, k)] {
		// "a statement on its website today which said": the clause is
		// about the noun before the time, not the time.
		lo, _ := subtreeWords(t, k)
		for k = lo - 1; k >= 0 && t.UPOS(k) == "PUNCT"; k-- {
		}
	}
	if k < 0 || k >= h && h > rel || !nominal(t.UPOS(k)) {
		return h
	}
	for steps := 0; steps < 4 && (nlp.RelIs(t.Rel(k), "flat") || nlp.RelIs(t.Rel(k), "compound")) && t.Head(k) >= 0; steps++ {
		k = t.Head(k)
	}
	return k
}

// timeWords are times a relative clause does not describe.
var timeWords = set(`today yesterday tonight monday tuesday wednesday thursday friday saturday sunday`)

// nominal reports whether a universal part of speech names a thing.
func nominal(upos string) bool { return upos == "NOUN" || upos == "PROPN" || upos == "PRON" }

// wordBefore returns the lower-cased word just before byte offset at, or "".
func wordBefore(toks []nlp.Token, at int) string {
	w := ""
	for _, t := range toks {
		if t.End > at {
			break
		}
		w = lower(t)
	}
	return w
}

// describedPhrase resolves a bare description no name fits to the
// fuller description the article gave before ("was summoned to the
// foreign ministry …, the ministry said": the foreign ministry), unless a
// source of that kind has been named, which the source rules find; nil
// when there is none.
func (r *reader) describedPhrase(head string, rule *descriptionRule, at int) []claimtrail.Source {
	if _, ok := r.recent(func(m mention) bool { return strings.Contains(strings.ToLower(m.src.Name), head) }); ok {
		return nil
	}
	si := r.doc.SentenceAt(at)
	for s := si; s >= 0 && s >= si-describeWeights.window; s-- {
		if !r.visible(r.doc.Sentences[s].Start) {
			continue
		}
		toks := r.doc.SentenceTokens(s)
		for h := len(toks) - 1; h >= 1; h-- {
			if toks[h].Start >= at || lower(toks[h]) != head || toks[h].Text != lower(toks[h]) {
				continue
			}
			lo := h
			for lo > 0 && toks[lo-1].Text == lower(toks[lo-1]) && isWordy(lower(toks[lo-1])) && !determiners[lower(toks[lo-1])] &&
				!postmodifiers[lower(toks[lo-1])] && !finiteHere(toks[lo-1]) {
				lo--
			}
			if lo == h {
				continue // "the ministry" again: no fuller description
			}
			if lo >= 2 && isPossessive(toks[lo-1].Text) && capitalised(toks[lo-2].Text) {
				lo -= 2 // "Marnovia's foreign ministry"
			}
			name := span(toks, lo, h+1).In(r.text())
			return r.remember(claimtrail.Source{Name: name, Kind: rule.kind}, nil)
		}
	}
	return nil
}
