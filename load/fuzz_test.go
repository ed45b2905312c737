package load

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/claimtrail/claimtrail"
)

// fuzzMax bounds the inputs the fuzz targets read (longer ones are cut,
// and the loaders refuse files and lines over it): the code paths are the
// same for 4 KiB as for 32 MiB, and small inputs keep the fuzzer at tens
// of thousands of executions a minute instead of a few thousand once its
// corpus has grown.
const fuzzMax = 4 << 10

// addSeeds adds every testdata file with one of the extensions as a seed.
func addSeeds(f *testing.F, exts ...string) {
	for _, ext := range exts {
		files, _ := filepath.Glob(filepath.Join("testdata", "*", "*"+ext))
		for _, p := range files {
			if data, err := os.ReadFile(p); err == nil && len(data) <= fuzzMax {
				f.Add(data)
			}
		}
	}
}

// cut shortens a fuzz input to a little over fuzzMax, so that the limit is
// met both ways.
func cut(data []byte) []byte { return data[:min(len(data), fuzzMax+64)] }

// checkLoaded holds for any loader result: an *Error naming the input, or
// an article that keeps every invariant.
func checkLoaded(t *testing.T, name string, err error, check func()) {
	t.Helper()
	if err != nil {
		var le *Error
		if !errors.As(err, &le) || le.Input != name {
			t.Fatalf("error %v is not an *Error for %s", err, name)
		}
		return
	}
	check()
}

func FuzzText(f *testing.F) {
	addSeeds(f, ".txt")
	f.Add([]byte("\xff\xfeH\x00i\x00\n\x00\n\x00b\x00"))
	f.Add([]byte("T\r\rb\r\n\r\nc"))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := textArticle("f.txt", cut(data), fuzzMax)
		checkLoaded(t, "f.txt", err, func() { checkInvariants(t, a); checkMapped(t, cut(data), a) })
	})
}

func FuzzHTML(f *testing.F) {
	addSeeds(f, ".html")
	f.Add([]byte(`<p>a b c d e f</p><script type="application/ld+json">{"@graph":[{"@id":"x","@type":"Article","publisher":{"@id":"x"}}]}</script>`))
	f.Add([]byte(`<meta charset="shift_jis"><p>` + "\x82\xa0 \x82\xa0 \x82\xa0 \x82\xa0 \x82\xa0" + `</p>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := htmlArticle("f.html", cut(data), "https://example.org/a/b", fuzzMax)
		checkLoaded(t, "f.html", err, func() { checkInvariants(t, a) })
	})
}

func FuzzJSONL(f *testing.F) {
	addSeeds(f, ".jsonl")
	f.Add([]byte(`{"text":"a\nb","published":"2026-01-01"}` + "\n\n" + `{"text":1}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		arts, errs := jsonl("f.jsonl", bytes.NewReader(cut(data)), fuzzMax)
		for _, a := range arts {
			checkInvariants(t, a)
		}
		for _, err := range errs {
			checkLoaded(t, "f.jsonl", err, func() {})
		}
		if len(arts) == 0 && len(errs) == 0 {
			t.Fatal("no article and no error")
		}
	})
}

// checkMapped checks that an article's paragraphs map to input bytes
// within the input, in order.
func checkMapped(t *testing.T, data []byte, a claimtrail.Article) {
	t.Helper()
	if a.Input == nil {
		return // UTF-16/32: spans index the decoded text
	}
	prev := 0
	for _, p := range a.Paragraphs {
		in := a.InputSpan(p)
		if in.Start < prev || in.End < in.Start || in.End > len(data) {
			t.Fatalf("paragraph %v maps to %v (input %d bytes, previous ended at %d)", p, in, len(data), prev)
		}
		prev = in.End
	}
}
