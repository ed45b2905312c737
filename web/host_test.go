package web_test

import (
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail/web"
)

// TestHostHeader runs a real server on loopback and attacks it as a DNS
// rebinding page would: the attacker's name in Host, with a matching
// Origin so that the cross-origin check alone would let a write through.
func TestHostHeader(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	_, port, _ := net.SplitHostPort(addr)
	s, m := newServer(t, web.Options{Hosts: web.LoopbackHosts(addr)})
	ts := &httptest.Server{Listener: ln, Config: &http.Server{Handler: s}}
	ts.Start()
	defer ts.Close()

	send := func(method, host, path, body string) (int, string) {
		t.Helper()
		r, _ := http.NewRequest(method, "http://"+addr+path, strings.NewReader(body))
		r.Host = host
		if method == "POST" {
			r.Header.Set("Content-Type", "application/json")
			r.Header.Set("Origin", "http://"+host)
			r.Header.Set("Sec-Fetch-Site", "same-origin")
		}
		res, err := http.DefaultClient.Do(r)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return res.StatusCode, string(b)
	}
	for _, host := range []string{"rebind.evil.example:" + port, "rebind.evil.example", "127.0.0.1.evil.example:" + port, "localhost:1" + port} {
		if code, body := send("GET", host, "/stories/port", ""); code != http.StatusMisdirectedRequest || strings.Contains(body, "Port closure") {
			t.Errorf("GET with Host %s: %d", host, code)
		}
		if code, _ := send("POST", host, "/api/stories/stolen/articles", `{"articles":[{"text":"A. B."}]}`); code != http.StatusMisdirectedRequest {
			t.Errorf("POST with Host %s: %d", host, code)
		}
	}
	if _, err := m.Ledger(t.Context(), "stolen"); err == nil {
		t.Error("a write with a foreign Host went through")
	}
	for _, host := range []string{"127.0.0.1:" + port, "localhost:" + port, "LOCALHOST:" + port, "[::1]:" + port} {
		if code, _ := send("GET", host, "/stories/port", ""); code != http.StatusOK {
			t.Errorf("GET with Host %s: %d", host, code)
		}
	}
	if code, body := send("POST", "localhost:"+port, "/api/stories/mine/articles", `{"articles":[{"text":"A. B."}]}`); code != http.StatusCreated {
		t.Errorf("same-host write: %d %s", code, body)
	}
}

func TestLoopbackHosts(t *testing.T) {
	got := web.LoopbackHosts("127.0.0.1:80")
	for _, want := range []string{"localhost:80", "127.0.0.1:80", "[::1]:80", "localhost", "127.0.0.1", "[::1]"} {
		if !slices.Contains(got, want) {
			t.Errorf("LoopbackHosts(127.0.0.1:80) lacks %s: %v", want, got)
		}
	}
	if got := web.LoopbackHosts("[::1]:8080"); slices.Contains(got, "localhost") || !slices.Contains(got, "localhost:8080") {
		t.Errorf("LoopbackHosts([::1]:8080) = %v", got)
	}
}
