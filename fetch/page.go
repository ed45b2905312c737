package fetch

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"unicode/utf8"

	"golang.org/x/net/html/charset"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/load"
)

// Page fetches a web page and loads it as an article through load.HTML:
// main text, title, outlet, byline, published time and canonical URL.
// The response must be HTML (text/html or application/xhtml+xml); a page
// in another charset named by the Content-Type header is decoded to UTF-8.
// The article's Path is rawURL; its URL is the page's canonical URL, else
// the URL reached after redirects.
func (c *Client) Page(ctx context.Context, rawURL string) (claimtrail.Article, error) {
	h := http.Header{"Accept": {"text/html,application/xhtml+xml;q=0.9,*/*;q=0.1"}}
	r, err := c.get(ctx, rawURL, h)
	if err != nil {
		return claimtrail.Article{}, &Error{URL: rawURL, Status: status(r), Err: err}
	}
	if r.status == http.StatusNotModified {
		return claimtrail.Article{}, &Error{URL: rawURL, Status: r.status, Err: fmt.Errorf("%w: 304 Not Modified to an unconditional request", ErrStatus)}
	}
	mt, cs := mediaType(r.contentType)
	if mt == "" {
		mt, _ = mediaType(http.DetectContentType(r.body))
	}
	if mt != "text/html" && mt != "application/xhtml+xml" {
		return claimtrail.Article{}, &Error{URL: rawURL, Status: r.status, Err: fmt.Errorf("%w: content type is %s", ErrNotHTML, orNone(mt))}
	}
	body := r.body
	if cs != "" && !utf8.Valid(body) {
		if enc, name := charset.Lookup(cs); enc != nil && name != "utf-8" {
			if out, err := enc.NewDecoder().Bytes(body); err == nil {
				body = out
			}
		}
	}
	a, err := load.HTML(rawURL, body, r.finalURL)
	if err != nil {
		var le *load.Error
		if errors.As(err, &le) {
			err = le.Err
		}
		return claimtrail.Article{}, &Error{URL: rawURL, Status: r.status, Err: err}
	}
	return a, nil
}

func status(r *response) int {
	if r == nil {
		return 0
	}
	return r.status
}

func orNone(s string) string {
	if s == "" {
		return "missing"
	}
	return s
}
