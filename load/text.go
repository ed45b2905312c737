package load

import (
	"bytes"
	"fmt"
	"net/url"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	xunicode "golang.org/x/text/encoding/unicode"
	"golang.org/x/text/encoding/unicode/utf32"
	"golang.org/x/text/unicode/norm"

	"github.com/claimtrail/claimtrail"
)

var bom = []byte{0xEF, 0xBB, 0xBF}

// Text loads a plain-text article. The first non-empty line is the title;
// the rest is the text, one paragraph per line or per blank-line separated
// block (hard-wrapped blocks are joined back into paragraphs). A first line
// that reads as a body paragraph rather than a headline (long, several
// sentences) stays in the text, and its first sentence becomes the title.
// name labels the input in errors and becomes Article.Path.
func Text(name string, data []byte) (claimtrail.Article, error) {
	return textArticle(name, data, DefaultMaxFileSize)
}

func textArticle(name string, data []byte, max int64) (claimtrail.Article, error) {
	s, m, err := decodeMapped(data, max)
	if err != nil {
		return claimtrail.Article{}, &Error{Input: name, Err: err}
	}
	a, err := fromText(s, m)
	if err != nil {
		return claimtrail.Article{}, &Error{Input: name, Err: err}
	}
	a.Path = name
	return a, nil
}

// fromText builds an article from normalised text: title line, paragraphs,
// boilerplate cut. m maps s to the input file (nil when s is not a file's
// text as it was: then the article's spans index the extracted text).
func fromText(s string, m *claimtrail.InputMap) (claimtrail.Article, error) {
	lines := splitLines(s)
	first := 0
	for first < len(lines) && isBlank(lines[first].text) {
		first++
	}
	if first == len(lines) {
		return claimtrail.Article{}, ErrEmpty
	}
	head := strings.TrimSpace(lines[first].text)
	var a claimtrail.Article
	body := lines[first+1:]
	if headline(firstLine{text: head, blankAfter: blankAfter(lines, first), blocks: usesBlankLines(lines[first+1:])}) {
		a.Title = clean(head)
	} else {
		a.Title = firstSentence(head)
		body = lines[first:]
	}
	paras := bodyParagraphs(body)
	if len(paras) == 0 && allBlank(body) {
		// A file of one line (a wire snippet, a pasted lead, a headline
		// that is the whole report) is its own text: refusing it left the
		// user with nothing, and the line is all the article says.
		paras = bodyParagraphs(lines[first:])
	}
	if len(paras) == 0 {
		return claimtrail.Article{}, fmt.Errorf("%w: nothing after the title line", ErrNoContent)
	}
	a.Text, a.Paragraphs, a.Input = joinMapped(s, m, paras)
	if m == nil {
		a.Input, a.Basis = nil, claimtrail.BasisExtracted
	}
	return a, nil
}

// bodyParagraphs is the paragraphs of body lines with trailing
// boilerplate cut.
func bodyParagraphs(body []line) []para {
	paras := textParagraphs(body)
	return paras[:len(cutBoilerplate(paraTexts(paras)))]
}

// decode checks raw bytes and returns them as normalised text: size within
// max, UTF-16/32 with a byte-order mark decoded, UTF-8 BOM stripped, no NUL
// bytes or mostly-control data, valid UTF-8, CRLF and CR turned into LF,
// invisible format characters dropped, Unicode NFC, not blank.
func decode(data []byte, max int64) (string, error) {
	s, _, err := decodeMapped(data, max)
	return s, err
}

// decodeMapped is decode, with the map from the text back to data; the map
// is nil when data was UTF-16 or UTF-32 (the text's bytes are then not the
// file's).
func decodeMapped(data []byte, max int64) (string, *claimtrail.InputMap, error) {
	if int64(len(data)) > max {
		return "", nil, tooLarge(int64(len(data)), max)
	}
	decoded := wideUnicode(data)
	data, err := fromWideUnicode(data)
	if err != nil {
		return "", nil, err
	}
	skip := 0
	if bytes.HasPrefix(data, bom) {
		skip = len(bom)
	}
	body := data[skip:]
	if len(bytes.TrimSpace(body)) == 0 {
		return "", nil, ErrEmpty
	}
	if i := bytes.IndexByte(body, 0); i >= 0 {
		return "", nil, fmt.Errorf("%w (NUL byte at offset %d)", ErrBinary, i+skip)
	}
	if i := invalidUTF8(body); i >= 0 {
		return "", nil, fmt.Errorf("%w (invalid byte 0x%02x at offset %d)", ErrNotUTF8, body[i], i+skip)
	}
	if mostlyControl(body) {
		return "", nil, fmt.Errorf("%w (mostly control characters)", ErrBinary)
	}
	// A byte-order mark inside the text (files pasted together), zero-width
	// and bidirectional controls only get in the way of matching: lineEnds
	// drops them with the carriage returns.
	s, m := lineEnds(string(data))
	s, m = nfc(s, m)
	if strings.TrimSpace(s) == "" {
		return "", nil, ErrEmpty
	}
	if decoded {
		m = nil
	}
	return s, m, nil
}

// wideUnicode reports whether data starts with a UTF-16 or UTF-32
// byte-order mark.
func wideUnicode(data []byte) bool {
	return bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) ||
		bytes.HasPrefix(data, []byte{0, 0, 0xFE, 0xFF})
}

// fromWideUnicode decodes UTF-16 and UTF-32 text that starts with a
// byte-order mark into UTF-8; other data is returned as it is.
func fromWideUnicode(data []byte) ([]byte, error) {
	var dec interface {
		Bytes([]byte) ([]byte, error)
	}
	switch {
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE, 0, 0}):
		dec = utf32.UTF32(utf32.LittleEndian, utf32.ExpectBOM).NewDecoder()
	case bytes.HasPrefix(data, []byte{0, 0, 0xFE, 0xFF}):
		dec = utf32.UTF32(utf32.BigEndian, utf32.ExpectBOM).NewDecoder()
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		dec = xunicode.UTF16(xunicode.LittleEndian, xunicode.ExpectBOM).NewDecoder()
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		dec = xunicode.UTF16(xunicode.BigEndian, xunicode.ExpectBOM).NewDecoder()
	default:
		return data, nil
	}
	out, err := dec.Bytes(data)
	if err != nil {
		return nil, fmt.Errorf("%w (bad UTF-16/32: %v)", ErrNotUTF8, err)
	}
	if bytes.ContainsRune(out, utf8.RuneError) {
		return nil, fmt.Errorf("%w (bad UTF-16/32 data)", ErrNotUTF8)
	}
	return out, nil
}

// invalidUTF8 gives the offset of the first byte that is not UTF-8, or -1.
func invalidUTF8(data []byte) int {
	if utf8.Valid(data) {
		return -1
	}
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return -1
}

// mostlyControl reports whether more than a tenth of the characters are
// control characters other than ordinary whitespace.
func mostlyControl(data []byte) bool {
	var ctrl, all int
	for _, r := range string(data) {
		all++
		switch {
		case r == '\t' || r == '\n' || r == '\r' || r == '\f' || r == '\v':
		case r < 0x20 || r == 0x7F || (r >= 0x80 && r < 0xA0):
			ctrl++
		}
	}
	return ctrl*10 > all
}

func isBlank(s string) bool { return strings.TrimSpace(s) == "" }

// allBlank reports whether no line holds text.
func allBlank(lines []line) bool {
	for _, l := range lines {
		if !isBlank(l.text) {
			return false
		}
	}
	return true
}

// firstLine is a file's first non-empty line with what follows it.
type firstLine struct {
	text       string // trimmed
	blankAfter bool   // a blank line follows it
	blocks     bool   // the rest of the file separates paragraphs by blank lines
}

// bodySign is one way a first line shows itself to be body text rather
// than a headline, with an example of it (a whole file).
type bodySign struct {
	name    string
	test    func(firstLine) bool
	example string
}

// headlineWords is the most words a headline line has: 95 % of the 1,648
// real headlines of FNC-1 have at most 18, 99 % at most 27.
const headlineWords = 22

// bodySigns are the signs that a first line is the lead of the body, not a
// headline. Headlines are short, stop without a full stop, and stand apart
// from the text; news dumps without titles (FNC-1 bodies) open with a lead
// sentence that ends in a period or runs straight into the next line.
var bodySigns = []bodySign{
	{"long", func(l firstLine) bool {
		return len(l.text) > 300 || len(strings.Fields(l.text)) > headlineWords
	}, "The port, which handles most of the grain, has been idle for nine days while traders who depend on it say that cargo worth millions of crowns now waits at anchor\n\nMore text.\n"},
	{"several sentences", func(l firstLine) bool { return len(l.text) > 150 && sentenceEnds(l.text) >= 2 },
		"Negotiations collapsed overnight. Stevedores abandoned terminals throughout Tuesday! Container vessels accumulated outside breakwaters, shipping consultants estimated, everywhere\n\nMore text.\n"},
	{"ends with a full stop", func(l firstLine) bool { return fullStop(l.text) },
		"The harbour police denied reports that the painter was held.\n\nA spokeswoman said so.\n"},
	{"introduces what follows", func(l firstLine) bool { return strings.HasSuffix(l.text, ":") },
		"Local radio reported on Monday:\n\nThe ferry will not sail.\n"},
	{"runs into the next paragraph", func(l firstLine) bool { return !l.blankAfter && l.blocks },
		"The harbour police denied reports that the painter was held\nA spokeswoman said so.\n\nMore later.\n"},
}

// headline reports whether a first line reads as a title rather than as a
// body paragraph: it shows none of the body signs.
func headline(l firstLine) bool {
	for _, s := range bodySigns {
		if s.test(l) {
			return false
		}
	}
	return true
}

// fullStop reports whether s ends with a period, inside closing quotes or
// brackets or not; an ellipsis is no full stop ("Rates rise again…").
func fullStop(s string) bool {
	s = strings.TrimRight(s, "\"'”’)] ")
	return strings.HasSuffix(s, ".") && !strings.HasSuffix(s, "..")
}

// blankAfter reports whether a blank line follows line i.
func blankAfter(lines []line, i int) bool {
	return i+1 < len(lines) && isBlank(lines[i+1].text)
}

// usesBlankLines reports whether a blank line separates two non-empty
// lines: the file sets paragraphs apart by blank lines, so a line that runs
// straight into the next belongs with it.
func usesBlankLines(lines []line) bool {
	seen, gap := false, false
	for _, l := range lines {
		switch {
		case isBlank(l.text):
			gap = seen
		case gap:
			return true
		default:
			seen = true
		}
	}
	return false
}

// sentenceEnds counts sentence-final punctuation followed by a space and a
// capital letter or quote: a rough count of sentences beyond the first.
func sentenceEnds(s string) int {
	n := 0
	for i := 0; i+2 < len(s); i++ {
		if c := s[i]; (c == '.' || c == '!' || c == '?') && s[i+1] == ' ' {
			r, _ := utf8.DecodeRuneInString(s[i+2:])
			if unicode.IsUpper(r) || r == '"' || r == '“' {
				n++
			}
		}
	}
	return n
}

// firstSentence returns the first sentence of a paragraph, cut at a word
// boundary when long, as a stand-in title.
func firstSentence(s string) string {
	s = clean(s)
	for i := 0; i+2 < len(s); i++ {
		if c := s[i]; (c == '.' || c == '!' || c == '?') && s[i+1] == ' ' {
			r, _ := utf8.DecodeRuneInString(s[i+2:])
			if unicode.IsUpper(r) {
				s = s[:i+1]
				break
			}
		}
	}
	const max = 200
	if len(s) > max {
		cut := strings.LastIndexByte(s[:max], ' ')
		if cut <= 0 {
			cut = max
			for cut > 0 && !utf8.RuneStart(s[cut]) {
				cut--
			}
		}
		s = s[:cut]
	}
	return s
}

// textParagraphs splits lines into paragraphs: blank lines separate blocks;
// a hard-wrapped block is joined into paragraphs, any other block gives one
// paragraph per line.
func textParagraphs(lines []line) []para {
	var paras []para
	var block []line
	flush := func() {
		if len(block) == 0 {
			return
		}
		if hardWrapped(block) {
			paras = append(paras, unwrap(block)...)
		} else {
			for _, l := range block {
				paras = append(paras, paraOf([]line{l.trimmed()}))
			}
		}
		block = block[:0]
	}
	for _, l := range lines {
		if isBlank(l.text) {
			flush()
			continue
		}
		block = append(block, l)
	}
	flush()
	return paras
}

// hardWrapped reports whether a block's lines look broken at a fixed width:
// every line but the last is 40 to 100 bytes long, they differ little, and
// most of them stop mid-sentence.
func hardWrapped(block []line) bool {
	if len(block) < 2 {
		return false
	}
	lo, hi, ends := 1<<30, 0, 0
	for _, l := range block[:len(block)-1] {
		t := strings.TrimSpace(l.text)
		lo, hi = min(lo, len(t)), max(hi, len(t))
		if endsSentence(t) {
			ends++
		}
	}
	return lo >= 40 && hi <= 100 && hi-lo <= 40 && ends*2 <= len(block)-1
}

// unwrap joins hard-wrapped lines into paragraphs, ending a paragraph after
// a line that ends a sentence well short of the wrap width.
func unwrap(block []line) []para {
	width := 0
	for _, l := range block {
		width = max(width, len(strings.TrimSpace(l.text)))
	}
	var paras []para
	var cur []line
	for _, l := range block {
		l = l.trimmed()
		cur = append(cur, l)
		if endsSentence(l.text) && len(l.text)*4 < width*3 {
			paras = append(paras, paraOf(cur))
			cur = nil
		}
	}
	if len(cur) > 0 {
		paras = append(paras, paraOf(cur))
	}
	return paras
}

func endsSentence(l string) bool {
	r, _ := utf8.DecodeLastRuneInString(l)
	return strings.ContainsRune(".!?\"”’:", r)
}

// joinParagraphs lays paragraphs out as one text, separated by a blank
// line, and returns the byte span of each.
func joinParagraphs(paras []string) (string, []claimtrail.Span) {
	var b strings.Builder
	spans := make([]claimtrail.Span, 0, len(paras))
	for _, p := range paras {
		if p == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		start := b.Len()
		b.WriteString(p)
		spans = append(spans, claimtrail.Span{Start: start, End: b.Len()})
	}
	return b.String(), spans
}

// clean collapses runs of white space into one space, trims, and puts the
// result in NFC: for titles, outlets and other one-line metadata.
func clean(s string) string {
	return norm.NFC.String(strings.Join(strings.Fields(dropInvisible(s)), " "))
}

// timeLayouts are the forms parseTime accepts, most specific first.
var timeLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05Z0700",
	"2006-01-02T15:04:05",
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	"2006-01-02",
}

// parseTime reads an RFC 3339 time or a date (2006-01-02), with a few
// near-RFC 3339 variants that feeds and sidecars write; a time without a
// zone is taken as UTC.
func parseTime(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	for _, l := range timeLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("%q is not an RFC 3339 time or a date (2006-01-02)", s)
}

// checkURL accepts an absolute http or https URL.
func checkURL(s string) error {
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil {
		return fmt.Errorf("%q is not a URL", s)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return fmt.Errorf("%q is not an http or https URL", s)
	}
	if u.Host == "" {
		return fmt.Errorf("%q has no host", s)
	}
	return nil
}
