package stance_test

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/eval/fnc1"
	"github.com/claimtrail/claimtrail/stance"
)

// synthetic builds a small stance data set from templates: topic i's bodies
// agree with its claim ("confirmed"), refute it ("hoax"), discuss it
// ("reportedly") or talk about another topic. Bodies and claims of
// different calls (offset) do not share topics.
func synthetic(topics, offset int) (map[int]string, []stance.Pair) {
	subjects := []string{"harbour bridge", "city library", "river ferry", "mountain tunnel", "football stadium",
		"railway station", "concert hall", "airport terminal", "science museum", "water plant",
		"children hospital", "old lighthouse", "public pool", "tram line", "market square", "ice rink"}
	verbs := []string{"reopen", "close", "expand", "relocate"}
	months := []string{"March", "June", "October", "December"}
	bodies := map[int]string{}
	var pairs []stance.Pair
	id := offset * 100
	for i := 0; i < topics; i++ {
		t := (i + offset) % len(subjects)
		subj, verb, month := subjects[t], verbs[(i+offset)%len(verbs)], months[(i+2*offset)%len(months)]
		fact := fmt.Sprintf("the %s will %s in %s", subj, verb, month)
		texts := map[stance.Label]string{
			stance.Agree: fmt.Sprintf("Officials confirmed that %s. The council approved the plan and work has begun. "+
				"The decision is final and the %s will %s as announced.", fact, subj, verb),
			stance.Disagree: fmt.Sprintf("A story claiming %s is a hoax. Officials denied it and said the report was false. "+
				"There is no plan to %s the %s, they said, calling the rumour fake.", fact, verb, subj),
			stance.Discuss: fmt.Sprintf("The %s could reportedly %s in %s, according to unnamed sources. "+
				"It is unclear whether the plan is real, and officials have not commented on the alleged decision.", subj, verb, month),
		}
		claim := fmt.Sprintf("The %s will %s in %s", subj, verb, month)
		for _, l := range []stance.Label{stance.Agree, stance.Disagree, stance.Discuss} {
			id++
			bodies[id] = texts[l]
			pairs = append(pairs, stance.Pair{Claim: claim, BodyID: id, Label: l})
			other := subjects[(t+5)%len(subjects)]
			pairs = append(pairs, stance.Pair{Claim: fmt.Sprintf("The %s wins a national award", other), BodyID: id, Label: stance.Unrelated})
		}
	}
	return bodies, pairs
}

func trainSynthetic(t *testing.T) *stance.Model {
	t.Helper()
	bodies, pairs := synthetic(12, 0)
	m, err := stance.Train(context.Background(), bodies, pairs, stance.TrainOptions{Seed: 3, Rounds: 30, RelatedRounds: 20, Depth: 3})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestTrainSynthetic(t *testing.T) {
	m := trainSynthetic(t)
	bodies, pairs := synthetic(8, 7) // unseen topics and bodies
	preds, err := m.PredictPairs(context.Background(), bodies, pairs)
	if err != nil {
		t.Fatal(err)
	}
	right := 0
	for i, p := range pairs {
		if preds[i].Label == p.Label {
			right++
		} else {
			t.Logf("%q vs %q: got %v, want %v", p.Claim, bodies[p.BodyID], preds[i].Label, p.Label)
		}
		if s := preds[i].Probs[0] + preds[i].Probs[1] + preds[i].Probs[2] + preds[i].Probs[3]; math.Abs(s-1) > 1e-9 {
			t.Fatalf("probabilities sum to %v", s)
		}
	}
	if acc := float64(right) / float64(len(pairs)); acc < 0.9 {
		t.Fatalf("accuracy on unseen synthetic pairs %.2f, want >= 0.9", acc)
	}
	// Deterministic: the same seed gives the same model file.
	var a, b bytes.Buffer
	if err := m.Encode(&a); err != nil {
		t.Fatal(err)
	}
	if err := trainSynthetic(t).Encode(&b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatal("two trainings with the same seed gave different model files")
	}
}

func TestTrainErrors(t *testing.T) {
	ctx := context.Background()
	bodies := map[int]string{1: "text"}
	if _, err := stance.Train(ctx, bodies, []stance.Pair{{Claim: "c", BodyID: 2}}, stance.TrainOptions{}); err == nil || !strings.Contains(err.Error(), "unknown body 2") {
		t.Errorf("unknown body: err = %v", err)
	}
	if _, err := stance.Train(ctx, bodies, nil, stance.TrainOptions{}); err == nil {
		t.Error("no pairs: no error")
	}
	if _, err := stance.Train(ctx, bodies, nil, stance.TrainOptions{Holdout: 1}); err == nil || !strings.Contains(err.Error(), "hold-out") {
		t.Errorf("hold-out 1: err = %v", err)
	}
}

func TestModelFile(t *testing.T) {
	m := trainSynthetic(t)
	var buf bytes.Buffer
	if err := m.Encode(&buf); err != nil {
		t.Fatal(err)
	}
	good := buf.Bytes()
	back, err := stance.Decode(bytes.NewReader(good))
	if err != nil {
		t.Fatal(err)
	}
	claim, body := "The harbour bridge will reopen in March", "Officials confirmed that the harbour bridge will reopen in March."
	if a, b := m.Predict(claim, body), back.Predict(claim, body); a.Probs != b.Probs {
		t.Fatalf("decoded model predicts %v, original %v", b.Probs, a.Probs)
	}

	wrongVersion := bytes.Clone(good)
	binary.LittleEndian.PutUint32(wrongVersion[len(stance.Magic):], stance.FormatVersion+1)
	flipped := bytes.Clone(good)
	flipped[len(flipped)/2] ^= 0xFF
	cases := []struct {
		name string
		data []byte
		want string
	}{
		{"empty", nil, "too short"},
		{"magic", append([]byte("NOTMODEL"), good[8:]...), "bad magic"},
		{"version", wrongVersion, "unsupported stance model version"},
		{"truncated", good[:len(good)/2], "corrupt stance model"},
		{"flipped", flipped, "corrupt stance model"},
		{"no payload", good[:len(stance.Magic)+4], "corrupt stance model"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := stance.Decode(bytes.NewReader(c.data))
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("err = %v, want it to mention %q", err, c.want)
			}
			if c.name == "version" && !errors.Is(err, stance.ErrVersion) {
				t.Fatalf("err = %v, want ErrVersion", err)
			}
		})
	}
	// Load names the file.
	path := filepath.Join(t.TempDir(), "bad.model")
	if err := os.WriteFile(path, wrongVersion, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := stance.Load(path); err == nil || !strings.Contains(err.Error(), path) {
		t.Fatalf("Load err = %v, want the path in it", err)
	}
	// Save and Load round-trip.
	path = filepath.Join(t.TempDir(), "good.model")
	if err := m.Save(path); err != nil {
		t.Fatal(err)
	}
	if _, err := stance.Load(path); err != nil {
		t.Fatal(err)
	}
}

func TestLabels(t *testing.T) {
	want := map[stance.Label]claimtrail.Stance{
		stance.Agree: claimtrail.StanceAsserts, stance.Disagree: claimtrail.StanceDenies,
		stance.Discuss: claimtrail.StanceReports, stance.Unrelated: claimtrail.StanceAbsent,
	}
	for l, s := range want {
		if l.Stance() != s {
			t.Errorf("%v.Stance() = %v, want %v", l, l.Stance(), s)
		}
		back, err := stance.ParseLabel(l.String())
		if err != nil || back != l {
			t.Errorf("ParseLabel(%q) = %v, %v", l.String(), back, err)
		}
		if int(l) != mustIndex(t, l.String()) {
			t.Errorf("label %v has index %d, fnc1 says %d", l, l, mustIndex(t, l.String()))
		}
	}
	if _, err := stance.ParseLabel("maybe"); err == nil {
		t.Error("ParseLabel(maybe): no error")
	}
}

func mustIndex(t *testing.T, s string) int {
	i, ok := fnc1.LabelIndex(s)
	if !ok {
		t.Fatalf("fnc1 does not know %q", s)
	}
	return i
}

func TestDefaultModel(t *testing.T) {
	m, err := stance.Default()
	if err != nil {
		t.Fatal(err)
	}
	if info := m.Info(); info.Holdout <= 0 || info.TrainPairs == 0 {
		t.Fatalf("embedded model info %+v: want a hold-out split and training pairs", info)
	}
	claim := "The harbour bridge will reopen in March"
	agree := "The harbour bridge will reopen to traffic in March, the city confirmed on Tuesday.\n\n" +
		"Engineers finished replacing the cables last week and load tests on the deck were completed.\n\n" +
		"The reopening in March will cut travel times for thousands of residents."
	other := "A family bakery in the old town has won the national prize for sourdough bread. " +
		"The owners said the recipe was handed down for three generations."
	p := m.Predict(claim, agree)
	if p.Label != stance.Agree {
		t.Errorf("agreeing body: got %v %v", p.Label, p.Probs)
	}
	if len(p.Evidence) == 0 || len(p.Evidence) > 3 {
		t.Fatalf("evidence %v, want 1 to 3 sentences", p.Evidence)
	}
	if got := p.Evidence[0].In(agree); !strings.HasPrefix(got, "The harbour bridge will reopen") {
		t.Errorf("best evidence %q", got)
	}
	if q := m.Predict(claim, other); q.Label != stance.Unrelated || len(q.Evidence) != 0 {
		t.Errorf("unrelated body: got %v, evidence %v", q.Label, q.Evidence)
	}
	if q := m.Predict("", ""); q.Label != stance.Unrelated {
		t.Errorf("empty claim and body: got %v", q.Label)
	}
}

// TestShippedModelHoldout checks that the embedded model keeps at least 80 %
// of the FNC-1 relative score on the pairs of the bodies held out of its
// training.
func TestShippedModelHoldout(t *testing.T) {
	d := loadFNC(t)
	m, err := stance.Default()
	if err != nil {
		t.Fatal(err)
	}
	var held []stance.Pair
	var gold []int
	for _, p := range d.Pairs {
		if m.HeldOut(p.BodyID) {
			held = append(held, stance.Pair{Claim: p.Headline, BodyID: p.BodyID})
			gold = append(gold, mustIndex(t, p.Stance))
		}
	}
	if len(held) < 5000 {
		t.Fatalf("only %d held-out pairs", len(held))
	}
	preds, err := m.PredictPairs(context.Background(), d.Bodies, held)
	if err != nil {
		t.Fatal(err)
	}
	var c fnc1.Confusion
	for i := range held {
		c.Add(gold[i], int(preds[i].Label))
	}
	mt := c.Metrics()
	t.Logf("held-out pairs %d: FNC relative %.4f, macro-F1 %.4f, disagree F1 %.4f", mt.Pairs, mt.FNCRelative, mt.MacroF1, mt.F1["disagree"])
	if mt.FNCRelative < 0.80 {
		t.Errorf("FNC relative score %.4f on held-out bodies, want >= 0.80", mt.FNCRelative)
	}
	if mt.MacroF1 < 0.55 {
		t.Errorf("macro-F1 %.4f on held-out bodies, want >= 0.55", mt.MacroF1)
	}
}

// FuzzPredict checks that the embedded model judges any claim and body
// without panicking, with probabilities that sum to one and evidence spans
// that are sentences of the body.
func FuzzPredict(f *testing.F) {
	f.Add("The bridge will reopen in March", "Officials said the bridge will reopen in March.\n\nIt is not a hoax.")
	f.Add("", "")
	f.Add("\u201cquoted\u201d 20,000?", "a.\xe2\x80 b\xc2. C!")
	m, err := stance.Default()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, claim, body string) {
		p := m.Predict(claim, body)
		sum := 0.0
		for _, v := range p.Probs {
			if v < 0 || v > 1 || math.IsNaN(v) {
				t.Fatalf("probability %v", v)
			}
			sum += v
		}
		if math.Abs(sum-1) > 1e-6 || p.Confidence != p.Probs[p.Label] {
			t.Fatalf("probs %v confidence %v label %v", p.Probs, p.Confidence, p.Label)
		}
		if len(p.Evidence) > 3 {
			t.Fatalf("%d evidence spans", len(p.Evidence))
		}
		for _, s := range p.Evidence {
			if s.Empty() || s.End > len(body) || s.Start < 0 {
				t.Fatalf("evidence span %v in a body of %d bytes", s, len(body))
			}
		}
	})
}
