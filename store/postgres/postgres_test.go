package postgres

import (
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail/store"
	"github.com/claimtrail/claimtrail/store/postgres/pgtest"
	"github.com/claimtrail/claimtrail/store/storetest"
)

func openTest(t *testing.T, opt store.Options) store.Store {
	t.Helper()
	s, err := Open(t.Context(), pgtest.DSN(t), opt)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestContract(t *testing.T) { storetest.Run(t, openTest) }

func TestRefusesNewerSchema(t *testing.T) {
	dsn := pgtest.DSN(t)
	s, err := Open(t.Context(), dsn, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.pool.Exec(t.Context(), `UPDATE claimtrail_schema SET version = 99`); err != nil {
		t.Fatal(err)
	}
	s.Close()
	_, err = Open(t.Context(), dsn, store.Options{})
	if err == nil || !strings.Contains(err.Error(), "newer than this claimtrail") {
		t.Fatalf("Open of a newer database = %v, want a clear refusal", err)
	}
}

func TestReopen(t *testing.T) {
	dsn := pgtest.DSN(t)
	for range 2 {
		s, err := Open(t.Context(), dsn, store.Options{})
		if err != nil {
			t.Fatal(err)
		}
		s.Close()
	}
}

func TestIsDSN(t *testing.T) {
	for s, want := range map[string]bool{
		"postgres://u@h/db": true, "postgresql://h/db": true, "claimtrail.db": false, "/tmp/postgres.db": false,
	} {
		if IsDSN(s) != want {
			t.Errorf("IsDSN(%q) = %v", s, !want)
		}
	}
}
