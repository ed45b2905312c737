package main

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeFNC writes a small FNC-1 data set, written for these tests, into dir
// and returns the bodies and stances paths. Each topic has an agreeing, a
// refuting and a hedging body, and an unrelated headline on every body.
func writeFNC(t *testing.T, dir string, topics int, labelled bool) (string, string) {
	t.Helper()
	places := []string{"harbour bridge", "city library", "river ferry", "mountain tunnel", "football stadium",
		"railway station", "concert hall", "airport terminal", "science museum", "water plant"}
	months := []string{"March", "June", "October", "December"}
	var bodies, stances [][]string
	bodies = append(bodies, []string{"Body ID", "articleBody"})
	head := []string{"Headline", "Body ID"}
	if labelled {
		head = append(head, "Stance")
	}
	stances = append(stances, head)
	id := 0
	for i := 0; i < topics; i++ {
		p, m := places[i%len(places)], months[i%len(months)]
		claim := fmt.Sprintf("The %s will reopen in %s", p, m)
		texts := [][2]string{
			{"agree", fmt.Sprintf("Officials confirmed that the %s will reopen in %s.\nThe council approved the plan and the work is done.", p, m)},
			{"disagree", fmt.Sprintf("A report that the %s will reopen in %s is a hoax.\nOfficials denied it and called the story false and fake.", p, m)},
			{"discuss", fmt.Sprintf("The %s could reportedly reopen in %s, according to unnamed sources.\nIt is unclear whether the claim is true.", p, m)},
		}
		for _, tx := range texts {
			bodies = append(bodies, []string{fmt.Sprint(id), tx[1]})
			row := []string{claim, fmt.Sprint(id)}
			other := []string{fmt.Sprintf("Famous chef opens a \"new\"\nrestaurant number %d", i), fmt.Sprint(id)}
			if labelled {
				row = append(row, tx[0])
				other = append(other, "unrelated")
			}
			stances = append(stances, row, other)
			id++
		}
	}
	b, s := filepath.Join(dir, "train_bodies.csv"), filepath.Join(dir, "train_stances.csv")
	for path, rows := range map[string][][]string{b: bodies, s: stances} {
		f, err := os.Create(path)
		if err != nil {
			t.Fatal(err)
		}
		w := csv.NewWriter(f)
		w.UseCRLF = true
		if err := w.WriteAll(rows); err != nil {
			t.Fatal(err)
		}
		f.Close()
	}
	return b, s
}

func TestEvalFNC1JSON(t *testing.T) {
	dir := t.TempDir()
	bodies, stances := writeFNC(t, dir, 4, true)
	preds := filepath.Join(dir, "pred.csv")
	out, stderr, err := run(t, "eval", "fnc1", "--bodies", bodies, "--stances", stances, "--format", "json", "--predictions", preds)
	if err != nil {
		t.Fatalf("eval: %v\n%s", err, stderr)
	}
	var rep map[string]any
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("bad JSON: %v\n%s", err, out)
	}
	for _, k := range []string{"fnc_score", "fnc_max", "fnc_relative", "macro_f1", "f1", "confusion", "pairs", "seconds", "accuracy"} {
		if _, ok := rep[k]; !ok {
			t.Errorf("JSON lacks %q:\n%s", k, out)
		}
	}
	if rep["pairs"].(float64) != 24 || rep["fnc_max"].(float64) != 12+12*0.25 {
		t.Errorf("pairs %v, fnc_max %v; want 24 and 15", rep["pairs"], rep["fnc_max"])
	}
	if f1 := rep["f1"].(map[string]any); len(f1) != 4 {
		t.Errorf("f1 %v, want four classes", f1)
	}
	if rel := rep["fnc_relative"].(float64); rel < 0.6 {
		t.Errorf("relative score %.2f on easy pairs", rel)
	}
	// Predictions: the input rows, in order, with a label each.
	f, err := os.Open(preds)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	in, _ := os.Open(stances)
	defer in.Close()
	gold, _ := csv.NewReader(in).ReadAll()
	if len(rows) != len(gold) || strings.Join(rows[0], ",") != "Headline,Body ID,Stance" {
		t.Fatalf("predictions have %d rows (header %v), input %d", len(rows), rows[0], len(gold))
	}
	for i := 1; i < len(rows); i++ {
		if rows[i][0] != gold[i][0] || rows[i][1] != gold[i][1] {
			t.Fatalf("prediction row %d is %v, input row %v", i, rows[i], gold[i])
		}
	}
}

func TestEvalFNC1Text(t *testing.T) {
	dir := t.TempDir()
	bodies, stances := writeFNC(t, dir, 2, true)
	out, _, err := run(t, "eval", "fnc1", "--bodies", bodies, "--stances", stances)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"FNC score", "FNC relative", "macro-F1", "confusion (rows gold", "pairs/s"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	// Unlabelled: predictions and speed, no scores.
	bodies, stances = writeFNC(t, t.TempDir(), 2, false)
	out, _, err = run(t, "eval", "fnc1", "--bodies", bodies, "--stances", stances, "--format", "json")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(out, "fnc_score") || !strings.Contains(out, `"pairs": 12`) {
		t.Errorf("unlabelled output:\n%s", out)
	}
}

func TestEvalFNC1Errors(t *testing.T) {
	dir := t.TempDir()
	bodies, stances := writeFNC(t, dir, 1, true)
	bad := filepath.Join(dir, "bad.csv")
	os.WriteFile(bad, []byte("Headline,Body ID,Stance\nfine,0,agree\nbroken,0,perhaps\n"), 0o644)
	cases := [][]string{
		{"eval", "fnc1", "--stances", stances},
		{"eval", "fnc1", "--bodies", bodies, "--stances", stances, "--format", "xml"},
		{"eval", "fnc1", "--bodies", bodies, "--stances", bad},
		{"eval", "fnc1", "--bodies", bodies, "--stances", stances, "--model", bodies},
	}
	wants := []string{"--bodies FILE", "xml", "bad.csv:3: unknown stance", "not a stance model"}
	for i, args := range cases {
		if _, _, err := run(t, args...); err == nil || !strings.Contains(err.Error(), wants[i]) {
			t.Errorf("%v: err = %v, want %q", args, err, wants[i])
		}
	}
}

func TestTrainStanceTiny(t *testing.T) {
	dir := t.TempDir()
	writeFNC(t, dir, 10, true)
	model := filepath.Join(dir, "tiny.model")
	out, stderr, err := run(t, "train", "stance", "--fnc1", dir, "--out", model, "--seed", "4",
		"--holdout", "0.3", "--rounds", "20", "--related-rounds", "10", "--depth", "3")
	if err != nil {
		t.Fatalf("train: %v\n%s", err, stderr)
	}
	if !strings.Contains(out, "wrote "+model) || !strings.Contains(out, "held-out bodies' pairs") {
		t.Errorf("train output:\n%s", out)
	}
	out, _, err = run(t, "eval", "fnc1", "--bodies", filepath.Join(dir, "train_bodies.csv"),
		"--stances", filepath.Join(dir, "train_stances.csv"), "--model", model, "--holdout-only", "--format", "json")
	if err != nil {
		t.Fatal(err)
	}
	var rep struct {
		Pairs       int     `json:"pairs"`
		FNCRelative float64 `json:"fnc_relative"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	if rep.Pairs == 0 || rep.Pairs >= 60 {
		t.Errorf("--holdout-only kept %d of 60 pairs", rep.Pairs)
	}
	if _, _, err := run(t, "train", "stance", "--fnc1", filepath.Join(dir, "nowhere")); err == nil || !strings.Contains(err.Error(), "nowhere") {
		t.Errorf("missing folder: err = %v", err)
	}
}
