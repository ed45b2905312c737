package attrib

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/nlp"
)

// An embedded post loses its markup when a page is copied as text, and
// keeps its signature at the end of its paragraph: "We are stuck on the
// ferry.— Mara Stroud (@marastroud) March 3, 2015". The paragraph is the
// signer's words, not the outlet's, and the signature is no part of them.

// signatureAt matches a post's signature closing a paragraph: a dash, the
// signer's name, the account in parentheses and the date. Its first group
// is the name.
var signatureAt = regexp.MustCompile(`\s*[—–-]{1,2}\s*([\p{Lu}][^()\n]{0,60}?)\s*\(@\w{1,30}\)\s*(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2},\s+\d{4}\s*$`)

// signedPost is the signature of the paragraph para, when it has one.
type signedPost struct {
	para  int
	ok    bool
	start int // byte offset where the signature starts
	chain []claimtrail.Source
	cue   claimtrail.Span // the dash
	src   claimtrail.Span // the signer's name
}

// signature returns the signature closing the paragraph of sentence si,
// read once per paragraph.
func (r *reader) signature(si int) *signedPost {
	p := r.doc.Sentences[si].Paragraph
	if r.signed != nil && r.signed.para == p {
		return r.signed
	}
	r.signed = &signedPost{para: p}
	last := si
	for last+1 < len(r.doc.Sentences) && r.doc.Sentences[last+1].Paragraph == p {
		last++
	}
	s := r.doc.Sentences[last]
	m := signatureAt.FindStringSubmatchIndex(s.Span.In(r.text()))
	if m == nil {
		return r.signed
	}
	toks := r.doc.SentenceTokens(last)
	lo, hi := tokensWithin(toks, s.Start+m[2], s.Start+m[3])
	if lo >= hi {
		return r.signed
	}
	chain := r.sourceChain(toks, lo, hi, "tweeted")
	if len(chain) == 0 {
		return r.signed
	}
	dash := strings.IndexAny(s.Span.In(r.text())[m[0]:], "—–-")
	_, w := utf8.DecodeRuneInString(s.Span.In(r.text())[m[0]+dash:])
	*r.signed = signedPost{para: p, ok: true, start: s.Start + m[0] + dash, chain: chain,
		cue: claimtrail.Span{Start: s.Start + m[0] + dash, End: s.Start + m[0] + dash + w}, src: span(toks, lo, hi)}
	return r.signed
}

// tokensWithin returns the range of toks lying within bytes [from, to).
func tokensWithin(toks []nlp.Token, from, to int) (int, int) {
	lo, hi := len(toks), 0
	for k, t := range toks {
		if t.Start >= from && t.End <= to {
			lo, hi = min(lo, k), k+1
		}
	}
	return lo, hi
}

// unsigned cuts a post's signature off the tokens of one of its sentences.
func (p *signedPost) unsigned(toks []nlp.Token) []nlp.Token {
	if !p.ok {
		return toks
	}
	for k, t := range toks {
		switch {
		case t.Start >= p.start:
			return toks[:k]
		case t.End > p.start:
			// A token running into the dash ("anything.—") keeps its
			// part before it.
			cut := slices.Clone(toks[:k+1])
			cut[k].Text, cut[k].End = t.Text[:p.start-t.Start], p.start
			return cut
		}
	}
	return toks
}

// signedChain puts a cue's chain inside a post under its signer: "Witness
// said the man had a rifle.— Mara Stroud (@marastroud) …" is the witness as
// Mara Stroud reports.
func (p *signedPost) signedChain(chain []claimtrail.Source) []claimtrail.Source {
	if !p.ok {
		return chain
	}
	return append(slices.Clone(p.chain), chain...)
}

// minPostWords is the fewest words a sentence of a post needs to state
// something: "Pls reply" and a line of hashtags state nothing.
const minPostWords = 4

// postWords counts the words of a post's sentence that are no hashtag,
// account or link.
func postWords(toks []nlp.Token) int {
	n := 0
	for _, t := range toks {
		if strings.ContainsAny(t.Text[:1], "#@") || strings.Contains(t.Text, "http") || strings.Contains(t.Text, ".com/") {
			continue
		}
		if strings.IndexFunc(t.Text, unicode.IsLetter) >= 0 {
			n++
		}
	}
	return n
}
