package story

import (
	"slices"
	"strings"
	"unicode"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/nlp"
)

// citations maps each outlet (by folded name) to the outlets it cites in the
// story's chains, in first-seen order.
func citations(articles []claimtrail.Article, claims []claimtrail.Claim) map[string][]string {
	out := map[string][]string{}
	seen := map[[2]string]bool{}
	for _, c := range claims {
		for _, st := range c.Statements {
			for k := 0; k+1 < len(st.Chain); k++ {
				a, b := st.Chain[k], st.Chain[k+1]
				if a.Kind != claimtrail.KindOutlet || b.Kind != claimtrail.KindOutlet || venueOf(st.Chain, k+1) {
					continue
				}
				ka, kb := nlp.SourceKey(a.Name), nlp.SourceKey(b.Name)
				if ka == kb || seen[[2]string{ka, kb}] {
					continue
				}
				seen[[2]string{ka, kb}] = true
				out[ka] = append(out[ka], kb)
			}
		}
	}
	return out
}

// venueOf reports whether the outlet at chain[k] only carried a named
// speaker's words (attrib's venues and recipients: "A said on Radio X",
// "A told the Courier"): the outlet before it quotes the speaker through
// it, and does not pass that outlet's reporting on, so its own-voice
// claims stay its own.
func venueOf(chain []claimtrail.Source, k int) bool {
	if k+1 >= len(chain) {
		return false
	}
	switch chain[k+1].Kind {
	case claimtrail.KindPerson, claimtrail.KindOfficial, claimtrail.KindOrganization:
		return true
	}
	return false
}

// root follows an outlet through the outlets it relays: an outlet that cites
// exactly one other outlet in the story passes that outlet's reporting on.
func root(key string, relays map[string][]string) string {
	for hops := 0; hops < 8; hops++ {
		next := relays[key]
		if len(next) != 1 {
			return key
		}
		key = next[0]
	}
	return key
}

// origin is one independent ultimate source of a claim.
type origin struct {
	key string
	src claimtrail.Source
	own bool // an outlet's own voice
	// hedged: the outlet's own voice keeps its distance ("is understood
	// to", "reports that"): it passes on what circulates.
	hedged bool
	// article is the article of the statement the origin comes from.
	article string
	// words are the statement's words, for an unnamed source (echo.go);
	// cited: that source is owned by an outlet the article cites, not by
	// the article's own outlet.
	words []string
	cited bool
	// sentence are the words of the statement's whole sentence, cue and
	// source included (copiedSentences).
	sentence []string
	// pronoun: the speaker is a pronoun no step resolved ("he said"): a
	// person the article names somewhere, not a source of its own.
	pronoun bool
	// direct: the statement's content is a quotation in quotation marks,
	// the speaker's own words.
	direct bool
	// officer: the person's role phrase holds an office that speaks for
	// a body ("spokeswoman", "Vice-Chancellor", "Commander"; officerWords).
	officer bool
	// territorial: the role phrase holds an office that heads a place
	// ("governor", "mayor"; territorialOffices), not a body in it.
	territorial bool
	// bodies are the common nouns of the bodies the role phrase says
	// the person speaks for ("union" in "the union's general
	// secretary"; roleBodies).
	bodies []string
	// author: the person's role phrase makes them a document's author
	// ("its lead author", "co-author of the study"; authorWords).
	author bool
	// role holds the folded proper names of a person's role phrase
	// ("Thalmos managing director", "chair of the Air Safety Board").
	role []string
	// proper holds the capitalised words of that phrase that name no
	// role: the body the person speaks for ("Dravik").
	proper []string
}

// origins returns a claim's independent origins. Each asserting statement's
// chain is walked from its speaker back: a named speaker is its own origin;
// an anonymous source or a document belongs to the outlet or party that cites
// it, after following that outlet's relays; a statement in an outlet's own
// voice has that outlet as origin, or the original's outlet for a copy.
// Origins with the same root count once.
func (b *Builder) origins(stmts []claimtrail.Statement, relays map[string][]string, outlets, names map[string]string, texts map[string]string) []claimtrail.Source {
	var found []origin
	sourced := map[string]bool{} // articles asserting the claim on someone's word
	hedging := map[string]bool{} // articles hedging the claim in their own voice
	for _, st := range stmts {
		if st.Polarity == claimtrail.Asserts && len(st.Chain) > 1 {
			sourced[st.Article] = true
		}
		if st.Polarity == claimtrail.Asserts && len(st.Chain) == 1 && distanced(&st) {
			hedging[st.Article] = true
		}
	}
	for _, st := range stmts {
		if st.Polarity != claimtrail.Asserts || len(st.Chain) == 0 {
			continue
		}
		if len(st.Chain) == 1 && sourced[st.Article] {
			continue // the outlet restating what its source told it
		}
		chain := st.Chain
		if name := b.standsFor(st.Article, outlets); name != "" {
			chain = append([]claimtrail.Source{{Name: name, Kind: claimtrail.KindOutlet}}, chain[1:]...)
		}
		o := originOf(chain, relays, names)
		if d, ok := namedDocument(chain, texts[st.Article], st); ok {
			o = d
		}
		o.own = len(chain) == 1
		// An outlet that keeps its distance from the claim in one
		// sentence does not make it its own in another.
		o.hedged = o.own && hedging[st.Article]
		if o.src.Kind == claimtrail.KindPerson && len(chain) == len(st.Chain) {
			span := nameSpan(texts[st.Article], st.Source, o.src.Name)
			o.role, o.proper = roleNames(texts[st.Article], span), roleProper(texts[st.Article], span)
			o.officer = holdsOffice(texts[st.Article], span)
			o.territorial = holdsWord(texts[st.Article], span, territorialOffices)
			o.bodies = roleBodies(texts[st.Article], span)
			o.author = holdsWord(texts[st.Article], span, authorWords)
		}
		o.article = st.Article
		o.words = quoteWords(texts[st.Article], st.Content)
		o.sentence = quoteWords(texts[st.Article], st.Sentence)
		o.direct = directQuote(texts[st.Article], st.Sentence, st.Content)
		if anonymousKind(o.src.Kind) {
			o.cited = citedOwner(chain)
			o.pronoun = unresolvedPronouns[strings.ToLower(chain[len(chain)-1].Name)]
		}
		found = append(found, o)
	}
	return merge(sameParty(pronounsToArticle(dropPassing(dropHedged(echoedQuotes(copiedSentences(found)))))))
}

// unresolvedPronouns are the speakers attrib leaves as they are written
// when it finds no referent (attrib's reader.pronoun).
var unresolvedPronouns = map[string]bool{"he": true, "she": true, "him": true, "her": true,
	"it": true, "they": true, "them": true}

// onlyQuotedPerson returns the index of the one person, outside the given
// article, quoted in quotation marks on the claim, or -1 when there is
// none or more than one: "'I am safe,' she wrote" joins the claim "'I am
// safe,' Lena Varga wrote" in another article, and the words in
// quotation marks are one speaker's.
func onlyQuotedPerson(found []origin, article string) int {
	j := -1
	for k, o := range found {
		if o.article == article || o.pronoun || !o.direct || o.src.Kind != claimtrail.KindPerson {
			continue
		}
		if j >= 0 && found[j].key != o.key {
			return -1
		}
		j = k
	}
	return j
}

// directQuote reports whether the content sp of a statement whose
// sentence is sent lies inside quotation marks: a quotation mark opened
// before it in the sentence is not yet closed ("She wrote: 'I am safe
// and well.", "“I am safe,” she wrote"). An apostrophe between two
// letters ("I'm") is no quotation mark.
func directQuote(text string, sent, sp claimtrail.Span) bool {
	if sp.Start <= 0 || sp.End > len(text) || sp.Start >= sp.End {
		return false
	}
	from := sent.Start
	if from < 0 || from > sp.Start {
		from = sp.Start
	}
	depth, straight := 0, false
	prev := ' '
	run := []rune(text[from:sp.Start])
	for k, r := range run {
		next := ' '
		if k+1 < len(run) {
			next = run[k+1]
		} else if sp.Start < len(text) {
			next = rune(text[sp.Start])
		}
		switch {
		case r == '“' || r == '‘' && !unicode.IsLetter(prev):
			depth++
		case r == '”' || r == '’' && !(unicode.IsLetter(prev) && unicode.IsLetter(next)):
			depth = max(depth-1, 0)
		case r == '"' || r == '\'' && !(unicode.IsLetter(prev) && unicode.IsLetter(next)):
			straight = !straight
		}
		prev = r
	}
	return depth > 0 || straight
}

// pronounsToArticle gives an unresolved pronoun speaker ("he said the
// pier was closed") the key of another origin its article gives the claim:
// "he" is someone the article quotes, most likely the one it quotes on the
// same claim, not a further independent source. Failing that, a named
// speaker another article quotes in the same words (sameWords) is the one
// meant: a copied quotation; and so is the one person another article
// quotes in quotation marks on the claim, when the pronoun's words are in
// quotation marks too (onlyQuotedPerson). Alone, the pronoun stays its
// article's own unnamed source.
func pronounsToArticle(found []origin) []origin {
	for i := range found {
		if !found[i].pronoun {
			continue
		}
		j := slices.IndexFunc(found, func(o origin) bool {
			return !o.pronoun && o.article == found[i].article && o.key != found[i].key
		})
		if j < 0 {
			j = slices.IndexFunc(found, func(o origin) bool {
				return !anonymousKind(o.src.Kind) && o.article != found[i].article && sameWords(o.words, found[i].words)
			})
		}
		if j < 0 && found[i].direct {
			j = onlyQuotedPerson(found, found[i].article)
		}
		if j >= 0 {
			// Only this origin: the pronoun's key is its article's
			// outlet's, which the outlet's other sources share.
			found[i].key, found[i].src = found[j].key, found[j].src
		}
	}
	return found
}

// dropHedged leaves out an outlet's hedged own-voice origins when the
// claim has another origin: "her coach is understood to have been
// suspended" passes on what another outlet's sources said; it is not a
// source of its own. Alone, it stays the claim's only origin.
func dropHedged(found []origin) []origin {
	other := slices.ContainsFunc(found, func(o origin) bool { return !o.hedged })
	if !other {
		return found
	}
	return slices.DeleteFunc(slices.Clone(found), func(o origin) bool { return o.hedged })
}

// sameParty gives one key to the origins that name one party several ways:
// a person by full name and by surname ("Jaime Ostrell", "Ostrell"), a body
// by its full and its short name ("Vintrian navy", "Vintrian"), and a document
// as different outlets describe it ("interim inquiry report", "interim
// report of the inquiry"): a document counts once however many outlets read
// it. Anonymous sources and outlets keep their keys: two outlets' unnamed
// sources are two origins.
func sameParty(found []origin) []origin {
	words := make([][]string, len(found))
	for i, o := range found {
		if partyKind(o.src) {
			words[i] = partyWords(o.src.Name)
		}
	}
	for i := range found {
		for j := range found {
			if i == j || len(words[i]) == 0 || len(words[j]) == 0 || len(words[i]) > len(words[j]) {
				continue
			}
			if found[i].src.Kind == claimtrail.KindDocument && found[j].src.Kind != claimtrail.KindDocument {
				continue
			}
			if subset(words[i], words[j]) && found[i].key != found[j].key && !sharedShortName(found, words, i, j) {
				rekey(found, found[i].key, found[j].key)
			}
		}
	}
	sameSpelledPerson(found)
	// A spokesperson, executive or chair speaks for the body their role
	// names, when that body is itself an origin of the claim.
	officersOfOneBody(found)
	officersOfTheirArticlesBody(found)
	authorsOfTheirArticlesDocument(found)
	membersOfTheirBody(found)
	officersOfTheirBodyNoun(found)
	for i := range found {
		for j := range found {
			if i != j && len(found[i].role) > 0 && len(words[j]) > 0 && found[j].src.Kind != claimtrail.KindPerson &&
				intersects(found[i].role, words[j]) && found[i].key != found[j].key && !distinctOffice(found[i], found[j]) {
				rekey(found, found[i].key, found[j].key)
			}
		}
	}
	return found
}

// sharedShortName reports whether the short name found[i] ("Okafor") may
// stand for another party than found[j] ("Ada Okafor") as well: a second
// party of the claim whose name holds it and is not j's ("Obi Okafor").
// Then it joins j only when j is the one of them its own article names;
// else it stays apart, and the two full names are never joined through it.
func sharedShortName(found []origin, words [][]string, i, j int) bool {
	if found[i].src.Kind != claimtrail.KindPerson || found[j].src.Kind != claimtrail.KindPerson {
		return false // "government" in "Nigeria's government" and "the government's envoy"
	}
	other, otherHere := false, false
	for k := range found {
		if k == i || k == j || found[k].src.Kind != claimtrail.KindPerson || len(words[k]) <= len(words[i]) || !subset(words[i], words[k]) ||
			subset(words[k], words[j]) || subset(words[j], words[k]) {
			continue
		}
		other = true
		otherHere = otherHere || found[k].article == found[i].article
	}
	return other && (found[j].article != found[i].article || otherHere)
}

// officersOfOneBody gives one key to the people whose roles name one body
// ("its chief executive", "Dravik's head of market access"): they speak
// for it once. A territorial officer and an officer of a body in the
// territory ("Tarn Governor …", "Tarn fire chief …") are two offices.
func officersOfOneBody(found []origin) {
	for i := range found {
		for j := range found {
			if i != j && found[i].key != found[j].key && found[i].src.Kind == claimtrail.KindPerson &&
				found[j].src.Kind == claimtrail.KindPerson && found[i].territorial == found[j].territorial && sharedBody(found[i], found[j]) {
				rekey(found, found[i].key, found[j].key)
			}
		}
	}
}

// memberNouns are the heads of an unnamed source that speaks from inside
// a body its other words name: "union officials", "party sources",
// "union members".
var memberNouns = map[string]bool{"official": true, "officials": true, "member": true, "members": true,
	"leader": true, "leaders": true, "source": true, "sources": true, "representative": true,
	"representatives": true, "insider": true, "insiders": true, "staff": true, "spokesman": true,
	"spokeswoman": true, "spokesperson": true}

// membersOfTheirBody gives an unnamed source that names its body ("union
// officials", "union members (Radio Kelm)") the key of the body when
// the body is itself an origin of the claim ("the dockers' union"): the
// members say what the body says, not a second origin. Every word of the
// source but its head must be a word of the body's name, and the body's
// own head one of them ("Iraqi officials" are not of "Iraqi media").
func membersOfTheirBody(found []origin) {
	for i := range found {
		if !anonymousKind(found[i].src.Kind) || found[i].pronoun {
			continue
		}
		words := partyWords(found[i].src.Name)
		if len(words) < 2 || !memberNouns[words[len(words)-1]] {
			continue
		}
		for j := range found {
			k := found[j].src.Kind
			if k != claimtrail.KindOrganization && k != claimtrail.KindOfficial || found[j].key == found[i].key {
				continue
			}
			body := partyWords(found[j].src.Name)
			if len(body) > 0 && slices.Contains(words, body[len(body)-1]) && subset(words[:len(words)-1], body) {
				rekey(found, found[i].key, found[j].key)
				break
			}
		}
	}
}

// officersOfTheirBodyNoun gives a person whose role speaks for a body by
// its common noun ("Wenna Jory, the union's general secretary") one key
// with the origins that are that body: a body whose name ends in the noun
// ("the dockers' union"), or an unnamed source named after it ("union
// leaders", memberNouns). The body speaks through its leaders and its
// officer: one origin, named after the body. With two such bodies among
// the claim's origins there is no telling which one is meant.
func officersOfTheirBodyNoun(found []origin) {
	for i := range found {
		o := &found[i]
		if o.src.Kind != claimtrail.KindPerson || len(o.bodies) == 0 || o.territorial {
			continue
		}
		key, members := "", -1
		ok := true
		for j := range found {
			b, isMembers := bodyByNoun(found[j], o.bodies)
			if !b || found[j].key == o.key {
				continue
			}
			if key != "" && key != found[j].key {
				ok = false
				break
			}
			key = found[j].key
			if isMembers {
				members = j
			}
		}
		if !ok || key == "" {
			continue
		}
		rekey(found, o.key, key)
		if members >= 0 {
			// Name the origin after the body, not its unnamed members:
			// "union", not "Union leaders".
			body := claimtrail.Source{Name: strings.ToLower(memberBody(found[members].src.Name)), Kind: claimtrail.KindOrganization}
			for k := range found {
				if found[k].key == key {
					found[k].src = body
				}
			}
		}
	}
}

// bodyByNoun reports whether an origin is a body named by one of the
// nouns ("the dockers' union" for "union"), and whether it is that body's
// unnamed members ("union leaders").
func bodyByNoun(o origin, nouns []string) (body, members bool) {
	words := partyWords(o.src.Name)
	if len(words) == 0 {
		return false, false
	}
	switch {
	case o.src.Kind == claimtrail.KindOrganization || o.src.Kind == claimtrail.KindOfficial:
		return slices.Contains(nouns, words[len(words)-1]), false
	case anonymousKind(o.src.Kind) && !o.pronoun && len(words) == 2 && memberNouns[words[1]]:
		return slices.Contains(nouns, words[0]), true
	}
	return false, false
}

// memberBody is the body an unnamed source of its members is named
// after: "Union" in "Union leaders (Dorn Post)".
func memberBody(name string) string {
	if k := strings.Index(name, " ("); k >= 0 {
		name = name[:k]
	}
	w := strings.Fields(name)
	return strings.Join(w[:len(w)-1], " ")
}

// officersOfTheirArticlesBody gives a person whose role is an office
// naming no body ("Vice-Chancellor Professor Helen Vandermeer", "Commander
// Nico Vassallo") the key of the one body that is an origin of the claim
// in the same article: the article quotes the body and then the officer
// speaking for it ("The university said it had found 12 applications …
// 'we found 12 files,' Vandermeer said"). A role that names a body of its
// own is left to the rules above; with two bodies in the article there is
// no telling whose officer the person is.
func officersOfTheirArticlesBody(found []origin) {
	for i := range found {
		o := &found[i]
		if o.src.Kind != claimtrail.KindPerson || !o.officer || namesOtherBody(*o) {
			continue
		}
		body := onlyKeyIn(found, o.article, func(b origin) bool {
			return b.src.Kind == claimtrail.KindOfficial || b.src.Kind == claimtrail.KindOrganization
		})
		if body != "" && body != o.key {
			rekey(found, o.key, body)
		}
	}
}

// onlyKeyIn returns the key of the origins of article that satisfy is,
// when they all share one; "" when none does or two keys do (there is no
// telling which one is meant).
func onlyKeyIn(found []origin, article string, is func(origin) bool) string {
	key := ""
	for _, o := range found {
		if o.article != article || !is(o) {
			continue
		}
		if key != "" && key != o.key {
			return ""
		}
		key = o.key
	}
	return key
}

// authorsOfTheirArticlesDocument gives a document's author ("Its lead
// author, Mara Quill, said …") the key of the one named document that is
// an origin of the claim in the same article: a study and its authors
// are one origin, not two. With two documents in the article there is no
// telling whose author the person is.
func authorsOfTheirArticlesDocument(found []origin) {
	for i := range found {
		o := &found[i]
		if o.src.Kind != claimtrail.KindPerson || !o.author {
			continue
		}
		doc := onlyKeyIn(found, o.article, func(d origin) bool { return strings.HasPrefix(d.key, documentPrefix) })
		if doc != "" && doc != o.key {
			rekey(found, o.key, doc)
		}
	}
}

// namesOtherBody reports whether a person's role phrase names a body, a
// capitalised word that is not the person's own name ("Seaguard's
// operations director").
func namesOtherBody(o origin) bool {
	own := partyWords(o.src.Name)
	for _, w := range o.proper {
		if !slices.Contains(own, w) && !officerWords[w] {
			return true
		}
	}
	return false
}

// sharedBody reports whether two people's role phrases name one body:
// they share a capitalised word that is neither a role word ("Minister"),
// a common word of bodies ("Ministry") nor a word of either person's name:
// "Dravik".
func sharedBody(a, b origin) bool {
	own := append(partyWords(a.src.Name), partyWords(b.src.Name)...)
	for _, x := range a.proper {
		if len(x) > 3 && !bodyStop[x] && !slices.Contains(own, x) && slices.Contains(b.proper, x) {
			return true
		}
	}
	return false
}

// bodyStop are words role phrases share without naming one body.
var bodyStop = map[string]bool{"national": true, "state": true, "city": true, "regional": true,
	"local": true, "public": true, "foreign": true, "ministry": true, "department": true, "office": true,
	"company": true, "group": true, "council": true, "service": true, "news": true, "conference": true}

func intersects(a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return true
			}
		}
	}
	return false
}

// partyKind reports whether a source names a party that other articles may
// name more or less fully: a person, an official body, an organisation, a
// document.
func partyKind(s claimtrail.Source) bool {
	switch s.Kind {
	case claimtrail.KindPerson, claimtrail.KindOfficial, claimtrail.KindOrganization, claimtrail.KindDocument:
		return true
	}
	return false
}

// partyWords are the folded content words of a party's name, in their
// American spelling (nlp.AmericanSpelling), without the citing owner a
// described source carries ("report (Grisby Gazette)").
func partyWords(name string) []string {
	if k := strings.Index(name, " ("); k >= 0 {
		name = name[:k]
	}
	var out []string
	for _, w := range strings.Fields(name) {
		w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
		// One spelling for British and American words: "Defence Ministry"
		// and "defense ministry" are one body.
		if f := nlp.AmericanSpelling(nlp.Fold(w)); f != "" && !partyStop[f] {
			out = append(out, f)
		}
	}
	return out
}

// partyStop are the words a party's name may carry or drop without naming
// another party.
var partyStop = map[string]bool{"the": true, "a": true, "an": true, "of": true, "its": true, "their": true,
	"into": true, "on": true, "in": true, "for": true, "by": true, "and": true, "published": true}

func subset(small, big []string) bool {
	set := map[string]bool{}
	for _, w := range big {
		set[w] = true
	}
	for _, w := range small {
		if !set[w] {
			return false
		}
	}
	return true
}

func rekey(found []origin, from, to string) {
	for k := range found {
		if found[k].key == from {
			found[k].key = to
		}
	}
}

// dropPassing leaves out the outlets' own-voice origins when someone named
// is on record for the claim: an outlet mentioning in passing what a named
// source announced is not a second source of it.
func dropPassing(found []origin) []origin {
	named := false
	for _, o := range found {
		switch o.src.Kind {
		case claimtrail.KindPerson, claimtrail.KindOfficial, claimtrail.KindOrganization:
			named = true
		case claimtrail.KindDocument:
			named = named || !unnamed(o.src.Name)
		}
	}
	if !named {
		return found
	}
	out := found[:0:0]
	for _, o := range found {
		if !o.own {
			out = append(out, o)
		}
	}
	return out
}

// originOf walks one chain to its origin.
func originOf(chain []claimtrail.Source, relays map[string][]string, names map[string]string) origin {
	speaker := chain[len(chain)-1]
	switch {
	case len(chain) == 1:
		return origin{key: nlp.SourceKey(speaker.Name), src: speaker}
	case unownedKind(speaker.Kind):
		// The party that cites the source owns it, past other unnamed
		// sources and documents between them ("leaked figures, according
		// to an official": the outlet's official, not the figures').
		k := len(chain) - 2
		for k > 0 && unownedKind(chain[k].Kind) {
			k--
		}
		owner := chain[k]
		key := nlp.SourceKey(owner.Name)
		if k > 0 && owner.Kind == claimtrail.KindOutlet {
			key = root(key, relays) // a cited outlet's sources are its root's sources
		}
		return origin{key: key, src: claimtrail.Source{Name: speaker.Name + " (" + ownerName(key, owner, names) + ")", Kind: speaker.Kind}}
	case speaker.Kind == claimtrail.KindOutlet && len(chain) > 1:
		key := root(nlp.SourceKey(speaker.Name), relays)
		return origin{key: key, src: claimtrail.Source{Name: ownerName(key, speaker, names), Kind: claimtrail.KindOutlet}}
	}
	return origin{key: nlp.SourceKey(speaker.Name), src: speaker}
}

// namedDocument returns the origin of a chain whose speaker is a named
// document that only outlets hold ("the Fenwick study", "the Drummel
// audit"): the document itself, keyed by its name (documentKey), whichever
// outlet quotes it, so that two outlets reading it are one origin and an
// outlet's own sources beside it another. A description ("reports",
// "Unconfirmed reports", "a leaked memo") stays its outlet's: a capital
// that only opens the sentence, or a month's, names no document.
func namedDocument(chain []claimtrail.Source, text string, st claimtrail.Statement) (origin, bool) {
	speaker := chain[len(chain)-1]
	if len(chain) < 2 || speaker.Kind != claimtrail.KindDocument {
		return origin{}, false
	}
	k := len(chain) - 2
	for k > 0 && unownedKind(chain[k].Kind) {
		k--
	}
	if chain[k].Kind != claimtrail.KindOutlet || !namedInSentence(text, st.Sentence, speaker.Name) {
		return origin{}, false
	}
	return origin{key: documentKey(speaker.Name), src: speaker}, true
}

// namedInSentence reports whether name, found in the sentence sent of
// text, is a name and not a description: a capitalised word that does
// not open the sentence and names no month or day comes before its first
// lower-case word ("the Fenwick study", "2019 Orsk audit"; not
// "Unconfirmed reports", "reports that four men were held in Texas").
func namedInSentence(text string, sent claimtrail.Span, name string) bool {
	if sent.End > len(text) || sent.Start >= sent.End {
		return false
	}
	s := sent.In(text)
	at := strings.Index(s, name)
	if at < 0 {
		return false
	}
	first := true // the sentence's first word
	for w := range nlp.Words(s[:at+len(name)]) {
		f := nlp.Fold(w.Form)
		switch {
		case w.Start < at || partyStop[f] || w.Flags&nlp.Number != 0:
		case w.Flags&nlp.Capitalised == 0:
			return false
		case !first && !calendarWords[f]:
			return true
		}
		first = false
	}
	return false
}

// calendarWords are capitalised words of dates, not of names.
var calendarWords = map[string]bool{"january": true, "february": true, "march": true, "april": true,
	"may": true, "june": true, "july": true, "august": true, "september": true, "october": true,
	"november": true, "december": true, "monday": true, "tuesday": true, "wednesday": true,
	"thursday": true, "friday": true, "saturday": true, "sunday": true}

// documentKey keys a named document by its identity, the content words
// of its name in order of their spelling, so that "the Fenwick study" and
// "Fenwick study" are one document whoever quotes them.
func documentKey(name string) string {
	words := partyWords(name)
	slices.Sort(words)
	return documentPrefix + strings.Join(words, " ")
}

// documentPrefix starts the key of a named document's origin.
const documentPrefix = "document|"

// unownedKind reports whether a source of that kind belongs to whoever
// cites it: an unnamed source or a document is no party of its own.
func unownedKind(k claimtrail.SourceKind) bool {
	return k == claimtrail.KindAnonymous || k == claimtrail.KindDocument
}

// ownerName finds the display name of the source with the given key as the
// story first named it, falling back to the owner as named.
func ownerName(key string, owner claimtrail.Source, names map[string]string) string {
	if n, ok := names[key]; ok {
		return n
	}
	return owner.Name
}

// displayNames maps folded source names to the first spelling seen.
func displayNames(claims []claimtrail.Claim) map[string]string {
	names := map[string]string{}
	for _, c := range claims {
		for _, st := range c.Statements {
			for _, s := range st.Chain {
				if k := nlp.SourceKey(s.Name); names[k] == "" {
					names[k] = s.Name
				}
			}
		}
	}
	return names
}

// merge keeps one origin per key, preferring a named outlet's anonymous
// sources' longest description, in first-seen order.
func merge(found []origin) []claimtrail.Source {
	var keys []string
	best := map[string]claimtrail.Source{}
	for _, o := range found {
		cur, ok := best[o.key]
		if !ok {
			keys = append(keys, o.key)
			best[o.key] = o.src
			continue
		}
		if cur.Kind == claimtrail.KindOutlet && o.src.Kind == claimtrail.KindAnonymous {
			best[o.key] = o.src // the outlet's sources are the deeper origin
		}
	}
	out := make([]claimtrail.Source, 0, len(keys))
	for _, k := range keys {
		out = append(out, best[k])
	}
	return out
}

// completeChains extends the chains that stop at a cited outlet with that
// outlet's own attribution, taken from its article in the story: "The
// Valley Herald ← Caldwin Press" becomes "The Valley Herald ← Caldwin
// Press ← fire official" when Caldwin Press's own article holds the claim on
// a fire official's word. A relay names whom it relays; where it stops short,
// the story's articles say who the relayed outlet relied on, so the chain
// reaches the original speaker and the relay is never taken for an origin.
// Only statements of the same claim are followed: of the cited outlet's
// earliest article, its statement closest in wording to the relay's.
func completeChains(articles []claimtrail.Article, claims []claimtrail.Claim) {
	outletOf := map[string]string{}
	rank := map[string]int{}
	texts := map[string]string{}
	for i, a := range articles {
		outletOf[a.ID] = nlp.SourceKey(a.Outlet)
		rank[a.ID] = i
		texts[a.ID] = a.Text
	}
	// An article's word set is built once: a long article holds many
	// statements, and building it per statement made this quadratic in
	// the article's length.
	wordsOf := map[string]map[string]bool{}
	words := func(id string) map[string]bool {
		w, ok := wordsOf[id]
		if !ok {
			w = articleWords(texts[id])
			wordsOf[id] = w
		}
		return w
	}
	for ci := range claims {
		c := &claims[ci]
		// own[outlet] are the asserting statements of the outlet's
		// earliest article holding the claim.
		own := map[string][]*claimtrail.Statement{}
		first := map[string]string{}
		for si := range c.Statements {
			st := &c.Statements[si]
			o := outletOf[st.Article]
			if st.Polarity != claimtrail.Asserts || o == "" {
				continue
			}
			if f, ok := first[o]; ok && f != st.Article && earlier(articles, rank, f, st.Article) {
				continue
			}
			if first[o] != st.Article {
				first[o], own[o] = st.Article, nil
			}
			own[o] = append(own[o], st)
		}
		chains := make([][]claimtrail.Source, len(c.Statements))
		for si := range c.Statements {
			st := &c.Statements[si]
			if st.Retracts {
				// A party withdrawing its report speaks for itself: its
				// chain does not go on to the sources it had cited.
				chains[si] = st.Chain
				continue
			}
			pick := func(outlet string) []claimtrail.Source {
				return closest(st.Content.In(texts[st.Article]), own[outlet], texts)
			}
			chains[si] = extend(st.Chain, pick, outletOf[st.Article], words(st.Article))
		}
		for si := range c.Statements {
			c.Statements[si].Chain = chains[si]
		}
	}
}

// closest returns the chain of the statement among stmts whose wording
// shares most words with text.
func closest(text string, stmts []*claimtrail.Statement, texts map[string]string) []claimtrail.Source {
	want := map[string]bool{}
	for _, w := range nlp.Terms(text, nlp.ContentTerms) {
		want[w] = true
	}
	var best []claimtrail.Source
	bestN := -1
	for _, st := range stmts {
		shared := map[string]bool{}
		for _, w := range nlp.Terms(st.Content.In(texts[st.Article]), nlp.ContentTerms) {
			if want[w] {
				shared[w] = true
			}
		}
		if len(shared) > bestN {
			best, bestN = st.Chain, len(shared)
		}
	}
	return best
}

// extend follows a chain that ends at an outlet through that outlet's own
// chain for the claim, at most a few hops and never through an outlet twice.
//
// A relay is followed only to sources the relaying article itself names
// somewhere (words, the set of its folded words): "Aldmoor Financial Wire
// reported that the companies were in talks" stops at the wire when the
// article never mentions the wire's "people familiar with the matter";
// "World Wire Digest reported, citing the Lowland Observer, …" and a
// Western diplomat named in the next sentence go on to the diplomat.
func extend(chain []claimtrail.Source, own func(outlet string) []claimtrail.Source, self string, words map[string]bool) []claimtrail.Source {
	seen := map[string]bool{self: true}
	for _, s := range chain {
		if s.Kind == claimtrail.KindOutlet {
			seen[nlp.SourceKey(s.Name)] = true
		}
	}
	for hops := 0; hops < 4 && len(chain) > 1; hops++ {
		last := chain[len(chain)-1]
		if last.Kind != claimtrail.KindOutlet {
			return chain
		}
		next := own(nlp.SourceKey(last.Name))
		if len(next) < 2 {
			return chain
		}
		tail := next[1:]
		for _, s := range tail {
			if s.Kind == claimtrail.KindOutlet && seen[nlp.SourceKey(s.Name)] || !namedIn(s, words) {
				return chain
			}
		}
		out := make([]claimtrail.Source, 0, len(chain)+len(tail))
		out = append(append(out, chain...), tail...)
		for _, s := range tail {
			if s.Kind == claimtrail.KindOutlet {
				seen[nlp.SourceKey(s.Name)] = true
			}
		}
		chain = out
	}
	return chain
}

// earlier reports whether article a was published before b, or comes first
// when either date is unknown.
func earlier(articles []claimtrail.Article, rank map[string]int, a, b string) bool {
	pa, pb := articles[rank[a]].Published, articles[rank[b]].Published
	if !pa.IsZero() && !pb.IsZero() && !pa.Equal(pb) {
		return pa.Before(pb)
	}
	return rank[a] < rank[b]
}

// articleWords is the set of an article's folded words.
func articleWords(text string) map[string]bool {
	out := map[string]bool{}
	for w := range nlp.Words(text) {
		out[nlp.Fold(w.Form)] = true
	}
	return out
}

// namedIn reports whether an article with the given words names the
// source: two of the content words of its name (the citing owner a
// described source carries left out), or its one content word, are among
// them: "fire official", "person close to the negotiations", not "three
// people familiar with the matter" in an article that mentions three
// banks.
func namedIn(s claimtrail.Source, words map[string]bool) bool {
	n, found := 0, 0
	for _, w := range partyWords(s.Name) {
		if len(w) <= 3 || describingStop[w] {
			continue
		}
		n++
		if words[w] {
			found++
		}
	}
	return found >= min(n, 2)
}

// describingStop are words of a source's description that say nothing of
// who it is: numbers and function words.
var describingStop = map[string]bool{"with": true, "from": true, "that": true, "this": true, "about": true,
	"into": true, "over": true, "their": true, "which": true, "were": true, "been": true, "have": true,
	"three": true, "four": true, "five": true, "seven": true, "eight": true, "nine": true, "several": true,
	"some": true, "many": true, "other": true, "more": true}
