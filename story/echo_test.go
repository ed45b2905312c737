package story

import (
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail"
)

// TestEchoedQuotes: one unnamed source quoted in the same words by a
// paper that names the outlet it came from and by one that does not is
// one origin; unnamed sources saying the same in other words, or both on
// their own outlets' account, stay apart.
func TestEchoedQuotes(t *testing.T) {
	quote := "Nobody in the room saw it coming and the promoters were left speechless"
	mk := func(article, outlet string, via string, text string) claimtrail.Statement {
		chain := []claimtrail.Source{{Name: outlet, Kind: claimtrail.KindOutlet}}
		if via != "" {
			chain = append(chain, claimtrail.Source{Name: via, Kind: claimtrail.KindOutlet})
		}
		chain = append(chain, claimtrail.Source{Name: "a source", Kind: claimtrail.KindAnonymous})
		return claimtrail.Statement{Article: article, Chain: chain, Polarity: claimtrail.Asserts,
			Content: claimtrail.Span{Start: 0, End: len(text)}}
	}
	cases := []struct {
		name  string
		texts map[string]string
		stmts []claimtrail.Statement
		want  int
	}{
		{"echoed through the Courier", map[string]string{"a1": quote, "a2": quote + "."},
			[]claimtrail.Statement{mk("a1", "Daily Post", "", quote), mk("a2", "Evening Star", "Courier", quote+".")}, 1},
		{"trimmed copy", map[string]string{"a1": "Nobody in the room saw it coming, and the promoters were speechless", "a2": quote},
			[]claimtrail.Statement{mk("a1", "Daily Post", "", "Nobody in the room saw it coming, and the promoters were speechless"), mk("a2", "Evening Star", "Courier", quote)}, 1},
		{"own words", map[string]string{"a1": "The promoters had no idea the singer would refuse the offer", "a2": quote},
			[]claimtrail.Statement{mk("a1", "Daily Post", "", "The promoters had no idea the singer would refuse the offer"), mk("a2", "Evening Star", "Courier", quote)}, 2},
		{"both their own", map[string]string{"a1": quote, "a2": quote},
			[]claimtrail.Statement{mk("a1", "Daily Post", "", quote), mk("a2", "Evening Star", "", quote)}, 2},
	}
	for _, c := range cases {
		var b Builder
		got := b.origins(c.stmts, map[string][]string{}, map[string]string{}, map[string]string{}, c.texts)
		if len(got) != c.want {
			t.Errorf("%s: origins %v, want %d", c.name, got, c.want)
		}
		if c.want == 1 && len(got) == 1 && got[0].Name != "a source (Courier)" {
			t.Errorf("%s: origin %q, want the Courier's source", c.name, got[0].Name)
		}
	}
}

// TestCreditedOrigins: what a credited copy states in its own voice, and
// what its uncredited near-copy states, has the credited wire as its one
// origin; the copy's unnamed sources are the wire's.
func TestCreditedOrigins(t *testing.T) {
	own := func(article, outlet string) claimtrail.Statement {
		return claimtrail.Statement{Article: article, Polarity: claimtrail.Asserts,
			Chain: []claimtrail.Source{{Name: outlet, Kind: claimtrail.KindOutlet}}}
	}
	anon := own("a3", "Evening Star")
	anon.Chain = append(anon.Chain, claimtrail.Source{Name: "port sources", Kind: claimtrail.KindAnonymous})
	b := Builder{CreditOf: map[string]string{"a1": "Tarn Wire"}, CopyOf: map[string]string{"a2": "a1"}}
	outlets := map[string]string{"a1": "Daily Post", "a2": "Harbour Times", "a3": "Evening Star"}
	got := b.origins([]claimtrail.Statement{own("a1", "Daily Post"), own("a2", "Harbour Times")}, map[string][]string{}, outlets, map[string]string{}, map[string]string{})
	if len(got) != 1 || got[0].Name != "Tarn Wire" {
		t.Errorf("origins %v, want Tarn Wire alone", got)
	}
	b.CreditOf["a3"] = "Tarn Wire"
	got = b.origins([]claimtrail.Statement{anon}, map[string][]string{}, outlets, map[string]string{}, map[string]string{})
	if len(got) != 1 || got[0].Name != "port sources (Tarn Wire)" {
		t.Errorf("origins %v, want the wire's sources", got)
	}
}

// TestCopiedSentences: a second article that repeats an earlier one's
// whole sentence about an unnamed source, with the wire's name stripped,
// is a copy: one origin. The same content told in a sentence of its own
// stays a second origin.
func TestCopiedSentences(t *testing.T) {
	copied := "A deckhand who asked not to be named said the bilge pumps on the Varrow Gull had failed twice in March."
	own := "A deckhand on the Varrow Gull, speaking on condition of anonymity, told us the bilge pumps had failed twice in March."
	mk := func(article, outlet, text string) claimtrail.Statement {
		chain := []claimtrail.Source{{Name: outlet, Kind: claimtrail.KindOutlet}, {Name: "deckhand", Kind: claimtrail.KindAnonymous}}
		i := strings.Index(text, "the bilge")
		if i < 0 {
			i = strings.Index(text, "bilge")
		}
		return claimtrail.Statement{Article: article, Chain: chain, Polarity: claimtrail.Asserts,
			Content: claimtrail.Span{Start: i, End: len(text) - 1}, Sentence: claimtrail.Span{Start: 0, End: len(text)}}
	}
	cases := []struct {
		name string
		a2   string
		want int
	}{
		{"copied", copied, 1},
		{"copied, one word changed", strings.Replace(copied, "twice", "two times", 1), 1},
		{"told in its own sentence", own, 2},
	}
	for _, c := range cases {
		var b Builder
		texts := map[string]string{"a1": copied, "a2": c.a2}
		stmts := []claimtrail.Statement{mk("a1", "Tesk Wire", copied), mk("a2", "Morrow Evening Post", c.a2)}
		got := b.origins(stmts, map[string][]string{}, map[string]string{}, map[string]string{}, texts)
		if len(got) != c.want {
			t.Errorf("%s: origins %v, want %d", c.name, got, c.want)
		}
	}
}
