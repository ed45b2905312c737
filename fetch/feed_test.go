package fetch

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"
)

const rss = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel>
<title>Quay Times: Port</title>
<link>https://quay.example/</link>
<item>
  <title>Strike enters third week</title>
  <link>/news/strike-week-3</link>
  <guid>quay-101</guid>
  <pubDate>Mon, 09 Mar 2026 08:00:00 GMT</pubDate>
  <description>&lt;p&gt;Dockers voted to stay out.&lt;/p&gt;</description>
</item>
<item>
  <title>Mediator meets both sides</title>
  <link>https://quay.example/news/mediator</link>
  <pubDate>Tue, 10 Mar 2026 17:30:00 +0100</pubDate>
</item>
</channel></rss>`

const atom = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>Harbour Notes</title>
<entry>
  <title>Ferries resume</title>
  <link href="https://notes.example/ferries"/>
  <id>tag:notes.example,2026:1</id>
  <updated>2026-03-11T06:00:00Z</updated>
  <author><name>R. Lund</name></author>
  <content type="html">&lt;p&gt;All routes run again.&lt;/p&gt;</content>
</entry>
</feed>`

func TestFeedConditional(t *testing.T) {
	const etag, lastMod = `"v7"`, "Mon, 09 Mar 2026 09:00:00 GMT"
	var gotUA string
	s, hits := server(t, map[string]http.HandlerFunc{"/feed.xml": func(w http.ResponseWriter, r *http.Request) {
		gotUA = r.UserAgent()
		if r.Header.Get("If-None-Match") == etag || r.Header.Get("If-Modified-Since") == lastMod {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Header().Set("ETag", etag)
		w.Header().Set("Last-Modified", lastMod)
		fmt.Fprint(w, rss)
	}})
	c := fast()
	u := s.URL + "/feed.xml"
	res, err := c.Feed(t.Context(), u, Validators{})
	if err != nil {
		t.Fatal(err)
	}
	if res.NotModified || res.Title != "Quay Times: Port" || len(res.Items) != 2 {
		t.Fatalf("got %+v", res)
	}
	if res.Validators != (Validators{ETag: etag, LastModified: lastMod}) {
		t.Errorf("validators %+v", res.Validators)
	}
	first := res.Items[0]
	if first.Link != s.URL+"/news/strike-week-3" || first.GUID != "quay-101" || first.Title != "Strike enters third week" {
		t.Errorf("item %+v (relative link must resolve against the feed URL)", first)
	}
	if !first.Published.Equal(time.Date(2026, 3, 9, 8, 0, 0, 0, time.UTC)) || !strings.Contains(first.Description, "stay out") {
		t.Errorf("item published %v description %q", first.Published, first.Description)
	}
	if !res.Items[1].Published.Equal(time.Date(2026, 3, 10, 16, 30, 0, 0, time.UTC)) {
		t.Errorf("second item published %v", res.Items[1].Published)
	}
	if gotUA != UserAgent {
		t.Errorf("User-Agent %q", gotUA)
	}

	for _, v := range []Validators{res.Validators, {ETag: etag}, {LastModified: lastMod}} {
		again, err := c.Feed(t.Context(), u, v)
		if err != nil {
			t.Fatal(err)
		}
		if !again.NotModified || len(again.Items) != 0 || again.Validators != v {
			t.Errorf("with %+v: got %+v, want a 304 result keeping the validators", v, again)
		}
	}
	if n := hits.Load(); n != 4 {
		t.Errorf("%d requests, want 4", n)
	}
}

func TestFeedAtom(t *testing.T) {
	s, _ := server(t, map[string]http.HandlerFunc{"/atom": func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/atom+xml; charset=utf-8")
		fmt.Fprint(w, atom)
	}})
	res, err := fast().Feed(t.Context(), s.URL+"/atom", Validators{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Items) != 1 {
		t.Fatalf("got %d items", len(res.Items))
	}
	it := res.Items[0]
	if it.Link != "https://notes.example/ferries" || !it.Published.Equal(time.Date(2026, 3, 11, 6, 0, 0, 0, time.UTC)) ||
		len(it.Authors) != 1 || it.Authors[0] != "R. Lund" || !strings.Contains(it.Content, "All routes run again") {
		t.Errorf("item %+v", it)
	}
	if res.Validators != (Validators{}) {
		t.Errorf("no validators sent, got %+v", res.Validators)
	}
}

func TestFeedErrors(t *testing.T) {
	s, _ := server(t, map[string]http.HandlerFunc{
		"/broken": func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Cut off<item><title>x</ti`)
		},
		"/text": func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/plain")
			fmt.Fprint(w, "this is not a feed at all")
		},
		"/empty": func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/xml")
		},
		"/page": htmlPage(article),
		"/missing": func(w http.ResponseWriter, r *http.Request) {
			http.NotFound(w, r)
		},
	})
	c := fast()
	tests := []struct {
		url    string
		target error
		msg    string
	}{
		{s.URL + "/broken", ErrFeed, "not a valid RSS or Atom feed"},
		{s.URL + "/text", ErrFeed, "not a valid RSS or Atom feed"},
		{s.URL + "/empty", ErrFeed, "empty body"},
		{s.URL + "/page", ErrFeed, "got an HTML page"},
		{s.URL + "/missing", ErrStatus, "404 Not Found"},
		{"gopher://old.example/feed", ErrScheme, "got gopher:"},
	}
	for _, tt := range tests {
		res, err := c.Feed(t.Context(), tt.url, Validators{})
		if res != nil {
			t.Errorf("%s: got a result with the error", tt.url)
		}
		wantErr(t, err, tt.url, tt.target, tt.msg)
	}
}

func TestItemArticle(t *testing.T) {
	it := Item{
		Link:      "https://notes.example/ferries",
		Title:     "Ferries resume",
		Published: time.Date(2026, 3, 11, 6, 0, 0, 0, time.UTC),
		Authors:   []string{"R. Lund", "M. Berg"},
		Content:   "<p>All ferry routes out of Veloria ran again on Wednesday morning, the operators said.</p><p>Queues at the terminal cleared by noon.</p>",
	}
	a, err := it.Article()
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != it.Title || a.URL != it.Link || a.Path != it.Link || !a.Published.Equal(it.Published) || a.Byline != "R. Lund, M. Berg" || len(a.Paragraphs) != 2 {
		t.Errorf("got %+v", a)
	}

	plain := Item{Link: "https://notes.example/p", Description: "A plain-text summary with enough words to count as text & more."}
	if a, err := plain.Article(); err != nil || a.Text != plain.Description {
		t.Errorf("plain description: %q, %v", a.Text, err)
	}

	short := Item{Link: "https://notes.example/short", Description: "Read on."}
	_, err = short.Article()
	wantErr(t, err, short.Link, nil, "feed item: no article text found")

	_, err = Item{GUID: "g-1"}.Article()
	wantErr(t, err, "g-1", nil, "feed item carries no text")
}
