package synth

import (
	"bytes"
	"testing"
	"unicode/utf8"
)

func TestStorySizeAndSeed(t *testing.T) {
	a, b := Story(1, 50_000), Story(1, 50_000)
	if !bytes.Equal(a, b) {
		t.Fatal("same seed, different text")
	}
	if len(a) < 50_000 || len(a) > 51_000 {
		t.Fatalf("size %d, want about 50000", len(a))
	}
	if !utf8.Valid(a) || bytes.Equal(a, Story(2, 50_000)) {
		t.Fatal("text invalid or independent of the seed")
	}
	if p := Paragraph(1, 10_000); bytes.Count(p, []byte("\n\n")) != 1 {
		t.Fatalf("Paragraph has %d breaks", bytes.Count(p, []byte("\n\n")))
	}
}
