package postgres

import (
	"net"
	"sync"
	"testing"
	"time"

	"github.com/claimtrail/claimtrail/store"
)

// silentServer accepts connections and never answers, like a server that
// hangs or a firewall that swallows the handshake.
func silentServer(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var conns []net.Conn
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			mu.Lock()
			conns = append(conns, c)
			mu.Unlock()
		}
	}()
	t.Cleanup(func() {
		ln.Close()
		mu.Lock()
		for _, c := range conns {
			c.Close()
		}
		mu.Unlock()
	})
	return ln.Addr().String()
}

// openSilent opens a store on a silent server and says how long it took
// to give up; it fails the test if Open hangs past limit.
func openSilent(t *testing.T, dsn string, limit time.Duration) time.Duration {
	t.Helper()
	start := time.Now()
	done := make(chan error, 1)
	go func() {
		s, err := Open(t.Context(), dsn, store.Options{})
		if err == nil {
			s.Close()
		}
		done <- err
	}()
	select {
	case err := <-done:
		if err == nil {
			t.Fatal("Open of a silent server succeeded")
		}
		t.Logf("gave up after %v: %v", time.Since(start).Round(time.Millisecond), err)
		return time.Since(start)
	case <-time.After(limit):
		t.Fatalf("Open of a silent server still waiting after %v", limit)
	}
	return 0
}

func TestConnectTimeoutFromDSN(t *testing.T) {
	addr := silentServer(t)
	openSilent(t, "postgres://claimtrail@"+addr+"/corpus?sslmode=disable&connect_timeout=1", 5*time.Second)
}

// TestConnectTimeoutDefault waits for DefaultConnectTimeout: without it, a
// silent server hangs Open for ever.
func TestConnectTimeoutDefault(t *testing.T) {
	if testing.Short() {
		t.Skip("waits for the default connect timeout (10 s)")
	}
	addr := silentServer(t)
	if d := openSilent(t, "postgres://claimtrail@"+addr+"/corpus?sslmode=disable", DefaultConnectTimeout+5*time.Second); d < DefaultConnectTimeout/2 {
		t.Errorf("gave up after %v, before the connect timeout", d)
	}
}
