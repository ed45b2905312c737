// Package claimtrail holds the core vocabulary of a claim ledger: articles,
// byte spans, sources, statements, claims and the ledger that ties them
// together. It depends on nothing beyond the standard library; every stage of
// the pipeline (load, nlp, attrib, link, stance, story, render, store) speaks
// these types.
package claimtrail

import (
	"strings"
	"time"
)

// Version is the version of the claimtrail module, printed by `claimtrail version`.
const Version = "0.1.0"

// LedgerSchema names the JSON contract written by `--format json`.
const LedgerSchema = "claimtrail.ledger/v1"

// Article is one news text: its main text with paragraph spans and what is
// known about where it came from.
type Article struct {
	ID         string    // stable identifier within a ledger ("a1", or a store key)
	URL        string    // canonical URL when known
	Outlet     string    // publishing outlet ("Marketdesk")
	Title      string    // headline
	Byline     string    // author line when known
	Published  time.Time // zero when unknown
	Text       string    // main text, UTF-8; every Span indexes into it
	Lang       string    // BCP 47 language tag when known ("en")
	Path       string    // file or URL it was loaded from
	Paragraphs []Span    // paragraph boundaries in Text
	// Input maps offsets in Text back to the bytes of the file Text was
	// read from (load sets it for plain-text files); nil when there is no
	// file to point into.
	Input *InputMap
	// Basis says what an output span indexes: BasisFile with Input set,
	// BasisExtracted when load extracted Text from a page or a JSON line,
	// "" for an article known only by its Text (see SpanBasis).
	Basis string
}

// UnknownOutlet is the name an article's own voice goes by when its outlet
// is not known.
const UnknownOutlet = "unknown outlet"

// OutletName returns the name the article's own voice goes by in chains,
// origins and deniers: its outlet, or, when the outlet is not known,
// "unknown outlet (a5)" with the article's ID. Articles of no known outlet
// are not one party: two unsourced files saying the same thing are two
// reports, and a denial in one does not come from the other.
func (a *Article) OutletName() string {
	if o := strings.TrimSpace(a.Outlet); o != "" {
		return o
	}
	if a.ID == "" {
		return UnknownOutlet
	}
	return UnknownOutlet + " (" + a.ID + ")"
}

// SpanBasis is what the article's spans index once mapped by InputSpan:
// BasisFile, BasisExtracted or BasisText.
func (a *Article) SpanBasis() string {
	switch {
	case a.Input != nil:
		return BasisFile
	case a.Basis != "":
		return a.Basis
	}
	return BasisText
}

// InputSpan maps a span of Text to what SpanBasis names: the bytes of the
// input file when the article has an InputMap, else the span itself.
func (a *Article) InputSpan(s Span) Span { return a.Input.Span(s) }

// Words counts the whitespace-separated words of the article's text.
func (a *Article) Words() int {
	n, in := 0, false
	for i := 0; i < len(a.Text); i++ {
		c := a.Text[i]
		space := c == ' ' || c == '\n' || c == '\t' || c == '\r'
		if !space && !in {
			n++
		}
		in = !space
	}
	return n
}

// Span is a half-open range [Start, End) of byte offsets into an article's Text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len is the span's length in bytes.
func (s Span) Len() int { return s.End - s.Start }

// Empty reports whether the span covers no bytes.
func (s Span) Empty() bool { return s.End <= s.Start }

// In returns the text the span covers, or "" when it does not fit text.
func (s Span) In(text string) string {
	if s.Start < 0 || s.End > len(text) || s.Start > s.End {
		return ""
	}
	return text[s.Start:s.End]
}

// Contains reports whether o lies wholly inside s.
func (s Span) Contains(o Span) bool { return o.Start >= s.Start && o.End <= s.End }

// Overlaps reports whether s and o share at least one byte.
func (s Span) Overlaps(o Span) bool { return s.Start < o.End && o.Start < s.End }

// SourceKind says what sort of party a Source is.
type SourceKind string

// Source kinds, as written in the JSON contract.
const (
	KindOutlet       SourceKind = "outlet"
	KindOfficial     SourceKind = "official"
	KindPerson       SourceKind = "person"
	KindOrganization SourceKind = "organization"
	KindAnonymous    SourceKind = "anonymous"
	KindDocument     SourceKind = "document"
)

// Source is a party that a statement is attributed to: an outlet, a named
// person, an office, an anonymous group, a document.
type Source struct {
	Name string     `json:"name"`
	Kind SourceKind `json:"kind"`
}

// Polarity says whether a statement asserts its content or denies it.
type Polarity string

// Polarities of a statement.
const (
	Asserts Polarity = "asserts"
	Denies  Polarity = "denies"
)

// Statement is one proposition found in one article, with the chain of
// sources it is attributed to. Chain runs from the article's own outlet to
// the original speaker: [Marketdesk, TVR-News24, top intelligence sources].
type Statement struct {
	Article  string   // ID of the article the statement is in
	Content  Span     // the proposition itself
	Cue      Span     // the attribution cue ("said", "according to"); empty when unattributed
	Source   Span     // where this article names the immediate speaker; empty when unnamed here
	Sentence Span     // the sentence (or quotation) holding the statement
	Chain    []Source // from the article's outlet to the original speaker
	Polarity Polarity
	Hedges   []string // hedging found around the statement ("reportedly", "if confirmed")
	// Negates holds, for a denial, the text of the proposition it negates
	// when the denial names it ("No such meetings ... ever took place" negates
	// "meetings ... took place"); empty when the denial is a bare verdict.
	Negates string
	// Negated marks a denial found only by negation ("had not proposed any
	// deployment"): it denies a claim only if the claim is asserted
	// positively elsewhere, and otherwise asserts a negative proposition.
	Negated bool
	// Retracts marks a correction note's denial: the outlet withdrawing what
	// an earlier version of its text said ("An earlier version of this
	// story said …"). It denies like any denial and is shown apart.
	Retracts bool
	// Blanket marks a verdict on a whole report ("the news item is
	// completely fabricated"): it denies every claim traced to that report.
	Blanket bool
	// Labelled marks a statement found by the trained attribution labeller
	// (package attrib/seq) rather than by the hand-written rules, so that
	// a reader can audit it as such.
	Labelled bool
	// Marked is the act of attribution this statement belongs to as the
	// trained labeller marks it, where the labeller marks the statement's
	// cue (attrib.Combination); zero otherwise. Its spans follow how
	// attribution is annotated (PolNeAR): the speaker's whole noun phrase
	// with titles and appositions, the cue with its auxiliaries and
	// particles, and a content holding every quotation of the act with
	// its quotation marks. The ledger reads Source, Cue and Content (a
	// person's role from the source span, one claim per quotation);
	// Marked is what the statement's attribution shows.
	Marked Marking
}

// Marking is an act of attribution as the text marks it: source, cue and
// content spans, the content in fragments when it is discontinuous.
type Marking struct {
	Source  Span   // the speaker's noun phrase; empty when the text names none
	Cue     Span   // empty for no marking
	Content []Span // the content's fragments, in text order
}

// Empty reports whether m marks nothing.
func (m Marking) Empty() bool { return m.Cue.Empty() || len(m.Content) == 0 }

// Attribution is an act of attribution found in an article that is no
// statement of the ledger: someone is reported as saying, asking, planning
// or judging something, but what is attributed is no proposition the
// ledger can check (a plan, a question, a noun phrase), or its source
// cannot be resolved to a party. Attributions are reported beside the
// ledger so that a reader sees every attribution the extractor found; they
// never become claims and never change a stance, an origin or a status.
type Attribution struct {
	Article string // ID of the article the attribution is in
	Source  Span   // where the article names the speaker; empty when it names none
	Cue     Span   // the attribution cue ("said", "hopes", "asked")
	Content Span   // what is attributed, from its first fragment to its last
	// Parts holds the content's fragments when it is discontinuous ("The
	// plan, she said, is dead": two, around the cue); nil when Content is
	// one piece.
	Parts    []Span
	Sentence Span // the sentence holding the cue
	// Chain runs from the article's outlet to the speaker, as a
	// statement's does, when the source could be resolved; nil otherwise.
	Chain []Source
	// Reason says why the attribution is no ledger statement (see
	// NotStatement).
	Reason NotStatement
	// Labelled marks an attribution found by the trained attribution
	// labeller (package attrib/seq), as Statement.Labelled does.
	Labelled bool
}

// NotStatement is why an attribution is no statement of the ledger: a
// short stable code, written as is in the JSON contract.
type NotStatement string

// Reasons an attribution is no ledger statement.
const (
	ReasonNoSource         NotStatement = "no-source"         // the attribution names no source ("it was reported that …")
	ReasonHedge            NotStatement = "hedge"             // a hedge in the writer's own voice, its subject no speaker ("the mayor is believed to have resigned")
	ReasonUnresolvedSource NotStatement = "unresolved-source" // its source is no party the ledger can name (an unresolved "it", "delegates")
	ReasonUnreadableSource NotStatement = "unreadable-source" // its source span is cut from a longer name or holds a quotation
	ReasonShortContent     NotStatement = "short-content"     // what is attributed is a word or two ("said “no”")
	ReasonWithheld         NotStatement = "withheld"          // a refusal to state ("declined to say whether …")
	ReasonNegated          NotStatement = "negated"           // the cue is negated ("did not say …")
	ReasonNotStating       NotStatement = "not-stating"       // the cue names without stating ("called it …", "refused to comment")
	ReasonPlan             NotStatement = "plan"              // a plan, hope or request ("hopes to return")
	ReasonRequest          NotStatement = "request"           // a question or request ("asked the ministry whether …")
	ReasonNounPhrase       NotStatement = "noun-phrase"       // what is attributed is no clause, nor a stance the ledger reads ("citing senior officials")
	ReasonQuestion         NotStatement = "question"          // an indirect question ("said when the vote will be held")
	ReasonTopic            NotStatement = "topic"             // what the talk was about, not what was said ("spoke on …")
	ReasonActsOnPerson     NotStatement = "acts-on-person"    // a denial verb whose object is a person ("orders to dismiss Ivo Danek"): an act, not a denial
	ReasonNested           NotStatement = "nested"            // an attribution inside a statement's content or around its cue ("in what officials describe as …")
	ReasonOverlapping      NotStatement = "overlapping"       // an attribution sharing words with statements the labeller marks as other acts ("“We will appeal,” she said, as her lawyer added that …")
)

// Speaker is the last source in the chain: who first said it. The zero
// Source is returned for an unattributed statement.
func (s *Statement) Speaker() Source {
	if len(s.Chain) == 0 {
		return Source{}
	}
	return s.Chain[len(s.Chain)-1]
}

// Stance is an article's position on a claim.
type Stance string

// Stances of an article toward a claim.
const (
	StanceAsserts Stance = "asserts" // states it as true, on its own or its sources' authority
	StanceDenies  Stance = "denies"  // states or relays that it is false
	StanceReports Stance = "reports" // covers it without endorsing it
	StanceAbsent  Stance = "absent"  // does not address it
)

// Status is the ledger's verdict on how a claim stands.
type Status string

// Claim statuses.
const (
	Corroborated Status = "corroborated"  // two or more independent origins, no denial
	SingleSource Status = "single-source" // one independent origin, no denial
	Contested    Status = "contested"     // asserted and denied
)

// Flag marks a property of a claim's sourcing.
type Flag string

// Claim flags.
const (
	FlagAnonymousOnly   Flag = "anonymous-only"    // every origin is anonymous
	FlagHedged          Flag = "hedged"            // every assertion is hedged
	FlagDeniedBySubject Flag = "denied-by-subject" // a party the claim is about denies it
)

// Claim is one proposition as stated, relayed and denied across the story's
// articles, with the ledger's judgement of it.
type Claim struct {
	ID         string
	Text       string // canonical wording
	Statements []Statement
	Stances    map[string]Stance // by article ID; an article not in the map is absent (see StanceOf)
	Origins    []Source          // independent ultimate sources after collapsing relays
	DeniedBy   []Source
	// RetractedBy lists the outlets whose correction notes withdraw the
	// claim (they are among DeniedBy too).
	RetractedBy []Source
	// ReportDenials holds the blanket verdicts ("the news item is
	// fabricated") on a report this claim was traced to, when the verdict
	// did not answer the claim itself: its source was denied as a whole.
	ReportDenials []Statement
	Status        Status
	Flags         []Flag
	// Aside marks a claim that is no claim to check: every statement of it
	// an opinion, advice, a feeling, a prediction or a procedural line
	// ("it was a reckless gamble", "the board will meet again in May").
	// Asides come after the claims to check.
	Aside bool
	// AsideKind says what kind of aside it is: "opinion", "advice",
	// "feeling", "prediction" (speculation in the outlet's own voice) or
	// "procedure"; empty when Aside is false.
	AsideKind string
	// Judged holds, by article ID, the stances that came from the stance
	// model rather than from the article's own statements, with the model's
	// confidence and evidence.
	Judged map[string]Judgement
	// Figures are the differing figures the claim's assertions give for
	// one counted thing, in the order they first appear; empty when they
	// agree or give none. A figure every assertion giving that thing
	// shares is left out.
	Figures []Figure
}

// Figure is one of the differing figures a claim's statements give for one
// counted thing ("12 people" killed in one, "40 people" in another):
// sources often disagree on a toll while stating one event, and the claim
// holds them together with each figure shown.
type Figure struct {
	Text     string   // as the first statement giving it writes it ("about 60 people")
	Value    float64  // 60
	Unit     string   // the counted noun as written ("people")
	Articles []string // the IDs of the articles whose assertions give it
}

// Judgement is a stance given by the trained stance model, with its
// evidence: the article's sentences that bear on the claim.
type Judgement struct {
	Stance     Stance
	Confidence float64
	Evidence   []Span
}

// StanceOf returns the stance of the article with the given ID on the
// claim: absent when the article does not address it.
func (c *Claim) StanceOf(article string) Stance {
	if s, ok := c.Stances[article]; ok && s != "" {
		return s
	}
	return StanceAbsent
}

// HasFlag reports whether the claim carries f.
func (c *Claim) HasFlag(f Flag) bool {
	for _, g := range c.Flags {
		if g == f {
			return true
		}
	}
	return false
}

// Ledger is a story's claim ledger: the articles read and the claims found.
type Ledger struct {
	Articles []Article
	Claims   []Claim
	// OffStory lists the IDs of articles read but found to be about
	// something else: their statements make no claims of this ledger.
	OffStory []string
	// Unmatched holds the denials (of articles on the story) that deny
	// nothing asserted in these articles: "the company flatly denied that
	// the dam had failed" when no article says it failed. They show that
	// the claim circulates elsewhere and who denies it.
	Unmatched []Statement
	// Attributions holds, in article order, the attributions found in the
	// articles that are no statements of the ledger (Attribution): shown
	// beside the claims, never part of them. A story read back from a
	// corpus store has them too: its ledger is rebuilt by the pipeline
	// from the stored texts.
	Attributions []Attribution
	// CopyOf maps the ID of each article that is a near-copy of another
	// (dedup: the same text reprinted) to the ID of the original. Copies
	// relay; they add no origin. Readers are told how many articles are
	// copies, since fifty files may be one article printed fifty times.
	CopyOf map[string]string
}

// Copies groups the near-copies by original: each original's ID with the
// IDs of its copies, in article order, originals in the order of their
// first appearance.
func (l *Ledger) Copies() []CopyGroup {
	var out []CopyGroup
	at := map[string]int{}
	for _, a := range l.Articles {
		orig, ok := l.CopyOf[a.ID]
		if !ok {
			continue
		}
		i, seen := at[orig]
		if !seen {
			i = len(out)
			at[orig] = i
			out = append(out, CopyGroup{Original: orig})
		}
		out[i].Copies = append(out[i].Copies, a.ID)
	}
	return out
}

// CopyGroup is one original article and the articles that are near-copies
// of it.
type CopyGroup struct {
	Original string
	Copies   []string
}

// IsOffStory reports whether the article with the given ID is off the story.
func (l *Ledger) IsOffStory(id string) bool {
	for _, o := range l.OffStory {
		if o == id {
			return true
		}
	}
	return false
}

// Article returns the article with the given ID, or nil.
func (l *Ledger) Article(id string) *Article {
	for i := range l.Articles {
		if l.Articles[i].ID == id {
			return &l.Articles[i]
		}
	}
	return nil
}
