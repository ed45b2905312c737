package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestEvalStoriesWritesFolders: a tiny FNC-1 train pair becomes one story
// folder of its related bodies and an index with their gold stances.
func TestEvalStoriesWritesFolders(t *testing.T) {
	in, out := t.TempDir(), t.TempDir()
	bodies := "Body ID,articleBody\n1,The ferry to Skarn was cancelled on Monday.\n2,\"Operators said the ferry would run again, officials said.\"\n3,A bakery opened in Tolm.\n"
	stances := "Headline,Body ID,Stance\nSkarn ferry cancelled,1,agree\nSkarn ferry cancelled,2,discuss\nSkarn ferry cancelled,3,unrelated\n"
	for name, text := range map[string]string{"train_bodies.csv": bodies, "train_stances.csv": stances} {
		if err := os.WriteFile(filepath.Join(in, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	stdout, _, err := run(t, "eval", "stories", "--fnc1", in, "--out", out, "--min-bodies", "2")
	if err != nil || !strings.Contains(stdout, "wrote 1 stories") {
		t.Fatalf("eval stories: %q, %v", stdout, err)
	}
	files, _ := filepath.Glob(filepath.Join(out, "01-skarn-ferry-cancelled", "*.txt"))
	if len(files) != 2 {
		t.Errorf("story folder holds %v, want b1.txt and b2.txt", files)
	}
	index, _ := os.ReadFile(filepath.Join(out, "stories.tsv"))
	if !strings.Contains(string(index), "b2\tdiscuss") || strings.Contains(string(index), "b3") {
		t.Errorf("stories.tsv:\n%s", index)
	}
	if _, _, err := run(t, "eval", "stories", "--out", out); err == nil {
		t.Error("eval stories without --fnc1 succeeded")
	}
}
