package polnear

import (
	"testing"

	"github.com/claimtrail/claimtrail"
)

func TestPronounCases(t *testing.T) {
	text := "Mayor Tomas Kurg said the bridge was safe. He said repairs were done. Many Kessians said no. He added more."
	at := func(s string, from int) claimtrail.Span {
		for i := from; i+len(s) <= len(text); i++ {
			if text[i:i+len(s)] == s {
				return claimtrail.Span{Start: i, End: i + len(s)}
			}
		}
		t.Fatalf("%q not found", s)
		return claimtrail.Span{}
	}
	kurg := at("Mayor Tomas Kurg", 0)
	he1 := at("He", 0)
	many := at("Many Kessians", 0)
	he2 := at("He", he1.End)
	a := &Article{Name: "a", Text: text, Attributions: []Attribution{
		{Source: Mention{kurg}}, {Source: Mention{he1}}, {Source: Mention{many}}, {Source: Mention{he2}},
	}}
	cases := PronounCases(a)
	if len(cases) != 2 || cases[0].Key != "kurg" || cases[1].Key != "kurg" {
		t.Fatalf("cases %+v, want two for kurg (a description is no name)", cases)
	}
	var s CorefScore
	s.Add(cases[0], "Tomas Kurg")
	s.Add(cases[1], "he")
	s.Add(cases[1], "")
	if s.Cases != 3 || s.Found != 2 || s.Right != 1 || s.Unresolved != 1 || s.Accuracy() != 0.5 {
		t.Errorf("score %+v", s)
	}
}
