package stance

import (
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail"
)

func TestTokenize(t *testing.T) {
	lx := newLexicon()
	text := "The mayor's aides AREN'T sure: 20,000 troops\u2014maybe \u201cfake\u201d? Bus\u2019s route. 3.5 km."
	toks := lx.tokenize(nil, text)
	var words []string
	for _, tk := range toks {
		words = append(words, text[tk.start:tk.end])
	}
	want := []string{"The", "mayor", "aides", "AREN'T", "sure", "20,000", "troops", "maybe", "fake", "Bus", "route", "3.5", "km"}
	if strings.Join(words, "|") != strings.Join(want, "|") {
		t.Fatalf("words = %q, want %q", words, want)
	}
	byWord := map[string]token{}
	for i, w := range words {
		byWord[w] = toks[i]
	}
	if tk := byWord["AREN'T"]; tk.flags&flagNeg == 0 || tk.cats&(1<<catNegation) == 0 {
		t.Errorf("AREN'T not marked as negation: %+v", tk)
	}
	if tk := byWord["fake"]; tk.cats&(1<<catRefute) == 0 {
		t.Errorf("fake not in the refute category: %+v", tk)
	}
	if tk := byWord["20,000"]; tk.flags&flagNumber == 0 || tk.hash != hashWord("20000") {
		t.Errorf("20,000 not read as the number 20000: %+v", tk)
	}
	if byWord["The"].hash != hashWord("the") || byWord["The"].flags&flagStop == 0 {
		t.Errorf("The not lower-cased stop word")
	}
	if byWord["troops"].stem != hashWord("troop") {
		t.Errorf("troops does not stem to troop")
	}
	if byWord["mayor"].hash != hashWord("mayor") {
		t.Errorf("possessive 's not cut from mayor's")
	}
	// Curly apostrophes fold to straight ones.
	a := lx.tokenize(nil, "isn\u2019t")
	b := lx.tokenize(nil, "isn't")
	if len(a) != 1 || len(b) != 1 || a[0].hash != b[0].hash || a[0].end != int32(len("isn\u2019t")) {
		t.Errorf("isn’t = %+v, isn't = %+v", a, b)
	}
	// A no-break space separates words.
	if got := lx.tokenize(nil, "two\u00a0words"); len(got) != 2 {
		t.Errorf("no-break space: %d tokens, want 2", len(got))
	}
}

func TestSentences(t *testing.T) {
	text := "Mr. Smith went to Washington D.C. on Monday. He said \"no comment.\" Then he left!\n\nA new paragraph begins here?  Yes. lower case stays. and so on"
	var got []string
	for _, s := range sentences(nil, text) {
		got = append(got, s.In(text))
	}
	want := []string{
		"Mr. Smith went to Washington D.C. on Monday.",
		"He said \"no comment.\"",
		"Then he left!",
		"A new paragraph begins here?",
		"Yes. lower case stays. and so on",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("sentences:\n%q\nwant\n%q", got, want)
	}
	if s := sentences(nil, "   \n\n  "); len(s) != 0 {
		t.Errorf("blank text gave sentences %v", s)
	}
}

// FuzzText checks that tokens and sentences are well-formed spans on any input.
func FuzzText(f *testing.F) {
	f.Add("The mayor's aides AREN'T sure: 20,000 troops\u2014maybe \u201cfake\u201d?")
	f.Add("a.\n\nB! \u2019s 's ' \xe2\x80 \xc2")
	f.Add("")
	lx := newLexicon()
	f.Fuzz(func(t *testing.T, text string) {
		end := int32(0)
		for _, tk := range lx.tokenize(nil, text) {
			if tk.start < end || tk.end <= tk.start || int(tk.end) > len(text) {
				t.Fatalf("bad token span [%d,%d) after %d in %q", tk.start, tk.end, end, text)
			}
			end = tk.end
		}
		prev := claimtrail.Span{}
		for _, s := range sentences(nil, text) {
			if s.Start < prev.End || s.Empty() || s.End > len(text) {
				t.Fatalf("bad sentence span %v after %v in %q", s, prev, text)
			}
			prev = s
		}
	})
}
