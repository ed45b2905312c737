package link

import (
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail"
)

// TestReportContent runs each row of reportContents: the sentence's words
// with the report noun and verdict words blanked are the row's kept words.
func TestReportContent(t *testing.T) {
	for _, r := range reportContents {
		d := analyse(t, r.example)
		span := claimtrail.Span{Start: 0, End: len(r.example)}
		frame := reportFrame(d, span)
		got := strings.Join(strings.Fields(withoutFrame(r.example, span, frame)), " ")
		if got != r.kept {
			t.Errorf("%s (%s): kept %q, want %q", r.example, r.rel, got, r.kept)
		}
	}
}

// TestReportNounAlone: a report noun with no content of its own ("the
// story is false") leaves its words as they are: there is nothing else to
// match the denial by.
func TestReportNounAlone(t *testing.T) {
	text := "The minister said the story was false."
	if f := reportFrame(analyse(t, text), claimtrail.Span{Start: 0, End: len(text)}); f != nil {
		t.Errorf("frame %v for a report noun with no content", f)
	}
}

// TestHoaxAboutJoinsItsContent: "dismissed a death hoax about the singer"
// denies the claim of the singer's death, not another claim about the
// singer.
func TestHoaxAboutJoinsItsContent(t *testing.T) {
	claims := linkTexts(t,
		"The singer Irka Varga has died in a car crash near Morvik, a fan site reported on Sunday. The singer had cancelled two concerts in Morvik last week, the fan site said.",
		"Irka Varga's manager, Otto Quillan, on Monday dismissed a death hoax about the singer.",
	)
	died := claimWith(claims, "died")
	if died == nil || articlesOf(died, claimtrail.Denies) != "b" {
		t.Fatalf("death claim not denied by the manager: %+v", died)
	}
	if c := claimWith(claims, "cancelled"); c != nil && articlesOf(c, claimtrail.Denies) != "" {
		t.Errorf("concerts claim denied by a death hoax denial")
	}
}

// TestBareVerdictNearestDenial: "It is a lie" judges what its speaker
// denied just before, not every claim it denied in the article.
func TestBareVerdictNearestDenial(t *testing.T) {
	claims := linkTexts(t,
		"The Harvel mining company dumped waste into the Sarn river, residents said. The company has also agreed to sell its Pellow mine to Torvald Metals, the Eastfield Sentry reported.",
		"Harvel denied that it had dumped waste into the Sarn river.\n\nHarvel also denied that it had agreed to sell its Pellow mine to Torvald Metals. \"It is a lie,\" the company said.",
	)
	sale := claimWith(claims, "Pellow")
	waste := claimWith(claims, "waste")
	if sale == nil || waste == nil {
		t.Fatalf("claims missing: %+v", claims)
	}
	blanketOn := func(c *claimtrail.Claim) bool {
		for _, st := range c.Statements {
			if st.Blanket {
				return true
			}
		}
		return false
	}
	if !blanketOn(sale) {
		t.Errorf("the verdict does not judge the sale denied just before it")
	}
	if blanketOn(waste) {
		t.Errorf("the verdict judges the waste claim denied a paragraph earlier")
	}
}

// TestClaimantNames runs each row of claimantRels: the names of who made
// the report.
func TestClaimantNames(t *testing.T) {
	for _, r := range claimantRels {
		d := analyse(t, r.example)
		got := claimantNames(d, claimtrail.Span{Start: 0, End: len(r.example)})
		if strings.Join(got, " ") != strings.ToLower(r.kept) {
			t.Errorf("%s: claimant %v, want %s", r.example, got, r.kept)
		}
	}
}

// TestVerdictOnNamedClaimant: "Fennimore's claim was false" judges what
// Fennimore claimed, not the claim the article denied just before.
func TestVerdictOnNamedClaimant(t *testing.T) {
	claims := linkTexts(t,
		"Ten smugglers crossed the Varn border last week, Senator Odile Fennimore said. The fence at Varn had been breached in two places, local farmers said.",
		"Border police denied that the fence at Varn had been breached. A police spokesman said Fennimore's claim was false.",
	)
	blanketOn := func(words string) bool {
		c := claimWith(claims, words)
		if c == nil {
			t.Fatalf("no claim with %q: %+v", words, claims)
		}
		for _, st := range c.Statements {
			if st.Blanket {
				return true
			}
		}
		return false
	}
	if !blanketOn("smugglers") {
		t.Errorf("the verdict does not judge Fennimore's claim")
	}
	if blanketOn("fence") {
		t.Errorf("the verdict judges the fence claim, denied just before, not Fennimore's")
	}
}
