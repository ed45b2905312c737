package dedup

import (
	"strings"
	"testing"
)

const sample = `The harbour authority said on Tuesday that the northern pier would stay closed
for at least three weeks while engineers inspect cracks found in its concrete supports.
Ferry services to the islands will leave from the southern terminal instead, and the
operator has added two extra crossings each evening to cope with the holiday traffic.
A spokesperson for the city council said repairs would be paid from the maintenance
budget and that no jobs were at risk. Local traders, who depend on visitors arriving at
the northern pier, asked for temporary signs directing tourists to the old market.`

const other = `Researchers at the agricultural institute have bred a wheat variety that
needs a third less water than the strains grown today, according to results published
this month. Field trials ran over four seasons on dry plots in the south, where yields
held steady even in the hottest summer on record. Seed companies expect to license the
variety within two years, though farmers' groups want independent tests first.`

func TestPrintIgnoresCaseAndPunctuation(t *testing.T) {
	a := NewPrint(sample)
	b := NewPrint(strings.ToUpper(strings.ReplaceAll(sample, ",", " ;")))
	if s, ok := a.Match(b); !ok || s != 2 {
		t.Errorf("case and punctuation made another text: match %.2f %v", s, ok)
	}
	if !a.Indexed() {
		t.Fatal("sample too short to index")
	}
}

func TestShortText(t *testing.T) {
	p := NewPrint("Too short to fingerprint.")
	if p.Indexed() || p.Bands() != nil {
		t.Error("a four-word text was indexed")
	}
	if _, ok := p.Match(NewPrint("too SHORT to fingerprint")); !ok {
		t.Error("short texts with the same words are not copies")
	}
	if _, ok := p.Match(NewPrint("too short to fingerprint again")); ok {
		t.Error("short texts with other words are copies")
	}
}

func TestCopyWithSmallEdit(t *testing.T) {
	a := NewPrint(sample)
	b := NewPrint("Updated at noon. " + strings.Replace(sample, "on Tuesday", "on Wednesday", 1))
	if _, ok := a.Match(b); !ok {
		t.Errorf("small edit: containment %.2f < %.2f", a.Containment(b), Threshold)
	}
	if !sharesBand(a, b) {
		t.Error("copies share no band")
	}
}

func TestDifferentTextsAreFar(t *testing.T) {
	a, b := NewPrint(sample), NewPrint(other)
	if _, ok := a.Match(b); ok {
		t.Errorf("unrelated texts are copies (containment %.2f)", a.Containment(b))
	}
	if sharesBand(a, b) {
		t.Error("unrelated texts share a band key")
	}
}

// TestContainment: a text embedded in a longer one, or trimmed, is a copy
// whichever way round the two are compared.
func TestContainment(t *testing.T) {
	a := NewPrint(sample)
	longer := NewPrint("Our correspondent adds some context first. " + sample + " " + other)
	trimmed := NewPrint(sample[:len(sample)/2])
	for name, p := range map[string]*Print{"embedded": longer, "trimmed": trimmed} {
		if _, ok := a.Match(p); !ok {
			t.Errorf("%s: containment %.2f", name, a.Containment(p))
		}
		if _, ok := p.Match(a); !ok {
			t.Errorf("%s, reversed: containment %.2f", name, p.Containment(a))
		}
	}
}

func TestBinaryRoundTrip(t *testing.T) {
	a, ok := NewPrint(sample).Signature()
	if !ok {
		t.Fatal("no signature")
	}
	data, err := a.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	var b Signature
	if err := b.UnmarshalBinary(data); err != nil {
		t.Fatal(err)
	}
	if a != b {
		t.Error("signature changed in a binary round trip")
	}
	if err := b.UnmarshalBinary(data[1:]); err == nil {
		t.Error("UnmarshalBinary accepted a truncated signature")
	}
}

func sharesBand(a, b *Print) bool {
	ab, bb := a.Bands(), b.Bands()
	for i := range ab {
		if ab[i] == bb[i] {
			return true
		}
	}
	return false
}

func FuzzPrint(f *testing.F) {
	f.Add(sample)
	f.Add("")
	f.Add("\xff\xfe broken utf8 " + strings.Repeat("word ", 30))
	f.Fuzz(func(t *testing.T, s string) {
		a, b := NewPrint(s), NewPrint(s)
		if sa, _ := a.Signature(); sa != func() Signature { x, _ := b.Signature(); return x }() {
			t.Fatal("signature is not deterministic")
		}
		if sc, ok := a.Match(b); !ok || sc != 2 {
			t.Fatal("a text is not a copy of itself")
		}
		if c := a.Containment(b); a.Indexed() && c != 1 {
			t.Fatalf("containment with itself %.2f", c)
		}
	})
}

// rewrite keeps about two thirds of sample's word runs, changing a word in
// some sentences: a rewrite of the wire below Threshold.
func rewrite(credit string) string {
	s := strings.Replace(sample, "said on Tuesday", "said on Tuesday,"+credit, 1)
	s = strings.Replace(s, "Ferry services", "Ferry crossings", 1)
	s = strings.Replace(s, "repairs would be paid", "the repairs would be funded", 1)
	return strings.Replace(s, "Local traders", "Shopkeepers", 1)
}

func TestCreditedRewriteIsACopy(t *testing.T) {
	wire := NewPrintFrom(sample, "Harbour Wire")
	credited := NewPrintFrom(rewrite(" Harbour Wire reported,"), "Island Radio")
	uncredited := NewPrintFrom(rewrite(" reporters were told,"), "Island Radio")
	c := credited.Containment(wire)
	if c >= Threshold || c < CreditedThreshold {
		t.Fatalf("the rewrite's containment %.2f is not between the thresholds", c)
	}
	if _, ok := credited.Match(wire); !ok {
		t.Error("a rewrite crediting the wire's outlet is no copy")
	}
	if _, ok := uncredited.Match(wire); ok {
		t.Errorf("an uncredited rewrite (containment %.2f) is a copy", uncredited.Containment(wire))
	}
	sameOutlet := NewPrintFrom(rewrite(" Harbour Wire reported,"), "Harbour Wire")
	if _, ok := sameOutlet.Match(wire); ok {
		t.Error("an outlet's second version that names itself is a copy of its first")
	}
}
