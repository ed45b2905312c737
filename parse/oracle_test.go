package parse

import (
	"context"
	"testing"

	"github.com/claimtrail/claimtrail/parse/conllu"
)

// TestOracleFollowsGold checks the dynamic oracle: following its best
// transition from the start rebuilds each (projectivised) gold tree with no
// cost, on the invented treebank and on EWT dev when present.
func TestOracleFollowsGold(t *testing.T) {
	sents := tiny(t)
	if more, err := conllu.ReadFile(context.Background(), "../../shared/data/ud/en_ewt/en_ewt-ud-dev.conllu"); err == nil {
		sents = append(sents, more...)
	}
	m, c, err := prepare(sents)
	if err != nil {
		t.Fatal(err)
	}
	L := len(m.labels)
	scores := make([]float32, 1+2*L)
	var st state
	var o oracle
	checked := 0
	for si := range c.lx {
		if c.heads[si] == nil {
			continue
		}
		o.set(c.heads[si], c.labels[si])
		st.reset(len(c.lx[si]))
		for !st.done() {
			gold, _, minCost := o.bestZero(&st, scores, L, m.root, 0)
			if minCost != 0 {
				t.Fatalf("sentence %d: best transition costs %d", si, minCost)
			}
			st.apply(gold, L)
		}
		for d, h := range c.heads[si] {
			if st.head[d] != h || int(st.label[d])-1 != c.labels[si][d] {
				t.Fatalf("sentence %d word %d: head %d label %d, want %d %d", si, d, st.head[d], st.label[d]-1, h, c.labels[si][d])
			}
		}
		checked++
	}
	t.Logf("%d sentences rebuilt", checked)
}
