package parse

import (
	"bytes"
	"context"
	"testing"
)

// TestBeamLearnsTiny checks that global training with a beam learns a
// small invented treebank, reproducibly, and that the width travels with
// the model file.
func TestBeamLearnsTiny(t *testing.T) {
	train := func() *Model {
		m, err := Train(context.Background(), tiny(t), TrainOptions{Seed: 5, Epochs: 12, TaggerEpochs: 10, Folds: 1,
			Text: tinyText, Clusters: 4, Beam: 4})
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	m := train()
	sc := scoreTiny(t, m)
	if sc.LAS() < 0.95 {
		t.Errorf("on its own training data: UAS %.3f LAS %.3f", sc.UAS(), sc.LAS())
	}
	var a, b bytes.Buffer
	if err := m.Write(&a); err != nil {
		t.Fatal(err)
	}
	if err := train().Write(&b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatal("two trainings with one seed differ")
	}
	back, err := Read(bytes.NewReader(a.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if back.Info().Beam != 4 {
		t.Errorf("beam width read back as %d, want 4", back.Info().Beam)
	}
}

// TestInsertTop checks the beam's selection: the k best, best first, an
// equal score after the ones already kept.
func TestInsertTop(t *testing.T) {
	var top []candidate
	for i, s := range []float64{3, 1, 4, 1, 5, 9, 2, 6, 4} {
		top = insertTop(top, candidate{score: s, from: i}, 4)
	}
	want := []int{5, 7, 4, 2} // 9, 6, 5, 4 (the first 4)
	for j, c := range top {
		if c.from != want[j] {
			t.Fatalf("kept %v, want slots %v", top, want)
		}
	}
}
