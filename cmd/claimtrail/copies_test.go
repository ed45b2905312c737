package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail/render"
)

// TestAnalyzeCopiesNote: many near-identical files of one article are said
// to be copies of one, in the text view's header and in the JSON
// (articles[].copy_of), instead of passing as many articles.
func TestAnalyzeCopiesNote(t *testing.T) {
	dir := t.TempDir()
	const body = "Ferry service to Quillan resumes\n\nThe Quillan ferry will sail again on Monday, the harbour office said. " +
		"Engineers said the hull repairs were finished and the crew had been retrained over the winter.\n"
	const n = 40
	for i := 1; i <= n; i++ {
		text := body + fmt.Sprintf("\nUpdated %d minutes ago.\n", i)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("c%02d.txt", i)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	other := "Quillan harbour office\n\nThe harbour office said fares to Quillan would stay the same this year, and the council agreed.\n"
	if err := os.WriteFile(filepath.Join(dir, "z.txt"), []byte(other), 0o644); err != nil {
		t.Fatal(err)
	}
	out, _, err := run(t, "analyze", dir)
	if err != nil {
		t.Fatal(err)
	}
	if want := fmt.Sprintf("%d articles are near-copies of one", n-1); !strings.Contains(out, want) {
		t.Errorf("text output lacks %q:\n%s", want, out[:min(len(out), 2000)])
	}
	js, _, err := run(t, "analyze", "--format", "json", dir)
	if err != nil {
		t.Fatal(err)
	}
	var l render.LedgerDoc
	if err := json.Unmarshal([]byte(js), &l); err != nil {
		t.Fatal(err)
	}
	copies := 0
	for _, a := range l.Articles {
		if a.CopyOf != "" {
			copies++
			if a.CopyOf != l.Articles[0].ID {
				t.Errorf("%s copy_of %s, want %s", a.ID, a.CopyOf, l.Articles[0].ID)
			}
		}
	}
	if copies != n-1 {
		t.Errorf("%d articles with copy_of, want %d", copies, n-1)
	}
}

// TestMarkdownCopiesNote: the Markdown view says so too.
func TestMarkdownCopiesNote(t *testing.T) {
	dir := t.TempDir()
	const body = "Ferry service to Quillan resumes\n\nThe Quillan ferry will sail again on Monday, the harbour office said. " +
		"Engineers said the hull repairs were finished and the crew had been retrained over the winter.\n"
	for i := 1; i <= 3; i++ {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("c%d.txt", i)), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out, _, err := run(t, "analyze", "--format", "markdown", dir)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "2 articles are near-copies of one") || !strings.Contains(out, "*(copy of a1)*") {
		t.Errorf("markdown lacks the copies note:\n%s", out)
	}
}
