package attrib

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/nlp"
)

// pronounStory writes n paragraphs of people speaking and "he"/"she"
// sentences referring back to them, for the benchmark.
func pronounStory(n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "Councillor Tomas Vorne%d said the bridge number %d was safe.\n\n", i, i)
		fmt.Fprintf(&b, "Ms Anna Berg%d met Mr Pell Andar%d on Monday.\n\n", i, i)
		fmt.Fprintf(&b, "She told reporters the repairs would start soon. He said they would not.\n\n")
	}
	return b.String()
}

// BenchmarkPronouns extracts from a document where every third sentence
// is a "he" or "she" source: the coreference step must stay linear in the
// document (the people's genders are indexed once, "has spoken" looks at
// the latest statements only).
func BenchmarkPronouns(b *testing.B) {
	an, err := nlp.NewAnalyzer(nlp.TagOnly(NeedsTags))
	if err != nil {
		b.Fatal(err)
	}
	doc, err := an.Analyze(context.Background(), &claimtrail.Article{Text: pronounStory(400), Outlet: "Test Wire"})
	if err != nil {
		b.Fatal(err)
	}
	x := New()
	for b.Loop() {
		x.Extract(doc)
	}
}

// TestAnonymousAgain: a definite or partitive description of an unnamed
// source ("the person", "one of the people") is the source described
// before, not a new one.
func TestAnonymousAgain(t *testing.T) {
	an, err := nlp.NewAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ text, want string }{
		{"The ferry service will stop in March, a person close to the harbour board said.\n\nThe person, who was not allowed to speak publicly, said the board had voted on Friday.",
			"person close to the harbour board"},
		{"The mill will close, according to two people with knowledge of the plan.\n\nOne of the people said the workers would be told on Monday.",
			"two people with knowledge of the plan"},
	} {
		last, ok := lastStatement(t, an, tc.text)
		if !ok {
			t.Fatalf("%q: no statements", tc.text)
		}
		if got := last.Speaker().Name; got != tc.want {
			t.Errorf("%q: last statement %q spoken by %q, want %q", tc.text, last.Content.In(tc.text), got, tc.want)
		}
	}
}

// TestLoneUnknownGender: a pronoun after one person whose given name no
// list holds, named in the sentence before, is that person; with two such
// people there is no firm ground, and the pronoun stays as written.
func TestLoneUnknownGender(t *testing.T) {
	an, err := nlp.NewAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ text, want string }{
		{"The council spoke with one of the inspectors, Dr. Zoltek Varandi. He said the ferry ramp had failed twice in May.",
			"Zoltek Varandi"},
		{"The council spoke with Dr. Zoltek Varandi and Dr. Imre Kasolt. He said the ferry ramp had failed twice in May.",
			"he"},
	} {
		last, ok := lastStatement(t, an, tc.text)
		if !ok {
			t.Fatalf("%q: no statements", tc.text)
		}
		if got := last.Speaker().Name; got != tc.want {
			t.Errorf("%q: last statement %q spoken by %q, want %q", tc.text, last.Content.In(tc.text), got, tc.want)
		}
	}
}

// TestSurnameRules runs surnameRules' examples: the last statement, "… said
// the ferry levy was fair", is spoken by the person the surname stands for.
func TestSurnameRules(t *testing.T) {
	an, err := nlp.NewAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	for _, rule := range surnameRules {
		text := rule.example + " the ferry levy was fair."
		last, ok := lastStatement(t, an, text)
		if !ok {
			t.Fatalf("%q: no statements", text)
		}
		if got := last.Speaker().Name; got != rule.want {
			t.Errorf("%s: %q spoken by %q, want %q", rule.rule, text, got, rule.want)
		}
	}
}
