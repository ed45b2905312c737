package attrib

import (
	"context"
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/nlp"
)

// TestCarryRules runs every example of carryRules through the extractor:
// each statement's chain, after the article's outlet, in text order (nil
// for the outlet's own voice).
func TestCarryRules(t *testing.T) {
	an, err := nlp.NewAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	for _, rule := range carryRules {
		if len(rule.examples) == 0 || rule.opens == nil || rule.scope == 0 {
			t.Errorf("carry rule %q: no example, opener or scope", rule.name)
		}
		for _, ex := range rule.examples {
			t.Run(rule.name+"/"+ex.text, func(t *testing.T) {
				art := claimtrail.Article{ID: "a1", Outlet: "Varrow Post", Text: ex.text}
				doc, err := an.Analyze(context.Background(), &art)
				if err != nil {
					t.Fatal(err)
				}
				sts := New().Extract(doc)
				var got, want []string
				for _, st := range sts {
					var names []string
					for _, s := range st.Chain[1:] {
						names = append(names, s.Name)
					}
					got = append(got, strings.Join(names, " ← "))
				}
				for _, c := range ex.chains {
					want = append(want, strings.Join(c, " ← "))
				}
				if strings.Join(got, " | ") != strings.Join(want, " | ") {
					t.Errorf("chains %q, want %q", got, want)
				}
			})
		}
	}
}

// TestTheyIsNoOneSpeaker: "they" looks past a singular speaker named
// since the group it stands for, and past a pronoun left unresolved.
func TestTheyIsNoOneSpeaker(t *testing.T) {
	an, err := nlp.NewAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	text := "The two dockers' unions said in a joint statement on Monday that the crew of the Tesk ferry had been overworked for months. " +
		"A senior ministry spokesman said the port of Tesk would stay open. " +
		"They added that the Orvel shipping company had ignored 14 letters."
	art := claimtrail.Article{ID: "a1", Outlet: "Varrow Post", Text: text}
	doc, err := an.Analyze(context.Background(), &art)
	if err != nil {
		t.Fatal(err)
	}
	sts := New().Extract(doc)
	if len(sts) == 0 {
		t.Fatal("no statements")
	}
	last := sts[len(sts)-1]
	if got := last.Chain[len(last.Chain)-1].Name; !strings.Contains(got, "unions") {
		t.Errorf("they → %q, want the unions", got)
	}
	for _, c := range []struct {
		src claimtrail.Source
		one bool
	}{
		{claimtrail.Source{Name: "he", Kind: claimtrail.KindAnonymous}, true},
		{claimtrail.Source{Name: "senior ministry spokesman", Kind: claimtrail.KindOfficial}, true},
		{claimtrail.Source{Name: "witness in Tesk", Kind: claimtrail.KindAnonymous}, true},
		{claimtrail.Source{Name: "sources close to the talks", Kind: claimtrail.KindAnonymous}, false},
		{claimtrail.Source{Name: "a witness", Kind: claimtrail.KindAnonymous}, true},
		{claimtrail.Source{Name: "two unions", Kind: claimtrail.KindOrganization}, false},
		{claimtrail.Source{Name: "officials", Kind: claimtrail.KindAnonymous}, false},
		{claimtrail.Source{Name: "family", Kind: claimtrail.KindAnonymous}, false},
		{claimtrail.Source{Name: "police", Kind: claimtrail.KindOfficial}, false},
		{claimtrail.Source{Name: "the ministry", Kind: claimtrail.KindOfficial}, false},
		{claimtrail.Source{Name: "dockers and pilots", Kind: claimtrail.KindAnonymous}, false},
	} {
		if oneSpeaker(c.src) != c.one {
			t.Errorf("oneSpeaker(%q) = %v", c.src.Name, !c.one)
		}
	}
}

// TestPluralSubjectBefore: "they" after a plural subject of its own
// sentence is that subject, no source named before; a source's plural or
// a plural that is no subject is not.
func TestPluralSubjectBefore(t *testing.T) {
	an, err := nlp.NewAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"As the border forces were heading to Tesk, they said the port was shut.", true},
		{"The port removed the old passports, a change they said was overdue.", false},
		{"Two port officials say they believe the ferry sank.", false},
	} {
		art := claimtrail.Article{ID: "a1", Outlet: "Varrow Post", Text: tc.text}
		doc, err := an.Analyze(context.Background(), &art)
		if err != nil {
			t.Fatal(err)
		}
		an.TagSentences(doc, 0, len(doc.Sentences))
		r := newReader(doc)
		if got := r.pluralBefore(strings.Index(tc.text, "they")); got != tc.want {
			t.Errorf("%q: plural subject before 'they' %v, want %v", tc.text, got, tc.want)
		}
	}
}
