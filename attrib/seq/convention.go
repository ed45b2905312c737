package seq

import (
	"strings"

	"github.com/claimtrail/claimtrail/nlp"
)

// conventions overwrites a window's labels where a typographic convention
// of attribution holds that the training data show too rarely for the model
// to learn.
func conventions(doc *nlp.Document, w window, tags []uint8) {
	dashAttribution(doc, w, tags)
}

// dashAttribution applies a typographic convention of news and opinion
// pages that the training data hardly show: a quotation followed by a dash
// and a name, alone on its line, attributes the quotation to the name
// ("“We will rebuild.” ― Jane Doe"). The dash is the cue, the name the
// source and the quotation, marks included, the content. tags are the
// window's labels; they are overwritten where the convention holds.
func dashAttribution(doc *nlp.Document, w window, tags []uint8) {
	toks := doc.Tokens[w.first:w.last]
	for d := 1; d+1 < len(toks); d++ {
		if !isDash(toks[d].Text) || quoteKind(toks[d-1].Text) == 0 {
			continue
		}
		// The name: one to five capitalised words (initials with their
		// full stops) ending the line, perhaps with a full stop, or
		// followed by a comma or a parenthesis ("― Ann Lee, 34, Texas").
		end := d + 1
		for end < len(toks) && end-d <= 6 && (capitalised(toks[end].Text) || initialStop(toks, end)) {
			end++
		}
		switch {
		case end == d+1:
			continue
		case end == len(toks), toks[end].Text == "," || toks[end].Text == "(":
		case end == len(toks)-1 && toks[end].Text == ".":
		default:
			continue
		}
		// The quotation: from the line's opening mark to the closing one.
		open := -1
		if opensWithQuote(toks[0].Text) {
			open = 0
		} else {
			for j := d - 2; j >= 0; j-- {
				if quoteKind(toks[j].Text) == 1 {
					open = j
					break
				}
			}
		}
		if open < 0 || d-1-open < 2 {
			continue
		}
		for j := open; j < d; j++ {
			tags[j] = insideTag(Content)
		}
		tags[open] = beginTag(Content)
		tags[d] = beginTag(Cue)
		for j := d + 1; j < end; j++ {
			tags[j] = insideTag(Source)
		}
		tags[d+1] = beginTag(Source)
		if end < len(tags) && tags[end] != tagO && !isBegin(tags[end]) {
			tags[end]-- // a span cut by the convention begins afresh
		}
	}
}

func isDash(s string) bool { return s == "―" || s == "—" || s == "–" }

// capitalised reports whether a word begins with an upper-case letter.
func capitalised(s string) bool {
	sh := shape(s)
	return sh == "Xx" || sh == "X"
}

// initialStop reports whether token i is the full stop of an initial ("G.").
func initialStop(toks []nlp.Token, i int) bool {
	return toks[i].Text == "." && i > 0 && len(toks[i-1].Text) == 1 && capitalised(toks[i-1].Text) &&
		i+1 < len(toks) && capitalised(toks[i+1].Text)
}

// opensWithQuote reports whether a token is or begins with a double
// quotation mark (the tokenizer leaves a mark glued to a word when it faces
// the wrong way: "”Fear").
func opensWithQuote(s string) bool {
	for _, q := range []string{"“", "”", "\"", "``", "''"} {
		if strings.HasPrefix(s, q) {
			return true
		}
	}
	return false
}
