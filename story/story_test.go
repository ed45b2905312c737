package story_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/load"
	"github.com/claimtrail/claimtrail/pipeline"
)

func ledger(t *testing.T, arts ...claimtrail.Article) *claimtrail.Ledger {
	t.Helper()
	p, err := pipeline.New(pipeline.Options{})
	if err != nil {
		t.Fatal(err)
	}
	l, err := p.Ledger(context.Background(), arts)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func art(outlet, text string) claimtrail.Article {
	return claimtrail.Article{Outlet: outlet, Title: outlet, Text: text}
}

func find(t *testing.T, l *claimtrail.Ledger, words string) *claimtrail.Claim {
	t.Helper()
	for i := range l.Claims {
		if strings.Contains(l.Claims[i].Text, words) {
			return &l.Claims[i]
		}
	}
	var texts []string
	for _, c := range l.Claims {
		texts = append(texts, c.Text)
	}
	t.Fatalf("no claim with %q among %q", words, texts)
	return nil
}

// TestRelaysAreOneOrigin: three outlets carry the claim, but the two later
// ones only relay the first, whose unnamed sources are the one origin.
func TestRelaysAreOneOrigin(t *testing.T) {
	l := ledger(t,
		art("Coast Wire", "Senior navy sources told Coast Wire that the frigate Aldis ran aground near Port Veyra on Sunday."),
		art("Daily Beacon", "According to a Coast Wire report citing senior navy sources, the frigate Aldis ran aground near Port Veyra."),
		art("Evening Lantern", "The Daily Beacon reported that, per Coast Wire, senior navy sources said the frigate Aldis ran aground near Port Veyra."),
	)
	c := find(t, l, "Aldis")
	if c.Status != claimtrail.SingleSource || len(c.Origins) != 1 {
		t.Fatalf("status %s with origins %v, want single-source with one origin", c.Status, c.Origins)
	}
	if !strings.Contains(c.Origins[0].Name, "Coast Wire") || c.Origins[0].Kind != claimtrail.KindAnonymous {
		t.Errorf("origin %+v, want Coast Wire's unnamed sources", c.Origins[0])
	}
	// The wire asserts on its own sources' word; the relays report it.
	for id, want := range map[string]claimtrail.Stance{"a1": claimtrail.StanceAsserts, "a2": claimtrail.StanceReports, "a3": claimtrail.StanceReports} {
		if got := c.StanceOf(id); got != want {
			t.Errorf("stance of %s = %s, want %s", id, got, want)
		}
	}
	if !c.HasFlag(claimtrail.FlagAnonymousOnly) {
		t.Errorf("flags %v, want anonymous-only", c.Flags)
	}
}

// TestIndependentOriginsCorroborate: two outlets with their own named
// sources make two origins.
func TestIndependentOriginsCorroborate(t *testing.T) {
	l := ledger(t,
		art("Coast Wire", "Harbour master Ilse Danner said the frigate Aldis ran aground near Port Veyra on Sunday."),
		art("Daily Beacon", "The frigate Aldis ran aground near Port Veyra, the navy's chief of staff, Admiral Oren Pell, told reporters."),
	)
	c := find(t, l, "Aldis")
	if c.Status != claimtrail.Corroborated || len(c.Origins) != 2 {
		t.Fatalf("status %s with origins %v, want corroborated with two", c.Status, c.Origins)
	}
}

// TestDenialContests: a named party denies the claim; an unrelated claim of
// the same articles stays undenied.
func TestDenialContests(t *testing.T) {
	l := ledger(t,
		art("Coast Wire", "Senior navy sources said the frigate Aldis ran aground near Port Veyra on Sunday. "+
			"The port of Veyra also handled a record 12,000 containers in May, harbour figures show."),
		art("Daily Beacon", "The Veyran navy denied that the frigate Aldis ran aground near Port Veyra. "+
			"The navy said no vessel had run aground near the port this year."),
	)
	c := find(t, l, "Aldis")
	if c.Status != claimtrail.Contested {
		t.Fatalf("status %s, want contested; statements: %d", c.Status, len(c.Statements))
	}
	if c.Stances["a2"] != claimtrail.StanceDenies || c.Stances["a1"] != claimtrail.StanceAsserts {
		t.Errorf("stances %v", c.Stances)
	}
	if len(c.DeniedBy) == 0 || !strings.Contains(strings.ToLower(c.DeniedBy[0].Name), "navy") {
		t.Errorf("denied by %v, want the navy", c.DeniedBy)
	}
	containers := find(t, l, "12,000 containers")
	if containers.Status == claimtrail.Contested {
		t.Error("the containers claim was contested by a denial about a ship")
	}
}

// TestCopiesAreRelays: the same text under two outlets is one origin.
func TestCopiesAreRelays(t *testing.T) {
	text := "The frigate Aldis ran aground near Port Veyra on Sunday after its steering failed in heavy seas, " +
		"and tugs from the harbour spent six hours refloating the ship before it was towed to the naval dock."
	l := ledger(t, art("Coast Wire", text), art("Syndicate Daily", text))
	c := find(t, l, "Aldis")
	if len(c.Origins) != 1 || c.Origins[0].Name != "Coast Wire" {
		t.Errorf("origins %v, want Coast Wire alone (the second article is a copy)", c.Origins)
	}
}

// TestOffStory: an article about something else stays out of the claims.
func TestOffStory(t *testing.T) {
	l := ledger(t,
		art("Coast Wire", "Senior navy sources said the frigate Aldis ran aground near Port Veyra on Sunday."),
		art("Daily Beacon", "According to Coast Wire, the frigate Aldis ran aground near Port Veyra."),
		art("Garden Weekly", "The Lindenhof rose society said its summer show would open on 3 July with 400 entries."),
	)
	if !l.IsOffStory("a3") || l.IsOffStory("a1") {
		t.Fatalf("off-story = %v, want [a3]", l.OffStory)
	}
	for _, c := range l.Claims {
		for _, st := range c.Statements {
			if st.Article == "a3" {
				t.Errorf("claim %q holds the off-story article", c.Text)
			}
		}
		if c.StanceOf("a3") != claimtrail.StanceAbsent {
			t.Errorf("off-story stance %s on %q", c.StanceOf("a3"), c.Text)
		}
	}
}

// stubJudge answers every question with the same stance.
type stubJudge struct{ s claimtrail.Stance }

func (j stubJudge) Judge(string, *claimtrail.Article) (claimtrail.Judgement, bool) {
	return claimtrail.Judgement{Stance: j.s, Confidence: 0.9, Evidence: []claimtrail.Span{{Start: 0, End: 5}}}, true
}

func TestJudgeFillsSilentArticles(t *testing.T) {
	p, err := pipeline.New(pipeline.Options{Judge: stubJudge{claimtrail.StanceReports}})
	if err != nil {
		t.Fatal(err)
	}
	l, err := p.Ledger(context.Background(), []claimtrail.Article{
		art("Coast Wire", "Senior navy sources said the frigate Aldis ran aground near Port Veyra on Sunday. "+
			"Families waited for news of the crew at the safe end of the quay."),
		art("Daily Beacon", "According to Coast Wire, the frigate Aldis ran aground near Port Veyra. The Aldis crew is safe, the harbour master said."),
	})
	if err != nil {
		t.Fatal(err)
	}
	c := find(t, l, "crew is safe")
	if c.Stances["a1"] != claimtrail.StanceReports {
		t.Errorf("silent article stance = %s, want the judge's reports", c.Stances["a1"])
	}
	if j, ok := c.Judged["a1"]; !ok || len(j.Evidence) != 1 {
		t.Errorf("the judged stance carries no evidence: %+v", c.Judged)
	}
	if _, ok := c.Judged["a2"]; ok {
		t.Error("a stance from the article's own statement is marked as judged")
	}
	if c.Stances["a2"] != claimtrail.StanceAsserts {
		t.Errorf("asserting article stance = %s, want asserts from its own statement", c.StanceOf("a2"))
	}
}

// ledgerOf builds the ledger of a testdata story folder.
func ledgerOf(t *testing.T, dir string) *claimtrail.Ledger {
	t.Helper()
	arts, errs := load.Paths(context.Background(), []string{filepath.Join("testdata", dir)}, load.Options{})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	return ledger(t, arts...)
}

func originNames(c *claimtrail.Claim) []string {
	var out []string
	for _, o := range c.Origins {
		out = append(out, o.Name)
	}
	return out
}

// TestStories checks whole ledgers of three small invented stories written
// by a reviewer to catch what the example story does not: denials that
// refer back with a short name or a verdict, a denial carried by a
// negative fact, two independent named sources, relays of relays, named
// documents, titles before names.
func TestStories(t *testing.T) {
	t.Run("bridge", func(t *testing.T) {
		l := ledgerOf(t, "bridge")
		c := find(t, l, "without a public tender")
		if c.Status != claimtrail.Contested || len(c.Origins) != 2 {
			t.Errorf("status %s, origins %q; want contested with two origins (the councillor and the auditor)", c.Status, originNames(c))
		}
		if len(c.DeniedBy) != 1 || c.DeniedBy[0].Name != "Ilse Varga" {
			t.Errorf("denied by %v, want only the mayor", c.DeniedBy)
		}
		if c.StanceOf("a2") != claimtrail.StanceAsserts {
			t.Errorf("the auditor's article %s, want asserts: finding no record of a tender confirms it", c.StanceOf("a2"))
		}
	})
	t.Run("rates", func(t *testing.T) {
		l := ledgerOf(t, "rates")
		c := find(t, l, "interest rate")
		if c.Status != claimtrail.Contested || len(c.Origins) != 1 {
			t.Errorf("status %s, origins %q; want contested with one origin", c.Status, originNames(c))
		}
		if len(c.DeniedBy) != 1 || c.DeniedBy[0].Name != "Anika Sorel" {
			t.Errorf("denied by %v, want the governor", c.DeniedBy)
		}
		// The Evening Star names only the Morning Ledger and the Beacon Post:
		// its chain stops where its own words stop (as ledger-dev's gold
		// chains do), and the one origin comes from following the relays.
		want := "Evening Star ← Morning Ledger ← Beacon Post"
		found := false
		for _, st := range c.Statements {
			var names []string
			for _, s := range st.Chain {
				names = append(names, s.Name)
			}
			found = found || strings.Join(names, " ← ") == want
		}
		if !found {
			t.Errorf("no statement with the chain %s", want)
		}
	})
	t.Run("plant", func(t *testing.T) {
		l := ledgerOf(t, "plant")
		closure := find(t, l, "ordered the closure")
		if closure.Status != claimtrail.Contested || len(closure.Origins) != 1 {
			t.Errorf("closure: %s, origins %q; want contested with the Herald's documents alone", closure.Status, originNames(closure))
		}
		ill := find(t, l, "workers fell ill")
		if ill.Status != claimtrail.Corroborated || len(ill.Origins) != 2 {
			t.Errorf("illness: %s, origins %q; want corroborated by the documents and the inspector", ill.Status, originNames(ill))
		}
	})
}

// TestNamedDocumentIsOneOrigin: a named study three outlets quote, and
// its lead author speaking for it, are one origin of its finding, not the
// quoting outlets' and the author's.
func TestNamedDocumentIsOneOrigin(t *testing.T) {
	l := ledgerOf(t, "study")
	c := find(t, l, "inspections")
	if c.Status != claimtrail.SingleSource || len(c.Origins) != 1 || c.Origins[0].Kind != claimtrail.KindDocument {
		t.Errorf("status %s, origins %q; want single-source on the Fenwick study alone", c.Status, originNames(c))
	}
}
