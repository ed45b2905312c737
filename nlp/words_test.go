package nlp

import (
	"reflect"
	"strings"
	"testing"
)

func TestWords(t *testing.T) {
	for _, tc := range []struct {
		text string
		want []string // forms
	}{
		{"The Harbour Board's pier", []string{"the", "harbour", "board", "pier"}},
		{"Reuters’s wire, and the board’s", []string{"reuters", "wire", "and", "the", "board"}},
		{"It isn't O’Brien's pier; don’t.", []string{"it", "isn't", "o'brien", "pier", "don't"}},
		{"12,000 troops, 12000 men, 3.5 km, 1,000,000.", []string{"12000", "troops", "12000", "men", "3.5", "km", "1000000"}},
		{"in 2015. Then", []string{"in", "2015", "then"}},
		{"well-known “fake” news—again", []string{"well", "known", "fake", "news", "again"}},
		{"Zürich’s ÉCOLE café", []string{"zürich", "école", "café"}},
		{"£50 at 9am, 'quoted' ‘words’", []string{"50", "at", "9am", "quoted", "words"}},
		{"two\u00a0words\u2009here", []string{"two", "words", "here"}},
		{"", nil},
		{"  ... —  ", nil},
		{"its'", []string{"its"}},
		{"s's", []string{"s"}},
	} {
		if got := Forms(tc.text); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("Forms(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}

func TestWordSpansAndFlags(t *testing.T) {
	text := "Officials in Brandvik said 4,500 people didn’t leave."
	var spans []string
	for _, w := range WordList(text) {
		spans = append(spans, text[w.Start:w.End])
		if w.End <= w.Start || w.Start < 0 || w.End > len(text) {
			t.Fatalf("bad span %+v", w)
		}
	}
	want := []string{"Officials", "in", "Brandvik", "said", "4,500", "people", "didn’t", "leave"}
	if !reflect.DeepEqual(spans, want) {
		t.Fatalf("spans %q, want %q", spans, want)
	}
	ws := WordList(text)
	if ws[0].Flags&Capitalised == 0 || ws[1].Flags&Capitalised != 0 {
		t.Errorf("capitalisation flags wrong: %v %v", ws[0].Flags, ws[1].Flags)
	}
	if ws[4].Flags&Number == 0 || ws[5].Flags&Number != 0 {
		t.Errorf("number flags wrong: %v %v", ws[4].Flags, ws[5].Flags)
	}
	if ws[6].Flags&Apostrophe == 0 || ws[6].Form != "didn't" {
		t.Errorf("apostrophe word %+v", ws[6])
	}
}

func TestFormSharesText(t *testing.T) {
	text := "plain lower words"
	for w := range Words(text) {
		if w.Form != text[w.Start:w.End] {
			t.Fatalf("form %q of %q", w.Form, text[w.Start:w.End])
		}
	}
	if n := testing.AllocsPerRun(10, func() {
		for range Words(text) {
		}
	}); n > 1 {
		t.Errorf("%v allocations for lower-case words, want none beyond the iterator", n)
	}
}

func TestTerms(t *testing.T) {
	text := "Officials deployed 12,000 troops; the deployment of troops was Brandvik's idea."
	if got, want := Terms(text, PlainTerms), Forms(text); !reflect.DeepEqual(got, want) {
		t.Errorf("plain terms %q, want the forms %q", got, want)
	}
	got := Terms(text, TermOptions{Stem: true, MinLen: 3, SkipNames: true, Stop: map[string]bool{"the": true, "was": true},
		Synonyms: map[string]string{"deploy": "send"}})
	want := []string{"send", "12000", "troop", "send", "troop", "idea"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("link-like terms %q, want %q", got, want)
	}
	got = Terms("Deployed troops with Deploy order", ContentTerms)
	if want := []string{"deployed", "troops", "with", "deploy", "order"}; !reflect.DeepEqual(got, want) {
		t.Errorf("content terms %q, want %q", got, want)
	}
	// Numbers are not stemmed.
	if got := Terms("in 1990s 1990", TermOptions{Stem: true}); !reflect.DeepEqual(got, []string{"in", "1990s", "1990"}) {
		t.Errorf("number terms %q", got)
	}
}

// TestStanceWords: the stance model's notion keeps symbols in words,
// folds ASCII only and drops decimal points from numbers; everything else
// is the plain notion.
func TestStanceWords(t *testing.T) {
	text := "£50 for 3.5 tonnes, 20,000 in Zürich’s ÉCOLE — isn’t it"
	var got []string
	for w := range WordsWith(text, StanceWords) {
		got = append(got, w.Form)
	}
	want := []string{"£50", "for", "35", "tonnes", "20000", "in", "zürich", "École", "isn't", "it"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("stance words %q, want %q", got, want)
	}
}

func FuzzWords(f *testing.F) {
	for _, s := range []string{"It isn't 12,000.", "’s's'", "a,1.2,", "\xff\xfe’", "Ä’ß"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		prev := 0
		for w := range Words(text) {
			if w.Start < prev || w.End <= w.Start || w.End > len(text) {
				t.Fatalf("bad span %d-%d after %d in %q", w.Start, w.End, prev, text)
			}
			if w.Form == "" || strings.ContainsAny(w.Form, " ,’") {
				t.Fatalf("bad form %q in %q", w.Form, text)
			}
			prev = w.End
		}
	})
}
