package parse

import (
	"context"
	"errors"
	"testing"
)

// TestDefaultContext: a cancelled caller gets its context's error or, if
// the model is already read, the model; a live one gets the model.
func TestDefaultContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if m, err := DefaultContext(ctx); !errors.Is(err, context.Canceled) && (err != nil || m == nil) {
		t.Errorf("cancelled: %v, %v", m, err)
	}
	m, err := DefaultContext(context.Background())
	if err != nil || m == nil {
		t.Fatalf("DefaultContext: %v, %v", m, err)
	}
	if d, _ := Default(); d != m {
		t.Error("DefaultContext and Default give different models")
	}
}
