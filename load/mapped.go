package load

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/claimtrail/claimtrail"
)

// Every normalising step below keeps a claimtrail.InputMap from the text it
// writes back to the input bytes, so that spans found in the normalised
// text can be reported in the file as the user gave it.

// invisible reports whether r is a format character that only steers
// rendering: zero-width spaces and joiners, the word joiner, soft hyphens,
// byte-order marks, bidirectional embeddings, overrides, isolates and
// marks, and other Unicode Cf characters. Inside text they split words
// ("bri\u200bdge"), hide text direction tricks and defeat claim matching;
// read aloud they are nothing, so they are dropped. The Arabic marks that
// are written visibly before numbers (U+0600–U+0605, U+06DD, U+070F,
// U+0890–U+0891, U+08E2, U+110BD, U+110CD) are Cf too, and stay.
func invisible(r rune) bool {
	if r < 0x80 || !unicode.Is(unicode.Cf, r) {
		return false
	}
	switch {
	case r >= 0x0600 && r <= 0x0605, r == 0x06DD, r == 0x070F, r == 0x0890, r == 0x0891, r == 0x08E2,
		r == 0x110BD, r == 0x110CD:
		return false
	}
	return true
}

// dropInvisible removes invisible characters (see invisible) from s.
func dropInvisible(s string) string {
	if !hasInvisible(s) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if invisible(r) {
			return -1
		}
		return r
	}, s)
}

func hasInvisible(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			r, _ := utf8.DecodeRuneInString(s[i:])
			if invisible(r) {
				return true
			}
		}
	}
	return false
}

// lineEnds turns CRLF and lone CR into LF and drops invisible characters,
// mapping the result to s.
func lineEnds(s string) (string, *claimtrail.InputMap) {
	var b strings.Builder
	b.Grow(len(s))
	m := &claimtrail.InputMap{}
	run := 0 // s[run:i] is to be copied
	flush := func(i int) {
		b.WriteString(s[run:i])
		m.Copy(nil, run, i)
	}
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '\r':
			flush(i)
			n := 1
			if i+1 < len(s) && s[i+1] == '\n' {
				n = 2
			}
			b.WriteByte('\n')
			m.Replace(nil, 1, i, i+n)
			i += n
			run = i
		case c >= 0x80:
			r, n := utf8.DecodeRuneInString(s[i:])
			if invisible(r) {
				flush(i)
				run = i + n
			}
			i += n
		default:
			i++
		}
	}
	flush(len(s))
	return b.String(), m
}

// nfc puts s in Unicode NFC, mapping the result through m (s's map).
func nfc(s string, m *claimtrail.InputMap) (string, *claimtrail.InputMap) {
	if norm.NFC.IsNormalString(s) {
		return s, m
	}
	var b strings.Builder
	b.Grow(len(s))
	out := &claimtrail.InputMap{}
	var it norm.Iter
	it.InitString(norm.NFC, s)
	for !it.Done() {
		lo := it.Pos()
		seg := it.Next()
		hi := it.Pos()
		b.Write(seg)
		if string(seg) == s[lo:hi] {
			out.Copy(m, lo, hi)
		} else {
			out.Replace(m, len(seg), lo, hi)
		}
	}
	return b.String(), out
}

// line is one line of a text, with the offset where it starts.
type line struct {
	text string
	at   int
}

// splitLines cuts s into lines at LF.
func splitLines(s string) []line {
	out := make([]line, 0, strings.Count(s, "\n")+1)
	at := 0
	for {
		i := strings.IndexByte(s[at:], '\n')
		if i < 0 {
			return append(out, line{s[at:], at})
		}
		out = append(out, line{s[at : at+i], at})
		at += i + 1
	}
}

// trimmed is the line without surrounding white space, with its offset.
func (l line) trimmed() line {
	lead := len(l.text) - len(strings.TrimLeftFunc(l.text, unicode.IsSpace))
	return line{strings.TrimSpace(l.text), l.at + lead}
}

// para is one paragraph: trimmed lines joined by single spaces.
type para struct {
	text  string
	parts []claimtrail.Span // the lines, as offsets in the text they came from
}

func paraOf(ls []line) para {
	p := para{parts: make([]claimtrail.Span, len(ls))}
	texts := make([]string, len(ls))
	for i, l := range ls {
		texts[i] = l.text
		p.parts[i] = claimtrail.Span{Start: l.at, End: l.at + len(l.text)}
	}
	p.text = strings.Join(texts, " ")
	return p
}

func paraTexts(ps []para) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.text
	}
	return out
}

// joinMapped lays paragraphs of s out as joinParagraphs does, and maps the
// result through m (s's map): each line is copied, and the space or blank
// line between two stands for whatever lay between them in s.
func joinMapped(s string, m *claimtrail.InputMap, ps []para) (string, []claimtrail.Span, *claimtrail.InputMap) {
	var b strings.Builder
	out := &claimtrail.InputMap{}
	spans := make([]claimtrail.Span, 0, len(ps))
	prev := -1
	for _, p := range ps {
		if p.text == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteString("\n\n")
			out.Replace(m, 2, prev, p.parts[0].Start)
		}
		start := b.Len()
		for k, part := range p.parts {
			if k > 0 {
				b.WriteByte(' ')
				out.Replace(m, 1, p.parts[k-1].End, part.Start)
			}
			b.WriteString(s[part.Start:part.End])
			out.Copy(m, part.Start, part.End)
		}
		prev = p.parts[len(p.parts)-1].End
		spans = append(spans, claimtrail.Span{Start: start, End: b.Len()})
	}
	return b.String(), spans, out
}
