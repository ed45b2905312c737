package load

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestZZCorpus(t *testing.T) {
	base := os.Getenv("ZZDIR")
	for _, fz := range []string{"FuzzHTML", "FuzzJSONL"} {
		files, _ := filepath.Glob(filepath.Join(base, fz, "*"))
		for _, f := range files {
			raw, _ := os.ReadFile(f)
			lines := strings.SplitN(string(raw), "\n", 2)
			s := strings.TrimSpace(lines[1])
			s = strings.TrimPrefix(s, "[]byte(")
			s = strings.TrimSuffix(s, ")")
			data, err := strconv.Unquote(s)
			if err != nil { t.Log(err); continue }
			start := time.Now()
			if fz == "FuzzHTML" { HTML("f.html", []byte(data), "https://example.org/a/b") } else { JSONL("f.jsonl", bytes.NewReader([]byte(data))) }
			t.Logf("%s %s %d bytes %v", fz, filepath.Base(f), len(data), time.Since(start))
		}
	}
}
