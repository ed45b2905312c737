package nlp

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/claimtrail/claimtrail"
)

func TestZZDumpEntities(t *testing.T) {
	files, _ := filepath.Glob("/work/shared/data/ledger-dev/stories/*/0*.txt")
	a, _ := NewAnalyzer()
	counts := map[string]int{}
	for _, f := range files {
		b, _ := os.ReadFile(f)
		doc, _ := a.Analyze(context.Background(), &claimtrail.Article{Text: string(b)})
		for _, e := range doc.Entities {
			counts[string(e.Label)+"\t"+e.Text]++
		}
	}
	var ks []string
	for k := range counts {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	out, _ := os.Create("/tmp/ent-entities.txt")
	for _, k := range ks {
		fmt.Fprintf(out, "%d\t%s\n", counts[k], k)
	}
	out.Close()
}
