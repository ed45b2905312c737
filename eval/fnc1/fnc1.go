// Package fnc1 reads the Fake News Challenge (FNC-1) stance data set and
// scores stance predictions with the challenge's official weighting, beside
// the plainer metrics (accuracy, per-class precision, recall and F1,
// macro-F1, confusion matrix) that the weighted score tends to flatter.
//
// An FNC-1 data set is a pair of CSV files: bodies (`Body ID,articleBody`)
// and stances (`Headline,Body ID,Stance`). Fields may be quoted and hold
// newlines; files may start with a byte-order mark and use CRLF line ends.
package fnc1

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
)

// Labels lists the four FNC-1 stances in the challenge's order; a label's
// index in Labels is its number in Confusion and in the metric slices.
var Labels = [4]string{"agree", "disagree", "discuss", "unrelated"}

// Unrelated is the index of the "unrelated" label in Labels.
const Unrelated = 3

// LabelIndex returns the index in Labels of the stance name s (case and
// surrounding space ignored), and false when s is no FNC-1 stance.
func LabelIndex(s string) (int, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	for i, l := range Labels {
		if l == s {
			return i, true
		}
	}
	return 0, false
}

// Pair is one row of a stances file: a headline, the body it is paired
// with and, in labelled files, the gold stance.
type Pair struct {
	Headline string
	BodyID   int
	Stance   string // as written in the file; "" in unlabelled files
	Line     int    // line of the file where the row starts
}

// Error is a problem in one data file, at one line when Line > 0.
type Error struct {
	File string
	Line int
	Err  error
}

// Error formats the problem as "FILE:LINE: problem".
func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.File, e.Err)
}

// Unwrap returns the underlying problem.
func (e *Error) Unwrap() error { return e.Err }

// table reads a CSV stream whose first row is a header containing the
// wanted columns, calling row with the wanted fields of every later row.
// Columns named in optional may be missing; their fields are then "".
func table(ctx context.Context, name string, r io.Reader, want []string, optional map[string]bool, row func(line int, f []string) error) error {
	br := bufio.NewReaderSize(r, 1<<16)
	if b, err := br.Peek(3); err == nil && bytes.Equal(b, []byte{0xEF, 0xBB, 0xBF}) {
		br.Discard(3)
	}
	cr := csv.NewReader(br)
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	head, err := cr.Read()
	if err == io.EOF {
		return &Error{File: name, Err: errors.New("empty file, want a header row")}
	}
	if err != nil {
		return csvError(name, err)
	}
	idx := make([]int, len(want))
	for i, w := range want {
		idx[i] = -1
		for j, h := range head {
			if strings.EqualFold(strings.TrimSpace(h), w) {
				idx[i] = j
				break
			}
		}
		if idx[i] < 0 && !optional[w] {
			return &Error{File: name, Line: 1, Err: fmt.Errorf("header %q lacks column %q", strings.Join(head, ","), w)}
		}
	}
	fields := make([]string, len(want))
	for n := 0; ; n++ {
		if n&1023 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		rec, err := cr.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return csvError(name, err)
		}
		line, _ := cr.FieldPos(0)
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			continue // blank line
		}
		for i, j := range idx {
			if j < 0 {
				fields[i] = ""
				continue
			}
			if j >= len(rec) {
				return &Error{File: name, Line: line, Err: fmt.Errorf("row has %d fields, want at least %d", len(rec), len(head))}
			}
			fields[i] = rec[j]
		}
		if err := row(line, fields); err != nil {
			return &Error{File: name, Line: line, Err: err}
		}
	}
}

func csvError(name string, err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return &Error{File: name, Line: pe.StartLine, Err: pe.Err}
	}
	return &Error{File: name, Err: err}
}

func parseBodyID(s string) (int, error) {
	id, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || id < 0 {
		return 0, fmt.Errorf("bad Body ID %q", s)
	}
	return id, nil
}

// ReadBodies reads a bodies CSV (`Body ID,articleBody`) from r; name is
// used in errors. A Body ID given twice is an error.
func ReadBodies(ctx context.Context, name string, r io.Reader) (map[int]string, error) {
	bodies := make(map[int]string)
	err := table(ctx, name, r, []string{"Body ID", "articleBody"}, nil, func(_ int, f []string) error {
		id, err := parseBodyID(f[0])
		if err != nil {
			return err
		}
		if _, dup := bodies[id]; dup {
			//lint:ignore ST1005 the message starts with the CSV column's name
			return fmt.Errorf("Body ID %d given twice", id)
		}
		bodies[id] = f[1]
		return nil
	})
	if err != nil {
		return nil, err
	}
	return bodies, nil
}

// ReadStances reads a stances CSV (`Headline,Body ID[,Stance]`) from r;
// name is used in errors. The Stance column is optional (the challenge's
// test file ships without it); when present every value must be an FNC-1
// label.
func ReadStances(ctx context.Context, name string, r io.Reader) ([]Pair, error) {
	var pairs []Pair
	want := []string{"Headline", "Body ID", "Stance"}
	err := table(ctx, name, r, want, map[string]bool{"Stance": true}, func(line int, f []string) error {
		id, err := parseBodyID(f[1])
		if err != nil {
			return err
		}
		stance := strings.ToLower(strings.TrimSpace(f[2]))
		if _, ok := LabelIndex(stance); !ok && stance != "" {
			return fmt.Errorf("unknown stance %q, want one of %s", f[2], strings.Join(Labels[:], ", "))
		}
		pairs = append(pairs, Pair{Headline: f[0], BodyID: id, Stance: stance, Line: line})
		return nil
	})
	if err != nil {
		return nil, err
	}
	return pairs, nil
}

// Data is a whole FNC-1 data set: bodies by ID and headline pairs in file order.
type Data struct {
	Bodies map[int]string
	Pairs  []Pair
}

// Labelled reports whether every pair carries a gold stance.
func (d *Data) Labelled() bool {
	for _, p := range d.Pairs {
		if p.Stance == "" {
			return false
		}
	}
	return len(d.Pairs) > 0
}

// Open reads a bodies file and a stances file and checks that every pair
// names a known body.
func Open(ctx context.Context, bodiesPath, stancesPath string) (*Data, error) {
	bodies, err := readFile(ctx, bodiesPath, ReadBodies)
	if err != nil {
		return nil, err
	}
	pairs, err := readFile(ctx, stancesPath, ReadStances)
	if err != nil {
		return nil, err
	}
	for _, p := range pairs {
		if _, ok := bodies[p.BodyID]; !ok {
			//lint:ignore ST1005 the message starts with the CSV column's name
			return nil, &Error{File: stancesPath, Line: p.Line, Err: fmt.Errorf("Body ID %d is not in %s", p.BodyID, bodiesPath)}
		}
	}
	return &Data{Bodies: bodies, Pairs: pairs}, nil
}

func readFile[T any](ctx context.Context, path string, read func(context.Context, string, io.Reader) (T, error)) (T, error) {
	var zero T
	f, err := os.Open(path)
	if err != nil {
		return zero, err
	}
	defer f.Close()
	return read(ctx, path, f)
}
