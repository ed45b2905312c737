package load

import (
	"encoding/csv"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBodySigns runs every body sign's example: the sign must fire on it,
// the first line must stay in the text, and no other sign may be needed.
func TestBodySigns(t *testing.T) {
	for _, s := range bodySigns {
		t.Run(s.name, func(t *testing.T) {
			a, err := Text("sign.txt", []byte(s.example))
			if err != nil {
				t.Fatal(err)
			}
			head := strings.SplitN(s.example, "\n", 2)[0]
			lines := splitLines(s.example)
			if !s.test(firstLine{text: head, blankAfter: blankAfter(lines, 0), blocks: usesBlankLines(lines[1:])}) {
				t.Errorf("sign %q does not fire on its example", s.name)
			}
			if !strings.HasPrefix(a.Text, strings.Fields(head)[0]) {
				t.Errorf("first line left out of the text: %q", a.Text)
			}
		})
	}
}

// TestHeadlineOnFNC1 measures the first-line rule on real text: FNC-1's
// headlines, each followed by a blank line and a body, must be taken as
// titles, and its bodies (which have no title line) must keep their first
// line as text. Skips when the data set is absent.
func TestHeadlineOnFNC1(t *testing.T) {
	dir := filepath.Join("..", "..", "shared", "data", "fnc1")
	heads := fnc1Column(t, filepath.Join(dir, "train_stances.csv"), 0)
	bodies := fnc1Column(t, filepath.Join(dir, "train_bodies.csv"), 1)
	titled := 0
	for _, h := range heads {
		a, err := Text("h.txt", []byte(h+"\n\nThe body follows here.\n"))
		if err == nil && a.Title == clean(h) && !strings.Contains(a.Text, clean(h)) {
			titled++
		}
	}
	kept, n := 0, 0
	for _, b := range bodies {
		a, err := Text("b.txt", []byte(b))
		if err != nil {
			continue
		}
		n++
		if first := strings.Fields(strings.TrimSpace(b)); len(first) > 0 && strings.HasPrefix(a.Text, first[0]) {
			kept++
		}
	}
	hr, br := float64(titled)/float64(len(heads)), float64(kept)/float64(n)
	t.Logf("headlines taken as titles %d/%d (%.3f); bodies keeping their first line %d/%d (%.3f)", titled, len(heads), hr, kept, n, br)
	if hr < 0.95 || br < 0.88 {
		t.Errorf("first-line rule below its floor: headlines %.3f (≥ .95), bodies %.3f (≥ .88)", hr, br)
	}
}

// fnc1Column reads the distinct values of one column of an FNC-1 CSV file.
func fnc1Column(t *testing.T, path string, col int) []string {
	t.Helper()
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		t.Skipf("FNC-1 not found at %s: skipping (the data set lives beside the repository in shared/data)", path)
	}
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	seen := map[string]bool{}
	var out []string
	for i := 0; ; i++ {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if i == 0 || seen[rec[col]] {
			continue
		}
		seen[rec[col]] = true
		out = append(out, rec[col])
	}
	return out
}
