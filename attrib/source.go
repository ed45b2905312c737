package attrib

import (
	"slices"
	"strings"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/nlp"
)

// sourceChain reads the source phrase toks[lo:hi] as a chain below the
// article's outlet: "a TVR-News24 report citing top intelligence sources" is
// [TVR-News24, top intelligence sources]; "TVR-News24's sources" is
// [TVR-News24, sources]; "intelligence inputs cited by TVR-News24" is
// [TVR-News24, intelligence inputs]. verb is the cue verb, which helps type
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
			if head := lower(toks[hi-1]); (anonymousHeads[head] || documentHeads[head]) && !bodyCompound(toks, hi-1) {
				return append(r.sourceChain(toks, lo, i, verb), r.sourceChain(toks, i+1, hi, verb)...)
			}
		}
	}
	return r.classify(toks, lo, hi, verb)
}

// classify types a single source phrase, resolving pronouns and definite
// descriptions to a source named earlier. It returns the chain under which
// the source was first named (so "it" after "Daily Ledger reported that per
// TVR-News 24 …" is [Daily Ledger]).
func (r *reader) classify(toks []nlp.Token, lo, hi int, verb string) []claimtrail.Source {
	lo, hi = trimSourcePhrase(toks, lo, hi)
	if lo >= hi {
		return nil
	}
	if clausePhrase(toks, lo, hi) {
		return nil // "intelligence reports … have detailed the types": a clause, no one's name
	}
	p := r.newSourcePhrase(toks, lo, hi, verb)
	if hi-lo == 1 {
		if c, ok := r.pronoun(lower(toks[lo]), toks[lo].Start); ok {
			return c
		}
	}
	p.named = namedInPhrase(r.doc.EntitiesIn(p.span), p)
	if c, ok := r.modifiedName(p); ok {
		return c
	}
	if c := r.describedAgain(p); c != nil {
		return c
	}
	if c := r.agencyAgain(p); c != nil {
		return c
	}
	for _, rule := range sourceRules {
		if rule.when(r, p) {
			return rule.source(r, p)
		}
	}
	return nil // a phrase that names no source: "the tone of the talks suggests"
}

// clausePhrase reports whether the source phrase toks[lo:hi] is a clause
// rather than a noun phrase: it holds a finite verb (a past tense, a modal
// or a finite auxiliary in lower case) with words after it that no relative or question
// word, or pronoun subject, introduces ("officials who have seen the file",
// "a person familiar with what happened", "survivors it had interviewed"
// are noun phrases). A noun that the tagger
// may take for a present-tense verb ("reports", "claims") does not count.
func clausePhrase(toks []nlp.Token, lo, hi int) bool {
	for k := lo + 1; k < hi-1; k++ {
		w := lower(toks[k])
		if clauseOpeners[w] {
			return false
		}
		if toks[k].Tag == "VBD" || finiteAuxiliaries[toks[k].Text] { // lower case: not "May", "Will"
			return true
		}
	}
	return false
}

// clauseOpeners introduce a clause inside a noun phrase: a relative or
// question word, or the pronoun subject of a relative clause without one
// ("survivors it had interviewed").
var clauseOpeners = set(`who whom whose which that what where when how whether why it he she they we i you`)

// finiteAuxiliaries are the finite forms of "be", "have" and "do" and the
// modals: whatever their tag, they make a clause.
var finiteAuxiliaries = set(`is are was were has have had does did will would can could may might must should shall`)

// sourcePhrase is a source phrase being classified, with what the rules of
// sourceRules test: its head noun, the last name inside it, and whether a
// definite determiner precedes it.
type sourcePhrase struct {
	toks     []nlp.Token
	lo, hi   int // the phrase's tokens, determiners and punctuation trimmed
	span     claimtrail.Span
	name     string      // the phrase's text
	head     string      // its head noun, lower-cased
	headAt   int         // the head's token index
	definite bool        // "the report", not "a report"
	named    *nlp.Entity // the name the phrase stands for, if any
	verb     string      // the cue the phrase is the subject of, or ""
}

// trimSourcePhrase drops the determiners and conjunctions that open a
// source phrase and the punctuation that closes it: neither is part of the
// source's name.
func trimSourcePhrase(toks []nlp.Token, lo, hi int) (int, int) {
	for lo < hi && (determiners[lower(toks[lo])] || conjunctions[lower(toks[lo])]) {
		lo++
	}
	for hi > lo && (toks[hi-1].Text == "." || toks[hi-1].Text == "," || isQuote(toks[hi-1].Text)) {
		hi--
	}
	return lo, hi
}

// newSourcePhrase reads the words the rules test off toks[lo:hi]. A
// determiner other than "a" or "an" just before the phrase makes it
// definite: it refers to something named before.
func (r *reader) newSourcePhrase(toks []nlp.Token, lo, hi int, verb string) *sourcePhrase {
	sp := span(toks, lo, hi)
	at := headIndex(toks, lo, hi)
	prev := ""
	if lo > 0 {
		prev = lower(toks[lo-1])
	}
	return &sourcePhrase{
		toks: toks, lo: lo, hi: hi, span: sp, name: sp.In(r.text()),
		head: lower(toks[at]), headAt: at, verb: verb,
		definite: lo > 0 && determiners[prev] && prev != "a" && prev != "an",
	}
}

// namedInPhrase picks the name a phrase stands for among the entities
// inside it: the last one, unless it comes after "led by", where it
// describes the head ("groups, led by Green Harbour"): then the name at the
// head, if there is one.
//
// A name inside a clause on the head ("survivors it had interviewed in
// Santa Lisa", "engineers who inspected the Kesh dam") is where or whom
// the clause speaks of, not the source: then, too, the name at the head.
func namedInPhrase(ents []nlp.Entity, p *sourcePhrase) *nlp.Entity {
	named := lastNamed(ents)
	if named != nil && named.Start >= p.toks[p.headAt].End && (ledBy(p.toks, p.lo, p.hi) || clauseBefore(p.toks, p.headAt+1, named.Start)) {
		named = entityAt(ents, p.toks[p.headAt].Span)
	}
	return named
}

// clauseBefore reports whether a clause opens among the tokens from lo up
// to byte offset end: a relative word or a finite verb.
func clauseBefore(toks []nlp.Token, lo, end int) bool {
	for k := lo; k < len(toks) && toks[k].Start < end; k++ {
		if w := lower(toks[k]); relativeWords[w] || w == "whom" || finiteHere(toks[k]) {
			return true
		}
	}
	return false
}

// modifiedName handles a name that only modifies the head: "the Drummel
// transit authority" is the authority, an organisation or a public body,
// named by the whole phrase.
func (r *reader) modifiedName(p *sourcePhrase) ([]claimtrail.Source, bool) {
	n := p.named
	if n == nil || n.Label == nlp.Person || n.End >= p.toks[p.headAt].Start || anonymousHeads[p.head] || documentHeads[p.head] {
		return nil, false
	}
	if namedOutletHead(p) && n.Label != nlp.Place {
		// "the Lebanese As-Safir newspaper", "the Fars news agency": the
		// outlet by its name, so that "the newspaper" can refer back to it.
		return r.remember(claimtrail.Source{Name: n.Text, Kind: claimtrail.KindOutlet}, nil), true
	}
	kind := claimtrail.KindOrganization
	if officialHeads[p.head] || p.head == "authority" || p.head == "service" && placeName(n) && !mediaService(p) && !capitalised(p.toks[p.headAt].Text) {
		// "the Tarn fire service", "Orvel's prison service": a public
		// service of the place its name modifies; "Kanal Vost's
		// language service" is a broadcaster's.
		kind = claimtrail.KindOfficial
	}
	return r.remember(claimtrail.Source{Name: p.name, Kind: kind}, nil), true
}

// placeName reports whether a name may be a place's: a place, or a name
// no list or behaviour typed, not an organisation's or an outlet's.
func placeName(n *nlp.Entity) bool { return n.Label == nlp.Place || n.Label == nlp.Other }

// mediaService reports whether a phrase headed by "service" names a
// broadcaster's service by its words: "VOA's Hausa-language service",
// "Kanal Vost's world service", "the Tarn news service".
func mediaService(p *sourcePhrase) bool {
	for _, t := range p.toks[p.lo:p.headAt] {
		w := lower(t)
		if mediaServiceWords[w] || strings.HasSuffix(w, "-language") {
			return true
		}
	}
	return false
}

// mediaServiceWords make a service a broadcaster's or a publisher's.
var mediaServiceWords = set(`language world news radio television tv broadcast broadcasting streaming online wire
press photo video`)

// namedOutletHead reports whether the head of a phrase whose name only
// modifies it makes the phrase an outlet: "the As-Safir newspaper", "the
// Fars news agency", not "Teska's civil protection agency" (a body of
// the state the possessive names) or "the agency" of a public body.
func namedOutletHead(p *sourcePhrase) bool {
	if !outletHeads[p.head] || slices.ContainsFunc(p.toks[p.lo:p.hi], func(t nlp.Token) bool { return isPossessive(t.Text) }) {
		return false
	}
	name := strings.ToLower(p.name)
	return p.head != "agency" || strings.Contains(name, "news") || strings.Contains(name, "press")
}

// agencyAgain resolves a bare "the agency" to the public agency named last
// ("the agency said" after "the national cyber agency"); nil when there is
// none, and the rules go on.
func (r *reader) agencyAgain(p *sourcePhrase) []claimtrail.Source {
	if p.head == "agency" && p.hi-p.lo == 1 && p.definite {
		return r.recentOfficialAgency()
	}
	return nil
}

// anonymousAgain reports whether a definite unnamed description ("the
// person", "the official") refers back to an unnamed source introduced
// earlier with the same words and more ("a person in the prime minister's
// office"): one source described twice, not two.
func (r *reader) anonymousAgain(p *sourcePhrase) bool {
	partOf := p.hi-p.lo > 3 && partitives[lower(p.toks[p.lo])] && lower(p.toks[p.lo+1]) == "of" && determiners[lower(p.toks[p.lo+2])]
	return (p.definite || partOf) && p.named == nil && anonymousHeads[p.head] && r.earlierAnonymous(p) != nil
}

// partitives open a part of a group named before: "one of the people".
var partitives = set(`one some each two three several`)

// descriptionStop are the words of a description that do not describe:
// "one of the people" is described by "people".
var descriptionStop = set(`one some each two three several of the a an`)

// sameAnonymous returns the chain under which the earlier unnamed source
// anonymousAgain found was named.
func (r *reader) sameAnonymous(p *sourcePhrase) []claimtrail.Source {
	return r.earlierAnonymous(p).chain
}

// earlierAnonymous returns the latest unnamed source or named role whose
// name holds every word of p's, and more; nil when there is none.
func (r *reader) earlierAnonymous(p *sourcePhrase) *mention {
	var words []string
	for _, w := range strings.Fields(strings.ToLower(p.name)) {
		if !descriptionStop[w] {
			words = append(words, w)
		}
	}
	if len(words) == 0 {
		return nil
	}
	for i := len(r.mentions) - 1; i >= 0; i-- {
		m := &r.mentions[i]
		// A named role ("the chief executive of Marlow Foods", namedRole)
		// is described again as "the chief executive" too.
		if m.src.Kind != claimtrail.KindAnonymous && (m.src.Kind != claimtrail.KindOfficial || !roleOfBody(m.src.Name)) {
			continue
		}
		have := strings.Fields(strings.ToLower(m.src.Name))
		if len(have) > len(words) && !slices.ContainsFunc(words, func(w string) bool { return !slices.Contains(have, w) }) {
			return m
		}
	}
	return nil
}

// sourceRule is one way of typing a source phrase: when it applies, source
// gives the chain. The rules are tried in order and the first that applies
// decides, even when it finds no source.
type sourceRule struct {
	example string // a phrase the rule types
	when    func(r *reader, p *sourcePhrase) bool
	source  func(r *reader, p *sourcePhrase) []claimtrail.Source
}

// sourceRules type a source phrase by the name in it, then its head noun,
// then its shape. Names come first: "Lena Horvat" is a person whatever
// noun follows; head nouns type descriptions ("officials", "the report");
// the shape types what neither knows ("Sorkin said", "a firefighter said").
var sourceRules = []sourceRule{
	{"So I read the posts; You say they are coming (no source)", ownPronoun, noSource},
	{"Others have said", groupWord, rememberAnonymous},
	{"Lena Horvat said", namesPerson, rememberNamedPerson},
	{"Dunvale's coast guard said", compoundBody, rememberKind(claimtrail.KindOfficial)},
	{"the person said (after “a person close to the talks said”)", (*reader).anonymousAgain, (*reader).sameAnonymous},
	{"the Valley Observer reported", outletNamedByHead, rememberNamedOutlet},
	{"the director of the Pascoe Museum said", namedRole, rememberKind(claimtrail.KindOfficial)},
	{"officials said", headIs(anonymousHeads), rememberAnonymous},
	{"local media reports said", mediaReports, rememberMedia},
	{"the Lantern reported", namesOutlet, rememberNamedOutlet},
	{"Halvik's Medicines Agency said", namedPublicBody, rememberPublicBody},
	{"the national cyber agency said", publicAgency, rememberKind(claimtrail.KindOfficial)},
	{"the report said", headIs(documentHeads, outletHeads), (*reader).documentOrOutlet},
	{"the ministry said", unnamedHead(officialHeads), (*reader).official},
	{"the company said", unnamedHead(organizationHeads), (*reader).organization},
	{"Horvat told reporters", surnameOfPerson, rememberFullName},
	{"Reuters reported", namesAnything, rememberNamed},
	{"Harbour Watch said", func(_ *reader, p *sourcePhrase) bool { return capitalisedPhrase(p.toks[p.lo:p.hi]) },
		rememberKind(claimtrail.KindOrganization)},
	{"Sorkin told", unknownName, rememberUnknownName},
	{"a firefighter said", unnamedSpeaker, rememberUnnamedSpeaker},
}

// ownPronoun: the phrase is "I", "we", "you", "me" or "us", which a
// capital at the opening of a sentence may make look like a name ("We",
// "You"): the writer, the speaker of the quotation it stands in or the one
// spoken to; never a person of that name. The statement stays in the
// writer's voice, as it did before the capital could type it.
func ownPronoun(_ *reader, p *sourcePhrase) bool {
	t := p.toks[p.lo].Text
	// "US" in capitals is the country ("Last week the US said").
	return p.hi-p.lo == 1 && speechPronouns[lower(p.toks[p.lo])] && (t == "I" || strings.ToUpper(t) != t)
}

// speechPronouns are the first and second person pronouns.
var speechPronouns = set(`i we you me us`)

func noSource(*reader, *sourcePhrase) []claimtrail.Source { return nil }

// groupWords are nouns of unnamed groups that open a sentence with a
// capital and so look like a name: "Others have said", "Hostages released
// by the group said", "Reporters were told".
var groupWords = set(`others hostages reporters correspondents captives survivors onlookers
bystanders locals fans viewers readers users customers shoppers commuters`)

// groupWord: the phrase is one capitalised word, an unnamed group
// (groupWords or the heads of unnamed sources), capitalised only because
// it opens the sentence. "The officials quoted by …" is left to the rules
// that refer back ("the person said").
func groupWord(_ *reader, p *sourcePhrase) bool {
	w := lower(p.toks[p.lo])
	return p.hi-p.lo == 1 && !p.definite && capitalised(p.toks[p.lo].Text) &&
		(groupWords[w] || anonymousHeads[w] && strings.HasSuffix(w, "s"))
}

// headIs tests the phrase's head noun against word lists.
func headIs(lists ...map[string]bool) func(*reader, *sourcePhrase) bool {
	return func(_ *reader, p *sourcePhrase) bool {
		for _, l := range lists {
			if l[p.head] {
				return true
			}
		}
		return false
	}
}

// unnamedHead tests the head noun of a phrase with no name in it: "the
// ministry", not "the Kesh ministry of health".
func unnamedHead(list map[string]bool) func(*reader, *sourcePhrase) bool {
	return func(_ *reader, p *sourcePhrase) bool { return list[p.head] && p.named == nil }
}

// bodyCompounds are the word pairs that name a public body although
// their head alone names a person: "a guard said" is someone unnamed, "the
// coast guard said" is a service, identifiable and answerable as one.
// Each entry is a modifier and a head.
var bodyCompounds = []struct{ modifier, head, example string }{
	{"coast", "guard", "the coast guard said the boat had sunk"},
	{"national", "guard", "the national guard said troops were deployed"},
	{"border", "guard", "the border guard said the crossing was closed"},
	{"border", "guards", "the border guards said nobody had crossed"},
	{"presidential", "guard", "the presidential guard said the general was inside"},
}

// compoundBody: the phrase's head and the word before it name a public
// body (bodyCompounds): "Dunvale's coast guard", "the national guard".
func compoundBody(_ *reader, p *sourcePhrase) bool {
	return p.headAt > p.lo && bodyCompound(p.toks, p.headAt)
}

// bodyCompound reports whether toks[head] and the word before it are one
// of bodyCompounds: "Dunvale's coast guard" is the state's service, not
// Dunvale's unnamed guard.
func bodyCompound(toks []nlp.Token, head int) bool {
	if head < 1 {
		return false
	}
	h, mod := lower(toks[head]), lower(toks[head-1])
	for _, c := range bodyCompounds {
		if c.head == h && c.modifier == mod {
			return true
		}
	}
	return false
}

// rememberKind records the whole phrase as a source of one kind.
func rememberKind(kind claimtrail.SourceKind) func(*reader, *sourcePhrase) []claimtrail.Source {
	return func(r *reader, p *sourcePhrase) []claimtrail.Source {
		return r.remember(claimtrail.Source{Name: p.name, Kind: kind}, nil)
	}
}

// namesPerson: a person's name reaching the head is the source itself.
func namesPerson(_ *reader, p *sourcePhrase) bool {
	if p.named == nil || p.named.Label != nlp.Person || p.named.End < p.toks[p.headAt].End {
		return false
	}
	// "sources at Quellby City", "a person close to Minister Varn": a name
	// after an unnamed source's head, as the object of a preposition (a
	// title between them or not), says where or whom the source is close
	// to; the source stays unnamed. A name in apposition is the source:
	// "a spokesperson for the ministry Anna Varn", "an adviser, Anna Varn".
	if !anonymousHeads[p.head] || p.named.Start < p.toks[p.headAt].End {
		return true
	}
	return !objectOfPreposition(p.toks, p.headAt, p.named.Start)
}

// namePrepositions open a phrase whose object says where or whom an
// unnamed source is close to.
var namePrepositions = set(`at to in of for from with near inside within`)

// objectOfPreposition reports whether the name starting at byte start,
// after token head, follows a preposition, or a capitalised title right
// after one ("close to Minister Varn").
func objectOfPreposition(toks []nlp.Token, head, start int) bool {
	k := head + 1
	for k < len(toks) && toks[k].Start < start {
		k++
	}
	if k-1 <= head {
		return false
	}
	prev := toks[k-1]
	if namePrepositions[lower(prev)] {
		return true
	}
	return capitalised(prev.Text) && k-2 > head && namePrepositions[lower(toks[k-2])]
}

func rememberNamedPerson(r *reader, p *sourcePhrase) []claimtrail.Source {
	name := p.named.Text
	// A surname of several words ("Mr Abou Sarrouf" after "Karim Abou
	// Sarrouf") reads as a name of its own; it is the person named in full.
	if strings.Contains(name, " ") {
		if full := r.person(p.named); full != "" {
			name = full
		}
	}
	kind := claimtrail.KindPerson
	if w := strings.Fields(name); len(w) > 1 && orgSuffixes[strings.ToLower(w[len(w)-1])] {
		kind = claimtrail.KindOrganization // "Talvo International said": a body, whatever the tagger thought
	}
	return r.remember(claimtrail.Source{Name: name, Kind: kind}, nil)
}

// singleOffices are the offices one person holds in a body: "the director
// of the Pascoe Museum" is that person, identifiable and answerable by
// the office, where "a museum official" or "a director at the museum" is
// one of many. Each word heads the office ("chief executive", "general
// secretary" end in one).
var singleOffices = set(`director head chief executive chairman chairwoman chair chairperson president
governor mayor commissioner secretary chancellor rector provost commander principal superintendent
ombudsman treasurer dean warden administrator coordinator manager`)

// namedRole: a definite single office followed by the body it is held in,
// by name ("the director of the Pascoe Museum", "the chief executive of
// Marlow Foods", "the head of Orvel's fire service"): a named role, not an
// anonymous source. The office must be the phrase's head and the name
// must come after it, under "of", "at" or "for"; an indefinite one ("a
// director at the museum") stays anonymous, and so does a plural.
func namedRole(_ *reader, p *sourcePhrase) bool {
	if !p.definite || lower(p.toks[p.lo-1]) != "the" || p.named == nil || p.named.Label == nlp.Person || !singleOffices[p.head] {
		return false
	}
	h := p.headAt
	if h+1 >= p.hi || p.named.Start < p.toks[h].End {
		return false
	}
	switch lower(p.toks[h+1]) {
	case "of", "at", "for":
	default:
		return false
	}
	// Only the body's name and its determiners after the office: "the
	// director of the museum who resigned in May" is a clause.
	return !clauseBefore(p.toks, h+1, p.span.End)
}

// roleOfBody reports whether a source's name is a named role: a single
// office and the body after it ("director of the Pascoe Museum").
func roleOfBody(name string) bool {
	w := strings.Fields(strings.ToLower(name))
	for k := 1; k+1 < len(w); k++ {
		if singleOffices[w[k-1]] && (w[k] == "of" || w[k] == "at" || w[k] == "for") {
			return true
		}
	}
	return false
}

// rememberAnonymous records an unnamed source under its description.
func rememberAnonymous(r *reader, p *sourcePhrase) []claimtrail.Source {
	return r.remember(claimtrail.Source{Name: anonymousName(p.name), Kind: claimtrail.KindAnonymous}, nil)
}

// mediaReports: "media reports" are the media, an outlet, not a document.
func mediaReports(_ *reader, p *sourcePhrase) bool {
	return documentHeads[p.head] && strings.Contains(strings.ToLower(p.name), "media")
}

// rememberMedia records the media without the document noun: "local media".
func rememberMedia(r *reader, p *sourcePhrase) []claimtrail.Source {
	name := strings.TrimSuffix(strings.TrimSuffix(p.name, p.toks[p.hi-1].Text), " ")
	return r.remember(claimtrail.Source{Name: name, Kind: claimtrail.KindOutlet}, nil)
}

// namesOutlet: an outlet's name, or a name heading a document ("the
// Lantern report"), is the outlet.
func namesOutlet(_ *reader, p *sourcePhrase) bool {
	return p.named != nil && (p.named.Label == nlp.Outlet || documentHeads[p.head])
}

// outletNamedByHead: an outlet's name whose last word would otherwise be
// an unnamed source's head ("the Valley Observer", "the Monitor"): the
// capitalised head inside the outlet's name makes it the outlet, where
// "observers said" is anonymous.
func outletNamedByHead(_ *reader, p *sourcePhrase) bool {
	h := p.toks[p.headAt]
	return p.named != nil && p.named.Label == nlp.Outlet && anonymousHeads[p.head] &&
		capitalised(h.Text) && p.named.Start <= h.Start && h.End <= p.named.End
}

// rememberNamedOutlet records the outlet named, or the author a name
// heading a document names (documentAuthorKinds).
func rememberNamedOutlet(r *reader, p *sourcePhrase) []claimtrail.Source {
	kind := claimtrail.KindOutlet
	if p.named.Label != nlp.Outlet {
		if k, ok := documentAuthorKinds[p.named.Label]; ok {
			kind = k
		} else if documentHeads[p.head] && !outletProducts[p.head] && p.named.End <= p.toks[p.headAt].Start {
			// "the Fenwick study", "the Drummel audit": a name before a
			// study, audit or memo names the document (after its author
			// or subject), not an outlet, which files reports and stories.
			// After it ("a survey by SITE") the name is the author's.
			return r.remember(claimtrail.Source{Name: r.namedDocument(p), Kind: claimtrail.KindDocument}, nil)
		}
	}
	return r.remember(claimtrail.Source{Name: p.named.Text, Kind: kind}, nil)
}

// outletProducts are the document heads an outlet's name heads: "the
// Lantern report", "a Tesk Wire dispatch".
var outletProducts = set(`report reports story article piece item dispatch post headline headlines`)

// namedDocument is the name of a document a name heads: the phrase from
// the name to the head noun ("Fenwick study" in "the 2019 Fenwick study").
func (r *reader) namedDocument(p *sourcePhrase) string {
	from, to := p.named.Start, p.toks[p.headAt].End
	if from < p.span.Start {
		return p.name
	}
	return r.text()[from:to]
}

// documentAuthorKinds type the name heading a document by what the name
// is: a study or report is its author's, and only an outlet's report is
// an outlet's. A name of no known kind stays an outlet ("the Lantern
// report"); so do a place ("a Dunvalian newspaper report", "French site
// iGen": a nationality describing the outlet, not a state speaking) and
// a person-shaped name (the tagger takes "Al Qaeda" for one).
// TestLookalikeKinds checks the examples.
var documentAuthorKinds = map[nlp.Label]claimtrail.SourceKind{
	nlp.Organization: claimtrail.KindOrganization, // "a study by the Halvard Institute found"
}

// namedPublicBody: a name whose head word makes it a public body
// (nlp's ClassPublic heads: Agency, Ministry, Office, Council, Service,
// Authority, Commission, Department …) heads the phrase: "Halvik's
// Medicines Agency", "the Orvel Revenue Service". It is an official body,
// not an outlet ("agency" heads outlets' descriptions too: "the news
// agency") and not a company. A name the lists or the text's behaviour
// made an outlet ("Anadolu Agency", "Tesk Press Agency") was typed by
// namesOutlet before.
func namedPublicBody(_ *reader, p *sourcePhrase) bool {
	n := p.named
	if n == nil || n.Label == nlp.Outlet || n.Label == nlp.Person || n.End < p.toks[p.headAt].End || n.Start > p.toks[p.headAt].Start {
		return false
	}
	name := strings.ToLower(n.Text)
	return nlp.DefaultGazetteer().NameClass(n.Text) == nlp.ClassPublic && !mediaService(p) &&
		!strings.Contains(name, "news") && !strings.Contains(name, "press") && !slices.ContainsFunc(strings.Fields(name), func(w string) bool {
		return mediaServiceWords[w] || strings.HasSuffix(w, "-language") // "the Kesh World Service"
	})
}

// rememberPublicBody records a named public body under the phrase up to
// the end of its name: "Halvik's Medicines Agency", not the clause after
// it ("the Orvel Revenue Service disputing his account").
func rememberPublicBody(r *reader, p *sourcePhrase) []claimtrail.Source {
	name := strings.TrimSpace(r.text()[p.span.Start:p.named.End])
	return r.remember(claimtrail.Source{Name: name, Kind: claimtrail.KindOfficial}, nil)
}

// publicAgency: "the national cyber agency" is a public body; "the news
// agency" and "the press agency" are outlets.
func publicAgency(_ *reader, p *sourcePhrase) bool {
	name := strings.ToLower(p.name)
	return p.head == "agency" && p.hi-p.lo >= 2 && p.named == nil && !strings.Contains(name, "news") && !strings.Contains(name, "press")
}

// documentOrOutlet types a document or outlet description. A definite one
// refers back: "the documents show" to the documents named before, "the
// report adds" to the outlet named last, still citing what it cited; "told
// the newspaper" with none named is the article's own outlet.
func (r *reader) documentOrOutlet(p *sourcePhrase) []claimtrail.Source {
	document := documentHeads[p.head]
	if document && p.definite {
		for i := len(r.mentions) - 1; i >= 0; i-- {
			m := r.mentions[i]
			if r.visible(m.at) && m.src.Kind == claimtrail.KindDocument && strings.HasSuffix(strings.ToLower(m.src.Name), p.head) {
				return m.chain
			}
		}
	}
	if document && p.definite && p.hi-p.lo <= 2 {
		if c := r.documentAuthor(p.head, p.span.Start); c != nil {
			return c // "the report adds", after "X released its report"
		}
	}
	recent := r.recent
	if document {
		recent = r.recentWhole
	}
	if c, ok := recent(func(m mention) bool { return m.src.Kind == claimtrail.KindOutlet }); ok && p.definite && p.hi-p.lo <= 2 {
		return c
	}
	if outletHeads[p.head] && p.definite {
		return []claimtrail.Source{r.outlet}
	}
	if outletHeads[p.head] {
		return r.remember(claimtrail.Source{Name: p.name, Kind: claimtrail.KindOutlet}, nil)
	}
	return r.remember(claimtrail.Source{Name: p.name, Kind: claimtrail.KindDocument}, nil)
}

// official types an unnamed public body: a bare definite one ("the
// ministry") is the one named last whose name has that noun.
func (r *reader) official(p *sourcePhrase) []claimtrail.Source {
	if p.definite && p.hi-p.lo == 1 {
		if c, ok := r.recent(func(m mention) bool {
			return m.src.Kind == claimtrail.KindOfficial && strings.Contains(strings.ToLower(m.src.Name), p.head)
		}); ok {
			return c
		}
	}
	return r.remember(claimtrail.Source{Name: p.name, Kind: claimtrail.KindOfficial}, nil)
}

// organization types an unnamed organisation: a bare definite one ("the
// company") is the organisation named last.
func (r *reader) organization(p *sourcePhrase) []claimtrail.Source {
	if p.definite && p.hi-p.lo == 1 {
		if c, ok := r.recent(func(m mention) bool { return m.src.Kind == claimtrail.KindOrganization }); ok {
			return c
		}
	}
	return r.remember(claimtrail.Source{Name: p.name, Kind: claimtrail.KindOrganization}, nil)
}

// surnameOfPerson: a single name that is the surname of a person named in
// full elsewhere ("Horvat told reporters" after "Health minister Lena
// Horvat") is that person.
func surnameOfPerson(r *reader, p *sourcePhrase) bool {
	return p.named != nil && r.person(p.named) != ""
}

func rememberFullName(r *reader, p *sourcePhrase) []claimtrail.Source {
	return r.remember(claimtrail.Source{Name: r.person(p.named), Kind: claimtrail.KindPerson}, nil)
}

// namesAnything: any other name is typed by its entity label.
func namesAnything(_ *reader, p *sourcePhrase) bool { return p.named != nil }

func rememberNamed(r *reader, p *sourcePhrase) []claimtrail.Source {
	return r.remember(claimtrail.Source{Name: p.named.Text, Kind: entityKind(p.named, p.name, p.verb)}, nil)
}

// unknownName: an untagged name the lists do not know, right before its
// cue: "Sorkin told …", "Ruby Okafor said …".
func unknownName(_ *reader, p *sourcePhrase) bool {
	return p.verb != "" && p.hi-p.lo <= 3 && p.toks[p.lo].Tag == "" && allCapitalised(p.toks[p.lo:p.hi]) && !determiners[lower(p.toks[p.lo])]
}

// rememberUnknownName records an unknown name as a person, or as a company
// when it ends like one ("Corvex Mining said").
func rememberUnknownName(r *reader, p *sourcePhrase) []claimtrail.Source {
	kind := claimtrail.KindPerson
	if orgSuffixes[lower(p.toks[p.hi-1])] {
		kind = claimtrail.KindOrganization
	}
	return r.remember(claimtrail.Source{Name: p.name, Kind: kind}, nil)
}

// unnamedSpeaker: "a firefighter said", "three contractors told …":
// someone unnamed the lists do not know by their noun, subject of a verb
// that takes a person.
func unnamedSpeaker(_ *reader, p *sourcePhrase) bool {
	return humanCues[p.verb] && describesSpeaker(p.toks, p.lo, p.hi, p.headAt)
}

// rememberUnnamedSpeaker records an unnamed speaker as anonymous, or, after
// "the" ("the harbour master said"), as the holder of a post, identifiable
// as such.
func rememberUnnamedSpeaker(r *reader, p *sourcePhrase) []claimtrail.Source {
	kind := claimtrail.KindAnonymous
	if lower(p.toks[p.lo-1]) == "the" {
		kind = claimtrail.KindOfficial
	}
	return r.remember(claimtrail.Source{Name: anonymousName(p.name), Kind: kind}, nil)
}

// humanCues take a person as subject: "the tone of the talks suggests"
// names no speaker, "a firefighter said" does. Relays that only people
// are the object of count too: "quoting a crew member", "spoke to an
// engineer" (not "citing", which takes reasons: "citing a lack of funds").
var humanCues = set(`said says say told tells tell added adds insisted insists argued argues
explained explains admitted admits conceded concedes testified testifies recalled recalls warned
warns claimed claims wrote writes tweeted posted according quoting quoted spoke talked`)

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
// surname is the entity e (one word, or a surname with a particle), or "".
// Two people may share a surname, and a reader takes the surname as the
// writer set it up (surnameRules): the person it already stood for, or
// else the one named in full last before it. A surname before any full
// name is the first named after it.
func (r *reader) person(e *nlp.Entity) string {
	// A name of several words may still be a surname alone: "Abou Sarrouf"
	// after "Karim Abou Sarrouf".
	if strings.Contains(e.Text, " ") && nlp.PersonKey(e.Text) != nlp.Fold(e.Text) {
		return ""
	}
	if r.persons == nil {
		// An index, so that resolving every surname of a long document
		// does not walk all its entities each time.
		r.persons = map[string][]personMention{}
		for _, o := range r.doc.Entities {
			// A surname alone may be left unlabelled ("Murphy" after "Chris
			// Murphy"); it still tells whom the surname stands for.
			if o.Label == nlp.Person || nlp.Fold(o.Text) == o.Key {
				r.persons[o.Key] = append(r.persons[o.Key], personMention{text: o.Text, at: o.Start, person: o.Label == nlp.Person})
			}
		}
	}
	return surnameReferent(r.persons[nlp.Fold(e.Text)], e.Text, e.Start)
}

// surnameRules say whom a bare surname stands for when the document names
// several people in full under it, each with an example (the surname at
// the end stands for the name in brackets); TestSurnameRules checks them.
var surnameRules = []struct{ rule, example, want string }{
	{"a new full name takes the surname over while the surname was not yet used alone",
		"Minister Ada Okafor spoke. Her brother, Obi Okafor, owns the firm. Okafor said", "Obi Okafor"},
	{"once the surname stood alone for one person, it goes on standing for that person",
		"Senator Cal Vinter spoke. Vinter said so. His aunt, Rosa Vinter, agreed. Vinter said", "Cal Vinter"},
	{"a longer form of the same name (a title run into it) is the same person",
		"Ada Okafor spoke. Minister Ada Okafor left. Okafor said", "Ada Okafor"},
	{"a given name and its short form are one person",
		"Mayor Chris Pardew spoke. Christopher Pardew then spoke. Pardew said", "Chris Pardew"},
}

// surnameReferent applies surnameRules to the mentions of one surname key
// (in text order) for the surname short written at byte offset at.
func surnameReferent(mentions []personMention, short string, at int) string {
	cur, established := "", false
	for _, m := range mentions {
		full := m.person && m.text != short && fullerName(m.text, short)
		switch {
		case m.at >= at:
			if cur == "" && full {
				return m.text
			}
		case !full:
			established = cur != ""
		case cur == "" || !established && !fullerName(m.text, cur) && !shortGiven(m.text, cur):
			cur = m.text
		}
	}
	return cur
}

// shortGiven reports whether two names differ only in a given name one
// of which shortens the other: "Chris Pardew", "Christopher Pardew".
func shortGiven(a, b string) bool {
	x, y := strings.Fields(strings.ToLower(a)), strings.Fields(strings.ToLower(b))
	if len(x) != len(y) || len(x) < 2 || !slices.Equal(x[1:], y[1:]) {
		return false
	}
	g, h := x[0], y[0]
	if len(g) > len(h) {
		g, h = h, g
	}
	return len(g) >= 3 && strings.HasPrefix(h, g)
}

// personMention is one mention of a person: its words and where it is;
// person: the entity is labelled a person (only such a mention gives a
// full name: "British-born U.S." is none).
type personMention struct {
	text   string
	at     int
	person bool
}

// fullerName reports whether name holds every word of short and more:
// "Ada Okafor" is a fuller name of "Okafor", "Obi Okafor" is no fuller
// name of "Ada Okafor".
func fullerName(name, short string) bool {
	have := strings.Fields(strings.ToLower(name))
	want := strings.Fields(strings.ToLower(short))
	return len(have) > len(want) && !slices.ContainsFunc(want, func(w string) bool { return !slices.Contains(have, w) })
}

// remember records a newly named source and returns its chain.
func (r *reader) remember(src claimtrail.Source, prefix []claimtrail.Source) []claimtrail.Source {
	chain := append(append([]claimtrail.Source{}, prefix...), src)
	r.mentions = append(r.mentions, mention{src: src, chain: chain, at: r.at})
	return chain
}

// pronoun resolves "it", "he", "she" and "they", written at byte offset
// at, to the latest fitting source; "he" and "she" go through the
// coreference step (coref.go) first.
func (r *reader) pronoun(w string, at int) ([]claimtrail.Source, bool) {
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
			k := m.src.Kind
			return (k == claimtrail.KindAnonymous || k == claimtrail.KindOfficial || k == claimtrail.KindOrganization) && !oneSpeaker(m.src)
		}
	default:
		return nil, false
	}
	if (w == "they" || w == "them") && r.pluralBefore(at) {
		// "As government forces were heading to the town, they heard …":
		// "they" are the forces of its own sentence, no source named
		// before it.
		return []claimtrail.Source{{Name: w, Kind: claimtrail.KindAnonymous}}, true
	}
	if w == "he" || w == "she" {
		if c, ok := r.laterSubject(w); ok {
			return c, true
		}
		// The latest person source whose name does not contradict the
		// pronoun; the coreference step when there is none.
		if c, ok := r.markedSpeaker(w); ok {
			return c, true
		}
		fits = r.agreesWith(w)
		if c, ok := r.recent(fits); ok {
			return c, true
		}
		if c, ok := r.resolvePerson(w, at); ok {
			return c, true
		}
	}
	recent := r.recent
	if w == "it" {
		recent = r.recentWhole
	}
	c, ok := recent(fits)
	if !ok && (w == "he" || w == "she") {
		c, ok = r.lonePerson(at)
	}
	if !ok {
		return []claimtrail.Source{{Name: w, Kind: claimtrail.KindAnonymous}}, true
	}
	return c, true
}

// laterSubject finds a person who opens a sentence after the latest
// person source and before the sentence being read: in "Eklund said …
// Brandvik did not deny that … She said …", "she" is Brandvik, although
// only Eklund was a source.
func (r *reader) laterSubject(pronoun string) ([]claimtrail.Source, bool) {
	agrees := r.agreesWith(pronoun)
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
			if !agrees(mention{src: claimtrail.Source{Name: name, Kind: claimtrail.KindPerson}}) {
				continue
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

// titleBefore reports whether a title phrase, in any capitalisation
// ("Mayor", "Deputy mayor", "The Transport Minister"), is all that stands
// before byte offset at in the sentence.
func titleBefore(toks []nlp.Token, at int) bool {
	for k, t := range toks {
		if t.Start >= at {
			return k > 0 && nlp.DefaultGazetteer().TitlePhrase(toks[:k])
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
// for "it" after "Daily Ledger reported that per TVR-News 24, sources said",
// the speaker named first in that statement (Daily Ledger) is meant, so the
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
		if w := lower(toks[k]); postmodifiers[w] || subjectPronouns[w] {
			// "officials familiar with", and a clause with a pronoun
			// subject of its own: "survivors it had interviewed".
			head = k - 1
			break
		}
	}
	for head > lo && isPossessive(toks[head].Text) {
		head--
	}
	return head
}

// subjectPronouns open a clause when they follow a noun: "survivors it
// had interviewed".
var subjectPronouns = set(`i you he she it we they`)

// quantifiers pick a part of the source phrase after "of": "one of the
// officials", "some of the lawmakers".
var quantifiers = set(`one two three four five six seven eight nine ten dozens hundreds some many
several few none each any most all both either neither`)

// postmodifiers start what follows a source's head noun: "officials
// familiar with", "sources close to", "people who".
var postmodifiers = set(`of with from in at on for to by near about who whom which that close familiar
involved knowledgeable briefed aware speaking`)

// oneSpeaker reports whether a source stands for one person, whom "they"
// cannot mean: a pronoun left unresolved ("he", "she"), an unnamed source
// whose head is singular ("a source", "the official", "a witness") or an
// officer ("a senior spokesman", "the man"). "Two unions", "officials",
// "police", "the crew" and bodies ("the ministry") may be "they".
func oneSpeaker(src claimtrail.Source) bool {
	name := src.Name
	if k := strings.Index(name, " ("); k >= 0 {
		name = name[:k]
	}
	words := strings.Fields(strings.ToLower(name))
	if len(words) == 0 {
		return false
	}
	head := words[len(words)-1]
	for k, w := range words {
		if k > 0 && postmodifierStarts[w] {
			head = words[k-1] // "witness in Tesk", "sources close to the talks"
			break
		}
	}
	if singularPronouns[head] {
		return true
	}
	plural := strings.HasSuffix(head, "s") && !strings.HasSuffix(head, "ss") && !strings.HasSuffix(head, "us")
	if slices.Contains(words, "and") || groupNouns[head] || plural {
		return false
	}
	return src.Kind == claimtrail.KindAnonymous || personOffices[head]
}

// postmodifierStarts open what follows a source's head noun.
var postmodifierStarts = set(`in of at from with for on to who that close familiar near inside within`)

// singularPronouns are the pronouns an unresolved speaker keeps as its
// name: none of them is "they".
var singularPronouns = set(`he she it him her i me`)

// groupNouns are heads of unnamed sources that name several people
// without a plural ending.
var groupNouns = set(`people staff crew crews police personnel fishermen circles quarters family couple team
group public community household panel jury`)

// personOffices are official heads that name one officer, not a body.
var personOffices = set(`spokesman spokeswoman spokesperson minister mayor governor prosecutor man woman`)

// pluralBefore reports whether the sentence holding offset at has, before
// it, a plural noun (tagged NNS or NNPS) that is a clause's subject (a
// verb follows it, not a speech verb: "officials say they believe …" is
// the officials speaking) and no statement's source: the nearest antecedent of a
// "they" there is no one quoted ("As government forces were heading to
// the town, they heard"). A source's own plural ("The sources told the
// Wire that …, a change they described as …") and a plural that is no
// subject ("newly printed passports, a change they described") leave
// "they" to the usual resolution.
func (r *reader) pluralBefore(at int) bool {
	si := r.doc.SentenceAt(at)
	if si < 0 {
		return false
	}
	toks := r.doc.SentenceTokens(si)
	for k := 0; k+1 < len(toks) && toks[k+1].Start < at; k++ {
		t := toks[k]
		next := toks[k+1].Tag
		if (t.Tag == "NNS" || t.Tag == "NNPS") && (strings.HasPrefix(next, "VB") || next == "MD") && !speechVerbs[lower(toks[k+1])] {
			if !r.sourceAt(t.Start) {
				return true
			}
		}
	}
	return false
}

// sourceAt reports whether a statement read so far has its source span
// over offset off.
func (r *reader) sourceAt(off int) bool {
	return slices.ContainsFunc(r.out, func(st claimtrail.Statement) bool {
		return st.Source.Start <= off && off < st.Source.End
	})
}
