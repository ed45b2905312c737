// Package web serves claim ledgers over HTTP: a browser UI (stories, the
// claims × outlets matrix, claim pages with evidence in context and the
// attribution graph, article pages, a "check a claim" form and an "add
// articles" form) and a JSON API for the same things. Pages are
// html/template with htmx, vendored and embedded: there is no front-end
// build step and no inline script, so a strict Content-Security-Policy
// holds.
//
// The server reads stories from a Source (the store, or a Memory built from
// files at start-up), takes new articles through an Adder and checks claims
// with a Checker; tests plug in fixture ledgers.
package web

import (
	"context"
	"crypto/subtle"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"time"

	"github.com/claimtrail/claimtrail"
)

// Verdict is a Checker's judgement of one article against a claim.
type Verdict struct {
	Stance     claimtrail.Stance
	Label      string  // the model's own label ("agree", "discuss", …)
	Confidence float64 // probability of Label, 0 to 1
	Evidence   []claimtrail.Span
}

// Checker judges the stance of a story's articles on a claim the user
// typed, one verdict per article in order. It is given all the story's
// articles at once because a judgement may read them together (claimtrail's
// check links the claim to the statements of all of them, and its match
// scores depend on the set): judging them one at a time would give answers
// that differ from `claimtrail check` on the same files.
type Checker interface {
	Check(ctx context.Context, claim string, arts []claimtrail.Article) ([]Verdict, error)
}

// Loader turns uploaded files and URLs into articles; package load provides
// it. Both return a clear error naming the input when it cannot be read.
type Loader interface {
	File(ctx context.Context, name string, data []byte) ([]claimtrail.Article, error)
	URL(ctx context.Context, url string) ([]claimtrail.Article, error)
}

// Options configures a Server.
type Options struct {
	Source  Source  // required
	Checker Checker // nil disables "check a claim"
	Loader  Loader  // nil: only pasted text can be added
	// Token, when set, must accompany every write (POST): as
	// "Authorization: Bearer TOKEN", or through the cookie a browser gets by
	// opening any page with ?token=TOKEN once.
	Token string
	// Public says the server listens on a non-loopback address; then writes
	// are refused unless Token is set.
	Public bool
	// Hosts, when set, are the only Host header values the server answers
	// (LoopbackHosts gives them for a loopback address); a request for any
	// other host is refused with 421 Misdirected Request. A page on an
	// attacker's domain that re-resolves its name to the server's address
	// (DNS rebinding) sends the attacker's name as Host, so the check keeps
	// such pages from reading the UI or driving its writes. An entry
	// without a port matches that name on any port.
	Hosts []string
	// MaxBody caps a request body in bytes, uploads and pasted articles
	// included; DefaultMaxBody when zero. It is lower than the file
	// loader's limit on purpose: analysis cost grows with the text, and a
	// web request must not tie the server up.
	MaxBody int64
	// AddTimeout is the time budget of adding articles (fetching,
	// analysing, storing, rebuilding the ledger); DefaultAddTimeout when
	// zero. Work past it, or for a request whose client went away, stops
	// with the request's context.
	AddTimeout time.Duration
	// Logger receives request errors; slog.Default() when nil.
	Logger *slog.Logger
}

// Defaults of Options.
const (
	DefaultMaxBody    = 8 << 20
	DefaultAddTimeout = 90 * time.Second // under NewHTTPServer's write timeout, so the answer still goes out
)

// Server is the claimtrail web UI and API as an http.Handler.
type Server struct {
	opt     Options
	adder   Adder
	handler http.Handler
	log     *slog.Logger
	cache   pageCache
}

// New returns a Server over opt.Source. Writes are enabled when the source
// is also an Adder.
func New(opt Options) (*Server, error) {
	if opt.Source == nil {
		return nil, errors.New("web: no story source")
	}
	if opt.MaxBody <= 0 {
		opt.MaxBody = DefaultMaxBody
	}
	if opt.AddTimeout <= 0 {
		opt.AddTimeout = DefaultAddTimeout
	}
	s := &Server{opt: opt, log: opt.Logger}
	if s.log == nil {
		s.log = slog.Default()
	}
	s.adder, _ = opt.Source.(Adder)
	mux := http.NewServeMux()
	s.routes(mux)
	s.handler = s.secure(mux)
	return s, nil
}

// ServeHTTP serves the UI and the API.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.handler.ServeHTTP(w, r) }

// ContentSecurityPolicy is sent with every response: scripts, styles and
// everything else only from the server itself, never inline; no framing.
const ContentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

const tokenCookie = "claimtrail_token"

// secure wraps h with security headers, the body-size limit, cross-origin
// write refusal and the write token.
func (s *Server) secure(h http.Handler) http.Handler {
	cop := http.NewCrossOriginProtection()
	cop.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.fail(w, r, http.StatusForbidden, errors.New("cross-origin write refused"))
	}))
	inner := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !s.hostAllowed(r.Host) {
			s.fail(w, r, http.StatusMisdirectedRequest, fmt.Errorf("host %q is not served here", r.Host))
			return
		}
		hd := w.Header()
		hd.Set("Content-Security-Policy", ContentSecurityPolicy)
		hd.Set("X-Content-Type-Options", "nosniff")
		hd.Set("X-Frame-Options", "DENY")
		hd.Set("Referrer-Policy", "no-referrer")
		hd.Set("Cross-Origin-Opener-Policy", "same-origin")
		hd.Set("Cross-Origin-Resource-Policy", "same-origin")
		if r.Body != nil {
			r.Body = http.MaxBytesReader(w, r.Body, s.opt.MaxBody)
		}
		if t := r.URL.Query().Get("token"); t != "" && r.Method == http.MethodGet {
			s.takeToken(w, r, t)
			return
		}
		if !safeMethod(r.Method) {
			if err := s.authorize(r); err != nil {
				s.fail(w, r, http.StatusForbidden, err)
				return
			}
		}
		h.ServeHTTP(w, r)
	})
	return cop.Handler(inner)
}

// hostAllowed says whether a request's Host header names this server.
func (s *Server) hostAllowed(host string) bool {
	if len(s.opt.Hosts) == 0 {
		return true
	}
	host = strings.ToLower(host)
	name := host
	if h, _, err := net.SplitHostPort(host); err == nil {
		name = h
		if strings.Contains(h, ":") {
			name = "[" + h + "]"
		}
	}
	for _, want := range s.opt.Hosts {
		want = strings.ToLower(want)
		if want == host || want == name {
			return true
		}
	}
	return false
}

// LoopbackHosts returns the Host header values a server listening on the
// loopback address addr ("127.0.0.1:8080", after binding, so with its real
// port) answers to: localhost, 127.0.0.1 and [::1] with the port, and
// without it for port 80.
func LoopbackHosts(addr string) []string {
	_, port, err := net.SplitHostPort(addr)
	if err != nil {
		return nil
	}
	var out []string
	for _, h := range []string{"localhost", "127.0.0.1", "[::1]"} {
		out = append(out, h+":"+port)
		if port == "80" {
			out = append(out, h)
		}
	}
	return out
}

func safeMethod(m string) bool {
	return m == http.MethodGet || m == http.MethodHead || m == http.MethodOptions
}

// authorize decides whether a write may go ahead.
func (s *Server) authorize(r *http.Request) error {
	if s.opt.Token == "" {
		if s.opt.Public {
			return errors.New("writes are disabled: the server listens on a non-loopback address without --token")
		}
		return nil
	}
	got := ""
	if h := r.Header.Get("Authorization"); len(h) > 7 && h[:7] == "Bearer " {
		got = h[7:]
	} else if c, err := r.Cookie(tokenCookie); err == nil {
		got = c.Value
	}
	if got == "" {
		return errors.New("write refused: missing token (Authorization: Bearer TOKEN, or open the UI with ?token=TOKEN)")
	}
	if subtle.ConstantTimeCompare([]byte(got), []byte(s.opt.Token)) != 1 {
		return errors.New("write refused: wrong token")
	}
	return nil
}

// takeToken stores a right token from the URL in a cookie for the forms and
// redirects to the same URL without it.
func (s *Server) takeToken(w http.ResponseWriter, r *http.Request, t string) {
	if s.opt.Token == "" || subtle.ConstantTimeCompare([]byte(t), []byte(s.opt.Token)) != 1 {
		s.fail(w, r, http.StatusForbidden, errors.New("wrong token"))
		return
	}
	http.SetCookie(w, &http.Cookie{
		Name: tokenCookie, Value: t, Path: "/", HttpOnly: true,
		SameSite: http.SameSiteStrictMode, Secure: r.TLS != nil,
	})
	u := *r.URL
	q := u.Query()
	q.Del("token")
	u.RawQuery = q.Encode()
	http.Redirect(w, r, u.RequestURI(), http.StatusSeeOther)
}

// writable says whether the UI should offer write forms.
func (s *Server) writable() bool { return s.adder != nil && (s.opt.Token != "" || !s.opt.Public) }

// NewHTTPServer returns an http.Server for h with the timeouts claimtrail
// uses: 5 s to read headers, 1 min to read a request (uploads), 2 min to
// write a response (adding articles rebuilds the ledger), 2 min idle, and
// 64 KiB of headers at most.
func NewHTTPServer(h http.Handler) *http.Server {
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       time.Minute,
		WriteTimeout:      2 * time.Minute,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
	}
}

// Serve serves h on ln until ctx is done, then shuts down gracefully,
// giving requests in flight up to 10 seconds to finish.
func Serve(ctx context.Context, ln net.Listener, h http.Handler) error {
	srv := NewHTTPServer(h)
	srv.BaseContext = func(net.Listener) context.Context { return context.WithoutCancel(ctx) }
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return fmt.Errorf("shut down: %w", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", err)
	}
	return nil
}

// Loopback reports whether a listen address ("host:port") binds only the
// loopback interface. An empty host binds every interface.
func Loopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
