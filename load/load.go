// Package load turns news texts on disk into claimtrail Articles: plain text
// (.txt), web pages (.html, .htm) and JSON lines (.jsonl), one file or whole
// folders, with metadata from the page itself, from a sidecar FILE.meta.json
// or from the caller. Every loader normalises the text the same way (UTF-8
// without BOM, LF line ends, Unicode NFC, paragraphs separated by a blank
// line with their byte spans recorded) and cuts trailing site boilerplate.
//
// Bad input never stops a load: each unreadable, empty, binary, non-UTF-8 or
// malformed input gives an *Error naming it, and the other inputs still load.
package load

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/claimtrail/claimtrail"
)

// DefaultMaxFileSize is the largest .txt or .html file, and the longest
// JSON line, that load reads when Options.MaxFileSize is zero.
const DefaultMaxFileSize = 32 << 20

// SidecarSuffix is appended to a file's name to name its metadata sidecar:
// story.txt has its metadata in story.txt.meta.json.
const SidecarSuffix = ".meta.json"

// Error is a problem with one input; Line is 0 when not line-specific.
type Error struct {
	Input string // file name or URL
	Line  int    // 1-based line number, 0 when the problem is not on one line
	Err   error  // what is wrong
}

// Error reads "INPUT:LINE: problem", or "INPUT: problem" when Line is 0.
func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %v", e.Input, e.Line, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.Input, e.Err)
}

// Unwrap returns the underlying problem.
func (e *Error) Unwrap() error { return e.Err }

// Problems that load reports inside an *Error; test them with errors.Is.
var (
	ErrEmpty       = errors.New("empty input")
	ErrBinary      = errors.New("binary data, not text")
	ErrNotUTF8     = errors.New("not UTF-8 text")
	ErrTooLarge    = errors.New("input too large")
	ErrNoContent   = errors.New("no article text found")
	ErrNotHTML     = errors.New("not HTML")
	ErrUnsupported = errors.New("unsupported file type")
	// ErrEmptyFolder marks a folder named as an input that holds no
	// loadable file: a warning rather than a failure, since the other
	// inputs may be all the user meant.
	ErrEmptyFolder = errors.New("folder holds no .txt, .html, .htm or .jsonl file")
)

// Options change how Paths loads.
type Options struct {
	// Outlet, when set, overrides the outlet of every article loaded.
	Outlet string
	// MaxFileSize bounds a .txt or .html file and one JSON line, in bytes;
	// zero means DefaultMaxFileSize.
	MaxFileSize int64
}

func (o Options) maxSize() int64 {
	if o.MaxFileSize > 0 {
		return o.MaxFileSize
	}
	return DefaultMaxFileSize
}

// Paths loads files and folders. Folders are walked recursively in sorted
// order; inside them, files other than .txt, .html, .htm and .jsonl are
// skipped silently, and so are hidden files and folders. A file named
// explicitly must have one of those extensions. A sidecar FILE.meta.json
// beside a file overrides (for .jsonl: fills in) its metadata, and
// opt.Outlet overrides every outlet. The returned errors are *Error, one per
// bad input or line (ErrEmptyFolder for a folder with nothing to load);
// good inputs still load. A file named twice (or
// inside a folder also named) loads once. Paths stops early, with the
// context's error, only when ctx is done.
func Paths(ctx context.Context, paths []string, opt Options) ([]claimtrail.Article, []error) {
	var (
		arts []claimtrail.Article
		errs []error
		seen = map[string]bool{}
	)
	for _, p := range paths {
		files, err := expand(p)
		if err != nil {
			errs = append(errs, err)
		}
		for _, f := range files {
			if err := ctx.Err(); err != nil {
				return arts, append(errs, err)
			}
			key, err := filepath.Abs(f)
			if err != nil {
				key = filepath.Clean(f)
			}
			if seen[key] {
				continue // named twice, or inside a folder also named
			}
			seen[key] = true
			a, e := loadFile(f, opt)
			arts = append(arts, a...)
			errs = append(errs, e...)
		}
	}
	if opt.Outlet != "" {
		for i := range arts {
			arts[i].Outlet = opt.Outlet
		}
	}
	return arts, errs
}

// expand lists the loadable files named by p: p itself when it is a file,
// or the loadable files under it, sorted, when it is a folder.
func expand(p string) ([]string, error) {
	info, err := os.Stat(p)
	if err != nil {
		return nil, &Error{Input: p, Err: cleanFSError(err)}
	}
	if !info.IsDir() {
		if isSidecar(p) {
			return nil, nil
		}
		if kindOf(p) == "" {
			return nil, &Error{Input: p, Err: fmt.Errorf("%w (want .txt, .html, .htm or .jsonl)", ErrUnsupported)}
		}
		return []string{p}, nil
	}
	var files []string
	var walkErr error
	err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			if path == p {
				return err
			}
			walkErr = errors.Join(walkErr, &Error{Input: path, Err: cleanFSError(err)})
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		name := d.Name()
		if path != p && strings.HasPrefix(name, ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() || isSidecar(path) || kindOf(path) == "" {
			return nil
		}
		files = append(files, path)
		return nil
	})
	if err != nil {
		return nil, &Error{Input: p, Err: cleanFSError(err)}
	}
	if len(files) == 0 && walkErr == nil {
		return nil, &Error{Input: p, Err: ErrEmptyFolder}
	}
	sort.Strings(files)
	return files, walkErr
}

// kindOf names the loader for a path by its extension, or "" when none.
func kindOf(path string) string {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".txt":
		return "text"
	case ".html", ".htm":
		return "html"
	case ".jsonl":
		return "jsonl"
	}
	return ""
}

func isSidecar(path string) bool {
	return strings.HasSuffix(strings.ToLower(path), SidecarSuffix)
}

// loadFile loads one file and applies its sidecar.
func loadFile(path string, opt Options) ([]claimtrail.Article, []error) {
	var (
		arts []claimtrail.Article
		errs []error
	)
	switch kindOf(path) {
	case "jsonl":
		f, err := os.Open(path)
		if err != nil {
			return nil, []error{&Error{Input: path, Err: cleanFSError(err)}}
		}
		defer f.Close()
		arts, errs = jsonl(path, f, opt.maxSize())
	default:
		data, err := readLimited(path, opt.maxSize())
		if err != nil {
			return nil, []error{err}
		}
		var a claimtrail.Article
		if kindOf(path) == "html" {
			a, err = htmlArticle(path, data, "", opt.maxSize())
		} else {
			a, err = textArticle(path, data, opt.maxSize())
		}
		if err != nil {
			return nil, []error{err}
		}
		arts = []claimtrail.Article{a}
	}
	meta, err := readSidecar(path + SidecarSuffix)
	if err != nil {
		errs = append(errs, err)
	}
	if meta != nil {
		for i := range arts {
			meta.apply(&arts[i], kindOf(path) != "jsonl")
		}
	}
	return arts, errs
}

// readLimited reads a whole file, refusing one larger than max bytes
// without reading it all.
func readLimited(path string, max int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, &Error{Input: path, Err: cleanFSError(err)}
	}
	defer f.Close()
	if info, err := f.Stat(); err == nil {
		if info.IsDir() {
			return nil, &Error{Input: path, Err: errors.New("is a folder, not a file")}
		}
		if info.Size() > max {
			return nil, &Error{Input: path, Err: tooLarge(info.Size(), max)}
		}
	}
	data, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return nil, &Error{Input: path, Err: cleanFSError(err)}
	}
	if int64(len(data)) > max {
		return nil, &Error{Input: path, Err: tooLarge(0, max)}
	}
	return data, nil
}

// tooLarge describes an input of size bytes over the limit max; size 0
// means "somewhere over the limit".
func tooLarge(size, max int64) error {
	if size <= max {
		return fmt.Errorf("%w: more than %d bytes", ErrTooLarge, max)
	}
	return fmt.Errorf("%w: %d bytes, limit %d", ErrTooLarge, size, max)
}

// cleanFSError drops the path that os errors repeat, since *Error names
// the input already: "open x.txt: permission denied" becomes
// "cannot read: permission denied".
func cleanFSError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		switch {
		case errors.Is(pe.Err, fs.ErrNotExist):
			return errors.New("no such file or folder")
		case errors.Is(pe.Err, fs.ErrPermission):
			return errors.New("cannot read: permission denied")
		}
		return fmt.Errorf("cannot read: %w", pe.Err)
	}
	return err
}
