package render

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail"
)

// asideLedger is the contract ledger with an opinion added: the article
// says "Sources told Coast Wire the frigate Aldis ran aground. It is a
// disgrace."
func asideLedger() *claimtrail.Ledger {
	l := contractLedger()
	l.Articles[0].Text += " It is a disgrace."
	op := claimtrail.Claim{
		ID: "c2", Text: "It is a disgrace", Status: claimtrail.SingleSource, Aside: true, AsideKind: "opinion",
		Origins: []claimtrail.Source{{Name: "Coast Wire", Kind: claimtrail.KindOutlet}},
		Stances: map[string]claimtrail.Stance{"a1": claimtrail.StanceAsserts},
		Statements: []claimtrail.Statement{{
			Article: "a1", Polarity: claimtrail.Asserts,
			Chain:    []claimtrail.Source{{Name: "Coast Wire", Kind: claimtrail.KindOutlet}},
			Content:  claimtrail.Span{Start: 55, End: 71},
			Sentence: claimtrail.Span{Start: 55, End: 72},
		}},
	}
	l.Claims = append(l.Claims, op)
	return l
}

// TestAsidesKeptApart checks that every view keeps an aside apart from the
// claims to check: text lists it only with All, Markdown and HTML in a
// section of their own and not in the stance matrix, JSON marks it with
// its kind.
func TestAsidesKeptApart(t *testing.T) {
	l := asideLedger()
	var text, all bytes.Buffer
	if err := Text(&text, l, TextOptions{Width: 100}); err != nil {
		t.Fatal(err)
	}
	if err := Text(&all, l, TextOptions{Width: 100, All: true}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(text.String(), "disgrace") || !strings.Contains(text.String(), "1 aside not listed") {
		t.Errorf("text view lists the aside or does not count it:\n%s", text.String())
	}
	if !strings.Contains(all.String(), "Kept apart") || !strings.Contains(all.String(), "ASIDE (opinion)  It is a disgrace") {
		t.Errorf("text view with All does not list the aside apart:\n%s", all.String())
	}

	var md bytes.Buffer
	if err := Markdown(&md, l); err != nil {
		t.Fatal(err)
	}
	m := md.String()
	apart := strings.Index(m, "## Kept apart")
	if apart < 0 || !strings.Contains(m[apart:], "### c2 — opinion") || strings.Contains(m[:apart], "| c2 |") ||
		!strings.Contains(m, "1 claims from 1 articles. 1 more kept apart") {
		t.Errorf("markdown does not keep the aside apart:\n%s", m)
	}

	var html bytes.Buffer
	if err := HTML(&html, l); err != nil {
		t.Fatal(err)
	}
	h := html.String()
	at := strings.Index(h, `id="asides"`)
	if at < 0 || !strings.Contains(h[at:], `id="claim-c2"`) || strings.Contains(h[:at], "#claim-c2") {
		t.Errorf("HTML report does not keep the aside in its own section")
	}

	var js bytes.Buffer
	if err := JSON(&js, l); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Claims []map[string]any `json:"claims"`
	}
	if err := json.Unmarshal(js.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if _, ok := doc.Claims[0]["aside_kind"]; ok {
		t.Errorf("a claim to check carries aside_kind: %v", doc.Claims[0])
	}
	if doc.Claims[1]["aside"] != true || doc.Claims[1]["aside_kind"] != "opinion" {
		t.Errorf("aside = %v, aside_kind = %v", doc.Claims[1]["aside"], doc.Claims[1]["aside_kind"])
	}
}

// TestAsidesInExports checks the exports: ClaimReview reviews only the
// claims to check, the CSV marks an aside's rows in its aside column, and
// the stored summary counts the claims to check alone.
func TestAsidesInExports(t *testing.T) {
	l := asideLedger()
	reviews := ClaimReviews(l, ClaimReviewOptions{})
	if len(reviews) != 1 || reviews[0].ClaimReviewed == "It is a disgrace" {
		t.Errorf("ClaimReview reviews an aside: %d reviews", len(reviews))
	}
	var b bytes.Buffer
	if err := CSV(&b, l); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := slices.Index(rows[0], "aside")
	if col < 0 {
		t.Fatalf("no aside column in %v", rows[0])
	}
	for _, r := range rows[1:] {
		want := ""
		if r[0] == "c2" {
			want = "opinion"
		}
		if r[col] != want {
			t.Errorf("claim %s: aside %q, want %q", r[0], r[col], want)
		}
	}
}
