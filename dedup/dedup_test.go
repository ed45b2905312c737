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

func TestSumIgnoresCaseAndPunctuation(t *testing.T) {
	a, ok := Sum(sample)
	if !ok {
		t.Fatal("Sum: sample too short")
	}
	b, _ := Sum(strings.ToUpper(strings.ReplaceAll(sample, ",", " ;")))
	if a != b {
		t.Error("case and punctuation changed the signature")
	}
}

func TestSumShortText(t *testing.T) {
	if _, ok := Sum("Too short to fingerprint."); ok {
		t.Error("Sum of a four-word text reported ok")
	}
}

func TestNearDuplicateWithSmallEdit(t *testing.T) {
	a, _ := Sum(sample)
	edited := "Updated at noon. " + strings.Replace(sample, "on Tuesday", "on Wednesday", 1)
	b, _ := Sum(edited)
	if !a.Near(&b) {
		t.Errorf("small edit: similarity %.2f < %.2f", a.Similarity(&b), Threshold)
	}
	if !sharesBand(&a, &b) {
		t.Error("near-duplicates share no band")
	}
}

func TestDifferentTextsAreFar(t *testing.T) {
	a, _ := Sum(sample)
	b, _ := Sum(other)
	if a.Near(&b) {
		t.Errorf("unrelated texts are near-duplicates (similarity %.2f)", a.Similarity(&b))
	}
	if sharesBand(&a, &b) {
		t.Error("unrelated texts share a band key")
	}
}

func TestBinaryRoundTrip(t *testing.T) {
	a, _ := Sum(sample)
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

func sharesBand(a, b *Signature) bool {
	ab, bb := a.Bands(), b.Bands()
	for i := range ab {
		if ab[i] == bb[i] {
			return true
		}
	}
	return false
}

func FuzzSum(f *testing.F) {
	f.Add(sample)
	f.Add("")
	f.Add("\xff\xfe broken utf8 " + strings.Repeat("word ", 30))
	f.Fuzz(func(t *testing.T, s string) {
		a, ok := Sum(s)
		b, ok2 := Sum(s)
		if a != b || ok != ok2 {
			t.Fatal("Sum is not deterministic")
		}
		if ok && a.Similarity(&b) != 1 {
			t.Fatal("a text is not similar to itself")
		}
	})
}
