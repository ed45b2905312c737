package conllu

import (
	"bytes"
	"context"
	"io"
	"os"
	"strings"
	"testing"
)

func TestRoundTrip(t *testing.T) {
	raw, err := os.ReadFile("testdata/invented.conllu")
	if err != nil {
		t.Fatal(err)
	}
	sents, err := ReadAll(context.Background(), bytes.NewReader(raw), "invented.conllu")
	if err != nil {
		t.Fatal(err)
	}
	if len(sents) != 2 {
		t.Fatalf("%d sentences, want 2", len(sents))
	}
	if got := strings.Join(sents[0].Forms(), " "); got != "Officials did n't confirm the figure ." {
		t.Errorf("words %q", got)
	}
	if w := sents[1].Words[5]; w.Form != "closed" || w.Head != 2 || w.Rel != "conj" {
		t.Errorf("word 6 = %+v", w)
	}
	var out bytes.Buffer
	for _, s := range sents {
		if err := Write(&out, s); err != nil {
			t.Fatal(err)
		}
	}
	if out.String() != string(raw) {
		t.Errorf("round trip differs:\n%s", out.String())
	}
}

func TestMalformed(t *testing.T) {
	ok := "1\tRain\train\tNOUN\tNN\t_\t2\tnsubj\t_\t_\n2\tfell\tfall\tVERB\tVBD\t_\t0\troot\t_\t_\n"
	cases := []struct{ name, text, want string }{
		{"columns", "1\tRain\train\tNOUN\n", "in.conllu:1: 4 tab-separated columns, want 10"},
		{"id", ok + "x\tnow\tnow\tADV\tRB\t_\t2\tadvmod\t_\t_\n", "in.conllu:3: bad ID \"x\""},
		{"order", "2\tRain\train\tNOUN\tNN\t_\t0\troot\t_\t_\n", "in.conllu:1: word ID 2 out of order, want 1"},
		{"head", "1\tRain\train\tNOUN\tNN\t_\tup\troot\t_\t_\n", "in.conllu:1: bad HEAD \"up\""},
		{"range", "# c\n1\tRain\train\tNOUN\tNN\t_\t5\troot\t_\t_\n", "in.conllu:1: word 1: HEAD 5 beyond the sentence's 1 words"},
		{"self", "1\tRain\train\tNOUN\tNN\t_\t1\troot\t_\t_\n", "in.conllu:1: word 1 is its own head"},
		{"comment", ok + "# late\n", "in.conllu:3: comment after the first word of a sentence"},
		{"multiword", "3-1\tx\t_\t_\t_\t_\t_\t_\t_\t_\n", "in.conllu:1: bad ID \"3-1\""},
		{"empty form", "1\t\train\tNOUN\tNN\t_\t0\troot\t_\t_\n", "in.conllu:1: empty FORM"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := ReadAll(context.Background(), strings.NewReader(c.text), "in.conllu")
			if err == nil || err.Error() != c.want {
				t.Errorf("error %v, want %q", err, c.want)
			}
		})
	}
}

// TestGoesOn checks that a broken sentence does not stop the reader.
func TestGoesOn(t *testing.T) {
	text := "1\tbad\n\n1\tRain\train\tNOUN\tNN\t_\t0\troot\t_\t_\n"
	r := NewReader(strings.NewReader(text), "in")
	if _, err := r.Next(); err == nil {
		t.Fatal("no error for the broken sentence")
	}
	s, err := r.Next()
	if err != nil || len(s.Words) != 1 {
		t.Fatalf("next sentence: %v %v", s, err)
	}
	if _, err := r.Next(); err != io.EOF {
		t.Fatalf("want EOF, got %v", err)
	}
}

func TestCheckTree(t *testing.T) {
	cycle := "1\tA\ta\tX\tX\t_\t2\tdep\t_\t_\n2\tB\tb\tX\tX\t_\t1\tdep\t_\t_\n3\tC\tc\tX\tX\t_\t0\troot\t_\t_\n"
	s, err := ReadAll(context.Background(), strings.NewReader(cycle), "in")
	if err != nil {
		t.Fatal(err)
	}
	if err := s[0].CheckTree(); err == nil || !strings.Contains(err.Error(), "cycle") {
		t.Errorf("cycle: %v", err)
	}
}

// TestScore checks the scorer on a hand-made pair: five words, four right
// heads, three of them with the right universal relation, four right tags.
func TestScore(t *testing.T) {
	gold := &Sentence{Words: []Word{
		{ID: 1, UPOS: "DET", Head: 2, Rel: "det"},
		{ID: 2, UPOS: "NOUN", Head: 3, Rel: "nsubj:pass"},
		{ID: 3, UPOS: "AUX", Head: 4, Rel: "aux:pass"},
		{ID: 4, UPOS: "VERB", Head: 0, Rel: "root"},
		{ID: 5, UPOS: "PUNCT", Head: 4, Rel: "punct"},
	}}
	pred := &Sentence{Words: []Word{
		{ID: 1, UPOS: "DET", Head: 2, Rel: "det"},
		{ID: 2, UPOS: "NOUN", Head: 3, Rel: "nsubj"},  // subtype aside: right
		{ID: 3, UPOS: "VERB", Head: 4, Rel: "cop"},    // wrong label and tag
		{ID: 4, UPOS: "VERB", Head: 0, Rel: "root"},   // right
		{ID: 5, UPOS: "PUNCT", Head: 3, Rel: "punct"}, // wrong head
	}}
	var sc Score
	if err := sc.Add(gold, pred); err != nil {
		t.Fatal(err)
	}
	if sc.UAS() != 0.8 || sc.LAS() != 0.6 || sc.UPOSAccuracy() != 0.8 {
		t.Errorf("UAS %v LAS %v UPOS %v, want 0.8 0.6 0.8", sc.UAS(), sc.LAS(), sc.UPOSAccuracy())
	}
	if err := sc.Add(gold, &Sentence{Words: pred.Words[:4]}); err == nil {
		t.Error("no error for a sentence of other words")
	}
}

func FuzzReader(f *testing.F) {
	raw, _ := os.ReadFile("testdata/invented.conllu")
	f.Add(string(raw))
	f.Add("1\tA\ta\tX\tX\t_\t0\troot\t_\t_\n")
	f.Add("# only a comment\n\n\n")
	f.Add("1-2\tab\t_\t_\t_\t_\t_\t_\t_\t_\n1\ta\n")
	f.Fuzz(func(t *testing.T, text string) {
		sents, err := ReadAll(context.Background(), strings.NewReader(text), "fuzz")
		if err != nil {
			return
		}
		var out bytes.Buffer
		for _, s := range sents {
			_ = s.CheckTree()
			if err := Write(&out, s); err != nil {
				t.Fatal(err)
			}
		}
		again, err := ReadAll(context.Background(), &out, "again")
		if err != nil {
			t.Fatalf("written output does not read back: %v\n%s", err, out.String())
		}
		if len(again) != len(sents) {
			t.Fatalf("%d sentences read back, want %d", len(again), len(sents))
		}
	})
}
