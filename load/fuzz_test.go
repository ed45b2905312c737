package load

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// addSeeds adds every testdata file with one of the extensions as a seed.
func addSeeds(f *testing.F, exts ...string) {
	for _, ext := range exts {
		files, _ := filepath.Glob(filepath.Join("testdata", "*", "*"+ext))
		for _, p := range files {
			if data, err := os.ReadFile(p); err == nil {
				f.Add(data)
			}
		}
	}
}

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
		a, err := Text("f.txt", data)
		checkLoaded(t, "f.txt", err, func() { checkInvariants(t, a) })
	})
}

func FuzzHTML(f *testing.F) {
	addSeeds(f, ".html")
	f.Add([]byte(`<p>a b c d e f</p><script type="application/ld+json">{"@graph":[{"@id":"x","@type":"Article","publisher":{"@id":"x"}}]}</script>`))
	f.Add([]byte(`<meta charset="shift_jis"><p>` + "\x82\xa0 \x82\xa0 \x82\xa0 \x82\xa0 \x82\xa0" + `</p>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := HTML("f.html", data, "https://example.org/a/b")
		checkLoaded(t, "f.html", err, func() { checkInvariants(t, a) })
	})
}

func FuzzJSONL(f *testing.F) {
	addSeeds(f, ".jsonl")
	f.Add([]byte(`{"text":"a\nb","published":"2026-01-01"}` + "\n\n" + `{"text":1}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		arts, errs := JSONL("f.jsonl", bytes.NewReader(data))
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
