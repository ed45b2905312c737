package store

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"sort"
	"strings"
	"time"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/dedup"
)

// Options tune story assignment; the zero value uses the defaults.
type Options struct {
	// Window is how far apart in time an article and a story may be for
	// the article to join it (default 7 days).
	Window time.Duration
	// MinScore is the score an article must reach with a story to join it
	// (default 2, the best balance of pairwise precision and recall on
	// the FNC-1 bodies: see store/sqlite TestFNC1Stories). Each key term
	// the article shares with the story adds the share of the story's
	// articles that have the term (so a term that one article of a big
	// story mentioned in passing adds little) times the term's rarity in
	// the corpus (see rarity: a term most articles have adds little). Two
	// single articles thus need two distinctive terms in common, or more
	// common ones.
	MinScore float64
	// PerTerm caps the stories looked at per key term, most recently
	// updated first (default 64). It bounds the cost of assignment when a
	// term is common to many stories.
	PerTerm int
	// Now gives the ingest time (default time.Now).
	Now func() time.Time
	// Group, when set, decides which story an analysed article joins, by
	// the ledger's own notion of membership (story.Members, through
	// ingest.Grouper): the term index only proposes candidate stories, and
	// the article joins the first, best scoring first, whose articles it
	// belongs with; else it starts a story. Without it (or for an article
	// without analysis) the term score decides, as above.
	Group Grouper
	// GroupCandidates caps the candidate stories Group is asked about per
	// article (default 8).
	GroupCandidates int
	// GroupMembers caps the articles of a candidate story Group sees, the
	// most recent ones (default 64): the work per article stays bounded
	// however big a story grows.
	GroupMembers int
}

// Grouper decides story membership for assignment.
type Grouper interface {
	// Belongs reports whether the analysed article a belongs to the story
	// made of members (oldest first).
	Belongs(ctx context.Context, a *claimtrail.Article, an Analysis, members []Record) (bool, error)
}

func (o Options) withDefaults() Options {
	if o.Window <= 0 {
		o.Window = 7 * 24 * time.Hour
	}
	if o.MinScore <= 0 {
		o.MinScore = 2
	}
	if o.PerTerm <= 0 {
		o.PerTerm = 64
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.GroupCandidates <= 0 {
		o.GroupCandidates = 8
	}
	if o.GroupMembers <= 0 {
		o.GroupMembers = 64
	}
	return o
}

// Tx is one write transaction of an adapter, offering the primitives Write
// is built from. An adapter's Begin must serialise writers (SQLite: BEGIN
// IMMEDIATE; PostgreSQL: a transaction-scoped advisory lock), so that two
// copies of one article arriving at once are still stored once and linked.
type Tx interface {
	// ByKey finds the stored article with the given key.
	ByKey(ctx context.Context, key string) (c Candidate, found bool, err error)
	// UpdateArticle replaces a stored article's text, metadata, analysis,
	// terms, signature and bands with r's (its key, story and copy link
	// stay) and counts one more revision of its story, which marks the
	// story's ledger stale without making the story look bigger.
	UpdateArticle(ctx context.Context, id int64, r *Row) error
	// CopyCandidates returns stored articles with the given content hash
	// or sharing at least one of the MinHash band keys.
	CopyCandidates(ctx context.Context, hash string, bands []int64) ([]Candidate, error)
	// Candidate returns one stored article as a candidate.
	Candidate(ctx context.Context, id int64) (Candidate, error)
	// Postings returns, for each term, up to perTerm stories indexed under
	// it whose last article is at or after since, most recent first.
	Postings(ctx context.Context, terms []string, since time.Time, perTerm int) ([]Posting, error)
	// TermCounts returns how many assigned articles have each of terms,
	// and how many assigned articles there are.
	TermCounts(ctx context.Context, terms []string) (counts map[string]int, total int, err error)
	// CountTerms counts one more assigned article with terms.
	CountTerms(ctx context.Context, terms []string) error
	// NewStory creates a story and returns its ID.
	NewStory(ctx context.Context, title string, at time.Time) (int64, error)
	// InsertArticle stores a new article and returns its ID.
	InsertArticle(ctx context.Context, r *Row) (int64, error)
	// StoryArticles returns up to limit of a story's articles, the most
	// recent ones, oldest first.
	StoryArticles(ctx context.Context, story int64, limit int) ([]Record, error)
	// MergeStory moves every article of story from, and its index entries,
	// into story into, and deletes from: into's version grows by from's,
	// so its ledger is stale.
	MergeStory(ctx context.Context, into, from int64) error
	// Repoint makes every copy of from, and from itself, a copy of to.
	Repoint(ctx context.Context, from, to int64) error
	// TouchStory indexes the story under terms at time at (counting one
	// more article per term), moves its time range to include at, and
	// bumps its version, which counts its articles and marks its ledger
	// stale.
	TouchStory(ctx context.Context, story int64, terms []string, at time.Time) error
	Commit() error
	Rollback() error
}

// Row is an article as InsertArticle writes it.
type Row struct {
	Key         string
	ContentHash string
	Article     *claimtrail.Article
	Analysis    Analysis
	Signature   []byte  // MinHash signature; nil for texts too short to have one
	Bands       []int64 // band keys of Signature
	Terms       []string
	CopyOf      int64
	Story       int64
	At          time.Time // published time, else ingest time
	Ingested    time.Time

	print *dedup.Print // the text's fingerprint, for finding its original
	opt   Options
}

// Candidate is a stored article that may be an earlier copy of a new one.
type Candidate struct {
	ID          int64
	CopyOf      int64
	Story       int64
	ContentHash string
	Signature   []byte
	At          time.Time
	Text        string // decides, with dedup, whether it is a copy
	Outlet      string // with Text: a text crediting this outlet copies it from a lower share
}

// Posting is one entry of the story index: a story filed under a term.
type Posting struct {
	Term    string
	Story   int64
	Started time.Time // time of the story's first article
	Count   int       // articles of the story with the term
	Size    int       // articles of the story
}

// JSON returns the row's paragraphs, analysis and key terms encoded as the
// stores keep them.
func (r *Row) JSON() (paragraphs, analysis, terms string, err error) {
	p, err := json.Marshal(r.Article.Paragraphs)
	if err != nil {
		return "", "", "", fmt.Errorf("encode paragraphs: %w", err)
	}
	an, err := json.Marshal(r.Analysis)
	if err != nil {
		return "", "", "", fmt.Errorf("encode analysis: %w", err)
	}
	t, err := json.Marshal(r.Terms)
	if err != nil {
		return "", "", "", fmt.Errorf("encode terms: %w", err)
	}
	return string(p), string(an), string(t), nil
}

// Write stores one article through a transaction from begin, following
// the rules of Store.Put. Adapters implement Put with it.
func Write(ctx context.Context, begin func(context.Context) (Tx, error), a *claimtrail.Article, an Analysis, opt Options) (PutResult, error) {
	res, err := WriteAll(ctx, begin, []*claimtrail.Article{a}, []Analysis{an}, opt)
	if err != nil {
		return PutResult{}, err
	}
	return res[0], nil
}

// WriteAll stores articles (with their analyses, an[i] for arts[i]) in one
// transaction from begin: all of them or, on any error, none. Every article
// is validated before the transaction starts. Adapters implement PutAll
// with it; an error names the article by its place in the batch when there
// is more than one.
func WriteAll(ctx context.Context, begin func(context.Context) (Tx, error), arts []*claimtrail.Article, an []Analysis, opt Options) (res []PutResult, err error) {
	if len(arts) != len(an) {
		return nil, fmt.Errorf("write: %d articles but %d analyses", len(arts), len(an))
	}
	opt = opt.withDefaults()
	name := func(i int) string {
		if len(arts) == 1 {
			return ""
		}
		return fmt.Sprintf("article %d of %d: ", i+1, len(arts))
	}
	for i, a := range arts {
		if err := Validate(a); err != nil {
			return nil, fmt.Errorf("%s%w", name(i), err)
		}
	}
	if len(arts) == 0 {
		return nil, nil
	}
	tx, err := begin(ctx)
	if err != nil {
		return nil, fmt.Errorf("begin: %w", err)
	}
	defer func() {
		if err != nil {
			tx.Rollback()
		}
	}()
	for i, a := range arts {
		r, err := writeIn(ctx, tx, newRow(a, an[i], opt))
		if err != nil {
			return nil, fmt.Errorf("%s%w", name(i), err)
		}
		res = append(res, r)
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("commit: %w", err)
	}
	return res, nil
}

// newRow prepares an article's row: key, hashes, terms, times, MinHash
// signature and bands.
func newRow(a *claimtrail.Article, an Analysis, opt Options) *Row {
	now := opt.Now().UTC()
	row := &Row{
		Key:         Key(a),
		ContentHash: ContentHash(a.Text),
		Article:     a,
		Analysis:    an,
		Terms:       Terms(a, an),
		At:          now,
		Ingested:    now,
		opt:         opt,
	}
	if !a.Published.IsZero() {
		row.At = a.Published.UTC()
	}
	row.print = dedup.NewPrintFrom(a.Text, a.Outlet)
	if sig, ok := row.print.Signature(); ok {
		row.Signature, _ = sig.MarshalBinary()
		row.Bands = row.print.Bands()
	}
	return row
}

// writeIn stores one prepared row inside tx, without committing.
func writeIn(ctx context.Context, tx Tx, row *Row) (res PutResult, err error) {
	if old, found, err := tx.ByKey(ctx, row.Key); err != nil {
		return res, fmt.Errorf("look up key: %w", err)
	} else if found {
		return update(ctx, tx, old, row)
	}
	orig, found, err := findOriginal(ctx, tx, row, row.print)
	if err != nil {
		return res, err
	}
	becomesOriginal := false
	switch {
	case found && row.At.Before(orig.At):
		// The new article predates its group: it becomes the original.
		row.Story, becomesOriginal = orig.Story, true
	case found:
		row.Story, row.CopyOf = orig.Story, orig.ID
	default:
		row.Story, res.NewStory, err = assign(ctx, tx, row, row.opt)
		if err != nil {
			return res, err
		}
		if err := tx.CountTerms(ctx, row.Terms); err != nil {
			return res, fmt.Errorf("count terms: %w", err)
		}
	}
	id, err := tx.InsertArticle(ctx, row)
	if err != nil {
		return res, fmt.Errorf("insert article: %w", err)
	}
	if becomesOriginal {
		if err := tx.Repoint(ctx, orig.ID, id); err != nil {
			return res, fmt.Errorf("repoint copies: %w", err)
		}
	}
	if err := tx.TouchStory(ctx, row.Story, row.Terms, row.At); err != nil {
		return res, fmt.Errorf("update story: %w", err)
	}
	return PutResult{ID: id, Story: row.Story, CopyOf: row.CopyOf, NewStory: res.NewStory}, nil
}

// update handles an article whose key is stored: unchanged, nothing is
// written; with other text, the stored article takes the new one. The
// caller commits.
func update(ctx context.Context, tx Tx, old Candidate, row *Row) (res PutResult, err error) {
	res = PutResult{ID: old.ID, Story: old.Story, CopyOf: old.CopyOf}
	if old.ContentHash == row.ContentHash {
		res.Existing = true
		return res, nil
	}
	if row.Article.Published.IsZero() {
		row.At = old.At // when first seen, not when updated
	}
	row.Story, row.CopyOf = old.Story, old.CopyOf
	if err := tx.UpdateArticle(ctx, old.ID, row); err != nil {
		return res, fmt.Errorf("update article %d: %w", old.ID, err)
	}
	res.Updated = true
	return res, nil
}

// findOriginal looks for the original of the group the new article is a
// copy of, as dedup.Copies does in memory: the stored articles with its
// content hash or one of its band keys each stand for their group's
// original, and dedup.Best picks the original it copies best.
func findOriginal(ctx context.Context, tx Tx, row *Row, fp *dedup.Print) (Candidate, bool, error) {
	cands, err := tx.CopyCandidates(ctx, row.ContentHash, row.Bands)
	if err != nil {
		return Candidate{}, false, fmt.Errorf("find copies: %w", err)
	}
	origs := map[int64]Candidate{}
	for _, c := range cands {
		if c.CopyOf == 0 {
			origs[c.ID] = c
		}
	}
	for _, c := range cands {
		if _, ok := origs[c.CopyOf]; c.CopyOf != 0 && !ok {
			if origs[c.CopyOf], err = tx.Candidate(ctx, c.CopyOf); err != nil {
				return Candidate{}, false, fmt.Errorf("find original: %w", err)
			}
		}
	}
	cands = cands[:0]
	for _, c := range origs {
		cands = append(cands, c)
	}
	sort.Slice(cands, func(i, j int) bool { return cands[i].ID < cands[j].ID })
	prints := make([]*dedup.Print, len(cands))
	for i, c := range cands {
		prints[i] = dedup.NewPrintFrom(c.Text, c.Outlet)
	}
	k, ok := dedup.Best(fp, prints)
	if !ok {
		return Candidate{}, false, nil
	}
	return cands[k], true, nil
}

// assign finds the story the article belongs to within the time window,
// or starts a new one: by opt.Group when set and the article is analysed,
// else by the term score. Its cost depends on the number of terms,
// opt.PerTerm and Group's caps, not on the size of the corpus.
func assign(ctx context.Context, tx Tx, row *Row, opt Options) (story int64, isNew bool, err error) {
	if len(row.Terms) > 0 {
		posts, err := tx.Postings(ctx, row.Terms, row.At.Add(-opt.Window), opt.PerTerm)
		if err != nil {
			return 0, false, fmt.Errorf("find story: %w", err)
		}
		counts, total, err := tx.TermCounts(ctx, row.Terms)
		if err != nil {
			return 0, false, fmt.Errorf("count terms: %w", err)
		}
		ranked := rankStories(posts, counts, total, row.At.Add(opt.Window))
		if opt.Group != nil && analysed(row.Analysis) {
			story, err = groupStory(ctx, tx, row, ranked, opt)
		} else if len(ranked) > 0 && ranked[0].score >= opt.MinScore {
			story = ranked[0].story
		}
		if err != nil || story != 0 {
			return story, false, err
		}
	}
	story, err = tx.NewStory(ctx, storyTitle(row.Article), row.At)
	if err != nil {
		return 0, false, fmt.Errorf("new story: %w", err)
	}
	return story, true, nil
}

// analysed reports whether an article's analysis found anything to judge
// membership by.
func analysed(an Analysis) bool { return len(an.Statements) > 0 || len(an.Entities) > 0 }

// groupStory asks opt.Group about the best scoring candidate stories and
// returns the story the article joins, or 0. An article that belongs with
// several stories joins them into one, the oldest, as analyze's grouping
// joins every article related to another: a story's articles can arrive
// before the one that shows they tell one story.
func groupStory(ctx context.Context, tx Tx, row *Row, ranked []scored, opt Options) (int64, error) {
	var joins []int64
	for i, c := range ranked {
		if i == opt.GroupCandidates {
			break
		}
		members, err := tx.StoryArticles(ctx, c.story, opt.GroupMembers)
		if err != nil {
			return 0, fmt.Errorf("read story %d: %w", c.story, err)
		}
		ok, err := opt.Group.Belongs(ctx, row.Article, row.Analysis, members)
		if err != nil {
			return 0, fmt.Errorf("story %d membership: %w", c.story, err)
		}
		if ok {
			joins = append(joins, c.story)
		}
	}
	if len(joins) == 0 {
		return 0, nil
	}
	sort.Slice(joins, func(i, j int) bool { return joins[i] < joins[j] })
	for _, from := range joins[1:] {
		if err := tx.MergeStory(ctx, joins[0], from); err != nil {
			return 0, fmt.Errorf("merge story %d into %d: %w", from, joins[0], err)
		}
	}
	return joins[0], nil
}

// AssignStory files one article under a story inside tx, exactly as Write
// does for an article that is not a copy: it picks the story sharing most
// key terms within the time window (or starts one) and indexes the story
// under the article's terms. It exists so that story assignment can be
// measured on its own.
func AssignStory(ctx context.Context, tx Tx, a *claimtrail.Article, an Analysis, opt Options) (story int64, isNew bool, err error) {
	opt = opt.withDefaults()
	row := &Row{Article: a, Terms: Terms(a, an), At: opt.Now().UTC()}
	if !a.Published.IsZero() {
		row.At = a.Published.UTC()
	}
	if story, isNew, err = assign(ctx, tx, row, opt); err != nil {
		return 0, false, err
	}
	if err := tx.CountTerms(ctx, row.Terms); err != nil {
		return 0, false, fmt.Errorf("count terms: %w", err)
	}
	if err := tx.TouchStory(ctx, story, row.Terms, row.At); err != nil {
		return 0, false, fmt.Errorf("update story: %w", err)
	}
	return story, isNew, nil
}

// rarityScale is the corpus size below which every term counts as rare.
const rarityScale = 100

// rarity weighs a term found in df of total articles: 1 for a term few
// articles have, falling towards 0 for one most have; ln((N+K)/(df+1)) /
// ln K, at most 1, with K = rarityScale so that a young corpus does not
// take every term for a common one.
func rarity(df, total int) float64 {
	r := math.Log(float64(total+rarityScale)/float64(df+1)) / math.Log(rarityScale)
	return math.Max(0, math.Min(1, r))
}

// scored is a story with its term score (see Options.MinScore).
type scored struct {
	story int64
	score float64
}

// rankStories scores the stories in posts (see Options.MinScore), best
// first; of equal scores, the newer story first. Stories started after
// latest are out of the window.
func rankStories(posts []Posting, counts map[string]int, total int, latest time.Time) []scored {
	score := map[int64]float64{}
	for _, p := range posts {
		if p.Started.After(latest) || p.Size <= 0 {
			continue
		}
		share := math.Min(1, float64(p.Count)/float64(p.Size))
		score[p.Story] += share * rarity(counts[p.Term], total)
	}
	out := make([]scored, 0, len(score))
	for s, v := range score {
		out = append(out, scored{s, v})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].score != out[j].score {
			return out[i].score > out[j].score
		}
		return out[i].story > out[j].story
	})
	return out
}

// storyTitle names a story after its first article.
func storyTitle(a *claimtrail.Article) string {
	if t := strings.TrimSpace(a.Title); t != "" {
		return t
	}
	t := strings.Join(strings.Fields(a.Text), " ")
	if len(t) > 80 {
		cut := strings.LastIndexByte(t[:80], ' ')
		if cut < 40 {
			cut = 80
		}
		t = strings.ToValidUTF8(t[:cut], "") + "…"
	}
	return t
}
