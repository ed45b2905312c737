package fetch

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"html"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/load"
)

// Validators are the conditional-GET tokens a server gave for a feed; send
// them back on the next fetch and an unchanged feed answers 304.
type Validators struct {
	ETag         string
	LastModified string
}

// Item is one entry of a feed.
type Item struct {
	GUID        string
	Link        string // absolute URL of the article
	Title       string
	Published   time.Time // publication time, else update time; zero when neither
	Description string    // summary, often HTML
	Content     string    // full content when the feed carries it, often HTML
	Authors     []string
}

// FeedResult is the outcome of fetching a feed. When NotModified is true
// the feed has not changed since the validators given and Items is empty.
type FeedResult struct {
	URL         string // URL reached after redirects
	Title       string
	Items       []Item
	Validators  Validators // to send on the next fetch
	NotModified bool
}

// Feed fetches an RSS, Atom (or JSON Feed) feed with a conditional GET
// built from v, and parses it. A 304 answer gives a result with
// NotModified set and v (or the fresher validators the 304 sent).
func (c *Client) Feed(ctx context.Context, rawURL string, v Validators) (*FeedResult, error) {
	h := http.Header{"Accept": {"application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1"}}
	if v.ETag != "" {
		h.Set("If-None-Match", v.ETag)
	}
	if v.LastModified != "" {
		h.Set("If-Modified-Since", v.LastModified)
	}
	r, err := c.get(ctx, rawURL, h)
	if err != nil {
		return nil, &Error{URL: rawURL, Status: status(r), Err: err}
	}
	res := &FeedResult{URL: r.finalURL, Validators: validators(r.header, v)}
	if r.status == http.StatusNotModified {
		res.NotModified = true
		return res, nil
	}
	if mt, _ := mediaType(r.contentType); mt == "text/html" || mt == "application/xhtml+xml" {
		return nil, &Error{URL: rawURL, Status: r.status, Err: fmt.Errorf("%w: got an HTML page (%s)", ErrFeed, mt)}
	}
	f, err := parseFeed(r.body)
	if err != nil {
		return nil, &Error{URL: rawURL, Status: r.status, Err: err}
	}
	base, _ := url.Parse(r.finalURL)
	res.Title = strings.TrimSpace(f.Title)
	for _, it := range f.Items {
		if it == nil {
			continue
		}
		res.Items = append(res.Items, item(it, base))
	}
	return res, nil
}

// validators takes fresh validators from a response, keeping old ones the
// response does not replace.
func validators(h http.Header, old Validators) Validators {
	v := old
	if e := h.Get("ETag"); e != "" {
		v.ETag = e
	}
	if lm := h.Get("Last-Modified"); lm != "" {
		v.LastModified = lm
	}
	return v
}

// parseFeed parses a feed body, turning a panic in the parser into an
// error.
func parseFeed(body []byte) (f *gofeed.Feed, err error) {
	defer func() {
		if r := recover(); r != nil {
			f, err = nil, fmt.Errorf("%w: parser failed: %v", ErrFeed, r)
		}
	}()
	if len(bytes.TrimSpace(body)) == 0 {
		return nil, fmt.Errorf("%w: empty body", ErrFeed)
	}
	f, err = gofeed.NewParser().Parse(bytes.NewReader(body))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrFeed, err)
	}
	return f, nil
}

func item(it *gofeed.Item, base *url.URL) Item {
	out := Item{
		GUID:        strings.TrimSpace(it.GUID),
		Title:       strings.TrimSpace(it.Title),
		Description: it.Description,
		Content:     it.Content,
	}
	link := it.Link
	if link == "" && len(it.Links) > 0 {
		link = it.Links[0]
	}
	out.Link = absolute(base, link)
	switch {
	case it.PublishedParsed != nil:
		out.Published = *it.PublishedParsed
	case it.UpdatedParsed != nil:
		out.Published = *it.UpdatedParsed
	}
	for _, p := range it.Authors {
		if p != nil && strings.TrimSpace(p.Name) != "" {
			out.Authors = append(out.Authors, strings.TrimSpace(p.Name))
		}
	}
	return out
}

// absolute resolves link against base; a link that does not parse is
// returned trimmed as it is.
func absolute(base *url.URL, link string) string {
	link = strings.TrimSpace(link)
	if link == "" || base == nil {
		return link
	}
	u, err := url.Parse(link)
	if err != nil {
		return link
	}
	return base.ResolveReference(u).String()
}

// Article builds an article from the item itself, for feeds that carry the
// full text: its Content (else its Description) is loaded through
// load.HTML, and the item's link, title, publication time and authors fill
// what the fragment lacks. It fails, with an *Error naming the item's
// link, when the item carries too little text to be an article; fetch the
// link with Page then.
func (it Item) Article() (claimtrail.Article, error) {
	name := first(it.Link, it.GUID, it.Title)
	body := first(it.Content, it.Description)
	if strings.TrimSpace(body) == "" {
		return claimtrail.Article{}, &Error{URL: name, Err: errors.New("feed item carries no text")}
	}
	if !strings.Contains(body, "<") {
		body = "<p>" + html.EscapeString(body) + "</p>"
	}
	page := "<html><head><title>" + html.EscapeString(it.Title) + "</title></head><body><article>" + body + "</article></body></html>"
	link := it.Link
	if _, err := checkURL(link); err != nil {
		link = ""
	}
	a, err := load.HTML(name, []byte(page), link)
	if err != nil {
		var le *load.Error
		if errors.As(err, &le) {
			err = le.Err
		}
		return claimtrail.Article{}, &Error{URL: name, Err: fmt.Errorf("feed item: %w", err)}
	}
	if it.Title != "" {
		a.Title = it.Title
	}
	if !it.Published.IsZero() {
		a.Published = it.Published
	}
	if len(it.Authors) > 0 {
		a.Byline = strings.Join(it.Authors, ", ")
	}
	return a, nil
}

func first(ss ...string) string {
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			return s
		}
	}
	return ""
}
