package render

import (
	"strings"
	"unicode"

	"github.com/claimtrail/claimtrail"
)

// Terminal returns s without the characters a terminal acts on instead of
// showing: C0 and C1 control characters other than newline and tab (ESC
// starts the sequences that set a window title, clear the screen or move
// the cursor), DEL, and the Unicode format characters that reorder or hide
// text (bidi overrides and isolates, zero-width characters). Text from
// articles, titles and file names goes through it before it reaches a
// terminal; commands that print article text outside Text should use it
// too.
func Terminal(s string) string {
	if !needsTerminalClean(s) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if unsafeForTerminal(r) {
			return -1
		}
		return r
	}, s)
}

func unsafeForTerminal(r rune) bool {
	switch {
	case r == '\n' || r == '\t':
		return false
	case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0):
		return true
	}
	return r > 0xa0 && unicode.Is(unicode.Cf, r)
}

func needsTerminalClean(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 && c != '\n' && c != '\t' || c == 0x7f {
			return true
		}
		if c >= 0x80 {
			for _, r := range s[i:] {
				if unsafeForTerminal(r) {
					return true
				}
			}
			return false
		}
	}
	return false
}

// terminalLedger is a copy of l whose names, titles and claim texts went
// through Terminal; article texts are left as they are (they are read
// through excerpts, which the text view cleans).
func terminalLedger(l *claimtrail.Ledger) *claimtrail.Ledger {
	c := *l
	c.Articles = make([]claimtrail.Article, len(l.Articles))
	for i, a := range l.Articles {
		a.Outlet, a.Title, a.Path, a.URL = Terminal(a.Outlet), Terminal(a.Title), Terminal(a.Path), Terminal(a.URL)
		c.Articles[i] = a
	}
	c.Claims = make([]claimtrail.Claim, len(l.Claims))
	for i, cl := range l.Claims {
		cl.Text = Terminal(cl.Text)
		cl.Origins = terminalSources(cl.Origins)
		cl.DeniedBy = terminalSources(cl.DeniedBy)
		cl.Statements = terminalStatements(cl.Statements)
		c.Claims[i] = cl
	}
	c.Unmatched = terminalStatements(l.Unmatched)
	return &c
}

func terminalSources(ss []claimtrail.Source) []claimtrail.Source {
	out := make([]claimtrail.Source, len(ss))
	for i, s := range ss {
		s.Name = Terminal(s.Name)
		out[i] = s
	}
	return out
}

func terminalStatements(sts []claimtrail.Statement) []claimtrail.Statement {
	out := make([]claimtrail.Statement, len(sts))
	for i, st := range sts {
		st.Chain = terminalSources(st.Chain)
		st.Negates = Terminal(st.Negates)
		hedges := make([]string, len(st.Hedges))
		for k, h := range st.Hedges {
			hedges[k] = Terminal(h)
		}
		if st.Hedges != nil {
			st.Hedges = hedges
		}
		out[i] = st
	}
	return out
}
