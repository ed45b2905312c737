package link

import (
	"slices"
	"testing"
)

// TestIrregularPasts: every irregular past form links as its base form
// does ("did not come" and "came"), and the table lists no form twice.
func TestIrregularPasts(t *testing.T) {
	bases := map[string]string{
		"came": "come", "took": "take", "taken": "take", "gave": "give", "given": "give",
		"made": "make", "knew": "know", "known": "know", "paid": "pay", "sold": "sell",
		"bought": "buy", "began": "begin", "begun": "begin", "broke": "break", "broken": "break",
		"fell": "fall", "fallen": "fall", "held": "hold", "kept": "keep", "lost": "lose",
		"ran": "run", "sent": "send", "stole": "steal", "stolen": "steal", "struck": "strike",
		"spent": "spend", "won": "win", "wrote": "write", "written": "write", "drove": "drive",
		"driven": "drive", "flew": "fly", "flown": "fly", "shot": "shoot", "hid": "hide",
		"hidden": "hide", "chose": "choose", "chosen": "choose", "froze": "freeze", "frozen": "freeze",
		"sank": "sink", "sunk": "sink", "spoke": "speak", "spoken": "speak", "threw": "throw",
		"thrown": "throw", "withdrew": "withdraw", "withdrawn": "withdraw", "forbade": "forbid",
		"forbidden": "forbid", "brought": "bring", "caught": "catch", "fought": "fight",
		"sought": "seek", "taught": "teach", "thought": "think",
	}
	if len(bases) != len(irregularPasts) {
		t.Errorf("%d forms tested, %d in the table", len(bases), len(irregularPasts))
	}
	s := newStemmer()
	for past, base := range bases {
		if got, want := s.stems(past), s.stems(base); !slices.Equal(got, want) {
			t.Errorf("%q links as %v, %q as %v", past, got, base, want)
		}
	}
}
