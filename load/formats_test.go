package load

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestTextTitleAndParagraphs(t *testing.T) {
	tests := []struct {
		name, in, title string
		paras           []string
	}{
		{
			name:  "title line then one paragraph per line",
			in:    "\n\n  The headline  \nFirst paragraph.\nSecond paragraph.\n",
			title: "The headline",
			paras: []string{"First paragraph.", "Second paragraph."},
		},
		{
			name:  "blank-line blocks",
			in:    "Headline\n\nOne.\n\n\n\nTwo.\n",
			title: "Headline",
			paras: []string{"One.", "Two."},
		},
		{
			name:  "a long first line is body text",
			in:    strings.Repeat("The port stayed shut for a ninth day. ", 10) + "\nNext paragraph.\n",
			title: "The port stayed shut for a ninth day.",
			paras: []string{strings.TrimSpace(strings.Repeat("The port stayed shut for a ninth day. ", 10)), "Next paragraph."},
		},
		{
			name:  "stray byte-order marks",
			in:    "\ufeffHead\ufeffline\n\nOne\ufeff.\n",
			title: "Headline",
			paras: []string{"One."},
		},
		{
			name:  "curly quotes and CRLF",
			in:    "Quote\r\n\r\n“It is over,” she said.\r\nShe left.\r",
			title: "Quote",
			paras: []string{"“It is over,” she said.", "She left."},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Text("in.txt", []byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			checkInvariants(t, a)
			if a.Title != tt.title {
				t.Errorf("title %q, want %q", a.Title, tt.title)
			}
			var got []string
			for _, p := range a.Paragraphs {
				got = append(got, p.In(a.Text))
			}
			if strings.Join(got, "|") != strings.Join(tt.paras, "|") {
				t.Errorf("paragraphs %q, want %q", got, tt.paras)
			}
			if a.Path != "in.txt" || a.ID != "" {
				t.Errorf("path %q id %q", a.Path, a.ID)
			}
		})
	}
}

func TestTextUTF16(t *testing.T) {
	in := "\ufeffHeadline\n\nBody in UTF-16, café.\n"
	var b []byte
	for _, r := range in {
		b = append(b, byte(r), byte(r>>8)) // all BMP: little-endian UTF-16
	}
	a, err := Text("wide.txt", b)
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Headline" || a.Text != "Body in UTF-16, café." {
		t.Errorf("got %q / %q", a.Title, a.Text)
	}
}

func TestTextErrors(t *testing.T) {
	tests := []struct {
		in   []byte
		want error
	}{
		{nil, ErrEmpty},
		{[]byte("\ufeff \n"), ErrEmpty},
		{[]byte("a\x00b"), ErrBinary},
		{[]byte("Caf\xe9"), ErrNotUTF8},
	}
	for _, tt := range tests {
		_, err := Text("x.txt", tt.in)
		var le *Error
		if !errors.Is(err, tt.want) || !errors.As(err, &le) || le.Input != "x.txt" {
			t.Errorf("Text(%q) error %v, want *Error for x.txt wrapping %v", tt.in, err, tt.want)
		}
	}
}

// TestOneLineArticle: a file of one line, headline-like or a sentence, is
// an article whose text is that line (it was refused as "nothing after the
// title line").
func TestOneLineArticle(t *testing.T) {
	for _, in := range []string{
		"Ferry strike ends in Dunmere",
		"Ferry strike ends in Dunmere\n\n\n",
		"\ufeffThe Dunmere ferry strike ended on Monday, union officials said.\n",
	} {
		a, err := Text("one.txt", []byte(in))
		if err != nil {
			t.Errorf("Text(%q): %v", in, err)
			continue
		}
		checkInvariants(t, a)
		if a.Title == "" || !strings.HasPrefix(a.Text, strings.TrimPrefix(strings.TrimSpace(in), "\ufeff")[:10]) {
			t.Errorf("Text(%q) = title %q text %q", in, a.Title, a.Text)
		}
	}
}

func TestHTMLPageURL(t *testing.T) {
	page := `<html><head><title>Pier reopens</title></head><body><article>
<p>The north pier reopened on Friday after engineers declared it safe, the harbour master said in a short statement to reporters.</p>
<p>Fishing boats returned to their berths within the hour.</p></article></body></html>`
	a, err := HTML("pier", []byte(page), "https://example.org/pier?id=1")
	if err != nil {
		t.Fatal(err)
	}
	checkInvariants(t, a)
	if a.URL != "https://example.org/pier?id=1" || a.Title != "Pier reopens" || len(a.Paragraphs) != 2 {
		t.Errorf("got url %q title %q %d paragraphs", a.URL, a.Title, len(a.Paragraphs))
	}
	if _, err := HTML("pier", []byte(page), "file:///etc/passwd"); err == nil || !strings.Contains(err.Error(), "bad page URL") {
		t.Errorf("a non-http page URL: error %v", err)
	}
}

func TestHTMLMetaFallbacks(t *testing.T) {
	page := `<html lang="fr"><head>
<meta name="pubdate" content="2026-02-01">
<meta name="author" content="https://example.org/people/x">
<meta property="article:author" content="Léa Martin">
<meta property="og:url" content="https://example.org/canonical">
<script type="application/ld+json">{ not json </script>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"WebPage","name":"Not the article"}</script>
</head><body><div><p>Le port de Veloria est resté fermé toute la semaine, selon les autorités portuaires de la ville.</p></div></body></html>`
	a, err := HTML("fr.html", []byte(page), "")
	if err != nil {
		t.Fatal(err)
	}
	want := time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC)
	if !a.Published.Equal(want) || a.Byline != "Léa Martin" || a.URL != "https://example.org/canonical" || a.Lang != "fr" {
		t.Errorf("got published %v byline %q url %q lang %q", a.Published, a.Byline, a.URL, a.Lang)
	}
}

func TestParseLD(t *testing.T) {
	tests := []struct {
		src  string
		want ldArticle
	}{
		{`{"@context":"https://schema.org","@type":"NewsArticle","headline":" H ","datePublished":"2026-01-02","author":"A. Writer","publisher":"Paper","url":"https://p.example/a"}`,
			ldArticle{headline: "H", published: "2026-01-02", author: "A. Writer", publisher: "Paper", url: "https://p.example/a"}},
		{`[{"@type":"BreadcrumbList"},{"@type":"ReportageNewsArticle","name":"N","author":{"name":"B"},"mainEntityOfPage":{"@id":"https://p.example/b"},"inLanguage":"en"}]`,
			ldArticle{headline: "N", author: "B", url: "https://p.example/b", lang: "en"}},
		{`<![CDATA[{"@type":"Article","headline":"C","publisher":{"@type":"Organization","name":"Org"}}]]>`,
			ldArticle{headline: "C", publisher: "Org"}},
		{`{"@type":"Recipe","name":"Soup"}`, ldArticle{}},
		{`[[[[[[{"@type":"Article","headline":"deep"}]]]]]]`, ldArticle{}},
		{`"just a string"`, ldArticle{}},
	}
	for _, tt := range tests {
		if got := parseLD(tt.src); got != tt.want {
			t.Errorf("parseLD(%s) = %+v, want %+v", tt.src, got, tt.want)
		}
	}
}

func TestJSONLDirect(t *testing.T) {
	in := "\ufeff" + `{"title":"One","text":"First.\r\nSecond."}` + "\r\n" +
		`{"title":"Two","text":"x"} {"title":"extra"}` + "\n" +
		`["not an object"]` + "\n" +
		`{"title":"Three","text":"Caf` + "\xe9" + `"}` + "\n" +
		`{"title":"Four","text":"Last line has no newline."}`
	arts, errs := JSONL("feed.jsonl", strings.NewReader(in))
	if len(arts) != 2 || arts[0].Title != "One" || arts[1].Title != "Four" {
		t.Fatalf("got %d articles", len(arts))
	}
	if arts[0].Text != "First.\n\nSecond." || len(arts[0].Paragraphs) != 2 {
		t.Errorf("text %q", arts[0].Text)
	}
	want := []string{
		"feed.jsonl:2: bad JSON: more than one value",
		"feed.jsonl:3: bad JSON: want a JSON object, got a JSON array",
		"feed.jsonl:4: not UTF-8 text (invalid byte 0xe9",
	}
	if len(errs) != len(want) {
		t.Fatalf("errors %v, want %d", errs, len(want))
	}
	for i, w := range want {
		if !strings.HasPrefix(errs[i].Error(), w) {
			t.Errorf("error %d = %q, want prefix %q", i, errs[i], w)
		}
	}
}

type failingReader struct{ n int }

func (r *failingReader) Read(p []byte) (int, error) {
	if r.n > 0 {
		r.n = 0
		return copy(p, `{"title":"ok","text":"fine"}`+"\n"), nil
	}
	return 0, errors.New("disk on fire")
}

func TestJSONLReadError(t *testing.T) {
	arts, errs := JSONL("r.jsonl", &failingReader{n: 1})
	if len(arts) != 1 || len(errs) != 1 || !strings.Contains(errs[0].Error(), "r.jsonl:2: cannot read: disk on fire") {
		t.Fatalf("got %d articles, errors %v", len(arts), errs)
	}
}

// TestSeedStory loads the real seed story: two articles, outlets from the
// sidecars, the site boilerplate at the end of each cut and the body kept.
func TestSeedStory(t *testing.T) {
	dir := filepath.Join("..", "..", "shared", "seed-story")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("seed story not found at %s (it sits beside the repository): %v", dir, err)
	}
	arts, errs := Paths(t.Context(), []string{dir}, Options{})
	if len(errs) != 0 {
		t.Fatalf("errors: %v", errs)
	}
	if len(arts) != 2 {
		t.Fatalf("got %d articles, want 2", len(arts))
	}
	for _, a := range arts {
		checkInvariants(t, a)
		side, err := readSidecar(a.Path + SidecarSuffix)
		if err != nil || side == nil || side.Outlet == nil {
			t.Fatalf("%s: sidecar: %v", a.Path, err)
		}
		if a.Outlet == "" || a.Outlet != *side.Outlet || a.Title != *side.Title {
			t.Errorf("%s: outlet %q title %q, want the sidecar's", a.Path, a.Outlet, a.Title)
		}

		raw, err := os.ReadFile(a.Path)
		if err != nil {
			t.Fatal(err)
		}
		var lines []string
		for _, l := range strings.Split(string(raw), "\n") {
			if l = strings.TrimSpace(l); l != "" {
				lines = append(lines, l)
			}
		}
		// Every line is either in the text or in a run of boilerplate at
		// the very end; the title line, when it is one, is the exception.
		var kept, cut int
		for i, l := range lines {
			switch {
			case strings.Contains(a.Text, l):
				kept++
				if cut > 0 {
					t.Errorf("%s: line %d kept after a cut line: the cut is not only at the tail", a.Path, i+1)
				}
			case i == 0 && l == a.Title:
			default:
				cut++
				if tailScore(l) < boilerplateScore {
					t.Errorf("%s: line %d lost but does not score as boilerplate", a.Path, i+1)
				}
			}
		}
		if cut == 0 {
			t.Errorf("%s: no trailing boilerplate cut", a.Path)
		}
		if kept != len(a.Paragraphs) {
			t.Errorf("%s: %d lines kept but %d paragraphs", a.Path, kept, len(a.Paragraphs))
		}
		last := a.Paragraphs[len(a.Paragraphs)-1].In(a.Text)
		if tailScore(last) >= boilerplateScore {
			t.Errorf("%s: last paragraph still scores as boilerplate", a.Path)
		}
		t.Logf("%s: outlet %q, %d paragraphs kept, %d trailing lines cut", filepath.Base(a.Path), a.Outlet, kept, cut)
	}
}
