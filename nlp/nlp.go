// Package nlp analyses one article's text: sentences and tokens with byte
// offsets and part-of-speech tags (from prose v3), then entity and quantity
// spans labelled by claimtrail's own rules and name lists. Every later stage
// reads a Document instead of raw text.
package nlp

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/claimtrail/claimtrail"
	"github.com/jdkato/prose/v3/segment"
	"github.com/jdkato/prose/v3/tokenize"
)

// Token is one word or punctuation mark.
type Token struct {
	claimtrail.Span
	Text string
	Tag  string // Penn Treebank part-of-speech tag
	// Lower is Text lower-cased (strings.ToLower), filled by Analyze so
	// that the many stages that compare words lower-case each token once;
	// use LowerText, which also serves tokens built by hand.
	Lower string
}

// LowerText returns the token's text lower-cased: Lower when Analyze
// filled it, strings.ToLower(Text) otherwise.
func (t Token) LowerText() string {
	if t.Lower != "" || t.Text == "" {
		return t.Lower
	}
	return strings.ToLower(t.Text)
}

// Sentence is one sentence; its tokens are Document.Tokens[First:Last].
type Sentence struct {
	claimtrail.Span
	First, Last int
	Paragraph   int  // index into Article.Paragraphs (0 when the article has none)
	Tagged      bool // its tokens carry part-of-speech tags
}

// Document is the analysis of one article.
type Document struct {
	Article    *claimtrail.Article
	Tokens     []Token
	Sentences  []Sentence
	Entities   []Entity   // sorted by start offset, not overlapping
	Quantities []Quantity // sorted by start offset
	trees      *treeCache // dependency trees, parsed on request (tree.go)
}

// Text is the article's text.
func (d *Document) Text() string { return d.Article.Text }

// SentenceTokens returns the tokens of sentence i.
func (d *Document) SentenceTokens(i int) []Token {
	s := d.Sentences[i]
	return d.Tokens[s.First:s.Last]
}

// SentenceAt returns the index of the sentence holding byte offset off, or -1.
func (d *Document) SentenceAt(off int) int {
	lo, hi := 0, len(d.Sentences)
	for lo < hi {
		m := (lo + hi) / 2
		switch {
		case off < d.Sentences[m].Start:
			hi = m
		case off >= d.Sentences[m].End:
			lo = m + 1
		default:
			return m
		}
	}
	return -1
}

// TokensIn returns the tokens lying inside span, found by binary search.
func (d *Document) TokensIn(span claimtrail.Span) []Token {
	i := sort.Search(len(d.Tokens), func(i int) bool { return d.Tokens[i].Start >= span.Start })
	j := i
	for j < len(d.Tokens) && d.Tokens[j].End <= span.End {
		j++
	}
	return d.Tokens[i:j]
}

// EntitiesIn returns the entities lying inside span. Entities are sorted
// by start, so this is a binary search and a walk over span's own: the
// cost does not grow with the length of the document.
func (d *Document) EntitiesIn(span claimtrail.Span) []Entity {
	i := sort.Search(len(d.Entities), func(i int) bool { return d.Entities[i].Start >= span.Start })
	var out []Entity
	for ; i < len(d.Entities) && d.Entities[i].Start <= span.End; i++ {
		if span.Contains(d.Entities[i].Span) {
			out = append(out, d.Entities[i])
		}
	}
	return out
}

// QuantitiesIn returns the quantities lying inside span, found as
// EntitiesIn finds entities.
func (d *Document) QuantitiesIn(span claimtrail.Span) []Quantity {
	i := sort.Search(len(d.Quantities), func(i int) bool { return d.Quantities[i].Start >= span.Start })
	var out []Quantity
	for ; i < len(d.Quantities) && d.Quantities[i].Start <= span.End; i++ {
		if span.Contains(d.Quantities[i].Span) {
			out = append(out, d.Quantities[i])
		}
	}
	return out
}

// Analyzer turns articles into Documents. It is safe for concurrent use.
type Analyzer struct {
	seg    *segment.Segmenter
	tok    *tokenize.Tokenizer
	tagger *posTagger
	names  *Gazetteer
	tagIf  func([]Token) bool
}

// Option configures an Analyzer.
type Option func(*Analyzer)

// TagOnly tags just the sentences for which need reports true. Tagging is
// most of the cost of analysis, and a stage that reads tags only near
// certain words (attribution cues) can say so; untagged sentences still get
// entities and quantities from lexical rules.
func TagOnly(need func([]Token) bool) Option { return func(a *Analyzer) { a.tagIf = need } }

// NewAnalyzer loads the sentence, token and tagging models and the built-in
// name lists. By default every sentence is tagged.
func NewAnalyzer(opts ...Option) (*Analyzer, error) {
	seg, err := segment.New()
	if err != nil {
		return nil, fmt.Errorf("load sentence model: %w", err)
	}
	tagger, err := loadPOSTagger()
	if err != nil {
		return nil, fmt.Errorf("load tagging model: %w", err)
	}
	a := &Analyzer{seg: seg, tok: tokenize.New(), tagger: tagger, names: DefaultGazetteer()}
	for _, o := range opts {
		o(a)
	}
	return a, nil
}

// Gazetteer returns the name lists the analyzer labels entities with.
func (a *Analyzer) Gazetteer() *Gazetteer { return a.names }

// Analyze segments, tokenizes and tags the article's text and finds its
// entities and quantities. It stops with the context's error, between two
// sentences, when ctx is done.
func (a *Analyzer) Analyze(ctx context.Context, art *claimtrail.Article) (*Document, error) {
	// News text runs at about one token per five bytes and one sentence
	// per 120 (FNC-1): room for that saves growing the slices a dozen
	// times per article.
	doc := &Document{Article: art, trees: &treeCache{},
		Tokens:    make([]Token, 0, len(art.Text)/5+16),
		Sentences: make([]Sentence, 0, len(art.Text)/120+4)}
	low := lowerASCII(art.Text)
	ev := newWordEvidence(art.Text)
	for pi, para := range paragraphs(art) {
		if err := a.analyzeParagraph(ctx, doc, low, ev, pi, para); err != nil {
			return nil, err
		}
	}
	doc.Entities = a.names.entities(doc, readDocWords(doc))
	doc.Quantities = quantities(doc)
	return doc, nil
}

func (a *Analyzer) analyzeParagraph(ctx context.Context, doc *Document, low string, ev wordEvidence, pi int, para claimtrail.Span) error {
	text := doc.Article.Text
	for _, s := range splitAfterAbbrevs(a.seg.Segment(text[para.Start:para.End]), ev) {
		if err := ctx.Err(); err != nil {
			return err
		}
		start := para.Start + s.Start
		all := a.tokenize(s.Text)
		if len(all) <= MaxSentenceTokens {
			if len(all) > 0 {
				a.addSentence(doc, low, pi, start, claimtrail.Span{Start: start, End: start + len(s.Text)}, all)
			}
			continue
		}
		// A "sentence" of thousands of words is no prose (a table, a list
		// run together): reading it whole would cost time that grows with
		// the square of its length in later stages.
		for len(all) > 0 {
			toks := all[:min(len(all), MaxSentenceTokens)]
			all = all[len(toks):]
			sp := claimtrail.Span{Start: start + toks[0].Start, End: start + toks[len(toks)-1].End()}
			a.addSentence(doc, low, pi, start, sp, toks)
		}
	}
	return nil
}

// MaxSentenceTokens bounds a sentence: longer runs are cut into pieces of
// this many tokens.
const MaxSentenceTokens = 200

// addSentence appends one sentence of prose tokens (offsets from start)
// spanning span, tagging it unless TagOnly says it need not be. low is the
// text with its ASCII letters lower-cased (lowerASCII).
func (a *Analyzer) addSentence(doc *Document, low string, pi, start int, span claimtrail.Span, toks []tokenize.Token) {
	sent := Sentence{Span: span, First: len(doc.Tokens), Paragraph: pi}
	text := doc.Article.Text
	for _, t := range toks {
		sp := claimtrail.Span{Start: start + t.Start, End: start + t.End()}
		doc.Tokens = append(doc.Tokens, Token{Span: sp, Text: t.Text, Lower: tokenLower(t.Text, text, low, sp)})
	}
	sent.Last = len(doc.Tokens)
	if own := doc.Tokens[sent.First:sent.Last]; a.tagIf == nil || a.tagIf(own) {
		a.tagger.tagTokens(own)
		sent.Tagged = true
	}
	doc.Sentences = append(doc.Sentences, sent)
}

// TagSentences tags the sentences first to last-1 of a document analysed
// with TagOnly that are not tagged yet, as Analyze would have: a stage can
// ask for tags where it turns out to need them.
func (a *Analyzer) TagSentences(doc *Document, first, last int) {
	for si := max(first, 0); si < min(last, len(doc.Sentences)); si++ {
		sent := &doc.Sentences[si]
		if sent.Tagged {
			continue
		}
		a.tagger.tagTokens(doc.Tokens[sent.First:sent.Last])
		sent.Tagged = true
	}
}

// paragraphs returns the article's paragraph spans, or its lines when the
// loader gave none, so that sentences never run across a heading.
func paragraphs(art *claimtrail.Article) []claimtrail.Span {
	if len(art.Paragraphs) > 0 {
		return art.Paragraphs
	}
	var out []claimtrail.Span
	start := 0
	text := art.Text
	for start < len(text) {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		if strings.TrimSpace(text[start:end]) != "" {
			out = append(out, claimtrail.Span{Start: start, End: end})
		}
		start = end + 1
	}
	return out
}

// docWords is what the whole document says about its words, for typing
// names: the capitalised words that appear inside a sentence, not at its
// start (a sentence-initial word is a name when it is also capitalised
// elsewhere), and the words it also writes in lower case (a name whose
// last word the text writes in lower case, "the survey", is no person's).
type docWords struct {
	mid   map[string]bool
	lower map[string]bool
}

func readDocWords(doc *Document) docWords {
	w := docWords{mid: map[string]bool{}, lower: map[string]bool{}}
	for _, s := range doc.Sentences {
		toks := doc.Tokens[s.First:s.Last]
		for k, t := range toks {
			switch {
			case capitalised(t.Text):
				if !opensSentence(toks, k) {
					w.mid[t.Text] = true
				}
			case t.Text != "" && strings.ToLower(t.Text) == t.Text:
				w.lower[t.Text] = true
			}
		}
	}
	return w
}

// lowerASCII returns s with its ASCII capitals lower-cased and every other
// byte as it is, so that the lower-cased form of an ASCII token is a slice
// of it at the token's offsets: one allocation per text, not one per
// capitalised word.
func lowerASCII(s string) string {
	i := 0
	for i < len(s) && (s[i] < 'A' || s[i] > 'Z') {
		i++
	}
	if i == len(s) {
		return s
	}
	b := []byte(s)
	for ; i < len(b); i++ {
		if c := b[i]; c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// tokenLower returns strings.ToLower(word) for the token word at span sp of
// text, taken from low (lowerASCII(text)) when word is ASCII and is the
// text at sp.
func tokenLower(word, text, low string, sp claimtrail.Span) string {
	upper := false
	for i := 0; i < len(word); i++ {
		c := word[i]
		if c >= utf8.RuneSelf {
			return strings.ToLower(word)
		}
		upper = upper || c >= 'A' && c <= 'Z'
	}
	switch {
	case !upper:
		return word
	case sp.End <= len(text) && text[sp.Start:sp.End] == word:
		return low[sp.Start:sp.End]
	}
	return strings.ToLower(word)
}
