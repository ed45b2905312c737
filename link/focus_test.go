package link

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/nlp"
)

// analyse analyses one sentence as an article.
func analyse(t *testing.T, text string) *nlp.Document {
	t.Helper()
	an, err := nlp.NewAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	d, err := an.Analyze(context.Background(), &claimtrail.Article{ID: "a", Outlet: "Outlet A", Text: text})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestNegatedFocus runs the examples of what a negation negates: the
// negator's head with its object and modifiers, and the subject noun.
func TestNegatedFocus(t *testing.T) {
	for _, tc := range []struct {
		text          string
		focus, absent string // a stem that must be, and one that must not be, in the focus
		subject       string // a stem of the subject, or "" for none
	}{
		{"There were no tanks at the palace.", "tank", "", ""},
		{"He has not been suspended.", "suspend", "", ""},
		{"I have never taken the drug.", "drug", "", ""},
		{"Nobody photographed the base.", "photograph", "", ""},
		{"It is a matter for my government, not for me.", "", "matter", ""},
		{"Tests of the tap water found no contamination.", "contamin", "", "test"},
		{"Not a single scene of the film had been staged.", "stage", "", ""},
	} {
		d := analyse(t, tc.text)
		span := claimtrail.Span{Start: 0, End: len(tc.text)}
		focus, subject := negatedFocus(d, span, newStemmer())
		if tc.focus != "" && !slices.Contains(focus, tc.focus) {
			t.Errorf("%q: focus %v lacks %q", tc.text, focus, tc.focus)
		}
		if tc.absent != "" && slices.Contains(focus, tc.absent) {
			t.Errorf("%q: focus %v holds %q", tc.text, focus, tc.absent)
		}
		if got := strings.Join(subject, " "); got != tc.subject {
			t.Errorf("%q: subject %q, want %q", tc.text, got, tc.subject)
		}
	}
}

// TestOpposedFrames runs the examples of one act by two parties.
func TestOpposedFrames(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"Veyra has expelled three diplomats from Ostland's embassy.", "Ostland will expel three Veyran diplomats.", true},
		{"Veyra has expelled three diplomats from Ostland's embassy.", "Veyra expelled three Ostlander diplomats on Monday.", false},
	} {
		fa := frameOf(analyse(t, tc.a), claimtrail.Span{Start: 0, End: len(tc.a)}, newStemmer())
		fb := frameOf(analyse(t, tc.b), claimtrail.Span{Start: 0, End: len(tc.b)}, newStemmer())
		if got := opposed(fa, fb); got != tc.want {
			t.Errorf("opposed(%q %+v, %q %+v) = %v, want %v", tc.a, fa, tc.b, fb, got, tc.want)
		}
	}
}

// TestPassiveFramesNotOpposed: a passive's subject is the patient, so an
// active and a passive statement of one act are never opposed.
func TestPassiveFramesNotOpposed(t *testing.T) {
	a := "The city of Port Alder awarded the Dorn bridge contract to Kestrel Build."
	b := "The Dorn bridge contract was awarded to Kestrel Build without a tender."
	fa := frameOf(analyse(t, a), claimtrail.Span{Start: 0, End: len(a)}, newStemmer())
	fb := frameOf(analyse(t, b), claimtrail.Span{Start: 0, End: len(b)}, newStemmer())
	if opposed(fa, fb) {
		t.Errorf("active %+v and passive %+v opposed", fa, fb)
	}
}

// TestNegatedActs runs the examples of the acts a negation negates,
// conjuncts chained by the parser included, and of a clause's subject head.
func TestNegatedActs(t *testing.T) {
	neg := "The board had not planned, approved or discussed any merger with Halden."
	got := negatedActs(analyse(t, neg), claimtrail.Span{Start: 0, End: len(neg)}, newStemmer())
	for _, want := range []string{"plan", "approv", "discuss"} {
		if !slices.Contains(got, want) {
			t.Errorf("acts %v lack %q", got, want)
		}
	}
	claim := "Discussions with Halden were at an advanced stage."
	if got := subjectHead(analyse(t, claim), claimtrail.Span{Start: 0, End: len(claim)}, newStemmer()); got != "discuss" {
		t.Errorf("subject head %q, want discuss", got)
	}
}

// TestConflictingPredicates runs the examples of one predicate whose
// case-marked argument two statements fill with different names.
func TestConflictingPredicates(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"The ferry sailed from Ashcombe on Friday.", "The ferry had sailed from the port of Keswald, 40 kilometres north of Ashcombe.", true},
		{"The ferry sailed from Ashcombe on Friday.", "The ferry sailed from Ashcombe with 80 people aboard.", false},
		{"The ferry sailed from Ashcombe on Friday.", "The ferry sank near Keswald.", false},
	} {
		pa := predicateOf(analyse(t, tc.a), claimtrail.Span{Start: 0, End: len(tc.a)}, newStemmer())
		pb := predicateOf(analyse(t, tc.b), claimtrail.Span{Start: 0, End: len(tc.b)}, newStemmer())
		if got := conflicting(pa, pb); got != tc.want {
			t.Errorf("conflicting(%q %+v, %q %+v) = %v, want %v", tc.a, pa, tc.b, pb, got, tc.want)
		}
	}
}

// TestEmbeddedPredicates runs the examples of a statement whose predicate
// another says only in an adverbial clause.
func TestEmbeddedPredicates(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"The trawler was in Norvish waters when it was boarded.", "The seizure of the trawler is the second such boarding this month.", true},
		{"An explosion at the mill killed two workers.", "Two of its employees died in the explosion at the mill.", false},
	} {
		pa := predicateOf(analyse(t, tc.a), claimtrail.Span{Start: 0, End: len(tc.a)}, newStemmer())
		pb := predicateOf(analyse(t, tc.b), claimtrail.Span{Start: 0, End: len(tc.b)}, newStemmer())
		if got := embeds(pa, pb); got != tc.want {
			t.Errorf("embeds(%q %+v, %q %+v) = %v, want %v", tc.a, pa, tc.b, pb, got, tc.want)
		}
	}
}

// TestMisparsedContentStated checks that a content's own clause, which the
// parse hangs from the reporting verb outside it, is still what the
// statement states, not an embedded clause; while an adverbial clause hung
// there is embedded.
func TestMisparsedContentStated(t *testing.T) {
	for _, tc := range []struct {
		sentence, content string
		stated, embedded  string // a stem the predicate must not embed, and one it must
	}{
		{"An explosion at the Harwick Dyes plant in Lenmoor killed two workers early on Monday, the fire brigade said.",
			"An explosion at the Harwick Dyes plant in Lenmoor killed two workers early on Monday", "kill", ""},
		{"The council approved the budget only because Norbridge Homes promised to build a school in Lenmoor, an aide said.",
			"The council approved the budget only because Norbridge Homes promised to build a school in Lenmoor", "", "promis"},
	} {
		start := strings.Index(tc.sentence, tc.content)
		p := predicateOf(analyse(t, tc.sentence), claimtrail.Span{Start: start, End: start + len(tc.content)}, newStemmer())
		if tc.stated != "" && slices.Contains(p.embedded, tc.stated) {
			t.Errorf("%q: %q taken for an embedded clause: %+v", tc.content, tc.stated, p)
		}
		if tc.embedded != "" && !slices.Contains(p.embedded, tc.embedded) {
			t.Errorf("%q: %q not embedded: %+v", tc.content, tc.embedded, p)
		}
	}
}
