package attrib

import (
	"slices"
	"strings"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/nlp"
)

// sourceChain reads the source phrase toks[lo:hi] as a chain below the
// article's outlet: "a CNN-News18 report citing top intelligence sources" is
// [CNN-News18, top intelligence sources]; "CNN-News18's sources" is
// [CNN-News18, sources]; "intelligence inputs cited by CNN-News18" is
// [CNN-News18, intelligence inputs]. verb is the cue verb, which helps type
// an unknown name ("X reported" makes X an outlet).
func (r *reader) sourceChain(toks []nlp.Token, lo, hi int, verb string) []claimtrail.Source {
	for i := lo; i < hi; i++ {
		w := lower(toks[i])
		switch {
		case relayCues[w] && i > lo:
			return append(r.sourceChain(toks, lo, i, verb), r.sourceChain(toks, i+1, hi, verb)...)
		case (w == "cited" || toks[i].Tag == "VBN" || toks[i].Tag == "" && participle(w)) && !leadership[w] && i+1 < hi && lower(toks[i+1]) == "by" && i > lo:
			// "intelligence inputs cited by X", "figures published by X"
			return append(r.sourceChain(toks, i+2, hi, verb), r.sourceChain(toks, lo, i, verb)...)
		case (w == "who" || w == "that") && i+2 < hi && (lower(toks[i+1]) == "spoke" || lower(toks[i+1]) == "told" || lower(toks[i+1]) == "talked") && i > lo:
			// "sources who spoke to X": X passes their words on
			k := i + 2
			if k < hi && (lower(toks[k]) == "to" || lower(toks[k]) == "with") {
				k++
			}
			return append(r.sourceChain(toks, k, hi, verb), r.sourceChain(toks, lo, i, verb)...)
		case (w == "’s" || w == "'s") && i > lo && i+1 < hi:
			if head := lower(toks[hi-1]); anonymousHeads[head] || documentHeads[head] {
				return append(r.sourceChain(toks, lo, i, verb), r.sourceChain(toks, i+1, hi, verb)...)
			}
		}
	}
	return r.classify(toks, lo, hi, verb)
}

// classify types a single source phrase, resolving pronouns and definite
// descriptions to a source named earlier. It returns the chain under which
// the source was first named (so "it" after "First Post reported that per
// CNN-News 18 …" is [First Post]).
func (r *reader) classify(toks []nlp.Token, lo, hi int, verb string) []claimtrail.Source {
	for lo < hi && (determiners[lower(toks[lo])] || conjunctions[lower(toks[lo])]) {
		lo++
	}
	for hi > lo && (toks[hi-1].Text == "." || toks[hi-1].Text == "," || isQuote(toks[hi-1].Text)) {
		hi--
	}
	if lo >= hi {
		return nil
	}
	sp := span(toks, lo, hi)
	name := sp.In(r.text())
	head := lower(toks[headIndex(toks, lo, hi)])
	definite := lo > 0 && determiners[lower(toks[lo-1])] && lower(toks[lo-1]) != "a" && lower(toks[lo-1]) != "an"
	if hi-lo == 1 {
		if c, ok := r.pronoun(lower(toks[lo])); ok {
			return c
		}
	}
	ents := r.doc.EntitiesIn(sp)
	named := lastNamed(ents)
	hi2 := headIndex(toks, lo, hi)
	if named != nil && named.Start >= toks[hi2].End && ledBy(toks, lo, hi) {
		// A name after "led by" describes the head ("groups, led by Green
		// Harbour"): the source is the name at the head, if there is one.
		named = entityAt(ents, toks[hi2].Span)
	}
	if named != nil && named.Label != nlp.Person && named.End < toks[hi2].Start && !anonymousHeads[head] && !documentHeads[head] {
		// A name that only modifies the head: "the Kesh transit authority".
		kind := claimtrail.KindOrganization
		if officialHeads[head] || head == "authority" {
			kind = claimtrail.KindOfficial
		}
		return r.remember(claimtrail.Source{Name: name, Kind: kind}, nil)
	}
	if head == "agency" && hi-lo == 1 && definite {
		if c := r.recentOfficialAgency(); c != nil {
			return c // "the agency said" after "the national cyber agency"
		}
	}
	switch {
	case named != nil && named.Label == nlp.Person && named.End >= toks[hi2].End:
		return r.remember(claimtrail.Source{Name: named.Text, Kind: claimtrail.KindPerson}, nil)
	case anonymousHeads[head]:
		return r.remember(claimtrail.Source{Name: anonymousName(name), Kind: claimtrail.KindAnonymous}, nil)
	case documentHeads[head] && strings.Contains(strings.ToLower(name), "media"):
		return r.remember(claimtrail.Source{Name: strings.TrimSuffix(strings.TrimSuffix(name, toks[hi-1].Text), " "), Kind: claimtrail.KindOutlet}, nil)
	case named != nil && (named.Label == nlp.Outlet || documentHeads[head]):
		return r.remember(claimtrail.Source{Name: named.Text, Kind: claimtrail.KindOutlet}, nil)
	case head == "agency" && hi-lo >= 2 && named == nil && !strings.Contains(strings.ToLower(name), "news") && !strings.Contains(strings.ToLower(name), "press"):
		// "the national cyber agency": a public body; "the news agency" is an outlet.
		return r.remember(claimtrail.Source{Name: name, Kind: claimtrail.KindOfficial}, nil)
	case documentHeads[head] || outletHeads[head]:
		if documentHeads[head] && definite {
			// "the documents show": the documents named before, if any.
			for i := len(r.mentions) - 1; i >= 0; i-- {
				m := r.mentions[i]
				if r.visible(m.at) && m.src.Kind == claimtrail.KindDocument && strings.HasSuffix(strings.ToLower(m.src.Name), head) {
					return m.chain
				}
			}
		}
		recent := r.recent
		if documentHeads[head] {
			recent = r.recentWhole // "the report adds": still citing what the report cited
		}
		if c, ok := recent(func(m mention) bool { return m.src.Kind == claimtrail.KindOutlet }); ok && definite && hi-lo <= 2 {
			return c
		}
		if outletHeads[head] && definite {
			return []claimtrail.Source{r.outlet} // "told the newspaper": the article's own outlet
		}
		if outletHeads[head] {
			return r.remember(claimtrail.Source{Name: name, Kind: claimtrail.KindOutlet}, nil)
		}
		return r.remember(claimtrail.Source{Name: name, Kind: claimtrail.KindDocument}, nil)
	case officialHeads[head] && named == nil:
		if definite && hi-lo == 1 {
			if c, ok := r.recent(func(m mention) bool {
				return m.src.Kind == claimtrail.KindOfficial && strings.Contains(strings.ToLower(m.src.Name), head)
			}); ok {
				return c
			}
		}
		return r.remember(claimtrail.Source{Name: name, Kind: claimtrail.KindOfficial}, nil)
	case organizationHeads[head] && named == nil:
		if definite && hi-lo == 1 {
			if c, ok := r.recent(func(m mention) bool { return m.src.Kind == claimtrail.KindOrganization }); ok {
				return c
			}
		}
		return r.remember(claimtrail.Source{Name: name, Kind: claimtrail.KindOrganization}, nil)
	case named != nil && r.person(named) != "":
		// "Horvat told reporters" after "Health minister Lena Horvat".
		return r.remember(claimtrail.Source{Name: r.person(named), Kind: claimtrail.KindPerson}, nil)
	case named != nil:
		return r.remember(claimtrail.Source{Name: named.Text, Kind: entityKind(named, name, verb)}, nil)
	case capitalisedPhrase(toks[lo:hi]):
		return r.remember(claimtrail.Source{Name: name, Kind: claimtrail.KindOrganization}, nil)
	case verb != "" && hi-lo <= 3 && toks[lo].Tag == "" && allCapitalised(toks[lo:hi]) && !determiners[lower(toks[lo])]:
		// An untagged name the lists do not know, right before its cue:
		// "Sorkin told …", "Ruby Okafor said …"; "Corvex Mining said" is a
		// company.
		kind := claimtrail.KindPerson
		if orgSuffixes[lower(toks[hi-1])] {
			kind = claimtrail.KindOrganization
		}
		return r.remember(claimtrail.Source{Name: name, Kind: kind}, nil)
	case humanCues[verb] && describesSpeaker(toks, lo, hi, hi2):
		// "a firefighter said", "three contractors told …": someone
		// unnamed the lists do not know by their noun; "the harbour
		// master said": the holder of a post, identifiable as such.
		kind := claimtrail.KindAnonymous
		if lower(toks[lo-1]) == "the" {
			kind = claimtrail.KindOfficial
		}
		return r.remember(claimtrail.Source{Name: anonymousName(name), Kind: kind}, nil)
	}
	return nil // a phrase that names no source: "the tone of the talks suggests"
}

// humanCues take a person as subject: "the tone of the talks suggests"
// names no speaker, "a firefighter said" does.
var humanCues = set(`said says say told tells tell added adds insisted insists argued argues
explained explains admitted admits conceded concedes testified testifies recalled recalls warned
warns claimed claims wrote writes tweeted posted according`)

// personalPronouns end a description: what follows is a clause.
var personalPronouns = set(`i you he she it we they me him her us them`)

// describesSpeaker reports whether toks[lo:hi], the subject of a speech
// verb, is a short description of someone unnamed: a determiner or number
// before it (in the text just before lo) and a lower-case head noun.
func describesSpeaker(toks []nlp.Token, lo, hi, head int) bool {
	if hi-lo > 5 || head < lo || head >= hi || capitalised(toks[head].Text) || lo == 0 {
		return false
	}
	for _, t := range toks[lo:hi] {
		if w := lower(t); finiteWords[w] || w == "be" || w == "been" || w == "being" || personalPronouns[w] {
			return false // a clause, not a noun phrase: "the merger could be (announced)", "a change they (described)"
		}
	}
	w := lower(toks[lo-1])
	return determiners[w] && w != "this" && w != "that" && w != "these" && w != "those" ||
		quantifiers[w] || w == "another" || w == "several" || w == "many" || w == "some"
}

// orgSuffixes end the names of companies and bodies: "Corvex Mining",
// "Tarsen Marine", "Kestrel Structures".
var orgSuffixes = set(`mining marine group holdings partners bank capital energy oil gas airlines
airways motors media foods pharma pharmaceuticals technologies systems solutions structures
industries international corp corporation inc ltd llc plc company co trust fund foundation institute
council commission agency authority association union party`)

// allCapitalised reports whether every token starts with a capital letter
// and is a word (not "I", not an abbreviation in capitals).
func allCapitalised(toks []nlp.Token) bool {
	for _, t := range toks {
		if !capitalised(t.Text) || len(t.Text) < 2 || strings.ToUpper(t.Text) == t.Text {
			return false
		}
	}
	return len(toks) > 0
}

// leadership participles describe who heads or backs a group, not who
// passes its words on: "environmental groups, led by Green Harbour".
var leadership = set(`led headed backed supported joined accompanied represented followed flanked
chaired organised organized funded financed owned run founded sponsored endorsed`)

// participle guesses, for an untagged word, whether it is a past
// participle: "seen", "published", "obtained".
func participle(w string) bool {
	switch w {
	case "seen", "shown", "given", "made", "held", "written", "taken", "drawn", "sent", "kept", "read":
		return true
	}
	return len(w) > 4 && strings.HasSuffix(w, "ed")
}

// person returns the full name of a person the document names whose
// surname is the single-word entity e, or "".
func (r *reader) person(e *nlp.Entity) string {
	if strings.Contains(e.Text, " ") {
		return ""
	}
	if r.persons == nil {
		// An index, so that resolving every surname of a long document
		// does not walk all its entities each time.
		r.persons = map[string][]string{}
		for _, o := range r.doc.Entities {
			if ts := r.persons[o.Key]; o.Label == nlp.Person && len(ts) < 2 && (len(ts) == 0 || ts[0] != o.Text) {
				r.persons[o.Key] = append(ts, o.Text)
			}
		}
	}
	for _, t := range r.persons[nlp.Fold(e.Text)] {
		if t != e.Text {
			return t
		}
	}
	return ""
}

// remember records a newly named source and returns its chain.
func (r *reader) remember(src claimtrail.Source, prefix []claimtrail.Source) []claimtrail.Source {
	chain := append(append([]claimtrail.Source{}, prefix...), src)
	r.mentions = append(r.mentions, mention{src: src, chain: chain, at: r.at})
	return chain
}

// pronoun resolves "it", "he", "she" and "they" to the latest fitting source.
func (r *reader) pronoun(w string) ([]claimtrail.Source, bool) {
	var fits func(m mention) bool
	switch w {
	case "it":
		fits = func(m mention) bool {
			k := m.src.Kind
			return k == claimtrail.KindOutlet || k == claimtrail.KindOrganization || k == claimtrail.KindOfficial || k == claimtrail.KindDocument
		}
	case "he", "she", "him", "her":
		fits = func(m mention) bool { return m.src.Kind == claimtrail.KindPerson }
	case "they", "them":
		fits = func(m mention) bool {
			return m.src.Kind == claimtrail.KindAnonymous || m.src.Kind == claimtrail.KindOfficial || m.src.Kind == claimtrail.KindOrganization
		}
	default:
		return nil, false
	}
	if w == "he" || w == "she" {
		if c, ok := r.laterSubject(); ok {
			return c, true
		}
	}
	recent := r.recent
	if w == "it" {
		recent = r.recentWhole
	}
	c, ok := recent(fits)
	if !ok {
		return []claimtrail.Source{{Name: w, Kind: claimtrail.KindAnonymous}}, true
	}
	return c, true
}

// laterSubject finds a person who opens a sentence after the latest
// person source and before the sentence being read: in "Eklund said …
// Brandvik did not deny that … She said …", "she" is Brandvik, although
// only Eklund was a source.
func (r *reader) laterSubject() ([]claimtrail.Source, bool) {
	since := r.lastPersonSource()
	for si := len(r.doc.Sentences) - 1; si >= 0; si-- {
		s := r.doc.Sentences[si]
		if s.Start >= r.at || r.before != 0 && s.Start >= r.before {
			continue
		}
		if s.Start <= since {
			break
		}
		toks := r.doc.SentenceTokens(si)
		if len(toks) < 5 || !endsSentence(toks) {
			continue // a heading, a caption: no subject to refer back to
		}
		lead := span(toks, 0, min(len(toks), 4))
		for _, e := range r.doc.EntitiesIn(lead) {
			if e.Label != nlp.Person || e.Start != lead.Start && !titleBefore(toks, e.Start) || strings.ToUpper(e.Text) == e.Text ||
				!subjectAt(toks, e.End) {
				continue
			}
			name := e.Text
			if full := r.person(&e); full != "" {
				name = full
			}
			return r.remember(claimtrail.Source{Name: name, Kind: claimtrail.KindPerson}, nil), true
		}
	}
	return nil, false
}

// subjectAt reports whether the name ending at byte offset end is a
// subject: a verb or a comma follows it ("Brandvik did not …", "Brandvik,
// the mayor, …"), not a noun ("the Marrow Street footbridge").
func subjectAt(toks []nlp.Token, end int) bool {
	for i, t := range toks {
		if t.Start >= end {
			return t.Text == "," || finiteHere(t) || lexicalVerb(t) || isVerb(toks[i])
		}
	}
	return false
}

// titleBefore reports whether only capitalised words (a title: "Mayor",
// "Regional governor") stand before byte offset at in the sentence.
func titleBefore(toks []nlp.Token, at int) bool {
	for _, t := range toks {
		if t.Start >= at {
			return true
		}
		if !capitalised(t.Text) && !strings.EqualFold(t.Text, "governor") && !strings.EqualFold(t.Text, "minister") ||
			determiners[lower(t)] {
			return false
		}
	}
	return false
}

// lastPersonSource is where the latest person source visible from here was
// named (a statement's sentence or a mention), or -1.
func (r *reader) lastPersonSource() int {
	at := -1
	for i := len(r.out) - 1; i >= 0; i-- {
		st := r.out[i]
		if !r.visible(st.Sentence.Start) || st.Sentence.Start >= r.at {
			continue
		}
		if slices.ContainsFunc(st.Chain, func(s claimtrail.Source) bool { return s.Kind == claimtrail.KindPerson }) {
			at = max(at, st.Sentence.Start)
			break
		}
	}
	for _, m := range r.mentions {
		if m.src.Kind == claimtrail.KindPerson && r.visible(m.at) && m.at < r.at {
			at = max(at, m.at)
		}
	}
	return at
}

// recent returns the chain of the latest statement-level source that fits:
// for "it" after "First Post reported that per CNN-News 18, sources said",
// the speaker named first in that statement (First Post) is meant, so the
// search walks back over statements, not over every name.
func (r *reader) recent(fits func(m mention) bool) ([]claimtrail.Source, bool) {
	return r.recentUpTo(fits, false)
}

// recentWhole is recent, but returns the whole chain of the statement the
// source was found in: "it further said" and "the report adds" go on
// relaying what that statement relayed.
func (r *reader) recentWhole(fits func(m mention) bool) ([]claimtrail.Source, bool) {
	return r.recentUpTo(fits, true)
}

func (r *reader) recentUpTo(fits func(m mention) bool, whole bool) ([]claimtrail.Source, bool) {
	seen := 0
	for i := len(r.out) - 1; i >= 0 && seen < 12; i-- {
		if !r.visible(r.out[i].Sentence.Start) {
			continue
		}
		seen++
		chain := r.out[i].Chain[1:]
		for k, src := range chain {
			if fits(mention{src: src}) {
				if whole {
					k = len(chain) - 1
				}
				return append([]claimtrail.Source{}, chain[:k+1]...), true
			}
		}
	}
	for i := len(r.mentions) - 1; i >= 0; i-- {
		if r.visible(r.mentions[i].at) && fits(r.mentions[i]) {
			return r.mentions[i].chain, true
		}
	}
	return nil, false
}

// visible reports whether what was found at byte offset at may be referred
// back to from where the reader is.
func (r *reader) visible(at int) bool { return r.before == 0 || at < r.before }

// recentOfficialAgency returns the chain of the latest official source
// named as an agency, or nil.
func (r *reader) recentOfficialAgency() []claimtrail.Source {
	c, ok := r.recent(func(m mention) bool {
		return m.src.Kind == claimtrail.KindOfficial && strings.Contains(strings.ToLower(m.src.Name), "agency")
	})
	if !ok {
		return nil
	}
	return c
}

// ledBy reports whether toks[lo:hi] holds a leadership participle with
// "by": "led by", "backed by".
func ledBy(toks []nlp.Token, lo, hi int) bool {
	for k := lo; k+1 < hi; k++ {
		if leadership[lower(toks[k])] && lower(toks[k+1]) == "by" {
			return true
		}
	}
	return false
}

// entityAt returns the entity covering span sp, or nil.
func entityAt(ents []nlp.Entity, sp claimtrail.Span) *nlp.Entity {
	for i := range ents {
		if ents[i].Start <= sp.Start && sp.End <= ents[i].End {
			return &ents[i]
		}
	}
	return nil
}

// lastNamed returns the entity that heads the phrase: the last person,
// outlet or organisation, else the last entity of any kind.
func lastNamed(ents []nlp.Entity) *nlp.Entity {
	for i := len(ents) - 1; i >= 0; i-- {
		switch ents[i].Label {
		case nlp.Person, nlp.Outlet, nlp.Organization:
			return &ents[i]
		}
	}
	if len(ents) > 0 {
		return &ents[len(ents)-1]
	}
	return nil
}

// entityKind types a named source that is not a person or an outlet.
func entityKind(e *nlp.Entity, phrase, verb string) claimtrail.SourceKind {
	low := strings.ToLower(phrase)
	switch {
	case e.Label == nlp.Place:
		return claimtrail.KindOfficial // "Islamabad said": a state speaking
	case strings.Contains(low, "ministry") || strings.Contains(low, "government") || strings.Contains(low, "office") ||
		strings.Contains(low, "military") || strings.Contains(low, "army") || strings.Contains(low, "spokes"):
		return claimtrail.KindOfficial
	case verb == "reported" || verb == "reports":
		return claimtrail.KindOutlet
	}
	return claimtrail.KindOrganization
}

// conjunctions may open a source phrase cut from a coordination: "…, and
// aid groups say".
var conjunctions = set(`and but or while whereas`)

// anonymousName keeps the descriptive words of an unnamed source
// ("top intelligence sources", "officials familiar with the deliberations").
func anonymousName(name string) string { return strings.Join(strings.Fields(name), " ") }

func capitalisedPhrase(toks []nlp.Token) bool {
	for _, t := range toks {
		if t.Tag == "NNP" || t.Tag == "NNPS" {
			return true
		}
	}
	return false
}

// headIndex finds the head noun of a source phrase: the last noun of its
// first run of nouns ("officials familiar with the talks", "people close to
// the player", "top intelligence sources"), else the last word.
func headIndex(toks []nlp.Token, lo, hi int) int {
	if toks[lo].Tag == "" {
		return lexicalHead(toks, lo, hi)
	}
	k := lo
	for {
		for k < hi && !strings.HasPrefix(toks[k].Tag, "NN") {
			k++
		}
		if k == hi {
			return hi - 1
		}
		for k+1 < hi && strings.HasPrefix(toks[k+1].Tag, "NN") && !isPossessive(toks[k+1].Text) {
			k++
		}
		if k+2 < hi && isPossessive(toks[k+1].Text) {
			k += 2 // "Veldrania's foreign ministry": the possessor is not the head
			continue
		}
		return k
	}
}

func isPossessive(s string) bool { return s == "’s" || s == "'s" || s == "’" || s == "'" }

// lexicalHead finds the head of an untagged source phrase: the word before
// the first preposition, relative word or postmodifier, past a possessive
// and past a leading "one of" / "two of".
func lexicalHead(toks []nlp.Token, lo, hi int) int {
	if lo+2 < hi && lower(toks[lo+1]) == "of" && quantifiers[lower(toks[lo])] {
		lo += 2 // "one of the officials", not "the ministry of health"
		for lo < hi-1 && determiners[lower(toks[lo])] {
			lo++
		}
	}
	head := hi - 1
	for k := lo + 1; k < hi; k++ {
		if isPossessive(toks[k].Text) {
			continue
		}
		if postmodifiers[lower(toks[k])] {
			head = k - 1
			break
		}
	}
	for head > lo && isPossessive(toks[head].Text) {
		head--
	}
	return head
}

// quantifiers pick a part of the source phrase after "of": "one of the
// officials", "some of the lawmakers".
var quantifiers = set(`one two three four five six seven eight nine ten dozens hundreds some many
several few none each any most all both either neither`)

// postmodifiers start what follows a source's head noun: "officials
// familiar with", "sources close to", "people who".
var postmodifiers = set(`of with from in at on for to by near about who whom which that close familiar
involved knowledgeable briefed aware speaking`)
