package attrib

import (
	"strings"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/nlp"
)

// Chain roles: who else a reporting frame names besides its source.
//
// A chain runs from the article's outlet to the original speaker. Besides
// the source (the cue's subject, the noun "according to" marks, a
// passive's agent), the words around a cue and around a source name the
// others a statement passed through, and the dependency relation says
// which way each one points:
//
//   - a relay is the source's own source, further from the article:
//     "X reported, citing Y", "X, which quoted Y", "a report that cited Y";
//   - a recipient heard the source and passed the words on, nearer the
//     article: "A told the Courier", "officials who spoke to KTV";
//   - a venue carried the source's words, nearer the article too: "A
//     said on Kanal Nord", "A said in an interview with Radio Quessel" (A
//     spoke on B: the chain is B ← A, not A ← B).
//
// The table chainRules lists, for each relation of a dependent of the cue
// or of the source, the role it plays and where the other source hangs;
// the reader applies it at every level of the recursion (a relay's own
// dependents are read by the same table), so "The Lantern reported,
// citing a Reuters dispatch that quoted two officials who spoke to the
// broadcaster KTV, that …" is Lantern ← Reuters ← KTV ← two officials.
// TestChainRules runs each row's examples through the whole extractor.

// chainRole is what a source named around a cue or a source contributes
// to the chain.
type chainRole int

const (
	_ chainRole = iota // the zero value names no role
	// roleRelay: the word names the source's own source, after it in the
	// chain.
	roleRelay
	// roleRecipient: the word names who heard the source and passed its
	// words on, before it in the chain.
	roleRecipient
	// roleVenue: the word names the outlet on which the source spoke,
	// before it in the chain.
	roleVenue
)

// chainHost says whose dependents a chain rule reads.
type chainHost int

const (
	_ chainHost = iota
	// onCue: the rule reads the cue's dependents ("reported, citing X").
	onCue
	// onSource: the rule reads a source's dependents ("X, which quoted
	// Y"), at every level of the chain.
	onSource
)

// chainRule is one row of chainRules.
type chainRule struct {
	name string
	host chainHost
	role chainRole
	// find returns the words heading the other sources that dependent c of
	// host word h names under this rule, or nil.
	find func(t *nlp.Tree, h, c int) []int
	// accept, when set, says whether the other source's chain passes the
	// words on: a recipient must be an outlet, an organisation or a
	// document ("told the Courier"; not an audience or a person, "told
	// reporters", "spoke to a neighbour"), a venue an outlet ("said on
	// Radio Quessel"; not "said on Monday", "said to the committee").
	accept func(c []claimtrail.Source) bool
	// hostAccept, when set, says whether the chain of the source the rule
	// reads a dependent of may take it: only an outlet hears a source it
	// spoke to.
	hostAccept func(c []claimtrail.Source) bool
	// closesContent: the relay the rule finds closes the content, which
	// ends before it.
	closesContent bool
	// examples are sentences with the chain the extractor must give them
	// (after the article's outlet).
	examples []chainExample
}

// chainExample is a sentence and the chain of its one statement, from the
// source nearest the article to the original speaker.
type chainExample struct {
	text  string
	chain []string
}

// chainRules is the table of chain roles. Rows are independent: every row
// whose relation holds adds its sources, relays after the source and
// recipients and venues before it, in the order of the words.
var chainRules = []chainRule{
	{
		name: "citing or quoting on the cue", host: onCue, role: roleRelay, find: relayParticiple,
		examples: []chainExample{
			{"The Orvel Lantern reported, citing the Tesk Wire, that the dam had cracked.", []string{"Orvel Lantern", "Tesk Wire"}},
			{"Radio Kelm said the strike would last a week, quoting the dockers' union.", []string{"Radio Kelm", "dockers' union"}},
			{"Quoting a Tesk Wire report that cited port officials, the Orvel Lantern said the ferry line would be sold.",
				[]string{"Orvel Lantern", "Tesk Wire", "port officials"}},
			{"The Orvel Lantern reported, citing a Tesk Wire dispatch that quoted two officials who spoke to the broadcaster Kanal Vost, that the dam had cracked.",
				[]string{"Orvel Lantern", "Tesk Wire", "Kanal Vost", "two officials"}},
		},
	},
	{
		name: "citing after a time on the cue", host: onCue, role: roleRelay, find: citedUnderOblique,
		examples: []chainExample{
			{"The Orvel Lantern reported on Friday, citing two engineers, that the dam had cracked.", []string{"Orvel Lantern", "two engineers"}},
			// The parser reads a closing "citing" as a modifier of the
			// oblique it introduces.
			{"The strike will last a week, the Brask Courier reported, citing union officials.", []string{"Brask Courier", "union officials"}},
		},
	},
	{
		name: "quoted as saying", host: onCue, role: roleRelay, find: quotedAsSayingObject,
		examples: []chainExample{
			{"The Orvel Lantern quoted a senior engineer as saying that the dam had cracked.", []string{"Orvel Lantern", "senior engineer"}},
		},
	},
	{
		name: "citing closing the content", host: onCue, role: roleRelay, find: closingRelay, closesContent: true,
		examples: []chainExample{
			{"The Tarven Courier reported that the mayor, Anselm Hroza, would resign, citing three council members.",
				[]string{"Tarven Courier", "three council members"}},
			{"The Tarven Courier reported that the mill had raised its prices, citing higher costs.", []string{"Tarven Courier"}},
		},
	},
	{
		name: "relative relay hung on the cue", host: onCue, role: roleRelay, find: relayClauseOnCue,
		examples: []chainExample{
			{"The Velk Herald said, citing the Kestrel Times, which quoted a senior engineer, that the tunnel had flooded.",
				[]string{"Velk Herald", "Kestrel Times", "senior engineer"}},
		},
	},
	{
		name: "told an outlet", host: onCue, role: roleRecipient, find: toldAddressee, accept: relays,
		examples: []chainExample{
			{"The senator told Radio Quessel that the vote would be delayed.", []string{"Radio Quessel", "senator"}},
			{"An official who asked not to be named told the Dask Courier that the mine would close in June.", []string{"Dask Courier", "official"}},
			{"The senator told reporters that the vote would be delayed.", []string{"senator"}},
		},
	},
	{
		name: "spoke on or to an outlet", host: onCue, role: roleVenue, find: venueOblique, accept: isOutlet,
		examples: []chainExample{
			{"Finance minister Oda Brekke said on Radio Quessel that taxes would rise.", []string{"Radio Quessel", "Oda Brekke"}},
			{"The minister said in an interview with Radio Quessel that taxes would rise.", []string{"Radio Quessel", "minister"}},
			{"The minister said on Monday that taxes would rise.", []string{"minister"}},
			{"The minister said on its website that taxes would rise.", []string{"minister"}},
		},
	},
	{
		name: "speaking on or to an outlet, on the cue", host: onCue, role: roleVenue, find: speakingOn, accept: isOutlet,
		examples: []chainExample{
			{"Speaking to Radio Quessel, the minister said taxes would rise.", []string{"Radio Quessel", "minister"}},
		},
	},
	{
		name: "speaking on or to an outlet, on the source", host: onSource, role: roleVenue, find: speakingOn, accept: isOutlet,
		examples: []chainExample{
			{"The minister, speaking on Radio Quessel, said taxes would rise.", []string{"Radio Quessel", "minister"}},
		},
	},
	{
		name: "relative clause that relays", host: onSource, role: roleRelay, find: relayRelative,
		examples: []chainExample{
			{"According to the Velmark Ledger, which cited two police officers, the suspect fled to Karsk.", []string{"Velmark Ledger", "two police officers"}},
		},
	},
	{
		name: "relative clause of speaking to an outlet", host: onSource, role: roleRecipient, find: spokeTo, accept: relays,
		examples: []chainExample{
			{"Two officials who spoke to Radio Quessel said the dam had cracked.", []string{"Radio Quessel", "Two officials"}},
			{"Two officials who spoke to reporters said the dam had cracked.", []string{"Two officials"}},
		},
	},
	{
		// The same relation read the other way: an outlet that spoke to
		// someone heard its source.
		name: "an outlet's relative clause of speaking to a source", host: onSource, role: roleRelay, find: spokeTo,
		hostAccept: isOutlet, accept: notOutlet,
		examples: []chainExample{
			{"The Kestrel Times reported, citing the Osk Chronicle, which spoke to an engineer at the barrier, that the barrier jammed.",
				[]string{"Kestrel Times", "Osk Chronicle", "engineer"}},
			{"Radio Kelm, which spoke to union members, said the strike would last a week.", []string{"Radio Kelm", "union members"}},
		},
	},
}

// relayParticiple: ", citing X" or ", quoting X" on the cue; "Quoting X,
// the Gazette said" when the parser makes the participle the cue's
// clausal subject beside its real one.
func relayParticiple(t *nlp.Tree, v, c int) []int {
	csubj := nlp.RelIs(t.Rel(c), "csubj") && t.Dependent(v, "nsubj") >= 0
	if relayWords[lowerWord(t, c)] && (nlp.RelIs(t.Rel(c), "advcl") || nlp.RelIs(t.Rel(c), "xcomp") || csubj) {
		if o := t.Dependent(c, "obj"); o >= 0 {
			return []int{o}
		}
	}
	return nil
}

// citedUnderOblique: the parser's reading of "on Friday, citing X" (X an
// nmod of the oblique, "citing" its case marker).
func citedUnderOblique(t *nlp.Tree, _, c int) []int {
	if !nlp.RelIs(t.Rel(c), "obl") {
		return nil
	}
	if heads := citedUnder(t, c); len(heads) > 0 {
		return heads
	}
	return citingModifier(t, c)
}

// citingModifier: the parser's reading of ", citing union officials" as
// an oblique that "citing" modifies: the participle opens the oblique,
// set off by a comma.
func citingModifier(t *nlp.Tree, c int) []int {
	for _, k := range t.Dependents(c, "amod") {
		lo, _ := subtreeWords(t, c)
		if relayWords[lowerWord(t, k)] && t.UPOS(k) == "VERB" && k > 0 && lo >= k-1 && t.Token(k-1).Text == "," {
			return []int{c}
		}
	}
	return nil
}

// quotedAsSayingObject: "X quoted Y as saying Z": Y is X's source.
func quotedAsSayingObject(t *nlp.Tree, v, c int) []int {
	if quotedAsSaying(t, v, c) {
		return []int{t.Dependent(v, "obj")}
	}
	return nil
}

// closingRelay: ", citing X" or ", quoting X" that ends the cue's
// clausal complement c, where the parser hung it on a word of the
// content ("reported that the mayor would resign, citing three council
// members"): set off by a comma at the content's end, it is the source's
// citation, not the content's.
func closingRelay(t *nlp.Tree, _, c int) []int {
	if !nlp.RelIs(t.Rel(c), "ccomp") {
		return nil
	}
	_, hi := subtreeWords(t, c)
	for k := c + 1; k < hi; k++ {
		if !relayWords[lowerWord(t, k)] || t.UPOS(k) != "VERB" || t.Token(k-1).Text != "," || t.Dependent(k, "nsubj") >= 0 {
			continue
		}
		if !nlp.RelIs(t.Rel(k), "acl") && !nlp.RelIs(t.Rel(k), "advcl") {
			continue
		}
		if _, khi := subtreeWords(t, k); khi == hi {
			if o := t.Dependent(k, "obj"); o >= 0 {
				return []int{o}
			}
		}
	}
	return nil
}

// relayClauseOnCue: ", which quoted Y" that the parser hung on the cue
// after a relay of the cue ("said, citing X, which quoted Y"): Y is X's
// source.
func relayClauseOnCue(t *nlp.Tree, v, c int) []int {
	if !strings.HasSuffix(t.Rel(c), ":relcl") || !relayClause(t, c) || !relativeSubject(t, c) {
		return nil
	}
	for _, d := range t.Children(v) {
		if d < c && (len(relayParticiple(t, v, d)) > 0 || len(citedUnderOblique(t, v, d)) > 0 || len(quotedAsSayingObject(t, v, d)) > 0) {
			return []int{t.Dependent(c, "obj")}
		}
	}
	return nil
}

// toldAddressee: the addressee of "told" ("told the Courier").
func toldAddressee(t *nlp.Tree, v, c int) []int {
	switch lowerWord(t, v) {
	case "told", "tells", "tell", "telling":
	default:
		return nil
	}
	switch {
	case nlp.RelIs(t.Rel(c), "iobj"):
	case nlp.RelIs(t.Rel(c), "obj") && t.Dependent(v, "iobj") < 0:
	default:
		return nil
	}
	if audiences[lowerWord(t, c)] {
		return nil
	}
	return []int{c}
}

// venueCases mark the outlet a source spoke on or to: "said on Radio
// Quessel", "said to the Courier".
var venueCases = set(`on to`)

// venueNouns are the occasions of speaking whose "with X" or "on X" names
// the outlet: "said in an interview with Radio Quessel".
var venueNouns = set(`interview interviews broadcast programme program show appearance statement remarks`)

// venueOblique: "said on Radio Quessel", "said in an interview with Radio
// Quessel".
func venueOblique(t *nlp.Tree, _, c int) []int {
	if !nlp.RelIs(t.Rel(c), "obl") || strings.HasSuffix(t.Rel(c), ":tmod") {
		return nil
	}
	k := t.Dependent(c, "case")
	if k < 0 {
		return nil
	}
	if venueCases[lowerWord(t, k)] {
		return namedVenue(t, c)
	}
	if lowerWord(t, k) != "in" || !venueNouns[lowerWord(t, c)] {
		return nil
	}
	for _, n := range t.Dependents(c, "nmod") {
		if m := t.Dependent(n, "case"); m >= 0 && (lowerWord(t, m) == "with" || lowerWord(t, m) == "on" || lowerWord(t, m) == "to") {
			return namedVenue(t, n)
		}
	}
	return nil
}

// speakingVerbs are participles of speaking whose "on X" or "to X" names
// the outlet that carried the words: "speaking on Radio Quessel".
var speakingVerbs = set(`speaking talking writing appearing`)

// speakingOn: "speaking on Radio Quessel", "Speaking to Radio Quessel, X
// said".
func speakingOn(t *nlp.Tree, _, c int) []int {
	if !speakingVerbs[lowerWord(t, c)] || !(nlp.RelIs(t.Rel(c), "advcl") || nlp.RelIs(t.Rel(c), "acl") || nlp.RelIs(t.Rel(c), "xcomp")) {
		return nil
	}
	for _, o := range t.Dependents(c, "obl") {
		if k := t.Dependent(o, "case"); k >= 0 && (venueCases[lowerWord(t, k)] || lowerWord(t, k) == "with") {
			return namedVenue(t, o)
		}
	}
	return nil
}

// namedVenue returns o when the venue it heads is named ("on Radio
// Quessel"), not the speaker's own channel ("said on its website": the
// pronoun would be read as the last outlet named).
func namedVenue(t *nlp.Tree, o int) []int {
	lo, hi := subtreeWords(t, o)
	named := false
	for k := lo; k < hi; k++ {
		if nlp.RelIs(t.Rel(k), "nmod:poss") && t.UPOS(k) == "PRON" {
			return nil
		}
		named = named || t.UPOS(k) == "PROPN"
	}
	if !named {
		return nil
	}
	return []int{o}
}

// relayRelative: "X, which quoted Y", "a report that cited Y" on a source.
func relayRelative(t *nlp.Tree, _, c int) []int {
	if relayClause(t, c) {
		return []int{t.Dependent(c, "obj")}
	}
	return nil
}

// spokeVerbs are the verbs of a relative clause on a source that name who
// heard it: "officials who spoke to KTV", "a person who talked with the
// Post".
var spokeVerbs = set(`spoke speaking talked talking told`)

// spokeTo: "officials who spoke to KTV" on a source.
func spokeTo(t *nlp.Tree, _, c int) []int {
	if !strings.HasSuffix(t.Rel(c), "relcl") && !nlp.RelIs(t.Rel(c), "acl") || !spokeVerbs[lowerWord(t, c)] {
		return nil
	}
	if lowerWord(t, c) == "told" {
		if o := t.Dependent(c, "iobj"); o >= 0 {
			return []int{o}
		}
		if o := t.Dependent(c, "obj"); o >= 0 {
			return []int{o}
		}
	}
	// The parser sometimes reads "spoke to union members" with the
	// marked noun as an object.
	for _, o := range append(t.Dependents(c, "obl"), t.Dependents(c, "obj")...) {
		if k := caseOf(t, o); k >= 0 && (lowerWord(t, k) == "to" || lowerWord(t, k) == "with") {
			return []int{o}
		}
	}
	return nil
}

// caseOf returns the case marker of noun o, or -1: its own, or the one
// that opens its words when the parser hung it on a modifier ("to union
// members" with "to" on "union").
func caseOf(t *nlp.Tree, o int) int {
	if k := t.Dependent(o, "case"); k >= 0 {
		return k
	}
	if lo, _ := subtreeWords(t, o); lo < o && nlp.RelIs(t.Rel(lo), "case") && nlp.RelIs(t.Rel(t.Head(lo)), "compound") {
		return lo
	}
	return -1
}

// chainDependent is a dependent of a cue or source that a chain rule
// reads: the rule and the words heading the sources it names.
type chainDependent struct {
	dep   int
	rule  *chainRule
	heads []int
}

// chainDependents returns the dependents of word h that rules of host
// read, in word order, each with every rule that reads it (roleChains
// takes the first whose kinds fit).
func chainDependents(t *nlp.Tree, h int, host chainHost) []chainDependent {
	var out []chainDependent
	for _, c := range t.Children(h) {
		for i := range chainRules {
			rule := &chainRules[i]
			if rule.host != host {
				continue
			}
			if heads := rule.find(t, h, c); len(heads) > 0 {
				out = append(out, chainDependent{dep: c, rule: rule, heads: heads})
			}
		}
	}
	return out
}

// roleChains reads the sources the chain dependents deps name and returns
// the ones that go before the source (recipients, venues) and after it
// (relays). A recipient or venue that is no outlet, organisation or
// document is dropped, with the mentions it added.
func (r *reader) roleChains(t *nlp.Tree, toks []nlp.Token, deps []chainDependent, host []claimtrail.Source, a *attribution) (before, after []claimtrail.Source) {
	done := map[int]bool{} // dependents a rule has read
	for _, d := range deps {
		if done[d.dep] || d.rule.hostAccept != nil && !d.rule.hostAccept(host) {
			continue
		}
		for _, o := range d.heads {
			known := len(r.mentions)
			verb := "" // the word that relates o: "quoting a crew member", "spoke to an engineer"
			if h := t.Head(o); h >= 0 {
				verb = lowerWord(t, h)
			}
			c := r.treeChain(t, toks, o, verb)
			if d.rule.accept != nil && !d.rule.accept(c) || d.rule.closesContent && len(c) == 0 {
				r.mentions = r.mentions[:known]
				continue
			}
			done[d.dep] = true
			if d.rule.closesContent && a != nil {
				a.relayCut = t.Head(o) // "…, citing X": the content ends before it
			}
			if d.rule.role == roleRelay {
				after = append(after, c...)
			} else {
				before = append(before, c...)
			}
		}
	}
	return before, after
}

// isOutlet reports whether chain c is one outlet's (an outlet that
// relays another is still an outlet: "said on Radio Quessel, citing …").
func isOutlet(c []claimtrail.Source) bool {
	return len(c) > 0 && c[0].Kind == claimtrail.KindOutlet
}

// notOutlet reports whether chain c is a source's that is no outlet.
func notOutlet(c []claimtrail.Source) bool { return len(c) > 0 && c[0].Kind != claimtrail.KindOutlet }

// hasChainRole reports whether dependent c of a source s is read by a
// chain rule, so that it is no part of the source's own words.
func hasChainRole(t *nlp.Tree, s, c int) bool {
	for i := range chainRules {
		if chainRules[i].host == onSource && len(chainRules[i].find(t, s, c)) > 0 {
			return true
		}
	}
	return false
}
