package load

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"time"

	readability "codeberg.org/readeck/go-readability/v2"
	"codeberg.org/readeck/go-readability/v2/render"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"

	"github.com/claimtrail/claimtrail"
)

// HTML loads a web page: the main content through go-readability, kept as
// paragraphs separated by a blank line; title, byline, outlet (site name),
// published time, language and canonical URL from JSON-LD (NewsArticle and
// kin), Open Graph and other meta tags, and <link rel=canonical>. pageURL,
// when not empty, is the address the page was fetched from: it resolves
// relative links and is the URL when the page names no canonical one. name
// labels the input in errors and becomes Article.Path.
func HTML(name string, data []byte, pageURL string) (claimtrail.Article, error) {
	return htmlArticle(name, data, pageURL, DefaultMaxFileSize)
}

func htmlArticle(name string, data []byte, pageURL string, max int64) (claimtrail.Article, error) {
	a, err := parseHTML(data, pageURL, max)
	if err != nil {
		return claimtrail.Article{}, &Error{Input: name, Err: err}
	}
	a.Path = name
	return a, nil
}

func parseHTML(data []byte, pageURL string, max int64) (claimtrail.Article, error) {
	var base *url.URL
	if pageURL != "" {
		if err := checkURL(pageURL); err != nil {
			return claimtrail.Article{}, fmt.Errorf("bad page URL: %w", err)
		}
		base, _ = url.Parse(strings.TrimSpace(pageURL))
	}
	data, err := htmlBytes(data, max)
	if err != nil {
		return claimtrail.Article{}, err
	}
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		return claimtrail.Article{}, fmt.Errorf("%w: %v", ErrNotHTML, err)
	}
	meta := pageMeta(doc, base)
	ra, err := readable(doc, base)
	if err != nil {
		return claimtrail.Article{}, err
	}

	a := claimtrail.Article{
		Title:  first(meta.title, clean(ra.Title()), meta.docTitle),
		Byline: first(meta.byline, clean(ra.Byline())),
		Outlet: first(meta.outlet, clean(ra.SiteName())),
		URL:    first(meta.url, urlString(base)),
		Lang:   first(meta.lang, clean(ra.Language())),
	}
	a.Published = meta.published
	if a.Published.IsZero() {
		if t, err := ra.PublishedTime(); err == nil {
			a.Published = t
		}
	}

	var paras []string
	if ra.Node != nil {
		for _, l := range strings.Split(render.InnerText(ra.Node), "\n") {
			if p := clean(l); p != "" {
				paras = append(paras, p)
			}
		}
	}
	if len(paras) > 0 && sameText(paras[0], a.Title) {
		paras = paras[1:]
	}
	paras = cutBoilerplate(paras)
	if len(paras) == 0 {
		return claimtrail.Article{}, fmt.Errorf("%w in the page", ErrNoContent)
	}
	if n := wordCount(paras); n < minHTMLWords {
		return claimtrail.Article{}, fmt.Errorf("%w in the page (only %d words)", ErrNoContent, n)
	}
	a.Text, a.Paragraphs = joinParagraphs(paras)
	a.Basis = claimtrail.BasisExtracted
	return a, nil
}

// minHTMLWords is the fewest words of main text a page must have to count
// as an article rather than an empty shell of navigation.
const minHTMLWords = 5

func wordCount(paras []string) int {
	n := 0
	for _, p := range paras {
		n += len(strings.Fields(p))
	}
	return n
}

// readable runs go-readability on a copy of doc, turning a panic inside it
// into an error.
func readable(doc *html.Node, base *url.URL) (ra readability.Article, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%w: the content extractor failed: %v", ErrNotHTML, r)
		}
	}()
	p := readability.NewParser()
	ra, err = p.ParseDocument(doc, base)
	if err != nil {
		return ra, fmt.Errorf("%w: %v", ErrNoContent, err)
	}
	return ra, nil
}

var (
	// markup finds an HTML tag; a .html file without one is not HTML.
	markup = regexp.MustCompile(`(?i)<(!doctype|html|head|body|p|div|article|main|section|h[1-6]|title|meta|span|br|table|ul|ol|li|a|b|i|em|strong|blockquote|pre|header|footer|nav)[\s>/]`)
	// declaredCharset finds a charset declared in the first bytes of a page.
	declaredCharset = regexp.MustCompile(`(?i)<meta[^>]*charset\s*=\s*["']?\s*([a-z0-9_:.-]+)`)
)

// htmlBytes checks a page's bytes and returns them as UTF-8: a page that
// declares another charset in a meta tag is decoded from it; one that is
// not valid UTF-8 and declares nothing is refused.
func htmlBytes(data []byte, max int64) ([]byte, error) {
	if int64(len(data)) > max {
		return nil, tooLarge(int64(len(data)), max)
	}
	data, err := fromWideUnicode(data)
	if err != nil {
		return nil, err
	}
	data = bytes.TrimPrefix(data, bom)
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, ErrEmpty
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return nil, fmt.Errorf("%w (NUL byte at offset %d)", ErrBinary, i)
	}
	if i := invalidUTF8(data); i >= 0 {
		label := ""
		if m := declaredCharset.FindSubmatch(data[:min(len(data), 2048)]); m != nil {
			label = strings.ToLower(string(m[1]))
		}
		enc, encName := charset.Lookup(label)
		if enc == nil || encName == "utf-8" {
			return nil, fmt.Errorf("%w (invalid byte 0x%02x at offset %d, and no other charset declared)", ErrNotUTF8, data[i], i)
		}
		out, err := enc.NewDecoder().Bytes(data)
		if err != nil {
			return nil, fmt.Errorf("%w (cannot decode declared charset %s: %v)", ErrNotUTF8, encName, err)
		}
		data = out
	}
	if mostlyControl(data) {
		return nil, fmt.Errorf("%w (mostly control characters)", ErrBinary)
	}
	if !markup.Match(data) {
		return nil, fmt.Errorf("%w: no HTML markup found", ErrNotHTML)
	}
	return data, nil
}

// meta is what a page says about itself.
type meta struct {
	title, docTitle, byline, outlet, url, lang string
	published                                  time.Time
}

// pageMeta reads a page's metadata: JSON-LD first, then Open Graph and
// other meta tags, then <link rel=canonical>, <html lang> and <title>.
func pageMeta(doc *html.Node, base *url.URL) meta {
	var (
		m         meta
		tags      = map[string]string{}
		canonical string
		ld        ldArticle
	)
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "html":
				m.lang = clean(attr(n, "lang"))
			case "title":
				if m.docTitle == "" {
					m.docTitle = clean(textOf(n))
				}
			case "meta":
				// property may hold several space-separated names.
				keys := strings.Fields(strings.ToLower(first(attr(n, "property"), attr(n, "name"), attr(n, "itemprop"))))
				if v := clean(attr(n, "content")); v != "" {
					for _, k := range keys {
						if _, seen := tags[k]; !seen {
							tags[k] = v
						}
					}
				}
			case "link":
				if canonical == "" && hasToken(attr(n, "rel"), "canonical") {
					canonical = attr(n, "href")
				}
			case "script":
				if ld.empty() && strings.EqualFold(strings.TrimSpace(attr(n, "type")), "application/ld+json") {
					ld = parseLD(textOf(n))
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)

	m.title = first(ld.headline, tags["dc:title"], tags["dc.title"], tags["og:title"], tags["twitter:title"])
	m.byline = first(ld.author, notURL(tags["dc:creator"]), notURL(tags["dc.creator"]), notURL(tags["author"]), notURL(tags["article:author"]), notURL(tags["byl"]))
	m.outlet = first(ld.publisher, tags["og:site_name"], tags["application-name"])
	m.lang = first(m.lang, ld.lang, strings.ReplaceAll(tags["og:locale"], "_", "-"))
	for _, v := range []string{ld.published, tags["article:published_time"], tags["datepublished"],
		tags["date"], tags["pubdate"], tags["publishdate"], tags["publish-date"], tags["dc.date"],
		tags["dc.date.issued"], tags["dcterms.created"], tags["parsely-pub-date"], tags["sailthru.date"]} {
		if t, err := parsePageTime(v); err == nil {
			m.published = t
			break
		}
	}
	for _, v := range []string{canonical, tags["og:url"], ld.url} {
		if u := resolve(base, v); u != "" {
			m.url = u
			break
		}
	}
	return m
}

// pageTimeLayouts are the extra forms of time pages write beyond those of
// parseTime.
var pageTimeLayouts = []string{time.RFC1123Z, time.RFC1123, time.RFC850, "January 2, 2006", "2 January 2006", "Jan 2, 2006", "2006/01/02"}

func parsePageTime(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, errors.New("no time")
	}
	if t, err := parseTime(s); err == nil {
		return t, nil
	}
	for _, l := range pageTimeLayouts {
		if t, err := time.Parse(l, strings.TrimSpace(s)); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("unknown time format %q", s)
}

// resolve turns a link into an absolute http(s) URL against base, or "".
func resolve(base *url.URL, ref string) string {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return ""
	}
	u, err := url.Parse(ref)
	if err != nil {
		return ""
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	return u.String()
}

func urlString(u *url.URL) string {
	if u == nil {
		return ""
	}
	return u.String()
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

func hasToken(list, tok string) bool {
	for _, f := range strings.Fields(list) {
		if strings.EqualFold(f, tok) {
			return true
		}
	}
	return false
}

// textOf concatenates the text inside n.
func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

func notURL(s string) string {
	if strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://") {
		return ""
	}
	return s
}

// first returns the first non-empty string.
func first(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

// sameText reports whether two strings are equal ignoring case, spacing
// and final punctuation.
func sameText(a, b string) bool {
	norm := func(s string) string {
		return strings.TrimRight(strings.ToLower(strings.Join(strings.Fields(s), " ")), ".!?:")
	}
	return a != "" && norm(a) == norm(b)
}
