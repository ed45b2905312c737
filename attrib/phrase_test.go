package attrib

import (
	"context"
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/attrib/seq"
	"github.com/claimtrail/claimtrail/nlp"
)

// TestPhrase checks when a labeller attribution whose content is a noun
// phrase passes the clause check under CombinePhrases.
func TestPhrase(t *testing.T) {
	an, err := nlp.NewAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		text, source, cue, content string
		want                       bool
	}{
		{"Supporters have questioned the health of the candidate.", "Supporters", "have questioned", "the health of the candidate", true},
		{"The mayor has endorsed Anna Berg.", "The mayor", "has endorsed", "Anna Berg", true},
		{"The roof failed a test in May, before the council allowed it to reopen.", "the council", "allowed", "it to reopen", false},
		{"Tom Holm welcomed Anna Berg to the meeting on the repairs.", "Tom Holm", "welcomed", "Anna Berg to the meeting on the repairs", false},
		{"Customers should be wary of fake invoices.", "Customers", "should be wary of", "fake invoices", false},
		{"The paper said so, citing a person familiar with the talks.", "The paper", "citing", "a person familiar with the talks", false},
	} {
		t.Run(tc.text, func(t *testing.T) {
			art := claimtrail.Article{ID: "a1", Outlet: "Test Wire", Text: "Headline\n\n" + tc.text}
			doc, err := an.Analyze(context.Background(), &art)
			if err != nil {
				t.Fatal(err)
			}
			at := func(s string) claimtrail.Span {
				i := strings.Index(art.Text, s)
				if i < 0 {
					t.Fatalf("no %q", s)
				}
				return claimtrail.Span{Start: i, End: i + len(s)}
			}
			r := newReader(doc)
			m, ok := r.readModel(seq.Attribution{Source: at(tc.source), Cue: at(tc.cue), Content: at(tc.content)})
			if !ok {
				t.Fatal("spans not read")
			}
			m.phrases = true
			if got := m.phrase(); got != tc.want {
				t.Errorf("phrase() = %v, want %v", got, tc.want)
			}
		})
	}
}

// TestClausePhrase checks which source phrases are clauses, not names.
func TestClausePhrase(t *testing.T) {
	an, err := nlp.NewAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		phrase string
		want   bool
	}{
		{"harbour logs kept by the port over the past month have listed the vessels", true},
		{"the inspectors found cracks in the wall", true},
		{"officials who have seen the file", false},
		{"a person familiar with what happened", false},
		{"survivors it had interviewed in Orlen", false},
		{"the council in May last year", false},
		{"local news reports", false},
	} {
		t.Run(tc.phrase, func(t *testing.T) {
			art := claimtrail.Article{ID: "a1", Outlet: "Test Wire", Text: "Headline\n\n" + tc.phrase + " said the pier was shut."}
			doc, err := an.Analyze(context.Background(), &art)
			if err != nil {
				t.Fatal(err)
			}
			toks := doc.SentenceTokens(len(doc.Sentences) - 1)
			n := len(strings.Fields(tc.phrase))
			if got := clausePhrase(toks, 0, n); got != tc.want {
				t.Errorf("clausePhrase = %v, want %v", got, tc.want)
			}
		})
	}
}
