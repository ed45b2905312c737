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

// Source is a web.Source and web.Adder over a store.Store.
type Source struct {
	st    store.Store
	p     *pipeline.Pipeline
	build sync.Mutex // one ledger build at a time
	mu    sync.Mutex
	cache map[int64]cachedLedger
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
	return &Source{st: st, p: p, cache: map[int64]cachedLedger{}}
}

// Stories lists the stories (most recent first), or those with an article
// or claim matching query.
func (s *Source) Stories(ctx context.Context, query string) ([]web.Story, error) {
	var sums []store.StorySummary
	if strings.TrimSpace(query) == "" {
		var err error
		if sums, err = s.st.Stories(ctx, store.StoryQuery{Limit: 500}); err != nil {
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
			sum, err := s.st.Story(ctx, h.Story)
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
	x, err := s.st.Story(ctx, n)
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
