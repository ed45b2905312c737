package store

import (
	"crypto/sha256"
	"encoding/hex"
	"net/url"
	"sort"
	"strings"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/nlp"
)

// Key is the identity under which an article is stored once: its canonical
// URL when it has one, else the hash of its normalised text.
func Key(a *claimtrail.Article) string {
	if u, ok := CanonicalURL(a.URL); ok {
		return "url:" + u
	}
	return "sha256:" + ContentHash(a.Text)
}

// ContentHash is the hex SHA-256 of the text's words (nlp.Forms: folded)
// joined by single spaces, so spacing and punctuation changes do not make a
// new article.
func ContentHash(text string) string {
	sum := sha256.Sum256([]byte(strings.Join(nlp.Forms(text), " ")))
	return hex.EncodeToString(sum[:])
}

// trackingParams are query parameters that say how a reader arrived, not
// which page they read.
var trackingParams = map[string]bool{
	"fbclid": true, "gclid": true, "mc_cid": true, "mc_eid": true,
	"ref": true, "ref_src": true, "cmpid": true, "ito": true, "ncid": true,
}

// CanonicalURL normalises an http(s) URL so that two spellings of the same
// page compare equal: lower-case scheme and host, no default port, no
// fragment, no tracking parameters (utm_* and the like), sorted query, no
// trailing slash. ok is false for anything that is not an absolute http(s)
// URL.
func CanonicalURL(raw string) (string, bool) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || u.Hostname() == "" {
		return "", false
	}
	scheme := strings.ToLower(u.Scheme)
	if scheme != "http" && scheme != "https" {
		return "", false
	}
	host := strings.ToLower(u.Hostname())
	if strings.Contains(host, ":") {
		host = "[" + host + "]"
	}
	if port := u.Port(); port != "" && !(scheme == "http" && port == "80") && !(scheme == "https" && port == "443") {
		host += ":" + port
	}
	q := u.Query()
	for k := range q {
		if trackingParams[strings.ToLower(k)] || strings.HasPrefix(strings.ToLower(k), "utm_") {
			q.Del(k)
		}
	}
	keys := make([]string, 0, len(q))
	for k := range q {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var query []string
	for _, k := range keys {
		vs := q[k]
		sort.Strings(vs)
		for _, v := range vs {
			query = append(query, url.QueryEscape(k)+"="+url.QueryEscape(v))
		}
	}
	path := strings.TrimRight(u.EscapedPath(), "/")
	out := scheme + "://" + host + path
	if len(query) > 0 {
		out += "?" + strings.Join(query, "&")
	}
	return out, true
}
