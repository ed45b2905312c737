package link

import (
	"testing"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/nlp"
)

// TestSupportVerbs runs every example of the support verb table: the noun
// a support verb carries must meet the other's head.
func TestSupportVerbs(t *testing.T) {
	an, err := nlp.NewAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range supportVerbs {
		x, y := parsedCore(t, an, r.example[0]), parsedCore(t, an, r.example[1])
		if !sharesHead(x, y) {
			t.Errorf("%q / %q: heads %v / %v differ", r.example[0], r.example[1], x.heads, y.heads)
		}
	}
}

// TestConfirmationsJoin links two articles in which two sources state one
// fact by a verb and its noun, or count one event with other verbs and
// near figures; the pair joins, and differing figures show on the claim.
// Different acts of the same actors, and a figure offered as the
// correction of another, stay apart.
func TestConfirmationsJoin(t *testing.T) {
	for _, tc := range []struct {
		a, b    string
		join    bool
		figures bool
		why     string
	}{
		{"The Maltby club is in talks with Ivo Pascoe about a new contract, the Daily Wren reported.",
			"Pascoe's agent acknowledged discussions with the Maltby club, the Lune Post said.", true, false,
			"talks / acknowledged discussions"},
		{"The Maltby club is in talks with Ivo Pascoe about a new contract, the Daily Wren reported.",
			"Negotiations between Pascoe and the Maltby club have begun, the club's owner said.", true, false,
			"talks / negotiations have begun"},
		{"The council fined the Orbel mill 48,000 crowns, a council spokesman said.",
			"A penalty of 52,000 crowns was imposed on the Orbel mill by the council, the Tarn Herald reported.", true, true,
			"fined / a penalty imposed, near figures"},
		{"The coast guard said 19 crew members were rescued from the Varrow Star.",
			"Rescuers pulled 21 sailors off the stricken Varrow Star, the harbour office said.", true, true,
			"rescued / rescuers pulled, near figures"},
		{"The council fined the Orbel mill 48,000 crowns, a council spokesman said.",
			"The Tarn Herald said the council fined the Orbel mill 52,000 crowns. The correct figure is 52,000 crowns, not 48,000, the herald said.", false, false,
			"a figure offered as a correction"},
		{"The Tarn council accused the Orbel mill of dumping waste in the river, a council spokesman said.",
			"The Orbel mill has answered the council's accusation with a report on its discharges, its director said.", false, false,
			"an accusation and its answer"},
		{"Sources said the Corrow studio is beginning negotiations with the actor Tam Ellery for the lead role.",
			"The director Ada Venn previously held talks with his former star Piet Morrow to take the role, the Lune Post said.", false, false,
			"two talks with other parties"},
		{"The Tarn Herald said the Orbel watch will sell for 500 crowns in steel and 5,000 crowns in gold.",
			"The Orbel watch will sell for 500 crowns in steel and 4,000 crowns in gold, the Lune Post reported.", true, false,
			"several sums in each: prices of several things, no figures shown"},
		{"Police detained two men in Kessa, a police spokesman said.",
			"Police found weapons in a flat in Kessa, the Kessa Gazette reported.", false, false,
			"same actors, another act"},
	} {
		claims := linkTexts(t, tc.a, tc.b)
		var joined *claimtrail.Claim
		for i := range claims {
			if articlesOf(&claims[i], claimtrail.Asserts) == "a,b" {
				joined = &claims[i]
			}
		}
		if (joined != nil) != tc.join {
			t.Errorf("%s: joined %v, want %v: %q", tc.why, joined != nil, tc.join, texts(claims))
			continue
		}
		if joined != nil && (len(joined.Figures) > 0) != tc.figures {
			t.Errorf("%s: figures %v, want shown %v", tc.why, joined.Figures, tc.figures)
		}
	}
}
