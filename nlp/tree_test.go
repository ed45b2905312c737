package nlp

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"github.com/claimtrail/claimtrail"
)

// wordIndex returns the index of the first word of t reading text, or -1.
func wordIndex(t *Tree, text string) int {
	for i := range t.Len() {
		if t.Token(i).Text == text {
			return i
		}
	}
	return -1
}

func TestTreeReportingVerb(t *testing.T) {
	text := "The ministry said on Tuesday that the report was false."
	doc := analyze(t, text)
	tr := doc.Tree(0)
	if tr == nil {
		t.Fatal("no tree")
	}
	said, ministry, false_ := wordIndex(tr, "said"), wordIndex(tr, "ministry"), wordIndex(tr, "false")
	if tr.Root() != said {
		t.Errorf("root %q, want said", tr.Token(tr.Root()).Text)
	}
	if got := tr.Dependent(said, "nsubj"); got != ministry {
		t.Errorf("nsubj of said = %d, want ministry (%d)", got, ministry)
	}
	if got := tr.Dependent(said, "ccomp"); got != false_ {
		t.Errorf("ccomp of said = %d, want false (%d)", got, false_)
	}
	if got := tr.SubtreeSpan(false_).In(text); got != "that the report was false" {
		t.Errorf("ccomp subtree %q", got)
	}
	if got := tr.SubtreeSpan(ministry).In(text); got != "The ministry" {
		t.Errorf("nsubj subtree %q", got)
	}
	if got := tr.SubtreeSpan(said).In(text); got != text {
		t.Errorf("root subtree %q", got)
	}
	if tr.Head(said) != -1 || tr.Head(ministry) != said {
		t.Errorf("heads %d %d", tr.Head(said), tr.Head(ministry))
	}
	if doc.Tree(0) != tr {
		t.Error("second request parsed again")
	}
	if doc.Tree(1) != nil || doc.Tree(-1) != nil {
		t.Error("tree of a sentence out of range")
	}
}

func TestRelIs(t *testing.T) {
	cases := []struct {
		rel, want string
		ok        bool
	}{
		{"nsubj", "nsubj", true},
		{"nsubj:pass", "nsubj", true},
		{"nsubj:pass", "nsubj:pass", true},
		{"nsubj", "nsubj:pass", false},
		{"nsubjx", "nsubj", false},
		{"obl:agent", "obl", true},
		{"obj", "obl", false},
	}
	for _, c := range cases {
		if got := RelIs(c.rel, c.want); got != c.ok {
			t.Errorf("RelIs(%q, %q) = %v", c.rel, c.want, got)
		}
	}
}

// TestTreeConcurrent asks for trees from several goroutines (go test -race).
func TestTreeConcurrent(t *testing.T) {
	doc := analyze(t, "Rain fell. The river rose. Roads closed at noon. Schools stayed open.")
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range doc.Sentences {
				if doc.Tree((i+g)%len(doc.Sentences)) == nil {
					t.Error("no tree")
				}
			}
		}()
	}
	wg.Wait()
}

// TestTreeHandBuilt parses a Document not made by Analyze.
func TestTreeHandBuilt(t *testing.T) {
	text := "Prices rose."
	doc := &Document{Article: &claimtrail.Article{Text: text},
		Tokens: []Token{{Span: claimtrail.Span{Start: 0, End: 6}, Text: "Prices"},
			{Span: claimtrail.Span{Start: 7, End: 11}, Text: "rose"},
			{Span: claimtrail.Span{Start: 11, End: 12}, Text: "."}},
		Sentences: []Sentence{{Span: claimtrail.Span{Start: 0, End: 12}, First: 0, Last: 3}}}
	tr := doc.Tree(0)
	if tr == nil || tr.Len() != 3 || tr.Token(tr.Root()).Text != "rose" {
		t.Fatalf("tree %+v", tr)
	}
}

func ExampleDocument_Tree() {
	a, err := NewAnalyzer()
	if err != nil {
		panic(err)
	}
	art := &claimtrail.Article{Text: "The agency, citing two officials, said the bridge was closed."}
	doc, err := a.Analyze(context.Background(), art)
	if err != nil {
		panic(err)
	}
	t := doc.Tree(0)
	verb := t.Root()
	who := t.Dependent(verb, "nsubj")
	what := t.Dependent(verb, "ccomp")
	fmt.Println("verb:", t.Token(verb).Text)
	fmt.Println("source:", t.SubtreeSpan(who).In(art.Text))
	fmt.Println("content:", t.SubtreeSpan(what).In(art.Text))
	// A bare relation matches its subtypes: the passive subject is nsubj:pass.
	subj := t.Dependent(what, "nsubj")
	fmt.Println("content's subject:", t.Token(subj).Text, t.Rel(subj))
	// Output:
	// verb: said
	// source: The agency, citing two officials,
	// content: the bridge was closed
	// content's subject: bridge nsubj:pass
}

// treeRows is every word's head, relation and tags, and its subtree's text.
func treeRows(t *Tree, text string) []string {
	var rows []string
	for i := range t.Len() {
		rows = append(rows, fmt.Sprint(t.Head(i), t.Rel(i), t.UPOS(i), t.XPOS(i), t.SubtreeSpan(i).In(text)))
	}
	return rows
}

// TestShareParses checks that documents sharing their parses get the trees
// they would parse alone, whether a sentence's parse comes from another
// document (at other byte offsets) or not.
func TestShareParses(t *testing.T) {
	texts := []string{
		"Officials in Varnholt said the bridge would reopen. The mayor denied it.",
		"A short note first. Officials in Varnholt said the bridge would reopen.",
		"The mayor denied it. Officials in Varnholt said the bridge would reopen on Monday.",
	}
	ps := NewParses()
	for _, text := range texts {
		alone, shared := analyze(t, text), analyze(t, text)
		shared.ShareParses(ps)
		for i := range alone.Sentences {
			want, got := treeRows(alone.Tree(i), text), treeRows(shared.Tree(i), text)
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("%q sentence %d: shared %v, alone %v", text, i, got, want)
			}
		}
	}
	if len(ps.m) != 4 {
		t.Errorf("%d sentences kept, want the 4 distinct ones", len(ps.m))
	}
}

// TestSentenceKey checks that no two lists of words share a key.
func TestSentenceKey(t *testing.T) {
	lists := [][]string{{"ab", "c"}, {"a", "bc"}, {"abc"}, {"a", "b", "c"}, {"", "abc"}, {"abc", ""}}
	seen := map[string]int{}
	for i, l := range lists {
		k := string(sentenceKey(nil, l))
		if j, ok := seen[k]; ok {
			t.Errorf("%q and %q share a key", lists[j], l)
		}
		seen[k] = i
	}
}
