// Package postgres is claimtrail's team store: a store.Store in PostgreSQL
// (github.com/jackc/pgx/v5), with tsvector full-text search over articles
// and claims. Writers are serialised by a transaction-scoped advisory lock,
// so any number of workers may ingest at once. The schema is migrated on
// open by the versioned scripts embedded from migrations/; a database
// written by a newer claimtrail is refused.
package postgres

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/store"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// Lock keys of the advisory locks claimtrail takes.
const (
	writeLock   int64 = 0x636c61696d01 // one article write at a time
	migrateLock int64 = 0x636c61696d02 // one migration at a time
)

// Store is a store.Store in a PostgreSQL database.
type Store struct {
	*store.Reader
	pool *pgxpool.Pool
	opt  store.Options
}

var _ store.Store = (*Store)(nil)

// IsDSN reports whether s names a PostgreSQL database rather than a file.
func IsDSN(s string) bool {
	return strings.HasPrefix(s, "postgres://") || strings.HasPrefix(s, "postgresql://")
}

// DefaultConnectTimeout bounds the wait for a server to answer a new
// connection when the DSN sets no connect_timeout of its own.
const DefaultConnectTimeout = 10 * time.Second

// Open connects to the database at dsn and brings its schema up to date.
// A search_path parameter in dsn selects the schema; connect_timeout (in
// seconds) replaces DefaultConnectTimeout.
func Open(ctx context.Context, dsn string, opt store.Options) (*Store, error) {
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("open postgres: %w", err)
	}
	if cfg.ConnConfig.ConnectTimeout <= 0 {
		cfg.ConnConfig.ConnectTimeout = DefaultConnectTimeout
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("open postgres: %w", err)
	}
	s := &Store{Reader: store.NewReader(newDB(pool), dialect), pool: pool, opt: opt}
	if err := s.migrate(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("open postgres %s@%s/%s: %w", cfg.ConnConfig.User, cfg.ConnConfig.Host, cfg.ConnConfig.Database, err)
	}
	return s, nil
}

// Pool is the connection pool, shared with the job queue.
func (s *Store) Pool() *pgxpool.Pool { return s.pool }

// Close closes the connection pool.
func (s *Store) Close() error {
	s.pool.Close()
	return nil
}

// migrations returns the embedded scripts; script i brings the schema to
// version i+1.
func migrations() ([]string, error) { return store.Migrations(migrationFS) }

// SchemaVersion is the schema version this build of claimtrail writes.
func SchemaVersion() int {
	m, _ := migrations()
	return len(m)
}

// migrate applies pending migrations under an advisory lock, in one
// transaction, and refuses a database newer than this binary.
func (s *Store) migrate(ctx context.Context) error {
	scripts, err := migrations()
	if err != nil {
		return fmt.Errorf("read migrations: %w", err)
	}
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(ctx)
	if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, migrateLock); err != nil {
		return fmt.Errorf("lock for migration: %w", err)
	}
	if _, err := tx.Exec(ctx, `CREATE TABLE IF NOT EXISTS claimtrail_schema (version INTEGER NOT NULL)`); err != nil {
		return fmt.Errorf("read schema version: %w", err)
	}
	var have int
	err = tx.QueryRow(ctx, `SELECT version FROM claimtrail_schema`).Scan(&have)
	if errors.Is(err, pgx.ErrNoRows) {
		_, err = tx.Exec(ctx, `INSERT INTO claimtrail_schema (version) VALUES (0)`)
	}
	if err != nil {
		return fmt.Errorf("read schema version: %w", err)
	}
	if have > len(scripts) {
		return fmt.Errorf("database schema version %d is newer than this claimtrail supports (%d): upgrade claimtrail", have, len(scripts))
	}
	for v := have; v < len(scripts); v++ {
		if _, err := tx.Exec(ctx, scripts[v]); err != nil {
			return fmt.Errorf("migrate to version %d: %w", v+1, err)
		}
	}
	if _, err := tx.Exec(ctx, `UPDATE claimtrail_schema SET version = $1`, len(scripts)); err != nil {
		return fmt.Errorf("record schema version: %w", err)
	}
	return tx.Commit(ctx)
}

// Put stores one article; see store.Store.
func (s *Store) Put(ctx context.Context, a *claimtrail.Article, an store.Analysis) (store.PutResult, error) {
	res, err := store.Write(ctx, s.begin, a, an, s.opt)
	if err != nil {
		return res, fmt.Errorf("put %s: %w", articleName(a), err)
	}
	return res, nil
}

// PutAll stores articles in one transaction, all or none; see
// store.Store.
func (s *Store) PutAll(ctx context.Context, arts []*claimtrail.Article, an []store.Analysis) ([]store.PutResult, error) {
	res, err := store.WriteAll(ctx, s.begin, arts, an, s.opt)
	if err != nil {
		return nil, fmt.Errorf("put %d article(s): %w", len(arts), err)
	}
	return res, nil
}

func articleName(a *claimtrail.Article) string {
	for _, s := range []string{a.Path, a.URL, a.Title} {
		if s != "" {
			return s
		}
	}
	return "article"
}

func (s *Store) begin(ctx context.Context) (store.Tx, error) {
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return nil, err
	}
	// The write need not wait for its WAL flush: a server crash can lose
	// only the last writes, never half of one, and the job that made a
	// lost write is not yet marked done, because the later (synchronous)
	// commit that marks it done flushes the WAL up to and past this one.
	if _, err := tx.Exec(ctx, `SET LOCAL synchronous_commit = off; SELECT pg_advisory_xact_lock(`+fmt.Sprint(writeLock)+`)`); err != nil {
		tx.Rollback(ctx)
		return nil, fmt.Errorf("lock for write: %w", err)
	}
	return &writeTx{tx: tx, ctx: ctx}, nil
}

// writeTx implements store.Tx on a PostgreSQL transaction.
type writeTx struct {
	tx  pgx.Tx
	ctx context.Context // for Commit and Rollback
}

func (w *writeTx) Commit() error { return w.tx.Commit(w.ctx) }

// Rollback uses a fresh context: a transaction must be rolled back even when
// the write's context was cancelled.
func (w *writeTx) Rollback() error {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	return w.tx.Rollback(ctx)
}

// StoryArticles reads a story's most recent articles inside the
// transaction (store.RecentStoryArticles).
func (w *writeTx) StoryArticles(ctx context.Context, story int64, limit int) ([]store.Record, error) {
	return store.RecentStoryArticles(ctx, conn{w.tx}, dialect, story, limit)
}

// MergeStory moves story from's articles, index entries and size into
// story into and deletes from.
func (w *writeTx) MergeStory(ctx context.Context, into, from int64) error {
	both, only := []any{into, from}, []any{from}
	for _, q := range []struct {
		sql  string
		args []any
	}{
		{`UPDATE articles SET story_id = $1 WHERE story_id = $2`, both},
		{`INSERT INTO story_terms (term, story_id, last_seen, articles)
			SELECT term, $1::bigint, last_seen, articles FROM story_terms WHERE story_id = $2
			ON CONFLICT (term, story_id) DO UPDATE SET last_seen = GREATEST(story_terms.last_seen, excluded.last_seen),
				articles = story_terms.articles + excluded.articles`, both},
		{`DELETE FROM story_terms WHERE story_id = $1`, only},
		{`UPDATE stories SET started = LEAST(started, (SELECT started FROM stories WHERE id = $2)),
			updated = GREATEST(updated, (SELECT updated FROM stories WHERE id = $2)),
			version = version + (SELECT version + revisions FROM stories WHERE id = $2) WHERE id = $1`, both},
		{`DELETE FROM claims WHERE story_id = $1`, only},
		{`DELETE FROM stories WHERE id = $1`, only},
	} {
		if _, err := w.tx.Exec(ctx, q.sql, q.args...); err != nil {
			return err
		}
	}
	return nil
}

func (w *writeTx) ByKey(ctx context.Context, key string) (store.Candidate, bool, error) {
	c, err := scanCandidate(w.tx.QueryRow(ctx, `SELECT `+candidateCols+` FROM articles WHERE key = $1`, key))
	if errors.Is(err, pgx.ErrNoRows) {
		return c, false, nil
	}
	return c, err == nil, err
}

func (w *writeTx) UpdateArticle(ctx context.Context, id int64, r *store.Row) error {
	a := r.Article
	paras, an, terms, err := r.JSON()
	if err != nil {
		return err
	}
	var published *time.Time
	if !a.Published.IsZero() {
		published = &a.Published
	}
	// tsv is a generated column: it follows the new title and text.
	if _, err := w.tx.Exec(ctx, `UPDATE articles SET content_hash = $1, url = $2, outlet = $3, title = $4, byline = $5,
		published = $6, at = $7, text = $8, lang = $9, path = $10, paragraphs = $11, analysis = $12, terms = $13,
		signature = $14 WHERE id = $15`,
		r.ContentHash, a.URL, a.Outlet, a.Title, a.Byline, published, r.At, a.Text, a.Lang, a.Path,
		paras, an, terms, r.Signature, id); err != nil {
		return err
	}
	if _, err := w.tx.Exec(ctx, `DELETE FROM article_bands WHERE article_id = $1`, id); err != nil {
		return fmt.Errorf("index bands: %w", err)
	}
	if err := w.insertBands(ctx, id, r.Bands); err != nil {
		return err
	}
	_, err = w.tx.Exec(ctx, `UPDATE stories SET revisions = revisions + 1, updated = GREATEST(updated, $1) WHERE id = $2`,
		r.At, r.Story)
	return err
}

// insertBands files an article under its MinHash band keys.
func (w *writeTx) insertBands(ctx context.Context, id int64, bands []int64) error {
	if len(bands) == 0 {
		return nil
	}
	if _, err := w.tx.Exec(ctx, `INSERT INTO article_bands (band, article_id)
		SELECT DISTINCT b, $2::bigint FROM unnest($1::bigint[]) AS b`, bands, id); err != nil {
		return fmt.Errorf("index bands: %w", err)
	}
	return nil
}

const candidateCols = `id, COALESCE(copy_of, 0), story_id, content_hash, signature, at, text, outlet`

func scanCandidate(row pgx.Row) (store.Candidate, error) {
	var c store.Candidate
	err := row.Scan(&c.ID, &c.CopyOf, &c.Story, &c.ContentHash, &c.Signature, &c.At, &c.Text, &c.Outlet)
	c.At = c.At.UTC()
	return c, err
}

func (w *writeTx) CopyCandidates(ctx context.Context, hash string, bands []int64) ([]store.Candidate, error) {
	if bands == nil {
		bands = []int64{}
	}
	// A UNION, not an OR: the planner turns "hash OR band" into a scan.
	rows, err := w.tx.Query(ctx, `SELECT `+candidateCols+` FROM articles WHERE id IN (
		SELECT id FROM articles WHERE content_hash = $1
		UNION SELECT article_id FROM article_bands WHERE band = ANY($2)) ORDER BY id LIMIT 256`, hash, bands)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []store.Candidate
	for rows.Next() {
		c, err := scanCandidate(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

func (w *writeTx) Candidate(ctx context.Context, id int64) (store.Candidate, error) {
	return scanCandidate(w.tx.QueryRow(ctx, `SELECT `+candidateCols+` FROM articles WHERE id = $1`, id))
}

func (w *writeTx) Postings(ctx context.Context, terms []string, since time.Time, perTerm int) ([]store.Posting, error) {
	rows, err := w.tx.Query(ctx, `SELECT t.term, p.story_id, p.articles, s.started, s.version
		FROM unnest($1::text[]) AS t(term)
		CROSS JOIN LATERAL (SELECT story_id, articles FROM story_terms
			WHERE term = t.term AND last_seen >= $2 ORDER BY last_seen DESC LIMIT $3) p
		JOIN stories s ON s.id = p.story_id`, terms, since, perTerm)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []store.Posting
	for rows.Next() {
		var p store.Posting
		if err := rows.Scan(&p.Term, &p.Story, &p.Count, &p.Started, &p.Size); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

func (w *writeTx) TermCounts(ctx context.Context, terms []string) (map[string]int, int, error) {
	rows, err := w.tx.Query(ctx, `SELECT term, articles FROM term_df WHERE term = ANY($1)`, append([]string{""}, terms...))
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	counts := map[string]int{}
	for rows.Next() {
		var t string
		var n int
		if err := rows.Scan(&t, &n); err != nil {
			return nil, 0, err
		}
		counts[t] = n
	}
	total := counts[""]
	delete(counts, "")
	return counts, total, rows.Err()
}

func (w *writeTx) CountTerms(ctx context.Context, terms []string) error {
	_, err := w.tx.Exec(ctx, `INSERT INTO term_df (term, articles)
		SELECT DISTINCT t, 1 FROM unnest($1::text[]) AS t
		ON CONFLICT (term) DO UPDATE SET articles = term_df.articles + 1`, append([]string{""}, terms...))
	return err
}

func (w *writeTx) NewStory(ctx context.Context, title string, at time.Time) (int64, error) {
	var id int64
	err := w.tx.QueryRow(ctx, `INSERT INTO stories (title, started, updated, version) VALUES ($1, $2, $2, 0) RETURNING id`,
		title, at).Scan(&id)
	return id, err
}

func (w *writeTx) InsertArticle(ctx context.Context, r *store.Row) (int64, error) {
	a := r.Article
	paras, an, terms, err := r.JSON()
	if err != nil {
		return 0, err
	}
	var published *time.Time
	if !a.Published.IsZero() {
		published = &a.Published
	}
	var copyOf *int64
	if r.CopyOf != 0 {
		copyOf = &r.CopyOf
	}
	var id int64
	err = w.tx.QueryRow(ctx, `INSERT INTO articles (key, content_hash, url, outlet, title, byline,
		published, at, text, lang, path, paragraphs, analysis, terms, signature, copy_of, story_id, ingested)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18) RETURNING id`,
		r.Key, r.ContentHash, a.URL, a.Outlet, a.Title, a.Byline, published, r.At, a.Text, a.Lang,
		a.Path, paras, an, terms, r.Signature, copyOf, r.Story, r.Ingested).Scan(&id)
	if err != nil {
		return 0, err
	}
	if err := w.insertBands(ctx, id, r.Bands); err != nil {
		return 0, err
	}
	return id, nil
}

func (w *writeTx) Repoint(ctx context.Context, from, to int64) error {
	_, err := w.tx.Exec(ctx, `UPDATE articles SET copy_of = $1 WHERE id = $2 OR copy_of = $2`, to, from)
	return err
}

func (w *writeTx) TouchStory(ctx context.Context, story int64, terms []string, at time.Time) error {
	if _, err := w.tx.Exec(ctx, `UPDATE stories SET started = LEAST(started, $1), updated = GREATEST(updated, $1),
		version = version + 1 WHERE id = $2`, at, story); err != nil {
		return err
	}
	if len(terms) == 0 {
		return nil
	}
	_, err := w.tx.Exec(ctx, `INSERT INTO story_terms (term, story_id, last_seen)
		SELECT t, $2::bigint, $3::timestamptz FROM unnest($1::text[]) AS t
		ON CONFLICT (term, story_id) DO UPDATE SET last_seen = GREATEST(story_terms.last_seen, excluded.last_seen),
			articles = story_terms.articles + 1`,
		terms, story, at)
	return err
}
