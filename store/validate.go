package store

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/claimtrail/claimtrail"
)

// ErrInvalid is wrapped by every error Validate returns: the article cannot
// be stored as it is, and retrying cannot help.
var ErrInvalid = errors.New("invalid article")

// Problems Validate reports, besides ErrNoText; test them with errors.Is.
var (
	ErrBinary  = errors.New("binary data, not text")
	ErrNotUTF8 = errors.New("not valid UTF-8")
)

// InvalidError says which field of an article is unfit to store and why.
// It matches both ErrInvalid and its own problem under errors.Is.
type InvalidError struct {
	Field string // "text", "title", "outlet", …
	Err   error  // ErrNoText, ErrBinary or ErrNotUTF8, wrapped with detail
}

func (e *InvalidError) Error() string { return e.Field + ": " + e.Err.Error() }

// Unwrap gives ErrInvalid and the problem.
func (e *InvalidError) Unwrap() []error { return []error{ErrInvalid, e.Err} }

// Validate checks that an article can be stored, with the same rules as
// the file loader (package load) applies to what it reads: a text that is
// not blank, and no field holding a NUL byte, invalid UTF-8 or mostly
// control characters. Both adapters call it (through Write and WriteAll)
// before writing anything, so SQLite and PostgreSQL refuse the same
// inputs, and callers holding a batch call it on every article first.
func Validate(a *claimtrail.Article) error {
	if strings.TrimSpace(a.Text) == "" {
		return &InvalidError{"text", ErrNoText}
	}
	for _, f := range []struct{ name, value string }{
		{"text", a.Text}, {"title", a.Title}, {"outlet", a.Outlet}, {"url", a.URL},
		{"byline", a.Byline}, {"lang", a.Lang}, {"path", a.Path},
	} {
		if err := checkText(f.value); err != nil {
			return &InvalidError{f.name, err}
		}
	}
	for _, p := range a.Paragraphs {
		if p.Start < 0 || p.End < p.Start || p.End > len(a.Text) {
			return &InvalidError{"paragraphs", fmt.Errorf("span %d–%d outside the text (%d bytes)", p.Start, p.End, len(a.Text))}
		}
	}
	return nil
}

// checkText refuses NUL bytes, invalid UTF-8 and mostly-control data.
func checkText(s string) error {
	if i := strings.IndexByte(s, 0); i >= 0 {
		return fmt.Errorf("%w (NUL byte at offset %d)", ErrBinary, i)
	}
	if !utf8.ValidString(s) {
		for i := 0; i < len(s); {
			r, n := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && n == 1 {
				return fmt.Errorf("%w (invalid byte 0x%02x at offset %d)", ErrNotUTF8, s[i], i)
			}
			i += n
		}
	}
	var ctrl, all int
	for _, r := range s {
		all++
		switch {
		case r == '\t' || r == '\n' || r == '\r' || r == '\f' || r == '\v':
		case r < 0x20 || r == 0x7F || (r >= 0x80 && r < 0xA0):
			ctrl++
		}
	}
	if ctrl*10 > all {
		return fmt.Errorf("%w (mostly control characters)", ErrBinary)
	}
	return nil
}
