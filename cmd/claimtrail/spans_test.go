package main

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/claimtrail/claimtrail/render"
)

// normalised folds a slice of an input file as claimtrail reads it: line
// ends, invisible characters, white space and Unicode NFC.
func normalised(s string) string {
	s = strings.Map(func(r rune) rune {
		switch r {
		case '\u200b', '\u202e', '\ufeff':
			return -1
		}
		return r
	}, s)
	return norm.NFC.String(strings.Join(strings.Fields(s), " "))
}

// TestSpansIndexTheInput checks that the spans of --format json point into
// the input as the user gave it: every statement's span, cue span and
// sentence span slice the file to its text, cue and sentence. The seed
// story is plain UTF-8 with LF line ends, so its slices are the very bytes;
// testdata/spans/cafe.txt (invented) has a byte-order mark, CRLF line ends,
// NFD accents, a zero-width space inside a word, a right-to-left override,
// a hard-wrapped paragraph and trailing boilerplate, so its slices are the
// sentences once normalised.
func TestSpansIndexTheInput(t *testing.T) {
	cases := []struct {
		path  string
		exact bool
	}{
		{filepath.Join("testdata", "spans"), false},
		{exampleStory, false},
		{seedStory, true},
	}
	for _, c := range cases {
		if _, err := os.Stat(c.path); errors.Is(err, os.ErrNotExist) {
			t.Logf("%s not found: skipped", c.path)
			continue
		}
		out, stderr, err := run(t, "analyze", "--format", "json", c.path)
		if err != nil {
			t.Fatalf("analyze %s: %v\n%s", c.path, err, stderr)
		}
		var l render.LedgerDoc
		if err := json.Unmarshal([]byte(out), &l); err != nil {
			t.Fatal(err)
		}
		files := map[string]string{}
		for _, a := range l.Articles {
			if a.SpanBasis != "file" || a.Text != "" {
				t.Errorf("%s: span_basis %q, text %d bytes; want file and none", a.Path, a.SpanBasis, len(a.Text))
			}
			data, err := os.ReadFile(a.Path)
			if err != nil {
				t.Fatal(err)
			}
			files[a.ID] = string(data)
		}
		var sts []render.StatementDoc
		for _, cl := range l.Claims {
			sts = append(sts, cl.Statements...)
		}
		sts = append(sts, l.UnmatchedDenials...)
		if len(sts) < 3 {
			t.Fatalf("%s: only %d statements", c.path, len(sts))
		}
		for _, st := range sts {
			file := files[st.Article]
			check := func(what, want string, sp [2]int) {
				if sp[0] < 0 || sp[1] > len(file) || sp[0] > sp[1] {
					t.Errorf("%s %s: span %v outside the file (%d bytes)", st.Article, what, sp, len(file))
					return
				}
				got := file[sp[0]:sp[1]]
				if c.exact && got != want || normalised(got) != normalised(want) {
					t.Errorf("%s %s: file bytes %v hold %q, want %q", st.Article, what, sp, got, want)
				}
			}
			check("text", st.Text, st.Span)
			check("sentence", st.Sentence, st.SentenceSpan)
			if st.Cue != "" {
				check("cue", st.Cue, st.CueSpan)
			}
		}
	}
}

// TestSpansIndexExtractedText checks that for a web page the spans index
// the extracted text, which the JSON carries.
func TestSpansIndexExtractedText(t *testing.T) {
	dir := t.TempDir()
	page := `<!doctype html><html><head><title>Ferry delayed</title></head><body><article>
<h1>Ferry delayed</h1>
<p>The night ferry from Vennick was delayed by four hours on Friday, the harbour master said.</p>
<p>Radio Vennick reported that 40 passengers waited on the quay in the rain.</p>
</article></body></html>`
	if err := os.WriteFile(filepath.Join(dir, "ferry.html"), []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	out, stderr, err := run(t, "analyze", "--format", "json", dir)
	if err != nil {
		t.Fatalf("analyze: %v\n%s", err, stderr)
	}
	var l render.LedgerDoc
	if err := json.Unmarshal([]byte(out), &l); err != nil {
		t.Fatal(err)
	}
	if len(l.Articles) != 1 || l.Articles[0].SpanBasis != "extracted" || l.Articles[0].Text == "" {
		t.Fatalf("articles: %+v", l.Articles)
	}
	text := l.Articles[0].Text
	n := 0
	for _, cl := range l.Claims {
		for _, st := range cl.Statements {
			n++
			if got := text[st.SentenceSpan[0]:st.SentenceSpan[1]]; got != st.Sentence {
				t.Errorf("extracted text at %v holds %q, want %q", st.SentenceSpan, got, st.Sentence)
			}
		}
	}
	if n == 0 {
		t.Fatal("no statements")
	}
}
