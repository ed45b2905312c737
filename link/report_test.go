package link

import (
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/nlp"
)

// objectHeads are examples of the noun a denied clause is about, each a
// sentence, the denied clause in it and the head's link stem ("" for
// none).
var objectHeads = []struct{ sentence, clause, want string }{
	{"The airline denied that the plane had skipped a safety inspection.", "the plane had skipped a safety inspection", "inspect"},
	{"The union said no agreement had been reached.", "no agreement had been reached", "agreement"},
	{"The farm denied that eggs from its sheds were the cause of the outbreak.", "eggs from its sheds were the cause of the outbreak", "egg"},
	{"The minister said there are no conditions on the loan.", "there are no conditions on the loan", "condit"},
	// An active verb's subject acted; it is not what is denied.
	{"The firm said the company would not fly again before June.", "the company would not fly again before June", ""},
	// An adjective judges its subject: a verdict, not a proposition.
	{"The rider said the test result is wrong.", "the test result is wrong", ""},
	// A name is no head: every claim of a report names its parties.
	{"The ministry denied that Tarvia had moved troops.", "Tarvia had moved troops", "troop"},
	{"The ministry denied that the army had arrested Colonel Brek.", "the army had arrested Colonel Brek", ""},
}

// TestObjectHead runs every example of objectHeads.
func TestObjectHead(t *testing.T) {
	for _, ex := range objectHeads {
		d := analyse(t, ex.sentence)
		k := strings.Index(ex.sentence, ex.clause)
		if k < 0 {
			t.Fatalf("%q not in %q", ex.clause, ex.sentence)
		}
		got := objectHead(d, claimtrail.Span{Start: k, End: k + len(ex.clause)}, newStemmer())
		if got != ex.want {
			t.Errorf("objectHead(%q) = %q, want %q", ex.clause, got, ex.want)
		}
	}
}

// TestDenialReachesTheReportsOtherClaims: a report read as two claims in
// other words ("had skipped a safety inspection", "the inspection … was
// postponed") is denied as a whole by a denial of its point; a claim of
// another report about the same thing, and one of the same report that
// only mentions it, are not.
func TestDenialReachesTheReportsOtherClaims(t *testing.T) {
	claims := linkTexts(t,
		"The ferry Selka had skipped a safety inspection in May, according to port records. "+
			"The inspection, due after 2,000 hours at sea, was postponed twice and was never carried out, the records show. "+
			"Passengers praised the crew's calm handling of the inspection ladder during the evacuation, witnesses said.",
		"Selka Lines has rejected a newspaper report that the ferry Selka had skipped a safety inspection in May.",
		"The Coast Gazette reported that the inspection of the harbour cranes at Tolmar was postponed, citing dock workers.")
	for _, tc := range []struct {
		words  string
		denied bool
	}{
		{"skipped a safety inspection", true},
		{"was postponed twice", true},
		{"harbour cranes", false},
		{"inspection ladder", false},
	} {
		c := claimWith(claims, tc.words)
		if c == nil {
			t.Fatalf("no claim holding %q in %+v", tc.words, claims)
		}
		if got := articlesOf(c, claimtrail.Denies); (got != "") != tc.denied {
			t.Errorf("%q denied by %q, want denied %v", c.Text, got, tc.denied)
		}
	}
}

// TestReportKey: articles of no known outlet are reports of their own, not
// one report of an "unknown outlet"; a named outlet is one report however
// many of its articles there are.
func TestReportKey(t *testing.T) {
	b := &builder{docs: map[string]*nlp.Document{
		"a": {Article: &claimtrail.Article{ID: "a"}},
		"b": {Article: &claimtrail.Article{ID: "b"}},
		"c": {Article: &claimtrail.Article{ID: "c", Outlet: "Harbour Post"}},
		"d": {Article: &claimtrail.Article{ID: "d", Outlet: "Harbour Post"}},
	}}
	key := func(article, outlet string) string {
		st := claimtrail.Statement{Article: article, Chain: []claimtrail.Source{{Name: outlet, Kind: claimtrail.KindOutlet}}}
		return b.reportKey(&st, 0)
	}
	if key("a", "unknown outlet") == key("b", "unknown outlet") {
		t.Error("two articles of no known outlet are one report")
	}
	if key("c", "Harbour Post") != key("d", "Harbour Post") {
		t.Error("two articles of one outlet are two reports")
	}
}

// TestDenialLeavesTheReportsOtherActs: a denial of a report's point does
// not reach a claim of the same report that only uses the thing it is
// about in another act ("mechanics who carried out the inspection on the
// sister ship found no faults"): holding the noun as an argument of some
// clause, it was denied with the report.
func TestDenialLeavesTheReportsOtherActs(t *testing.T) {
	claims := linkTexts(t,
		"The ferry Selka had skipped a safety inspection in May, according to port records. "+
			"The inspection, due after 2,000 hours at sea, was postponed twice and was never carried out, the records show. "+
			"Mechanics who carried out the inspection of the sister ship Marra in April found no faults, the records show.",
		"Selka Lines has rejected a newspaper report that the ferry Selka had skipped a safety inspection in May.")
	for _, tc := range []struct {
		words  string
		denied bool
	}{
		{"skipped a safety inspection", true},
		{"was postponed twice", true},
		{"found no faults", false},
	} {
		c := claimWith(claims, tc.words)
		if c == nil {
			t.Fatalf("no claim holding %q in %+v", tc.words, claims)
		}
		if got := articlesOf(c, claimtrail.Denies); (got != "") != tc.denied {
			t.Errorf("%q denied by %q, want denied %v", c.Text, got, tc.denied)
		}
	}
}

// TestDenialKeepsItsRestriction: a denial whose object a relative clause
// narrows ("the safety inspection that port rules require after 2,000
// hours") reaches the report's claim that says so of that inspection, not
// one of another inspection the report also states.
func TestDenialKeepsItsRestriction(t *testing.T) {
	claims := linkTexts(t,
		"The ferry Selka had skipped the safety inspection that port rules require after 2,000 hours, according to port records. "+
			"The inspection, due after 2,000 hours at sea, was postponed twice, the records show. "+
			"An inspection of the lifeboats took place in June, the records show.",
		"Selka Lines has rejected a newspaper report that the ferry Selka had skipped the safety inspection that port rules require after 2,000 hours.")
	for _, tc := range []struct {
		words  string
		denied bool
	}{
		{"was postponed twice", true},
		{"lifeboats", false},
	} {
		c := claimWith(claims, tc.words)
		if c == nil {
			t.Fatalf("no claim holding %q in %+v", tc.words, claims)
		}
		if got := articlesOf(c, claimtrail.Denies); (got != "") != tc.denied {
			t.Errorf("%q denied by %q, want denied %v", c.Text, got, tc.denied)
		}
	}
}

// TestNegationKeepsItsRestriction: a negation narrowed by a relative
// clause ("no doctors in Tarvel who could diagnose marsh fever") does not
// deny a claim that shares its names and noun but not what the clause
// asks ("gunmen in Tarvel executed twelve doctors"); matched by words
// alone, it did.
func TestNegationKeepsItsRestriction(t *testing.T) {
	claims := linkTexts(t,
		"Gunmen in Tarvel executed twelve doctors last month, the Kessel Wire reported.",
		"The Orvath health ministry said there were no doctors in Tarvel who could diagnose marsh fever.")
	c := claimWith(claims, "executed twelve doctors")
	if c == nil {
		t.Fatalf("no claim of the killings in %+v", claims)
	}
	if got := articlesOf(c, claimtrail.Denies); got != "" {
		t.Errorf("%q denied by %q", c.Text, got)
	}
}
