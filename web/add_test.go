package web_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/web"
)

// slowAdder is a Source whose AddArticles works until its context ends,
// reporting when it stopped.
type slowAdder struct {
	*web.Memory
	stopped chan error
}

func (a slowAdder) AddArticles(ctx context.Context, story string, arts []claimtrail.Article) (string, error) {
	<-ctx.Done()
	a.stopped <- ctx.Err()
	return "", ctx.Err()
}

// TestAddTimeBudget: an add that outlives AddTimeout is stopped and
// answered 503 saying so; nothing is added.
func TestAddTimeBudget(t *testing.T) {
	src := slowAdder{web.NewMemory(build), make(chan error, 1)}
	s, err := web.New(web.Options{Source: src, AddTimeout: 100 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	res, body := do(t, s, post("/api/stories/x/articles", "application/json", `{"articles":[{"text":"A. B."}]}`))
	if res.StatusCode != http.StatusServiceUnavailable || !strings.Contains(body, "longer than 100ms") || !strings.Contains(body, "nothing was added") {
		t.Errorf("slow add: %d %s", res.StatusCode, body)
	}
	select {
	case err := <-src.stopped:
		if err != context.DeadlineExceeded {
			t.Errorf("adder stopped with %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the adder never saw its context end")
	}
}

// TestAddDroppedRequest: when the client goes away, the work for its add
// stops with the request's context.
func TestAddDroppedRequest(t *testing.T) {
	src := slowAdder{web.NewMemory(build), make(chan error, 1)}
	s, err := web.New(web.Options{Source: src})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(s)
	defer srv.Close()
	ctx, cancel := context.WithTimeout(t.Context(), 200*time.Millisecond)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, "POST", srv.URL+"/api/stories/x/articles", strings.NewReader(`{"articles":[{"text":"A. B."}]}`))
	req.Header.Set("Content-Type", "application/json")
	if res, err := http.DefaultClient.Do(req); err == nil {
		res.Body.Close()
		t.Fatalf("the request finished (%d) though the adder never returns", res.StatusCode)
	}
	select {
	case err := <-src.stopped:
		if err != context.Canceled {
			t.Errorf("adder stopped with %v, want the request's cancellation", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the adder kept working after its client left")
	}
}

// TestAddBodyLimitDefault: the add path refuses a body over DefaultMaxBody
// with 413.
func TestAddBodyLimitDefault(t *testing.T) {
	s, _ := newServer(t, web.Options{})
	big := `{"articles":[{"text":"` + strings.Repeat("word ", web.DefaultMaxBody/5+10) + `"}]}`
	res, body := do(t, s, post("/api/stories/x/articles", "application/json", big))
	if res.StatusCode != http.StatusRequestEntityTooLarge && res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "too large") {
		t.Errorf("body over the default limit: %d %.200s", res.StatusCode, body)
	}
}
