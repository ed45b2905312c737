package web

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/claimtrail/claimtrail"
)

// ErrNotFound is returned (wrapped) by a Source for an unknown story.
var ErrNotFound = errors.New("not found")

// ErrBadInput is returned (wrapped) by an Adder that refuses one of the
// articles it was given; the error names it, and nothing was added. The
// server answers 422 Unprocessable Entity.
var ErrBadInput = errors.New("bad input")

// Story is what the stories list shows about one story.
type Story struct {
	ID        string    `json:"id"`
	Title     string    `json:"title"`
	Articles  int       `json:"articles"`
	Claims    int       `json:"claims"`
	Contested int       `json:"contested"`
	Updated   time.Time `json:"updated"`
}

// Source gives the server its stories and their ledgers. The store
// implements it for a database; Memory for ledgers built in the process.
type Source interface {
	// Stories lists the stories matching query (all when query is empty),
	// most recently updated first.
	Stories(ctx context.Context, query string) ([]Story, error)
	// Story returns one story's summary, or an error wrapping ErrNotFound.
	Story(ctx context.Context, id string) (Story, error)
	// Ledger returns a story's ledger, or an error wrapping ErrNotFound.
	// The caller must not modify it.
	Ledger(ctx context.Context, story string) (*claimtrail.Ledger, error)
}

// Adder is a Source that takes new articles. It adds them to the story
// (creating it when it does not exist), rebuilds the ledger, and returns
// the ID of the story the articles went to: a store that assigns articles
// to stories itself may choose another story than the one asked for. It
// adds all of the articles or none; an article it refuses gives an error
// wrapping ErrBadInput. It stops when ctx is done.
type Adder interface {
	AddArticles(ctx context.Context, story string, arts []claimtrail.Article) (string, error)
}

// BuildFunc builds a ledger from a story's articles, in order; the pipeline
// provides it.
type BuildFunc func(ctx context.Context, arts []claimtrail.Article) (*claimtrail.Ledger, error)

// storyID is the shape of a story identifier: it appears in URLs.
var storyID = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$`)

// ValidStoryID reports whether id can name a story: 1 to 64 letters,
// digits, dots, dashes and underscores, starting with a letter or digit.
func ValidStoryID(id string) bool { return storyID.MatchString(id) }

// Memory is a Source and Adder that keeps its stories in memory. Adding
// articles rebuilds the story's ledger with its BuildFunc.
type Memory struct {
	build BuildFunc
	write sync.Mutex // serialises rebuilds
	mu    sync.RWMutex
	byID  map[string]*memStory
}

type memStory struct {
	story  Story
	arts   []claimtrail.Article // as given, before the pipeline numbers them
	ledger *claimtrail.Ledger
}

// NewMemory returns an empty Memory that rebuilds ledgers with build; build
// may be nil, and then AddArticles fails.
func NewMemory(build BuildFunc) *Memory {
	return &Memory{build: build, byID: map[string]*memStory{}}
}

// Put stores a ready ledger as story id, replacing any story of that id.
func (m *Memory) Put(id, title string, l *claimtrail.Ledger) error {
	if !ValidStoryID(id) {
		return fmt.Errorf("story %q: invalid id (letters, digits, . _ - only, at most 64)", id)
	}
	if title == "" {
		title = id
	}
	s := &memStory{arts: slices.Clone(l.Articles), ledger: l}
	s.story = summarize(id, title, l)
	m.mu.Lock()
	m.byID[id] = s
	m.mu.Unlock()
	return nil
}

func summarize(id, title string, l *claimtrail.Ledger) Story {
	st := Story{ID: id, Title: title, Articles: len(l.Articles), Updated: time.Now().UTC()}
	for _, c := range l.Claims {
		if !c.Aside {
			st.Claims++ // asides are kept apart, not counted as claims
		}
		if c.Status == claimtrail.Contested {
			st.Contested++
		}
	}
	return st
}

// Stories lists the stories whose id, title, claims, outlets or headlines
// contain every word of query, ignoring case; most recent first.
func (m *Memory) Stories(ctx context.Context, query string) ([]Story, error) {
	words := strings.Fields(strings.ToLower(query))
	m.mu.RLock()
	defer m.mu.RUnlock()
	var out []Story
	for _, s := range m.byID {
		if matches(s, words) {
			out = append(out, s.story)
		}
	}
	slices.SortFunc(out, func(a, b Story) int {
		if c := b.Updated.Compare(a.Updated); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
	return out, nil
}

func matches(s *memStory, words []string) bool {
	if len(words) == 0 {
		return true
	}
	var hay strings.Builder
	hay.WriteString(s.story.ID + "\n" + s.story.Title + "\n")
	for _, a := range s.ledger.Articles {
		hay.WriteString(a.Outlet + "\n" + a.Title + "\n")
	}
	for _, c := range s.ledger.Claims {
		hay.WriteString(c.Text + "\n")
	}
	h := strings.ToLower(hay.String())
	for _, w := range words {
		if !strings.Contains(h, w) {
			return false
		}
	}
	return true
}

// Story returns the summary of story id.
func (m *Memory) Story(ctx context.Context, id string) (Story, error) {
	m.mu.RLock()
	s, ok := m.byID[id]
	m.mu.RUnlock()
	if !ok {
		return Story{}, fmt.Errorf("story %q: %w", id, ErrNotFound)
	}
	return s.story, nil
}

// Ledger returns the ledger of story id.
func (m *Memory) Ledger(ctx context.Context, id string) (*claimtrail.Ledger, error) {
	m.mu.RLock()
	s, ok := m.byID[id]
	m.mu.RUnlock()
	if !ok {
		return nil, fmt.Errorf("story %q: %w", id, ErrNotFound)
	}
	return s.ledger, nil
}

// AddArticles appends arts to story id (creating it) and rebuilds its
// ledger from all its articles.
func (m *Memory) AddArticles(ctx context.Context, id string, arts []claimtrail.Article) (string, error) {
	if m.build == nil {
		return "", errors.New("add articles: this server has no pipeline to rebuild the ledger")
	}
	if !ValidStoryID(id) {
		return "", fmt.Errorf("%w: story %q: invalid id (letters, digits, . _ - only, at most 64)", ErrBadInput, id)
	}
	m.write.Lock()
	defer m.write.Unlock()
	m.mu.RLock()
	old := m.byID[id]
	m.mu.RUnlock()
	title := id
	var all []claimtrail.Article
	if old != nil {
		title = old.story.Title
		all = slices.Clone(old.arts)
	}
	all = append(all, arts...)
	l, err := m.build(ctx, slices.Clone(all))
	if err != nil {
		return "", fmt.Errorf("rebuild story %q: %w", id, err)
	}
	s := &memStory{arts: all, ledger: l, story: summarize(id, title, l)}
	m.mu.Lock()
	m.byID[id] = s
	m.mu.Unlock()
	return id, nil
}
