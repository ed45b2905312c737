package seq

import (
	"bytes"
	"compress/flate"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/nlp"
)

func analyse(t testing.TB, text string) *nlp.Document {
	t.Helper()
	an, err := nlp.NewAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	doc, err := an.Analyze(context.Background(), &claimtrail.Article{ID: "t", Text: text})
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func find(text, sub string, from int) []claimtrail.Span {
	i := strings.Index(text[from:], sub)
	if i < 0 {
		panic("no " + sub)
	}
	return []claimtrail.Span{{Start: from + i, End: from + i + len(sub)}}
}

var (
	names    = []string{"Maria Lopez", "The mayor", "Officials", "Tom Baker", "A spokesman", "The council", "Residents", "Dr. Okafor", "The agency", "Ms. Chen"}
	contents = []string{
		"the bridge will reopen in June", "taxes would not rise", "the storm caused little damage",
		"the school needs more teachers", "prices fell sharply last year", "the vote was held fairly",
		"the park will close for repairs", "water supplies are safe", "the road plan is too costly",
		"more buses will run at night", "the report contained errors", "the factory will hire workers",
	}
	fillers = []string{"The weather was mild on Monday.", "Traffic moved slowly downtown.", "The market opened at nine."}
)

// synthetic builds a small corpus of two attribution patterns,
// "SOURCE said CONTENT." and "CONTENT, SOURCE told reporters.", with
// unattributed filler sentences between them.
func synthetic(t testing.TB, n, offset int) []Sample {
	var out []Sample
	for d := 0; d < n; d++ {
		var b strings.Builder
		type want struct{ src, cue, content string }
		var wants []want
		for k := 0; k < 4; k++ {
			i := d*4 + k + offset
			name, content := names[i%len(names)], contents[(i*7)%len(contents)]
			if k%2 == 0 {
				fmt.Fprintf(&b, "%s said %s. ", name, content)
				wants = append(wants, want{name, "said", content})
			} else {
				fmt.Fprintf(&b, "%s, %s told reporters. ", strings.ToUpper(content[:1])+content[1:], strings.ToLower(name[:1])+name[1:])
				wants = append(wants, want{strings.ToLower(name[:1]) + name[1:], "told reporters", strings.ToUpper(content[:1]) + content[1:]})
			}
			b.WriteString(fillers[i%len(fillers)] + "\n\n")
		}
		text := b.String()
		var gold []Gold
		from := 0
		for _, w := range wants {
			var a Gold
			if strings.HasPrefix(text[from:], w.content) || strings.Index(text[from:], w.content) < strings.Index(text[from:], w.src) {
				a.Content = find(text, w.content, from)
				a.Source = find(text, w.src, a.Content[0].End)
			} else {
				a.Source = find(text, w.src, from)
				a.Content = find(text, w.content, a.Source[0].End)
			}
			a.Cue = find(text, w.cue, min(a.Source[0].End, a.Content[0].End))
			from = max(a.Source[0].End, a.Content[0].End, a.Cue[0].End)
			gold = append(gold, a)
		}
		out = append(out, Sample{Doc: analyse(t, text), Gold: gold})
	}
	return out
}

func trainTiny(t testing.TB) (*Model, []Sample) {
	t.Helper()
	train := synthetic(t, 12, 0)
	dev := synthetic(t, 3, 1000)
	epochs := 0
	dev1 := func(epoch int, pred [][]Attribution) float64 {
		if epoch > 0 {
			epochs++
		}
		return exactRate(dev, pred)
	}
	m, err := Train(context.Background(), train, dev, TrainOptions{Epochs: 4, FirstEpochs: 3, Folds: 2, Bits: 16, Prune: 1, Dev: dev1})
	if err != nil {
		t.Fatal(err)
	}
	if epochs != 4 {
		t.Fatalf("dev scored after %d epochs, want 4", epochs)
	}
	return m, dev
}

// exactRate is the share of gold mentions, over all roles, that pred has
// exactly.
func exactRate(samples []Sample, pred [][]Attribution) float64 {
	found, total := 0, 0
	for i, s := range samples {
		have := map[claimtrail.Span]bool{}
		for _, a := range pred[i] {
			g := a.AsGold()
			for _, r := range []Role{Source, Cue, Content} {
				for _, sp := range g.Mention(r) {
					have[sp] = true
				}
			}
		}
		for _, g := range s.Gold {
			for _, r := range []Role{Source, Cue, Content} {
				for _, sp := range g.Mention(r) {
					total++
					if have[sp] {
						found++
					}
				}
			}
		}
	}
	return float64(found) / float64(max(total, 1))
}

// TestTrainLearnsSynthetic trains on a tiny synthetic corpus and checks the
// model labels unseen sentences of the same patterns.
func TestTrainLearnsSynthetic(t *testing.T) {
	m, dev := trainTiny(t)
	pred := make([][]Attribution, len(dev))
	for i, s := range dev {
		pred[i] = m.Label(s.Doc)
	}
	if r := exactRate(dev, pred); r < 0.9 {
		t.Errorf("%.2f of the gold mentions of held-out synthetic text found exactly, want >= 0.9", r)
	}
	doc := analyse(t, "Ms. Chen said the factory will hire workers.\n")
	atts := m.Label(doc)
	if len(atts) != 1 {
		t.Fatalf("%d attributions, want 1: %+v", len(atts), atts)
	}
	text := doc.Article.Text
	if got := atts[0].Source.In(text) + "|" + atts[0].Cue.In(text) + "|" + atts[0].Content.In(text); got != "Ms. Chen|said|the factory will hire workers" {
		t.Errorf("got %q", got)
	}
}

func TestMarshalRoundTrip(t *testing.T) {
	m, dev := trainTiny(t)
	data, err := m.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	back, err := Unmarshal(data)
	if err != nil {
		t.Fatal(err)
	}
	if len(m.stems) == 0 || fmt.Sprint(m.stems) != fmt.Sprint(back.stems) {
		t.Errorf("stem cue counts differ after a round trip:\n%v\n%v", m.stems, back.stems)
	}
	for _, s := range dev {
		a, b := fmt.Sprint(m.Label(s.Doc)), fmt.Sprint(back.Label(s.Doc))
		if a != b {
			t.Fatalf("labels differ after a round trip:\n%s\n%s", a, b)
		}
	}
}

func TestUnmarshalErrors(t *testing.T) {
	m, _ := trainTiny(t)
	good, err := m.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	flip := append([]byte(nil), good...)
	flip[len(flip)/2] ^= 0x40
	version := append([]byte(nil), good...)
	version[len(magic)] = 99
	m.stems = map[string]stemCount{"warn": {cue: 5, seen: 2}}
	badStems, err := m.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		data []byte
		want string
	}{
		{"empty", nil, "missing magic"},
		{"other file", []byte("PK\x03\x04 a zip file, not a model at all"), "missing magic"},
		{"wrong version", version, "format version 99"},
		{"corrupt", flip, "checksum mismatch"},
		{"truncated", good[:len(good)-10], "checksum mismatch"},
		{"bad stem counts", badStems, `stem "warn" counted 5 cues in 2 occurrences`},
	} {
		_, err := Unmarshal(c.data)
		if err == nil || !errors.Is(err, ErrFormat) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want ErrFormat with %q", c.name, err, c.want)
		}
	}
}

func TestDefaultLoads(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	text := "The river rose overnight, and the city's emergency director said the levees would hold.\n\n" +
		"“We are watching every hour,” Ana Ruiz told reporters on Friday.\n"
	doc := analyse(t, text)
	atts := m.Label(doc)
	var cues []string
	for _, a := range atts {
		cues = append(cues, a.Cue.In(text))
		for _, p := range a.ContentParts {
			if p.Empty() || p.End > len(text) {
				t.Errorf("bad content part %v", p)
			}
		}
	}
	if !strings.Contains(strings.Join(cues, "|"), "said") || !strings.Contains(strings.Join(cues, "|"), "told") {
		t.Errorf("cues %q, want said and told", cues)
	}
	if got := m.Label(analyse(t, "")); len(got) != 0 {
		t.Errorf("empty document: %v", got)
	}
}

// benchText is a paragraph-structured news text of the writer's own making.
func benchText() string {
	var b strings.Builder
	for i := 0; i < 40; i++ {
		fmt.Fprintf(&b, "The council met on Tuesday to discuss plan %d. %s said %s, according to a statement. ", i, names[i%len(names)], contents[i%len(contents)])
		fmt.Fprintf(&b, "“%s,” %s told reporters after the meeting. %s\n\n", strings.ToUpper(contents[(i+3)%len(contents)][:1])+contents[(i+3)%len(contents)][1:], strings.ToLower(names[(i+1)%len(names)][:1])+names[(i+1)%len(names)][1:], fillers[i%len(fillers)])
	}
	return b.String()
}

// BenchmarkLabel measures extraction on an analysed document; the
// sentences/s metric is the one the speed target (5,000 per core) is about.
func BenchmarkLabel(b *testing.B) {
	m, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	doc := analyse(b, benchText())
	for b.Loop() {
		m.Label(doc)
	}
	b.ReportMetric(float64(len(doc.Sentences)*b.N)/b.Elapsed().Seconds(), "sentences/s")
}

// FuzzUnmarshal feeds arbitrary bytes, and damaged models, to the model
// reader: it must fail with ErrFormat or load, never panic.
func FuzzUnmarshal(f *testing.F) {
	f.Add([]byte(magic + "\x01\x00\x00\x00\x00\x00"))
	f.Add(embedded[:64])
	f.Add([]byte("garbage"))
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := Unmarshal(data)
		if err != nil {
			if !errors.Is(err, ErrFormat) {
				t.Fatalf("error %v does not wrap ErrFormat", err)
			}
			return
		}
		m.Label(analyse(t, "Ann said it rained.\n"))
	})
}

// FuzzDecodePayload fuzzes the model body behind the checksum.
func FuzzDecodePayload(f *testing.F) {
	raw, err := io.ReadAll(flate.NewReader(bytes.NewReader(embedded[len(magic)+6:])))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(raw[:200])
	f.Add([]byte{16, nTags, edgeBits, 2, 0, 0, 0, 0, 0})
	f.Fuzz(func(t *testing.T, data []byte) {
		if _, err := decodePayload(data); err != nil && !errors.Is(err, ErrFormat) {
			t.Fatalf("error %v does not wrap ErrFormat", err)
		}
	})
}
