package story

import (
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail"
)

// TestNamedInSentence: a capital inside the sentence names a document; one
// that only opens the sentence, or a month's, does not.
func TestNamedInSentence(t *testing.T) {
	for _, tc := range []struct {
		sentence, name string
		want           bool
	}{
		{"The Fenwick study found that inspections fell.", "Fenwick study", true},
		{"According to the Orsk audit, inspections fell.", "Orsk audit", true},
		{"Reports say inspections fell.", "Reports", false},
		{"Unconfirmed reports say inspections fell.", "Unconfirmed reports", false},
		{"In July reports said inspections fell.", "In July reports", false},
		{"A leaked memo showed that inspections fell.", "leaked memo", false},
		{"The paper cited reports that four men were held in Texas.", "reports that four men were held in Texas", false},
		{"Inspections fell, the 2019 Orsk audit said.", "2019 Orsk audit", true},
	} {
		sent := claimtrail.Span{Start: 0, End: len(tc.sentence)}
		if got := namedInSentence(tc.sentence, sent, tc.name); got != tc.want {
			t.Errorf("%q in %q: named %v, want %v", tc.name, tc.sentence, got, tc.want)
		}
	}
}

// TestNamedDocumentOrigin: a named document quoted by an outlet is its own
// origin, keyed by its name; one a party holds stays the party's.
func TestNamedDocumentOrigin(t *testing.T) {
	text := "The Fenwick study found that inspections fell."
	st := claimtrail.Statement{Sentence: claimtrail.Span{Start: 0, End: len(text)}}
	outlet := claimtrail.Source{Name: "Kessel Post", Kind: claimtrail.KindOutlet}
	study := claimtrail.Source{Name: "Fenwick study", Kind: claimtrail.KindDocument}
	body := claimtrail.Source{Name: "Tarrow Institute", Kind: claimtrail.KindOrganization}
	if o, ok := namedDocument([]claimtrail.Source{outlet, study}, text, st); !ok || !strings.HasPrefix(o.key, documentPrefix) {
		t.Errorf("outlet's study: origin %q (%v), want the document", o.key, ok)
	}
	if _, ok := namedDocument([]claimtrail.Source{outlet, body, study}, text, st); ok {
		t.Errorf("the institute's study: want the institute's origin, not the document's")
	}
}
