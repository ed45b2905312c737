package link

import (
	"slices"

	"github.com/claimtrail/claimtrail/nlp"
)

// supportVerbs are verbs that carry an event their noun names: news writes
// "negotiations have begun", "the agent acknowledged discussions" or "a
// penalty was imposed" for what others write as "the two sides are in
// talks" or "the council fined the firm". The verb's noun (object, or
// subject of a passive or intransitive use) is then a head of the core too,
// folded like any head, so a paraphrase by nominalisation meets the verb it
// restates. Each row names its verbs (link stems) and a pair its test
// parses to one head (TestSupportVerbs).
var supportVerbs = []struct {
	stems   []string
	example [2]string
}{
	// Aspect: the event begins, goes on or is held.
	{[]string{"start", "begin", "continu", "resum", "open", "held", "hold", "conduct", "enter"},
		[2]string{"negotiations between the two sides have begun", "the Maltby club is in talks with the player"}},
	// Admission: a party confirms the event took place.
	{[]string{"acknowledg", "confirm", "admit"},
		[2]string{"the player's agent acknowledged discussions with the club", "the club is negotiating with the player"}},
	// Imposition: an authority puts a sanction on someone.
	{[]string{"impos", "levi", "issu", "hand"},
		[2]string{"a penalty was imposed on the Quarne mill by the council", "the council fined the Quarne mill"}},
}

// supportStem is the set of supportVerbs' stems.
var supportStem = func() map[string]bool {
	m := map[string]bool{}
	for _, r := range supportVerbs {
		for _, s := range r.stems {
			m[s] = true
		}
	}
	return m
}()

// supportRels are the relations by which a support verb's noun hangs from
// it: its object, or its subject when the verb is passive or takes none.
var supportRels = []string{"obj", "nsubj"}

// supportNouns returns the link stems of the nouns that support verb h
// carries ("discussions" of "acknowledged discussions"), or none when h is
// no support verb. A subject counts only when the verb has no object:
// "the club began talks" states the talks, not the club.
func supportNouns(t *nlp.Tree, h int, head string, stems stemmer, inside func(int) bool) []string {
	if !supportStem[head] || t.UPOS(h) != "VERB" {
		return nil
	}
	var out []string
	for _, rel := range supportRels {
		for _, d := range t.Dependents(h, rel) {
			if !inside(d) || t.UPOS(d) != "NOUN" || rel == "nsubj" && t.Rel(d) == "nsubj" && len(t.Dependents(h, "obj")) > 0 {
				continue
			}
			if st := stems.stems(common(t, d)); len(st) == 1 && !slices.Contains(out, st[0]) {
				out = append(out, st[0])
			}
		}
	}
	return out
}
