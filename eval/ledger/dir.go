package ledger

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
)

// Stories returns the names of the folders under dir that hold a
// gold.json, in name order.
func Stories(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("gold stories: %w", err)
	}
	var out []string
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		if st, err := os.Stat(filepath.Join(dir, e.Name(), "gold.json")); err == nil && st.Mode().IsRegular() {
			out = append(out, e.Name())
		}
	}
	sort.Strings(out)
	if len(out) == 0 {
		return nil, fmt.Errorf("gold stories: no NN-slug/gold.json folders under %s", dir)
	}
	return out, nil
}

// Source returns the ledger of one story: name is the story's folder name,
// dir its path.
type Source func(ctx context.Context, name, dir string) (*Ledger, error)

// Files returns a Source that reads NAME.json from the folder dir, as the
// reference scorer reads the ledgers run.sh keeps.
func Files(dir string) Source {
	return func(_ context.Context, name, _ string) (*Ledger, error) {
		return ReadLedger(filepath.Join(dir, name+".json"))
	}
}

// Run scores the ledger src gives for every story under dir. A story whose
// gold.json is malformed is named in the report's Errors and left out; one
// whose ledger cannot be had scores as an empty ledger and is counted
// unreadable, as the reference scorer does. It stops when ctx is done.
func Run(ctx context.Context, dir string, src Source) (*Report, error) {
	names, err := Stories(dir)
	if err != nil {
		return nil, err
	}
	rep := &Report{Stories: []StoryScore{}}
	for _, name := range names {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		g, err := ReadGold(filepath.Join(dir, name, "gold.json"))
		if err != nil {
			rep.Errors = append(rep.Errors, err.Error())
			continue
		}
		l, lerr := src(ctx, name, filepath.Join(dir, name))
		if errors.Is(lerr, context.Canceled) || errors.Is(lerr, context.DeadlineExceeded) {
			return nil, lerr
		}
		if lerr != nil || l == nil {
			l = &Ledger{}
		}
		s := Score(g, l)
		if lerr != nil {
			msg := lerr.Error()
			s.LedgerError = &msg
		}
		rep.Stories = append(rep.Stories, s)
	}
	rep.Summarize()
	return rep, nil
}
