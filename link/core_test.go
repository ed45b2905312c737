package link

import (
	"context"
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/nlp"
)

// firstSentence analyses text as one article and returns it with the span
// of its first sentence, less its full stop: one statement's content.
func firstSentence(t *testing.T, an *nlp.Analyzer, text string) (*nlp.Document, claimtrail.Span) {
	t.Helper()
	d, err := an.Analyze(context.Background(), &claimtrail.Article{ID: "a", Outlet: "Outlet", Text: text})
	if err != nil {
		t.Fatal(err)
	}
	s := d.Sentences[0]
	span := claimtrail.Span{Start: s.Start, End: s.End}
	if strings.HasSuffix(span.In(d.Text()), ".") {
		span.End--
	}
	return d, span
}

// parsedCore analyses text as one article and returns the core of its
// first sentence, read as one statement's content.
func parsedCore(t *testing.T, an *nlp.Analyzer, text string) core {
	t.Helper()
	d, span := firstSentence(t, an, text)
	c, ok := coreOf(d, span, newStemmer())
	if !ok {
		t.Fatalf("%q: no core", text)
	}
	return c
}

// TestCores runs pairs of statements alike in their words through the
// core comparison: those that say another thing of what they share must
// come out apart, restatements with other words must not.
func TestCores(t *testing.T) {
	an, err := nlp.NewAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		a, b  string
		apart bool
		why   string
	}{
		{"The old bridge at Penrick was still standing on Monday.", "The old bridge at Penrick has been destroyed.", true,
			"the opposite said of one subject"},
		{"The freighter Alma Rose was carrying stolen copper.", "Customs officers seized the freighter Alma Rose in the bay.", true,
			"the subject of one is only the object of the other"},
		{"Investigators examining the fire at the Ashcombe depot are studying phone records.", "Police arrested a guard over the fire at the Ashcombe depot.", true,
			"shared words only in a relative clause"},
		{"Hesketh Mills supplied the bakery with flour.", "The flour came from Hesketh Mills.", true,
			"arguments shared only crosswise, by other predicates"},
		{"The alarm at the Penrick museum was working normally that night.", "The alarm at the Penrick museum had been switched off for repairs that night.", true,
			"one subject and one night, two states"},
		{"We have lost twelve fishing boats.", "About 12 fishing boats sank in the storm.", false,
			"one count of one loss"},
		{"The two unions are in talks about a merger.", "The larger union was in discussions about a merger.", false,
			"talks and discussions are one predicate"},
		{"The mayor ordered the market closed.", "The mayor ordered the closure of the market.", false,
			"one predicate"},
		{"Rebels attacked the convoy near Orsk.", "Rebels ambushed the convoy near Orsk.", false,
			"different predicates, one object and place"},
	} {
		x, y := parsedCore(t, an, tc.a), parsedCore(t, an, tc.b)
		if got := differentCores(x, y); got != tc.apart {
			t.Errorf("%q / %q: apart %v, want %v (%s); cores %+v / %+v", tc.a, tc.b, got, tc.apart, tc.why, x, y)
		}
	}
}

// TestHeadSynonyms runs every example of the head synonym table: the two
// predicates must compare as one.
func TestHeadSynonyms(t *testing.T) {
	an, err := nlp.NewAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range headSynonyms {
		x, y := parsedCore(t, an, g.example[0]), parsedCore(t, an, g.example[1])
		same := false
		for _, h := range x.heads {
			for _, k := range y.heads {
				same = same || h == k
			}
		}
		if !same {
			t.Errorf("%q / %q: heads %v / %v differ", g.example[0], g.example[1], x.heads, y.heads)
		}
	}
}

// TestLists: a list with a member the other statement never names is
// another fact; the same list in other words is not.
func TestLists(t *testing.T) {
	an, err := nlp.NewAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		a, b  string
		apart bool
	}{
		{"The stolen files included names, phone numbers and bank details.", "The files included names and phone numbers.", true},
		{"The stolen files included names and phone numbers.", "The files included the names and phone numbers of staff.", false},
		{"The stolen files included names and phone numbers.", "Hackers took the files on Monday.", false},
	} {
		x, y := parsedCore(t, an, tc.a), parsedCore(t, an, tc.b)
		if got := otherLists(x, y); got != tc.apart {
			t.Errorf("%q / %q: lists apart %v, want %v; lists %v / %v", tc.a, tc.b, got, tc.apart, x.lists, y.lists)
		}
	}
}

// TestContradictionDenies: a mayor's "but most of the village is still
// standing" shares the village with a resident's "the village has been
// destroyed" but sets the contrary against it: it must not corroborate
// it, and it answers it.
func TestContradictionDenies(t *testing.T) {
	claims := linkTexts(t,
		"The village of Orlen has been destroyed by the flood, resident Pia Sand said.",
		"But most of Orlen is still standing, mayor Ivo Brandt said.",
	)
	for _, c := range claims {
		if got := articlesOf(&c, claimtrail.Asserts); got == "a,b" {
			t.Errorf("one claim holds both: %q", c.Text)
		}
	}
	if d := deniersOf(claims, "destroyed"); len(d) != 1 || d[0] != "Ivo Brandt" {
		t.Errorf("the destroyed claim is denied by %v, want the mayor", d)
	}
}

// TestOwnContrastDeniesNothing: an outlet's "However, …" after its own
// sentence goes on with its account; it does not answer that sentence,
// which another outlet's copy corroborates.
func TestOwnContrastDeniesNothing(t *testing.T) {
	claims := linkTexts(t,
		"A monk has won the chess title. In 2016 a Chilean monk in a Spanish abbey won the national chess title after being coached by a priest.",
		"A monk has won the chess title, his abbey said. Back in 2016 a Chilean monk in a Spanish abbey also won the national chess title. However, the Chilean monk's experience was different since he was coached by a priest.",
	)
	for _, c := range claims {
		if got := articlesOf(&c, claimtrail.Denies); got != "" {
			t.Errorf("%q is denied by %q, its own outlet's contrast", c.Text, got)
		}
	}
}

// TestNegativeCopiesJoin: a copy of a sentence whose content reads
// negatively ("who asked not to be named") and names nothing is still the
// same statement as its original.
func TestNegativeCopiesJoin(t *testing.T) {
	const s = "The ferry operator had been warned last year about rust in the hull, according to a former inspector who asked not to be named because he still works in the industry."
	claims := linkTexts(t, s, s)
	for _, c := range claims {
		if strings.Contains(c.Text, "rust") && articlesOf(&c, claimtrail.Asserts) != "a,b" {
			t.Errorf("the copy is a claim of its own: %q holds %q", c.Text, articlesOf(&c, claimtrail.Asserts))
		}
	}
}

// TestContrastWords runs every example of the contrast table: each must
// read as set against what came before; a plain clause must not.
func TestContrastWords(t *testing.T) {
	an, err := nlp.NewAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	for w, example := range contrastWords {
		if c := parsedCore(t, an, example+"."); !c.contrast {
			t.Errorf("%s: %q reads as no contrast", w, example)
		}
	}
	if c := parsedCore(t, an, "The school is standing."); c.contrast {
		t.Error(`"The school is standing" reads as a contrast`)
	}
}
