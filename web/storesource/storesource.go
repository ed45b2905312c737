// Package storesource serves a store's stories to the web server: it is
// the web.Source (and web.Adder) of `claimtrail serve --db`. A story's
// ledger is built by the pipeline from its stored articles and cached
// until the story changes; added articles are checked, analysed and
// stored in one transaction, all or none.
package storesource

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/pipeline"
	"github.com/claimtrail/claimtrail/store"
	"github.com/claimtrail/claimtrail/web"
)

// DefaultFreshness is how long Source trusts what it read of the story
// list and of a story's summary when it did not change them itself.
const DefaultFreshness = 2 * time.Second

// Source is a web.Source and web.Adder over a store.Store.
//
// Reading the story list and story summaries costs aggregate queries over
// the corpus, and every page needs them, so they are kept for a short time
// (Freshness): what the server adds shows at once, what other processes
// (ingest, workers) add shows within Freshness. A ledger is kept until its
// story's summary says the story changed.
type Source struct {
	st        store.Store
	p         *pipeline.Pipeline
	freshness time.Duration
	now       func() time.Time

	build sync.Mutex // one ledger build at a time
	mu    sync.Mutex // guards the fields below
	cache map[int64]cachedLedger
	sums  map[int64]cachedSummary
	list  cachedList
	gen   uint64 // grows with every write through this source

	listing sync.Mutex // one story-list query at a time
}

type cachedSummary struct {
	at  time.Time
	gen uint64
	sum store.StorySummary
}

type cachedList struct {
	at    time.Time
	gen   uint64
	valid bool
	list  []store.StorySummary
}

var (
	_ web.Source = (*Source)(nil)
	_ web.Adder  = (*Source)(nil)
)

// cachedLedger is a built ledger with what identified the story's state
// when it was built.
type cachedLedger struct {
	version  int64
	updated  time.Time
	articles int
	ledger   *claimtrail.Ledger
}

// New returns a Source over st that builds ledgers with p.
func New(st store.Store, p *pipeline.Pipeline) *Source {
	return &Source{st: st, p: p, freshness: DefaultFreshness, now: time.Now,
		cache: map[int64]cachedLedger{}, sums: map[int64]cachedSummary{}}
}

// SetFreshness sets how long summaries read from the store are trusted;
// 0 reads them every time.
func (s *Source) SetFreshness(d time.Duration) { s.freshness = d }

func (s *Source) fresh(at time.Time, gen uint64) bool {
	return gen == s.gen && s.now().Sub(at) < s.freshness
}

// recent returns the newest stories, from the short-lived cache when it is
// fresh. When it has only aged, one caller reads the list again while the
// others keep getting the previous one, so a refresh never holds up a
// crowd of requests; after a write through this source every caller waits
// for the new list.
func (s *Source) recent(ctx context.Context) ([]store.StorySummary, error) {
	s.mu.Lock()
	c := s.list
	current := c.valid && c.gen == s.gen
	s.mu.Unlock()
	if current && s.now().Sub(c.at) < s.freshness {
		return c.list, nil
	}
	if current {
		if !s.listing.TryLock() {
			return c.list, nil // being refreshed: the previous list will do
		}
	} else {
		s.listing.Lock()
	}
	defer s.listing.Unlock()
	s.mu.Lock()
	if c := s.list; c.valid && s.fresh(c.at, c.gen) { // another caller just read it
		s.mu.Unlock()
		return c.list, nil
	}
	gen := s.gen
	s.mu.Unlock()
	at := s.now()
	list, err := s.st.Stories(ctx, store.StoryQuery{Limit: 500})
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	s.list = cachedList{at: at, gen: gen, valid: true, list: list}
	for _, x := range list {
		s.sums[x.ID] = cachedSummary{at: at, gen: gen, sum: x}
	}
	s.mu.Unlock()
	return list, nil
}

// storySummary returns one story's summary, from the short-lived cache
// when it is fresh.
func (s *Source) storySummary(ctx context.Context, id int64) (*store.StorySummary, error) {
	s.mu.Lock()
	if c, ok := s.sums[id]; ok && s.fresh(c.at, c.gen) {
		s.mu.Unlock()
		sum := c.sum
		return &sum, nil
	}
	gen := s.gen
	s.mu.Unlock()
	at := s.now()
	sum, err := s.st.Story(ctx, id)
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	if len(s.sums) > 10000 {
		clear(s.sums)
	}
	s.sums[id] = cachedSummary{at: at, gen: gen, sum: *sum}
	s.mu.Unlock()
	return sum, nil
}

// wrote forgets the cached summaries after a write through this source.
func (s *Source) wrote() {
	s.mu.Lock()
	s.gen++
	s.mu.Unlock()
}

// Stories lists the stories (most recent first), or those with an article
// or claim matching query.
func (s *Source) Stories(ctx context.Context, query string) ([]web.Story, error) {
	var sums []store.StorySummary
	if strings.TrimSpace(query) == "" {
		var err error
		if sums, err = s.recent(ctx); err != nil {
			return nil, err
		}
	} else {
		words := store.SearchWords(query)
		if len(words) == 0 {
			return nil, fmt.Errorf("%w: search %q has no words to look for", web.ErrBadInput, strings.ToValidUTF8(query, "\uFFFD"))
		}
		hits, err := s.st.Search(ctx, strings.Join(words, " "), 200)
		if err != nil {
			return nil, err
		}
		seen := map[int64]bool{}
		for _, h := range hits {
			if seen[h.Story] {
				continue
			}
			seen[h.Story] = true
			sum, err := s.storySummary(ctx, h.Story)
			if err != nil {
				return nil, err
			}
			sums = append(sums, *sum)
		}
	}
	out := make([]web.Story, len(sums))
	for i, x := range sums {
		out[i] = story(x)
	}
	return out, nil
}

func story(x store.StorySummary) web.Story {
	return web.Story{ID: strconv.FormatInt(x.ID, 10), Title: x.Title, Articles: x.Articles,
		Claims: x.Claims, Contested: x.Contested, Updated: x.Updated}
}

// summary reads one story's summary, mapping a bad or unknown id to
// web.ErrNotFound.
func (s *Source) summary(ctx context.Context, id string) (int64, *store.StorySummary, error) {
	n, err := strconv.ParseInt(id, 10, 64)
	if err != nil {
		return 0, nil, fmt.Errorf("story %q: %w", id, web.ErrNotFound)
	}
	x, err := s.storySummary(ctx, n)
	if errors.Is(err, store.ErrNotFound) {
		return 0, nil, fmt.Errorf("story %q: %w", id, web.ErrNotFound)
	} else if err != nil {
		return 0, nil, err
	}
	return n, x, nil
}

// Story returns one story's summary.
func (s *Source) Story(ctx context.Context, id string) (web.Story, error) {
	_, x, err := s.summary(ctx, id)
	if err != nil {
		return web.Story{}, err
	}
	return story(*x), nil
}

// Ledger returns a story's ledger, built from its stored articles or taken
// from the cache when the story has not changed since; a build also
// records the story's ledger summary in the store.
func (s *Source) Ledger(ctx context.Context, id string) (*claimtrail.Ledger, error) {
	n, sum, err := s.summary(ctx, id)
	if err != nil {
		return nil, err
	}
	if l := s.cached(n, sum); l != nil {
		return l, nil
	}
	s.build.Lock()
	defer s.build.Unlock()
	if l := s.cached(n, sum); l != nil {
		return l, nil
	}
	recs, err := s.st.StoryArticles(ctx, n)
	if err != nil {
		return nil, err
	}
	arts := make([]claimtrail.Article, len(recs))
	for i, r := range recs {
		arts[i] = r.Article
		arts[i].ID = strconv.FormatInt(r.ID, 10)
	}
	l, err := s.p.Ledger(ctx, arts)
	if err != nil {
		return nil, fmt.Errorf("build ledger of story %s: %w", id, err)
	}
	if err := s.st.SetLedger(ctx, n, sum.Version, store.Summarize(l)); err != nil {
		return nil, err
	}
	s.wrote() // the summary now counts the ledger's claims
	s.mu.Lock()
	s.cache[n] = cachedLedger{version: sum.Version, updated: sum.Updated, articles: sum.Articles, ledger: l}
	s.mu.Unlock()
	return l, nil
}

func (s *Source) cached(id int64, sum *store.StorySummary) *claimtrail.Ledger {
	s.mu.Lock()
	defer s.mu.Unlock()
	c, ok := s.cache[id]
	if ok && c.version == sum.Version && c.updated.Equal(sum.Updated) && c.articles == sum.Articles {
		return c.ledger
	}
	return nil
}

// AddArticles checks every article (store.Validate, so the web refuses
// what the file loader and the stores refuse), analyses them and stores
// them in one transaction: all or none. The store assigns each article to
// a story by its key terms, so story is only a hint; it returns the story
// the first article joined. A refused article gives an error wrapping
// web.ErrBadInput that names it.
func (s *Source) AddArticles(ctx context.Context, _ string, arts []claimtrail.Article) (string, error) {
	ptrs := make([]*claimtrail.Article, len(arts))
	for i := range arts {
		ptrs[i] = &arts[i]
		if err := store.Validate(ptrs[i]); err != nil {
			return "", fmt.Errorf("%w: %s: %v", web.ErrBadInput, name(i, ptrs[i]), err)
		}
	}
	ans := make([]store.Analysis, len(arts))
	for i, a := range ptrs {
		if err := ctx.Err(); err != nil {
			return "", err
		}
		an, err := s.p.Analyze(ctx, a)
		if err != nil {
			return "", fmt.Errorf("analyse %s: %w", name(i, a), err)
		}
		ans[i].Statements = an.Statements
		if an.Doc != nil {
			for _, e := range an.Doc.Entities {
				ans[i].Entities = append(ans[i].Entities, e.Key)
			}
		}
	}
	res, err := s.st.PutAll(ctx, ptrs, ans)
	s.wrote()
	if errors.Is(err, store.ErrInvalid) {
		return "", fmt.Errorf("%w: %v", web.ErrBadInput, err)
	} else if err != nil {
		return "", fmt.Errorf("store articles: %w", err)
	}
	if len(res) == 0 {
		return "", fmt.Errorf("%w: no articles", web.ErrBadInput)
	}
	return strconv.FormatInt(res[0].Story, 10), nil
}

// name names the i-th article of a batch for an error: its place, and its
// title or where it came from.
func name(i int, a *claimtrail.Article) string {
	for _, s := range []string{a.Title, a.URL, a.Path} {
		if s = strings.TrimSpace(strings.ToValidUTF8(strings.ReplaceAll(s, "\x00", ""), "")); s != "" {
			if len(s) > 80 {
				s = strings.ToValidUTF8(s[:77], "") + "…"
			}
			return fmt.Sprintf("article %d (%q)", i+1, s)
		}
	}
	return fmt.Sprintf("article %d", i+1)
}
