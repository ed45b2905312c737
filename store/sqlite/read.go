package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/claimtrail/claimtrail/store"
)

// dialect is SQLite's side of the shared read path: times are integer
// nanoseconds, full-text search is FTS5, claims live in the FTS5 table
// itself.
var dialect = store.Dialect{
	NoRows:     sql.ErrNoRows,
	Time:       func(t time.Time) any { return nanos(t) },
	ScanTime:   scanNanos,
	MatchQuery: ftsQuery,
	SearchClaims: `SELECT story_id, claim_id, text, snippet(claims_fts, 0, '[', ']', '…', 16)
		FROM claims_fts WHERE claims_fts MATCH ? ORDER BY rank LIMIT ?`,
	SearchArticles: `SELECT a.id, a.story_id, a.title, snippet(articles_fts, 1, '[', ']', '…', 16)
		FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
		WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?`,
	ClaimsTable: "claims_fts",
	InsertClaim: `INSERT INTO claims_fts (story_id, claim_id, text, status) VALUES (?, ?, ?, ?)`,
}

// scanNanos decodes a stored time: integer nanoseconds, NULL or 0 for none.
func scanNanos(src any) (time.Time, error) {
	switch v := src.(type) {
	case nil:
		return time.Time{}, nil
	case int64:
		return fromNanos(v), nil
	}
	return time.Time{}, fmt.Errorf("stored time is %T, not an integer", src)
}

// ftsQuery turns search words into an FTS5 query matching all of them,
// each quoted so that no word is read as FTS5 syntax.
func ftsQuery(words []string) string {
	q := make([]string, len(words))
	for i, w := range words {
		q[i] = `"` + strings.ReplaceAll(w, `"`, `""`) + `"`
	}
	return strings.Join(q, " ")
}

// conn adapts a database/sql database or transaction to store.Querier.
type conn struct{ q querier }

// db adapts database/sql to store.DB.
type db struct {
	conn
	sql *sql.DB
}

func newDB(d *sql.DB) db { return db{conn{d}, d} }

// querier is what *sql.DB and *sql.Tx share.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}

func (d conn) Query(ctx context.Context, query string, args ...any) (store.Rows, error) {
	rows, err := d.q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	return sqlRows{rows}, nil
}

func (d conn) QueryRow(ctx context.Context, query string, args ...any) store.RowScanner {
	return d.q.QueryRowContext(ctx, query, args...)
}

func (d conn) Exec(ctx context.Context, query string, args ...any) (int64, error) {
	res, err := d.q.ExecContext(ctx, query, args...)
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}

// InTx runs fn in a transaction (BEGIN IMMEDIATE, by the connection's
// _txlock, so a writer never has to upgrade a read lock).
func (d db) InTx(ctx context.Context, fn func(store.Querier) error) error {
	tx, err := d.sql.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := fn(conn{tx}); err != nil {
		return err
	}
	return tx.Commit()
}

// sqlRows gives *sql.Rows the Close of store.Rows.
type sqlRows struct{ *sql.Rows }

func (r sqlRows) Close() { r.Rows.Close() }
