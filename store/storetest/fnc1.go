package storetest

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/claimtrail/claimtrail"
)

// FNC1Bodies reads the 1,683 article bodies of the FNC-1 training set from
// ../shared/data beside the module root (moduleRoot is the relative path
// from the calling package to the root), skipping when the data set is
// absent.
func FNC1Bodies(tb testing.TB, moduleRoot string) []claimtrail.Article {
	tb.Helper()
	path := filepath.Join(moduleRoot, "..", "shared", "data", "fnc1", "train_bodies.csv")
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		tb.Skipf("%s absent: skipping FNC-1 ingest", path)
	}
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		tb.Fatalf("%s: %v", path, err)
	}
	var out []claimtrail.Article
	for i, r := range rows[1:] {
		if len(r) != 2 {
			tb.Fatalf("%s:%d: want 2 fields, got %d", path, i+2, len(r))
		}
		out = append(out, claimtrail.Article{
			Path: fmt.Sprintf("fnc1/body/%s", r[0]),
			Text: r[1],
		})
	}
	return out
}
