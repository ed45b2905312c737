package fnc1

import (
	"context"
	"errors"
	"math"
	"os"
	"strings"
	"testing"
)

func TestReadTricky(t *testing.T) {
	ctx := context.Background()
	d, err := Open(ctx, "testdata/bodies.csv", "testdata/stances.csv")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := d.Bodies[0], "First body, with a comma.\nAnd a second line with \"doubled quotes\"."; got != want {
		t.Errorf("body 0 = %q, want %q", got, want)
	}
	if d.Bodies[7] != "Plain body" || len(d.Bodies) != 2 {
		t.Errorf("bodies = %v", d.Bodies)
	}
	want := []Pair{
		{Headline: "A headline\nthat spans two lines", BodyID: 0, Stance: "agree", Line: 2},
		{Headline: `Quoted "word" here`, BodyID: 7, Stance: "unrelated", Line: 4},
		{Headline: "Plain", BodyID: 0, Stance: "discuss", Line: 5},
	}
	if len(d.Pairs) != len(want) {
		t.Fatalf("pairs = %+v", d.Pairs)
	}
	for i := range want {
		if d.Pairs[i] != want[i] {
			t.Errorf("pair %d = %+v, want %+v", i, d.Pairs[i], want[i])
		}
	}
	if !d.Labelled() {
		t.Error("labelled data not Labelled")
	}
	u, err := Open(ctx, "testdata/bodies.csv", "testdata/unlabelled.csv")
	if err != nil {
		t.Fatal(err)
	}
	if len(u.Pairs) != 2 || u.Labelled() || u.Pairs[1].Headline != "Second, unlabelled" {
		t.Errorf("unlabelled pairs = %+v", u.Pairs)
	}
}

func TestReadErrors(t *testing.T) {
	ctx := context.Background()
	cases := []struct {
		name, bodies, stances string
		want                  string
	}{
		{"bad id", "Body ID,articleBody\n1,a\nx,b\n", "", "bodies.csv:3: bad Body ID \"x\""},
		{"duplicate", "Body ID,articleBody\n1,a\n1,b\n", "", "bodies.csv:3: Body ID 1 given twice"},
		{"missing column", "ID,articleBody\n1,a\n", "", "bodies.csv:1: header"},
		{"empty", "", "", "bodies.csv: empty file"},
		{"bare quote", "Body ID,articleBody\n1,\"a\n2,b\n", "", "bodies.csv:2:"},
		{"short row", "Body ID,articleBody\n1\n", "", "bodies.csv:2: row has 1 fields"},
		{"bad label", "Body ID,articleBody\n1,a\n", "Headline,Body ID,Stance\nh,1,agree\nh,1,maybe\n", "stances.csv:3: unknown stance \"maybe\""},
		{"unknown body", "Body ID,articleBody\n1,a\n", "Headline,Body ID,Stance\nh,1,agree\n\"two\nlines\",1,agree\nh,9,agree\n", "stances.csv:5: Body ID 9 is not in"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			bodies, stances := dir+"/bodies.csv", dir+"/stances.csv"
			write(t, bodies, c.bodies)
			if c.stances == "" {
				c.stances = "Headline,Body ID,Stance\n"
			}
			write(t, stances, c.stances)
			_, err := Open(ctx, bodies, stances)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("err = %v, want it to contain %q", err, c.want)
			}
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("err %T is not *Error", err)
			}
		})
	}
	if _, err := Open(ctx, "testdata/none.csv", "testdata/stances.csv"); err == nil || !strings.Contains(err.Error(), "none.csv") {
		t.Errorf("missing file: err = %v", err)
	}
}

// TestScore checks the official weighting on a case computed by hand:
//
//	gold      predicted  points
//	agree     agree      1.00
//	agree     discuss    0.25
//	disagree  unrelated  0
//	discuss   discuss    1.00
//	unrelated unrelated  0.25
//	unrelated agree      0
//	unrelated unrelated  0.25
//
// score 2.75; max 1+1+1+1+0.25·3 = 4.75.
func TestScore(t *testing.T) {
	var c Confusion
	for _, gp := range [][2]int{{0, 0}, {0, 2}, {1, 3}, {2, 2}, {3, 3}, {3, 0}, {3, 3}} {
		c.Add(gp[0], gp[1])
	}
	m := c.Metrics()
	if m.FNCScore != 2.75 || m.FNCMax != 4.75 || m.Pairs != 7 {
		t.Fatalf("score %v of %v over %d pairs, want 2.75 of 4.75 over 7", m.FNCScore, m.FNCMax, m.Pairs)
	}
	near := func(a, b float64) bool { return math.Abs(a-b) < 1e-12 }
	if !near(m.FNCRelative, 2.75/4.75) || !near(m.Accuracy, 4.0/7) {
		t.Errorf("relative %v accuracy %v", m.FNCRelative, m.Accuracy)
	}
	// agree: P 1/2 R 1/2; disagree: never predicted, 0; discuss: P 1/2 R 1;
	// unrelated: P 2/3 (one disagree predicted unrelated) R 2/3.
	wantF1 := map[string]float64{"agree": 0.5, "disagree": 0, "discuss": 2.0 / 3, "unrelated": 2.0 / 3}
	for l, f := range wantF1 {
		if !near(m.F1[l], f) {
			t.Errorf("F1[%s] = %v, want %v", l, m.F1[l], f)
		}
	}
	if !near(m.MacroF1, (0.5+0+2.0/3+2.0/3)/4) {
		t.Errorf("macro-F1 %v", m.MacroF1)
	}
	var b strings.Builder
	if err := m.WriteText(&b); err != nil || !strings.Contains(b.String(), "FNC relative  57.89 %") {
		t.Errorf("text report:\n%s", b.String())
	}
	var empty Confusion
	if e := empty.Metrics(); e.FNCRelative != 0 || e.MacroF1 != 0 {
		t.Errorf("empty metrics %+v", e)
	}
}

func write(t *testing.T, path, s string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

// FuzzReadStances checks that any input gives pairs or an *Error, never a panic.
func FuzzReadStances(f *testing.F) {
	f.Add("Headline,Body ID,Stance\n\"a\nb\",1,agree\n")
	f.Add("\xef\xbb\xbfHeadline,Body ID\r\nx,2\r\n")
	f.Add("Headline,Body ID,Stance\n\"unterminated,1,agree\n")
	f.Fuzz(func(t *testing.T, s string) {
		pairs, err := ReadStances(context.Background(), "fuzz.csv", strings.NewReader(s))
		if err != nil {
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("err %T %v is not *Error", err, err)
			}
			return
		}
		for _, p := range pairs {
			if p.BodyID < 0 || p.Line < 2 {
				t.Fatalf("bad pair %+v", p)
			}
		}
	})
}
