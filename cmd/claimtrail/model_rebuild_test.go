package main

import (
	"bytes"
	"crypto/sha256"
	"os"
	"path/filepath"
	"testing"
)

// TestAttributionModelRebuilds retrains the attribution labeller with the
// command docs/attribution.md gives and checks that the result is the
// embedded attrib/seq/model.bin byte for byte: the shipped model is what
// the repository's own command makes from PolNeAR, through the same
// analysis (package nlp) that reads text at run time. Training takes one
// to three minutes, so the test runs only with CLAIMTRAIL_REBUILD=1 and
// the PolNeAR data beside the repository:
//
//	CLAIMTRAIL_REBUILD=1 go test ./cmd/claimtrail -run ModelRebuilds
func TestAttributionModelRebuilds(t *testing.T) {
	if os.Getenv("CLAIMTRAIL_REBUILD") == "" {
		t.Skip("set CLAIMTRAIL_REBUILD=1 to retrain the attribution model and compare it with the shipped one")
	}
	train := filepath.Join("..", "..", defaultPolNeARTrain)
	needData(t, train)
	needData(t, polnearDev)
	out := filepath.Join(t.TempDir(), "model.bin")
	if _, stderr, err := run(t, "train", "attribution", "--polnear", train, "--dev", polnearDev, "--out", out); err != nil {
		t.Fatalf("train attribution: %v\n%s", err, stderr)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join("..", "..", "attrib", "seq", "model.bin"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("retrained model (%d bytes, sha256 %x) differs from attrib/seq/model.bin (%d bytes, sha256 %x): retrain and commit it (docs/attribution.md)",
			len(got), sha256.Sum256(got), len(want), sha256.Sum256(want))
	}
}
