package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/claimtrail/claimtrail/store"
)

const recordCols = `id, key, url, outlet, title, byline, COALESCE(published, 0), text, lang, path,
	paragraphs, analysis, COALESCE(copy_of, 0), story_id, ingested`

func scanRecord(sc interface{ Scan(...any) error }) (store.Record, error) {
	var r store.Record
	var published, ingested int64
	var paras, an string
	a := &r.Article
	if err := sc.Scan(&r.ID, &r.Key, &a.URL, &a.Outlet, &a.Title, &a.Byline, &published, &a.Text, &a.Lang,
		&a.Path, &paras, &an, &r.CopyOf, &r.Story, &ingested); err != nil {
		return r, err
	}
	a.ID = strconv.FormatInt(r.ID, 10)
	a.Published = fromNanos(published)
	r.Ingested = fromNanos(ingested)
	if err := json.Unmarshal([]byte(paras), &a.Paragraphs); err != nil {
		return r, fmt.Errorf("article %d: decode paragraphs: %w", r.ID, err)
	}
	if err := json.Unmarshal([]byte(an), &r.Analysis); err != nil {
		return r, fmt.Errorf("article %d: decode analysis: %w", r.ID, err)
	}
	return r, nil
}

// Lookup finds the stored article with the given key.
func (s *Store) Lookup(ctx context.Context, key string) (int64, bool, error) {
	var id int64
	err := s.db.QueryRowContext(ctx, `SELECT id FROM articles WHERE key = ?`, key).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, false, nil
	}
	if err != nil {
		return 0, false, fmt.Errorf("look up %s: %w", key, err)
	}
	return id, true, nil
}

// Article returns one stored article.
func (s *Store) Article(ctx context.Context, id int64) (*store.Record, error) {
	r, err := scanRecord(s.db.QueryRowContext(ctx, `SELECT `+recordCols+` FROM articles WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("article %d: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("article %d: %w", id, err)
	}
	return &r, nil
}

// StoryArticles returns a story's articles, oldest first.
func (s *Store) StoryArticles(ctx context.Context, story int64) ([]store.Record, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+recordCols+` FROM articles WHERE story_id = ? ORDER BY at, id`, story)
	if err != nil {
		return nil, fmt.Errorf("story %d articles: %w", story, err)
	}
	defer rows.Close()
	var out []store.Record
	for rows.Next() {
		r, err := scanRecord(rows)
		if err != nil {
			return nil, fmt.Errorf("story %d articles: %w", story, err)
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("story %d articles: %w", story, err)
	}
	if len(out) == 0 {
		if _, err := s.Story(ctx, story); err != nil {
			return nil, err
		}
	}
	return out, nil
}

const summaryCols = `s.id, s.title, s.started, s.updated, s.version + s.revisions, s.ledger_version, s.claims, s.contested,
	(SELECT COUNT(*) FROM articles a WHERE a.story_id = s.id),
	(SELECT COUNT(*) FROM articles a WHERE a.story_id = s.id AND a.copy_of IS NOT NULL),
	(SELECT COUNT(DISTINCT a.outlet) FROM articles a WHERE a.story_id = s.id AND a.outlet <> '')`

func scanSummary(sc interface{ Scan(...any) error }) (store.StorySummary, error) {
	var st store.StorySummary
	var started, updated, built int64
	err := sc.Scan(&st.ID, &st.Title, &started, &updated, &st.Version, &built, &st.Claims, &st.Contested,
		&st.Articles, &st.Copies, &st.Outlets)
	st.Started, st.Updated = fromNanos(started), fromNanos(updated)
	st.Stale = st.Version > built
	return st, err
}

// Story returns the summary of one story.
func (s *Store) Story(ctx context.Context, id int64) (*store.StorySummary, error) {
	st, err := scanSummary(s.db.QueryRowContext(ctx, `SELECT `+summaryCols+` FROM stories s WHERE s.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("story %d: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("story %d: %w", id, err)
	}
	return &st, nil
}

// Stories lists stories updated at or after q.Since, most recent first.
func (s *Store) Stories(ctx context.Context, q store.StoryQuery) ([]store.StorySummary, error) {
	limit := q.Limit
	if limit <= 0 {
		limit = -1
	}
	rows, err := s.db.QueryContext(ctx, `SELECT `+summaryCols+` FROM stories s WHERE s.updated >= ?
		ORDER BY s.updated DESC, s.id DESC LIMIT ?`, nanos(q.Since), limit)
	if err != nil {
		return nil, fmt.Errorf("list stories: %w", err)
	}
	defer rows.Close()
	var out []store.StorySummary
	for rows.Next() {
		st, err := scanSummary(rows)
		if err != nil {
			return nil, fmt.Errorf("list stories: %w", err)
		}
		out = append(out, st)
	}
	return out, rows.Err()
}

// SetLedger records the summary of a story's ledger.
func (s *Store) SetLedger(ctx context.Context, story, version int64, l store.LedgerSummary) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("set ledger of story %d: %w", story, err)
	}
	defer tx.Rollback()
	r, err := tx.ExecContext(ctx, `UPDATE stories SET ledger_version = ?, claims = ?, contested = ?
		WHERE id = ? AND ledger_version <= ?`, version, len(l.Claims), l.Contested(), story, version)
	if err != nil {
		return fmt.Errorf("set ledger of story %d: %w", story, err)
	}
	if n, _ := r.RowsAffected(); n == 0 {
		// Either no such story, or a ledger built later is already there.
		if _, err := s.Story(ctx, story); err != nil {
			return fmt.Errorf("set ledger: %w", err)
		}
		return nil
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM claims_fts WHERE story_id = ?`, story); err != nil {
		return fmt.Errorf("set ledger of story %d: %w", story, err)
	}
	for _, c := range l.Claims {
		if _, err := tx.ExecContext(ctx, `INSERT INTO claims_fts (text, story_id, claim_id, status) VALUES (?, ?, ?, ?)`,
			c.Text, story, c.ID, string(c.Status)); err != nil {
			return fmt.Errorf("set ledger of story %d: %w", story, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("set ledger of story %d: %w", story, err)
	}
	return nil
}

// StaleStories lists stories whose ledger summary is missing or outdated.
func (s *Store) StaleStories(ctx context.Context) ([]int64, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id FROM stories WHERE version + revisions > ledger_version ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("stale stories: %w", err)
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("stale stories: %w", err)
		}
		out = append(out, id)
	}
	return out, rows.Err()
}

// ftsQuery turns free text into an FTS5 query matching all its words, each
// quoted so that no word is read as FTS5 syntax.
func ftsQuery(text string) string {
	words := store.SearchWords(text)
	for i, w := range words {
		words[i] = `"` + strings.ReplaceAll(w, `"`, `""`) + `"`
	}
	return strings.Join(words, " ")
}

// Search finds claims and articles matching all the words of text.
func (s *Store) Search(ctx context.Context, text string, limit int) ([]store.Hit, error) {
	q := ftsQuery(text)
	if q == "" {
		return nil, errors.New("search: no words to search for")
	}
	if limit <= 0 {
		limit = 20
	}
	var hits []store.Hit
	rows, err := s.db.QueryContext(ctx, `SELECT story_id, claim_id, text, snippet(claims_fts, 0, '[', ']', '…', 16)
		FROM claims_fts WHERE claims_fts MATCH ? ORDER BY rank LIMIT ?`, q, limit)
	if err != nil {
		return nil, fmt.Errorf("search claims: %w", err)
	}
	for rows.Next() {
		h := store.Hit{Kind: store.HitClaim}
		if err := rows.Scan(&h.Story, &h.Claim, &h.Title, &h.Snippet); err != nil {
			rows.Close()
			return nil, fmt.Errorf("search claims: %w", err)
		}
		hits = append(hits, h)
	}
	rows.Close()
	rows, err = s.db.QueryContext(ctx, `SELECT a.id, a.story_id, a.title, snippet(articles_fts, 1, '[', ']', '…', 16)
		FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
		WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?`, q, limit)
	if err != nil {
		return nil, fmt.Errorf("search articles: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		h := store.Hit{Kind: store.HitArticle}
		if err := rows.Scan(&h.Article, &h.Story, &h.Title, &h.Snippet); err != nil {
			return nil, fmt.Errorf("search articles: %w", err)
		}
		hits = append(hits, h)
	}
	return hits, rows.Err()
}

// Feed returns what is remembered about a polled feed.
func (s *Store) Feed(ctx context.Context, u string) (store.FeedState, error) {
	f := store.FeedState{URL: u}
	var checked int64
	err := s.db.QueryRowContext(ctx, `SELECT etag, last_modified, checked FROM feeds WHERE url = ?`, u).
		Scan(&f.ETag, &f.LastModified, &checked)
	if errors.Is(err, sql.ErrNoRows) {
		return f, nil
	}
	if err != nil {
		return f, fmt.Errorf("feed %s: %w", u, err)
	}
	f.Checked = fromNanos(checked)
	return f, nil
}

// SetFeed remembers a feed's validators and poll time.
func (s *Store) SetFeed(ctx context.Context, f store.FeedState) error {
	_, err := s.db.ExecContext(ctx, `INSERT INTO feeds (url, etag, last_modified, checked) VALUES (?, ?, ?, ?)
		ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, checked = excluded.checked`,
		f.URL, f.ETag, f.LastModified, nanos(f.Checked))
	if err != nil {
		return fmt.Errorf("feed %s: %w", f.URL, err)
	}
	return nil
}
