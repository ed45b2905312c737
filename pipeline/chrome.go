package pipeline

import (
	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/load"
	"github.com/claimtrail/claimtrail/nlp"
)

// dropChrome leaves out the statements read from page furniture inside the
// body (load.Chrome: "Continue reading the main story", "Read more about …",
// a linked headline cut off in mid-phrase), which the loaders cut only at
// an article's end. Such lines are no claims of the outlet's, and read as
// text they made some ("The main story", attributed to "Continue").
func dropChrome(doc *nlp.Document, stmts []claimtrail.Statement) []claimtrail.Statement {
	chrome := chromeParagraphs(doc)
	if len(chrome) == 0 {
		return stmts
	}
	out := make([]claimtrail.Statement, 0, len(stmts))
	for _, st := range stmts {
		if si := doc.SentenceAt(st.Sentence.Start); si >= 0 && chrome[doc.Sentences[si].Paragraph] {
			continue
		}
		out = append(out, st)
	}
	return out
}

// chromeParagraphs returns the indexes of the document's paragraphs that
// are page furniture, each read from its first sentence's start to its
// last one's end.
func chromeParagraphs(doc *nlp.Document) map[int]bool {
	var out map[int]bool
	text := doc.Text()
	for i := 0; i < len(doc.Sentences); {
		p, sp := doc.Sentences[i].Paragraph, doc.Sentences[i].Span
		j := i + 1
		for ; j < len(doc.Sentences) && doc.Sentences[j].Paragraph == p; j++ {
			sp.End = doc.Sentences[j].End
		}
		if sp.End <= len(text) && load.Chrome(sp.In(text)) {
			if out == nil {
				out = map[int]bool{}
			}
			out[p] = true
		}
		i = j
	}
	return out
}
