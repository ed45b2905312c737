package sentences

import (
	"context"
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail/parse/conllu"
)

const bank = `# newdoc id = d1
# newpar id = p1
# text = It rained.
1	It	it	PRON	PRP	_	2	nsubj	_	_
2	rained	rain	VERB	VBD	_	0	root	_	_
3	.	.	PUNCT	.	_	2	punct	_	_

# text = Roads shut.
1	Roads	road	NOUN	NNS	_	2	nsubj	_	_
2	shut	shut	VERB	VBD	_	0	root	_	_
3	.	.	PUNCT	.	_	2	punct	_	_

# newpar id = p2
# text = Ferries sailed.
1	Ferries	ferry	NOUN	NNS	_	2	nsubj	_	_
2	sailed	sail	VERB	VBD	_	0	root	_	_
3	.	.	PUNCT	.	_	2	punct	_	_

`

func TestParagraphsAndScore(t *testing.T) {
	sents, err := conllu.ReadAll(context.Background(), strings.NewReader(bank), "bank")
	if err != nil {
		t.Fatal(err)
	}
	ps := Paragraphs(sents)
	if len(ps) != 2 || ps[0].Text != "It rained. Roads shut." || len(ps[0].Ends) != 2 || ps[0].Ends[0] != 10 {
		t.Fatalf("paragraphs %+v", ps)
	}
	var sc Score
	sc.Add(ps[0], []int{10, 22})
	sc.Add(ps[1], []int{7, 15})
	if sc.Gold != 1 || sc.Found != 2 || sc.Right != 1 || sc.Recall() != 1 || sc.Precision() != 0.5 {
		t.Errorf("score %+v", sc)
	}
}
