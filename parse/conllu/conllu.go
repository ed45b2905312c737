// Package conllu reads, writes and scores dependency trees in the CoNLL-U
// format of Universal Dependencies (https://universaldependencies.org/format.html).
//
// The reader keeps what a basic tree needs (one Word per syntactic word,
// with its head and relation) and carries everything else through: comment
// lines, multi-word token lines ("3-4") and empty nodes ("5.1") are kept
// verbatim so that Write gives back a file with the same sentences and words
// that the CoNLL 2018 evaluation script accepts.
//
//	r := conllu.NewReader(f, "dev.conllu")
//	for {
//		s, err := r.Next()
//		if err == io.EOF {
//			break
//		}
//		...
//	}
package conllu

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
)

// Word is one syntactic word of a sentence: one numbered line of a CoNLL-U
// file. Head is 0 for the root, -1 when the file leaves it out ("_").
type Word struct {
	ID                      int
	Form, Lemma, UPOS, XPOS string
	Feats                   string
	Head                    int
	Rel                     string // DEPREL, with its subtype ("nsubj:pass")
	Deps, Misc              string
}

// Extra is a line kept verbatim: a multi-word token or an empty node.
// After is the number of words of the sentence written before it.
type Extra struct {
	After int
	Line  string
}

// Sentence is one sentence: its comment lines (with their "#"), its words in
// order (Words[i].ID == i+1) and its verbatim extra lines.
type Sentence struct {
	Comments []string
	Words    []Word
	Extras   []Extra
	Line     int // line number of the sentence's first line in its file
}

// Forms returns the sentence's word forms.
func (s *Sentence) Forms() []string {
	f := make([]string, len(s.Words))
	for i, w := range s.Words {
		f[i] = w.Form
	}
	return f
}

// Universal returns the universal part of a relation: "nsubj" for
// "nsubj:pass".
func Universal(rel string) string {
	if i := strings.IndexByte(rel, ':'); i >= 0 {
		return rel[:i]
	}
	return rel
}

// Reader reads sentences from a CoNLL-U stream.
type Reader struct {
	sc   *bufio.Scanner
	name string
	line int
}

// NewReader returns a Reader of r; name is the file name errors give.
func NewReader(r io.Reader, name string) *Reader {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 16*1024*1024)
	return &Reader{sc: sc, name: name}
}

// errorf returns an error naming the file and the current line.
func (r *Reader) errorf(format string, args ...any) error {
	return fmt.Errorf("%s:%d: %s", r.name, r.line, fmt.Sprintf(format, args...))
}

// Next returns the next sentence, or io.EOF after the last one. An error
// names the file, the line and the problem; the reader can go on after it
// with the next sentence.
func (r *Reader) Next() (*Sentence, error) {
	var s *Sentence
	var bad error
	for r.sc.Scan() {
		r.line++
		line := strings.TrimRight(r.sc.Text(), "\r")
		if strings.TrimSpace(line) == "" {
			if s == nil {
				continue
			}
			if bad != nil {
				return nil, bad
			}
			return s, r.finish(s)
		}
		if s == nil {
			s = &Sentence{Line: r.line}
		}
		if bad != nil {
			continue // skip the rest of a broken sentence
		}
		bad = r.addLine(s, line)
	}
	if err := r.sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", r.name, err)
	}
	if s == nil {
		return nil, io.EOF
	}
	if bad != nil {
		return nil, bad
	}
	return s, r.finish(s)
}

// addLine adds one non-blank line to s.
func (r *Reader) addLine(s *Sentence, line string) error {
	if line[0] == '#' {
		if len(s.Words) > 0 || len(s.Extras) > 0 {
			return r.errorf("comment after the first word of a sentence")
		}
		s.Comments = append(s.Comments, line)
		return nil
	}
	cols := strings.Split(line, "\t")
	if len(cols) != 10 {
		return r.errorf("%d tab-separated columns, want 10", len(cols))
	}
	id := cols[0]
	if strings.ContainsAny(id, "-.") {
		if !validRange(id) {
			return r.errorf("bad ID %q", id)
		}
		s.Extras = append(s.Extras, Extra{After: len(s.Words), Line: line})
		return nil
	}
	n, err := strconv.Atoi(id)
	if err != nil || n < 1 {
		return r.errorf("bad ID %q", id)
	}
	if n != len(s.Words)+1 {
		return r.errorf("word ID %d out of order, want %d", n, len(s.Words)+1)
	}
	if cols[1] == "" {
		return r.errorf("empty FORM")
	}
	w := Word{ID: n, Form: cols[1], Lemma: cols[2], UPOS: cols[3], XPOS: cols[4],
		Feats: cols[5], Head: -1, Rel: cols[7], Deps: cols[8], Misc: cols[9]}
	if cols[6] != "_" {
		h, err := strconv.Atoi(cols[6])
		if err != nil || h < 0 {
			return r.errorf("bad HEAD %q", cols[6])
		}
		w.Head = h
	}
	s.Words = append(s.Words, w)
	return nil
}

// validRange reports whether id is a multi-word range "3-4" or an empty
// node "5.1".
func validRange(id string) bool {
	sep := strings.IndexAny(id, "-.")
	a, err1 := strconv.Atoi(id[:sep])
	b, err2 := strconv.Atoi(id[sep+1:])
	if err1 != nil || err2 != nil || a < 0 || b < 1 {
		return false
	}
	return id[sep] == '.' || b > a
}

// finish checks what needs the whole sentence: heads in range.
func (r *Reader) finish(s *Sentence) error {
	if len(s.Words) == 0 {
		return fmt.Errorf("%s:%d: sentence without words", r.name, s.Line)
	}
	for _, w := range s.Words {
		if w.Head > len(s.Words) {
			return fmt.Errorf("%s:%d: word %d: HEAD %d beyond the sentence's %d words",
				r.name, s.Line, w.ID, w.Head, len(s.Words))
		}
		if w.Head == w.ID {
			return fmt.Errorf("%s:%d: word %d is its own head", r.name, s.Line, w.ID)
		}
	}
	return nil
}

// CheckTree reports whether the words' heads form one tree: every word has
// a head, exactly one word hangs from the root (0) and there is no cycle.
func (s *Sentence) CheckTree() error {
	roots := 0
	for _, w := range s.Words {
		switch {
		case w.Head < 0:
			return fmt.Errorf("sentence at line %d: word %d has no head", s.Line, w.ID)
		case w.Head == 0:
			roots++
		}
	}
	if roots != 1 {
		return fmt.Errorf("sentence at line %d: %d words hang from the root, want 1", s.Line, roots)
	}
	for _, w := range s.Words {
		h, steps := w.Head, 0
		for h != 0 {
			if steps++; steps > len(s.Words) {
				return fmt.Errorf("sentence at line %d: word %d is in a cycle", s.Line, w.ID)
			}
			h = s.Words[h-1].Head
		}
	}
	return nil
}

// ReadFile reads every sentence of a CoNLL-U file, stopping at the first
// error or when ctx is done.
func ReadFile(ctx context.Context, path string) ([]*Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ReadAll(ctx, f, path)
}

// ReadAll reads every sentence of r (named name in errors).
func ReadAll(ctx context.Context, r io.Reader, name string) ([]*Sentence, error) {
	rd := NewReader(r, name)
	var out []*Sentence
	for {
		if len(out)%256 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		s, err := rd.Next()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
}

// Write writes s in CoNLL-U, followed by a blank line.
func Write(w io.Writer, s *Sentence) error {
	bw, ok := w.(*bufio.Writer)
	if !ok {
		bw = bufio.NewWriter(w)
	}
	for _, c := range s.Comments {
		bw.WriteString(c)
		bw.WriteByte('\n')
	}
	x := 0
	for i := 0; i <= len(s.Words); i++ {
		for x < len(s.Extras) && s.Extras[x].After <= i {
			bw.WriteString(s.Extras[x].Line)
			bw.WriteByte('\n')
			x++
		}
		if i == len(s.Words) {
			break
		}
		writeWord(bw, &s.Words[i])
	}
	bw.WriteByte('\n')
	if ok {
		return nil
	}
	return bw.Flush()
}

func writeWord(bw *bufio.Writer, w *Word) {
	head := "_"
	if w.Head >= 0 {
		head = strconv.Itoa(w.Head)
	}
	cols := [10]string{strconv.Itoa(w.ID), w.Form, w.Lemma, w.UPOS, w.XPOS, w.Feats, head, w.Rel, w.Deps, w.Misc}
	for i, c := range cols {
		if i > 0 {
			bw.WriteByte('\t')
		}
		if c == "" {
			c = "_"
		}
		bw.WriteString(c)
	}
	bw.WriteByte('\n')
}

// Score counts words whose head, labelled head (universal relation) and
// UPOS a prediction gets right.
type Score struct {
	Words, Heads, Labelled, UPOS int
}

// Add scores pred against gold: the same sentence with the same words.
func (sc *Score) Add(gold, pred *Sentence) error {
	if len(gold.Words) != len(pred.Words) {
		return fmt.Errorf("sentence at line %d: %d predicted words, %d gold", gold.Line, len(pred.Words), len(gold.Words))
	}
	for i := range gold.Words {
		g, p := &gold.Words[i], &pred.Words[i]
		sc.Words++
		if g.UPOS == p.UPOS {
			sc.UPOS++
		}
		if g.Head == p.Head {
			sc.Heads++
			if Universal(g.Rel) == Universal(p.Rel) {
				sc.Labelled++
			}
		}
	}
	return nil
}

// UAS is the share of words with the right head.
func (sc Score) UAS() float64 { return ratio(sc.Heads, sc.Words) }

// LAS is the share of words with the right head and universal relation.
func (sc Score) LAS() float64 { return ratio(sc.Labelled, sc.Words) }

// UPOSAccuracy is the share of words with the right universal tag.
func (sc Score) UPOSAccuracy() float64 { return ratio(sc.UPOS, sc.Words) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}
