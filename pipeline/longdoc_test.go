package pipeline

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/claimtrail/claimtrail/internal/synth"
)

// joinBodies concatenates FNC-1 bodies, separated by blank lines, until
// the text holds at least size bytes; with oneLine every run of white
// space becomes one space, so the article is a single line.
func joinBodies(bodies [][]byte, size int, oneLine bool) []byte {
	var buf bytes.Buffer
	for _, body := range bodies {
		if buf.Len() >= size {
			break
		}
		if buf.Len() > 0 {
			buf.WriteString("\n\n")
		}
		// Drop the "Body N" line fnc1Bodies puts first.
		if i := bytes.IndexByte(body, '\n'); i >= 0 {
			body = body[i+1:]
		}
		buf.Write(bytes.TrimSpace(body))
	}
	if oneLine {
		return bytes.Join(bytes.Fields(buf.Bytes()), []byte(" "))
	}
	return buf.Bytes()
}

// BenchmarkLongArticleFNC1 analyses FNC-1 bodies joined into one article of
// 100, 200 and 400 KB, with paragraphs and as one line (skipped without
// FNC-1). News text, unlike the invented story, is full of reporting
// verbs, names and pronouns: CPU seconds per MB should not grow with size.
func BenchmarkLongArticleFNC1(b *testing.B) {
	bodies := fnc1Bodies(b)
	for _, oneLine := range []bool{false, true} {
		for _, kb := range []int{100, 200, 400} {
			text := joinBodies(bodies, kb<<10, oneLine)
			name := fmt.Sprintf("paragraphs/%dKB", kb)
			if oneLine {
				name = fmt.Sprintf("line/%dKB", kb)
			}
			b.Run(name, func(b *testing.B) { benchOneText(b, text, Options{}) })
		}
	}
}

// BenchmarkLongArticle analyses one invented story (internal/synth) of 100,
// 200 and 400 KB, with paragraphs and as one line, so that CI can see
// cost per MB grow with one article's length without any data set.
func BenchmarkLongArticle(b *testing.B) {
	for _, oneLine := range []bool{false, true} {
		for _, kb := range []int{100, 200, 400} {
			text := synth.Story(1, kb<<10)
			name := fmt.Sprintf("paragraphs/%dKB", kb)
			if oneLine {
				text = bytes.Join(bytes.Fields(text), []byte(" "))
				name = fmt.Sprintf("line/%dKB", kb)
			}
			b.Run(name, func(b *testing.B) { benchOneText(b, text, Options{}) })
		}
	}
}
