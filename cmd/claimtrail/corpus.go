package main

import (
	"context"
	"fmt"
	"os"

	"github.com/claimtrail/claimtrail/ingest"
	"github.com/claimtrail/claimtrail/pipeline"
	"github.com/claimtrail/claimtrail/store"
	"github.com/claimtrail/claimtrail/store/postgres"
	"github.com/claimtrail/claimtrail/store/sqlite"
)

// dbEnv names the environment variable that selects the corpus when --db
// is not given. Every command that opens the corpus reads it the same way
// (corpusDSN): --db, else $CLAIMTRAIL_DB, else the default SQLite file.
const dbEnv = "CLAIMTRAIL_DB"

const dbFlagUsage = "corpus: SQLite file or postgres:// DSN (default $" + dbEnv + ", else the user data directory)"

// corpusDSN resolves the corpus to open: --db, else $CLAIMTRAIL_DB, else
// the default SQLite file in the user's data directory. given says whether
// it was named (flag or environment) rather than defaulted.
func corpusDSN(flag string) (dsn string, err error) {
	dsn, _, err = corpusSource(flag)
	return dsn, err
}

func corpusSource(flag string) (dsn string, given bool, err error) {
	if flag != "" {
		return flag, true, nil
	}
	if env := os.Getenv(dbEnv); env != "" {
		return env, true, nil
	}
	dsn, err = sqlite.DefaultPath()
	return dsn, false, err
}

// openCorpus opens the corpus named by --db (see corpusDSN), creating a
// SQLite file that does not exist yet.
func openCorpus(ctx context.Context, flag string) (store.Store, error) {
	dsn, err := corpusDSN(flag)
	if err != nil {
		return nil, err
	}
	return openDSN(ctx, dsn, store.Options{})
}

// writeOptions are the store options of a command that stores articles it
// analyses with p: story assignment by the ledger's membership
// (ingest.Grouper).
func writeOptions(p *pipeline.Pipeline) store.Options {
	return store.Options{Group: ingest.Grouper(p)}
}

// openWriter opens the corpus at dsn for a command that stores articles.
// On SQLite the command analyses and files articles itself, so it gets a
// pipeline and the store assigns stories by the ledger's membership; on
// PostgreSQL the workers analyse, and p is nil.
func openWriter(ctx context.Context, dsn string) (p *pipeline.Pipeline, st store.Store, err error) {
	opt := store.Options{}
	if !postgres.IsDSN(dsn) {
		if p, err = pipeline.New(pipeline.Options{}); err != nil {
			return nil, nil, err
		}
		opt = writeOptions(p)
	}
	st, err = openDSN(ctx, dsn, opt)
	return p, st, err
}

// openExistingCorpus opens the corpus for reading: a default corpus that
// does not exist is an error rather than a new empty file.
func openExistingCorpus(ctx context.Context, flag string, opt store.Options) (store.Store, error) {
	dsn, given, err := corpusSource(flag)
	if err != nil {
		return nil, err
	}
	if !given {
		if _, err := os.Stat(dsn); err != nil {
			return nil, fmt.Errorf("no --db given, $%s unset, and no corpus at %s (run 'claimtrail ingest' first)", dbEnv, dsn)
		}
	}
	return openDSN(ctx, dsn, opt)
}

func openDSN(ctx context.Context, dsn string, opt store.Options) (store.Store, error) {
	if postgres.IsDSN(dsn) {
		return postgres.Open(ctx, dsn, opt)
	}
	return sqlite.Open(ctx, dsn, opt)
}
