package main

import "context"

// untilDone runs f, a step that takes no context (reading a model, which
// takes seconds), and returns its result, or ctx's error as soon as ctx is
// done: an interrupted command stops waiting at once instead of through
// main's one-second fallback. f's result is then dropped; f runs to its
// end in the background, which costs nothing as the command is ending.
func untilDone[T any](ctx context.Context, f func() (T, error)) (T, error) {
	type result struct {
		v   T
		err error
	}
	done := make(chan result, 1)
	go func() {
		v, err := f()
		done <- result{v, err}
	}()
	select {
	case r := <-done:
		return r.v, r.err
	case <-ctx.Done():
		var zero T
		return zero, ctx.Err()
	}
}
