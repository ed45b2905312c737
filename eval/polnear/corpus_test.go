package polnear

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// corpusDir locates a PolNeAR split relative to the module root, skipping
// the test when the data set is absent.
func corpusDir(t testing.TB, split string) string {
	t.Helper()
	dir := filepath.Join("..", "..", "..", "shared", "data", "polnear", split)
	if _, err := os.Stat(filepath.Join(dir, "text")); err != nil {
		t.Skipf("PolNeAR %s split not found at %s (../shared/data beside the module): %v", split, dir, err)
	}
	return dir
}

// TestCorpusSpansLocateTheirText checks the character-to-byte conversion on
// the whole corpus: every single-line T annotation's text is what its byte
// spans cover.
func TestCorpusSpansLocateTheirText(t *testing.T) {
	for _, split := range []string{"train", "dev"} {
		dir := corpusDir(t, split)
		arts, err := ReadSplit(context.Background(), dir)
		if err != nil {
			t.Fatal(err)
		}
		checked, atts := 0, 0
		for _, a := range arts {
			atts += len(a.Attributions)
			data, err := os.ReadFile(filepath.Join(dir, "attributions", a.Name+"_"+a.Annotator+".ann"))
			if err != nil {
				t.Fatal(err)
			}
			off := newOffsets(a.Text)
			for _, line := range strings.Split(string(data), "\n") {
				f := strings.Split(line, "\t")
				if len(f) != 3 || !strings.HasPrefix(f[0], "T") || strings.Contains(f[1], ";") {
					continue
				}
				tb, err := parseTextBound(f[1], off)
				if err != nil {
					t.Fatalf("%s: %v", a.Name, err)
				}
				if got := tb.spans.Bounds().In(a.Text); got != f[2] && strings.TrimSpace(got) != strings.TrimSpace(f[2]) {
					t.Errorf("%s %s: span covers %q, annotation says %q", a.Name, f[0], got, f[2])
				}
				checked++
			}
		}
		t.Logf("%s: %d articles, %d attributions, %d spans checked", split, len(arts), atts, checked)
	}
}
