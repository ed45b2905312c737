package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"time"
)

// DB is an adapter's database as the shared read path (Reader) sees it. Its
// queries are already in the adapter's own placeholder syntax (see
// Dialect.Placeholders).
type DB interface {
	Querier
	// InTx runs fn in one transaction, committed when fn returns nil and
	// rolled back otherwise.
	InTx(ctx context.Context, fn func(Querier) error) error
}

// Querier runs queries on a database or inside a transaction.
type Querier interface {
	Query(ctx context.Context, query string, args ...any) (Rows, error)
	QueryRow(ctx context.Context, query string, args ...any) RowScanner
	// Exec runs a statement and returns how many rows it changed.
	Exec(ctx context.Context, query string, args ...any) (int64, error)
}

// RowScanner reads the columns of one result row.
type RowScanner interface {
	Scan(dest ...any) error
}

// Rows is a result set, read row by row.
type Rows interface {
	RowScanner
	Next() bool
	Err() error
	Close()
}

// Dialect holds what differs between the adapters' SQL on the read path,
// each piece named for what it is. The shared queries are written with ?
// placeholders and otherwise in SQL both databases accept.
type Dialect struct {
	// Placeholders rewrites the ? placeholders of a shared query into the
	// adapter's syntax (PostgreSQL's $1, $2, …); nil keeps them.
	Placeholders func(query string) string
	// NoRows is the error the adapter's QueryRow gives when no row matches.
	NoRows error
	// Time encodes a time as the adapter stores it (SQLite: integer
	// nanoseconds; PostgreSQL: timestamptz).
	Time func(time.Time) any
	// ScanTime decodes a stored time column value, NULL included, into a
	// UTC time (the zero time for NULL).
	ScanTime func(src any) (time.Time, error)
	// MatchQuery turns search words into the argument of the full-text
	// queries, matching all the words.
	MatchQuery func(words []string) string
	// SearchClaims finds claims by full-text search. Arguments: the match
	// query and the limit. Columns: story ID, claim ID, claim text, snippet
	// with the matched words in [brackets].
	SearchClaims string
	// SearchArticles finds articles the same way. Columns: article ID,
	// story ID, title, snippet.
	SearchArticles string
	// ClaimsTable is the table of stored claims (searchable), with columns
	// story_id, claim_id, text and status.
	ClaimsTable string
	// InsertClaim stores one claim. Arguments: story ID, claim ID, text,
	// status.
	InsertClaim string
}

// Reader is the read side of a Store, shared by the adapters as Write is on
// the write side: everything but Put and Close. An adapter embeds it.
type Reader struct {
	db DB
	d  Dialect
}

// NewReader returns the read path over db, speaking dialect d.
func NewReader(db DB, d Dialect) *Reader { return &Reader{db: db, d: d} }

// sql applies the dialect's placeholders to a shared query.
func (r *Reader) sql(query string) string {
	if r.d.Placeholders == nil {
		return query
	}
	return r.d.Placeholders(query)
}

// noRows reports whether err says that a single-row query found nothing.
func (r *Reader) noRows(err error) bool { return errors.Is(err, r.d.NoRows) }

// timeCol scans a stored time through the dialect.
type timeCol struct {
	t    *time.Time
	scan func(any) (time.Time, error)
}

// Scan implements sql.Scanner, which both database drivers honour.
func (c timeCol) Scan(src any) error {
	t, err := c.scan(src)
	if err != nil {
		return err
	}
	*c.t = t
	return nil
}

func (r *Reader) timeCol(t *time.Time) timeCol { return timeCol{t: t, scan: r.d.ScanTime} }

const recordCols = `id, key, url, outlet, title, byline, published, text, lang, path,
	paragraphs, analysis, COALESCE(copy_of, 0), story_id, ingested`

func (r *Reader) scanRecord(row RowScanner) (Record, error) {
	var rec Record
	var paras, an []byte
	a := &rec.Article
	if err := row.Scan(&rec.ID, &rec.Key, &a.URL, &a.Outlet, &a.Title, &a.Byline, r.timeCol(&a.Published),
		&a.Text, &a.Lang, &a.Path, &paras, &an, &rec.CopyOf, &rec.Story, r.timeCol(&rec.Ingested)); err != nil {
		return rec, err
	}
	a.ID = strconv.FormatInt(rec.ID, 10)
	if err := json.Unmarshal(paras, &a.Paragraphs); err != nil {
		return rec, fmt.Errorf("article %d: decode paragraphs: %w", rec.ID, err)
	}
	if err := json.Unmarshal(an, &rec.Analysis); err != nil {
		return rec, fmt.Errorf("article %d: decode analysis: %w", rec.ID, err)
	}
	return rec, nil
}

// Lookup finds the stored article with the given key.
func (r *Reader) Lookup(ctx context.Context, key string) (int64, bool, error) {
	var id int64
	err := r.db.QueryRow(ctx, r.sql(`SELECT id FROM articles WHERE key = ?`), key).Scan(&id)
	if r.noRows(err) {
		return 0, false, nil
	}
	if err != nil {
		return 0, false, fmt.Errorf("look up %s: %w", key, err)
	}
	return id, true, nil
}

// Article returns one stored article.
func (r *Reader) Article(ctx context.Context, id int64) (*Record, error) {
	rec, err := r.scanRecord(r.db.QueryRow(ctx, r.sql(`SELECT `+recordCols+` FROM articles WHERE id = ?`), id))
	if r.noRows(err) {
		return nil, fmt.Errorf("article %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("article %d: %w", id, err)
	}
	return &rec, nil
}

// StoryArticles returns a story's articles, oldest first.
func (r *Reader) StoryArticles(ctx context.Context, story int64) ([]Record, error) {
	out, err := collect(ctx, r.db, r.sql(`SELECT `+recordCols+` FROM articles WHERE story_id = ? ORDER BY at, id`),
		[]any{story}, r.scanRecord)
	if err != nil {
		return nil, fmt.Errorf("story %d articles: %w", story, err)
	}
	if len(out) == 0 {
		if _, err := r.Story(ctx, story); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// RecentStoryArticles returns up to limit of a story's most recent
// articles, oldest first, read through q: an adapter's write transaction,
// for story assignment (Tx.StoryArticles) to see what the transaction sees.
func RecentStoryArticles(ctx context.Context, q Querier, d Dialect, story int64, limit int) ([]Record, error) {
	r := &Reader{d: d}
	out, err := collect(ctx, q, r.sql(`SELECT `+recordCols+` FROM articles WHERE story_id = ? ORDER BY at DESC, id DESC LIMIT ?`),
		[]any{story, limit}, r.scanRecord)
	if err != nil {
		return nil, fmt.Errorf("story %d articles: %w", story, err)
	}
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return out, nil
}

const summaryCols = `s.id, s.title, s.started, s.updated, s.version + s.revisions, s.ledger_version, s.claims, s.contested,
	(SELECT COUNT(*) FROM articles a WHERE a.story_id = s.id),
	(SELECT COUNT(*) FROM articles a WHERE a.story_id = s.id AND a.copy_of IS NOT NULL),
	(SELECT COUNT(DISTINCT a.outlet) FROM articles a WHERE a.story_id = s.id AND a.outlet <> '')`

func (r *Reader) scanSummary(row RowScanner) (StorySummary, error) {
	var st StorySummary
	var built int64
	err := row.Scan(&st.ID, &st.Title, r.timeCol(&st.Started), r.timeCol(&st.Updated), &st.Version, &built,
		&st.Claims, &st.Contested, &st.Articles, &st.Copies, &st.Outlets)
	st.Stale = st.Version > built
	return st, err
}

// Story returns the summary of one story.
func (r *Reader) Story(ctx context.Context, id int64) (*StorySummary, error) {
	st, err := r.scanSummary(r.db.QueryRow(ctx, r.sql(`SELECT `+summaryCols+` FROM stories s WHERE s.id = ?`), id))
	if r.noRows(err) {
		return nil, fmt.Errorf("story %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("story %d: %w", id, err)
	}
	return &st, nil
}

// Stories lists stories updated at or after q.Since, most recent first.
func (r *Reader) Stories(ctx context.Context, q StoryQuery) ([]StorySummary, error) {
	query := `SELECT ` + summaryCols + ` FROM stories s`
	var args []any
	if !q.Since.IsZero() {
		query += ` WHERE s.updated >= ?`
		args = append(args, r.d.Time(q.Since))
	}
	query += ` ORDER BY s.updated DESC, s.id DESC`
	if q.Limit > 0 {
		query += ` LIMIT ?`
		args = append(args, q.Limit)
	}
	out, err := collect(ctx, r.db, r.sql(query), args, r.scanSummary)
	if err != nil {
		return nil, fmt.Errorf("list stories: %w", err)
	}
	return out, nil
}

// SetLedger records the summary of a story's ledger.
func (r *Reader) SetLedger(ctx context.Context, story, version int64, l LedgerSummary) error {
	err := r.db.InTx(ctx, func(tx Querier) error {
		n, err := tx.Exec(ctx, r.sql(`UPDATE stories SET ledger_version = ?, claims = ?, contested = ?
			WHERE id = ? AND ledger_version <= ?`), version, l.ToCheck(), l.Contested(), story, version)
		if err != nil {
			return err
		}
		if n == 0 {
			// Either no such story, or a ledger built later is already there.
			return r.storyExists(ctx, tx, story)
		}
		if _, err := tx.Exec(ctx, r.sql(`DELETE FROM `+r.d.ClaimsTable+` WHERE story_id = ?`), story); err != nil {
			return err
		}
		for _, c := range l.Claims {
			if _, err := tx.Exec(ctx, r.sql(r.d.InsertClaim), story, c.ID, c.Text, string(c.Status)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("set ledger of story %d: %w", story, err)
	}
	return nil
}

// storyExists returns nil when the story exists, ErrNotFound otherwise.
func (r *Reader) storyExists(ctx context.Context, q Querier, story int64) error {
	var n int
	if err := q.QueryRow(ctx, r.sql(`SELECT COUNT(*) FROM stories WHERE id = ?`), story).Scan(&n); err != nil {
		return err
	}
	if n == 0 {
		return ErrNotFound
	}
	return nil
}

// StaleStories lists stories whose ledger summary is missing or outdated.
func (r *Reader) StaleStories(ctx context.Context) ([]int64, error) {
	ids, err := collect(ctx, r.db, `SELECT id FROM stories WHERE version + revisions > ledger_version ORDER BY id`, nil,
		func(row RowScanner) (int64, error) {
			var id int64
			err := row.Scan(&id)
			return id, err
		})
	if err != nil {
		return nil, fmt.Errorf("stale stories: %w", err)
	}
	return ids, nil
}

// Search finds claims and articles matching all the words of text: claims
// first, each kind best first.
func (r *Reader) Search(ctx context.Context, text string, limit int) ([]Hit, error) {
	words := SearchWords(text)
	if len(words) == 0 {
		return nil, errors.New("search: no words to search for")
	}
	q := r.d.MatchQuery(words)
	if limit <= 0 {
		limit = 20
	}
	claims, err := collect(ctx, r.db, r.sql(r.d.SearchClaims), []any{q, limit}, func(row RowScanner) (Hit, error) {
		h := Hit{Kind: HitClaim}
		err := row.Scan(&h.Story, &h.Claim, &h.Title, &h.Snippet)
		return h, err
	})
	if err != nil {
		return nil, fmt.Errorf("search claims: %w", err)
	}
	articles, err := collect(ctx, r.db, r.sql(r.d.SearchArticles), []any{q, limit}, func(row RowScanner) (Hit, error) {
		h := Hit{Kind: HitArticle}
		err := row.Scan(&h.Article, &h.Story, &h.Title, &h.Snippet)
		return h, err
	})
	if err != nil {
		return nil, fmt.Errorf("search articles: %w", err)
	}
	return append(claims, articles...), nil
}

// Feed returns what is remembered about a polled feed.
func (r *Reader) Feed(ctx context.Context, u string) (FeedState, error) {
	f := FeedState{URL: u}
	err := r.db.QueryRow(ctx, r.sql(`SELECT etag, last_modified, checked FROM feeds WHERE url = ?`), u).
		Scan(&f.ETag, &f.LastModified, r.timeCol(&f.Checked))
	if r.noRows(err) {
		return f, nil
	}
	if err != nil {
		return f, fmt.Errorf("feed %s: %w", u, err)
	}
	return f, nil
}

// SetFeed remembers a feed's validators and poll time.
func (r *Reader) SetFeed(ctx context.Context, f FeedState) error {
	_, err := r.db.Exec(ctx, r.sql(`INSERT INTO feeds (url, etag, last_modified, checked) VALUES (?, ?, ?, ?)
		ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, checked = excluded.checked`),
		f.URL, f.ETag, f.LastModified, r.d.Time(f.Checked))
	if err != nil {
		return fmt.Errorf("feed %s: %w", f.URL, err)
	}
	return nil
}

// collect runs a query and scans every row with scan.
func collect[T any](ctx context.Context, q Querier, query string, args []any, scan func(RowScanner) (T, error)) ([]T, error) {
	rows, err := q.Query(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}
