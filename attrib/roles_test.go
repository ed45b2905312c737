package attrib

import (
	"context"
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/nlp"
)

// TestChainRules runs every example of the chain-role table through the
// rules: the sentence's one statement must have the example's chain after
// the article's own outlet, in order.
func TestChainRules(t *testing.T) {
	an, err := nlp.NewAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	for _, rule := range chainRules {
		if len(rule.examples) == 0 {
			t.Errorf("chain rule %q has no example", rule.name)
		}
		for _, ex := range rule.examples {
			t.Run(rule.name+"/"+ex.text, func(t *testing.T) {
				art := claimtrail.Article{ID: "a1", Outlet: "Test Wire", Text: ex.text}
				doc, err := an.Analyze(context.Background(), &art)
				if err != nil {
					t.Fatal(err)
				}
				sts := New().Extract(doc)
				if len(sts) != 1 {
					t.Fatalf("%d statements, want 1", len(sts))
				}
				var got []string
				for _, s := range sts[0].Chain[1:] {
					got = append(got, s.Name)
				}
				if strings.Join(got, " ← ") != strings.Join(ex.chain, " ← ") {
					t.Errorf("chain %q, want %q", got, ex.chain)
				}
			})
		}
	}
}

// TestChainRuleHosts checks that every rule reads a cue's or a source's
// dependents and plays a role.
func TestChainRuleHosts(t *testing.T) {
	for _, rule := range chainRules {
		if rule.host != onCue && rule.host != onSource || rule.role == 0 || rule.find == nil {
			t.Errorf("chain rule %q: host %d, role %d", rule.name, rule.host, rule.role)
		}
	}
}

// TestNameAfterUnnamedHead: a name after an unnamed source's head as the
// object of a preposition leaves the source unnamed; a name in
// apposition is the source.
func TestNameAfterUnnamedHead(t *testing.T) {
	an, err := nlp.NewAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	for text, want := range map[string]string{
		"A person close to Minister Evert Lekk said the troops would stay.":             "person close to Minister Evert Lekk",
		"An aide to President Evert Lekk said the troops would stay.":                   "aide to President Evert Lekk",
		"A spokesperson for the health ministry Evert Lekk said the troops would stay.": "Evert Lekk",
		"An adviser to the ministry, Evert Lekk, said the troops would stay.":           "Evert Lekk",
	} {
		art := claimtrail.Article{ID: "a1", Outlet: "Test Wire", Text: text}
		doc, err := an.Analyze(context.Background(), &art)
		if err != nil {
			t.Fatal(err)
		}
		sts := New().Extract(doc)
		if len(sts) != 1 || len(sts[0].Chain) != 2 || sts[0].Chain[1].Name != want {
			t.Errorf("%q: %v, want the source %q", text, sts, want)
		}
	}
}

// TestTailReporter: a reporting clause that closes the sentence ("…, the
// Varrow Post reported") reports the whole of it, the speaker's saying
// included, so it stands nearer the article than the speaker, and a
// later reference to the speaker keeps it. A reporter the speaker names
// inside the content stays after the speaker.
func TestTailReporter(t *testing.T) {
	an, err := nlp.NewAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	for text, want := range map[string][]string{
		"Union leaders said the strike would last a week, the Varrow Post reported. They also said the port would close.": {
			"Varrow Post ← Union leaders", "Varrow Post ← Union leaders"},
		"The minister said the strike would last a week, according to the Varrow Post.":         {"Varrow Post ← minister"},
		"The minister said the Varrow Post had reported that the strike would last a week.":     {"minister ← Varrow Post"},
		"On Monday, union leaders said the strike would last a week, the Varrow Post reported.": {"Varrow Post ← union leaders"},
		"Union leaders have said the strike would last a week, the Varrow Post reported.":       {"Varrow Post ← Union leaders"},
	} {
		art := claimtrail.Article{ID: "a1", Outlet: "Test Wire", Text: text}
		doc, err := an.Analyze(context.Background(), &art)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, st := range New().Extract(doc) {
			var names []string
			for _, s := range st.Chain[1:] {
				names = append(names, s.Name)
			}
			got = append(got, strings.Join(names, " ← "))
		}
		if strings.Join(got, " | ") != strings.Join(want, " | ") {
			t.Errorf("%s: chains %q, want %q", text, got, want)
		}
	}
}
