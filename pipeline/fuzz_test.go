package pipeline

import (
	"context"
	"fmt"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/load"
	"github.com/claimtrail/claimtrail/parse"
)

// FuzzLedger feeds arbitrary text through load, analysis, attribution (the
// rules and the trained labeller, as analyze runs), linking and the ledger: nothing may panic, and every span must fit its
// article's text.
func FuzzLedger(f *testing.F) {
	for _, seed := range []string{
		"Title\n\nAccording to a Coast Wire report citing senior sources, the ship sank.",
		"“Quote that never closes, said the minister.\n\n“And runs on",
		"It further said sources told X that \"nested\" per Y, Z said it.",
		"No such meetings ever took place, the ministry said. The claim of a deal is false.",
		", said , according to , citing , per",
		"$ 5 billion nearly up to more than 200,000",
		"Title\n\n'The border is safe,' he said. Velmora would join in what diplomats describe as a pact.",
		"Harbour officials flatly denied that cargo was seized, while others did not deny it.",
	} {
		f.Add(seed)
	}
	p, err := New(Options{Workers: 1})
	if err != nil {
		f.Fatal(err)
	}
	// The linker parses some statements; the parser's model loads once per
	// process, which the watchdog below is not about.
	if _, err := parse.Default(); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return
		}
		watchdog := time.AfterFunc(5*time.Second, func() { panic(fmt.Sprintf("load and ledger took over 5 s on %q", text)) })
		defer watchdog.Stop()
		a, err := load.Text("fuzz.txt", []byte(text))
		if err != nil {
			return // the loader refused it with an error: fine
		}
		a.Outlet = "Fuzz Wire"
		b := a
		b.Outlet = "Other Wire"
		l, err := p.Ledger(context.Background(), []claimtrail.Article{a, b})
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range l.Claims {
			for _, st := range c.Statements {
				text := l.Article(st.Article).Text
				for _, sp := range []claimtrail.Span{st.Content, st.Cue, st.Sentence} {
					if sp.Start < 0 || sp.End > len(text) || sp.Start > sp.End {
						t.Fatalf("span %v outside text of %d bytes", sp, len(text))
					}
				}
			}
		}
	})
}
