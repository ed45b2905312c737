// Package progress tracks how far a long command has got and shows it on
// stderr. The state (Counter) is kept apart from the drawing (Bar), which
// draws with github.com/schollz/progressbar/v3 only when its writer is a
// terminal, so logs and pipes stay clean.
package progress

import (
	"io"
	"os"
	"sync"

	"github.com/schollz/progressbar/v3"
)

// Counter is the state of a long job: items done and failed out of a total
// that may grow. It is safe for concurrent use.
type Counter struct {
	mu                  sync.Mutex
	total, done, failed int
}

// State is a snapshot of a Counter.
type State struct {
	Total, Done, Failed int
}

// Grow adds n items to the total.
func (c *Counter) Grow(n int) {
	c.mu.Lock()
	c.total += n
	c.mu.Unlock()
}

// Step records one item finished, failed or not.
func (c *Counter) Step(failed bool) State {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.done++
	if failed {
		c.failed++
	}
	return State{c.total, c.done, c.failed}
}

// State returns a snapshot of the counter.
func (c *Counter) State() State {
	c.mu.Lock()
	defer c.mu.Unlock()
	return State{c.total, c.done, c.failed}
}

// Bar shows a Counter as a progress bar. The zero-cost quiet Bar (for a
// writer that is not a terminal) still counts.
type Bar struct {
	Counter
	mu  sync.Mutex
	bar *progressbar.ProgressBar // nil when quiet
}

// New returns a bar described by label over total items, drawn on w when w
// is a terminal and quiet otherwise.
func New(w io.Writer, total int, label string) *Bar {
	b := &Bar{}
	b.Grow(total)
	if IsTerminal(w) {
		b.bar = progressbar.NewOptions(total,
			progressbar.OptionSetWriter(w),
			progressbar.OptionSetDescription(label),
			progressbar.OptionShowCount(),
			progressbar.OptionSetWidth(30),
			progressbar.OptionThrottle(100_000_000),
			progressbar.OptionClearOnFinish(),
		)
	}
	return b
}

// Grow adds n items to the total.
func (b *Bar) Grow(n int) {
	b.Counter.Grow(n)
	if b.bar != nil {
		b.mu.Lock()
		b.bar.ChangeMax(b.State().Total)
		b.mu.Unlock()
	}
}

// Step records one item finished and redraws.
func (b *Bar) Step(failed bool) {
	s := b.Counter.Step(failed)
	if b.bar != nil {
		b.mu.Lock()
		b.bar.Set(s.Done)
		b.mu.Unlock()
	}
}

// Finish removes the bar from the terminal.
func (b *Bar) Finish() {
	if b.bar != nil {
		b.mu.Lock()
		b.bar.Finish()
		b.mu.Unlock()
	}
}

// IsTerminal reports whether w is a character device such as a terminal.
func IsTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}
