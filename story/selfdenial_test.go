package story

import (
	"testing"

	"github.com/claimtrail/claimtrail"
)

// TestNotSelfDenials: a named person's negation joined to his own claim is
// not a second party contesting it; another person's denial, an unnamed
// source's denial and an outlet's correction of its own report are.
func TestNotSelfDenials(t *testing.T) {
	person := func(name string) claimtrail.Source { return claimtrail.Source{Name: name, Kind: claimtrail.KindPerson} }
	outlet := claimtrail.Source{Name: "Harbour Courier", Kind: claimtrail.KindOutlet}
	st := func(p claimtrail.Polarity, chain ...claimtrail.Source) claimtrail.Statement {
		return claimtrail.Statement{Article: "a1", Polarity: p, Chain: append([]claimtrail.Source{outlet}, chain...)}
	}
	corr := claimtrail.Statement{Article: "a1", Polarity: claimtrail.Denies, Chain: []claimtrail.Source{outlet}, Retracts: true}
	cases := []struct {
		name  string
		stmts []claimtrail.Statement
		kept  int
	}{
		{"particle surname, short form denies", []claimtrail.Statement{
			st(claimtrail.Asserts, person("Karim Abou Sarrouf")), st(claimtrail.Denies, person("Abou Sarrouf"))}, 1},
		{"same full name", []claimtrail.Statement{
			st(claimtrail.Asserts, person("Tarek Samaha Salem")), st(claimtrail.Denies, person("Tarek Samaha Salem"))}, 1},
		{"given names only", []claimtrail.Statement{
			st(claimtrail.Asserts, person("Tarek Samaha Salem")), st(claimtrail.Denies, person("Tarek Samaha"))}, 1},
		{"another person denies", []claimtrail.Statement{
			st(claimtrail.Asserts, person("Karim Abou Sarrouf")), st(claimtrail.Denies, person("Lina Farrow"))}, 2},
		{"one of two asserters denies", []claimtrail.Statement{
			st(claimtrail.Asserts, person("Karim Abou Sarrouf")), st(claimtrail.Asserts, person("Lina Farrow")),
			st(claimtrail.Denies, person("Sarrouf"))}, 3},
		{"unnamed sources assert", []claimtrail.Statement{
			st(claimtrail.Asserts, claimtrail.Source{Name: "officials", Kind: claimtrail.KindAnonymous}),
			st(claimtrail.Denies, person("Karim Abou Sarrouf"))}, 2},
		{"outlet corrects its own report", []claimtrail.Statement{st(claimtrail.Asserts), corr}, 2},
		{"person asserts, outlet corrects", []claimtrail.Statement{st(claimtrail.Asserts, person("Karim Abou Sarrouf")), corr}, 2},
	}
	for _, c := range cases {
		if got := notSelfDenials(c.stmts); len(got) != c.kept {
			t.Errorf("%s: kept %d statements, want %d", c.name, len(got), c.kept)
		}
	}
}
