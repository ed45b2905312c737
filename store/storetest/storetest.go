// Package storetest is the contract test suite every store.Store adapter
// runs: idempotent ingest, near-duplicate copies, story assignment, listings,
// ledgers, search and feeds. An adapter's tests call Run with a function
// that opens a fresh, empty store.
package storetest

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/store"
)

// Opener opens a fresh, empty store with the given options; the test owns
// it and closes it.
type Opener func(t *testing.T, opt store.Options) store.Store

// Run runs the contract suite against the stores open gives.
func Run(t *testing.T, open Opener) {
	tests := []struct {
		name string
		fn   func(t *testing.T, open Opener)
	}{
		{"RoundTrip", testRoundTrip},
		{"IdempotentByURL", testIdempotentByURL},
		{"UpdateByURL", testUpdateByURL},
		{"IdempotentByContent", testIdempotentByContent},
		{"NearDuplicate", testNearDuplicate},
		{"EarlierCopyBecomesOriginal", testEarlierCopyBecomesOriginal},
		{"CopiesAgree", testCopiesAgree},
		{"Stories", testStories},
		{"TimeWindow", testTimeWindow},
		{"LedgerAndSearch", testLedgerAndSearch},
		{"BadArticle", testBadArticle},
		{"InvalidInputs", testInvalidInputs},
		{"PutAllAtomic", testPutAllAtomic},
		{"Feeds", testFeeds},
		{"NotFound", testNotFound},
		{"ConcurrentSameArticle", testConcurrentSameArticle},
		{"GeneratedStories", testGeneratedStories},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { tc.fn(t, open) })
	}
}

// Day0 is the publication time the suite's articles start from.
var Day0 = time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)

// Bridge returns the i-th article of a story about a bridge closure (all
// texts written for this suite). Articles 0 to 5 share entities but not
// wording, so none is a near-duplicate of another.
func Bridge(i int) *claimtrail.Article {
	return &claimtrail.Article{
		URL:       fmt.Sprintf("https://example.org/news/bridge-%d?utm_source=feed", i),
		Outlet:    fmt.Sprintf("Outlet %d", i%3),
		Title:     fmt.Sprintf("Velmora bridge closure enters day %d", i+1),
		Published: Day0.Add(time.Duration(i) * time.Hour),
		Text: fmt.Sprintf("The Velmora bridge stays shut, Idris Okafor of the transport ministry confirmed. %s %s",
			bridgeLines[2*i%len(bridgeLines)], bridgeLines[(2*i+1)%len(bridgeLines)]),
		Lang: "en",
	}
}

// bridgeLines are the distinct sentences Bridge articles are made of.
var bridgeLines = []string{
	"Engineers from Kestrel Structures spent the morning on ropes beneath the deck, photographing rust on the anchor plates and the bolts that hold them.",
	"Commuters queued for over an hour at the ferry ramp, where Lantern Line staff handed out water and apologised for the crowding.",
	"Okafor told reporters that no date for reopening could be given until every cable had been tested under load by an independent laboratory.",
	"A union representative at Kestrel Structures claimed that routine inspections had been halved over the past five years to save money.",
	"Shopkeepers on the eastern bank reported takings down by a third since the closure, and several said they might shut for the month.",
	"The ministry denied that any warning about corrosion had been ignored, calling the accusation baseless and politically motivated.",
	"Lantern Line added four evening sailings and promised a temporary timetable that would run until the crossing is safe again.",
	"Opposition councillors demanded the publication of every inspection report written since the bridge was last refurbished in the nineties.",
	"Residents of the western suburbs described journeys that once took twenty minutes now stretching to nearly two hours each way.",
	"Kestrel Structures declined to comment on the union's claim, saying only that it was cooperating fully with the ministry's review.",
	"Traffic police diverted lorries along the ring road, where a minor collision on Thursday caused tailbacks stretching several kilometres.",
	"An emergency fund for affected businesses will open next week, according to a notice posted on the city council's website.",
}

// Football returns an article about an unrelated story.
func Football(i int) *claimtrail.Article {
	return &claimtrail.Article{
		URL:       fmt.Sprintf("https://sport.example.com/harlow-%d", i),
		Outlet:    "Sport Desk",
		Title:     fmt.Sprintf("Hesketh Rovers chase striker, bid %d", i),
		Published: Day0.Add(time.Duration(i) * time.Hour),
		Text: fmt.Sprintf(`Hesketh Rovers have made bid number %d for the Quillon Athletic striker Tomasz Brandt,
according to people close to the club. Rovers manager Elena Vasquez refused to discuss transfers after
training, saying only that the squad needed depth before the cup tie against Marsh Town on Saturday.
Quillon Athletic insist Brandt is not for sale at any price.`, i),
	}
}

func ctx(t *testing.T) context.Context { return t.Context() }

func put(t *testing.T, s store.Store, a *claimtrail.Article) store.PutResult {
	t.Helper()
	res, err := s.Put(ctx(t), a, store.Analysis{})
	if err != nil {
		t.Fatalf("Put(%s): %v", a.Title, err)
	}
	return res
}

func testRoundTrip(t *testing.T, open Opener) {
	s := open(t, store.Options{})
	a := Bridge(0)
	a.Byline = "A. Writer"
	a.Path = "bridge0.txt"
	a.Paragraphs = []claimtrail.Span{{Start: 0, End: 10}, {Start: 11, End: 40}}
	an := store.Analysis{
		Statements: []claimtrail.Statement{{
			Content:  claimtrail.Span{Start: 5, End: 30},
			Cue:      claimtrail.Span{Start: 1, End: 4},
			Chain:    []claimtrail.Source{{Name: "Outlet 0", Kind: claimtrail.KindOutlet}, {Name: "Idris Okafor", Kind: claimtrail.KindOfficial}},
			Polarity: claimtrail.Denies,
			Hedges:   []string{"reportedly"},
		}},
		Entities: []string{"Velmora", "Idris Okafor"},
	}
	res, err := s.Put(ctx(t), a, an)
	if err != nil {
		t.Fatal(err)
	}
	if res.ID == 0 || res.Story == 0 || res.Existing || res.CopyOf != 0 || !res.NewStory {
		t.Fatalf("Put = %+v, want a new article in a new story", res)
	}
	r, err := s.Article(ctx(t), res.ID)
	if err != nil {
		t.Fatal(err)
	}
	checkRecord(t, r, a, an, res)
	if id, found, err := s.Lookup(ctx(t), store.Key(a)); err != nil || !found || id != res.ID {
		t.Errorf("Lookup(%s) = %d, %v, %v; want %d", store.Key(a), id, found, err, res.ID)
	}
	if _, found, err := s.Lookup(ctx(t), "url:https://example.org/none"); err != nil || found {
		t.Errorf("Lookup of a missing key = %v, %v", found, err)
	}
	if strings.Contains(r.Key, "utm_") {
		t.Errorf("key %q keeps tracking parameters", r.Key)
	}
}

// checkRecord compares the record read back with the article and analysis
// put.
func checkRecord(t *testing.T, r *store.Record, a *claimtrail.Article, an store.Analysis, res store.PutResult) {
	t.Helper()
	got := r.Article
	if got.Title != a.Title || got.Outlet != a.Outlet || got.Text != a.Text || got.URL != a.URL ||
		got.Byline != a.Byline || got.Path != a.Path || got.Lang != a.Lang || !got.Published.Equal(a.Published) {
		t.Errorf("article changed in the store:\n got %+v\nwant %+v", got, *a)
	}
	if got.ID != fmt.Sprint(res.ID) {
		t.Errorf("Article.ID = %q, want %q", got.ID, fmt.Sprint(res.ID))
	}
	if len(got.Paragraphs) != 2 || got.Paragraphs[1] != a.Paragraphs[1] {
		t.Errorf("paragraphs = %v, want %v", got.Paragraphs, a.Paragraphs)
	}
	if len(r.Analysis.Statements) != 1 || r.Analysis.Statements[0].Polarity != claimtrail.Denies ||
		r.Analysis.Statements[0].Speaker().Name != "Idris Okafor" || r.Analysis.Statements[0].Content != an.Statements[0].Content {
		t.Errorf("statements = %+v, want %+v", r.Analysis.Statements, an.Statements)
	}
	if r.Story != res.Story || r.CopyOf != 0 || !strings.HasPrefix(r.Key, "url:https://example.org/news/bridge-0") {
		t.Errorf("record = story %d copy %d key %q", r.Story, r.CopyOf, r.Key)
	}
}

func testIdempotentByURL(t *testing.T, open Opener) {
	s := open(t, store.Options{})
	first := put(t, s, Bridge(0))
	again := Bridge(0)
	again.URL = "HTTPS://Example.org/news/bridge-0/#comments"
	res := put(t, s, again)
	if !res.Existing || res.Updated || res.ID != first.ID {
		t.Fatalf("second Put of the same URL and text = %+v, want Existing with ID %d", res, first.ID)
	}
	st := story(t, s, first.Story)
	if st.Articles != 1 {
		t.Errorf("story has %d articles after putting one twice, want 1", st.Articles)
	}
}

// testUpdateByURL puts an article again under its URL with a correction
// appended: the stored text, search index and bands follow the new text,
// the story keeps one article and its ledger goes stale.
func testUpdateByURL(t *testing.T, open Opener) {
	s := open(t, store.Options{})
	first := put(t, s, Bridge(0))
	built := story(t, s, first.Story).Version
	if err := s.SetLedger(ctx(t), first.Story, built, store.LedgerSummary{}); err != nil {
		t.Fatal(err)
	}
	corrected := Bridge(0)
	corrected.URL = "https://example.org/news/bridge-0"
	corrected.Text = strings.Replace(corrected.Text, "confirmed", "said", 1) +
		" Correction: an earlier version misnamed the laboratory as Quillfeather Testing."
	res := put(t, s, corrected)
	if !res.Updated || res.Existing || res.ID != first.ID || res.Story != first.Story || res.NewStory {
		t.Fatalf("Put of the same URL with new text = %+v, want Updated article %d in story %d", res, first.ID, first.Story)
	}
	r, err := s.Article(ctx(t), first.ID)
	if err != nil {
		t.Fatal(err)
	}
	if r.Article.Text != corrected.Text {
		t.Errorf("stored text = %q, want the corrected text", r.Article.Text)
	}
	st := story(t, s, first.Story)
	if st.Articles != 1 || !st.Stale || st.Version != built+1 {
		t.Errorf("story after the update = %+v, want 1 article, stale at version %d", st, built+1)
	}
	if stale, err := s.StaleStories(ctx(t)); err != nil || len(stale) != 1 || stale[0] != first.Story {
		t.Errorf("StaleStories after the update = %v, %v", stale, err)
	}
	hits, err := s.Search(ctx(t), "Quillfeather", 10)
	if err != nil || len(hits) != 1 || hits[0].Article != first.ID {
		t.Errorf("search for a word of the new text = %+v, %v; want the article", hits, err)
	}
	if hits, err := s.Search(ctx(t), "confirmed", 10); err != nil || len(hits) != 0 {
		t.Errorf("search for a word only the old text had = %+v, %v; want nothing", hits, err)
	}
	// The same correction again changes nothing.
	if res := put(t, s, corrected); !res.Existing || res.Updated {
		t.Errorf("putting the corrected text again = %+v, want Existing", res)
	}
	if v := story(t, s, first.Story).Version; v != built+1 {
		t.Errorf("version %d after an unchanged put, want %d", v, built+1)
	}
	// A near-copy of the corrected text is still found through its bands.
	copyOf := Bridge(0)
	copyOf.URL, copyOf.Outlet = "https://mirror.example.net/bridge", "Mirror"
	copyOf.Text = corrected.Text
	if res := put(t, s, copyOf); res.CopyOf != first.ID {
		t.Errorf("copy of the corrected text = %+v, want a copy of %d", res, first.ID)
	}
}

func testIdempotentByContent(t *testing.T, open Opener) {
	s := open(t, store.Options{})
	a := Football(1)
	a.URL = ""
	first := put(t, s, a)
	b := Football(1)
	b.URL = ""
	b.Text = strings.ToUpper(b.Text) // same words, other case
	res := put(t, s, b)
	if !res.Existing || res.ID != first.ID {
		t.Fatalf("second Put of the same text = %+v, want Existing with ID %d", res, first.ID)
	}
}

func testNearDuplicate(t *testing.T, open Opener) {
	s := open(t, store.Options{})
	orig := put(t, s, Bridge(0))
	copyA := Bridge(0)
	copyA.URL = "https://syndicate.example.net/wire/velmora"
	copyA.Outlet = "Syndicate"
	copyA.Published = Day0.Add(3 * time.Hour)
	copyA.Text = "Syndicated from Outlet 0. " + copyA.Text
	res := put(t, s, copyA)
	if res.Existing || res.CopyOf != orig.ID || res.Story != orig.Story {
		t.Fatalf("near-duplicate Put = %+v, want a copy of %d in story %d", res, orig.ID, orig.Story)
	}
	r, err := s.Article(ctx(t), res.ID)
	if err != nil {
		t.Fatal(err)
	}
	if r.CopyOf != orig.ID {
		t.Errorf("stored CopyOf = %d, want %d", r.CopyOf, orig.ID)
	}
	// A copy of the copy points at the original.
	copyB := Bridge(0)
	copyB.URL = "https://third.example.com/velmora"
	copyB.Published = Day0.Add(5 * time.Hour)
	copyB.Text = copyA.Text + " Reporting by staff."
	res2 := put(t, s, copyB)
	if res2.CopyOf != orig.ID {
		t.Errorf("copy of a copy: CopyOf = %d, want the original %d", res2.CopyOf, orig.ID)
	}
	// A different article of the same story is not a copy.
	res3 := put(t, s, Bridge(4))
	if res3.CopyOf != 0 {
		t.Errorf("distinct article stored as a copy of %d", res3.CopyOf)
	}
	if st := story(t, s, orig.Story); st.Copies != 2 || st.Articles != 4 {
		t.Errorf("story has %d articles, %d copies; want 4 and 2", st.Articles, st.Copies)
	}
}

func testEarlierCopyBecomesOriginal(t *testing.T, open Opener) {
	s := open(t, store.Options{})
	late := Bridge(0)
	late.Published = Day0.Add(10 * time.Hour)
	first := put(t, s, late)
	early := Bridge(0)
	early.URL = "https://wire.example.org/velmora-first"
	early.Published = Day0
	early.Text += " Filed early."
	res := put(t, s, early)
	if res.CopyOf != 0 || res.Story != first.Story {
		t.Fatalf("earlier copy Put = %+v, want an original in story %d", res, first.Story)
	}
	r, err := s.Article(ctx(t), first.ID)
	if err != nil {
		t.Fatal(err)
	}
	if r.CopyOf != res.ID {
		t.Errorf("later article: CopyOf = %d, want the earlier %d", r.CopyOf, res.ID)
	}
}

func story(t *testing.T, s store.Store, id int64) *store.StorySummary {
	t.Helper()
	st, err := s.Story(ctx(t), id)
	if err != nil {
		t.Fatalf("Story(%d): %v", id, err)
	}
	return st
}

func testStories(t *testing.T, open Opener) {
	s := open(t, store.Options{})
	var bridge, football int64
	for i := range 4 {
		r := put(t, s, Bridge(i))
		if i == 0 {
			bridge = r.Story
		} else if r.Story != bridge {
			t.Errorf("bridge article %d went to story %d, want %d", i, r.Story, bridge)
		}
	}
	for i := range 3 {
		r := put(t, s, Football(i+10))
		if i == 0 {
			football = r.Story
		} else if r.Story != football {
			t.Errorf("football article %d went to story %d, want %d", i, r.Story, football)
		}
	}
	if bridge == football {
		t.Fatal("unrelated articles share a story")
	}
	list, err := s.Stories(ctx(t), store.StoryQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 2 {
		t.Fatalf("Stories = %d stories, want 2", len(list))
	}
	// Football articles are dated 10-12 hours after Day0: newest first.
	if list[0].ID != football || list[1].ID != bridge {
		t.Errorf("Stories order = %d, %d; want %d, %d", list[0].ID, list[1].ID, football, bridge)
	}
	b := list[1]
	if b.Articles != 4 || b.Outlets != 3 || b.Title != Bridge(0).Title || !b.Started.Equal(Day0) ||
		!b.Updated.Equal(Day0.Add(3*time.Hour)) || !b.Stale {
		t.Errorf("bridge story = %+v", b)
	}
	since, err := s.Stories(ctx(t), store.StoryQuery{Since: Day0.Add(5 * time.Hour)})
	if err != nil {
		t.Fatal(err)
	}
	if len(since) != 1 || since[0].ID != football {
		t.Errorf("Stories since +5h = %v, want only %d", since, football)
	}
	limited, err := s.Stories(ctx(t), store.StoryQuery{Limit: 1})
	if err != nil || len(limited) != 1 {
		t.Errorf("Stories limit 1 = %d stories, %v", len(limited), err)
	}
	arts, err := s.StoryArticles(ctx(t), bridge)
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) != 4 || arts[0].Article.Title != Bridge(0).Title || arts[3].Article.Title != Bridge(3).Title {
		t.Errorf("StoryArticles = %d articles, want 4 oldest first", len(arts))
	}
}

func testTimeWindow(t *testing.T, open Opener) {
	s := open(t, store.Options{Window: 48 * time.Hour})
	first := put(t, s, Bridge(0))
	later := Bridge(1)
	later.Published = Day0.Add(30 * 24 * time.Hour)
	res := put(t, s, later)
	if res.Story == first.Story || !res.NewStory {
		t.Errorf("article a month later joined story %d; want a new story", res.Story)
	}
}

func testLedgerAndSearch(t *testing.T, open Opener) {
	s := open(t, store.Options{})
	r := put(t, s, Bridge(0))
	put(t, s, Football(1))
	stale, err := s.StaleStories(ctx(t))
	if err != nil || len(stale) != 2 {
		t.Fatalf("StaleStories = %v, %v; want 2 stories", stale, err)
	}
	built := story(t, s, r.Story).Version
	l := store.LedgerSummary{Claims: []store.ClaimSummary{
		{ID: "c1", Text: "Warnings about rust on the anchor plates were ignored", Status: claimtrail.Contested},
		{ID: "c2", Text: "The crossing reopens after the cables are replaced", Status: claimtrail.SingleSource},
	}}
	if err := s.SetLedger(ctx(t), r.Story, built, l); err != nil {
		t.Fatal(err)
	}
	st := story(t, s, r.Story)
	if st.Claims != 2 || st.Contested != 1 || st.Stale {
		t.Errorf("story after SetLedger = %+v, want 2 claims, 1 contested, not stale", st)
	}
	stale, _ = s.StaleStories(ctx(t))
	if len(stale) != 1 || stale[0] == r.Story {
		t.Errorf("StaleStories after SetLedger = %v", stale)
	}
	// An article joining makes the story stale again.
	put(t, s, Bridge(1))
	if st := story(t, s, r.Story); !st.Stale || st.Version != built+1 {
		t.Errorf("story after a new article = %+v, want stale at version %d", st, built+1)
	}
	built++
	// Rebuilding replaces the claims.
	if err := s.SetLedger(ctx(t), r.Story, built, store.LedgerSummary{Claims: l.Claims[:1]}); err != nil {
		t.Fatal(err)
	}
	// A ledger built earlier but recorded later does not replace a newer one.
	if err := s.SetLedger(ctx(t), r.Story, built-1, store.LedgerSummary{}); err != nil {
		t.Fatal(err)
	}
	if st := story(t, s, r.Story); st.Claims != 1 {
		t.Errorf("an older ledger replaced a newer one: %d claims, want 1", st.Claims)
	}
	hits, err := s.Search(ctx(t), "Anchor rust", 10)
	if err != nil {
		t.Fatal(err)
	}
	var claims, articles int
	for _, h := range hits {
		switch h.Kind {
		case store.HitClaim:
			claims++
			if h.Story != r.Story || h.Claim != "c1" {
				t.Errorf("claim hit = %+v", h)
			}
		case store.HitArticle:
			articles++
			if h.Article != r.ID || !strings.Contains(h.Snippet, "[") {
				t.Errorf("article hit = %+v", h)
			}
		}
	}
	if claims != 1 || articles != 1 {
		t.Errorf("search found %d claims and %d articles, want 1 and 1: %+v", claims, articles, hits)
	}
	hits, err = s.Search(ctx(t), "cables replaced", 10)
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range hits {
		if h.Kind == store.HitClaim {
			t.Errorf("claim c2 still found after the ledger was rebuilt without it: %+v", h)
		}
	}
	// Words that are search syntax elsewhere are plain words here.
	if _, err := s.Search(ctx(t), `Rovers" OR NOT (bid* AND`, 10); err != nil {
		t.Errorf("search with syntax characters: %v", err)
	}
	if _, err := s.Search(ctx(t), " ?! ", 10); err == nil {
		t.Error("search without words succeeded")
	}
	if err := s.SetLedger(ctx(t), 999999, built, l); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("SetLedger of a missing story = %v, want ErrNotFound", err)
	}
}

func testBadArticle(t *testing.T, open Opener) {
	s := open(t, store.Options{})
	if _, err := s.Put(ctx(t), &claimtrail.Article{Title: "Empty", Text: " \n "}, store.Analysis{}); !errors.Is(err, store.ErrNoText) {
		t.Errorf("Put of an article without text = %v, want ErrNoText", err)
	}
	list, err := s.Stories(ctx(t), store.StoryQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 0 {
		t.Errorf("a failed Put left %d stories", len(list))
	}
	// A cancelled context writes nothing either.
	c, cancel := context.WithCancel(ctx(t))
	cancel()
	if _, err := s.Put(c, Bridge(0), store.Analysis{}); err == nil {
		t.Error("Put with a cancelled context succeeded")
	}
	if list, _ := s.Stories(ctx(t), store.StoryQuery{}); len(list) != 0 {
		t.Errorf("a cancelled Put left %d stories", len(list))
	}
	if r := put(t, s, Bridge(0)); r.Existing {
		t.Error("article counted as existing after a failed Put")
	}
}

func testFeeds(t *testing.T, open Opener) {
	s := open(t, store.Options{})
	f, err := s.Feed(ctx(t), "https://example.org/feed.xml")
	if err != nil || f.ETag != "" || !f.Checked.IsZero() {
		t.Fatalf("Feed of a new feed = %+v, %v", f, err)
	}
	want := store.FeedState{URL: "https://example.org/feed.xml", ETag: `"v1"`, LastModified: "Mon, 02 Mar 2026 09:00:00 GMT", Checked: Day0}
	for range 2 {
		if err := s.SetFeed(ctx(t), want); err != nil {
			t.Fatal(err)
		}
	}
	want.ETag = `"v2"`
	if err := s.SetFeed(ctx(t), want); err != nil {
		t.Fatal(err)
	}
	got, err := s.Feed(ctx(t), want.URL)
	if err != nil || got.ETag != want.ETag || got.LastModified != want.LastModified || !got.Checked.Equal(Day0) {
		t.Errorf("Feed = %+v, %v; want %+v", got, err, want)
	}
}

func testNotFound(t *testing.T, open Opener) {
	s := open(t, store.Options{})
	if _, err := s.Article(ctx(t), 42); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Article(42) = %v, want ErrNotFound", err)
	}
	if _, err := s.Story(ctx(t), 42); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Story(42) = %v, want ErrNotFound", err)
	}
	if _, err := s.StoryArticles(ctx(t), 42); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("StoryArticles(42) = %v, want ErrNotFound", err)
	}
}

func testConcurrentSameArticle(t *testing.T, open Opener) {
	s := open(t, store.Options{})
	const n = 8
	var wg sync.WaitGroup
	ids := make([]int64, n)
	errs := make([]error, n)
	for i := range n {
		wg.Go(func() {
			a := Bridge(0)
			if i%2 == 1 { // a near-duplicate under another URL
				a.URL = fmt.Sprintf("https://mirror%d.example.net/velmora", i)
				a.Text += " Mirrored."
			}
			r, err := s.Put(ctx(t), a, store.Analysis{})
			ids[i], errs[i] = r.ID, err
		})
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Fatalf("Put %d: %v", i, err)
		}
	}
	for i := 2; i < n; i += 2 {
		if ids[i] != ids[0] {
			t.Errorf("the same article stored as %d and %d", ids[0], ids[i])
		}
	}
	list, err := s.Stories(ctx(t), store.StoryQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 1 || list[0].Articles != 1+n/2 || list[0].Copies != n/2 {
		t.Errorf("after concurrent puts: %+v; want 1 story with %d articles, %d copies", list, 1+n/2, n/2)
	}
}

// testGeneratedStories checks story assignment on generated stories: stored
// stories must be pure (their articles from one generated story) and about
// as many as the generated ones.
func testGeneratedStories(t *testing.T, open Opener) {
	s := open(t, store.Options{})
	g := NewGenerator(42)
	const n = 300
	byStored := map[int64]map[int]int{}
	truth := map[int]bool{}
	for i := range n {
		r := put(t, s, g.Article(i))
		if r.CopyOf != 0 {
			t.Errorf("generated article %d stored as a copy of %d", i, r.CopyOf)
		}
		if byStored[r.Story] == nil {
			byStored[r.Story] = map[int]int{}
		}
		byStored[r.Story][g.Story(i)]++
		truth[g.Story(i)] = true
	}
	pure := 0
	for _, m := range byStored {
		best := 0
		for _, c := range m {
			best = max(best, c)
		}
		pure += best
	}
	purity := float64(pure) / n
	t.Logf("%d generated stories became %d stored stories; purity %.3f", len(truth), len(byStored), purity)
	if purity < 0.95 {
		t.Errorf("purity %.3f < 0.95: stories mix articles of different generated stories", purity)
	}
	if len(byStored) > len(truth)*13/10 {
		t.Errorf("%d generated stories split into %d stored ones", len(truth), len(byStored))
	}
}

// testInvalidInputs puts what the file loader refuses: every store must
// refuse it too, before writing anything.
func testInvalidInputs(t *testing.T, open Opener) {
	s := open(t, store.Options{})
	bad := map[string]struct {
		a    claimtrail.Article
		want error
	}{
		"empty text":         {claimtrail.Article{Title: "T", Text: ""}, store.ErrNoText},
		"blank text":         {claimtrail.Article{Title: "T", Text: " \n\t "}, store.ErrNoText},
		"NUL in text":        {claimtrail.Article{Text: "The ferry sailed at noon.\x00 It was late."}, store.ErrBinary},
		"NUL in title":       {claimtrail.Article{Title: "Ferry\x00", Text: "The ferry sailed at noon."}, store.ErrBinary},
		"NUL in outlet":      {claimtrail.Article{Outlet: "\x00", Text: "The ferry sailed at noon."}, store.ErrBinary},
		"bad UTF-8 in text":  {claimtrail.Article{Text: "The ferry \xff sailed."}, store.ErrNotUTF8},
		"bad UTF-8 in url":   {claimtrail.Article{URL: "https://example.org/\xc3", Text: "The ferry sailed."}, store.ErrNotUTF8},
		"control characters": {claimtrail.Article{Text: "ab\x01\x02\x03\x04\x05\x06\x07\x08"}, store.ErrBinary},
		"paragraph outside":  {claimtrail.Article{Text: "Short.", Paragraphs: []claimtrail.Span{{Start: 0, End: 99}}}, store.ErrInvalid},
	}
	for name, tc := range bad {
		_, err := s.Put(ctx(t), &tc.a, store.Analysis{})
		if !errors.Is(err, store.ErrInvalid) || !errors.Is(err, tc.want) {
			t.Errorf("%s: Put = %v, want ErrInvalid and %v", name, err, tc.want)
		}
	}
	if list, _ := s.Stories(ctx(t), store.StoryQuery{}); len(list) != 0 {
		t.Errorf("refused articles left %d stories", len(list))
	}
}

// testPutAllAtomic stores a batch all or nothing.
func testPutAllAtomic(t *testing.T, open Opener) {
	s := open(t, store.Options{})
	bad := Bridge(1)
	bad.Text += "\x00"
	_, err := s.PutAll(ctx(t), []*claimtrail.Article{Bridge(0), bad}, []store.Analysis{{}, {}})
	if !errors.Is(err, store.ErrInvalid) || !strings.Contains(err.Error(), "article 2 of 2") {
		t.Fatalf("PutAll with a NUL in the second article = %v, want ErrInvalid naming article 2", err)
	}
	if list, _ := s.Stories(ctx(t), store.StoryQuery{}); len(list) != 0 {
		t.Errorf("a refused batch left %d stories", len(list))
	}
	if _, found, _ := s.Lookup(ctx(t), store.Key(Bridge(0))); found {
		t.Error("the good article of a refused batch was stored")
	}
	res, err := s.PutAll(ctx(t), []*claimtrail.Article{Bridge(0), Bridge(1), Bridge(0)}, []store.Analysis{{}, {}, {}})
	if err != nil {
		t.Fatal(err)
	}
	if len(res) != 3 || res[0].ID == 0 || res[1].ID == res[0].ID || !res[2].Existing || res[2].ID != res[0].ID {
		t.Errorf("PutAll results %+v", res)
	}
	if _, found, _ := s.Lookup(ctx(t), store.Key(Bridge(1))); !found {
		t.Error("the second article of a good batch is missing")
	}
	// A cancelled batch writes nothing.
	c, cancel := context.WithCancel(ctx(t))
	cancel()
	if _, err := s.PutAll(c, []*claimtrail.Article{Bridge(2), Bridge(3)}, []store.Analysis{{}, {}}); err == nil {
		t.Error("PutAll with a cancelled context succeeded")
	}
	if _, found, _ := s.Lookup(ctx(t), store.Key(Bridge(2))); found {
		t.Error("a cancelled batch stored an article")
	}
}
