package render

import (
	"cmp"
	"html"
	"html/template"
	"net/url"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/claimtrail/claimtrail"
)

// Mark is a span of an article's text to highlight: it becomes an element
// (Tag, with Class, and a link when Href is set) around the escaped text.
type Mark struct {
	Span  claimtrail.Span
	Tag   string // "mark", "strong", "u", "a"
	Class string
	Href  string
	Title string
	ID    string
}

// Highlight returns text[window] as escaped HTML with marks wrapped around
// their spans. Marks must nest: a mark that crosses the boundary of an
// enclosing one, lies outside window, or cuts a UTF-8 character is
// dropped, never mangled. Paragraph breaks become <br> pairs.
func Highlight(text string, window claimtrail.Span, marks []Mark) template.HTML {
	if !validSpan(text, window) {
		window = claimtrail.Span{Start: 0, End: len(text)}
	}
	ms := make([]Mark, 0, len(marks))
	for _, m := range marks {
		if validSpan(text, m.Span) && window.Contains(m.Span) && !m.Span.Empty() {
			ms = append(ms, m)
		}
	}
	slices.SortStableFunc(ms, func(a, b Mark) int {
		if c := cmp.Compare(a.Span.Start, b.Span.Start); c != 0 {
			return c
		}
		return cmp.Compare(b.Span.End, a.Span.End)
	})
	var b strings.Builder
	var open []Mark
	pos := window.Start
	closeTo := func(end int) {
		for len(open) > 0 && open[len(open)-1].Span.End <= end {
			top := open[len(open)-1]
			writeText(&b, text[pos:top.Span.End])
			pos = top.Span.End
			b.WriteString("</" + top.tag() + ">")
			open = open[:len(open)-1]
		}
	}
	for _, m := range ms {
		closeTo(m.Span.Start)
		if len(open) > 0 && m.Span.End > open[len(open)-1].Span.End {
			continue // crosses the enclosing mark
		}
		writeText(&b, text[pos:m.Span.Start])
		pos = m.Span.Start
		b.WriteString(m.openTag())
		open = append(open, m)
	}
	closeTo(window.End)
	writeText(&b, text[pos:window.End])
	return template.HTML(b.String())
}

func (m Mark) tag() string {
	switch m.Tag {
	case "strong", "u", "a", "em", "span":
		return m.Tag
	}
	return "mark"
}

func (m Mark) openTag() string {
	var b strings.Builder
	b.WriteString("<" + m.tag())
	attr := func(name, val string) {
		if val != "" {
			b.WriteString(" " + name + `="` + html.EscapeString(val) + `"`)
		}
	}
	attr("id", m.ID)
	attr("class", m.Class)
	if m.tag() == "a" {
		if u, err := url.Parse(m.Href); err == nil && (u.Scheme == "" || u.Scheme == "http" || u.Scheme == "https") {
			attr("href", m.Href)
		}
	}
	attr("title", m.Title)
	b.WriteString(">")
	return b.String()
}

// writeText escapes s, turning blank-line paragraph breaks into <br><br>.
func writeText(b *strings.Builder, s string) {
	for {
		i := strings.Index(s, "\n\n")
		if i < 0 {
			b.WriteString(html.EscapeString(s))
			return
		}
		b.WriteString(html.EscapeString(s[:i]))
		b.WriteString("<br><br>")
		s = strings.TrimLeft(s[i:], "\n")
	}
}

// validSpan reports whether s lies inside text on character boundaries.
func validSpan(text string, s claimtrail.Span) bool {
	if s.Start < 0 || s.End > len(text) || s.Start > s.End {
		return false
	}
	return (s.Start == len(text) || utf8.RuneStart(text[s.Start])) &&
		(s.End == len(text) || utf8.RuneStart(text[s.End]))
}

// Evidence returns the statement's sentence highlighted in its context:
// the paragraph holding it (or about 300 bytes either side when the
// article has no paragraphs or a very long one), with the sentence in
// <mark>, the proposition in <strong> and the cue underlined.
func Evidence(a *claimtrail.Article, st *claimtrail.Statement) template.HTML {
	if a == nil {
		return ""
	}
	sent := st.Sentence
	if !validSpan(a.Text, sent) || sent.Empty() {
		sent = st.Content
	}
	if !validSpan(a.Text, sent) {
		return template.HTML(html.EscapeString(st.Sentence.In(a.Text)))
	}
	win := ContextWindow(a, sent)
	marks := []Mark{{Span: sent, Tag: "mark", Class: "evidence " + string(st.Polarity)}}
	if sent.Contains(st.Content) {
		marks = append(marks, Mark{Span: st.Content, Tag: "strong", Class: "content"})
	}
	if sent.Contains(st.Cue) && !st.Cue.Overlaps(st.Content) {
		marks = append(marks, Mark{Span: st.Cue, Tag: "u", Class: "cue", Title: "attribution cue"})
	}
	out := Highlight(a.Text, win, marks)
	if win.Start > 0 {
		out = "… " + out
	}
	if win.End < len(a.Text) {
		out += " …"
	}
	return out
}

// ContextWindow is the span of a's text shown around span s: its paragraph,
// or a window of about 300 bytes either side cut at spaces.
func ContextWindow(a *claimtrail.Article, s claimtrail.Span) claimtrail.Span {
	const reach, longest = 300, 1500
	for _, p := range a.Paragraphs {
		if validSpan(a.Text, p) && p.Contains(s) && p.Len() <= longest {
			return p
		}
	}
	start, end := max(0, s.Start-reach), min(len(a.Text), s.End+reach)
	if start > 0 {
		if i := strings.IndexAny(a.Text[start:s.Start], " \n"); i >= 0 {
			start += i + 1
		} else {
			start = s.Start
		}
	}
	if end < len(a.Text) {
		if i := strings.LastIndexAny(a.Text[s.End:end], " \n"); i >= 0 {
			end = s.End + i
		} else {
			end = s.End
		}
	}
	return claimtrail.Span{Start: start, End: end}
}
