package outlettrain

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestSpells(t *testing.T) {
	for _, c := range []struct {
		core, name string
		want       bool
	}{
		{"washpost", "Washington Post", true},
		{"huffpost", "Huffington Post", true},
		{"timesofindia", "Times of India", true},
		{"dailymail", "Daily Mail", true},
		{"cbc", "Central Bedfordshire Council", false}, // one letter a word: initials only
		{"jta", "Jake Tapper", false},
	} {
		if got := spells(c.core, foldWords(c.name), 2); got != c.want {
			t.Errorf("spells(%q, %q) = %v, want %v", c.core, c.name, got, c.want)
		}
	}
	if !acronym("nyt", foldWords("New York Times")) || acronym("nyt", foldWords("New York")) {
		t.Error("acronym wrong")
	}
}

func TestDomainCores(t *testing.T) {
	for d, want := range map[string]string{
		"www.dailymail.co.uk":   "dailymail",
		"news.yahoo.com":        "yahoo",
		"detroit.cbslocal.com":  "cbslocal",
		"english.alarabiya.net": "alarabiya",
		"www.smh.com.au":        "smh",
		"wash-post":             "washpost",
	} {
		if got := domainCores(d); !slices.Equal(got, []string{want}) {
			t.Errorf("domainCores(%q) = %v, want [%s]", d, got, want)
		}
	}
}

// TestBuild builds a list from tiny files written for the test: the
// domain's outlet is found by its spelling and its role, the common word
// and the place are not, and writing is byte for byte the same twice.
func TestBuild(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	em := write("edata.csv", "id,source\n1,www.kestreldaily.com\n2,www.harbour.com\n3,www.sun.com\n")
	bodies := write("bodies.csv", "Body ID,articleBody\n"+
		"1,\"Kestrel Daily reported the fire. According to Kestrel Daily, two died. Harbour officials met.\"\n"+
		"2,\"The sun rose. Sun shone on the sun deck. The sun set. Harbour traffic grew in Harbour town.\"\n")
	got, err := Build(context.Background(), Inputs{Emergent: em, FNC1: bodies})
	if err != nil {
		t.Fatal(err)
	}
	var a, b bytes.Buffer
	if err := Write(&a, got); err != nil {
		t.Fatal(err)
	}
	if err := Write(&b, got); err != nil || a.String() != b.String() {
		t.Fatal("two writes differ")
	}
	if !strings.Contains(a.String(), "\nKestrel Daily|www.kestreldaily.com\n") {
		t.Errorf("Kestrel Daily missing:\n%s", a.String())
	}
	if strings.Contains(a.String(), "Harbour|") || strings.Contains(a.String(), "Sun|") {
		t.Errorf("a place or a common word taken for an outlet:\n%s", a.String())
	}
	if _, err := Build(context.Background(), Inputs{FNC1: bodies}); err == nil {
		t.Error("no domains: no error")
	}
	if _, err := Build(context.Background(), Inputs{Emergent: filepath.Join(dir, "missing.csv"), FNC1: bodies}); err == nil {
		t.Error("missing file: no error")
	}
}
