package main

import (
	"fmt"
	"io"

	"github.com/claimtrail/claimtrail/pipeline"
	"github.com/claimtrail/claimtrail/stance"
	"github.com/claimtrail/claimtrail/story"
)

// defaultJudge returns the embedded stance model as the ledger's judge of
// articles with no statement about a claim. Without a usable model the
// ledger still stands on statements alone, so a failure is a warning.
func defaultJudge(stderr io.Writer) story.Judge {
	m, err := stance.Default()
	if err != nil {
		fmt.Fprintln(stderr, "claimtrail: warning: stance model unavailable, stances come from statements only:", err)
		return nil
	}
	return pipeline.NewStanceJudge(m)
}
