package claimtrail

import "sort"

// Span bases: what the byte offsets of an article's spans index, as the
// JSON contract's span_basis says.
const (
	// BasisFile: the bytes of the input file as the user gave it.
	BasisFile = "file"
	// BasisExtracted: the text extracted from the input (a web page's main
	// text, a JSON line's "text" field, a UTF-16 file decoded), which the
	// JSON output carries as the article's text.
	BasisExtracted = "extracted"
	// BasisText: the article's normalised text as stored, with no input to
	// map back to (articles from a corpus store, or built in code).
	BasisText = "text"
)

// InputMap maps byte offsets in an article's normalised Text back to the
// input it was read from. Normalising (CRLF to LF, Unicode NFC, invisible
// characters dropped, lines joined, white space and boilerplate cut) copies
// most bytes and replaces or drops a few, so the map is a list of segments,
// each a run of Text with the input bytes it stands for: copied byte for
// byte, or replaced as a whole. It costs memory in proportion to the edits,
// not to the text.
type InputMap struct {
	segs []inputSeg // in Text order, each starting where the last ended
}

type inputSeg struct {
	text, in Span
	copied   bool // text is a byte-for-byte copy of in
}

// TextLen is the length of the text mapped so far.
func (m *InputMap) TextLen() int {
	if len(m.segs) == 0 {
		return 0
	}
	return m.segs[len(m.segs)-1].text.End
}

// Segments is how many segments the map holds: its size.
func (m *InputMap) Segments() int { return len(m.segs) }

func (m *InputMap) add(n int, in Span, copied bool) {
	if n == 0 {
		return // dropped input needs no record: the next segment starts past it
	}
	at := m.TextLen()
	if k := len(m.segs) - 1; copied && k >= 0 && m.segs[k].copied && m.segs[k].in.End == in.Start {
		m.segs[k].text.End += n
		m.segs[k].in.End = in.End
		return
	}
	m.segs = append(m.segs, inputSeg{text: Span{Start: at, End: at + n}, in: in, copied: copied})
}

// Copy appends the text that src maps at [lo, hi) of its own text, copied
// unchanged: each byte keeps the input offset src gives it. A nil src is
// the identity: the input is src's text itself.
func (m *InputMap) Copy(src *InputMap, lo, hi int) {
	if hi <= lo {
		return
	}
	if src == nil {
		m.add(hi-lo, Span{Start: lo, End: hi}, true)
		return
	}
	for k := src.find(lo); k < len(src.segs) && src.segs[k].text.Start < hi; k++ {
		s := src.segs[k]
		a, b := max(lo, s.text.Start), min(hi, s.text.End)
		if a >= b {
			continue
		}
		if s.copied {
			off := s.in.Start - s.text.Start
			m.add(b-a, Span{Start: a + off, End: b + off}, true)
		} else {
			m.add(b-a, s.in, false)
		}
	}
}

// Replace appends n bytes of new text that stand, as a whole, for the
// text src maps at [lo, hi) of its own (a nil src is the identity); lo ==
// hi stands for no input bytes at that place. n == 0 drops that text.
func (m *InputMap) Replace(src *InputMap, n, lo, hi int) {
	in := Span{Start: lo, End: hi}
	if src != nil {
		in = Span{Start: src.start(lo), End: src.end(hi)}
		if hi <= lo {
			in.End = in.Start
		}
	}
	m.add(n, in, false)
}

// find returns the first segment ending after x (or holding x when empty).
func (m *InputMap) find(x int) int {
	return sort.Search(len(m.segs), func(k int) bool { return m.segs[k].text.End > x })
}

// start maps a text offset where a span starts: into the segment holding
// the byte at x.
func (m *InputMap) start(x int) int {
	k := m.find(x)
	if k == len(m.segs) {
		if k == 0 {
			return x
		}
		return m.segs[k-1].in.End
	}
	s := m.segs[k]
	if s.copied {
		return s.in.Start + max(x-s.text.Start, 0)
	}
	return s.in.Start
}

// end maps a text offset where a span ends: past the segment holding the
// byte before x.
func (m *InputMap) end(x int) int {
	if x <= 0 {
		if len(m.segs) == 0 {
			return x
		}
		return m.segs[0].in.Start
	}
	k := m.find(x - 1)
	if k == len(m.segs) {
		return m.start(x)
	}
	s := m.segs[k]
	if s.copied {
		return s.in.Start + (x - s.text.Start)
	}
	return s.in.End
}

// Span maps a span of the text to the input bytes it came from. The bytes
// a span covers in the input may hold what normalising dropped inside it
// (a carriage return, an invisible character), never what lay outside it.
func (m *InputMap) Span(s Span) Span {
	if m == nil {
		return s
	}
	if s.Empty() {
		x := m.start(s.Start)
		return Span{Start: x, End: x}
	}
	return Span{Start: m.start(s.Start), End: m.end(s.End)}
}
