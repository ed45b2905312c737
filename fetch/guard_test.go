package fetch

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"sync/atomic"
	"testing"
	"time"

	"golang.org/x/net/dns/dnsmessage"
)

func TestPublic(t *testing.T) {
	blocked := []string{
		"127.0.0.1", "127.1.2.3", "::1", "0.0.0.0", "0.1.2.3", "::",
		"10.0.0.1", "172.16.5.4", "172.31.255.255", "192.168.1.1", "100.64.0.1",
		"169.254.169.254", "fe80::1", "fd00::1", "fc00::1", "fec0::1",
		"::ffff:127.0.0.1", "::ffff:10.0.0.1", "::ffff:169.254.169.254", "::ffff:0.0.0.0",
		"64:ff9b::7f00:1", "2002:7f00:1::1", "2002:c0a8:101::1", "::127.0.0.1",
		"224.0.0.1", "ff02::1", "255.255.255.255", "240.0.0.1",
		"192.0.2.1", "198.51.100.7", "203.0.113.9", "2001:db8::1", "198.18.0.1",
		"fe80::1%eth0",
	}
	for _, s := range blocked {
		if Public(netip.MustParseAddr(s)) {
			t.Errorf("Public(%s) = true, want false", s)
		}
	}
	public := []string{"8.8.8.8", "1.1.1.1", "93.184.216.34", "2606:4700::1111", "::ffff:8.8.8.8", "64:ff9b::808:808", "172.32.0.1"}
	for _, s := range public {
		if !Public(netip.MustParseAddr(s)) {
			t.Errorf("Public(%s) = false, want true", s)
		}
	}
	if Public(netip.Addr{}) {
		t.Error("the zero address is public")
	}
}

// TestRefusedTargets asks a default client for a loopback server under
// every spelling an attacker might try, and for a closed port and an
// unknown host: none may reach the server, and all must fail with the same
// words, so that the error says nothing about what listens where.
func TestRefusedTargets(t *testing.T) {
	s, hits := server(t, map[string]http.HandlerFunc{"/": htmlPage(article)})
	_, port, _ := net.SplitHostPort(s.Listener.Addr().String())
	closed := closedPort(t)
	urls := []string{
		s.URL + "/",
		"http://localhost:" + port + "/",
		"http://0.0.0.0:" + port + "/",
		"http://user:pass@127.0.0.1:" + port + "/",
		"http://[::1]:" + port + "/",
		"http://[::ffff:127.0.0.1]:" + port + "/",
		"http://[::ffff:7f00:1]:" + port + "/",
		"http://2130706433:" + port + "/", // 127.0.0.1 in decimal
		"http://0x7f000001:" + port + "/", // in hex
		"http://0177.0.0.1:" + port + "/", // in octal
		"http://127.1:" + port + "/",
		"http://127.0.0.1:" + closed + "/",
		"http://10.255.255.1:" + port + "/",
		"http://169.254.169.254/latest/meta-data/",
		"http://no-such-host.invalid/",
	}
	c := New(Options{ConnectTimeout: time.Second, Timeout: 2 * time.Second})
	for _, u := range urls {
		_, err := c.Page(t.Context(), u)
		fe := wantErr(t, err, u, ErrUnreachable, "")
		if fe.Err != ErrUnreachable {
			t.Errorf("%s: error %q, want exactly %q", u, fe.Err, ErrUnreachable)
		}
		_, err = c.Feed(t.Context(), u, Validators{})
		wantErr(t, err, u, ErrUnreachable, "")
	}
	if n := hits.Load(); n != 0 {
		t.Errorf("the loopback server was reached %d times", n)
	}

	// Allowed to connect, a closed port reads like any other failure.
	open := New(Options{ConnectTimeout: time.Second, Timeout: 2 * time.Second, AllowPrivate: true})
	_, err := open.Page(t.Context(), "http://127.0.0.1:"+closed+"/")
	if fe := wantErr(t, err, "http://127.0.0.1:"+closed+"/", ErrUnreachable, ""); fe.Err != ErrUnreachable {
		t.Errorf("closed port: %q", fe.Err)
	}
	if _, err := open.Page(t.Context(), s.URL+"/"); err != nil {
		t.Errorf("AllowPrivate: %v", err)
	}
}

func closedPort(t *testing.T) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	_, port, _ := net.SplitHostPort(ln.Addr().String())
	ln.Close()
	return port
}

// testPublic stands in for a public address in these tests: 127.0.0.2 is
// "the internet", the rest of loopback is what must stay out of reach.
func testPublic(a netip.Addr) bool { return a == netip.MustParseAddr("127.0.0.2") || Public(a) }

// pair starts an "outside" server on 127.0.0.2 and an "inside" one on
// 127.0.0.1, on the same port.
func pair(t *testing.T, outside, inside http.Handler) (port string, outHits, inHits *atomic.Int64) {
	t.Helper()
	outHits, inHits = new(atomic.Int64), new(atomic.Int64)
	count := func(n *atomic.Int64, h http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			n.Add(1)
			w.Header().Set("Connection", "close") // every fetch dials (and resolves) again
			h.ServeHTTP(w, r)
		})
	}
	for range 20 {
		in, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		_, port, _ = net.SplitHostPort(in.Addr().String())
		out, err := net.Listen("tcp", "127.0.0.2:"+port)
		if err != nil {
			in.Close()
			continue
		}
		si := &httptest.Server{Listener: in, Config: &http.Server{Handler: count(inHits, inside)}}
		so := &httptest.Server{Listener: out, Config: &http.Server{Handler: count(outHits, outside)}}
		si.Start()
		so.Start()
		t.Cleanup(si.Close)
		t.Cleanup(so.Close)
		return port, outHits, inHits
	}
	t.Skip("could not bind 127.0.0.2 on the port of 127.0.0.1")
	return
}

func TestRedirectToLoopback(t *testing.T) {
	var port string
	port, out, in := pair(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "http://127.0.0.1:"+port+"/admin", http.StatusFound)
	}), htmlPage(article))
	c := newClient(Options{ConnectTimeout: time.Second, Timeout: 2 * time.Second}, testPublic, nil)
	u := "http://127.0.0.2:" + port + "/go"
	_, err := c.Page(t.Context(), u)
	wantErr(t, err, u, ErrUnreachable, "")
	if out.Load() != 1 || in.Load() != 0 {
		t.Errorf("outside hit %d times (want 1), inside %d (want 0)", out.Load(), in.Load())
	}
}

// TestRebinding resolves one name to the outside address, then to the
// inside one, as a DNS rebinding attacker's server does: the first fetch
// goes through, the second must not connect.
func TestRebinding(t *testing.T) {
	port, out, in := pair(t, htmlPage(article), htmlPage(article))
	dns := fakeDNS(t, "rebind.test.", "127.0.0.2", "127.0.0.1")
	c := newClient(Options{ConnectTimeout: time.Second, Timeout: 2 * time.Second}, testPublic, dns)
	u := "http://rebind.test:" + port + "/"
	if _, err := c.Page(t.Context(), u); err != nil {
		t.Fatalf("first fetch (outside address): %v", err)
	}
	_, err := c.Page(t.Context(), u)
	wantErr(t, err, u, ErrUnreachable, "")
	if out.Load() != 1 || in.Load() != 0 {
		t.Errorf("outside hit %d times (want 1), inside %d (want 0)", out.Load(), in.Load())
	}
}

// fakeDNS answers A queries for name with the given addresses in turn (the
// last one from then on), over a real UDP socket on loopback.
func fakeDNS(t *testing.T, name string, addrs ...string) *net.Resolver {
	t.Helper()
	pc, err := net.ListenPacket("udp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { pc.Close() })
	var n atomic.Int64
	go func() {
		buf := make([]byte, 512)
		for {
			k, from, err := pc.ReadFrom(buf)
			if err != nil {
				return
			}
			var p dnsmessage.Parser
			h, err := p.Start(buf[:k])
			if err != nil {
				continue
			}
			q, err := p.Question()
			if err != nil {
				continue
			}
			b := dnsmessage.NewBuilder(nil, dnsmessage.Header{ID: h.ID, Response: true, Authoritative: true})
			b.StartQuestions()
			b.Question(q)
			b.StartAnswers()
			if q.Type == dnsmessage.TypeA && q.Name.String() == name {
				i := min(int(n.Add(1))-1, len(addrs)-1)
				a := netip.MustParseAddr(addrs[i]).As4()
				b.AResource(dnsmessage.ResourceHeader{Name: q.Name, Class: dnsmessage.ClassINET, TTL: 0}, dnsmessage.AResource{A: a})
			}
			msg, _ := b.Finish()
			pc.WriteTo(msg, from)
		}
	}()
	return &net.Resolver{PreferGo: true, Dial: func(ctx context.Context, _, _ string) (net.Conn, error) {
		var d net.Dialer
		return d.DialContext(ctx, "udp", pc.LocalAddr().String())
	}}
}

func TestGuardAddress(t *testing.T) {
	for _, tt := range []struct {
		addr string
		ok   bool
	}{
		{"8.8.8.8:80", true}, {"[2606:4700::1111]:443", true},
		{"127.0.0.1:80", false}, {"[::1]:80", false}, {"[::ffff:127.0.0.1]:80", false},
		{"0.0.0.0:80", false}, {"garbage", false},
	} {
		err := guardWith(Public)("tcp", tt.addr, nil)
		if (err == nil) != tt.ok {
			t.Errorf("guard(%s) = %v, want ok=%v", tt.addr, err, tt.ok)
		}
		if err != nil && !errors.Is(err, errBlocked) {
			t.Errorf("guard(%s) = %v, not errBlocked", tt.addr, err)
		}
	}
}
