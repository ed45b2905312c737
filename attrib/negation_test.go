package attrib

import (
	"context"
	"testing"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/nlp"
)

// TestNegationShapes runs every example of negationShapes: its content
// must not read as negated, and the shape must be the one that says so;
// the controls are negations that deny and must stay negated.
func TestNegationShapes(t *testing.T) {
	an, err := nlp.NewAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	read := func(t *testing.T, text string) []nlp.Token {
		t.Helper()
		art := claimtrail.Article{ID: "a1", Outlet: "Test Wire", Text: "Headline\n\n" + text + "."}
		doc, err := an.Analyze(context.Background(), &art)
		if err != nil {
			t.Fatal(err)
		}
		toks := doc.TokensIn(claimtrail.Span{Start: len("Headline\n\n"), End: len(art.Text) - 1})
		if len(toks) == 0 {
			t.Fatal("no tokens")
		}
		return toks
	}
	for _, s := range negationShapes {
		for _, ex := range s.examples {
			t.Run(s.name+"/"+ex, func(t *testing.T) {
				toks := read(t, ex)
				q := make([]bool, len(toks))
				if negated(toks, q, 0, len(toks)) {
					t.Errorf("negated(%q) = true, want false", ex)
				}
				found := false
				for k := range toks {
					if negators[lower(toks[k])] && notDenying(toks, 0, k, len(toks)) == s.name {
						found = true
					}
				}
				if !found {
					t.Errorf("no negator of %q has shape %q", ex, s.name)
				}
			})
		}
	}
	for _, ex := range []string{
		"she was not cast in the role",
		"no agreement had been reached",
		"he did not go, because he was ill",
		"nobody went",
		"the company has not decided anything, and it will never sell the plant",
		"the army had not confirmed the plan, which never existed",
		"the ferry did not sail and did not return",
		"the mayor said nothing and the council never met",
	} {
		t.Run("control/"+ex, func(t *testing.T) {
			toks := read(t, ex)
			if !negated(toks, make([]bool, len(toks)), 0, len(toks)) {
				t.Errorf("negated(%q) = false, want true", ex)
			}
		})
	}
}

// TestVerdictAdjectives: a verdict word before a noun judges a report only
// when the noun names one; before any other noun it describes a thing.
func TestVerdictAdjectives(t *testing.T) {
	an, err := nlp.NewAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	for text, want := range map[string]bool{
		"the couple were carrying false identity papers after crossing the border": false,
		"she had been travelling with a fake passport":                             false,
		"the report is false":                                               true,
		"this is fake news":                                                 true,
		"the article was a manufactured propaganda piece":                   true,
		"the claim is a fabrication":                                        true,
		"his fabrication was long known at the station":                     true,
		"officials were alerted to erroneous reports of a case in the city": true,
		"the rumour was described as a hoax by the ministry":                true,
	} {
		toks, tree := bodyTree(t, an, text)
		if got := verdict(toks, 0, len(toks), tree); got != want {
			t.Errorf("verdict(%q) = %v, want %v", text, got, want)
		}
	}
}

// TestMentionLinks runs every example of mentionLinks (a verdict word
// under such a link is mentioned, not given) and the controls, verdicts
// whose word climbs by other links, parser slips included.
func TestMentionLinks(t *testing.T) {
	an, err := nlp.NewAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range mentionLinks {
		for _, ex := range l.examples {
			t.Run(l.name+"/"+ex, func(t *testing.T) {
				toks, tree := bodyTree(t, an, ex)
				if verdict(toks, 0, len(toks), tree) {
					t.Errorf("verdict(%q) = true, want false", ex)
				}
			})
		}
	}
	for _, ex := range []string{
		"this was a false story from the start",
		"she is safe, and the rumours of her arrest are untrue",
		"the interview was a pack of lies",
		"the ministry called the account pure fabrication",
		"he insisted the account was false",
		"the account is wrong; it is a lie",
		"the minister's account was described as a hoax",
		"these rumours are absolutely, unequivocally and completely false",
		"stories of her resignation are lies told by rivals who want to weaken the party",
	} {
		toks, tree := bodyTree(t, an, ex)
		if !verdict(toks, 0, len(toks), tree) {
			t.Errorf("verdict(%q) = false, want true", ex)
		}
	}
}

// TestInPlaceVerdicts runs every example of inPlaceVerdicts: each is a
// verdict though a mention link lies above its verdict word.
func TestInPlaceVerdicts(t *testing.T) {
	an, err := nlp.NewAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range inPlaceVerdicts {
		for _, ex := range p.examples {
			t.Run(p.name+"/"+ex, func(t *testing.T) {
				toks, tree := bodyTree(t, an, ex)
				if !verdict(toks, 0, len(toks), tree) {
					t.Errorf("verdict(%q) = false, want true", ex)
				}
			})
		}
	}
}

// TestRelativeContent: a labeller content opening with a relative pronoun
// ("which the council says are the highest") is refused by the clause
// check; a content opening with a question word or a clause is not.
func TestRelativeContent(t *testing.T) {
	an, err := nlp.NewAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	for text, want := range map[string]bool{
		"which the Halvard council says are the highest in the region": true,
		"who had joined the firm in 2004":                              true,
		"Which port charges the most":                                  false,
		"the fees are the highest in the region":                       false,
	} {
		toks := bodyTokens(t, an, text)
		if got := relativeContent(toks, 0); got != want {
			t.Errorf("relativeContent(%q) = %v, want %v", text, got, want)
		}
	}
}

// TestCutShortEnd: a labeller content that ends on a subject pronoun runs
// on to the next punctuation mark, or to the cue when the cue follows; any
// other content keeps its end.
func TestCutShortEnd(t *testing.T) {
	an, err := nlp.NewAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	const text = "Neighbours believe she was already ill by the time she was admitted, the report said."
	art := claimtrail.Article{ID: "a1", Outlet: "Test Wire", Text: "Headline\n\n" + text}
	doc, err := an.Analyze(context.Background(), &art)
	if err != nil {
		t.Fatal(err)
	}
	toks := doc.SentenceTokens(len(doc.Sentences) - 1)
	at := func(w string, nth int) int {
		for k, tok := range toks {
			if tok.Text == w {
				if nth == 0 {
					return k
				}
				nth--
			}
		}
		t.Fatalf("no %q", w)
		return -1
	}
	for _, tc := range []struct {
		hi, want int
	}{
		{at("she", 1) + 1, at(",", 0)},      // "… by the time she" → "… was admitted"
		{at("admitted", 0) + 1, at(",", 0)}, // whole already
		{at("ill", 0) + 1, at("ill", 0) + 1},
	} {
		m := modelAtt{toks: toks, conToks: toks, conLo: at("she", 0), conHi: tc.hi, cueLo: at("believe", 0), cueHi: at("believe", 0) + 1}
		if got := m.cutShortEnd(); got != tc.want {
			t.Errorf("content ending at %d: end %d, want %d", tc.hi, got, tc.want)
		}
	}
}

// bodyTokens analyses text as the one body sentence of an article and
// returns its tokens without the closing full stop.
func bodyTokens(t *testing.T, an *nlp.Analyzer, text string) []nlp.Token {
	t.Helper()
	art := claimtrail.Article{ID: "a1", Outlet: "Test Wire", Text: "Headline\n\n" + text + "."}
	doc, err := an.Analyze(context.Background(), &art)
	if err != nil {
		t.Fatal(err)
	}
	return doc.TokensIn(claimtrail.Span{Start: len("Headline\n\n"), End: len(art.Text) - 1})
}

// bodyTree is bodyTokens with the tree of the text's sentence.
func bodyTree(t *testing.T, an *nlp.Analyzer, text string) ([]nlp.Token, *nlp.Tree) {
	t.Helper()
	art := claimtrail.Article{ID: "a1", Outlet: "Test Wire", Text: "Headline\n\n" + text + "."}
	doc, err := an.Analyze(context.Background(), &art)
	if err != nil {
		t.Fatal(err)
	}
	toks := doc.TokensIn(claimtrail.Span{Start: len("Headline\n\n"), End: len(art.Text) - 1})
	if len(toks) == 0 {
		t.Fatal("no tokens")
	}
	return toks, doc.Tree(doc.SentenceAt(toks[len(toks)-1].Start))
}

// TestVerdictOnReportNamed: an unattributed verdict on a report named by
// anaphora is read although it names no entity; a sentence that names a
// report without judging it, or judges a thing, is not.
func TestVerdictOnReportNamed(t *testing.T) {
	a, err := nlp.NewAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	for text, want := range map[string]bool{
		"That report was wrong.":                   true,
		"The earlier report was inaccurate.":       true,
		"Those claims are false, the police said.": true,
		"Such stories are simply untrue.":          true,
		"That report was published on Monday.":     false,
		"The figure was wrong.":                    false,
		"Wrong reports spread quickly.":            false,
	} {
		doc, err := a.Analyze(context.Background(), &claimtrail.Article{ID: "a1", Text: text})
		if err != nil {
			t.Fatal(err)
		}
		toks := doc.SentenceTokens(0)
		if got := verdictOnReportNamed(toks); got != want {
			t.Errorf("%q: %v, want %v", text, got, want)
		}
	}
}
