package parse

import (
	"bufio"
	"bytes"
	"context"
	"math"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/claimtrail/claimtrail/parse/conllu"
)

func tiny(t testing.TB) []*conllu.Sentence {
	s, err := conllu.ReadFile(context.Background(), "testdata/tiny.conllu")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// tinyText is unlabelled text for word clusters.
var tinyText = [][]string{
	strings.Fields("The mayor said the bridge was closed ."),
	strings.Fields("A spokeswoman said the road was open ."),
	strings.Fields("The council denied the claim ."),
	strings.Fields("Officials denied the figures ."),
}

func trainTiny(t testing.TB, seed uint64) *Model {
	m, err := Train(context.Background(), tiny(t), TrainOptions{Seed: seed, Epochs: 12, TaggerEpochs: 10, Folds: 2,
		Text: tinyText, Clusters: 4})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// scoreTiny parses the invented treebank with m and scores it against itself.
func scoreTiny(t *testing.T, m *Model) conllu.Score {
	t.Helper()
	var sc conllu.Score
	p := m.NewParser()
	var r Result
	for _, s := range tiny(t) {
		p.Parse(s.Forms(), &r)
		pred := &conllu.Sentence{Words: make([]conllu.Word, len(s.Words))}
		for i := range s.Words {
			pred.Words[i] = conllu.Word{UPOS: r.UPOS[i], Head: r.Head[i] + 1, Rel: r.Rel[i]}
		}
		if err := sc.Add(s, pred); err != nil {
			t.Fatal(err)
		}
	}
	return sc
}

// TestLearnsTiny checks that the parser learns a small invented treebank.
func TestLearnsTiny(t *testing.T) {
	m := trainTiny(t, 3)
	sc := scoreTiny(t, m)
	if sc.LAS() < 0.95 || sc.UPOSAccuracy() < 0.95 {
		t.Errorf("on its own training data: UAS %.3f LAS %.3f UPOS %.3f", sc.UAS(), sc.LAS(), sc.UPOSAccuracy())
	}
}

// TestReproducible checks that training gives the same bytes for the same
// seed, and that a saved model reads back to the same bytes.
func TestReproducible(t *testing.T) {
	var a, b, c bytes.Buffer
	if err := trainTiny(t, 7).Write(&a); err != nil {
		t.Fatal(err)
	}
	if err := trainTiny(t, 7).Write(&b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatal("two trainings with one seed differ")
	}
	m, err := Read(bytes.NewReader(a.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if err := m.Write(&c); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), c.Bytes()) {
		t.Fatal("a model read back writes other bytes")
	}
	if _, err := Read(strings.NewReader("not a model")); err == nil {
		t.Error("no error reading garbage")
	}
}

// TestLongSentence parses a 500-word sentence: every word gets a head, one
// word is the root, and time stays linear (a quadratic parser would take
// far longer than the generous bound).
func TestLongSentence(t *testing.T) {
	m := embeddedModel(t)
	clause := strings.Fields("the committee said that the river , which rose on Tuesday , had flooded three roads and")
	var words []string
	for len(words) < 500 {
		words = append(words, clause...)
	}
	words = append(words[:499], ".")
	began := time.Now()
	r := m.Parse(words)
	took := time.Since(began)
	roots := 0
	for i, h := range r.Head {
		if h == -1 {
			roots++
		} else if h < 0 || h >= len(words) || h == i {
			t.Fatalf("word %d has head %d", i, h)
		}
	}
	if len(r.Head) != 500 || roots != 1 {
		t.Fatalf("%d heads, %d roots", len(r.Head), roots)
	}
	t.Logf("500 words in %s", took)
}

func embeddedModel(t testing.TB) *Model {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestDevFloors scores the embedded model on EWT and GUM dev when the data
// is present. The floors are the shipped model's figures rounded down
// (docs/syntax.md), so that a change that lowers them fails; they are
// below issue 10's targets (EWT UAS 0.87, LAS 0.84; GUM LAS 0.80), which
// this design does not reach.
func TestDevFloors(t *testing.T) {
	cases := []struct {
		path     string
		uas, las float64
	}{
		{"../../shared/data/ud/en_ewt/en_ewt-ud-dev.conllu", 0.85, 0.82},
		{"../../shared/data/ud/en_gum/en_gum-ud-dev.conllu", 0.82, 0.79},
	}
	m := embeddedModel(t)
	for _, c := range cases {
		gold, err := conllu.ReadFile(context.Background(), c.path)
		if os.IsNotExist(err) {
			t.Logf("skipping %s: not present", c.path)
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		sc := score(t, m, gold)
		t.Logf("%s: UAS %.4f LAS %.4f UPOS %.4f", c.path, sc.UAS(), sc.LAS(), sc.UPOSAccuracy())
		if sc.UAS() < c.uas || sc.LAS() < c.las {
			t.Errorf("%s: UAS %.4f LAS %.4f, want at least %.2f %.2f", c.path, sc.UAS(), sc.LAS(), c.uas, c.las)
		}
	}
}

func score(t testing.TB, m *Model, gold []*conllu.Sentence) conllu.Score {
	var sc conllu.Score
	p := m.NewParser()
	var r Result
	for _, s := range gold {
		p.Parse(s.Forms(), &r)
		pred := &conllu.Sentence{Words: make([]conllu.Word, len(s.Words))}
		for i := range s.Words {
			pred.Words[i] = conllu.Word{UPOS: r.UPOS[i], Head: r.Head[i] + 1, Rel: r.Rel[i]}
		}
		if err := sc.Add(s, pred); err != nil {
			t.Fatal(err)
		}
	}
	return sc
}

// BenchmarkParseDev tags and parses EWT dev; sentences/s is the figure of
// docs/syntax.md.
func BenchmarkParseDev(b *testing.B) { benchmarkParseDev(b, 0) }

// BenchmarkParseDevBeam4 is BenchmarkParseDev with a beam of four items:
// the cost of the search, whatever the model was trained with.
func BenchmarkParseDevBeam4(b *testing.B) { benchmarkParseDev(b, 4) }

func benchmarkParseDev(b *testing.B, beam int) {
	gold, err := conllu.ReadFile(context.Background(), "../../shared/data/ud/en_ewt/en_ewt-ud-dev.conllu")
	if err != nil {
		b.Skipf("EWT dev not present: %v", err)
	}
	words := make([][]string, len(gold))
	for i, s := range gold {
		words[i] = s.Forms()
	}
	p := embeddedModel(b).NewParser()
	if beam > 0 {
		p.SetBeam(beam)
	}
	var r Result
	cpu0 := cpuTime()
	for b.Loop() {
		for _, w := range words {
			p.Parse(w, &r)
		}
	}
	b.ReportMetric(float64(len(words)*b.N)/b.Elapsed().Seconds(), "sentences/s")
	// On a shared machine the wall clock counts other people's work too;
	// the process's own CPU time does not.
	if cpu := cpuTime() - cpu0; cpu > 0 {
		b.ReportMetric(float64(len(words)*b.N)/cpu.Seconds(), "sentences/cpu-s")
	}
}

// TestTableScores checks the slot layout: features with up to three
// weights kept in their slot and longer ones in entries score the sums of
// their weights, whichever slot the probing lands them in.
func TestTableScores(t *testing.T) {
	const classes = 20
	var rows []featureRow
	for k := range uint32(200) {
		r := featureRow{key: mix(1, k, 0, 0)}
		for c := range int(k % 12) {
			r.cls = append(r.cls, uint8((c*7+int(k))%classes))
			r.w = append(r.w, float32(int(k)-100+c))
		}
		rows = append(rows, r)
	}
	tb := newTable(classes, rows)
	scores := make([]float32, classes)
	var sc scoreScratch
	for _, r := range rows {
		tb.score([]uint32{r.key, mix(2, 0, 0, 0)}, scores, &sc)
		want := make([]float32, classes)
		for j, c := range r.cls {
			want[c] += float32(math.Round(float64(r.w[j] / tb.scale)))
		}
		for c := range scores {
			if scores[c] != want[c] {
				t.Fatalf("feature %x class %d: score %v, want %v", r.key, c, scores[c], want[c])
			}
		}
	}
}

// TestBufferSumsSameTrees checks that the greedy parser, which keeps the
// sums of the buffer's features from one shift to the next, makes the
// transitions that summing every feature at every step makes.
func TestBufferSumsSameTrees(t *testing.T) {
	sents := [][]string{
		strings.Fields("The minister said on Tuesday that the talks , which began in May , had failed ."),
		strings.Fields("Officials denied the report , calling it false and misleading ."),
		strings.Fields("According to two people familiar with the matter , the firm will close three plants by 2027 ."),
		strings.Fields("Yes ."),
	}
	gold, err := conllu.ReadFile(context.Background(), "../../shared/data/ud/en_ewt/en_ewt-ud-dev.conllu")
	if err == nil {
		for _, s := range gold[:min(len(gold), 500)] {
			sents = append(sents, s.Forms())
		}
	}
	p := embeddedModel(t).NewParser()
	var r Result
	for _, words := range sents {
		p.Parse(words, &r)
		// The reference: p.x holds the tagged sentence; parse it again
		// summing all features at each transition.
		L := len(p.m.labels)
		var st state
		st.reset(len(words))
		var feats []uint32
		scores := make([]float32, p.m.parser.classes)
		var sc scoreScratch
		for !st.done() {
			if c, only := st.forced(p.m.root); only {
				st.apply(c, L)
				continue
			}
			feats = st.features(&p.x, feats[:0])
			p.m.parser.score(feats, scores, &sc)
			st.apply(st.best(scores, L, p.m.root), L)
		}
		for i := range words {
			h := int(st.head[i])
			if h == len(words) {
				h = -1
			}
			if h != r.Head[i] || p.m.labels[st.label[i]-1] != r.Rel[i] {
				t.Fatalf("%q word %d: head %d %s, all features give %d %s",
					words, i, r.Head[i], r.Rel[i], h, p.m.labels[st.label[i]-1])
			}
		}
	}
}

// TestPackedEntries checks that packing the long rows, longest first,
// keeps every feature's weights and that a table written and read back
// (as the embedded model is loaded) holds the same rows, packed.
func TestPackedEntries(t *testing.T) {
	const classes = 40
	var rows []featureRow
	for k := range uint32(300) {
		r := featureRow{key: mix(3, k, 1, 0)}
		for c := range int(k*7) % classes {
			r.cls = append(r.cls, uint8((c*11+int(k))%classes))
			r.w = append(r.w, float32(int(k%50)-25+c))
		}
		rows = append(rows, r)
	}
	tb := newTable(classes, rows)
	var buf bytes.Buffer
	w := bufio.NewWriter(&buf)
	if err := tb.write(w); err != nil {
		t.Fatal(err)
	}
	w.Flush()
	back, err := readTable(bufio.NewReader(&buf))
	if err != nil {
		t.Fatal(err)
	}
	for _, got := range []*table{tb, back} {
		for _, r := range rows {
			es := got.lookup(r.key)
			if len(es) != len(r.cls) {
				t.Fatalf("feature %x: %d weights, want %d", r.key, len(es), len(r.cls))
			}
			// A long row holds the low classes' weights first, each part
			// in the row's order; a slot holds its few in their order.
			var want []entry
			for _, high := range []bool{false, true} {
				for j, c := range r.cls {
					if len(r.cls) <= inlined && !high || len(r.cls) > inlined && (int(c) >= got.half()) == high {
						want = append(want, entry{cls: c, w: int16(math.Round(float64(r.w[j] / tb.scale)))})
					}
				}
			}
			for j, e := range es {
				if e != want[j] {
					t.Fatalf("feature %x weight %d: %+v, want %+v", r.key, j, e, want[j])
				}
			}
		}
		// Longest rows first: each row's length is at most the one before.
		prev := 1 << 16
		for off := 0; off < len(got.entries); {
			n := int(uint16(got.entries[off].w))
			if n > prev {
				t.Fatalf("row at %d holds %d weights after a row of %d", off, n, prev)
			}
			prev, off = n, off+1+n
		}
	}
}

// TestTableScoresByPart checks that summing one part of the classes gives
// those classes the sums of all, whatever the other classes get.
func TestTableScoresByPart(t *testing.T) {
	const classes = 21
	var rows []featureRow
	for k := range uint32(120) {
		r := featureRow{key: mix(4, k, 0, 0)}
		for c := range int(k % 19) {
			r.cls = append(r.cls, uint8((c*5+int(k))%classes))
			r.w = append(r.w, float32(int(k)-60+c))
		}
		rows = append(rows, r)
	}
	tb := newTable(classes, rows)
	var sc scoreScratch
	for k := range 100 {
		feats := []uint32{rows[k].key, rows[k+7].key, rows[k+20].key, mix(5, 0, 0, 0)}
		clear(sc.acc[:classes])
		tb.sum(feats, &sc, allClasses)
		all := sc.acc
		for _, part := range []classPart{lowClasses, highClasses} {
			clear(sc.acc[:classes])
			tb.sum(feats, &sc, part)
			for c := range classes {
				if (c < tb.half()) == (part == lowClasses) && sc.acc[c] != all[c] {
					t.Fatalf("features %d: part %d class %d sums %d, want %d", k, part, c, sc.acc[c], all[c])
				}
			}
		}
	}
}
