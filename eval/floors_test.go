package eval

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCheck(t *testing.T) {
	lim := Limits{
		Floors:   map[string]float64{"recall": 0.90, "status": 0.50, "chains": 0.30},
		Ceilings: map[string]float64{"false_merges": 2},
	}
	measured := map[string]float64{"recall": 0.891, "status": 0.489, "false_merges": 3}
	got := strings.Join(lim.Check(measured, 0.01), "\n")
	for _, want := range []string{"chains: not measured", "status = 0.489, more than 0.01 below its floor 0.500", "false_merges = 3, above its ceiling 2"} {
		if !strings.Contains(got, want) {
			t.Errorf("check lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "recall") {
		t.Errorf("recall 0.891 is within 0.01 of 0.90:\n%s", got)
	}
	if n := len(lim.Check(map[string]float64{"recall": 0.9, "status": 0.5, "chains": 0.3, "false_merges": 2}, 0.01)); n != 0 {
		t.Errorf("figures at their floors: %d failures", n)
	}
}

func TestRaiseAndSet(t *testing.T) {
	lim := Limits{Floors: map[string]float64{"recall": 0.90, "status": 0.50}, Ceilings: map[string]float64{"false_merges": 2}}
	measured := map[string]float64{"recall": 0.95, "status": 0.505, "false_merges": 1, "other": 1}
	if got := lim.Raise(measured, 0.01); len(got) != 2 || !strings.HasPrefix(got[0], "recall") || !strings.HasPrefix(got[1], "false_merges") {
		t.Errorf("raise = %q", got)
	}
	lim.Set(map[string]float64{"recall": 0.95049, "false_merges": 1, "other": 1})
	if lim.Floors["recall"] != 0.95 || lim.Floors["status"] != 0.5 || lim.Ceilings["false_merges"] != 1 || len(lim.Floors) != 2 {
		t.Errorf("set: %+v", lim)
	}
}

func TestFloorsFile(t *testing.T) {
	f, err := ReadFloors(filepath.Join("..", FloorsFile))
	if err != nil {
		t.Fatal(err)
	}
	if f.Tolerance != 0.01 || len(f.Attribution.Floors) == 0 || len(f.Ledger.Floors) == 0 || len(f.Ledger.Ceilings) == 0 {
		t.Errorf("floors file: %+v", f)
	}
	path := filepath.Join(t.TempDir(), "floors.json")
	if err := f.Write(path); err != nil {
		t.Fatal(err)
	}
	g, err := ReadFloors(path)
	if err != nil || g.Ledger.Floors["claim_recall"] != f.Ledger.Floors["claim_recall"] {
		t.Errorf("round trip: %v %+v", err, g)
	}
	for name, data := range map[string]string{"bad.json": `{"tolerance": `, "tol.json": `{"tolerance": 0.5}`} {
		p := filepath.Join(t.TempDir(), name)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := ReadFloors(p); err == nil || !strings.Contains(err.Error(), name) {
			t.Errorf("%s: error %v, want one naming the file", name, err)
		}
	}
}
