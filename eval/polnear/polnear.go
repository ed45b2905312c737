// Package polnear reads the PolNeAR attribution corpus (brat standoff
// annotations of who-said-what in political news), writes predictions back in
// the same format, and scores predicted attributions against the corpus.
//
// A split directory holds text/NAME.txt and attributions/NAME_ANNOTATOR.ann.
// Offsets in the .ann files count Unicode characters; this package converts
// them to byte offsets into the article text on reading and back on writing.
package polnear

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/claimtrail/claimtrail"
)

// Role names the part a span plays in an attribution.
type Role int

// Roles of an attribution, in the order the scorer reports them.
const (
	Source Role = iota
	Cue
	Content
)

// Roles lists every role.
var Roles = []Role{Source, Cue, Content}

// String returns the role's name as written in the corpus ("Source").
func (r Role) String() string {
	switch r {
	case Source:
		return "Source"
	case Cue:
		return "Cue"
	case Content:
		return "Content"
	}
	return fmt.Sprintf("Role(%d)", int(r))
}

// Mention is one annotated span, possibly discontinuous: its fragments as
// byte spans into the article text, in text order. A nil Mention means the
// role is absent (an attribution without a named source).
type Mention []claimtrail.Span

// Bounds returns the span from the first fragment's start to the last
// fragment's end, or the zero Span for an empty mention.
func (m Mention) Bounds() claimtrail.Span {
	if len(m) == 0 {
		return claimtrail.Span{}
	}
	return claimtrail.Span{Start: m[0].Start, End: m[len(m)-1].End}
}

// Attribution is one attribution relation: a cue ties a source to content.
type Attribution struct {
	ID      string // brat event ID ("E3"), empty for predictions until written
	Source  Mention
	Cue     Mention
	Content Mention
}

// Mention returns the attribution's mention for role r.
func (a *Attribution) Mention(r Role) Mention {
	switch r {
	case Source:
		return a.Source
	case Cue:
		return a.Cue
	default:
		return a.Content
	}
}

// Article is one annotated article of the corpus.
type Article struct {
	Name         string // file stem shared by the .txt and .ann files
	Annotator    string // annotator ID of the .ann file used ("4e07")
	Text         string
	Attributions []Attribution
	// Second holds another annotator's attributions when the article was
	// annotated more than once (the next non-empty file in name order), by
	// SecondAnnotator; they measure how far two people agree.
	Second          []Attribution
	SecondAnnotator string
}

// ReadSplit reads every article of a split directory (one holding text/ and
// attributions/), sorted by name. When several annotators annotated an
// article, the first non-empty .ann file in name order is used.
func ReadSplit(ctx context.Context, dir string) ([]Article, error) {
	textDir := filepath.Join(dir, "text")
	annDir := filepath.Join(dir, "attributions")
	texts, err := filepath.Glob(filepath.Join(textDir, "*.txt"))
	if err != nil {
		return nil, fmt.Errorf("read split %s: %w", dir, err)
	}
	if len(texts) == 0 {
		return nil, fmt.Errorf("read split %s: no text/*.txt files", dir)
	}
	anns, err := annFiles(annDir)
	if err != nil {
		return nil, fmt.Errorf("read split %s: %w", dir, err)
	}
	sort.Strings(texts)
	out := make([]Article, 0, len(texts))
	for _, path := range texts {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		name := strings.TrimSuffix(filepath.Base(path), ".txt")
		cands := anns[name]
		if len(cands) == 0 {
			return nil, fmt.Errorf("%s: no annotation file %s_*.ann in %s", path, name, annDir)
		}
		a, err := readArticle(path, name, annDir, cands)
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, nil
}

// annFiles maps article names to their annotator IDs, sorted.
func annFiles(dir string) (map[string][]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	out := make(map[string][]string)
	for _, e := range entries {
		base, ok := strings.CutSuffix(e.Name(), ".ann")
		if !ok || e.IsDir() {
			continue
		}
		i := strings.LastIndexByte(base, '_')
		if i <= 0 || i == len(base)-1 {
			continue
		}
		out[base[:i]] = append(out[base[:i]], base[i+1:])
	}
	for _, ids := range out {
		sort.Strings(ids)
	}
	return out, nil
}

func readArticle(textPath, name, annDir string, annotators []string) (Article, error) {
	data, err := os.ReadFile(textPath)
	if err != nil {
		return Article{}, fmt.Errorf("read article: %w", err)
	}
	if !utf8.Valid(data) {
		return Article{}, fmt.Errorf("%s: text is not valid UTF-8", textPath)
	}
	a := Article{Name: name, Text: string(data)}
	for i, id := range annotators {
		annPath := filepath.Join(annDir, name+"_"+id+".ann")
		ann, err := os.ReadFile(annPath)
		if err != nil {
			return Article{}, fmt.Errorf("read annotations: %w", err)
		}
		empty := len(strings.TrimSpace(string(ann))) == 0
		if empty && (a.Annotator != "" || i < len(annotators)-1) {
			continue // an empty file from one annotator: prefer another's
		}
		atts, err := ParseAnn(a.Text, ann)
		if err != nil {
			return Article{}, fmt.Errorf("%s:%w", annPath, err)
		}
		if a.Annotator == "" {
			a.Annotator, a.Attributions = id, atts
			continue
		}
		a.SecondAnnotator, a.Second = id, atts
		break
	}
	return a, nil
}

// LineError is a problem on one line of an .ann file. Its message starts with
// the line number so that a caller can prefix the file name ("f.ann:12: …").
type LineError struct {
	Line int
	Err  error
}

func (e *LineError) Error() string { return fmt.Sprintf("%d: %v", e.Line, e.Err) }

func (e *LineError) Unwrap() error { return e.Err }

// errNoCue etc. describe malformed annotation lines.
var (
	errBadSpan = errors.New("bad span offsets")
	errNoRef   = errors.New("event refers to an unknown text-bound annotation")
)
