package story

import (
	"context"
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/nlp"
)

// asideView analyses one invented sentence as an article and returns the
// view of a statement whose content is the whole sentence, or the part in
// [brackets], in the article's own voice.
func asideView(t *testing.T, a *nlp.Analyzer, text string) (*claimtrail.Statement, *nlp.Document) {
	t.Helper()
	content := claimtrail.Span{Start: 0, End: len(text)}
	if lo, hi := strings.Index(text, "["), strings.Index(text, "]"); lo >= 0 && hi > lo {
		text = text[:lo] + text[lo+1:hi] + text[hi+1:]
		content = claimtrail.Span{Start: lo, End: hi - 1}
	}
	art := &claimtrail.Article{ID: "a1", Text: text + "."}
	d, err := a.Analyze(context.Background(), art)
	if err != nil {
		t.Fatal(err)
	}
	st := &claimtrail.Statement{Article: "a1", Content: content, Polarity: claimtrail.Asserts,
		Chain: []claimtrail.Source{{Name: "Orm Courier", Kind: claimtrail.KindOutlet}}}
	return st, d
}

// TestAsideSignals runs every example of the signal table: each "yes"
// statement must fire its signal, each "no" statement must not.
func TestAsideSignals(t *testing.T) {
	a, err := nlp.NewAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range asideSignals {
		for _, text := range s.yes {
			st, d := asideView(t, a, text)
			if !s.test(viewOf(st, d)) {
				t.Errorf("%s: %q does not fire", s.name, text)
			}
		}
		for _, text := range s.no {
			st, d := asideView(t, a, text)
			if s.test(viewOf(st, d)) {
				t.Errorf("%s: %q fires, want not", s.name, text)
			}
		}
	}
}

// TestAsideKinds checks whole statements: the kind the table gives, and
// that claims to check (events, figures, who-did-what, decisions) are no
// asides, a figure vetoing every signal.
func TestAsideKinds(t *testing.T) {
	a, err := nlp.NewAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	for text, want := range map[string]string{
		"It's a brave but reckless plan":                              "opinion",
		"The harbour authority should publish every inspection":       "advice",
		"We are heartbroken by what happened":                         "feeling",
		"The inquiry will reconvene in May":                           "procedure",
		"The closure could hurt the town's shops":                     "prediction",
		"The ferry sank off Portvale on Friday":                       "",
		"The minister said the bridge had failed an inspection":       "",
		"Two crew members are missing":                                "",
		"The company has agreed to pay 40 percent less for the drug":  "",
		"The harbour authority should pay 12 million in compensation": "",
		"Police arrested three men near the depot":                    "",
		"What a waste of the harbour fund":                            "opinion",
		"The tenants of the estate deserve better":                    "opinion",
		"A reporter in Portvale contributed to this article":          "procedure",
		"The tenants of the estate received a refund":                 "",
	} {
		st, d := asideView(t, a, text)
		if got, _ := asideOf(st, d); got != want {
			t.Errorf("%q: aside %q, want %q", text, got, want)
		}
	}
}

// TestAsideKindClaim checks that a claim is an aside only when all its
// statements are, and never when one denies.
func TestAsideKindClaim(t *testing.T) {
	a, err := nlp.NewAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	text := "It is a shameful decision. The council closed the library on Monday."
	d, err := a.Analyze(context.Background(), &claimtrail.Article{ID: "a1", Text: text})
	if err != nil {
		t.Fatal(err)
	}
	docs := map[string]*nlp.Document{"a1": d}
	opinion := claimtrail.Statement{Article: "a1", Content: claimtrail.Span{Start: 0, End: 25}, Polarity: claimtrail.Asserts}
	fact := claimtrail.Statement{Article: "a1", Content: claimtrail.Span{Start: 27, End: len(text) - 1}, Polarity: claimtrail.Asserts}
	if k := asideKind(&claimtrail.Claim{Statements: []claimtrail.Statement{opinion}}, docs); k != "opinion" {
		t.Errorf("opinion alone: %q, want opinion", k)
	}
	if k := asideKind(&claimtrail.Claim{Statements: []claimtrail.Statement{opinion, fact}}, docs); k != "" {
		t.Errorf("opinion with a fact: %q, want a claim to check", k)
	}
	denial := opinion
	denial.Polarity = claimtrail.Denies
	if k := asideKind(&claimtrail.Claim{Statements: []claimtrail.Statement{denial}}, docs); k != "" {
		t.Errorf("a denial: %q, want a claim to check", k)
	}
}

// BenchmarkAsideKind measures the check-worthiness signals over the
// statements of one invented article (trees parsed once, as in analyze).
func BenchmarkAsideKind(b *testing.B) {
	a, err := nlp.NewAnalyzer()
	if err != nil {
		b.Fatal(err)
	}
	text := "The council closed the library on Monday. It is a shameful decision. " +
		"Residents should write to their councillors. The committee will meet again in June. " +
		"The closure could hurt the town's schools."
	d, err := a.Analyze(context.Background(), &claimtrail.Article{ID: "a1", Text: text})
	if err != nil {
		b.Fatal(err)
	}
	docs := map[string]*nlp.Document{"a1": d}
	claims := make([]claimtrail.Claim, len(d.Sentences))
	for i, s := range d.Sentences {
		claims[i].Statements = []claimtrail.Statement{{Article: "a1", Content: s.Span, Polarity: claimtrail.Asserts}}
	}
	for i := range claims {
		asideKind(&claims[i], docs) // load the parser's model and parse, outside the timing
	}
	for b.Loop() {
		for i := range claims {
			asideKind(&claims[i], docs)
		}
	}
}

// TestGuardedAsides checks that a guarded signal (a fragment, an inverted
// question) sets a claim apart only when nothing leans on it: a statement
// on a source's word, a second article, or a denial keeps it a claim to
// check, so its relay chain and its contest stay in the ledger.
func TestGuardedAsides(t *testing.T) {
	a, err := nlp.NewAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	text := "Seeing a lorry near the depot at midnight."
	docs := map[string]*nlp.Document{}
	for _, id := range []string{"a1", "a2"} {
		d, err := a.Analyze(context.Background(), &claimtrail.Article{ID: id, Text: text})
		if err != nil {
			t.Fatal(err)
		}
		docs[id] = d
	}
	outlet := claimtrail.Source{Name: "Ombry Courier", Kind: claimtrail.KindOutlet}
	own := claimtrail.Statement{Article: "a1", Content: claimtrail.Span{Start: 0, End: len(text) - 1},
		Polarity: claimtrail.Asserts, Chain: []claimtrail.Source{outlet}}
	sourced := own
	sourced.Chain = []claimtrail.Source{outlet, {Name: "two guards", Kind: claimtrail.KindAnonymous}}
	other := own
	other.Article = "a2"
	for name, tc := range map[string]struct {
		c    claimtrail.Claim
		want string
	}{
		"own voice, one article": {claimtrail.Claim{Statements: []claimtrail.Statement{own}}, "fragment"},
		"on a source's word":     {claimtrail.Claim{Statements: []claimtrail.Statement{sourced}}, ""},
		"in two articles":        {claimtrail.Claim{Statements: []claimtrail.Statement{own, other}}, ""},
		"denied":                 {claimtrail.Claim{Statements: []claimtrail.Statement{own}, DeniedBy: []claimtrail.Source{outlet}}, ""},
	} {
		if got := asideKind(&tc.c, docs); got != tc.want {
			t.Errorf("%s: aside %q, want %q", name, got, tc.want)
		}
	}
}

// TestNothingNamedOnASourcesWord checks that a content naming nothing (a
// cue's date read as its content) is set apart even on a source's word,
// where a guarded fragment would stay, and that a denial still keeps it.
func TestNothingNamedOnASourcesWord(t *testing.T) {
	a, err := nlp.NewAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	text := "The Ombry council confirmed on Monday."
	d, err := a.Analyze(context.Background(), &claimtrail.Article{ID: "a1", Text: text})
	if err != nil {
		t.Fatal(err)
	}
	docs := map[string]*nlp.Document{"a1": d}
	start := strings.Index(text, "on Monday")
	sourced := claimtrail.Statement{Article: "a1", Content: claimtrail.Span{Start: start, End: start + len("on Monday")},
		Cue: claimtrail.Span{Start: 17, End: 26}, Polarity: claimtrail.Asserts,
		Chain: []claimtrail.Source{{Name: "Ombry Courier", Kind: claimtrail.KindOutlet}, {Name: "Ombry council", Kind: claimtrail.KindOfficial}}}
	if got := asideKind(&claimtrail.Claim{Statements: []claimtrail.Statement{sourced}}, docs); got != "fragment" {
		t.Errorf("on a source's word: aside %q, want fragment", got)
	}
	denied := sourced
	denied.Polarity = claimtrail.Denies
	if got := asideKind(&claimtrail.Claim{Statements: []claimtrail.Statement{denied}}, docs); got != "" {
		t.Errorf("denied: aside %q, want a claim to check", got)
	}
}
