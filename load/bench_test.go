package load

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

func benchFile(b *testing.B, path string, load func([]byte) error) {
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if err := load(data); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkText(b *testing.B) {
	benchFile(b, filepath.Join("testdata", "txt-lines", "harbour.txt"), func(d []byte) error {
		_, err := Text("harbour.txt", d)
		return err
	})
}

func BenchmarkHTML(b *testing.B) {
	benchFile(b, filepath.Join("testdata", "html-jsonld", "mediator.html"), func(d []byte) error {
		_, err := HTML("mediator.html", d, "")
		return err
	})
}

func BenchmarkJSONL(b *testing.B) {
	benchFile(b, filepath.Join("testdata", "jsonl", "wire.jsonl"), func(d []byte) error {
		JSONL("wire.jsonl", bytes.NewReader(d))
		return nil
	})
}
