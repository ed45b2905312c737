package render

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail"
)

func TestTerminal(t *testing.T) {
	for in, want := range map[string]string{
		"plain text, “quoted” — fine\n\tindented":  "plain text, “quoted” — fine\n\tindented",
		"\x1b]0;pwned\x07Title":                    "]0;pwnedTitle",
		"clear\x1b[2J\x1b[Hscreen":                 "clear[2J[Hscreen",
		"C1\u009b31m and DEL\x7f":                  "C131m and DEL",
		"bidi \u202egnp.exe\u202c zero\u200bwidth": "bidi gnp.exe zerowidth",
		"carriage\rreturn\x00nul":                  "carriagereturnnul",
	} {
		if got := Terminal(in); got != want {
			t.Errorf("Terminal(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestTextStripsEscapes renders a ledger whose article, claim and source
// names hold terminal escapes: none reach the output, and with colour on
// only the view's own colour codes do.
func TestTextStripsEscapes(t *testing.T) {
	text := "The mayor said\x1b]0;owned\x07 the bridge \x1b[2Jwill \u202eopen\u202c in March."
	l := &claimtrail.Ledger{
		Articles: []claimtrail.Article{{ID: "a1", Outlet: "Daily\x1b[31m Post", Title: "Bridge\x07 news", Path: "x\x1b[1A.txt", Text: text}},
		Claims: []claimtrail.Claim{{
			ID: "c1", Text: "the bridge \x1b[2Jwill open", Status: claimtrail.SingleSource,
			Origins: []claimtrail.Source{{Name: "the mayor\x1b]2;t\x07", Kind: claimtrail.KindOfficial}},
			Statements: []claimtrail.Statement{{
				Article: "a1", Polarity: claimtrail.Asserts,
				Chain: []claimtrail.Source{{Name: "Daily\x1b[31m Post"}, {Name: "the mayor\x1b]2;t\x07"}},
				Cue:   claimtrail.Span{Start: 10, End: 14}, Content: claimtrail.Span{Start: 15, End: len(text) - 1},
				Hedges: []string{"reportedly\x1b[5m"},
			}},
		}},
	}
	for _, color := range []bool{false, true} {
		var b bytes.Buffer
		if err := Text(&b, l, TextOptions{Color: color}); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		if color {
			out = regexp.MustCompile(`\x1b\[[0-9;]*m`).ReplaceAllStringFunc(out, func(code string) string {
				switch code {
				case ansiReset, ansiBold, ansiDim, ansiRed, ansiGreen, ansiYel, ansiCyan, ansiBold + ansiRed, ansiBold + ansiGreen, ansiBold + ansiYel:
					return ""
				}
				return code
			})
		}
		if strings.ContainsAny(out, "\x1b\x07\u202e\u202c") {
			t.Errorf("color %v: escapes reached the output:\n%q", color, out)
		}
		if !strings.Contains(out, "the bridge") || !strings.Contains(out, "Daily") {
			t.Errorf("color %v: text lost:\n%s", color, out)
		}
	}
}
