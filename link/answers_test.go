package link

import (
	"testing"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/nlp"
)

// readAnswer parses text's first sentence, less its full stop, into a
// reading.
func readAnswer(t *testing.T, an *nlp.Analyzer, text string) reading {
	t.Helper()
	d, span := firstSentence(t, an, text)
	r, ok := readClause(d, span, newStemmer())
	if !ok {
		t.Fatalf("%q: no reading", text)
	}
	return r
}

// TestAnswerFrames: each frame's and class's negative answers its claim,
// and the claim does not answer the negative; a negative of another act,
// another place, another subject or an argument the claim does not state
// answers nothing.
func TestAnswerFrames(t *testing.T) {
	an, err := nlp.NewAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	var pairs [][2]string
	for _, f := range answerFrames {
		pairs = append(pairs, f.example)
	}
	for _, c := range answerClasses {
		pairs = append(pairs, c.example)
	}
	for _, c := range placements {
		pairs = append(pairs, c.example)
	}
	pairs = append(pairs, [2]string{"Colonel Dray is a member of the Vost brigade.", "Colonel Dray is not a member of the brigade."},
		[2]string{"General Osk was at the depot on Friday.", "General Osk was never at the depot."})
	for _, p := range pairs {
		y, x := readAnswer(t, an, p[0]), readAnswer(t, an, p[1])
		if !answers(x, y, stemSet(p[0])) {
			t.Errorf("%q does not answer %q: %+v / %+v", p[1], p[0], x, y)
		}
		if answers(y, x, stemSet(p[1])) {
			t.Errorf("%q answers %q", p[0], p[1])
		}
	}
	for _, p := range [][2]string{
		{"General Osk was in Tellan on Friday.", "General Osk was never in Marrow."},                              // another place
		{"General Osk was in Tellan on Friday.", "General Vell was never in Tellan."},                             // another subject
		{"General Osk saw Colonel Dray in Tellan on Friday.", "General Osk was never in Tellan."},                 // the seer is not placed
		{"The Osk Star carried rifles to Tellan.", "The Osk Star has never been inspected."},                      // another act
		{"Mayor Vinna Roeck signed the harbour contract in May.", "Mayor Vinna Roeck has not signed any treaty."}, // another thing, not an instance
		{"Mayor Vinna Roeck signed the harbour contract in May.", "Mayor Vinna Roeck has not visited the harbour."},
		{"The Pellham council spent 4 million on the new arena.", "The Pellham mayor spent no money on the arena."}, // another body of the place
		{"The Tolmer agency compiled a list of 40 journalists.", "There is no list of judges."},                     // another kind of the thing
		{"The Tolmer agency compiled a list of 40 journalists.", "There is no warrant."},                            // another thing
		{"The Tolmer agency compiled a list of 40 journalists.", "There is no list."},                               // unanchored: no place, no "such"
	} {
		y, x := readAnswer(t, an, p[0]), readAnswer(t, an, p[1])
		if answers(x, y, stemSet(p[0])) {
			t.Errorf("%q answers %q: %+v / %+v", p[1], p[0], x, y)
		}
	}
}

// TestNegativeAnswersClaim: a party's negative that repeats too few of a
// claim's words to be matched by them still denies the claim whose act,
// subject and arguments it negates, widened or not ("never in Tellan",
// "not sold to any club", "no money"); a negative of another act of the
// same subject stays a negative fact.
func TestNegativeAnswersClaim(t *testing.T) {
	for _, tc := range []struct {
		claim, answer, words string
		denied               bool
	}{
		{"Witnesses said General Aldo Ferrant was in Kessow on Monday, the Brinmouth Post reported.",
			"General Aldo Ferrant was never in Kessow, his office said.", "Kessow", true},
		{"The forward Ivo Szentes was sold to Caldmoor Rovers for 12 million, the Lantry Echo reported.",
			"Ivo Szentes has not been sold to any club, his agent said.", "Caldmoor", true},
		{"The Ostrel council spent 3 million on the new ferry terminal, the Varden Courier reported.",
			"The Ostrel council has spent no money on any terminal, its treasurer said.", "3 million", true},
		{"The Marla Quist was carrying mortar shells to the militia, the Tovey Herald reported.",
			"The Marla Quist has never been inspected, the port authority said.", "mortar", false},
		{"Mayor Enid Pallow signed the bridge contract in March, the Quellport Times reported.",
			"Mayor Enid Pallow has not visited the bridge site, a spokeswoman said.", "signed", false},
		{"The Tolmer interior agency compiled a list of 40 journalists to be watched, the Ostby Ledger reported.",
			"No such list exists, the agency's spokeswoman Sela Quarn said.", "journalists", true},
		{"The Tolmer interior agency compiled a list of 40 journalists to be watched, the Ostby Ledger reported.",
			"The list does not exist, the agency's spokeswoman Sela Quarn said.", "journalists", true},
		{"The Tolmer interior agency compiled a list of 40 journalists to be watched, the Ostby Ledger reported.",
			"There is no list of judges, the agency's spokeswoman Sela Quarn said.", "journalists", false},
	} {
		claims := linkTexts(t, tc.claim, tc.answer)
		c := claimWith(claims, tc.words)
		if c == nil {
			t.Fatalf("no claim with %q in %+v", tc.words, claims)
		}
		if got := articlesOf(c, claimtrail.Denies) == "b"; got != tc.denied {
			t.Errorf("%q denied by %q: %v, want %v (%+v)", c.Text, tc.answer, got, tc.denied, claims)
		}
	}
}

// TestRoleNouns: a role noun's copula with "only" counters the claim of
// the act it names; without "only", or of another subject, it counters
// nothing.
func TestRoleNouns(t *testing.T) {
	an, err := nlp.NewAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range roleNouns {
		y, x := readAnswer(t, an, r.example[0]), readAnswer(t, an, r.example[1])
		if !excludes(x, y) {
			t.Errorf("%q does not counter %q: %+v / %+v", r.example[1], r.example[0], x, y)
		}
	}
	for _, p := range [][2]string{
		{"The Kesta Moor carried rifles to Tellan.", "The Kesta Moor's cargo was grain."},     // no "only": another fact
		{"The Kesta Moor carried rifles to Tellan.", "The Dovra Bay's cargo was only grain."}, // another ship
		{"The Kesta Moor carried grain to Tellan.", "The Kesta Moor's cargo was only grain."}, // the same cargo
	} {
		y, x := readAnswer(t, an, p[0]), readAnswer(t, an, p[1])
		if excludes(x, y) {
			t.Errorf("%q counters %q", p[1], p[0])
		}
	}
	claims := linkTexts(t,
		"The Kesta Moor was carrying drone parts to the militia, the Dunlop Wire reported.",
		"The Kesta Moor's cargo was only grain, the owners said.")
	c := claimWith(claims, "drone parts")
	if c == nil || articlesOf(c, claimtrail.Denies) != "b" {
		t.Errorf("the cargo claim is not denied by the owners: %+v", claims)
	}
}
