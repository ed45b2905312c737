package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/claimtrail/claimtrail/store"
	"github.com/jackc/pgx/v5"
)

const recordCols = `id, key, url, outlet, title, byline, published, text, lang, path,
	paragraphs, analysis, COALESCE(copy_of, 0), story_id, ingested`

func scanRecord(row pgx.Row) (store.Record, error) {
	var r store.Record
	var published *time.Time
	var paras, an []byte
	a := &r.Article
	if err := row.Scan(&r.ID, &r.Key, &a.URL, &a.Outlet, &a.Title, &a.Byline, &published, &a.Text, &a.Lang,
		&a.Path, &paras, &an, &r.CopyOf, &r.Story, &r.Ingested); err != nil {
		return r, err
	}
	a.ID = strconv.FormatInt(r.ID, 10)
	if published != nil {
		a.Published = published.UTC()
	}
	r.Ingested = r.Ingested.UTC()
	if err := json.Unmarshal(paras, &a.Paragraphs); err != nil {
		return r, fmt.Errorf("article %d: decode paragraphs: %w", r.ID, err)
	}
	if err := json.Unmarshal(an, &r.Analysis); err != nil {
		return r, fmt.Errorf("article %d: decode analysis: %w", r.ID, err)
	}
	return r, nil
}

// Lookup finds the stored article with the given key.
func (s *Store) Lookup(ctx context.Context, key string) (int64, bool, error) {
	var id int64
	err := s.pool.QueryRow(ctx, `SELECT id FROM articles WHERE key = $1`, key).Scan(&id)
	if errors.Is(err, pgx.ErrNoRows) {
		return 0, false, nil
	}
	if err != nil {
		return 0, false, fmt.Errorf("look up %s: %w", key, err)
	}
	return id, true, nil
}

// Article returns one stored article.
func (s *Store) Article(ctx context.Context, id int64) (*store.Record, error) {
	r, err := scanRecord(s.pool.QueryRow(ctx, `SELECT `+recordCols+` FROM articles WHERE id = $1`, id))
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, fmt.Errorf("article %d: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("article %d: %w", id, err)
	}
	return &r, nil
}

// StoryArticles returns a story's articles, oldest first.
func (s *Store) StoryArticles(ctx context.Context, story int64) ([]store.Record, error) {
	rows, err := s.pool.Query(ctx, `SELECT `+recordCols+` FROM articles WHERE story_id = $1 ORDER BY at, id`, story)
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

func scanSummary(row pgx.Row) (store.StorySummary, error) {
	var st store.StorySummary
	var built int64
	err := row.Scan(&st.ID, &st.Title, &st.Started, &st.Updated, &st.Version, &built, &st.Claims, &st.Contested,
		&st.Articles, &st.Copies, &st.Outlets)
	st.Started, st.Updated = st.Started.UTC(), st.Updated.UTC()
	st.Stale = st.Version > built
	return st, err
}

// Story returns the summary of one story.
func (s *Store) Story(ctx context.Context, id int64) (*store.StorySummary, error) {
	st, err := scanSummary(s.pool.QueryRow(ctx, `SELECT `+summaryCols+` FROM stories s WHERE s.id = $1`, id))
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, fmt.Errorf("story %d: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("story %d: %w", id, err)
	}
	return &st, nil
}

// Stories lists stories updated at or after q.Since, most recent first.
func (s *Store) Stories(ctx context.Context, q store.StoryQuery) ([]store.StorySummary, error) {
	var limit *int
	if q.Limit > 0 {
		limit = &q.Limit
	}
	since := q.Since
	if since.IsZero() {
		since = time.Unix(0, 0)
	}
	rows, err := s.pool.Query(ctx, `SELECT `+summaryCols+` FROM stories s WHERE s.updated >= $1
		ORDER BY s.updated DESC, s.id DESC LIMIT $2`, since, limit)
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
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		tag, err := tx.Exec(ctx, `UPDATE stories SET ledger_version = $1, claims = $2, contested = $3
			WHERE id = $4 AND ledger_version <= $1`, version, len(l.Claims), l.Contested(), story)
		if err != nil {
			return err
		}
		if tag.RowsAffected() == 0 {
			// Either no such story, or a ledger built later is already there.
			var exists bool
			if err := tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM stories WHERE id = $1)`, story).Scan(&exists); err != nil {
				return err
			}
			if !exists {
				return store.ErrNotFound
			}
			return nil
		}
		if _, err := tx.Exec(ctx, `DELETE FROM claims WHERE story_id = $1`, story); err != nil {
			return err
		}
		for _, c := range l.Claims {
			if _, err := tx.Exec(ctx, `INSERT INTO claims (story_id, claim_id, text, status) VALUES ($1, $2, $3, $4)
				ON CONFLICT (story_id, claim_id) DO UPDATE SET text = excluded.text, status = excluded.status`,
				story, c.ID, c.Text, string(c.Status)); err != nil {
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

// StaleStories lists stories whose ledger summary is missing or outdated.
func (s *Store) StaleStories(ctx context.Context) ([]int64, error) {
	rows, err := s.pool.Query(ctx, `SELECT id FROM stories WHERE version + revisions > ledger_version ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("stale stories: %w", err)
	}
	ids, err := pgx.CollectRows(rows, pgx.RowTo[int64])
	if err != nil {
		return nil, fmt.Errorf("stale stories: %w", err)
	}
	return ids, nil
}

// Search finds claims and articles matching all the words of text.
func (s *Store) Search(ctx context.Context, text string, limit int) ([]store.Hit, error) {
	words := store.SearchWords(text)
	if len(words) == 0 {
		return nil, errors.New("search: no words to search for")
	}
	q := strings.Join(words, " ")
	if limit <= 0 {
		limit = 20
	}
	const opts = `StartSel=[, StopSel=], MaxWords=32, MinWords=12, MaxFragments=1, FragmentDelimiter=…`
	var hits []store.Hit
	rows, err := s.pool.Query(ctx, `SELECT story_id, claim_id, text, ts_headline('english', text, q, $3)
		FROM claims, plainto_tsquery('english', $1) q WHERE tsv @@ q
		ORDER BY ts_rank(tsv, q) DESC, story_id, claim_id LIMIT $2`, q, limit, opts)
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
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("search claims: %w", err)
	}
	rows, err = s.pool.Query(ctx, `SELECT id, story_id, title, ts_headline('english', text, q, $3)
		FROM articles, plainto_tsquery('english', $1) q WHERE tsv @@ q
		ORDER BY ts_rank(tsv, q) DESC, id LIMIT $2`, q, limit, opts)
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
	err := s.pool.QueryRow(ctx, `SELECT etag, last_modified, checked FROM feeds WHERE url = $1`, u).
		Scan(&f.ETag, &f.LastModified, &f.Checked)
	if errors.Is(err, pgx.ErrNoRows) {
		return f, nil
	}
	if err != nil {
		return f, fmt.Errorf("feed %s: %w", u, err)
	}
	f.Checked = f.Checked.UTC()
	return f, nil
}

// SetFeed remembers a feed's validators and poll time.
func (s *Store) SetFeed(ctx context.Context, f store.FeedState) error {
	_, err := s.pool.Exec(ctx, `INSERT INTO feeds (url, etag, last_modified, checked) VALUES ($1, $2, $3, $4)
		ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, checked = excluded.checked`,
		f.URL, f.ETag, f.LastModified, f.Checked)
	if err != nil {
		return fmt.Errorf("feed %s: %w", f.URL, err)
	}
	return nil
}
