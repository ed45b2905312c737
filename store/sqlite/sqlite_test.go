package sqlite

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail/store"
	"github.com/claimtrail/claimtrail/store/storetest"
)

func openTemp(t *testing.T, opt store.Options) store.Store {
	t.Helper()
	s, err := Open(t.Context(), filepath.Join(t.TempDir(), "test.db"), opt)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestContract(t *testing.T) { storetest.Run(t, openTemp) }

func TestReopenKeepsData(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", "dir", "c.db")
	s, err := Open(t.Context(), path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	r, err := s.Put(t.Context(), storetest.Bridge(0), store.Analysis{})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err = Open(t.Context(), path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Article(t.Context(), r.ID); err != nil {
		t.Errorf("article lost on reopen: %v", err)
	}
	var mode string
	if err := s.db.QueryRow("PRAGMA journal_mode").Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("journal_mode = %q, %v; want wal", mode, err)
	}
}

func TestRefusesNewerSchema(t *testing.T) {
	path := filepath.Join(t.TempDir(), "new.db")
	s, err := Open(t.Context(), path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.Exec("PRAGMA user_version = 99"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	_, err = Open(t.Context(), path, store.Options{})
	if err == nil || !strings.Contains(err.Error(), "newer than this claimtrail") {
		t.Fatalf("Open of a newer database = %v, want a clear refusal", err)
	}
}

func TestDefaultPath(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", "/data/home")
	if p, _ := DefaultPath(); p != "/data/home/claimtrail/claimtrail.db" {
		t.Errorf("DefaultPath with XDG_DATA_HOME = %q", p)
	}
	t.Setenv("XDG_DATA_HOME", "")
	t.Setenv("HOME", "/home/u")
	if p, _ := DefaultPath(); p != "/home/u/.local/share/claimtrail/claimtrail.db" {
		t.Errorf("DefaultPath without XDG_DATA_HOME = %q", p)
	}
}

func TestOpenBadPath(t *testing.T) {
	dir := t.TempDir()
	if _, err := Open(t.Context(), dir, store.Options{}); err == nil {
		t.Error("Open of a directory succeeded")
	}
}

// TestConcurrentOpen opens one new database from several goroutines at
// once: exactly one migrates it, none fails.
func TestConcurrentOpen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "race.db")
	errs := make(chan error, 6)
	for range 6 {
		go func() {
			s, err := Open(t.Context(), path, store.Options{})
			if err == nil {
				s.Close()
			}
			errs <- err
		}()
	}
	for range 6 {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}

// TestPathWithURICharacters opens a corpus whose folder and file names hold
// the characters a file: URI gives meaning to.
func TestPathWithURICharacters(t *testing.T) {
	for _, name := range []string{"news#1/c.db", "what?/c?x=1.db", "50%/c%20d.db", "a b/c&d=e.db"} {
		path := filepath.Join(t.TempDir(), name)
		s, err := Open(t.Context(), path, store.Options{})
		if err != nil {
			t.Fatalf("Open(%q): %v", name, err)
		}
		if _, err := s.Put(t.Context(), storetest.Bridge(0), store.Analysis{}); err != nil {
			t.Fatalf("%q: %v", name, err)
		}
		s.Close()
		if _, err := os.Stat(path); err != nil {
			t.Errorf("%q: the database is not at the path given: %v", name, err)
		}
		s, err = Open(t.Context(), path, store.Options{})
		if err != nil {
			t.Fatalf("reopen %q: %v", name, err)
		}
		if _, found, err := s.Lookup(t.Context(), store.Key(storetest.Bridge(0))); err != nil || !found {
			t.Errorf("%q: article not found after reopening: %v", name, err)
		}
		s.Close()
	}
}
