package link

import "slices"

// sharingWords narrows claims to those whose members use a common word of
// item i ("Reports of his arrest are lies" judges the claims about an
// arrest, not every claim its article showed denied), or returns them all
// when none does: a verdict naming nothing ("the report is fabricated")
// still judges every one.
func (b *builder) sharingWords(i int, claims []int) []int {
	var out []int
	for _, c := range claims {
		for k, m := range b.members[c] {
			if k == b.l.Members {
				break
			}
			if _, _, words := containedIn(&b.items[i], &b.items[m]); words > 0 {
				out = append(out, c)
				break
			}
		}
	}
	if len(out) == 0 {
		return claims
	}
	return out
}

// continuesOwn returns the claim of its own party that negation i goes on
// with, rather than answering the claims it matched, or -1: "the council
// said inspectors had checked the ground's three other stands … 'Our
// inspectors found no structural faults in the other three stands,' the
// council's head of building control said" is the council's finding, part
// of its own account, not a denial of a claim about surveys of stands. It
// is the first of the party's claims in the same article that holds at
// least as much of the negation as the best of matched does.
func (b *builder) continuesOwn(i int, matched []int) int {
	if len(matched) == 0 {
		return -1
	}
	best := 0.0
	for _, c := range matched {
		best = max(best, b.denyScore(i, c))
	}
	k := b.speakerOf(i)
	for _, c := range b.candidatesIn(&b.sc, i, nil) {
		if slices.Contains(matched, c) || !b.asserted[claimSpeaker{c, k}] && !b.sameParty(i, c) {
			continue
		}
		if b.denyScore(i, c) >= best {
			return c
		}
	}
	return -1
}
