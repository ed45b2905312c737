package story

import (
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail"
)

// TestVariantRules checks each rule's own examples: the pair it keeps as
// one person and the pair it keeps apart.
func TestVariantRules(t *testing.T) {
	for _, r := range variantRules {
		if !variantSurnames(partyWords(r.same[0]), partyWords(r.same[1])) {
			t.Errorf("%q and %q: want one person", r.same[0], r.same[1])
		}
		if variantSurnames(partyWords(r.other[0]), partyWords(r.other[1])) {
			t.Errorf("%q and %q: want two people", r.other[0], r.other[1])
		}
	}
}

// TestVariantSurnames: a surname spelt two ways is one person; a guard of
// given names and first letters keeps different people apart.
func TestVariantSurnames(t *testing.T) {
	for _, c := range []struct {
		a, b string
		same bool
	}{
		{"Yasir Abdurra", "Adburra", true},           // two letters swapped
		{"Yasir Abdurra", "Yaser Abdura", true},      // one letter dropped, given names near
		{"Marta Kowalczyk", "Marta Kovalczyk", true}, // one letter changed
		{"Jeff Ostrom", "Mark Ostram", false},        // two given names
		{"Lina Barrow", "Lina Farrow", false},        // another first letter
		{"Eva Holm", "Eva Helm", false},              // too short to tell
		{"Rina Sandoval", "Rina Sandovar", true},
		{"Rina Sandoval", "Rina Sundavol", false}, // three edits
	} {
		if got := variantSurnames(partyWords(c.a), partyWords(c.b)); got != c.same {
			t.Errorf("%q, %q: one person %v, want %v", c.a, c.b, got, c.same)
		}
	}
}

func TestEditDistance(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want int
	}{{"abdurra", "adburra", 1}, {"haddou", "haddu", 1}, {"kitten", "sitting", 3}, {"", "abc", 3}, {"same", "same", 0}} {
		if got := editDistance(c.a, c.b); got != c.want {
			t.Errorf("editDistance(%q, %q) = %d, want %d", c.a, c.b, got, c.want)
		}
	}
}

// TestOriginsOfOneSpeaker: one person spelt two ways in two articles, and
// an unresolved "he" in an article that quotes a named person on the same
// claim, are one origin; an unresolved "he" alone in its article stays
// that article's own unnamed source.
func TestOriginsOfOneSpeaker(t *testing.T) {
	st := func(article, outlet string, speaker claimtrail.Source) claimtrail.Statement {
		return claimtrail.Statement{Article: article, Polarity: claimtrail.Asserts,
			Chain: []claimtrail.Source{{Name: outlet, Kind: claimtrail.KindOutlet}, speaker}}
	}
	person := func(n string) claimtrail.Source { return claimtrail.Source{Name: n, Kind: claimtrail.KindPerson} }
	he := claimtrail.Source{Name: "he", Kind: claimtrail.KindAnonymous}
	for _, c := range []struct {
		name  string
		stmts []claimtrail.Statement
		want  int
	}{
		{"two spellings", []claimtrail.Statement{st("a1", "Daily Post", person("Yasir Abdurra")), st("a2", "Evening Star", person("Adburra"))}, 1},
		{"he beside a name", []claimtrail.Statement{st("a1", "Daily Post", person("Rina Sandoval")), st("a1", "Daily Post", he)}, 1},
		{"he alone", []claimtrail.Statement{st("a1", "Daily Post", person("Rina Sandoval")), st("a2", "Evening Star", he)}, 2},
		{"two people", []claimtrail.Statement{st("a1", "Daily Post", person("Jeff Ostrom")), st("a2", "Evening Star", person("Mark Ostram"))}, 2},
	} {
		var b Builder
		got := b.origins(c.stmts, map[string][]string{}, map[string]string{}, map[string]string{}, map[string]string{})
		if len(got) != c.want {
			t.Errorf("%s: origins %v, want %d", c.name, got, c.want)
		}
	}
	// "he" quoted in the words another article gives a named speaker is
	// that speaker; in other words he stays the article's own source.
	quote := "the ferry ramp at the north quay failed twice in May and nobody told the crews"
	other := "the harbour board had known about the cracks in the ramp since the winter storms"
	for _, c := range []struct {
		name, text string
		want       int
	}{{"copied quote", quote, 1}, {"other words", other, 2}} {
		a, b := st("a1", "Daily Post", person("Rina Sandoval")), st("a2", "Evening Star", he)
		a.Content = claimtrail.Span{Start: 0, End: len(quote)}
		b.Content = claimtrail.Span{Start: 0, End: len(c.text)}
		var bl Builder
		got := bl.origins([]claimtrail.Statement{a, b}, map[string][]string{}, map[string]string{}, map[string]string{},
			map[string]string{"a1": quote, "a2": c.text})
		if len(got) != c.want {
			t.Errorf("%s: origins %v, want %d", c.name, got, c.want)
		}
	}
	// Words in quotation marks on the claim: the one person another
	// article quotes so is the "she"; a paraphrase is not tied.
	named := "“I am safe and well,” Lena Varga wrote."
	for _, c := range []struct {
		name, text string
		start, end int
		want       int
	}{
		{"quoted", "“I am safe and well,” she wrote.", len("“"), len("“I am safe and well"), 1},
		{"paraphrased", "She wrote she was safe and well.", len("She wrote "), len("She wrote she was safe and well"), 2},
	} {
		she := claimtrail.Source{Name: "she", Kind: claimtrail.KindAnonymous}
		a, b := st("a1", "Daily Post", person("Lena Varga")), st("a2", "Evening Star", she)
		a.Content = claimtrail.Span{Start: len("“"), End: len("“I am safe and well")}
		b.Content = claimtrail.Span{Start: c.start, End: c.end}
		var bl Builder
		got := bl.origins([]claimtrail.Statement{a, b}, map[string][]string{}, map[string]string{}, map[string]string{},
			map[string]string{"a1": named, "a2": c.text})
		if len(got) != c.want {
			t.Errorf("%s: origins %v, want %d", c.name, got, c.want)
		}
	}
}

// TestDirectQuote: content inside quotation marks, curly or straight,
// closed or running on; not a paraphrase, nor past an apostrophe.
func TestDirectQuote(t *testing.T) {
	for _, c := range []struct {
		text, content string
		want          bool
	}{
		{"“I am safe and well,” she wrote.", "I am safe and well", true},
		{"She wrote: 'Folks, I'm safe and well.", "I'm safe and well", true},
		{"She wrote that she's safe and well.", "she's safe and well", false},
		{"He said \"the pier is shut\" on Monday.", "the pier is shut", true},
	} {
		k := strings.Index(c.text, c.content)
		sp := claimtrail.Span{Start: k, End: k + len(c.content)}
		if got := directQuote(c.text, claimtrail.Span{Start: 0, End: len(c.text)}, sp); got != c.want {
			t.Errorf("%q: direct %v, want %v", c.text, got, c.want)
		}
	}
}
