package main

import (
	"encoding/csv"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

func TestExport(t *testing.T) {
	story := filepath.Join("..", "..", "examples", "story")
	out, stderr, err := run(t, "export", "--format", "csv", story)
	if err != nil {
		t.Fatalf("export csv: %v\n%s", err, stderr)
	}
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil || len(rows) < 2 || rows[0][0] != "claim" {
		t.Fatalf("csv: %v, %d rows", err, len(rows))
	}
	out, stderr, err = run(t, "export", "--format", "claimreview", "--author", "Test Desk", story)
	if err != nil {
		t.Fatalf("export claimreview: %v\n%s", err, stderr)
	}
	var reviews []struct {
		Type         string `json:"@type"`
		ReviewRating struct{ AlternateName string }
		Author       struct{ Name string }
	}
	if err := json.Unmarshal([]byte(out), &reviews); err != nil || len(reviews) == 0 {
		t.Fatalf("claimreview: %v, %d reviews", err, len(reviews))
	}
	contested := false
	for _, r := range reviews {
		if r.Type != "ClaimReview" || r.Author.Name != "Test Desk" || r.ReviewRating.AlternateName == "" {
			t.Errorf("review %+v", r)
		}
		contested = contested || strings.HasPrefix(r.ReviewRating.AlternateName, "Contested: ")
	}
	if !contested {
		t.Error("no review says Contested, though the example story has a contested claim")
	}
	// The HTML report lists the attributions that are no claims with --all
	// only, as analyze's does.
	for _, all := range []bool{false, true} {
		args := []string{"export", "--format", "html", story}
		if all {
			args = append(args, "--all")
		}
		out, stderr, err := run(t, args...)
		if err != nil {
			t.Fatalf("%v: %v\n%s", args, err, stderr)
		}
		if got := strings.Contains(out, `id="attributions"`); got != all {
			t.Errorf("%v: attributions section %v, want %v", args, got, all)
		}
	}
	for _, bad := range [][]string{
		{"export", "--format", "pdf", story},
		{"export", "--db", filepath.Join(t.TempDir(), "x.db"), "1", "2"},
		{"export", "--db", filepath.Join(t.TempDir(), "x.db"), "77"},
	} {
		if _, _, err := run(t, bad...); err == nil {
			t.Errorf("%v: no error", bad)
		}
	}
}
