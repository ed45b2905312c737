package story

import (
	"github.com/claimtrail/claimtrail"
)

// notSelfDenials drops from a claim's denials those whose speaker is the
// named person who is every asserter of the claim: a person does not
// contest his own claim. His negation joined to his own claim is a
// restatement ("she is X … she is not Y") or a wrong link, not a second
// party disputing the first. A correction note keeps its denial: an
// outlet withdrawing its own report does deny what it corrects.
func notSelfDenials(stmts []claimtrail.Statement) []claimtrail.Statement {
	var asserters [][]string
	for i := range stmts {
		if stmts[i].Polarity != claimtrail.Asserts {
			continue
		}
		s := stmts[i].Speaker()
		if s.Kind != claimtrail.KindPerson {
			return stmts // an asserter that is no named person: keep every denial
		}
		asserters = append(asserters, partyWords(s.Name))
	}
	if len(asserters) == 0 {
		return stmts
	}
	out := make([]claimtrail.Statement, 0, len(stmts))
	for i := range stmts {
		st := stmts[i]
		if st.Polarity == claimtrail.Denies && !st.Retracts && st.Speaker().Kind == claimtrail.KindPerson &&
			sameNamedPerson(partyWords(st.Speaker().Name), asserters) {
			continue
		}
		out = append(out, st)
	}
	return out
}

// sameNamedPerson reports whether the name words w name the same person
// as every one of the names in all: one name's words hold the other's
// ("Saad Maan", "Tarek Saad Maan"; "Abou Zeid", "Mario Abou Zeid").
func sameNamedPerson(w []string, all [][]string) bool {
	if len(w) == 0 {
		return false
	}
	for _, a := range all {
		if len(a) == 0 || !subset(w, a) && !subset(a, w) {
			return false
		}
	}
	return true
}
