// Package sqlite is claimtrail's embedded store: a store.Store in one SQLite
// file (modernc.org/sqlite, pure Go), in WAL mode, with FTS5 full-text
// search over articles and claims. The schema is migrated on open by the
// versioned scripts embedded from migrations/; a database written by a newer
// claimtrail is refused.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/store"
	"modernc.org/sqlite" // registers the "sqlite" driver
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// Store is a store.Store in an SQLite database file.
type Store struct {
	*store.Reader
	db   *sql.DB
	path string
	opt  store.Options
}

var _ store.Store = (*Store)(nil)

// DefaultPath is where the corpus lives when no --db is given:
// $XDG_DATA_HOME/claimtrail/claimtrail.db, else
// ~/.local/share/claimtrail/claimtrail.db.
func DefaultPath() (string, error) {
	if dir := os.Getenv("XDG_DATA_HOME"); dir != "" && filepath.IsAbs(dir) {
		return filepath.Join(dir, "claimtrail", "claimtrail.db"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", fmt.Errorf("default database path: %w", err)
	}
	return filepath.Join(home, ".local", "share", "claimtrail", "claimtrail.db"), nil
}

// Open opens (creating when missing) the database file at path and brings
// its schema up to date.
func Open(ctx context.Context, path string, opt store.Options) (*Store, error) {
	if path == "" {
		return nil, errors.New("open sqlite: empty path")
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, fmt.Errorf("open sqlite: %w", err)
	}
	q := url.Values{}
	q.Add("_pragma", fmt.Sprintf("busy_timeout(%d)", busyTimeout.Milliseconds())) // first: the pragmas below may wait for a lock
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "synchronous(NORMAL)")
	q.Add("_pragma", "cache_size(-65536)") // 64 MiB of page cache per connection
	q.Set("_txlock", "immediate")
	db, err := sql.Open("sqlite", fileURI(path)+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("open sqlite %s: %w", path, err)
	}
	// Keep connections open: each new one runs the pragmas above and
	// starts with a cold page cache, and database/sql keeps only two idle
	// by default, which under concurrent readers (the web server) means
	// opening and closing connections all the time.
	conns := max(8, 4*runtime.GOMAXPROCS(0)) // reads never nest queries, so a bounded pool cannot deadlock
	db.SetMaxOpenConns(conns)
	db.SetMaxIdleConns(conns)
	s := &Store{Reader: store.NewReader(newDB(db), dialect), db: db, path: path, opt: opt}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open sqlite %s: %w", path, err)
	}
	return s, nil
}

// fileURI makes path an SQLite file: URI. The path is percent-encoded,
// so that a '?', '#' or '%' in a file or folder name is part of the name
// rather than the start of the URI's query or fragment.
func fileURI(path string) string {
	return "file:" + (&url.URL{Path: path}).EscapedPath()
}

// Path is the database file.
func (s *Store) Path() string { return s.path }

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

// migrations returns the embedded scripts in order; script i brings the
// schema to version i+1.
func migrations() ([]string, error) { return store.Migrations(migrationFS) }

// SchemaVersion is the schema version this build of claimtrail writes.
func SchemaVersion() int {
	m, _ := migrations()
	return len(m)
}

// migrate applies the pending migrations, each in its own transaction,
// and refuses a database newer than this binary. The version is read inside
// each (immediate, so exclusive) transaction: two processes opening a new
// database at once do not both migrate it. Switching a new file to WAL
// can fail at once with SQLITE_BUSY, without waiting for the busy timeout,
// while another process does the same; such a step is retried for as long
// as the busy timeout.
func (s *Store) migrate(ctx context.Context) error {
	scripts, err := migrations()
	if err != nil {
		return fmt.Errorf("read migrations: %w", err)
	}
	deadline := time.Now().Add(busyTimeout)
	for wait := time.Millisecond; ; {
		done, err := s.migrateStep(ctx, scripts)
		if busy(err) && time.Now().Before(deadline) {
			select {
			case <-ctx.Done():
				return ctx.Err()
			case <-time.After(wait):
			}
			wait = min(2*wait, 100*time.Millisecond)
			continue
		}
		if err != nil || done {
			return err
		}
	}
}

// busyTimeout is how long a connection waits for another's lock.
const busyTimeout = 10 * time.Second

// busy reports whether err is SQLite's SQLITE_BUSY (the database is locked).
func busy(err error) bool {
	var e *sqlite.Error
	return errors.As(err, &e) && e.Code()&0xff == 5
}

// migrateStep applies the next pending migration, if any.
func (s *Store) migrateStep(ctx context.Context, scripts []string) (done bool, err error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return false, fmt.Errorf("read schema version: %w", err)
	}
	defer tx.Rollback()
	var have int
	if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&have); err != nil {
		return false, fmt.Errorf("read schema version: %w", err)
	}
	if have > len(scripts) {
		return false, fmt.Errorf("database schema version %d is newer than this claimtrail supports (%d): upgrade claimtrail", have, len(scripts))
	}
	if have == len(scripts) {
		return true, nil
	}
	if _, err := tx.ExecContext(ctx, scripts[have]); err != nil {
		return false, fmt.Errorf("migrate to version %d: %w", have+1, err)
	}
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", have+1)); err != nil {
		return false, fmt.Errorf("migrate to version %d: %w", have+1, err)
	}
	if err := tx.Commit(); err != nil {
		return false, fmt.Errorf("migrate to version %d: %w", have+1, err)
	}
	return false, nil
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
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	return &writeTx{tx: tx}, nil
}

// nanos converts a time to the stored integer form.
func nanos(t time.Time) int64 { return t.UTC().UnixNano() }

// fromNanos converts a stored integer to a time; 0 gives the zero time.
func fromNanos(n int64) time.Time {
	if n == 0 {
		return time.Time{}
	}
	return time.Unix(0, n).UTC()
}

// writeTx implements store.Tx on an SQLite transaction.
type writeTx struct{ tx *sql.Tx }

func (w *writeTx) Commit() error   { return w.tx.Commit() }
func (w *writeTx) Rollback() error { return w.tx.Rollback() }

// StoryArticles reads a story's most recent articles inside the
// transaction (store.RecentStoryArticles).
func (w *writeTx) StoryArticles(ctx context.Context, story int64, limit int) ([]store.Record, error) {
	return store.RecentStoryArticles(ctx, conn{w.tx}, dialect, story, limit)
}

// MergeStory moves story from's articles, index entries and size into
// story into and deletes from.
func (w *writeTx) MergeStory(ctx context.Context, into, from int64) error {
	for _, q := range []string{
		`UPDATE articles SET story_id = ?1 WHERE story_id = ?2`,
		`INSERT INTO story_terms (term, story_id, last_seen, articles)
			SELECT term, ?1, last_seen, articles FROM story_terms WHERE story_id = ?2
			ON CONFLICT (term, story_id) DO UPDATE SET last_seen = MAX(last_seen, excluded.last_seen),
				articles = articles + excluded.articles`,
		`DELETE FROM story_terms WHERE story_id = ?2`,
		`UPDATE stories SET started = MIN(started, (SELECT started FROM stories WHERE id = ?2)),
			updated = MAX(updated, (SELECT updated FROM stories WHERE id = ?2)),
			version = version + (SELECT version + revisions FROM stories WHERE id = ?2) WHERE id = ?1`,
		`DELETE FROM claims_fts WHERE story_id = ?2`,
		`DELETE FROM stories WHERE id = ?2`,
	} {
		if _, err := w.tx.ExecContext(ctx, q, into, from); err != nil {
			return err
		}
	}
	return nil
}

func (w *writeTx) ByKey(ctx context.Context, key string) (store.Candidate, bool, error) {
	c, err := scanCandidate(w.tx.QueryRowContext(ctx, `SELECT `+candidateCols+` FROM articles WHERE key = ?`, key))
	if errors.Is(err, sql.ErrNoRows) {
		return c, false, nil
	}
	return c, err == nil, err
}

func (w *writeTx) UpdateArticle(ctx context.Context, id int64, r *store.Row) error {
	a := r.Article
	var oldTitle, oldText string
	if err := w.tx.QueryRowContext(ctx, `SELECT title, text FROM articles WHERE id = ?`, id).Scan(&oldTitle, &oldText); err != nil {
		return err
	}
	// articles_fts indexes articles' columns as external content: the old
	// row's words are removed with its old values.
	if _, err := w.tx.ExecContext(ctx, `INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', ?, ?, ?)`,
		id, oldTitle, oldText); err != nil {
		return fmt.Errorf("unindex text: %w", err)
	}
	paras, an, terms, err := r.JSON()
	if err != nil {
		return err
	}
	var published any
	if !a.Published.IsZero() {
		published = nanos(a.Published)
	}
	if _, err := w.tx.ExecContext(ctx, `UPDATE articles SET content_hash = ?, url = ?, outlet = ?, title = ?, byline = ?,
		published = ?, at = ?, text = ?, lang = ?, path = ?, paragraphs = ?, analysis = ?, terms = ?, signature = ?
		WHERE id = ?`,
		r.ContentHash, a.URL, a.Outlet, a.Title, a.Byline, published, nanos(r.At), a.Text, a.Lang, a.Path,
		paras, an, terms, r.Signature, id); err != nil {
		return err
	}
	if _, err := w.tx.ExecContext(ctx, `INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)`, id, a.Title, a.Text); err != nil {
		return fmt.Errorf("index text: %w", err)
	}
	if err := w.insertBands(ctx, id, r.Bands, true); err != nil {
		return err
	}
	_, err = w.tx.ExecContext(ctx, `UPDATE stories SET revisions = revisions + 1, updated = MAX(updated, ?) WHERE id = ?`,
		nanos(r.At), r.Story)
	return err
}

// insertBands files an article under its MinHash band keys, replacing
// the bands it had when replace is set.
func (w *writeTx) insertBands(ctx context.Context, id int64, bands []int64, replace bool) error {
	if replace {
		if _, err := w.tx.ExecContext(ctx, `DELETE FROM article_bands WHERE article_id = ?`, id); err != nil {
			return fmt.Errorf("index bands: %w", err)
		}
	}
	if len(bands) == 0 {
		return nil
	}
	args := make([]any, 0, 2*len(bands))
	for _, b := range bands {
		args = append(args, b, id)
	}
	if _, err := w.tx.ExecContext(ctx, `INSERT OR IGNORE INTO article_bands (band, article_id) VALUES `+
		rowPlaceholders(len(bands), 2), args...); err != nil {
		return fmt.Errorf("index bands: %w", err)
	}
	return nil
}

const candidateCols = `id, COALESCE(copy_of, 0), story_id, content_hash, signature, at, text, outlet`

func scanCandidate(sc interface{ Scan(...any) error }) (store.Candidate, error) {
	var c store.Candidate
	var at int64
	err := sc.Scan(&c.ID, &c.CopyOf, &c.Story, &c.ContentHash, &c.Signature, &at, &c.Text, &c.Outlet)
	c.At = fromNanos(at)
	return c, err
}

func (w *writeTx) CopyCandidates(ctx context.Context, hash string, bands []int64) ([]store.Candidate, error) {
	q := `SELECT ` + candidateCols + ` FROM articles WHERE content_hash = ?`
	args := []any{hash}
	if len(bands) > 0 {
		q += ` OR id IN (SELECT article_id FROM article_bands WHERE band IN (` + placeholders(len(bands)) + `))`
		for _, b := range bands {
			args = append(args, b)
		}
	}
	rows, err := w.tx.QueryContext(ctx, q+` ORDER BY id LIMIT 256`, args...)
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
	return scanCandidate(w.tx.QueryRowContext(ctx, `SELECT `+candidateCols+` FROM articles WHERE id = ?`, id))
}

func (w *writeTx) Postings(ctx context.Context, terms []string, since time.Time, perTerm int) ([]store.Posting, error) {
	stmt, err := w.tx.PrepareContext(ctx, `SELECT t.story_id, t.articles, s.started, s.version FROM story_terms t JOIN stories s ON s.id = t.story_id
		WHERE t.term = ? AND t.last_seen >= ? ORDER BY t.last_seen DESC LIMIT ?`)
	if err != nil {
		return nil, err
	}
	defer stmt.Close()
	var out []store.Posting
	for _, term := range terms {
		rows, err := stmt.QueryContext(ctx, term, nanos(since), perTerm)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			p := store.Posting{Term: term}
			var started int64
			if err := rows.Scan(&p.Story, &p.Count, &started, &p.Size); err != nil {
				rows.Close()
				return nil, err
			}
			p.Started = fromNanos(started)
			out = append(out, p)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func (w *writeTx) TermCounts(ctx context.Context, terms []string) (map[string]int, int, error) {
	args := make([]any, 0, len(terms)+1)
	args = append(args, "")
	for _, t := range terms {
		args = append(args, t)
	}
	rows, err := w.tx.QueryContext(ctx, `SELECT term, articles FROM term_df WHERE term IN (`+placeholders(len(args))+`)`, args...)
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
	args := make([]any, 0, len(terms)+1)
	args = append(args, "")
	for _, t := range terms {
		args = append(args, t)
	}
	rows := strings.TrimSuffix(strings.Repeat("(?, 1),", len(args)), ",")
	_, err := w.tx.ExecContext(ctx, `INSERT INTO term_df (term, articles) VALUES `+rows+`
		ON CONFLICT (term) DO UPDATE SET articles = articles + 1`, args...)
	return err
}

func (w *writeTx) NewStory(ctx context.Context, title string, at time.Time) (int64, error) {
	r, err := w.tx.ExecContext(ctx, `INSERT INTO stories (title, started, updated, version) VALUES (?, ?, ?, 0)`,
		title, nanos(at), nanos(at))
	if err != nil {
		return 0, err
	}
	return r.LastInsertId()
}

func (w *writeTx) InsertArticle(ctx context.Context, r *store.Row) (int64, error) {
	a := r.Article
	paras, an, terms, err := r.JSON()
	if err != nil {
		return 0, err
	}
	var published, copyOf any
	if !a.Published.IsZero() {
		published = nanos(a.Published)
	}
	if r.CopyOf != 0 {
		copyOf = r.CopyOf
	}
	res, err := w.tx.ExecContext(ctx, `INSERT INTO articles (key, content_hash, url, outlet, title, byline,
		published, at, text, lang, path, paragraphs, analysis, terms, signature, copy_of, story_id, ingested)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		r.Key, r.ContentHash, a.URL, a.Outlet, a.Title, a.Byline, published, nanos(r.At), a.Text, a.Lang,
		a.Path, paras, an, terms, r.Signature, copyOf, r.Story, nanos(r.Ingested))
	if err != nil {
		return 0, err
	}
	id, err := res.LastInsertId()
	if err != nil {
		return 0, err
	}
	if _, err := w.tx.ExecContext(ctx, `INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)`, id, a.Title, a.Text); err != nil {
		return 0, fmt.Errorf("index text: %w", err)
	}
	if err := w.insertBands(ctx, id, r.Bands, false); err != nil {
		return 0, err
	}
	return id, nil
}

func (w *writeTx) Repoint(ctx context.Context, from, to int64) error {
	_, err := w.tx.ExecContext(ctx, `UPDATE articles SET copy_of = ? WHERE id = ? OR copy_of = ?`, to, from, from)
	return err
}

func (w *writeTx) TouchStory(ctx context.Context, story int64, terms []string, at time.Time) error {
	if _, err := w.tx.ExecContext(ctx, `UPDATE stories SET started = MIN(started, ?), updated = MAX(updated, ?),
		version = version + 1 WHERE id = ?`, nanos(at), nanos(at), story); err != nil {
		return err
	}
	if len(terms) == 0 {
		return nil
	}
	args := make([]any, 0, 3*len(terms))
	for _, t := range terms {
		args = append(args, t, story, nanos(at))
	}
	_, err := w.tx.ExecContext(ctx, `INSERT INTO story_terms (term, story_id, last_seen) VALUES `+rowPlaceholders(len(terms), 3)+`
		ON CONFLICT (term, story_id) DO UPDATE SET last_seen = MAX(last_seen, excluded.last_seen),
			articles = articles + 1`, args...)
	return err
}

// rowPlaceholders returns n rows of m placeholders: "(?, ?), (?, ?)".
func rowPlaceholders(n, m int) string {
	row := "(" + placeholders(m) + ")"
	return strings.TrimSuffix(strings.Repeat(row+",", n), ",")
}

func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?,", n), ",")
}
