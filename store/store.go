// Package store keeps claimtrail's corpus: articles with their analysis,
// near-duplicate links between them, and the stories they form as they
// arrive. It defines the Store interface that the SQLite (store/sqlite) and
// PostgreSQL (store/postgres) adapters implement, and the ingest logic both
// share: Write puts one article in one transaction, idempotently (the same
// canonical URL, else the same content, is stored once), records a
// near-duplicate as a copy of the earliest article of its group, and assigns
// the article to a story through an inverted index of key terms, so the cost
// of assignment does not grow with the corpus.
package store

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/claimtrail/claimtrail"
)

// ErrNotFound is returned when a requested article or story does not exist.
var ErrNotFound = errors.New("not found")

// ErrNoText is returned by Put for an article without text; retrying
// cannot help.
var ErrNoText = errors.New("article has no text")

// Store is a persistent corpus of articles and stories.
type Store interface {
	// Put stores one article and its analysis in one transaction and
	// assigns it to a story. Putting an article that is already stored
	// changes nothing and reports Existing; putting one stored under the
	// same key (URL) with other text (a correction, an update) replaces its
	// text and analysis, keeps its story, marks the story's ledger stale and
	// reports Updated.
	Put(ctx context.Context, a *claimtrail.Article, an Analysis) (PutResult, error)
	// PutAll stores articles (an[i] is the analysis of arts[i]) as Put
	// does, in one transaction: all of them, or none when any is invalid
	// (see Validate) or a write fails. The error names the article.
	PutAll(ctx context.Context, arts []*claimtrail.Article, an []Analysis) ([]PutResult, error)
	// Lookup finds the stored article with the given Key.
	Lookup(ctx context.Context, key string) (id int64, found bool, err error)
	// Article returns the stored article with the given ID.
	Article(ctx context.Context, id int64) (*Record, error)
	// StoryArticles returns a story's articles, oldest first.
	StoryArticles(ctx context.Context, story int64) ([]Record, error)
	// Story returns the summary of one story.
	Story(ctx context.Context, id int64) (*StorySummary, error)
	// Stories lists stories updated at or after q.Since, most recent first.
	Stories(ctx context.Context, q StoryQuery) ([]StorySummary, error)
	// SetLedger records the summary of a story's ledger built from the
	// story at the given version (StorySummary.Version, read before its
	// articles): its claims (searchable) and how many are contested. A
	// summary older than the one recorded is ignored.
	SetLedger(ctx context.Context, story, version int64, l LedgerSummary) error
	// StaleStories lists stories whose ledger summary is missing or was
	// built before their last article joined or was updated.
	StaleStories(ctx context.Context) ([]int64, error)
	// Search finds articles and claims matching the words of text.
	Search(ctx context.Context, text string, limit int) ([]Hit, error)
	// Feed returns what is remembered about a polled feed (zero when new).
	Feed(ctx context.Context, url string) (FeedState, error)
	// SetFeed remembers a feed's validators and poll time.
	SetFeed(ctx context.Context, f FeedState) error
	// Close releases the store.
	Close() error
}

// Analysis is what the pipeline found in one article; it is stored with
// the article.
type Analysis struct {
	Statements []claimtrail.Statement
	// Entities holds normalised keys of the named entities in the article
	// (repeats allowed: frequent ones weigh more in story assignment).
	Entities []string
}

// Analyzer analyses one article before it is stored.
type Analyzer interface {
	Analyze(ctx context.Context, a *claimtrail.Article) (Analysis, error)
}

// AnalyzerFunc adapts a function to the Analyzer interface.
type AnalyzerFunc func(ctx context.Context, a *claimtrail.Article) (Analysis, error)

// Analyze calls f.
func (f AnalyzerFunc) Analyze(ctx context.Context, a *claimtrail.Article) (Analysis, error) {
	return f(ctx, a)
}

// Record is one stored article. Article.ID holds the decimal store ID.
type Record struct {
	ID       int64
	Key      string // "url:<canonical URL>" or "sha256:<hex of the text>"
	Article  claimtrail.Article
	Analysis Analysis
	// CopyOf is the ID of the earliest article this one is a near-duplicate
	// of; 0 when the article is an original. A copy relays its original:
	// it is not an independent origin.
	CopyOf   int64
	Story    int64
	Ingested time.Time
}

// PutResult says what Put did with an article.
type PutResult struct {
	ID       int64 // store ID of the article (of the stored one when Existing)
	Story    int64
	Existing bool  // the article was already stored; nothing changed
	Updated  bool  // the article was stored with other text, now replaced
	CopyOf   int64 // non-zero when stored as a near-duplicate of that article
	NewStory bool  // the article started a new story
}

// StoryQuery selects stories for Stories.
type StoryQuery struct {
	Since time.Time // only stories updated at or after Since; zero for all
	Limit int       // at most this many; 0 for no limit
}

// StorySummary describes one story for listings.
type StorySummary struct {
	ID        int64
	Title     string
	Articles  int
	Copies    int // articles stored as near-duplicates of another
	Outlets   int
	Claims    int // from the last ledger built
	Contested int // from the last ledger built
	Started   time.Time
	Updated   time.Time // time of the newest article
	Version   int64     // grows by one with each article that joins or is updated
	Stale     bool      // articles joined or changed since the last ledger was built
}

// LedgerSummary is what the store keeps of a story's ledger.
type LedgerSummary struct {
	Claims []ClaimSummary
}

// ClaimSummary is one claim of a story's ledger, kept for search.
type ClaimSummary struct {
	ID     string
	Text   string
	Status claimtrail.Status
	// Aside marks a claim kept apart as no claim to check (an opinion, a
	// question, a sentence fragment: claimtrail.Claim.Aside). It stays
	// searchable but is not counted among the story's claims.
	Aside bool
}

// Summarize keeps what the store needs of a ledger. Claim texts are made
// valid UTF-8 (PostgreSQL refuses anything else; a text cut inside a
// character would otherwise fail the whole summary).
func Summarize(l *claimtrail.Ledger) LedgerSummary {
	var s LedgerSummary
	for _, c := range l.Claims {
		text := strings.TrimSpace(strings.ToValidUTF8(c.Text, ""))
		s.Claims = append(s.Claims, ClaimSummary{ID: c.ID, Text: text, Status: c.Status, Aside: c.Aside})
	}
	return s
}

// ToCheck counts the claims of s to check, leaving out the asides, as
// the ledger's own headline does.
func (s LedgerSummary) ToCheck() int {
	n := 0
	for _, c := range s.Claims {
		if !c.Aside {
			n++
		}
	}
	return n
}

// Contested counts the contested claims of s.
func (s LedgerSummary) Contested() int {
	n := 0
	for _, c := range s.Claims {
		if c.Status == claimtrail.Contested {
			n++
		}
	}
	return n
}

// HitKind says whether a search hit is an article or a claim.
type HitKind string

// Kinds of search hits.
const (
	HitArticle HitKind = "article"
	HitClaim   HitKind = "claim"
)

// Hit is one search result.
type Hit struct {
	Kind    HitKind
	Story   int64
	Article int64  // for article hits
	Claim   string // claim ID within the story's ledger, for claim hits
	Title   string // article title, or claim text
	Snippet string // matching passage, terms in [brackets]
}

// FeedState is what is remembered of a polled feed between polls.
type FeedState struct {
	URL          string
	ETag         string
	LastModified string
	Checked      time.Time
}

// LedgerBuilder builds the ledger summary of a story from its articles.
type LedgerBuilder func(ctx context.Context, recs []Record) (LedgerSummary, error)

// RefreshLedger rebuilds the ledger summary of one story with build and
// records it. Articles that join while it runs leave the story stale.
func RefreshLedger(ctx context.Context, s Store, story int64, build LedgerBuilder) error {
	st, err := s.Story(ctx, story)
	if err != nil {
		return err
	}
	recs, err := s.StoryArticles(ctx, story)
	if err != nil {
		return err
	}
	l, err := build(ctx, recs)
	if err != nil {
		return fmt.Errorf("ledger of story %d: %w", story, err)
	}
	return s.SetLedger(ctx, story, st.Version, l)
}

// CopyOf maps the article IDs of the copies among recs to the article IDs
// of their originals: the form the pipeline takes to count a copy as a
// relay of its original rather than as an independent origin.
func CopyOf(recs []Record) map[string]string {
	m := map[string]string{}
	for _, r := range recs {
		if r.CopyOf != 0 {
			m[r.Article.ID] = strconv.FormatInt(r.CopyOf, 10)
		}
	}
	return m
}

// Articles returns the articles of recs, in order.
func Articles(recs []Record) []claimtrail.Article {
	out := make([]claimtrail.Article, len(recs))
	for i, r := range recs {
		out[i] = r.Article
	}
	return out
}

// Migrations reads an adapter's embedded migration scripts
// (migrations/*.sql), in name order: script i brings the schema to
// version i+1.
func Migrations(fsys fs.FS) ([]string, error) {
	names, err := fs.Glob(fsys, "migrations/*.sql")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	out := make([]string, 0, len(names))
	for _, n := range names {
		b, err := fs.ReadFile(fsys, n)
		if err != nil {
			return nil, err
		}
		out = append(out, string(b))
	}
	return out, nil
}
