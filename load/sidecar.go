package load

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
	"time"

	"github.com/claimtrail/claimtrail"
)

// maxSidecar bounds a sidecar file; metadata is a few hundred bytes.
const maxSidecar = 1 << 20

// sidecar is the metadata in a FILE.meta.json; a nil field was absent or
// null and leaves the article's own value alone.
type sidecar struct {
	Outlet    *string `json:"outlet"`
	Title     *string `json:"title"`
	URL       *string `json:"url"`
	Published *string `json:"published"`
	Byline    *string `json:"byline"`

	published time.Time
}

// readSidecar reads the sidecar at path; it returns nil, nil when there is
// none, and an *Error naming the sidecar when it is unreadable or bad.
func readSidecar(path string) (*sidecar, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, &Error{Input: path, Err: cleanFSError(err)}
	}
	if len(data) > maxSidecar {
		return nil, &Error{Input: path, Err: tooLarge(int64(len(data)), maxSidecar)}
	}
	data = bytes.TrimPrefix(data, bom)
	var m sidecar
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&m); err != nil {
		return nil, &Error{Input: path, Line: lineOf(data, dec.InputOffset()), Err: fmt.Errorf("bad sidecar JSON: %w", jsonProblem(err))}
	}
	if dec.More() {
		return nil, &Error{Input: path, Err: errors.New("bad sidecar JSON: more than one value")}
	}
	if m.Published != nil && strings.TrimSpace(*m.Published) != "" {
		t, err := parseTime(*m.Published)
		if err != nil {
			return nil, &Error{Input: path, Err: fmt.Errorf("bad sidecar published: %w", err)}
		}
		m.published = t
	}
	if m.URL != nil && strings.TrimSpace(*m.URL) != "" {
		if err := checkURL(*m.URL); err != nil {
			return nil, &Error{Input: path, Err: fmt.Errorf("bad sidecar url: %w", err)}
		}
	}
	return &m, nil
}

// apply writes the sidecar's values into a. With override false it only
// fills fields that a leaves empty (a JSON lines file carries its own
// metadata per line).
func (m *sidecar) apply(a *claimtrail.Article, override bool) {
	set := func(dst *string, v *string) {
		if v == nil {
			return
		}
		s := clean(*v)
		if s != "" && (override || *dst == "") {
			*dst = s
		}
	}
	set(&a.Outlet, m.Outlet)
	set(&a.Title, m.Title)
	set(&a.URL, m.URL)
	set(&a.Byline, m.Byline)
	if !m.published.IsZero() && (override || a.Published.IsZero()) {
		a.Published = m.published
	}
}

// lineOf gives the 1-based line holding byte offset off of data.
func lineOf(data []byte, off int64) int {
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	if off < 0 {
		off = 0
	}
	return bytes.Count(data[:off], []byte("\n")) + 1
}

// jsonProblem words a JSON decoding error without Go type names.
func jsonProblem(err error) error {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		if te.Field != "" {
			return fmt.Errorf("field %q should be a %s, not a JSON %s", te.Field, jsonKind(te.Type.Kind().String()), te.Value)
		}
		return fmt.Errorf("want a JSON object, got a JSON %s", te.Value)
	}
	if errors.Is(err, io.EOF) {
		return errors.New("no JSON value")
	}
	if errors.Is(err, io.ErrUnexpectedEOF) {
		return errors.New("unexpected end of JSON")
	}
	return err
}

func jsonKind(k string) string {
	switch k {
	case "string", "ptr":
		return "string"
	case "int", "int64", "float64":
		return "number"
	case "struct", "map":
		return "object"
	}
	return k
}
