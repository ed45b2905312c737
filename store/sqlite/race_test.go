package sqlite

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"

	"github.com/claimtrail/claimtrail/store"
)

// TestConcurrentFirstOpen opens a brand-new database file from several
// processes at once, as `watch` and `worker` started together do: every
// open must succeed.
func TestConcurrentFirstOpen(t *testing.T) {
	if path := os.Getenv("CLAIMTRAIL_TEST_OPEN"); path != "" {
		s, err := Open(context.Background(), path, store.Options{})
		if err != nil {
			fmt.Println(err)
			os.Exit(3)
		}
		s.Close()
		os.Exit(0)
	}
	for round := range 10 {
		path := filepath.Join(t.TempDir(), "new.db")
		var wg sync.WaitGroup
		outs := make([][]byte, 4)
		errs := make([]error, len(outs))
		for i := range outs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				cmd := exec.Command(os.Args[0], "-test.run=^TestConcurrentFirstOpen$")
				cmd.Env = append(os.Environ(), "CLAIMTRAIL_TEST_OPEN="+path)
				outs[i], errs[i] = cmd.CombinedOutput()
			}()
		}
		wg.Wait()
		for i, err := range errs {
			if err != nil {
				t.Fatalf("round %d, process %d: %v\n%s", round, i, err, outs[i])
			}
		}
	}
}
