package attrib

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/attrib/seq"
	"github.com/claimtrail/claimtrail/load"
	"github.com/claimtrail/claimtrail/nlp"
)

// wantStatement is one expected statement of a testdata case.
type wantStatement struct {
	Polarity string   `json:"polarity"`
	Chain    []string `json:"chain"`
	Cue      string   `json:"cue"`
	Content  string   `json:"content"`
	Hedges   []string `json:"hedges"`
}

// TestCases runs every testdata/<case>: article.txt (loaded as a .txt with
// no title line, so the whole file is body) against want.json, which lists
// the statements expected in order. Each case runs three ways, which must
// agree, unless want.<mode>.json gives a mode its own expectation: as
// analyze runs it (the rules with the embedded labeller, analysis
// tagging only what the rules ask for), the rules alone on the same
// analysis, and the rules alone with every sentence tagged.
func TestCases(t *testing.T) {
	dirs, err := filepath.Glob(filepath.Join("testdata", "*"))
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no test cases: %v", err)
	}
	lazy, err := nlp.NewAnalyzer(nlp.TagOnly(NeedsTags))
	if err != nil {
		t.Fatal(err)
	}
	full, err := nlp.NewAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	m, err := seq.Default()
	if err != nil {
		t.Fatal(err)
	}
	modes := []struct {
		name string
		an   *nlp.Analyzer
		x    *Extractor
	}{
		{"default", lazy, New().WithModel(m, lazy)},
		{"rules", lazy, New()},
		{"rules-tagged", full, New()},
	}
	for _, dir := range dirs {
		for _, mode := range modes {
			t.Run(filepath.Base(dir)+"/"+mode.name, func(t *testing.T) {
				want := readWant(t, dir, mode.name)
				got := extractWith(t, mode.an, mode.x, filepath.Join(dir, "article.txt"), want.Outlet)
				text := got.text
				if len(got.stmts) != len(want.Statements) {
					t.Errorf("%d statements, want %d:\n%s", len(got.stmts), len(want.Statements), describe(got.stmts, text))
				}
				for i := 0; i < len(got.stmts) && i < len(want.Statements); i++ {
					checkStatement(t, i, got.stmts[i], want.Statements[i], text)
				}
			})
		}
	}
}

// caseWant is a testdata case's want.json.
type caseWant struct {
	Outlet     string          `json:"outlet"`
	Statements []wantStatement `json:"statements"`
}

// readWant reads want.<mode>.json when the case has one, else want.json.
func readWant(t *testing.T, dir, mode string) caseWant {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(dir, "want."+mode+".json"))
	if errors.Is(err, os.ErrNotExist) {
		raw, err = os.ReadFile(filepath.Join(dir, "want.json"))
	}
	if err != nil {
		t.Fatal(err)
	}
	var want caseWant
	if err := json.Unmarshal(raw, &want); err != nil {
		t.Fatalf("%s: %v", dir, err)
	}
	return want
}

type extracted struct {
	text  string
	stmts []claimtrail.Statement
}

func extractWith(t *testing.T, an *nlp.Analyzer, x *Extractor, path, outlet string) extracted {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	// A first line so that load.Text keeps the whole case as body.
	art, err := load.Text(path, append([]byte("Test case\n\n"), data...))
	if err != nil {
		t.Fatal(err)
	}
	art.ID, art.Outlet = "a1", outlet
	doc, err := an.Analyze(context.Background(), &art)
	if err != nil {
		t.Fatal(err)
	}
	return extracted{text: art.Text, stmts: x.Extract(doc)}
}

func checkStatement(t *testing.T, i int, st claimtrail.Statement, want wantStatement, text string) {
	t.Helper()
	var chain []string
	for _, s := range st.Chain {
		chain = append(chain, s.Name)
	}
	if got := strings.Join(chain, " ← "); got != strings.Join(want.Chain, " ← ") {
		t.Errorf("statement %d chain = %s, want %s", i, got, strings.Join(want.Chain, " ← "))
	}
	if string(st.Polarity) != want.Polarity {
		t.Errorf("statement %d polarity = %s, want %s", i, st.Polarity, want.Polarity)
	}
	if got := st.Cue.In(text); got != want.Cue {
		t.Errorf("statement %d cue = %q, want %q", i, got, want.Cue)
	}
	if got := st.Content.In(text); got != want.Content {
		t.Errorf("statement %d content = %q, want %q", i, got, want.Content)
	}
	for _, h := range want.Hedges {
		found := false
		for _, g := range st.Hedges {
			found = found || g == h
		}
		if !found {
			t.Errorf("statement %d hedges = %v, want %q among them", i, st.Hedges, h)
		}
	}
	if !st.Sentence.Contains(st.Content) && st.Sentence.Start > st.Content.Start {
		t.Errorf("statement %d content %v lies outside its sentence %v", i, st.Content, st.Sentence)
	}
}

func describe(stmts []claimtrail.Statement, text string) string {
	var b strings.Builder
	for _, st := range stmts {
		var chain []string
		for _, s := range st.Chain {
			chain = append(chain, s.Name+"/"+string(s.Kind))
		}
		b.WriteString("  " + string(st.Polarity) + " [" + strings.Join(chain, " ← ") + "] cue=" + st.Cue.In(text) + " content=" + st.Content.In(text) + "\n")
	}
	return b.String()
}

// TestSourceKinds checks how sources are typed.
func TestSourceKinds(t *testing.T) {
	an, err := nlp.NewAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		text string
		kind claimtrail.SourceKind
	}{
		{"Reuters reported that the mine had closed.", claimtrail.KindOutlet},
		{"Top intelligence sources said the mine had closed.", claimtrail.KindAnonymous},
		{"The foreign ministry said the mine had closed.", claimtrail.KindOfficial},
		{"President Anna Kovac said the mine had closed.", claimtrail.KindPerson},
		{"Intelligence inputs cited by the agency suggest that the mine had closed.", claimtrail.KindDocument},
		{"The Tarsel Valley Observer reported that the mine had closed.", claimtrail.KindOutlet},
		{"Dunvale's civil protection agency said the mine had closed.", claimtrail.KindOfficial},
		{"The Kesh Ardan newspaper said the mine had closed.", claimtrail.KindOutlet},
	}
	for _, c := range cases {
		art := claimtrail.Article{ID: "a1", Outlet: "Test Wire", Text: c.text}
		doc, err := an.Analyze(context.Background(), &art)
		if err != nil {
			t.Fatal(err)
		}
		stmts := New().Extract(doc)
		if len(stmts) != 1 {
			t.Errorf("%q: %d statements, want 1", c.text, len(stmts))
			continue
		}
		if got := stmts[0].Speaker().Kind; got != c.kind {
			t.Errorf("%q: speaker %+v, want kind %s", c.text, stmts[0].Speaker(), c.kind)
		}
	}
}

// TestBodyCompounds runs every example of bodyCompounds: each names a
// public body whose head alone would name an unnamed person, and the
// head alone ("a guard said") stays anonymous.
func TestBodyCompounds(t *testing.T) {
	an, err := nlp.NewAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	speaker := func(text string) claimtrail.Source {
		art := claimtrail.Article{ID: "a1", Outlet: "Test Wire", Text: text}
		doc, err := an.Analyze(context.Background(), &art)
		if err != nil {
			t.Fatal(err)
		}
		stmts := New().Extract(doc)
		if len(stmts) != 1 {
			t.Fatalf("%q: %d statements, want 1", text, len(stmts))
		}
		return stmts[0].Speaker()
	}
	for _, c := range bodyCompounds {
		if !anonymousHeads[c.head] {
			t.Errorf("%s %s: the head is no anonymous head, the entry changes nothing", c.modifier, c.head)
		}
		if got := speaker(upperFirst(c.example) + "."); got.Kind != claimtrail.KindOfficial {
			t.Errorf("%q: speaker %+v, want an official body", c.example, got)
		}
	}
	if got := speaker("A guard said the door had been left open."); got.Kind != claimtrail.KindAnonymous {
		t.Errorf("a guard: speaker %+v, want anonymous", got)
	}
}

func upperFirst(s string) string { return strings.ToUpper(s[:1]) + s[1:] }

// TestNoStatementsInHeadingsOrNoise checks that text without a cue or a
// name makes no statement.
func TestNoStatementsInHeadingsOrNoise(t *testing.T) {
	an, err := nlp.NewAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{"A covert pact under western watch", "It was a cold and windy day.", "", "!!! ??? ..."} {
		art := claimtrail.Article{ID: "a1", Outlet: "Test Wire", Text: text}
		doc, err := an.Analyze(context.Background(), &art)
		if err != nil {
			t.Fatal(err)
		}
		if got := New().Extract(doc); len(got) != 0 {
			t.Errorf("%q gave %d statements, want none", text, len(got))
		}
	}
}

// TestAddresseeEnd: the addressee of "told" ends with its name, and the
// time or place phrase after it is skipped before the rest of the
// sentence, not taken into the name ("told Halvik Radio on Tuesday").
func TestAddresseeEnd(t *testing.T) {
	an, err := nlp.NewAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		text, after, name, rest string
	}{
		{"Two officials told Halvik Radio on Tuesday.", "Two officials told", "Halvik Radio", "Halvik Radio on Tuesday"},
		{"The pier will close, two officials told the Jory Courier in Varrow.", "The pier will close , two officials told", "the Jory Courier", "the Jory Courier in Varrow"},
		{"Two officials told reporters in Varrow that the pier would close.", "Two officials told", "reporters", "reporters in Varrow"},
	} {
		doc, err := an.Analyze(context.Background(), &claimtrail.Article{ID: "a1", Outlet: "Test Wire", Text: tc.text})
		if err != nil {
			t.Fatal(err)
		}
		toks := doc.SentenceTokens(0)
		at := len(strings.Fields(tc.after))
		name, rest := addresseeEnd(toks, at, len(toks))
		words := func(hi int) string { return tc.text[toks[at].Start:toks[hi-1].End] }
		if words(name) != tc.name || words(rest) != tc.rest {
			t.Errorf("%q: name %q, rest from %q; want %q, %q", tc.text, words(name), words(rest), tc.name, tc.rest)
		}
	}
}
