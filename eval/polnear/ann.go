package polnear

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/claimtrail/claimtrail"
)

// offsets converts between Unicode character offsets, as brat counts them,
// and byte offsets into one text.
type offsets struct {
	starts []int // byte offset of each character, then len(text)
}

func newOffsets(text string) offsets {
	starts := make([]int, 0, len(text)+1)
	for i := range text {
		starts = append(starts, i)
	}
	return offsets{starts: append(starts, len(text))}
}

// chars is the number of characters in the text.
func (o offsets) chars() int { return len(o.starts) - 1 }

// byteOf returns the byte offset of character c; c must be in [0, chars()].
func (o offsets) byteOf(c int) int { return o.starts[c] }

// charOf returns the character offset of byte b, rounding a byte inside a
// multi-byte character up to the next character.
func (o offsets) charOf(b int) int { return sort.SearchInts(o.starts, b) }

// textBound is one text-bound ("T") annotation.
type textBound struct {
	typ   string
	spans Mention
}

// ParseAnn parses a brat standoff file annotating text. It returns the
// attributions its event ("E") lines describe, with spans converted from
// character to byte offsets. Continuation lines of span texts that hold
// newlines, annotator notes and other annotation kinds are skipped. An error
// is a *LineError naming the offending line.
func ParseAnn(text string, data []byte) ([]Attribution, error) {
	off := newOffsets(text)
	bounds := make(map[string]textBound)
	type event struct {
		line int
		id   string
		args []string
	}
	var events []event
	for n, line := range strings.Split(string(data), "\n") {
		line = strings.TrimRight(line, "\r")
		id, rest, ok := strings.Cut(line, "\t")
		if !ok || len(id) < 2 || !isDigits(id[1:]) {
			continue // continuation of a multi-line span text, or a blank line
		}
		switch id[0] {
		case 'T':
			head, _, _ := strings.Cut(rest, "\t")
			tb, err := parseTextBound(head, off)
			if err != nil {
				return nil, &LineError{Line: n + 1, Err: fmt.Errorf("%s: %w", id, err)}
			}
			bounds[id] = tb
		case 'E':
			events = append(events, event{line: n + 1, id: id, args: strings.Fields(rest)})
		}
	}
	var out []Attribution
	for _, ev := range events {
		a := Attribution{ID: ev.id}
		for _, arg := range ev.args {
			role, ref, ok := strings.Cut(arg, ":")
			if !ok {
				return nil, &LineError{Line: ev.line, Err: fmt.Errorf("%s: argument %q is not ROLE:ID", ev.id, arg)}
			}
			tb, ok := bounds[ref]
			if !ok {
				return nil, &LineError{Line: ev.line, Err: fmt.Errorf("%s: %w: %s", ev.id, errNoRef, ref)}
			}
			switch role {
			case "Source":
				a.Source = mergeMention(a.Source, tb.spans)
			case "Cue":
				a.Cue = mergeMention(a.Cue, tb.spans)
			case "Content", "Content2", "Content3":
				a.Content = mergeMention(a.Content, tb.spans)
			}
		}
		out = append(out, a)
	}
	return out, nil
}

// parseTextBound parses "Type start end;start end".
func parseTextBound(s string, off offsets) (textBound, error) {
	typ, locs, ok := strings.Cut(s, " ")
	if !ok || typ == "" {
		return textBound{}, fmt.Errorf("%w: %q", errBadSpan, s)
	}
	var m Mention
	for _, loc := range strings.Split(locs, ";") {
		a, b, ok := strings.Cut(strings.TrimSpace(loc), " ")
		if !ok {
			return textBound{}, fmt.Errorf("%w: %q", errBadSpan, loc)
		}
		start, err1 := strconv.Atoi(a)
		end, err2 := strconv.Atoi(b)
		if err1 != nil || err2 != nil || start < 0 || end < start || end > off.chars() {
			return textBound{}, fmt.Errorf("%w: %q (text has %d characters)", errBadSpan, loc, off.chars())
		}
		m = append(m, claimtrail.Span{Start: off.byteOf(start), End: off.byteOf(end)})
	}
	return textBound{typ: typ, spans: mergeMention(nil, m)}, nil
}

// mergeMention adds the fragments of b to a, keeping them sorted and
// merging fragments that overlap or touch.
func mergeMention(a, b Mention) Mention {
	if len(b) == 0 {
		return a
	}
	all := append(append(Mention{}, a...), b...)
	sort.Slice(all, func(i, j int) bool { return all[i].Start < all[j].Start })
	out := all[:1]
	for _, s := range all[1:] {
		last := &out[len(out)-1]
		if s.Start <= last.End {
			last.End = max(last.End, s.End)
			continue
		}
		out = append(out, s)
	}
	return out
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// WriteAnn writes attributions over text as a brat standoff file in the
// corpus's own format: Source, Cue and Content text-bound annotations with
// character offsets, an Attribution (or Attribution-no-source) trigger over
// the cue, and one E line per attribution. Attributions without a cue or
// content are skipped, as the format cannot express them.
func WriteAnn(w io.Writer, text string, atts []Attribution) error {
	off := newOffsets(text)
	bw := bufio.NewWriter(w)
	ids := make(map[string]string)
	nextT := 1
	textBoundID := func(typ string, m Mention) (string, error) {
		loc := locString(m, off)
		key := typ + " " + loc
		if id, ok := ids[key]; ok && typ != "Attribution" && typ != "Attribution-no-source" {
			return id, nil
		}
		id := "T" + strconv.Itoa(nextT)
		nextT++
		ids[key] = id
		_, err := fmt.Fprintf(bw, "%s\t%s\t%s\n", id, key, fragmentText(text, m))
		return id, err
	}
	nextE := 1
	for _, a := range atts {
		if len(a.Cue) == 0 || len(a.Content) == 0 || !validMention(a.Cue, text) ||
			!validMention(a.Content, text) || (len(a.Source) > 0 && !validMention(a.Source, text)) {
			continue
		}
		var srcID string
		var err error
		if len(a.Source) > 0 {
			if srcID, err = textBoundID("Source", a.Source); err != nil {
				return err
			}
		}
		cueID, err := textBoundID("Cue", a.Cue)
		if err != nil {
			return err
		}
		contentID, err := textBoundID("Content", a.Content)
		if err != nil {
			return err
		}
		trigger := "Attribution"
		if srcID == "" {
			trigger = "Attribution-no-source"
		}
		trigID, err := textBoundID(trigger, a.Cue)
		if err != nil {
			return err
		}
		line := fmt.Sprintf("E%d\t%s:%s Content:%s Cue:%s", nextE, trigger, trigID, contentID, cueID)
		if srcID != "" {
			line += " Source:" + srcID
		}
		nextE++
		if _, err := fmt.Fprintln(bw, line); err != nil {
			return err
		}
	}
	return bw.Flush()
}

func validMention(m Mention, text string) bool {
	for _, s := range m {
		if s.Start < 0 || s.End > len(text) || s.Start >= s.End {
			return false
		}
	}
	return true
}

// locString formats a mention's fragments as brat character offsets.
func locString(m Mention, off offsets) string {
	parts := make([]string, len(m))
	for i, s := range m {
		parts[i] = strconv.Itoa(off.charOf(s.Start)) + " " + strconv.Itoa(off.charOf(s.End))
	}
	return strings.Join(parts, ";")
}

// fragmentText is the annotation's text column: its fragments joined by a
// space, with line breaks flattened so the file stays one line per entry.
func fragmentText(text string, m Mention) string {
	parts := make([]string, len(m))
	for i, s := range m {
		parts[i] = s.In(text)
	}
	return strings.NewReplacer("\r", " ", "\n", " ").Replace(strings.Join(parts, " "))
}
