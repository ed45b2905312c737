// Package sentences scores a sentence splitter on a CoNLL-U treebank's
// sentence boundaries: each paragraph's text is rebuilt from its sentences'
// "# text =" comments, the splitter cuts it, and the cuts inside a
// paragraph are matched with the treebank's.
package sentences

import (
	"strings"

	"github.com/claimtrail/claimtrail/parse/conllu"
)

// Paragraph is one paragraph of a treebank as running text, with the byte
// offsets where its sentences end.
type Paragraph struct {
	Text string
	Ends []int // the end of every sentence, the last one (len(Text)) included
}

// Paragraphs rebuilds the treebank's paragraphs: a "# newpar" or "# newdoc"
// comment starts one, and its sentences' texts are joined by one space.
// A sentence without a "# text =" comment is rebuilt from its words.
func Paragraphs(sents []*conllu.Sentence) []Paragraph {
	var out []Paragraph
	var cur *Paragraph
	for _, s := range sents {
		text, fresh := sentenceText(s)
		if fresh || cur == nil {
			out = append(out, Paragraph{})
			cur = &out[len(out)-1]
		}
		if text == "" {
			continue
		}
		if cur.Text != "" {
			cur.Text += " "
		}
		cur.Text += text
		cur.Ends = append(cur.Ends, len(cur.Text))
	}
	kept := out[:0]
	for _, p := range out {
		if p.Text != "" {
			kept = append(kept, p)
		}
	}
	return kept
}

// sentenceText returns a sentence's text and whether it opens a paragraph.
func sentenceText(s *conllu.Sentence) (string, bool) {
	text, fresh := "", false
	for _, c := range s.Comments {
		c = strings.TrimSpace(strings.TrimPrefix(c, "#"))
		switch {
		case strings.HasPrefix(c, "newpar"), strings.HasPrefix(c, "newdoc"):
			fresh = true
		case strings.HasPrefix(c, "text ="):
			text = strings.TrimSpace(strings.TrimPrefix(c, "text ="))
		}
	}
	if text == "" {
		text = strings.Join(s.Forms(), " ")
	}
	return text, fresh
}

// Score counts sentence boundaries inside paragraphs (a paragraph's end is
// no decision, so it is left out): the treebank's, the splitter's, and
// those both have.
type Score struct {
	Gold, Found, Right int
}

// Add scores one paragraph: ends are the splitter's sentence ends.
func (sc *Score) Add(p Paragraph, ends []int) {
	gold := map[int]bool{}
	for _, e := range p.Ends {
		if e < len(p.Text) {
			gold[e] = true
			sc.Gold++
		}
	}
	seen := map[int]bool{}
	for _, e := range ends {
		if e >= len(strings.TrimRight(p.Text, " ")) || seen[e] {
			continue
		}
		seen[e] = true
		sc.Found++
		if gold[e] {
			sc.Right++
		}
	}
}

// Precision is the share of the splitter's boundaries that are the treebank's.
func (sc Score) Precision() float64 { return ratio(sc.Right, sc.Found) }

// Recall is the share of the treebank's boundaries the splitter found.
func (sc Score) Recall() float64 { return ratio(sc.Right, sc.Gold) }

// F1 is the harmonic mean of precision and recall.
func (sc Score) F1() float64 {
	p, r := sc.Precision(), sc.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}
