package parse

import (
	"unicode"
	"unicode/utf8"
)

// lexeme is what the tagger and the parser know of one word, computed once
// per sentence: hashes of its forms.
type lexeme struct {
	norm   uint32 // lower case, digits as 0
	raw    uint32 // as written
	suf3   uint32
	suf2   uint32
	suf4   uint32
	pre2   uint32
	pre1   uint32
	pre3   uint32
	shape  uint32
	hyphen bool
	// cluster is the word's class learned from unlabelled text (clusters.go),
	// 0 when it has none.
	cluster uint32
}

// lexemes computes the lexemes of a sentence's words into buf.
func lexemes(words []string, buf []lexeme) []lexeme {
	buf = buf[:0]
	var scratch []rune
	for _, w := range words {
		scratch = normRunes(w, scratch[:0])
		lx := lexeme{
			norm:  hashRunes(0, scratch),
			raw:   hashString(w),
			suf3:  hashRunes(1, tail(scratch, 3)),
			suf2:  hashRunes(2, tail(scratch, 2)),
			pre1:  hashRunes(3, head(scratch, 1)),
			pre3:  hashRunes(4, head(scratch, 3)),
			suf4:  hashRunes(6, tail(scratch, 4)),
			pre2:  hashRunes(7, head(scratch, 2)),
			shape: shapeHash(w),
		}
		for _, r := range w[min(1, len(w)):] {
			if r == '-' {
				lx.hyphen = true
			}
		}
		buf = append(buf, lx)
	}
	return buf
}

// normRunes appends w lower-cased with every digit as '0'.
func normRunes(w string, out []rune) []rune {
	for _, r := range w {
		switch {
		case r >= '0' && r <= '9':
			r = '0'
		case r < utf8.RuneSelf:
			if r >= 'A' && r <= 'Z' {
				r += 'a' - 'A'
			}
		default:
			r = unicode.ToLower(r)
		}
		out = append(out, r)
	}
	return out
}

func tail(r []rune, n int) []rune { return r[max(0, len(r)-n):] }
func head(r []rune, n int) []rune { return r[:min(len(r), n)] }

// hashRunes is FNV-1a of runes, seeded by kind so that a suffix and a word
// of the same letters differ.
func hashRunes(kind uint32, rs []rune) uint32 {
	h := uint32(2166136261) ^ kind*0x01000193
	for _, r := range rs {
		h ^= uint32(r)
		h *= 16777619
	}
	return h
}

// shapeHash hashes the word's shape: X for upper case, x for lower, d for
// digits, other characters as they are, runs longer than two cut to two
// ("Xxxxx" is "Xxx", "1,000" is "d,ddd" cut to "d,dd").
func shapeHash(w string) uint32 {
	h := uint32(2166136261) ^ 5*0x01000193
	var last rune
	run := 0
	for _, r := range w {
		var c rune
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLower(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		default:
			c = r
		}
		if c == last {
			run++
			if run > 2 {
				continue
			}
		} else {
			run = 1
			last = c
		}
		h ^= uint32(c)
		h *= 16777619
	}
	return h
}
