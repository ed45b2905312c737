package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail/load"
	"github.com/claimtrail/claimtrail/pipeline"
	"github.com/claimtrail/claimtrail/stance"
)

const checkClaim = "The Harbour Bridge will reopen in March"

func TestCheckJSON(t *testing.T) {
	out, stderr, err := run(t, "check", "--format", "json", checkClaim, filepath.Join("testdata", "check"))
	if err != nil {
		t.Fatalf("check: %v\n%s", err, stderr)
	}
	var rep checkReport
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("bad JSON: %v\n%s", err, out)
	}
	if rep.Claim != checkClaim || len(rep.Articles) != 4 {
		t.Fatalf("report %+v", rep)
	}
	got := map[string]string{}
	rank := map[string]int{"asserts": 0, "denies": 1, "reports": 2, "absent": 3}
	for i, a := range rep.Articles {
		got[filepath.Base(a.Path)] = string(a.Stance)
		if i > 0 {
			prev := rep.Articles[i-1]
			if rank[string(prev.Stance)] > rank[string(a.Stance)] {
				t.Errorf("articles not sorted by stance: %s before %s", prev.Stance, a.Stance)
			}
		}
		checkResultConsistent(t, a)
	}
	for file, want := range map[string]string{"asserts.txt": "asserts", "reports.txt": "reports", "absent.txt": "absent"} {
		if got[file] != want {
			t.Errorf("%s: stance %q, want %q", file, got[file], want)
		}
	}
	if got["denies.txt"] == "asserts" || got["denies.txt"] == "absent" {
		t.Errorf("denies.txt: stance %q, want denies or reports", got["denies.txt"])
	}
}

// checkResultConsistent checks one article's answer: confidence in range and
// agreeing with the model's probabilities, evidence present exactly when the
// article addresses the claim, and evidence spans that slice the file.
func checkResultConsistent(t *testing.T, a checkResult) {
	t.Helper()
	if (a.Confidence <= 0) != (a.By == "off-story") || a.Confidence > 1 {
		t.Errorf("%s: confidence %v by %s", a.Path, a.Confidence, a.By)
	}
	switch a.By {
	case "off-story":
		if a.Stance != "absent" || a.Probs != nil {
			t.Errorf("%s: off-story answer %s with probs %v", a.Path, a.Stance, a.Probs)
		}
	case "model":
		// The confidence is the probability of the label the stance
		// comes from.
		if a.Label == nil || len(a.Probs) != 4 || a.Probs[a.Label.String()] != a.Confidence {
			t.Errorf("%s: model answer with label %v, confidence %v, probs %v", a.Path, a.Label, a.Confidence, a.Probs)
		}
		if a.Label.Stance() != a.Stance {
			t.Errorf("%s: stance %s from label %v", a.Path, a.Stance, a.Label)
		}
	case "statements", "ledger", "ledger-model":
		if a.Label != nil || a.Probs != nil {
			t.Errorf("%s: statements answer with model label %v probs %v", a.Path, a.Label, a.Probs)
		}
	default:
		t.Errorf("%s: by %q", a.Path, a.By)
	}
	if a.Stance == "absent" && len(a.Evidence) != 0 {
		t.Errorf("%s: absent article with evidence", a.Path)
	}
	if a.Stance != "absent" && (len(a.Evidence) == 0 || len(a.Evidence) > 3) {
		t.Errorf("%s: %d evidence sentences, want 1 to 3", a.Path, len(a.Evidence))
	}
	data, err := os.ReadFile(a.Path)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range a.Evidence {
		// Spans index the file (these files need no normalising).
		if a.SpanBasis != "file" || e.Span[1] > len(data) || string(data[e.Span[0]:e.Span[1]]) != e.Text || e.Text == "" {
			t.Errorf("%s: evidence span %v (%s) does not hold %q", a.Path, e.Span, a.SpanBasis, e.Text)
		}
	}
}

func TestCheckText(t *testing.T) {
	out, _, err := run(t, "check", checkClaim, filepath.Join("testdata", "check", "asserts.txt"), filepath.Join("testdata", "check", "absent.txt"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Claim: " + checkClaim, "2 article(s): 1 asserts, 0 denies, 0 reports, 1 absent", "asserts", "[50:155] The Harbour Bridge"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestCheckErrors(t *testing.T) {
	dir := filepath.Join("testdata", "check")
	// Usage errors say what is missing, not cobra's "requires at least 2
	// arg(s)".
	if _, _, err := run(t, "check", checkClaim); err == nil || !strings.Contains(err.Error(), "at least one PATH or DIR") || !strings.Contains(err.Error(), checkClaim) {
		t.Errorf("no paths: err = %v", err)
	}
	if _, _, err := run(t, "check"); err == nil || !strings.Contains(err.Error(), "a CLAIM and at least one PATH") {
		t.Errorf("nothing: err = %v", err)
	}
	if _, _, err := run(t, "check", "--format", "yaml", checkClaim, dir); err == nil || !strings.Contains(err.Error(), "yaml") {
		t.Errorf("bad format: err = %v", err)
	}
	if _, _, err := run(t, "check", " ", dir); err == nil || !strings.Contains(err.Error(), "empty") {
		t.Errorf("empty claim: err = %v", err)
	}
	if _, _, err := run(t, "check", "--model", filepath.Join(dir, "absent.txt"), checkClaim, dir); err == nil || !strings.Contains(err.Error(), "not a stance model") {
		t.Errorf("bad model: err = %v", err)
	}
	// A missing input is reported, the good ones are still judged, and the
	// exit status says something failed.
	missing := filepath.Join(t.TempDir(), "missing.txt")
	out, stderr, err := run(t, "check", checkClaim, filepath.Join(dir, "asserts.txt"), missing)
	if err == nil || !strings.Contains(stderr, "missing.txt") || !strings.Contains(out, "asserts") {
		t.Errorf("missing input: err = %v\nstdout:\n%s\nstderr:\n%s", err, out, stderr)
	}
}

// TestWebCheckAgrees: the web UI's "check a claim" gives every article the
// stance `claimtrail check` gives it.
func TestWebCheckAgrees(t *testing.T) {
	dir := filepath.Join("testdata", "check")
	out, stderr, err := run(t, "check", "--format", "json", checkClaim, dir)
	if err != nil {
		t.Fatalf("check: %v\n%s", err, stderr)
	}
	var rep checkReport
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	m, err := stance.Default()
	if err != nil {
		t.Skipf("no stance model: %v", err)
	}
	p, err := pipeline.New(pipeline.Options{})
	if err != nil {
		t.Fatal(err)
	}
	arts, errs := load.Paths(context.Background(), []string{dir}, load.Options{})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	vs, err := stanceChecker{m: m, p: p}.Check(context.Background(), checkClaim, arts)
	if err != nil {
		t.Fatal(err)
	}
	web := map[string]string{}
	conf := map[string]float64{}
	for i := range arts {
		web[arts[i].Path] = string(vs[i].Stance)
		conf[arts[i].Path] = vs[i].Confidence
	}
	for _, a := range rep.Articles {
		if web[a.Path] != string(a.Stance) || conf[a.Path] != a.Confidence {
			t.Errorf("%s: web check %q %.4f, CLI %q %.4f", a.Path, web[a.Path], conf[a.Path], a.Stance, a.Confidence)
		}
	}
}

// TestCheckGivesAnalyzeStances: check on the wording of each claim of a
// ledger gives every article the stance analyze gives it (one answer for
// one claim), off-story articles included. The story has what once split
// them: a ministry's denial answering the claim, a blanket denial of the
// report ("completely fabricated") and negated statements.
func TestCheckGivesAnalyzeStances(t *testing.T) {
	dir := filepath.Join("testdata", "oneanswer")
	out, _, err := run(t, "analyze", "--format", "json", dir)
	if err != nil {
		t.Fatal(err)
	}
	var l struct {
		Articles []struct {
			ID       string `json:"id"`
			OffStory bool   `json:"off_story"`
		} `json:"articles"`
		Claims []struct {
			ID      string            `json:"id"`
			Text    string            `json:"text"`
			Stances map[string]string `json:"stances"`
		} `json:"claims"`
	}
	if err := json.Unmarshal([]byte(out), &l); err != nil {
		t.Fatal(err)
	}
	if len(l.Claims) < 3 {
		t.Fatalf("%d claims; the story should give at least 3", len(l.Claims))
	}
	for _, c := range l.Claims {
		out, _, err := run(t, "check", "--format", "json", c.Text, dir)
		if err != nil {
			t.Fatal(err)
		}
		var rep checkReport
		if err := json.Unmarshal([]byte(out), &rep); err != nil {
			t.Fatal(err)
		}
		got := map[string]checkResult{}
		for _, r := range rep.Articles {
			got[r.ID] = r
		}
		for _, a := range l.Articles {
			want := c.Stances[a.ID]
			if want == "" {
				want = "absent"
			}
			r := got[a.ID]
			if string(r.Stance) != want || a.OffStory != (r.By == "off-story") {
				t.Errorf("%s %q, %s: check %s by %s, analyze %s (off story %v)", c.ID, c.Text, a.ID, r.Stance, r.By, want, a.OffStory)
			}
		}
	}
}
