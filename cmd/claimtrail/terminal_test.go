package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail/render"
)

// TestHostileCharacters analyses articles holding terminal escapes and
// zero-width and bidi characters: the text view carries no escape, and
// the invisible characters neither reach the ledger nor keep two
// wordings of one claim apart.
func TestHostileCharacters(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"a.txt": "Bridge news\x1b]0;owned\x07\n\nThe mayor of Port Calder said the swing bri\u200bdge on Quay \u202eStreet\u202c will reopen in March.\x1b[2J\n",
		"b.txt": "Bridge to reopen\n\nThe Calder Courier reported that the swing bridge on Quay Street will reopen in March.\n",
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out, stderr, err := run(t, "analyze", "--color", "never", dir)
	if err != nil {
		t.Fatalf("analyze: %v\n%s", err, stderr)
	}
	if strings.ContainsAny(out, "\x1b\x07\u200b\u202e\u202c") {
		t.Errorf("control or invisible characters in the text view:\n%q", out)
	}
	out, _, err = run(t, "analyze", "--format", "json", dir)
	if err != nil {
		t.Fatal(err)
	}
	var l render.LedgerDoc
	if err := json.Unmarshal([]byte(out), &l); err != nil {
		t.Fatal(err)
	}
	joined := false
	for _, c := range l.Claims {
		arts := map[string]bool{}
		for _, st := range c.Statements {
			arts[st.Article] = true
			if strings.ContainsAny(st.Text+st.Sentence, "\u200b\u202e\u202c") {
				t.Errorf("invisible characters in %q", st.Sentence)
			}
		}
		joined = joined || len(arts) == 2
	}
	if !joined {
		t.Errorf("the two wordings of the reopening are not one claim:\n%s", out)
	}
}
