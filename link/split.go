package link

import (
	"strings"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/nlp"
)

// splitCoordinated returns stmts with every assertion whose content joins
// two complement clauses ("said that at least 43 people had died, and that
// the coast guard had ignored a distress call") replaced by one statement
// per clause: each is a proposition of its own, which other sources may
// state, or deny, apart. The parse decides: the second clause is a
// conjunct of the content's predicate opened by its own "that". Only
// contents holding "and that" or "but that" are parsed. stmts itself is
// left as it is.
func splitCoordinated(docs map[string]*nlp.Document, stmts []claimtrail.Statement) []claimtrail.Statement {
	var out []claimtrail.Statement
	for i := range stmts {
		parts := coordinated(docs[stmts[i].Article], &stmts[i])
		if len(parts) < 2 {
			if out != nil {
				out = append(out, stmts[i])
			}
			continue
		}
		if out == nil {
			out = append(make([]claimtrail.Statement, 0, len(stmts)+1), stmts[:i]...)
		}
		for _, p := range parts {
			st := stmts[i]
			st.Content = p
			out = append(out, st)
		}
	}
	if out == nil {
		return stmts
	}
	return out
}

// coordinated returns the spans of the complement clauses an assertion's
// content coordinates, in order, or nil when it holds one.
func coordinated(doc *nlp.Document, st *claimtrail.Statement) []claimtrail.Span {
	if doc == nil || st.Polarity != claimtrail.Asserts {
		return nil
	}
	text := st.Content.In(doc.Text())
	if !strings.Contains(text, "and that ") && !strings.Contains(text, "but that ") {
		return nil
	}
	t, top := spanTop(doc, st.Content)
	if top < 0 {
		return nil
	}
	inside := inSpan(t, st.Content)
	var cuts []int // the conjuncts' "that"
	for _, c := range t.Dependents(top, "conj") {
		mark := t.Dependent(c, "mark")
		if mark < 0 || !inside(c) || !strings.EqualFold(t.Token(mark).Text, "that") || t.Dependent(c, "cc") < 0 {
			continue
		}
		cuts = append(cuts, mark)
	}
	if len(cuts) == 0 {
		return coordinatedText(doc.Text(), st.Content)
	}
	var out []claimtrail.Span
	start := st.Content.Start
	for _, m := range cuts {
		cc := t.Dependent(t.Head(m), "cc")
		end := strings.TrimRight(doc.Text()[start:t.Token(cc).Start], " ,;")
		if len(end) == 0 || m+1 >= t.Len() {
			return nil
		}
		out = append(out, claimtrail.Span{Start: start, End: start + len(end)})
		start = t.Token(m + 1).Start
	}
	return append(out, claimtrail.Span{Start: start, End: st.Content.End})
}

// coordinatedText splits a content at its one "and that" or "but that"
// when the parse gave the second clause no place of its own: quotation
// marks inside a content ("the six were \"alive and well\" and that …")
// mislead the parser, which then hangs the clause from the full stop.
// Between complement clauses that pair of words joins two propositions;
// both sides must hold a few words.
func coordinatedText(text string, span claimtrail.Span) []claimtrail.Span {
	content := span.In(text)
	var at, n int
	for _, j := range []string{" and that ", " but that "} {
		if k := strings.Index(content, j); k >= 0 {
			at, n = k, len(j)
			if strings.Contains(content[k+n:], j) {
				return nil // more than one: leave the parse's reading
			}
		}
	}
	if n == 0 {
		return nil
	}
	head := strings.TrimRight(content[:at], " ,;")
	if len(strings.Fields(head)) < 3 || len(strings.Fields(content[at+n:])) < 3 {
		return nil
	}
	return []claimtrail.Span{
		{Start: span.Start, End: span.Start + len(head)},
		{Start: span.Start + at + n, End: span.End},
	}
}
