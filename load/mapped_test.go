package load

import (
	"math/rand/v2"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/claimtrail/claimtrail"
)

// TestTextMapsToInput writes random texts that need every normalising step
// (byte-order mark, CRLF and lone CR, NFD accents, zero-width and bidi
// characters, indented and hard-wrapped lines, blank lines) and checks that
// every paragraph, and every word, of the loaded text maps back to input
// bytes that hold it.
func TestTextMapsToInput(t *testing.T) {
	r := rand.New(rand.NewPCG(4, 2))
	words := []string{"harbour", "Cafe\u0301", "Mare\u0301e", "ferry", "bri\u200bdge", "\u202equay", "said", "40", "\u200ethe", "José", "“late”"}
	for round := 0; round < 200; round++ {
		var b strings.Builder
		if r.IntN(2) == 0 {
			b.WriteString("\ufeff")
		}
		b.WriteString("A title\n\n")
		for p := 0; p < 1+r.IntN(5); p++ {
			for w := 0; w < 3+r.IntN(30); w++ {
				b.WriteString(words[r.IntN(len(words))])
				b.WriteString([]string{" ", " ", "  ", "\n", "\r\n", "\t"}[r.IntN(6)])
			}
			b.WriteString("end.")
			b.WriteString([]string{"\n\n", "\r\n\r\n", "\r\r", "\n  \n"}[r.IntN(4)])
		}
		input := b.String()
		a, err := textArticle("t.txt", []byte(input), DefaultMaxFileSize)
		if err != nil {
			t.Fatalf("%q: %v", input, err)
		}
		if a.Input == nil {
			t.Fatal("no input map")
		}
		fold := func(s string) string {
			return norm.NFC.String(strings.Join(strings.Fields(dropInvisible(s)), " "))
		}
		for _, p := range a.Paragraphs {
			in := a.InputSpan(p)
			if got, want := fold(input[in.Start:in.End]), fold(p.In(a.Text)); got != want {
				t.Fatalf("%q: paragraph %q maps to %v holding %q", input, want, in, got)
			}
			for _, f := range strings.Fields(p.In(a.Text)) {
				i := strings.Index(a.Text[p.Start:], f) + p.Start
				sp := a.InputSpan(spanOf(i, i+len(f)))
				if got := norm.NFC.String(dropInvisible(input[sp.Start:sp.End])); got != f {
					t.Fatalf("%q: word %q maps to %v holding %q", input, f, sp, got)
				}
			}
		}
	}
}

func spanOf(start, end int) claimtrail.Span { return claimtrail.Span{Start: start, End: end} }
