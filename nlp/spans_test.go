package nlp

import (
	"context"
	"reflect"
	"testing"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/internal/synth"
)

// TestInSpan compares TokensIn, EntitiesIn and QuantitiesIn, which search,
// with walks over the whole document, on every sentence of a story and on
// spans cutting through tokens.
func TestInSpan(t *testing.T) {
	an, err := NewAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	doc, err := an.Analyze(context.Background(), &claimtrail.Article{Text: string(synth.Story(5, 20_000))})
	if err != nil {
		t.Fatal(err)
	}
	var spans []claimtrail.Span
	for _, s := range doc.Sentences {
		spans = append(spans, s.Span, claimtrail.Span{Start: s.Start + 3, End: s.End - 2}, claimtrail.Span{Start: s.Start, End: s.Start})
	}
	for _, sp := range spans {
		var toks []Token
		var ents []Entity
		var qs []Quantity
		for _, x := range doc.Tokens {
			if sp.Contains(x.Span) {
				toks = append(toks, x)
			}
		}
		for _, x := range doc.Entities {
			if sp.Contains(x.Span) {
				ents = append(ents, x)
			}
		}
		for _, x := range doc.Quantities {
			if sp.Contains(x.Span) {
				qs = append(qs, x)
			}
		}
		if got := doc.TokensIn(sp); len(got)+len(toks) > 0 && !reflect.DeepEqual(got, toks) {
			t.Errorf("TokensIn(%v) = %v, want %v", sp, got, toks)
		}
		if got := doc.EntitiesIn(sp); !reflect.DeepEqual(got, ents) {
			t.Errorf("EntitiesIn(%v) = %v, want %v", sp, got, ents)
		}
		if got := doc.QuantitiesIn(sp); !reflect.DeepEqual(got, qs) {
			t.Errorf("QuantitiesIn(%v) = %v, want %v", sp, got, qs)
		}
	}
}
