package render_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/claimtrail/claimtrail/render"
	"github.com/claimtrail/claimtrail/web/webtest"
)

func TestClaimReview(t *testing.T) {
	l := webtest.Ledger()
	var b bytes.Buffer
	opt := render.ClaimReviewOptions{Author: "Desk", URL: "https://desk.example/story", Date: time.Date(2026, 3, 5, 0, 0, 0, 0, time.UTC)}
	if err := render.ClaimReviewJSON(&b, l, opt); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), "<script") {
		t.Error("markup not escaped in JSON-LD")
	}
	var got []map[string]any
	if err := json.Unmarshal(b.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 {
		t.Fatalf("%d reviews, want 3", len(got))
	}
	r := got[0]
	check := func(path string, v any, want string) {
		t.Helper()
		if s, _ := v.(string); s != want {
			t.Errorf("%s = %v, want %q", path, v, want)
		}
	}
	check("@context", r["@context"], "https://schema.org")
	check("@type", r["@type"], "ClaimReview")
	check("claimReviewed", r["claimReviewed"], l.Claims[0].Text)
	check("datePublished", r["datePublished"], "2026-03-05")
	check("url", r["url"], "https://desk.example/story#claim-c1")
	check("author.name", r["author"].(map[string]any)["name"], "Desk")
	rating := r["reviewRating"].(map[string]any)
	check("reviewRating.alternateName", rating["alternateName"],
		"Contested: 1 independent origin (officials familiar with the plan); denied by Port Authority spokesperson; anonymous-only, denied-by-subject")
	item := r["itemReviewed"].(map[string]any)
	check("itemReviewed.@type", item["@type"], "Claim")
	check("itemReviewed.datePublished", item["datePublished"], "2026-03-02T08:00:00Z")
	check("itemReviewed.firstAppearance.url", item["firstAppearance"].(map[string]any)["url"], "https://harbor.example/port-shut")
	if n := len(item["appearance"].([]any)); n != 2 {
		t.Errorf("%d appearances, want 2 (a1 asserts, a2 reports)", n)
	}
	check("itemReviewed.author[0].name", item["author"].([]any)[0].(map[string]any)["name"], "officials familiar with the plan")
	// The hostile article's javascript: URL must not survive as an appearance URL.
	app := got[1]["itemReviewed"].(map[string]any)["appearance"].([]any)[0].(map[string]any)
	if _, ok := app["url"]; ok {
		t.Errorf("javascript: URL kept: %v", app["url"])
	}
	if _, ok := got[1]["itemReviewed"].(map[string]any)["datePublished"]; !ok {
		t.Error("c2: dated appearance but no datePublished")
	}
}
