package link

import (
	"strings"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/nlp"
)

// reportNouns name a report, or judge one, rather than saying what it
// reported: "a death hoax about the singer", "claims of a secret deal",
// "the closure rumours".
var reportNouns = map[string]bool{
	"report": true, "reports": true, "story": true, "stories": true, "claim": true, "claims": true,
	"rumour": true, "rumours": true, "rumor": true, "rumors": true, "hoax": true, "hoaxes": true,
	"allegation": true, "allegations": true, "accusation": true, "accusations": true,
	"speculation": true, "suggestion": true, "suggestions": true, "news": true, "article": true,
	"narrative": true, "myth": true, "lie": true, "lies": true, "fabrication": true, "propaganda": true,
}

// reportContent is one way the parse hangs what a report says from the
// noun naming it: a relation of the dependent and, for a noun phrase, the
// prepositions that mark it. Each row has an example (run by
// TestReportContent): the words kept are what the denial denies.
type reportContent struct {
	rel     string
	markers []string // case markers; none for a clause or a bare modifier
	example string
	kept    string
}

var reportContents = []reportContent{
	{"nmod", []string{"about", "of", "on", "over", "regarding", "concerning"},
		"Petra Lund dismissed a death hoax about the singer.", "Petra Lund dismissed a death about the singer."},
	{"compound", nil, "The ministry said the closure rumours were baseless.", "The ministry said the closure were ."},
	{"acl", nil, "The ministry rejected reports the plant would close.", "The ministry rejected the plant would close."},
}

// contentOf reports whether word w of t is the dependent of a report noun
// by which that noun says what the report said.
func contentOf(t *nlp.Tree, w int) bool {
	for _, r := range reportContents {
		if !nlp.RelIs(t.Rel(w), r.rel) {
			continue
		}
		if len(r.markers) == 0 {
			return true
		}
		if m := t.Dependent(w, "case"); m >= 0 {
			for _, k := range r.markers {
				if strings.EqualFold(t.Token(m).Text, k) {
					return true
				}
			}
		}
	}
	return false
}

// reportFrame returns the words of a denial's object at span that name or
// judge a report whose content the object also gives ("a death hoax about
// the singer": "hoax"), so that the denial is matched by what the report
// said, not by the word "hoax" that no claim uses. Once one report noun of
// the object carries content, every other report noun and verdict word
// there ("called the story about the singer's death a hoax") is frame too.
// It returns nil when no report noun of the object carries content.
func reportFrame(doc *nlp.Document, span claimtrail.Span) []claimtrail.Span {
	if doc == nil {
		return nil
	}
	var frame []claimtrail.Span
	carries := false
	for s := doc.SentenceAt(span.Start); s >= 0 && s < len(doc.Sentences) && doc.Sentences[s].Start < span.End; s++ {
		t := doc.Tree(s)
		if t == nil {
			continue
		}
		inside := inSpan(t, span)
		for w := 0; w < t.Len(); w++ {
			form := strings.ToLower(t.Token(w).Text)
			if !inside(w) || !reportNouns[form] && !verdictWords[form] {
				continue
			}
			frame = append(frame, claimtrail.Span{Start: t.Token(w).Start, End: t.Token(w).End})
			if !reportNouns[form] || t.UPOS(w) != "NOUN" {
				continue
			}
			for _, c := range t.Children(w) {
				if inside(c) && contentOf(t, c) {
					carries = true
				}
			}
		}
	}
	if !carries {
		return nil
	}
	return frame
}

// withoutFrame is the text at span with the frame's words blanked.
func withoutFrame(text string, span claimtrail.Span, frame []claimtrail.Span) string {
	b := []byte(span.In(text))
	for _, f := range frame {
		for k := f.Start; k < f.End; k++ {
			if k >= span.Start && k < span.End {
				b[k-span.Start] = ' '
			}
		}
	}
	return string(b)
}
