package render

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/claimtrail/claimtrail"
)

func contractLedger() *claimtrail.Ledger {
	text := "Sources told Coast Wire the frigate Aldis ran aground."
	return &claimtrail.Ledger{
		Articles: []claimtrail.Article{
			{ID: "a1", Outlet: "Coast Wire", Title: "Aldis aground", Text: text, Path: "a.txt",
				Published: time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC)},
			{ID: "a2", Outlet: "Garden Weekly", Title: "Roses", Text: "Roses bloom."},
		},
		OffStory: []string{"a2"},
		Claims: []claimtrail.Claim{{
			ID: "c1", Text: "The frigate Aldis ran aground", Status: claimtrail.SingleSource,
			Flags:   []claimtrail.Flag{claimtrail.FlagAnonymousOnly},
			Origins: []claimtrail.Source{{Name: "Sources (Coast Wire)", Kind: claimtrail.KindAnonymous}},
			Stances: map[string]claimtrail.Stance{"a1": claimtrail.StanceAsserts, "a2": claimtrail.StanceAbsent},
			Statements: []claimtrail.Statement{{
				Article: "a1", Polarity: claimtrail.Asserts,
				Chain:    []claimtrail.Source{{Name: "Coast Wire", Kind: claimtrail.KindOutlet}, {Name: "Sources", Kind: claimtrail.KindAnonymous}},
				Content:  claimtrail.Span{Start: 24, End: 53},
				Cue:      claimtrail.Span{Start: 8, End: 12},
				Sentence: claimtrail.Span{Start: 0, End: 54},
				Hedges:   []string{"anonymous sourcing"},
			}},
		}},
	}
}

// TestJSONContract checks the field names and values of the DESIGN.md
// contract on a hand-built ledger.
func TestJSONContract(t *testing.T) {
	var buf bytes.Buffer
	if err := JSON(&buf, contractLedger()); err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if doc["schema"] != "claimtrail.ledger/v1" {
		t.Errorf("schema = %v", doc["schema"])
	}
	arts := doc["articles"].([]any)
	a1 := arts[0].(map[string]any)
	for _, k := range []string{"id", "outlet", "title", "url", "published", "path", "words"} {
		if _, ok := a1[k]; !ok {
			t.Errorf("article lacks %q", k)
		}
	}
	if a1["published"] != "2026-03-02T08:00:00Z" || a1["words"].(float64) != 9 {
		t.Errorf("article published %v words %v", a1["published"], a1["words"])
	}
	if a2 := arts[1].(map[string]any); a2["published"] != nil || a2["off_story"] != true {
		t.Errorf("unknown date should be null and the off-story mark set: %v", a2)
	}
	c := doc["claims"].([]any)[0].(map[string]any)
	for _, k := range []string{"id", "text", "status", "flags", "origins", "independent_origins", "denied_by", "stances", "statements"} {
		if _, ok := c[k]; !ok {
			t.Errorf("claim lacks %q", k)
		}
	}
	if c["independent_origins"].(float64) != 1 || len(c["denied_by"].([]any)) != 0 {
		t.Errorf("independent_origins %v denied_by %v", c["independent_origins"], c["denied_by"])
	}
	st := c["statements"].([]any)[0].(map[string]any)
	for _, k := range []string{"article", "polarity", "chain", "cue", "text", "sentence", "span", "hedges"} {
		if _, ok := st[k]; !ok {
			t.Errorf("statement lacks %q", k)
		}
	}
	if st["cue"] != "told" || st["text"] != "the frigate Aldis ran aground" {
		t.Errorf("cue %q text %q", st["cue"], st["text"])
	}
	if span := st["span"].([]any); span[0].(float64) != 24 || span[1].(float64) != 53 {
		t.Errorf("span %v", span)
	}
	if chain := st["chain"].([]any); chain[1].(map[string]any)["kind"] != "anonymous" {
		t.Errorf("chain %v", chain)
	}
}

// TestJSONAttributions checks that an article's attributions that are no
// statements come out under it, with their reason, texts and spans, and
// that an article with none has no such field.
func TestJSONAttributions(t *testing.T) {
	l := contractLedger()
	text := "Admiral Ida Renk hopes to refloat the Aldis on Friday."
	l.Articles = append(l.Articles, claimtrail.Article{ID: "a3", Outlet: "Coast Wire", Text: text})
	l.Attributions = []claimtrail.Attribution{{
		Article: "a3", Source: claimtrail.Span{Start: 0, End: 16}, Cue: claimtrail.Span{Start: 17, End: 22},
		Content: claimtrail.Span{Start: 23, End: 53}, Sentence: claimtrail.Span{Start: 0, End: 54},
		Chain:  []claimtrail.Source{{Name: "Coast Wire", Kind: claimtrail.KindOutlet}, {Name: "Ida Renk", Kind: claimtrail.KindPerson}},
		Reason: claimtrail.ReasonPlan, Labelled: true,
	}}
	var buf bytes.Buffer
	if err := JSON(&buf, l); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Articles []struct {
			ID           string            `json:"id"`
			Attributions []json.RawMessage `json:"attributions"`
		} `json:"articles"`
	}
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if n := len(doc.Articles[0].Attributions); n != 0 || strings.Contains(buf.String(), `"attributions": []`) {
		t.Errorf("an article with no attributions shows %d, or an empty list", n)
	}
	if len(doc.Articles) != 3 || len(doc.Articles[2].Attributions) != 1 {
		t.Fatalf("articles %+v: want one attribution under a3", doc.Articles)
	}
	var got AttributionDoc
	if err := json.Unmarshal(doc.Articles[2].Attributions[0], &got); err != nil {
		t.Fatal(err)
	}
	want := AttributionDoc{
		Reason: "plan", Source: "Admiral Ida Renk", Cue: "hopes", Text: "to refloat the Aldis on Friday", Sentence: text,
		Chain:      []SourceDoc{{Name: "Coast Wire", Kind: "outlet"}, {Name: "Ida Renk", Kind: "person"}},
		SourceSpan: [2]int{0, 16}, CueSpan: [2]int{17, 22}, Span: [2]int{23, 53}, SentenceSpan: [2]int{0, 54}, Labeller: true,
	}
	if g, w := fmt.Sprint(got), fmt.Sprint(want); g != w {
		t.Errorf("attribution\n got %s\nwant %s", g, w)
	}
}

func TestTextWrapsAndColours(t *testing.T) {
	var plain, colour bytes.Buffer
	l := contractLedger()
	if err := Text(&plain, l, TextOptions{Width: 60}); err != nil {
		t.Fatal(err)
	}
	if err := Text(&colour, l, TextOptions{Width: 60, Color: true}); err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(plain.String(), "\n") {
		if len([]rune(line)) > 60 {
			t.Errorf("line wider than 60: %q", line)
		}
	}
	if strings.Contains(plain.String(), "\x1b[") || !strings.Contains(colour.String(), "\x1b[") {
		t.Error("colour codes where not asked for, or missing where asked for")
	}
	if !strings.Contains(plain.String(), "Coast Wire ← Sources") || !strings.Contains(plain.String(), "off the story") {
		t.Errorf("text view lacks the chain or the off-story mark:\n%s", plain.String())
	}
}

func TestMarkdownEscapes(t *testing.T) {
	l := contractLedger()
	l.Articles[0].Title = "A | B <script>"
	var buf bytes.Buffer
	if err := Markdown(&buf, l); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(buf.String(), "<script>") || !strings.Contains(buf.String(), `A \| B`) {
		t.Errorf("markdown did not escape the title:\n%s", buf.String())
	}
}

func TestWrap(t *testing.T) {
	got := Wrap("one two three four five six seven eight nine ten eleven twelve", 20)
	for _, l := range got {
		if len(l) > 20 {
			t.Errorf("line %q over 20", l)
		}
	}
	if strings.Join(got, " ") != "one two three four five six seven eight nine ten eleven twelve" {
		t.Errorf("words lost: %q", got)
	}
}
