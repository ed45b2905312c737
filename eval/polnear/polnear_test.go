package polnear

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail"
)

func texts(text string, m Mention) []string {
	var out []string
	for _, s := range m {
		out = append(out, s.In(text))
	}
	return out
}

func eq(a, b []string) bool {
	return strings.Join(a, "\x00") == strings.Join(b, "\x00") && len(a) == len(b)
}

func TestReadSplit(t *testing.T) {
	arts, err := ReadSplit(context.Background(), "testdata/tiny")
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) != 3 {
		t.Fatalf("read %d articles, want 3", len(arts))
	}
	alpha, beta, gamma := arts[0], arts[1], arts[2]
	if alpha.Name != "alpha" || beta.Name != "beta" || gamma.Name != "gamma" {
		t.Fatalf("names %q %q %q", alpha.Name, beta.Name, gamma.Name)
	}
	if len(alpha.Attributions) != 2 {
		t.Fatalf("alpha: %d attributions, want 2", len(alpha.Attributions))
	}
	// Character offsets after "Café", "“" and "Zoë" are not byte offsets.
	a := alpha.Attributions[0]
	for _, c := range []struct {
		m    Mention
		want []string
	}{
		{a.Source, []string{"Zoë Márquez"}},
		{a.Cue, []string{"said"}},
		{a.Content, []string{"Café owners are “furious,”"}},
	} {
		if got := texts(alpha.Text, c.m); !eq(got, c.want) {
			t.Errorf("E1: got %q, want %q", got, c.want)
		}
	}
	// A discontinuous content span whose second fragment holds a paragraph
	// break, and an E line with a trailing space.
	b := alpha.Attributions[1]
	if got, want := texts(alpha.Text, b.Content), []string{"The levy", "“will pass next month.\n\nNobody can stop it.”"}; !eq(got, want) {
		t.Errorf("E2 content: got %q, want %q", got, want)
	}
	if got := texts(alpha.Text, b.Source); !eq(got, []string{"the mayor"}) {
		t.Errorf("E2 source: got %q", got)
	}
	// A second annotator's file is kept apart, for agreement.
	if alpha.Annotator != "0a1b" || alpha.SecondAnnotator != "7c7c" || len(alpha.Second) != 1 {
		t.Errorf("alpha: annotators %q, %q with %d second attributions, want 0a1b, 7c7c, 1", alpha.Annotator, alpha.SecondAnnotator, len(alpha.Second))
	} else if got := texts(alpha.Text, alpha.Second[0].Cue); !eq(got, []string{"said on Tuesday"}) {
		t.Errorf("alpha second cue %q", got)
	}
	// The only annotation file is empty: no attributions, no error.
	if len(beta.Attributions) != 0 || beta.Annotator != "0a1b" {
		t.Errorf("beta: %d attributions from %q, want 0 from 0a1b", len(beta.Attributions), beta.Annotator)
	}
	// Two annotators, the first with an empty file: the other one is used.
	if gamma.Annotator != "9f9f" || len(gamma.Attributions) != 1 {
		t.Fatalf("gamma: %d attributions from %q, want 1 from 9f9f", len(gamma.Attributions), gamma.Annotator)
	}
	if gamma.SecondAnnotator != "" || beta.SecondAnnotator != "" {
		t.Errorf("second annotators %q, %q from empty files", gamma.SecondAnnotator, beta.SecondAnnotator)
	}
	if g := gamma.Attributions[0]; g.Source != nil || !eq(texts(gamma.Text, g.Cue), []string{"warned"}) {
		t.Errorf("gamma: source %v cue %q, want no source and cue warned", g.Source, texts(gamma.Text, g.Cue))
	}
}

func TestReadSplitErrors(t *testing.T) {
	if _, err := ReadSplit(context.Background(), "testdata/missing"); err == nil {
		t.Error("missing split: no error")
	}
}

func TestParseAnnErrors(t *testing.T) {
	text := "Ann said it rained."
	for _, c := range []struct{ name, ann, want string }{
		{"beyond text", "T1\tCue 4 99\tsaid\n", "1: T1: bad span offsets"},
		{"reversed", "T1\tCue 8 4\tsaid\n", "bad span offsets"},
		{"not numbers", "T1\tCue a b\tsaid\n", "bad span offsets"},
		{"unknown ref", "T1\tCue 4 8\tsaid\nE1\tCue:T1 Content:T9\n", "2: E1: event refers to an unknown text-bound annotation: T9"},
		{"bad arg", "T1\tCue 4 8\tsaid\nE1\tCue:T1 Content\n", "argument \"Content\" is not ROLE:ID"},
	} {
		_, err := ParseAnn(text, []byte(c.ann))
		var le *LineError
		if err == nil || !errors.As(err, &le) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want a *LineError containing %q", c.name, err, c.want)
		}
	}
}

func TestWriteAnnRoundTrip(t *testing.T) {
	arts, err := ReadSplit(context.Background(), "testdata/tiny")
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range arts {
		var buf bytes.Buffer
		if err := WriteAnn(&buf, a.Text, a.Attributions); err != nil {
			t.Fatal(err)
		}
		back, err := ParseAnn(a.Text, buf.Bytes())
		if err != nil {
			t.Fatalf("%s: re-reading written file: %v\n%s", a.Name, err, buf.String())
		}
		if len(back) != len(a.Attributions) {
			t.Fatalf("%s: %d attributions after round trip, want %d", a.Name, len(back), len(a.Attributions))
		}
		for i := range back {
			for _, r := range Roles {
				if got, want := texts(a.Text, back[i].Mention(r)), texts(a.Text, a.Attributions[i].Mention(r)); !eq(got, want) {
					t.Errorf("%s #%d %s: %q after round trip, want %q", a.Name, i, r, got, want)
				}
			}
		}
		if a.Name == "alpha" && !strings.Contains(buf.String(), "Content 57 65;93 137\t") {
			t.Errorf("alpha: discontinuous span not written in character offsets:\n%s", buf.String())
		}
	}
}

func sp(text, sub string) Mention {
	i := strings.Index(text, sub)
	if i < 0 {
		panic("no " + sub)
	}
	return Mention{{Start: i, End: i + len(sub)}}
}

// TestCompare checks the scorer on a case worked out by hand.
func TestCompare(t *testing.T) {
	text := "Ann Lee said the bridge will close in May. Officials told reporters that buses will run."
	gold := []Attribution{
		{Source: sp(text, "Ann Lee"), Cue: sp(text, "said"), Content: sp(text, "the bridge will close in May")},
		{Source: sp(text, "Officials"), Cue: sp(text, "told reporters"), Content: sp(text, "that buses will run")},
	}
	pred := []Attribution{
		// Exact on all three roles.
		{Source: sp(text, "Ann Lee"), Cue: sp(text, "said"), Content: sp(text, "the bridge will close in May")},
		// Source exact; cue "told" shares 1 of 2 tokens (overlap: 1 >= 2/2);
		// content "buses will run." shares 3 of the longer 4 tokens
		// (overlap, not exact).
		{Source: sp(text, "Officials"), Cue: sp(text, "told"), Content: sp(text, "buses will run.")},
		// A spurious attribution sharing nothing with gold.
		{Cue: sp(text, "close"), Content: sp(text, "in May")},
	}
	s := Compare(text, gold, pred)
	want := map[string]Pair{
		"source":      {Exact: Counts{2, 2, 2}, Overlap: Counts{2, 2, 2}},
		"cue":         {Exact: Counts{2, 3, 1}, Overlap: Counts{2, 3, 2}},
		"content":     {Exact: Counts{2, 3, 1}, Overlap: Counts{2, 3, 2}},
		"attribution": {Exact: Counts{2, 3, 1}, Overlap: Counts{2, 3, 2}},
	}
	got := map[string]Pair{"source": s.Roles[Source], "cue": s.Roles[Cue], "content": s.Roles[Content], "attribution": s.Attribution}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("%s: got %+v, want %+v", k, got[k], w)
		}
	}
	if p := s.Roles[Cue].Exact.PRF(); p.P != 1.0/3 || p.R != 0.5 || p.F1 != 0.4 {
		t.Errorf("cue exact PRF %+v, want 1/3, 1/2, 0.4", p)
	}
	// "in May" shares 2 tokens with the 6-token gold content: less than
	// half of the longer, so no overlap match, as counted above.
}

func TestCompareSharedSourceCountsOnce(t *testing.T) {
	text := "She said taxes will rise and added that rates will fall."
	src := sp(text, "She")
	gold := []Attribution{
		{Source: src, Cue: sp(text, "said"), Content: sp(text, "taxes will rise")},
		{Source: src, Cue: sp(text, "added"), Content: sp(text, "that rates will fall")},
	}
	s := Compare(text, gold, gold)
	if c := s.Roles[Source].Exact; c != (Counts{1, 1, 1}) {
		t.Errorf("shared source counted %+v, want one gold, one predicted, one match", c)
	}
	if c := s.Attribution.Exact; c != (Counts{2, 2, 2}) {
		t.Errorf("attributions %+v, want 2/2/2", c)
	}
}

func TestCompareOneToOne(t *testing.T) {
	text := "Voters said the vote was fair and calm and quiet today."
	gold := []Attribution{{Cue: sp(text, "said"), Content: sp(text, "the vote was fair")}}
	// Two predictions overlap the same gold content: only one may match.
	pred := []Attribution{
		{Cue: sp(text, "said"), Content: sp(text, "the vote was fair and")},
		{Cue: sp(text, "Voters said"), Content: sp(text, "vote was fair")},
	}
	s := Compare(text, gold, pred)
	if c := s.Roles[Content].Overlap; c != (Counts{1, 2, 1}) {
		t.Errorf("content overlap %+v, want 1 gold, 2 predicted, 1 match", c)
	}
}

func TestScoreTokens(t *testing.T) {
	text := "“Wow,” Zoë said—twice."
	var got []string
	for _, s := range scoreTokens(text) {
		got = append(got, s.In(text))
	}
	want := []string{"“", "Wow", ",", "”", "Zoë", "said", "—", "twice", "."}
	if !eq(got, want) {
		t.Errorf("tokens %q, want %q", got, want)
	}
	// “ is three bytes: a span over its last byte still covers it, and one
	// running one byte into "Wow" covers both.
	if c := covered(scoreTokens(text), Mention{claimtrail.Span{Start: 2, End: 3}}); len(c) != 1 || c[0] != 0 {
		t.Errorf("a span inside the first token's bytes covers %v, want token 0", c)
	}
	if c := covered(scoreTokens(text), Mention{claimtrail.Span{Start: 1, End: 4}}); len(c) != 2 {
		t.Errorf("a span over two tokens' bytes covers %v, want two tokens", c)
	}
}

func FuzzParseAnn(f *testing.F) {
	f.Add("Ann said it rained.", "T1\tSource 0 3\tAnn\nT2\tCue 4 8\tsaid\nT3\tContent 9 18;1 2\tit rained\nE1\tSource:T1 Cue:T2 Content:T3\n")
	f.Add("Zoë “x”", "T1\tCue 0 3\tZoë\nE1\tCue:T1\n#1\tnote\nrest of a line\n")
	f.Add("", "")
	f.Fuzz(func(t *testing.T, text, ann string) {
		atts, err := ParseAnn(text, []byte(ann))
		if err != nil {
			return
		}
		for _, a := range atts {
			for _, r := range Roles {
				for _, s := range a.Mention(r) {
					if s.Start < 0 || s.End > len(text) || s.Start > s.End {
						t.Fatalf("span %v outside text of %d bytes", s, len(text))
					}
				}
			}
		}
		var buf bytes.Buffer
		if err := WriteAnn(&buf, text, atts); err != nil {
			t.Fatal(err)
		}
		if _, err := ParseAnn(text, buf.Bytes()); err != nil {
			t.Fatalf("written file does not parse: %v\n%s", err, buf.String())
		}
		Compare(text, atts, atts)
	})
}
