package store

import "context"

// Aliases is a store that remembers other keys an article was reached
// under: the link of a feed item that redirected to the stored page. Both
// adapters implement it; ingest and the worker use it, when present, so
// that a redirected item is neither fetched again on every poll nor
// counted as new.
type Aliases interface {
	// SetAlias records that key leads to article id; a key already
	// recorded is pointed at id.
	SetAlias(ctx context.Context, key string, id int64) error
	// LookupAlias finds the article a key was recorded for.
	LookupAlias(ctx context.Context, key string) (id int64, found bool, err error)
}
