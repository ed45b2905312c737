package attrib

import (
	"context"
	"testing"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/nlp"
)

// speakerOfLast returns the speaker of the last statement extracted from
// text, or "".
func speakerOfLast(t *testing.T, an *nlp.Analyzer, text string) string {
	return speakerOf(t, an, text, -1)
}

// speakerOf returns the speaker of statement i (from the end when
// negative) extracted from text, or "".
func speakerOf(t *testing.T, an *nlp.Analyzer, text string, i int) string {
	t.Helper()
	doc, err := an.Analyze(context.Background(), &claimtrail.Article{Text: text, Outlet: "Test Wire"})
	if err != nil {
		t.Fatal(err)
	}
	sts := New().Extract(doc)
	if i < 0 {
		i += len(sts)
	}
	if i < 0 || i >= len(sts) {
		return ""
	}
	return sts[i].Speaker().Name
}

// TestDescriptionRules runs every description rule's example: the
// description is resolved to the name before it.
func TestDescriptionRules(t *testing.T) {
	an, err := nlp.NewAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	for _, rule := range descriptionRules {
		text, want := rule.example[0], rule.example[1]
		if got := speakerOfLast(t, an, text); got != want {
			t.Errorf("%s: %q: speaker %q, want %q", rule.heads, text, got, want)
		}
	}
}

// TestDescriptionCues: the head must fit the name's class, the nearer and
// the one that spoke win, and a modifier must be held by the name.
func TestDescriptionCues(t *testing.T) {
	an, err := nlp.NewAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		text, want string
		i          int
	}{
		// class: a union is no company
		{"Orlan Mining hired staff. The Dock Workers' Union objected.\n\nThe company said pay would rise.", "Orlan Mining", -1},
		// recency
		{"Ombrell Bank cut rates. Later Orlan Bank cut rates too.\n\nThe bank said demand was weak.", "Orlan Bank", -1},
		// has spoken
		{"Ombrell Bank said rates would fall. Orlan Bank was fined on Monday.\n\nThe bank added that demand was weak.", "Ombrell Bank", -1},
		// a telling modifier, the name coming after the description
		{"The national space agency said on Monday that the launch had failed. Its director, Ilse Varn of the Merovan Space Agency, flew in.",
			"Merovan Space Agency", 0},
		// a name run past the company's name: the name that opens it
		{"The second stage of a Brisk Aerospace Falcon-9 rocket failed on Tuesday, the company said.", "Brisk Aerospace", -1},
		// the description given before the name: "the firm OrbitScope"
		{"Images from the imagery firm Skylens were published on Monday.\n\nThe firm said the trucks were new.", "Skylens", -1},
		// no name, but a fuller description before
		{"The envoy was summoned to the foreign ministry on Friday.\n\nThe ministry said the visit had been cut short.", "foreign ministry", -1},
		// a title word inside a body's name
		{"Orsk General Hospital treated 40 people.\n\nThe hospital said most had gone home.", "Orsk General Hospital", -1},
		// a modifier the name does not hold: no resolution
		{"Inspectors of the Civil Aviation Authority visited.\n\nThe health authority said the water was clean.", "health authority", -1},
	} {
		if got := speakerOf(t, an, tc.text, tc.i); got != tc.want {
			t.Errorf("%q: speaker %q, want %q", tc.text, got, tc.want)
		}
	}
}

// TestAppositiveGender: a title across a comma, before or after the name,
// marks the person's gender for "he" and "she".
func TestAppositiveGender(t *testing.T) {
	an, err := nlp.NewAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ text, want string }{
		{"The port's spokesman, Tarn Osk, declined to comment on the report. \"The cranes are safe,\" he said.", "Tarn Osk"},
		{"Tarn Osk, a spokeswoman for the port, declined to comment on the report. \"The cranes are safe,\" she said.", "Tarn Osk"},
	} {
		if got := speakerOfLast(t, an, tc.text); got != tc.want {
			t.Errorf("%q: speaker %q, want %q", tc.text, got, tc.want)
		}
	}
}

// TestAuthorPatterns runs every author pattern's example: "the report"
// after it speaks with its author's voice; with no author named, it stays
// the report.
func TestAuthorPatterns(t *testing.T) {
	an, err := nlp.NewAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range authorPatterns {
		text := p.example + "\n\nThe report says the cables were rusty."
		if got := speakerOfLast(t, an, text); got != p.author {
			t.Errorf("%q: speaker %q, want %q", text, got, p.author)
		}
	}
	if got := speakerOfLast(t, an, "The mayor read the report in silence.\n\nThe report says the cables were rusty."); got != "report" {
		t.Errorf("no author: speaker %q, want report", got)
	}
}
