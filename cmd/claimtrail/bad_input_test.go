package main

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestAnalyzeInputsAsAUserGivesThem: a one-line article is analysed; a
// file over --max-bytes, a folder with no articles, a file of invalid
// UTF-8 are each named with their problem (the size limit with the flag
// that lifts it), and the rest goes on.
func TestAnalyzeInputsAsAUserGivesThem(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	one := write("one.txt", "Officials in Dunmere said the ferry strike ended on Monday")
	big := write("big.txt", "Dunmere strike\n\n"+strings.Repeat("The Dunmere dockers said the strike was over. ", 40))
	bad := write("bad.txt", "Dunmere\n\nThe dockers\xff said so.\n")
	write("pics/cover.jpg", "\xff\xd8\xff")
	pics := filepath.Join(dir, "pics")
	out, stderr, err := run(t, "analyze", "--max-bytes", "1000", one, big, bad, pics)
	if !errors.Is(err, errReported) {
		t.Fatalf("err = %v, want the reported-errors exit\n%s", err, stderr)
	}
	if !strings.Contains(out, "ferry strike ended on Monday") {
		t.Errorf("the one-line article was not analysed:\n%s\n%s", out, stderr)
	}
	for _, want := range []string{
		"big.txt: input too large", "--max-bytes",
		"bad.txt: not UTF-8 text (invalid byte 0xff",
		"pics: folder holds no .txt",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
}
