package synonymtrain

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// TestBuildMiniature derives the groups of a miniature WordNet
// (testdata/dict) and a miniature corpus: synonyms of one dominant sense
// join, a verb joins the noun of its event, a verb does not join the noun
// of its doer, and a rare sense joins nothing. Two-word verbs fold to the
// one-word verb whose dominant sense they hold in any of their senses
// ("give way", first "yield", also "collapse"), not to a verb whose sense
// they share is not dominant ("break down" / "fail").
func TestBuildMiniature(t *testing.T) {
	table, err := Build(context.Background(), Inputs{WordNet: "testdata/dict", PolNeAR: "testdata/polnear", MinCount: 5, MaxGroup: 4, MinTags: 3})
	if err != nil {
		t.Fatal(err)
	}
	var got [][]string
	for _, g := range table.Groups {
		got = append(got, g.Stems)
	}
	want := [][]string{{"happen", "occur"}, {"invad", "invas"}}
	if !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("groups %v, want %v", got, want)
	}
	var phrases []string
	for _, p := range table.Phrases {
		phrases = append(phrases, p.Key+">"+p.Stem)
	}
	if wantP := []string{"cave_in>collaps", "give_way>collaps"}; !slices.Equal(phrases, wantP) {
		t.Errorf("phrases %v, want %v", phrases, wantP)
	}
}

// TestCommittedTable rebuilds link/synonyms.tsv from the system's WordNet
// and the shared corpora and compares it byte for byte with the committed
// table. It skips when either is absent: CI runs the committed table.
func TestCommittedTable(t *testing.T) {
	const dict = "/usr/share/wordnet"
	data := filepath.Join("..", "..", "..", "shared", "data")
	in := Inputs{WordNet: dict, FNC1: filepath.Join(data, "fnc1", "train_bodies.csv"),
		PolNeAR: filepath.Join(data, "polnear"), MinCount: 5, MaxGroup: 4, MinTags: 3}
	if _, err := os.Stat(filepath.Join(dict, "data.verb")); err != nil {
		t.Skip("WordNet database absent (apt-get install wordnet-base): the committed table is not rebuilt")
	}
	if _, err := os.Stat(in.FNC1); err != nil {
		t.Skip("FNC-1 bodies absent: the committed table is not rebuilt")
	}
	table, err := Build(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := Write(&b, table); err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join("..", "..", "link", "synonyms.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b.Bytes(), want) {
		t.Error("link/synonyms.tsv differs from what train synonyms builds; rebuild it (see its header)")
	}
}
