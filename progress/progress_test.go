package progress

import (
	"bytes"
	"os"
	"sync"
	"testing"
)

func TestCounter(t *testing.T) {
	var c Counter
	c.Grow(10)
	var wg sync.WaitGroup
	for i := range 10 {
		wg.Go(func() { c.Step(i%5 == 0) })
	}
	wg.Wait()
	if s := c.State(); s != (State{Total: 10, Done: 10, Failed: 2}) {
		t.Errorf("State = %+v", s)
	}
}

func TestQuietWhenNotTerminal(t *testing.T) {
	var buf bytes.Buffer
	b := New(&buf, 3, "ingest")
	b.Step(false)
	b.Grow(1)
	b.Step(true)
	b.Finish()
	if buf.Len() != 0 {
		t.Errorf("bar drew %q on a buffer", buf.String())
	}
	if s := b.State(); s.Total != 4 || s.Done != 2 || s.Failed != 1 {
		t.Errorf("State = %+v", s)
	}
	f, err := os.CreateTemp(t.TempDir(), "out")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if IsTerminal(f) {
		t.Error("a regular file taken for a terminal")
	}
}
