// Package fetch reads articles and feeds over HTTP for claimtrail: a
// careful client (connect and total timeouts, a body-size limit read as a
// stream, a redirect limit, http and https only, an honest User-Agent) that
// turns a web page into a claimtrail.Article through the HTML loader and an
// RSS or Atom feed into items, with conditional GET (ETag and
// Last-Modified) so a feed that has not changed costs one small request.
package fetch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strings"
	"time"

	"github.com/claimtrail/claimtrail"
)

// Defaults used when an Options field is zero.
const (
	DefaultConnectTimeout = 10 * time.Second
	DefaultTimeout        = 30 * time.Second
	DefaultMaxBody        = 10 << 20
	DefaultMaxRedirects   = 5
)

// UserAgent is the User-Agent header the client sends unless told otherwise.
var UserAgent = "claimtrail/" + claimtrail.Version + " (+https://github.com/claimtrail/claimtrail)"

// Problems a fetch reports inside an *Error; test them with errors.Is.
var (
	ErrScheme    = errors.New("only http and https URLs can be fetched")
	ErrStatus    = errors.New("unexpected HTTP status")
	ErrTooLarge  = errors.New("response body too large")
	ErrRedirects = errors.New("too many redirects")
	ErrNotHTML   = errors.New("not an HTML page")
	ErrTimeout   = errors.New("timed out")
	ErrFeed      = errors.New("not a valid RSS or Atom feed")
	ErrBadURL    = errors.New("bad URL")
)

// Error is a failed fetch: the URL asked for and what went wrong. Status
// is the HTTP status when a response came back, else 0.
type Error struct {
	URL    string
	Status int
	Err    error
}

// Error reads "fetch URL: problem".
func (e *Error) Error() string { return fmt.Sprintf("fetch %s: %v", e.URL, e.Err) }

// Unwrap returns the underlying problem.
func (e *Error) Unwrap() error { return e.Err }

// Options configure a Client; a zero field takes its default.
type Options struct {
	ConnectTimeout time.Duration // to open a connection (DefaultConnectTimeout)
	Timeout        time.Duration // for a whole request, body included (DefaultTimeout)
	MaxBody        int64         // largest body read, in bytes (DefaultMaxBody)
	MaxRedirects   int           // redirects followed (DefaultMaxRedirects); negative: none
	UserAgent      string        // User-Agent header (UserAgent)
	// AllowPrivate lets the client connect to loopback, private,
	// link-local and other non-public addresses (see Public). Without it
	// every connection, redirects included, is checked after name
	// resolution, and environment proxies (HTTP_PROXY…) are not used, since
	// a proxy would resolve names out of the client's sight.
	AllowPrivate bool
	// Transport, when set, replaces the client's own transport (tests,
	// proxies); the connect timeout then is the transport's business.
	Transport http.RoundTripper
}

// Client fetches pages and feeds. It is safe for concurrent use.
type Client struct {
	hc        *http.Client
	timeout   time.Duration
	maxBody   int64
	userAgent string
}

// New returns a Client with the given options.
func New(opt Options) *Client { return newClient(opt, Public, nil) }

// newClient is New with the policy deciding which addresses are public and
// the resolver (nil: the system's) replaceable, for tests.
func newClient(opt Options, public func(netip.Addr) bool, resolver *net.Resolver) *Client {
	if opt.ConnectTimeout <= 0 {
		opt.ConnectTimeout = DefaultConnectTimeout
	}
	if opt.Timeout <= 0 {
		opt.Timeout = DefaultTimeout
	}
	if opt.MaxBody <= 0 {
		opt.MaxBody = DefaultMaxBody
	}
	if opt.MaxRedirects == 0 {
		opt.MaxRedirects = DefaultMaxRedirects
	}
	if opt.UserAgent == "" {
		opt.UserAgent = UserAgent
	}
	rt := opt.Transport
	if rt == nil {
		dialer := &net.Dialer{Timeout: opt.ConnectTimeout, KeepAlive: 30 * time.Second, Resolver: resolver}
		var proxy func(*http.Request) (*url.URL, error)
		if opt.AllowPrivate {
			proxy = http.ProxyFromEnvironment
		} else {
			dialer.Control = guardWith(public)
		}
		rt = &http.Transport{
			Proxy:                 proxy,
			DialContext:           dialContext(dialer),
			TLSHandshakeTimeout:   opt.ConnectTimeout,
			ResponseHeaderTimeout: opt.Timeout,
			ForceAttemptHTTP2:     true,
			MaxIdleConns:          32,
			IdleConnTimeout:       90 * time.Second,
		}
	}
	maxRedirects := max(opt.MaxRedirects, 0)
	hc := &http.Client{
		Transport: rt,
		Timeout:   opt.Timeout,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
				return fmt.Errorf("%w: redirected to %s", ErrScheme, req.URL.Redacted())
			}
			if len(via) > maxRedirects {
				return fmt.Errorf("%w: stopped after %d", ErrRedirects, maxRedirects)
			}
			return nil
		},
	}
	return &Client{hc: hc, timeout: opt.Timeout, maxBody: opt.MaxBody, userAgent: opt.UserAgent}
}

// response is a fetched body with what the caller needs of the response.
type response struct {
	status      int
	finalURL    string
	contentType string
	header      http.Header
	body        []byte
}

// get sends a GET for rawURL with extra headers and reads the body within
// the size limit. A 304 comes back with no body and no error; other
// non-2xx statuses are errors.
func (c *Client) get(ctx context.Context, rawURL string, header http.Header) (*response, error) {
	u, err := checkURL(rawURL)
	if err != nil {
		return nil, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrBadURL, err)
	}
	for k, v := range header {
		req.Header[k] = v
	}
	req.Header.Set("User-Agent", c.userAgent)
	resp, err := c.hc.Do(req)
	if err != nil {
		return nil, c.transportError(ctx, err)
	}
	defer resp.Body.Close()
	r := &response{
		status:      resp.StatusCode,
		finalURL:    resp.Request.URL.String(),
		contentType: resp.Header.Get("Content-Type"),
		header:      resp.Header,
	}
	switch {
	case resp.StatusCode == http.StatusNotModified:
		return r, nil
	case resp.StatusCode < 200 || resp.StatusCode > 299:
		return r, fmt.Errorf("%w: %s", ErrStatus, resp.Status)
	}
	if resp.ContentLength > c.maxBody {
		return r, fmt.Errorf("%w: %d bytes announced, limit %d", ErrTooLarge, resp.ContentLength, c.maxBody)
	}
	r.body, err = io.ReadAll(io.LimitReader(resp.Body, c.maxBody+1))
	if err != nil {
		return r, fmt.Errorf("reading body: %w", c.transportError(ctx, err))
	}
	if int64(len(r.body)) > c.maxBody {
		r.body = nil
		return r, fmt.Errorf("%w: more than %d bytes", ErrTooLarge, c.maxBody)
	}
	return r, nil
}

// checkURL accepts an absolute http or https URL.
func checkURL(rawURL string) (*url.URL, error) {
	u, err := url.Parse(strings.TrimSpace(rawURL))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrBadURL, err)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		if u.Scheme == "" {
			return nil, fmt.Errorf("%w (no scheme)", ErrScheme)
		}
		return nil, fmt.Errorf("%w (got %s:)", ErrScheme, u.Scheme)
	}
	if u.Host == "" {
		return nil, fmt.Errorf("%w: no host", ErrBadURL)
	}
	return u, nil
}

// transportError words a failed request: timeouts, redirect problems and
// network errors, without repeating the URL that *Error already names.
func (c *Client) transportError(ctx context.Context, err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	var de *dialError
	switch {
	case errors.Is(err, ErrRedirects), errors.Is(err, ErrScheme):
		return err
	case errors.Is(err, context.Canceled) && ctx.Err() != nil:
		return fmt.Errorf("cancelled: %w", ctx.Err())
	case errors.As(err, &de):
		return ErrUnreachable // one wording for every target that cannot be reached
	case errors.Is(err, context.DeadlineExceeded), isTimeout(err):
		return fmt.Errorf("%w (limit %s)", ErrTimeout, c.timeout)
	}
	return err
}

func isTimeout(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}

// mediaType returns the lower-case media type of a Content-Type header
// and its charset parameter.
func mediaType(contentType string) (string, string) {
	if contentType == "" {
		return "", ""
	}
	mt, params, err := mime.ParseMediaType(contentType)
	if err != nil {
		mt, _, _ = strings.Cut(contentType, ";")
		return strings.ToLower(strings.TrimSpace(mt)), ""
	}
	return strings.ToLower(mt), strings.ToLower(params["charset"])
}
