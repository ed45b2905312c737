package ledger

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

const stories = "testdata/stories"

// caseSource gives every story the ledger of one test case.
func caseSource(t *testing.T, dir string) Source {
	t.Helper()
	return func(context.Context, string, string) (*Ledger, error) {
		return ReadLedger(filepath.Join(dir, "ledger.json"))
	}
}

// TestCases scores the hand-written ledgers in testdata/cases against the
// harbour story's gold: a perfect ledger, an empty one, a false merge, a
// false corroboration (with an extra claim), wrong chain and denier, and
// asides (one of them a gold claim kept apart).
func TestCases(t *testing.T) {
	dirs, err := filepath.Glob("testdata/cases/*")
	if err != nil || len(dirs) < 5 {
		t.Fatalf("test cases: %v (%d found)", err, len(dirs))
	}
	for _, dir := range dirs {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			var want struct {
				Summary map[string]any
				Lines   []string
			}
			data, err := os.ReadFile(filepath.Join(dir, "want.json"))
			if err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal(data, &want); err != nil {
				t.Fatal(err)
			}
			rep, err := Run(context.Background(), stories, caseSource(t, dir))
			if err != nil {
				t.Fatal(err)
			}
			var got map[string]any
			js, _ := json.Marshal(rep.Summary)
			_ = json.Unmarshal(js, &got)
			for k, w := range want.Summary {
				if g, ok := got[k]; !ok || g != w {
					t.Errorf("%s = %v, want %v", k, got[k], w)
				}
			}
			lines := strings.Join(rep.Stories[0].Lines, "\n")
			for _, l := range want.Lines {
				if !strings.Contains(lines, l) {
					t.Errorf("details lack %q:\n%s", l, lines)
				}
			}
		})
	}
}

func TestPerfectScoresOne(t *testing.T) {
	rep, err := Run(context.Background(), stories, caseSource(t, "testdata/cases/perfect"))
	if err != nil {
		t.Fatal(err)
	}
	s := rep.Summary
	for name, v := range map[string]*float64{"recall": s.ClaimRecall, "precision": s.ClaimPrecision, "status": s.StatusAccuracy,
		"origins": s.OriginCountAccuracy, "deniers": s.DenialAccuracy, "stance": s.StanceAccuracy, "chains": s.ChainAccuracy,
		"flags": s.FlagAccuracy, "off-story": s.OffstoryArticleAccuracy} {
		if v == nil || *v != 1 {
			t.Errorf("%s = %v, want 1", name, v)
		}
	}
	if s.FalseMerges+s.FalseCorroboration+s.Splits+s.ImpureMatches+s.LedgerClaimsUnmatched != 0 {
		t.Errorf("perfect ledger has errors: %+v", s)
	}
}

func TestEmptyScoresZero(t *testing.T) {
	rep, err := Run(context.Background(), stories, caseSource(t, "testdata/cases/empty"))
	if err != nil {
		t.Fatal(err)
	}
	s := rep.Summary
	if *s.ClaimRecall != 0 || *s.ChainAccuracy != 0 || *s.StanceAccuracyAll != 0 || s.ClaimPrecision != nil {
		t.Errorf("empty ledger: %+v", s)
	}
}

func TestMissingLedgerScoresEmpty(t *testing.T) {
	rep, err := Run(context.Background(), stories, Files(t.TempDir()))
	if err != nil {
		t.Fatal(err)
	}
	if rep.Summary.LedgersUnreadable != 1 || *rep.Summary.ClaimRecall != 0 || rep.Stories[0].LedgerError == nil {
		t.Errorf("missing ledger: %+v", rep.Summary)
	}
}

// TestBadGold: a malformed gold.json is named with its problem and left
// out; the other stories still score.
func TestBadGold(t *testing.T) {
	good, err := os.ReadFile(filepath.Join(stories, "01-harbour", "gold.json"))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ name, gold, want string }{
		{"syntax", `{"story": "x", "claims": [`, "not a ledger-gold/v1 gold ledger"},
		{"status", strings.Replace(string(good), `"status": "contested"`, `"status": "disputed"`, 1), `status "disputed"`},
		{"stance", strings.Replace(string(good), `"03-harbour-column.txt": "absent", "04-fishing-fair.txt": "absent"},
   "chains": {}, "note": "unnamed`, `"04-fishing-fair.txt": "absent"},
   "chains": {}, "note": "unnamed`, 1), "no stance for article 03-harbour-column.txt"},
		{"pair", strings.Replace(string(good), `"b": "g4"`, `"b": "g9"`, 1), "names an unknown claim"},
		{"chain", strings.Replace(string(good), `"chains": {"02-coast-daily.txt": [`, `"chains": {"02-coast-daily.txt": 7, "x": [`, 1), "chains: 02-coast-daily.txt"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if c.gold == string(good) {
				t.Fatal("the test's edit did not apply")
			}
			dir := t.TempDir()
			for name, data := range map[string]string{"01-good": string(good), "02-bad": c.gold} {
				if err := os.MkdirAll(filepath.Join(dir, name), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(filepath.Join(dir, name, "gold.json"), []byte(data), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			rep, err := Run(context.Background(), dir, caseSource(t, "testdata/cases/perfect"))
			if err != nil {
				t.Fatal(err)
			}
			if len(rep.Errors) != 1 || !strings.Contains(rep.Errors[0], filepath.Join("02-bad", "gold.json")) ||
				!strings.Contains(rep.Errors[0], c.want) {
				t.Errorf("errors = %q, want one naming 02-bad/gold.json and %q", rep.Errors, c.want)
			}
			if len(rep.Stories) != 1 || *rep.Summary.ClaimRecall != 1 {
				t.Errorf("the good story did not score: %+v", rep.Summary)
			}
		})
	}
}

func TestNoStories(t *testing.T) {
	if _, err := Run(context.Background(), t.TempDir(), Files(t.TempDir())); err == nil || !strings.Contains(err.Error(), "no NN-slug/gold.json") {
		t.Errorf("err = %v", err)
	}
}

func TestCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Run(ctx, stories, caseSource(t, "testdata/cases/perfect")); !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}

func TestNormalise(t *testing.T) {
	for in, want := range map[string]string{
		"Forty-six thousand people":       "46000 people",
		"12,000 and 1,234,567":            "12000 and 1234567",
		"seventeen boats, eighty-eight":   "17 boats, 88",
		"rates rose 5 per cent (5%)":      "rates rose 5 percent (5 percent)",
		"a 4.2m fine, 2bn pledge":         "a 4.2 million fine, 2 billion pledge",
		"someone, oneself, three hundred": "someone, oneself, 300",
		"Zoë’s twelve":                    "zo_'s 12",
	} {
		if got := normalise(in); got != want {
			t.Errorf("normalise(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestStemAndContent(t *testing.T) {
	for in, want := range map[string]string{
		"evacuations": "evacuat", "evacuated": "evacuat", "payments": "payment", "injuries": "injury",
		"warning": "warn", "ties": "tie", "closed": "clos", "2400": "2400", "house": "hous",
	} {
		if got := stem(in); got != want {
			t.Errorf("stem(%q) = %q, want %q", in, got, want)
		}
	}
	got := content("The minister said 1 of the two reports was wrong")
	var words []string
	for w := range got {
		words = append(words, w)
	}
	slices.Sort(words)
	if strings.Join(words, " ") != "2 minister wrong" {
		t.Errorf("content = %v", words)
	}
}

func TestSimilarityAndKeys(t *testing.T) {
	tg := newTarget("g1", "Eight thousand residents were evacuated", []string{"8,000 people had to leave"}, []string{"evacuat", "leave"})
	if v := tg.sim("Some 8000 residents were evacuated on Sunday"); v < Threshold {
		t.Errorf("paraphrase sim %.2f, want ≥ %.2f", v, Threshold)
	}
	if v := tg.sim("Eight thousand residents stayed home"); v != 0 {
		t.Errorf("text failing the key: sim %.2f, want 0", v)
	}
	if !keyOK([]string{"the fire"}, "fires spread") || keyOK([]string{"dam burst"}, "the dam held") {
		t.Error("key phrases: want prefix matches and all words")
	}
	if !nameMatch(Names{"Velm Harbour Authority", "harbour authority"}, "the Harbour Authority of Velm") ||
		nameMatch(Names{"Velm police"}, "police") {
		t.Error("names: want all words of one alias in the name")
	}
}
