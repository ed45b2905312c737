package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/claimtrail/claimtrail/store"
)

var _ store.Aliases = (*Store)(nil)

// SetAlias records that key leads to article id; see store.Aliases.
func (s *Store) SetAlias(ctx context.Context, key string, id int64) error {
	_, err := s.db.ExecContext(ctx, `INSERT INTO article_aliases (key, article_id) VALUES (?, ?)
		ON CONFLICT (key) DO UPDATE SET article_id = excluded.article_id`, key, id)
	if err != nil {
		return fmt.Errorf("set alias %s: %w", key, err)
	}
	return nil
}

// LookupAlias finds the article recorded for key; see store.Aliases.
func (s *Store) LookupAlias(ctx context.Context, key string) (int64, bool, error) {
	var id int64
	err := s.db.QueryRowContext(ctx, `SELECT article_id FROM article_aliases WHERE key = ?`, key).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, false, nil
	}
	if err != nil {
		return 0, false, fmt.Errorf("look up alias %s: %w", key, err)
	}
	return id, true, nil
}
