package render

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"time"

	"github.com/claimtrail/claimtrail"
)

// LedgerDoc is the JSON contract of a ledger (DESIGN.md, schema
// "claimtrail.ledger/v1"). Field names are a contract: extend, never rename.
type LedgerDoc struct {
	Schema   string       `json:"schema"`
	Articles []ArticleDoc `json:"articles"`
	Claims   []ClaimDoc   `json:"claims"`
	// UnmatchedDenials are denials that deny nothing asserted in these
	// articles (claimtrail.Ledger.Unmatched).
	UnmatchedDenials []StatementDoc `json:"unmatched_denials"`
}

// ArticleDoc is one article of the ledger.
type ArticleDoc struct {
	ID        string  `json:"id"`
	Outlet    string  `json:"outlet"`
	Title     string  `json:"title"`
	URL       string  `json:"url"`
	Published *string `json:"published"` // RFC 3339; null when unknown
	Path      string  `json:"path"`
	Words     int     `json:"words"`
	OffStory  bool    `json:"off_story,omitempty"` // read, but about something else
	// CopyOf (extension) is the ID of the article this one is a near-copy
	// of; absent for an article that is no copy.
	CopyOf string `json:"copy_of,omitempty"`
	// SpanBasis (extension) says what the byte offsets of the article's
	// statements index: "file" (the input file's bytes), "extracted" (the
	// text extracted from a page or JSON line, carried in Text) or "text"
	// (the article's text as stored).
	SpanBasis string `json:"span_basis"`
	// Text (extension) is the extracted text, for span_basis "extracted".
	Text string `json:"text,omitempty"`
	// Attributions (extension) are the article's attributions that are no
	// ledger statements (claimtrail.Ledger.Attributions), in text order;
	// absent when there are none.
	Attributions []AttributionDoc `json:"attributions,omitempty"`
}

// AttributionDoc is one attribution that is no ledger statement
// (claimtrail.Attribution). Its spans index what the article's span_basis
// names, as a statement's do; a missing source has source "" and
// source_span [0, 0].
type AttributionDoc struct {
	Reason       string      `json:"reason"`
	Source       string      `json:"source"`
	Chain        []SourceDoc `json:"chain"`
	Cue          string      `json:"cue"`
	Text         string      `json:"text"`
	Sentence     string      `json:"sentence"`
	SourceSpan   [2]int      `json:"source_span"`
	CueSpan      [2]int      `json:"cue_span"`
	Span         [2]int      `json:"span"`
	SentenceSpan [2]int      `json:"sentence_span"`
	Labeller     bool        `json:"labeller,omitempty"`
	// Spans are the content's fragments when it is discontinuous ("The
	// plan, she said, is dead"); span runs from the first to the last.
	Spans [][2]int `json:"spans,omitempty"`
}

// SourceDoc is one party in a chain, an origin or a denier.
type SourceDoc struct {
	Name string `json:"name"`
	Kind string `json:"kind"`
}

// ClaimDoc is one claim with its verdict and evidence.
type ClaimDoc struct {
	ID                 string            `json:"id"`
	Text               string            `json:"text"`
	Status             string            `json:"status"`
	Flags              []string          `json:"flags"`
	Origins            []SourceDoc       `json:"origins"`
	IndependentOrigins int               `json:"independent_origins"`
	DeniedBy           []SourceDoc       `json:"denied_by"`
	RetractedBy        []SourceDoc       `json:"retracted_by,omitempty"`
	ReportDenials      []StatementDoc    `json:"report_denials,omitempty"`
	Aside              bool              `json:"aside,omitempty"`
	AsideKind          string            `json:"aside_kind,omitempty"`
	Stances            map[string]string `json:"stances"`
	Statements         []StatementDoc    `json:"statements"`
	// Judged (extension) holds the stances that came from the stance
	// model, by article, with its confidence and evidence sentences.
	Judged map[string]JudgementDoc `json:"judged,omitempty"`
	// Figures (extension) are the differing figures the claim's
	// assertions give for one counted thing (claimtrail.Claim.Figures).
	Figures []FigureDoc `json:"figures,omitempty"`
}

// FigureDoc is one of a claim's differing figures: its text, value, counted
// noun and the articles that give it.
type FigureDoc struct {
	Text     string   `json:"text"`
	Value    float64  `json:"value"`
	Unit     string   `json:"unit"`
	Articles []string `json:"articles"`
}

// JudgementDoc is a stance given by the stance model.
type JudgementDoc struct {
	Stance     string   `json:"stance"`
	Confidence float64  `json:"confidence"`
	Evidence   []string `json:"evidence"`
	Spans      [][2]int `json:"spans"`
}

// StatementDoc is one statement of a claim, with its evidence. Span, CueSpan
// and SentenceSpan are byte offsets into the article's text.
type StatementDoc struct {
	Article      string      `json:"article"`
	Polarity     string      `json:"polarity"`
	Chain        []SourceDoc `json:"chain"`
	Cue          string      `json:"cue"`
	Text         string      `json:"text"`
	Sentence     string      `json:"sentence"`
	Span         [2]int      `json:"span"`
	Hedges       []string    `json:"hedges"`
	CueSpan      [2]int      `json:"cue_span"`
	SentenceSpan [2]int      `json:"sentence_span"`
	Negates      string      `json:"negates,omitempty"`
	Negated      bool        `json:"negated,omitempty"`
	Retraction   bool        `json:"retraction,omitempty"`
	Blanket      bool        `json:"blanket,omitempty"`
	Labeller     bool        `json:"labeller,omitempty"`
	Marked       *MarkingDoc `json:"marked,omitempty"`
}

// MarkingDoc is a statement's act of attribution as the labeller marks it
// (claimtrail.Statement.Marked): the speaker's whole noun phrase, the cue,
// and the content's fragments with their quotation marks. Spans index what
// the article's span_basis names; a missing source has source "" and
// source_span [0, 0].
type MarkingDoc struct {
	Source     string   `json:"source"`
	Cue        string   `json:"cue"`
	Text       []string `json:"text"`
	SourceSpan [2]int   `json:"source_span"`
	CueSpan    [2]int   `json:"cue_span"`
	Spans      [][2]int `json:"spans"`
}

// Contract converts a ledger to its JSON contract form.
func Contract(l *claimtrail.Ledger) LedgerDoc {
	doc := LedgerDoc{Schema: claimtrail.LedgerSchema, Articles: []ArticleDoc{}, Claims: []ClaimDoc{}}
	texts := map[string]*claimtrail.Article{}
	for i := range l.Articles {
		a := &l.Articles[i]
		texts[a.ID] = a
		ad := ArticleDoc{ID: a.ID, Outlet: a.Outlet, Title: a.Title, URL: a.URL, Path: a.Path, Words: a.Words(),
			OffStory: l.IsOffStory(a.ID), CopyOf: l.CopyOf[a.ID], SpanBasis: a.SpanBasis()}
		if ad.SpanBasis == claimtrail.BasisExtracted {
			ad.Text = a.Text
		}
		if !a.Published.IsZero() {
			p := a.Published.UTC().Format(time.RFC3339)
			ad.Published = &p
		}
		doc.Articles = append(doc.Articles, ad)
	}
	addAttributions(doc.Articles, l)
	for i := range l.Claims {
		doc.Claims = append(doc.Claims, claimDoc(&l.Claims[i], l.Articles, texts))
	}
	doc.UnmatchedDenials = []StatementDoc{}
	for i := range l.Unmatched {
		doc.UnmatchedDenials = append(doc.UnmatchedDenials, statementDoc(&l.Unmatched[i], texts[l.Unmatched[i].Article]))
	}
	return doc
}

func claimDoc(c *claimtrail.Claim, articles []claimtrail.Article, texts map[string]*claimtrail.Article) ClaimDoc {
	cd := ClaimDoc{
		ID: c.ID, Text: c.Text, Status: string(c.Status), Flags: []string{},
		Origins: sources(c.Origins), IndependentOrigins: len(c.Origins), DeniedBy: sources(c.DeniedBy),
		Stances: map[string]string{}, Statements: []StatementDoc{},
	}
	for _, f := range c.Flags {
		cd.Flags = append(cd.Flags, string(f))
	}
	if len(c.RetractedBy) > 0 {
		cd.RetractedBy = sources(c.RetractedBy)
	}
	cd.Aside, cd.AsideKind = c.Aside, c.AsideKind
	for _, f := range c.Figures {
		cd.Figures = append(cd.Figures, FigureDoc{Text: f.Text, Value: f.Value, Unit: f.Unit, Articles: f.Articles})
	}
	for _, a := range articles {
		cd.Stances[a.ID] = string(c.StanceOf(a.ID))
	}
	for id, j := range c.Judged {
		if cd.Judged == nil {
			cd.Judged = map[string]JudgementDoc{}
		}
		jd := JudgementDoc{Stance: string(j.Stance), Confidence: math.Round(j.Confidence*1000) / 1000, Evidence: []string{}, Spans: [][2]int{}}
		a := texts[id]
		if a == nil {
			a = &claimtrail.Article{}
		}
		for _, sp := range j.Evidence {
			jd.Evidence = append(jd.Evidence, sp.In(a.Text))
			jd.Spans = append(jd.Spans, pair(a.InputSpan(sp)))
		}
		cd.Judged[id] = jd
	}
	for i := range c.Statements {
		st := &c.Statements[i]
		cd.Statements = append(cd.Statements, statementDoc(st, texts[st.Article]))
	}
	for i := range c.ReportDenials {
		st := &c.ReportDenials[i]
		cd.ReportDenials = append(cd.ReportDenials, statementDoc(st, texts[st.Article]))
	}
	return cd
}

// statementDoc converts one statement of article a (nil when the ledger
// lacks it); its spans index what a's span_basis names.
func statementDoc(st *claimtrail.Statement, a *claimtrail.Article) StatementDoc {
	hedges := st.Hedges
	if hedges == nil {
		hedges = []string{}
	}
	if a == nil {
		a = &claimtrail.Article{}
	}
	text := a.Text
	cue := [2]int{}
	if !st.Cue.Empty() {
		cue = pair(a.InputSpan(st.Cue))
	}
	return StatementDoc{
		Article: st.Article, Polarity: string(st.Polarity), Chain: sources(st.Chain),
		Cue: st.Cue.In(text), Text: st.Content.In(text), Sentence: st.Sentence.In(text),
		Span: pair(a.InputSpan(st.Content)), Hedges: hedges,
		CueSpan: cue, SentenceSpan: pair(a.InputSpan(st.Sentence)),
		Negates: st.Negates, Negated: st.Negated, Retraction: st.Retracts, Blanket: st.Blanket, Labeller: st.Labelled,
		Marked: markingDoc(st.Marked, a),
	}
}

// markingDoc converts a statement's marking; nil when it has none.
func markingDoc(m claimtrail.Marking, a *claimtrail.Article) *MarkingDoc {
	if m.Empty() {
		return nil
	}
	d := &MarkingDoc{Source: m.Source.In(a.Text), Cue: m.Cue.In(a.Text), CueSpan: pair(a.InputSpan(m.Cue))}
	if !m.Source.Empty() {
		d.SourceSpan = pair(a.InputSpan(m.Source))
	}
	for _, c := range m.Content {
		d.Text = append(d.Text, c.In(a.Text))
		d.Spans = append(d.Spans, pair(a.InputSpan(c)))
	}
	return d
}

// addAttributions gives each article of docs (in l.Articles' order) its
// attributions that are no statements.
func addAttributions(docs []ArticleDoc, l *claimtrail.Ledger) {
	at := make(map[string]int, len(docs))
	for i := range docs {
		at[docs[i].ID] = i
	}
	for i := range l.Attributions {
		att := &l.Attributions[i]
		if k, ok := at[att.Article]; ok {
			docs[k].Attributions = append(docs[k].Attributions, attributionDoc(att, &l.Articles[k]))
		}
	}
}

// attributionDoc converts one attribution of article a.
func attributionDoc(att *claimtrail.Attribution, a *claimtrail.Article) AttributionDoc {
	d := AttributionDoc{
		Reason: string(att.Reason), Source: att.Source.In(a.Text), Chain: sources(att.Chain),
		Cue: att.Cue.In(a.Text), Text: att.Content.In(a.Text), Sentence: att.Sentence.In(a.Text),
		CueSpan: pair(a.InputSpan(att.Cue)), Span: pair(a.InputSpan(att.Content)),
		SentenceSpan: pair(a.InputSpan(att.Sentence)), Labeller: att.Labelled,
	}
	if !att.Source.Empty() {
		d.SourceSpan = pair(a.InputSpan(att.Source))
	}
	for _, p := range att.Parts {
		d.Spans = append(d.Spans, pair(a.InputSpan(p)))
	}
	return d
}

func pair(s claimtrail.Span) [2]int { return [2]int{s.Start, s.End} }

func sources(ss []claimtrail.Source) []SourceDoc {
	out := make([]SourceDoc, 0, len(ss))
	for _, s := range ss {
		out = append(out, SourceDoc{Name: s.Name, Kind: string(s.Kind)})
	}
	return out
}

// JSON writes the ledger as indented JSON per the contract.
func JSON(w io.Writer, l *claimtrail.Ledger) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(Contract(l)); err != nil {
		return fmt.Errorf("render json: %w", err)
	}
	return nil
}
