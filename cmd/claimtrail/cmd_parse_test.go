package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail/parse/conllu"
)

const (
	tinyTreebank     = "../../parse/testdata/tiny.conllu"
	invented         = "../../parse/conllu/testdata/invented.conllu"
	parseTestArticle = "Flood warning lifted\n\nThe agency said on Monday that the river had fallen. Roads reopened, officials said.\n"
)

func TestParseCommandConllu(t *testing.T) {
	path := filepath.Join(t.TempDir(), "flood.txt")
	if err := os.WriteFile(path, []byte(parseTestArticle), 0o644); err != nil {
		t.Fatal(err)
	}
	out, stderr, err := run(t, "parse", "--format", "conllu", path)
	if err != nil {
		t.Fatalf("parse: %v\n%s", err, stderr)
	}
	sents, err := conllu.ReadAll(context.Background(), strings.NewReader(out), "output")
	if err != nil {
		t.Fatalf("output is not CoNLL-U: %v\n%s", err, out)
	}
	if len(sents) < 2 {
		t.Fatalf("%d sentences:\n%s", len(sents), out)
	}
	for _, s := range sents {
		if err := s.CheckTree(); err != nil {
			t.Error(err)
		}
		for _, w := range s.Words {
			if !strings.Contains(w.Misc, "TokenRange=") {
				t.Errorf("word %q without its byte span", w.Form)
			}
		}
	}
}

func TestParseCommandText(t *testing.T) {
	root := newRootCmd()
	root.SetArgs([]string{"parse", "-"})
	root.SetIn(strings.NewReader("The agency said that the river had fallen."))
	var out, errOut strings.Builder
	root.SetOut(&out)
	root.SetErr(&errOut)
	if err := root.Execute(); err != nil {
		t.Fatalf("parse -: %v\n%s", err, errOut.String())
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if !strings.HasPrefix(lines[0], "# stdin, sentence 1 [0:42]: The agency said") {
		t.Errorf("header %q", lines[0])
	}
	// One line per word, the root unindented, every other word indented.
	if len(lines) != 1+9 {
		t.Fatalf("%d lines:\n%s", len(lines), out.String())
	}
	if strings.HasPrefix(lines[1], " ") || !strings.Contains(lines[1], " root ") {
		t.Errorf("first word line %q is not the root", lines[1])
	}
	for _, l := range lines[2:] {
		if !strings.HasPrefix(l, "  ") {
			t.Errorf("line %q not indented", l)
		}
	}
	if _, _, err := run(t, "parse", "--format", "xml", "-"); err == nil {
		t.Error("no error for --format xml")
	}
}

func TestEvalParse(t *testing.T) {
	pred := filepath.Join(t.TempDir(), "pred.conllu")
	out, stderr, err := run(t, "eval", "parse", "--conllu", invented, "--format", "json", "--predictions", pred)
	if err != nil {
		t.Fatalf("eval parse: %v\n%s", err, stderr)
	}
	var rep map[string]float64
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	for _, k := range []string{"words", "uas", "las", "upos", "sentences_per_second"} {
		if _, ok := rep[k]; !ok {
			t.Errorf("key %q missing from %s", k, out)
		}
	}
	if rep["words"] != 14 {
		t.Errorf("words = %v, want 14", rep["words"])
	}
	gold, err := conllu.ReadFile(context.Background(), invented)
	if err != nil {
		t.Fatal(err)
	}
	got, err := conllu.ReadFile(context.Background(), pred)
	if err != nil {
		t.Fatalf("predictions do not read back: %v", err)
	}
	if len(got) != len(gold) {
		t.Fatalf("%d predicted sentences, want %d", len(got), len(gold))
	}
	for i := range gold {
		if strings.Join(got[i].Forms(), " ") != strings.Join(gold[i].Forms(), " ") {
			t.Errorf("sentence %d: other words", i)
		}
		if strings.Join(got[i].Comments, "\n") != strings.Join(gold[i].Comments, "\n") {
			t.Errorf("sentence %d: comments not kept", i)
		}
		if len(got[i].Extras) != len(gold[i].Extras) || (len(gold[i].Extras) > 0 && got[i].Extras[0] != gold[i].Extras[0]) {
			t.Errorf("sentence %d: multi-word tokens or empty nodes not kept", i)
		}
		if err := got[i].CheckTree(); err != nil {
			t.Error(err)
		}
	}
}

func TestEvalParseMalformed(t *testing.T) {
	path := filepath.Join(t.TempDir(), "bad.conllu")
	text := "# text = Rain fell.\n1\tRain\train\tNOUN\tNN\t_\t2\tnsubj\t_\t_\n2\tfell\tfall\tVERB\tVBD\t_\tzero\troot\t_\t_\n\n"
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	_, _, err := run(t, "eval", "parse", "--conllu", path)
	if err == nil || !strings.Contains(err.Error(), "bad.conllu:3: bad HEAD \"zero\"") {
		t.Errorf("error %v, want the file, line 3 and the bad HEAD", err)
	}
}

func TestTrainParse(t *testing.T) {
	model := filepath.Join(t.TempDir(), "tiny.model")
	out, stderr, err := run(t, "train", "parse", "--conllu", tinyTreebank, "--dev", tinyTreebank,
		"--epochs", "3", "--folds", "1", "--out", model)
	if err != nil {
		t.Fatalf("train parse: %v\n%s", err, stderr)
	}
	if !strings.Contains(out, "epoch  3  dev UAS") || !strings.Contains(out, "wrote "+model) {
		t.Errorf("output:\n%s", out)
	}
	out, stderr, err = run(t, "eval", "parse", "--conllu", tinyTreebank, "--model", model)
	if err != nil {
		t.Fatalf("eval parse --model: %v\n%s", err, stderr)
	}
	if !strings.Contains(out, "UAS") || !strings.Contains(out, "53 words") {
		t.Errorf("output:\n%s", out)
	}
}

func TestEvalParseProseTags(t *testing.T) {
	out, stderr, err := run(t, "eval", "parse", "--conllu", invented, "--tagger", "prose")
	if err != nil {
		t.Fatalf("eval parse --tagger prose: %v\n%s", err, stderr)
	}
	if !strings.Contains(out, "XPOS ") || !strings.Contains(out, "14 words") {
		t.Errorf("output:\n%s", out)
	}
	if _, _, err := run(t, "eval", "parse", "--conllu", invented, "--tagger", "spacy"); err == nil {
		t.Error("no error for --tagger spacy")
	}
}
