package load

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/claimtrail/claimtrail"
)

// jsonArticle is one line of a JSON lines file.
type jsonArticle struct {
	ID        string  `json:"id"`
	URL       string  `json:"url"`
	Outlet    string  `json:"outlet"`
	Title     string  `json:"title"`
	Byline    string  `json:"byline"`
	Published *string `json:"published"`
	Lang      string  `json:"lang"`
	Text      *string `json:"text"`
}

// JSONL loads one article per line of r: a JSON object with "text"
// (required), "url", "outlet", "title", "published" (RFC 3339 or a date),
// and optionally "id", "byline" and "lang". Blank lines are skipped. A bad
// line gives an *Error with its line number and the other lines load. name
// labels the input in errors and becomes Article.Path.
func JSONL(name string, r io.Reader) ([]claimtrail.Article, []error) {
	return jsonl(name, r, DefaultMaxFileSize)
}

func jsonl(name string, r io.Reader, max int64) ([]claimtrail.Article, []error) {
	var (
		arts []claimtrail.Article
		errs []error
	)
	br := bufio.NewReaderSize(r, int(min(64<<10, max+1)))
	if head, _ := br.Peek(8 << 10); len(head) > 0 {
		if bytes.HasPrefix(head, []byte{0xFF, 0xFE}) || bytes.HasPrefix(head, []byte{0xFE, 0xFF}) || bytes.HasPrefix(head, []byte{0, 0, 0xFE, 0xFF}) {
			return nil, []error{&Error{Input: name, Err: fmt.Errorf("%w (UTF-16/32 JSON lines are not supported)", ErrNotUTF8)}}
		}
		if i := bytes.IndexByte(head, 0); i >= 0 {
			return nil, []error{&Error{Input: name, Err: fmt.Errorf("%w (NUL byte at offset %d)", ErrBinary, i)}}
		}
	}
	sawLine := false
	for n := 1; ; n++ {
		line, err := readLine(br, max)
		if errors.Is(err, ErrTooLarge) {
			errs = append(errs, &Error{Input: name, Line: n, Err: err})
			continue
		}
		if err != nil && !errors.Is(err, io.EOF) {
			errs = append(errs, &Error{Input: name, Line: n, Err: fmt.Errorf("cannot read: %w", err)})
			break
		}
		if n == 1 {
			line = bytes.TrimPrefix(line, bom)
		}
		if len(bytes.TrimSpace(line)) > 0 {
			sawLine = true
			a, lerr := jsonLine(line)
			if lerr != nil {
				errs = append(errs, &Error{Input: name, Line: n, Err: lerr})
			} else {
				a.Path = name
				arts = append(arts, a)
			}
		}
		if errors.Is(err, io.EOF) {
			break
		}
	}
	if !sawLine && len(errs) == 0 {
		errs = append(errs, &Error{Input: name, Err: ErrEmpty})
	}
	return arts, errs
}

// readLine reads one line without its end. A line longer than max is
// skipped to its end and reported as ErrTooLarge. At the end of input it
// returns the last line with io.EOF.
func readLine(br *bufio.Reader, max int64) ([]byte, error) {
	var line []byte
	over := false
	for {
		chunk, err := br.ReadSlice('\n')
		if !over {
			if int64(len(line)+len(chunk)) > max+1 {
				over, line = true, nil
			} else {
				line = append(line, chunk...)
			}
		}
		switch {
		case errors.Is(err, bufio.ErrBufferFull):
			continue
		case err != nil && !errors.Is(err, io.EOF):
			return nil, err
		}
		if over {
			return nil, tooLarge(0, max)
		}
		line = bytes.TrimSuffix(line, []byte("\n"))
		line = bytes.TrimSuffix(line, []byte("\r"))
		return line, err
	}
}

// jsonLine decodes and checks one line.
func jsonLine(line []byte) (claimtrail.Article, error) {
	if i := invalidUTF8(line); i >= 0 {
		return claimtrail.Article{}, fmt.Errorf("%w (invalid byte 0x%02x at column %d)", ErrNotUTF8, line[i], i+1)
	}
	var j jsonArticle
	dec := json.NewDecoder(bytes.NewReader(line))
	if err := dec.Decode(&j); err != nil {
		return claimtrail.Article{}, fmt.Errorf("bad JSON: %w", jsonProblem(err))
	}
	if dec.More() {
		return claimtrail.Article{}, errors.New("bad JSON: more than one value on the line")
	}
	if j.Text == nil {
		return claimtrail.Article{}, errors.New(`no "text" field`)
	}
	a := claimtrail.Article{
		ID:     strings.TrimSpace(j.ID),
		Outlet: clean(j.Outlet),
		Title:  clean(j.Title),
		Byline: clean(j.Byline),
		Lang:   clean(j.Lang),
	}
	if u := strings.TrimSpace(j.URL); u != "" {
		if err := checkURL(u); err != nil {
			return claimtrail.Article{}, fmt.Errorf("bad url: %w", err)
		}
		a.URL = u
	}
	if j.Published != nil && strings.TrimSpace(*j.Published) != "" {
		t, err := parseTime(*j.Published)
		if err != nil {
			return claimtrail.Article{}, fmt.Errorf("bad published: %w", err)
		}
		a.Published = t
	}
	s, err := decode([]byte(*j.Text), DefaultMaxFileSize)
	if err != nil {
		return claimtrail.Article{}, fmt.Errorf("text: %w", err)
	}
	paras := cutBoilerplate(paraTexts(textParagraphs(splitLines(s))))
	if len(paras) > 0 && sameText(paras[0], a.Title) {
		paras = paras[1:]
	}
	if len(paras) == 0 {
		return claimtrail.Article{}, fmt.Errorf("text: %w", ErrNoContent)
	}
	a.Text, a.Paragraphs = joinParagraphs(paras)
	a.Basis = claimtrail.BasisExtracted
	return a, nil
}
