package link

import (
	"testing"

	"github.com/claimtrail/claimtrail"
)

// TestFigureNear runs the examples of figures that are, and are not, two
// estimates of one counted thing.
func TestFigureNear(t *testing.T) {
	for _, tc := range []struct {
		a, b figure
		near bool
	}{
		{figure{41, "peopl", 1}, figure{37, "peopl", 2}, true},     // two tolls of one collapse
		{figure{150, "vessel", 1}, figure{140, "vessel", 2}, true}, // ships queuing
		{figure{4.2e6, "custom", 1}, figure{2.4e6, "custom", 2}, false},
		{figure{30, "student", 1}, figure{12, "student", 2}, false},
		{figure{38, "peopl", 1}, figure{120, "peopl", 2}, false}, // the dead are not all on board
		{figure{41, "peopl", 1}, figure{37, "vessel", 2}, false},
		{figure{41, "peopl", 1}, figure{41, "peopl", 1}, false}, // one figure: already a shared feature
	} {
		if got := tc.a.near(tc.b); got != tc.near {
			t.Errorf("%v near %v = %v, want %v", tc.a, tc.b, got, tc.near)
		}
	}
}

// TestFiguresCountThings runs the examples of quantities that make figures
// (counted people and things) and those that measure (shares, distances,
// sums, durations), whose near values say nothing.
func TestFiguresCountThings(t *testing.T) {
	for _, tc := range []struct {
		text string
		want int
	}{
		{"Forty-one people were injured.", 1},
		{"More than 150 vessels are queuing outside the port.", 1},
		{"The party was on 33 percent.", 0},
		{"The systems are within 30 kilometres of the border.", 0},
		{"The offer values the dairy at about 2.1 billion euros.", 0},
		{"The engine stopped about 100 seconds early.", 0},
	} {
		d := analyse(t, tc.text)
		got := figures(newStemmer(), d.QuantitiesIn(claimtrail.Span{Start: 0, End: len(tc.text)}))
		if len(got) != tc.want {
			t.Errorf("%q: %d figures %v, want %d", tc.text, len(got), got, tc.want)
		}
	}
}

// TestDifferingFiguresLink checks that two sources giving differing tolls
// for one event make one claim, and that a figure offered as the
// correction of another makes its own.
func TestDifferingFiguresLink(t *testing.T) {
	claims := linkTexts(t,
		"Forty-one people were injured when the stand at Brackley Park collapsed, the ambulance service said.",
		"Thirty-seven people were treated for injuries after the collapse, the Ostby hospital said.",
	)
	if c := claimWith(claims, "injur"); c == nil || articlesOf(c, claimtrail.Asserts) != "a,b" {
		t.Errorf("differing tolls were not linked: %q", texts(claims))
	}
	claims = linkTexts(t,
		"About 220 trucks are waiting at the Dorvik border crossing, the customs office said.",
		"More than 250 lorries are waiting at Dorvik, the hauliers' union said.",
	)
	if c := claimWith(claims, "waiting"); c == nil || articlesOf(c, claimtrail.Asserts) != "a,b" {
		t.Errorf("differing counts by other nouns of one named place were not linked: %q", texts(claims))
	}
	claims = linkTexts(t,
		"About 220 trucks are waiting at the border, the customs office said.",
		"More than 250 lorries are waiting in the port, the hauliers' union said.",
	)
	if c := claimWith(claims, "220"); c == nil || articlesOf(c, claimtrail.Asserts) != "a" {
		t.Errorf("differing counts by other nouns with no shared name were linked: %q", texts(claims))
	}
	claims = linkTexts(t,
		"Hackers stole the records of 42 patients of the Velm clinic, the Tarn Herald reported.",
		"The clinic said the records of 40 patients were stolen. The correct figure is 40, not 42, the clinic said.",
	)
	if c := claimWith(claims, "42"); c == nil || articlesOf(c, claimtrail.Asserts) != "a" {
		t.Errorf("a corrected figure was linked to its correction: %q", texts(claims))
	}
}

// TestCountStem runs the examples of link stems that only count and of
// those that are words of a proposition.
func TestCountStem(t *testing.T) {
	for _, tc := range []struct {
		word  string
		count bool
	}{
		{"five", true}, {"hundreds", true}, {"dozen", true}, {"million", true},
		{"300", true}, {"2,500", true}, {"4.5", true}, {"forty-one", true},
		{"siblings", false}, {"hostages", false}, {"tested", false}, {"thirds", false},
	} {
		stems := Stems(tc.word)
		if len(stems) != 1 {
			t.Fatalf("%q has stems %q", tc.word, stems)
		}
		if got := countStem(stems[0]); got != tc.count {
			t.Errorf("countStem(%q of %q) = %v, want %v", stems[0], tc.word, got, tc.count)
		}
	}
}

// TestSpecific runs the examples of numbers that name one quantity of a
// story and of those that count anything.
func TestSpecific(t *testing.T) {
	for _, tc := range []struct {
		v    float64
		want bool
	}{
		{2.3e9, true}, {8500, true}, {1250, true}, {4.2e6, true},
		{5, false}, {30, false}, {41, false}, {350, false}, {20000, false}, {2e9, false},
	} {
		if got := specific(tc.v); got != tc.want {
			t.Errorf("specific(%v) = %v, want %v", tc.v, got, tc.want)
		}
	}
}
