package stance

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/binary"
	"encoding/gob"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
)

// Magic starts every stance model file.
const Magic = "CTSTANCE"

// FormatVersion is the model file version this build reads and writes. It
// changes whenever the features or the encoding change.
const FormatVersion = 1

// ErrVersion is wrapped by the error for a model file of another version.
var ErrVersion = errors.New("unsupported stance model version")

//go:embed model/fnc1.model
var embedded []byte

// Default loads the model embedded in the package: trained on the FNC-1
// training pairs whose bodies are not held out (see docs/stance.md).
func Default() (*Model, error) {
	m, err := Decode(bytes.NewReader(embedded))
	if err != nil {
		return nil, fmt.Errorf("embedded stance model: %w", err)
	}
	return m, nil
}

// Model is a trained stance model. It is safe for concurrent use.
type Model struct {
	data modelData
	lx   *lexicon
}

// modelData is what a model file stores after its header.
type modelData struct {
	Features []string // feature names, must equal featureNames
	IDF      []uint8  // hashed IDF table, 1<<idfBits entries, value*idfScale
	Related  forest   // stage 1: unrelated (0) or related (1)
	Stance   forest   // stage 2, on related pairs: agree, disagree, discuss
	// DisagreeBias multiplies stage 2's disagree probability before the
	// probabilities are renormalised and the label picked (0 means 1).
	DisagreeBias float64
	Info         Info
}

// Info describes how a model was trained.
type Info struct {
	Seed          uint64  // seed of the hold-out split and the boosting
	Holdout       float64 // share of bodies held out of training
	TrainPairs    int     // pairs trained on
	TrainBodies   int     // bodies trained on
	Rounds        int     // boosting rounds of the stance stage
	RelatedRounds int     // boosting rounds of the related stage
	Depth         int     // tree depth of the stance stage
	RelatedDepth  int     // tree depth of the related stage
	DisagreeBias  float64 // see TrainOptions.DisagreeBias
}

// Info returns how the model was trained.
func (m *Model) Info() Info { return m.data.Info }

// HeldOut reports whether body id was held out of the model's training
// data (the model's own seed and hold-out share; see HeldOut).
func (m *Model) HeldOut(bodyID int) bool {
	return HeldOut(m.data.Info.Seed, m.data.Info.Holdout, bodyID)
}

// HeldOut reports whether the body with this id falls in the hold-out
// split drawn with seed: about a share frac of all ids does, the same ones
// for the same seed whatever the order or number of bodies.
func HeldOut(seed uint64, frac float64, bodyID int) bool {
	r := rng{s: seed ^ (uint64(bodyID) * 0x9E3779B97F4A7C15)}
	r.next()
	return r.float() < frac
}

// Load reads a model file.
func Load(path string) (*Model, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("load stance model: %w", err)
	}
	defer f.Close()
	m, err := Decode(bufio.NewReader(f))
	if err != nil {
		return nil, fmt.Errorf("load stance model %s: %w", path, err)
	}
	return m, nil
}

// Decode reads a model from r: the magic, a little-endian uint32 version,
// then the gzip-compressed gob encoding of the model.
func Decode(r io.Reader) (*Model, error) {
	var head [len(Magic) + 4]byte
	if _, err := io.ReadFull(r, head[:]); err != nil {
		return nil, fmt.Errorf("not a stance model: too short")
	}
	if string(head[:len(Magic)]) != Magic {
		return nil, fmt.Errorf("not a stance model: bad magic %q", head[:len(Magic)])
	}
	if v := binary.LittleEndian.Uint32(head[len(Magic):]); v != FormatVersion {
		return nil, fmt.Errorf("%w %d: this build reads version %d; retrain with `claimtrail train stance`", ErrVersion, v, FormatVersion)
	}
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("corrupt stance model: %w", err)
	}
	var d modelData
	if err := gob.NewDecoder(zr).Decode(&d); err != nil {
		return nil, fmt.Errorf("corrupt stance model: %w", err)
	}
	if _, err := io.Copy(io.Discard, zr); err != nil { // checks the gzip CRC
		return nil, fmt.Errorf("corrupt stance model: %w", err)
	}
	return newModel(d)
}

func newModel(d modelData) (*Model, error) {
	if len(d.IDF) != 1<<idfBits {
		return nil, fmt.Errorf("corrupt stance model: IDF table has %d entries, want %d", len(d.IDF), 1<<idfBits)
	}
	if len(d.Features) != numFeatures {
		return nil, fmt.Errorf("stance model has %d features, this build computes %d; retrain with `claimtrail train stance`", len(d.Features), numFeatures)
	}
	for i, n := range d.Features {
		if n != featureNames[i] {
			return nil, fmt.Errorf("stance model feature %d is %q, this build computes %q; retrain with `claimtrail train stance`", i, n, featureNames[i])
		}
	}
	if math.IsNaN(d.DisagreeBias) || d.DisagreeBias < 0 || d.DisagreeBias > 100 {
		return nil, fmt.Errorf("corrupt stance model: disagree bias %v", d.DisagreeBias)
	}
	if err := d.Related.check(2, numFeatures); err != nil {
		return nil, fmt.Errorf("corrupt stance model: related stage: %w", err)
	}
	if err := d.Stance.check(3, numFeatures); err != nil {
		return nil, fmt.Errorf("corrupt stance model: stance stage: %w", err)
	}
	return &Model{data: d, lx: newLexicon()}, nil
}

// Encode writes the model in the format Decode reads.
func (m *Model) Encode(w io.Writer) error {
	var head [len(Magic) + 4]byte
	copy(head[:], Magic)
	binary.LittleEndian.PutUint32(head[len(Magic):], FormatVersion)
	if _, err := w.Write(head[:]); err != nil {
		return err
	}
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	if err := gob.NewEncoder(zw).Encode(&m.data); err != nil {
		return err
	}
	return zw.Close()
}

// classify runs the two stages on a feature vector. A pair is related when
// stage 1 says so with probability at least one half; stage 2 then picks
// among agree, disagree and discuss, after scaling the disagree
// probability by the model's DisagreeBias (a prior correction for the
// rarest class) and renormalising. Probs multiplies out the stages:
// P(agree) = P(related)·P(agree | related).
func (m *Model) classify(x []float32) Prediction {
	var p Prediction
	var rel [2]float64
	m.data.Related.probs(x, rel[:])
	p.Probs[Unrelated] = rel[0]
	if rel[1] < 0.5 {
		// Unrelated: stage 2 is skipped, its share split evenly.
		for k := Agree; k <= Discuss; k++ {
			p.Probs[k] = rel[1] / 3
		}
		p.Label, p.Confidence = Unrelated, rel[0]
		return p
	}
	var st [3]float64
	m.data.Stance.probs(x, st[:])
	if bias := m.data.DisagreeBias; bias > 0 && bias != 1 {
		st[Disagree] *= bias
		sum := st[0] + st[1] + st[2]
		for k := range st {
			st[k] /= sum
		}
	}
	for k := range st {
		p.Probs[k] = rel[1] * st[k]
		if st[k] > st[p.Label] {
			p.Label = Label(k)
		}
	}
	p.Confidence = p.Probs[p.Label]
	return p
}

// Save writes the model to path.
func (m *Model) Save(path string) error {
	var buf bytes.Buffer
	if err := m.Encode(&buf); err != nil {
		return fmt.Errorf("save stance model: %w", err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("save stance model: %w", err)
	}
	return nil
}

// Predict judges the stance of body toward claim.
func (m *Model) Predict(claim, body string) Prediction {
	return m.PredictPrepared(claim, m.PrepareBody(body))
}

// PredictPrepared judges the stance of a prepared body toward claim.
func (m *Model) PredictPrepared(claimText string, b *Body) Prediction {
	c := m.prepareClaim(claimText)
	var xa [96]float32
	var x []float32
	if numFeatures <= len(xa) {
		x = xa[:numFeatures]
	} else {
		x = make([]float32, numFeatures)
	}
	var sa [64]float32
	_, best := m.features(&c, b, x, sa[:0])
	p := m.classify(x)
	for _, s := range best {
		if s.sent >= 0 {
			p.Evidence = append(p.Evidence, b.sents[s.sent])
		}
	}
	return p
}
