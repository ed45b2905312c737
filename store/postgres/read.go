package postgres

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/claimtrail/claimtrail/store"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
)

// headline is how ts_headline marks a search snippet: matched words in
// [brackets], one fragment of 12 to 32 words.
const headline = `'StartSel=[, StopSel=], MaxWords=32, MinWords=12, MaxFragments=1, FragmentDelimiter=…'`

// dialect is PostgreSQL's side of the shared read path: numbered
// placeholders, timestamptz times, tsvector full-text search.
var dialect = store.Dialect{
	Placeholders: numbered,
	NoRows:       pgx.ErrNoRows,
	Time:         func(t time.Time) any { return t },
	ScanTime:     scanTimestamp,
	MatchQuery:   func(words []string) string { return strings.Join(words, " ") },
	SearchClaims: `SELECT story_id, claim_id, text, ts_headline('english', text, q, ` + headline + `)
		FROM claims, plainto_tsquery('english', ?) q WHERE tsv @@ q
		ORDER BY ts_rank(tsv, q) DESC, story_id, claim_id LIMIT ?`,
	SearchArticles: `SELECT id, story_id, title, ts_headline('english', text, q, ` + headline + `)
		FROM articles, plainto_tsquery('english', ?) q WHERE tsv @@ q
		ORDER BY ts_rank(tsv, q) DESC, id LIMIT ?`,
	ClaimsTable: "claims",
	InsertClaim: `INSERT INTO claims (story_id, claim_id, text, status) VALUES (?, ?, ?, ?)
		ON CONFLICT (story_id, claim_id) DO UPDATE SET text = excluded.text, status = excluded.status`,
}

// numbered rewrites ? placeholders as $1, $2, … (the shared queries hold no
// ? of their own).
func numbered(query string) string {
	var b strings.Builder
	n := 0
	for _, r := range query {
		if r != '?' {
			b.WriteRune(r)
			continue
		}
		n++
		b.WriteString("$" + strconv.Itoa(n))
	}
	return b.String()
}

// scanTimestamp decodes a timestamptz column, NULL giving the zero time.
func scanTimestamp(src any) (time.Time, error) {
	switch v := src.(type) {
	case nil:
		return time.Time{}, nil
	case time.Time:
		return v.UTC(), nil
	}
	return time.Time{}, fmt.Errorf("stored time is %T, not a timestamp", src)
}

// pgxQuerier is what a pool and a transaction share.
type pgxQuerier interface {
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
	Exec(ctx context.Context, sql string, args ...any) (pgconn.CommandTag, error)
}

// conn adapts a pool or a transaction to store.Querier.
type conn struct{ q pgxQuerier }

func (c conn) Query(ctx context.Context, query string, args ...any) (store.Rows, error) {
	return c.q.Query(ctx, query, args...)
}

func (c conn) QueryRow(ctx context.Context, query string, args ...any) store.RowScanner {
	return c.q.QueryRow(ctx, query, args...)
}

func (c conn) Exec(ctx context.Context, query string, args ...any) (int64, error) {
	tag, err := c.q.Exec(ctx, query, args...)
	return tag.RowsAffected(), err
}

// db adapts the pool to store.DB.
type db struct {
	conn
	pool *pgxpool.Pool
}

func newDB(p *pgxpool.Pool) db { return db{conn{p}, p} }

// InTx runs fn in a transaction of the pool.
func (d db) InTx(ctx context.Context, fn func(store.Querier) error) error {
	return pgx.BeginFunc(ctx, d.pool, func(tx pgx.Tx) error { return fn(conn{tx}) })
}
