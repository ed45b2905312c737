// Package story turns linked claims into a story's ledger: which articles
// belong to the story, each claim's independent origins after collapsing
// relays and copies, who denies it, each article's stance, and the claim's
// status and flags.
package story

import (
	"context"
	"sort"
	"strings"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/nlp"
)

// Judge gives an article's stance on a claim when the article has no
// statement about it, from a trained stance model. ok is false when the
// judge has no confident answer.
type Judge interface {
	Judge(claim string, art *claimtrail.Article) (claimtrail.Judgement, bool)
}

// Builder builds ledgers.
type Builder struct {
	// Judge, when set, fills the stance of articles with no statement
	// about a claim.
	Judge Judge
	// CopyOf maps the ID of an article that is a near-copy of another to the
	// ID of the original: a copy relays, it never adds an origin.
	CopyOf map[string]string
	// CreditOf maps the ID of an article whose dateline or closing credit
	// names another outlet ("WASHINGTON (AP) —", "(Reporting by Tarn
	// Wire)") to that outlet: the article prints that outlet's report, and
	// what it states in its own voice has that outlet as origin.
	CreditOf map[string]string
}

// Build assembles the ledger of articles from linked claims. docs maps
// article IDs to their analyses.
func (b *Builder) Build(articles []claimtrail.Article, docs map[string]*nlp.Document, claims []claimtrail.Claim) *claimtrail.Ledger {
	l, _ := b.BuildContext(context.Background(), articles, docs, claims)
	return l
}

// BuildContext is Build stopping, with the context's error, when ctx is
// done: it looks before each claim, whose stances may ask the Judge.
func (b *Builder) BuildContext(ctx context.Context, articles []claimtrail.Article, docs map[string]*nlp.Document, claims []claimtrail.Claim) (*claimtrail.Ledger, error) {
	l := &claimtrail.Ledger{Articles: articles, CopyOf: copiesAmong(b.CopyOf, articles)}
	inStory, _ := Members(articles, docs, claims)
	for id := range idsOf(articles) {
		if !inStory[id] {
			l.OffStory = append(l.OffStory, id)
		}
	}
	sort.Strings(l.OffStory)
	// The ledger is the story's alone: an off-story article's statements
	// neither vouch for a claim nor name its outlets, so a story's ledger
	// is the same whether the files around it are given or not (as the
	// corpus, which files them under other stories, builds it).
	claims = onStory(claims, inStory)
	on := make([]claimtrail.Article, 0, len(articles))
	for _, a := range articles {
		if inStory[a.ID] {
			on = append(on, a)
		}
	}
	canonicalOutlets(on, claims)
	completeChains(on, claims)
	spreadBlanket(on, claims, inStory)
	relays := citations(on, claims)
	names := displayNames(claims)
	var words *wordIndex
	if b.Judge != nil {
		words = newWordIndex(articles, inStory)
	}
	outlets := map[string]string{}
	for _, a := range articles {
		outlets[a.ID] = a.OutletName()
	}
	for _, c := range claims {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if !anyIn(c.Statements, inStory) {
			continue
		}
		b.judge(&c, articles, docs, inStory, relays, outlets, names, words)
		l.Claims = append(l.Claims, c)
	}
	order(l.Claims)
	return l, nil
}

// judge fills a claim's origins, denials, stances, status and flags.
func (b *Builder) judge(c *claimtrail.Claim, articles []claimtrail.Article, docs map[string]*nlp.Document,
	inStory map[string]bool, relays map[string][]string, outlets, names map[string]string, words *wordIndex) {
	texts := map[string]string{}
	for i := range articles {
		texts[articles[i].ID] = articles[i].Text
	}
	c.Statements = notSelfDenials(c.Statements)
	c.Origins = b.origins(c.Statements, relays, outlets, names, texts)
	c.DeniedBy = deniers(c.Statements)
	c.RetractedBy = retractors(c.Statements)
	asserted := false
	for _, st := range c.Statements {
		asserted = asserted || st.Polarity == claimtrail.Asserts
	}
	switch {
	case asserted && len(c.DeniedBy) > 0:
		c.Status = claimtrail.Contested
	case len(c.Origins) >= 2:
		c.Status = claimtrail.Corroborated
	default:
		c.Status = claimtrail.SingleSource
	}
	c.Flags = flags(c, docs)
	c.AsideKind = asideKind(c, docs)
	c.Aside = c.AsideKind != ""
	c.Stances = map[string]claimtrail.Stance{}
	byArticle := map[string][]*claimtrail.Statement{}
	for i := range c.Statements {
		st := &c.Statements[i]
		byArticle[st.Article] = append(byArticle[st.Article], st)
	}
	for id, stmts := range byArticle {
		if inStory[id] {
			c.Stances[id] = StanceFrom(stmts)
		}
	}
	if b.Judge == nil {
		return
	}
	for _, i := range words.using(c.Text) {
		a := &articles[i]
		if byArticle[a.ID] != nil {
			continue
		}
		if j, ok := b.Judge.Judge(c.Text, a); ok && j.Stance != claimtrail.StanceAbsent {
			if c.Judged == nil {
				c.Judged = map[string]claimtrail.Judgement{}
			}
			c.Judged[a.ID] = j
			c.Stances[a.ID] = j.Stance
		}
	}
}

// StanceFrom is an article's stance from its own statements about a claim:
// a denial denies; an assertion asserts; an article that only relays
// another outlet's report, or only hedges the claim in its own voice,
// reports it.
func StanceFrom(stmts []*claimtrail.Statement) claimtrail.Stance {
	asserts, reports := false, false
	for _, st := range stmts {
		switch {
		case st.Polarity == claimtrail.Denies:
			return claimtrail.StanceDenies
		case distanced(st) || relayed(st):
			reports = true
		default:
			asserts = true
		}
	}
	if !asserts && reports {
		return claimtrail.StanceReports
	}
	return claimtrail.StanceAsserts
}

// distancingCues are cues by which a writer passes a claim on without making
// it their own.
var distancingCues = map[string]bool{"claimed": true, "claims": true, "alleged": true, "alleges": true,
	"reportedly": true, "allegedly": true, "purportedly": true}

// distanced reports whether a statement only relays its content: any hedge
// on a statement in the outlet's own voice ("reportedly", "are said to", "is
// understood to", "if the reports are true"): the outlet passes the claim on
// without making it its own. Hedged and put on a source's word ("reportedly
// …, according to sources") it still asserts, on the sources' word.
func distanced(st *claimtrail.Statement) bool {
	for _, h := range st.Hedges {
		if len(st.Chain) <= 1 && (distancingCues[h] || h != "anonymous sourcing") {
			return true // "reportedly", "is understood to", "if confirmed" in the outlet's own voice
		}
	}
	return false
}

// relayed reports whether a statement passes on another outlet's report:
// its chain's first link after the article's outlet is an outlet.
func relayed(st *claimtrail.Statement) bool {
	return len(st.Chain) > 1 && st.Chain[1].Kind == claimtrail.KindOutlet
}

// deniers lists the speakers of a claim's denials, once each.
func deniers(stmts []claimtrail.Statement) []claimtrail.Source {
	var out []claimtrail.Source
	seen := map[string]bool{}
	for _, st := range stmts {
		if st.Polarity != claimtrail.Denies {
			continue
		}
		s := st.Speaker()
		if k := nlp.SourceKey(s.Name); !seen[k] {
			seen[k] = true
			out = append(out, s)
		}
	}
	return out
}

// retractors lists the outlets whose correction notes withdraw a claim,
// once each.
func retractors(stmts []claimtrail.Statement) []claimtrail.Source {
	var out []claimtrail.Source
	seen := map[string]bool{}
	for _, st := range stmts {
		if !st.Retracts {
			continue
		}
		s := st.Speaker()
		if k := nlp.SourceKey(s.Name); !seen[k] {
			seen[k] = true
			out = append(out, s)
		}
	}
	return out
}

// flags computes a claim's sourcing flags.
func flags(c *claimtrail.Claim, docs map[string]*nlp.Document) []claimtrail.Flag {
	var out []claimtrail.Flag
	anon := len(c.Origins) > 0
	owned := ownedDocuments(c.Statements)
	for _, o := range c.Origins {
		anon = anon && (o.Kind == claimtrail.KindAnonymous || o.Kind == claimtrail.KindDocument && unnamed(o.Name) && !owned[originDocKey(o.Name)])
	}
	if anon {
		out = append(out, claimtrail.FlagAnonymousOnly)
	}
	hedged, n := true, 0
	for _, st := range c.Statements {
		if st.Polarity != claimtrail.Asserts {
			continue
		}
		n++
		if !hasRealHedge(st.Hedges) {
			hedged = false
		}
	}
	if n > 0 && hedged {
		out = append(out, claimtrail.FlagHedged)
	}
	if deniedBySubject(c, docs) {
		out = append(out, claimtrail.FlagDeniedBySubject)
	}
	return out
}

// unnamed reports whether a document origin is described, not named:
// "intelligence inputs (TVR-News24)" but not "UN Report (UN)".
// ownedDocuments keys the document origins that some chain shows held by
// a named party (docKey): "according to defence ministry figures" is the
// ministry's word on the record, not an anonymous source, though "figures"
// names no one. A document only an outlet or an unnamed source holds ("a
// leaked memo seen by the Post") stays unnamed.
func ownedDocuments(stmts []claimtrail.Statement) map[string]bool {
	owned := map[string]bool{}
	for _, st := range stmts {
		n := len(st.Chain)
		if n < 2 || st.Chain[n-1].Kind != claimtrail.KindDocument {
			continue
		}
		k := n - 2
		for k > 0 && unownedKind(st.Chain[k].Kind) {
			k-- // as originOf finds the owner
		}
		switch st.Chain[k].Kind {
		case claimtrail.KindOfficial, claimtrail.KindOrganization, claimtrail.KindPerson:
			owned[docKey(st.Chain[n-1].Name, st.Chain[k].Name)] = true
		}
	}
	return owned
}

// docKey keys a document by its name and its owner's, folded as source
// keys, so that an origin named "figures (Defence Ministry)" finds the
// chain's "figures" held by "defence ministry".
func docKey(doc, owner string) string {
	return nlp.SourceKey(doc) + "|" + nlp.SourceKey(owner)
}

// originDocKey is docKey of an origin named "DOCUMENT (OWNER)" (originOf).
func originDocKey(name string) string {
	doc, owner, ok := strings.Cut(name, " (")
	if !ok {
		return docKey(name, "")
	}
	return docKey(doc, strings.TrimSuffix(owner, ")"))
}

func unnamed(name string) bool {
	if k := strings.Index(name, " ("); k >= 0 {
		name = name[:k]
	}
	for _, w := range strings.Fields(name) {
		if r := w[0]; r >= 'A' && r <= 'Z' {
			return false
		}
	}
	return true
}

func hasRealHedge(hs []string) bool {
	for _, h := range hs {
		if h != "anonymous sourcing" {
			return true
		}
	}
	return false
}

// deniedBySubject reports whether a party the claim is about denies it: an
// official, organisation or person whose own name contains a name the
// claim's assertions mention ("Veldrania's foreign ministry"), or whose
// denial starts by naming one ("Ostrevia had not proposed …"). A blanket
// verdict counts by its speaker's name alone.
func deniedBySubject(c *claimtrail.Claim, docs map[string]*nlp.Document) bool {
	subjects, described := claimNames(c, docs), descriptions(c, docs)
	for _, st := range c.Statements {
		if st.Polarity != claimtrail.Denies {
			continue
		}
		if d := docs[st.Article]; d != nil && speaksFor(d, st, subjects, described) {
			return true // "a spokeswoman for Quenby Rail", named or not
		}
		sp := st.Speaker()
		if sp.Kind != claimtrail.KindOfficial && sp.Kind != claimtrail.KindOrganization && sp.Kind != claimtrail.KindPerson {
			continue
		}
		name := nlp.SourceKey(sp.Name)
		for k := range subjects {
			if len(k) > 2 && strings.Contains(name, k) {
				return true
			}
		}
		if st.Blanket {
			// A verdict on a whole report ("we never said that, the story
			// is a lie") speaks of the report, not of this claim: its own
			// words name no subject of the claim, only its speaker can be.
			continue
		}
		if d := docs[st.Article]; d != nil {
			if ents := d.EntitiesIn(st.Content); len(ents) > 0 && subjects[ents[0].Key] && ents[0].Label != nlp.Person {
				return true
			}
			if ownWords(negated(d.Text(), st)) {
				return true
			}
		}
	}
	return false
}

// negated is what denial st negates: its Negates text when that is part of
// its content, else its content.
func negated(text string, st claimtrail.Statement) string {
	content := st.Content.In(text)
	if st.Negates != "" && strings.Contains(content, st.Negates) {
		return st.Negates
	}
	return content
}

// ownPronouns are the pronouns by which a denial speaks of its speaker's
// own acts and things, or of those it answers for: "we ignored a distress
// call", "chicken from its plant", "its equipment was to blame", "she had
// not conceded", a lawyer's "he has not been suspended".
var ownPronouns = map[string]bool{"i": true, "we": true, "my": true, "our": true, "us": true, "me": true,
	"its": true, "their": true, "his": true, "her": true, "he": true, "she": true, "they": true}

// ownFirstWords is how far into the negated proposition such a pronoun
// must stand: where its subject, or its subject's owner, is named.
const ownFirstWords = 6

// ownWords reports whether a denial's proposition speaks of its speaker
// (see ownPronouns): the party denies something said of itself.
func ownWords(text string) bool {
	n := 0
	for w := range nlp.Words(text) {
		if n++; n > ownFirstWords {
			break
		}
		if ownPronouns[w.Form] {
			return true
		}
	}
	return false
}

// claimNames is the set of entity keys the claim's assertions name, other
// than outlets.
func claimNames(c *claimtrail.Claim, docs map[string]*nlp.Document) map[string]bool {
	names := map[string]bool{}
	for _, st := range c.Statements {
		d := docs[st.Article]
		if st.Polarity != claimtrail.Asserts || d == nil {
			continue
		}
		for _, e := range d.EntitiesIn(st.Content) {
			if e.Label != nlp.Outlet {
				names[e.Key] = true
			}
		}
	}
	return names
}

// order sorts the claims to check before asides; then contested first, then
// corroborated, then single-source; within a status, claims carried by more
// articles first. IDs follow the order.
func order(claims []claimtrail.Claim) {
	rank := map[claimtrail.Status]int{claimtrail.Contested: 0, claimtrail.Corroborated: 1, claimtrail.SingleSource: 2}
	sort.SliceStable(claims, func(i, j int) bool {
		a, b := &claims[i], &claims[j]
		if a.Aside != b.Aside {
			return b.Aside
		}
		if rank[a.Status] != rank[b.Status] {
			return rank[a.Status] < rank[b.Status]
		}
		return articleCount(a) > articleCount(b)
	})
	for i := range claims {
		claims[i].ID = "c" + itoa(i+1)
	}
}

func articleCount(c *claimtrail.Claim) int {
	seen := map[string]bool{}
	for _, st := range c.Statements {
		seen[st.Article] = true
	}
	return len(seen)
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for n > 0 {
		b = append([]byte{byte('0' + n%10)}, b...)
		n /= 10
	}
	return string(b)
}

func idsOf(articles []claimtrail.Article) map[string]bool {
	m := map[string]bool{}
	for _, a := range articles {
		m[a.ID] = true
	}
	return m
}

// onStory returns the claims with the statements of articles in the story
// only, leaving out claims with none.
func onStory(claims []claimtrail.Claim, in map[string]bool) []claimtrail.Claim {
	out := make([]claimtrail.Claim, 0, len(claims))
	for _, c := range claims {
		var kept []claimtrail.Statement
		for _, st := range c.Statements {
			if in[st.Article] {
				kept = append(kept, st)
			}
		}
		if len(kept) > 0 {
			c.Statements = kept
			out = append(out, c)
		}
	}
	return out
}

func anyIn(stmts []claimtrail.Statement, in map[string]bool) bool {
	for _, st := range stmts {
		if in[st.Article] {
			return true
		}
	}
	return false
}

// copiesAmong keeps the entries of copyOf whose copy and original are both
// among articles: the ledger speaks only of the articles it holds.
func copiesAmong(copyOf map[string]string, articles []claimtrail.Article) map[string]string {
	if len(copyOf) == 0 {
		return nil
	}
	ids := idsOf(articles)
	out := map[string]string{}
	for c, o := range copyOf {
		if ids[c] && ids[o] {
			out[c] = o
		}
	}
	return out
}
