package story

import (
	"strings"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/nlp"
)

// canonicalOutlets rewrites the outlet names in the claims' chains to one
// spelling per outlet: an article's own outlet name where one matches ("The
// Capital Ledger" for "Capital Ledger"), and the fuller name where a short
// one is a part of exactly one other ("Coastline Herald" for "Herald"), so
// that one outlet is one source however the articles name it.
func canonicalOutlets(articles []claimtrail.Article, claims []claimtrail.Claim) {
	full := map[string]string{} // key → preferred spelling
	var keys []string
	add := func(name string, preferred bool) {
		k := nlp.SourceKey(name)
		if k == "" {
			return
		}
		if _, ok := full[k]; !ok {
			keys = append(keys, k)
			full[k] = name
		} else if preferred {
			full[k] = name
		}
	}
	for _, a := range articles {
		add(a.Outlet, true)
	}
	for _, c := range claims {
		for _, st := range c.Statements {
			for _, s := range st.Chain {
				if s.Kind == claimtrail.KindOutlet {
					add(s.Name, false)
				}
			}
		}
	}
	alias := map[string]string{}
	for _, k := range keys {
		alias[k] = full[k]
		var within []string
		for _, o := range keys {
			if o != k && wordsWithin(full[k], full[o]) {
				within = append(within, o)
			}
		}
		if len(within) == 1 {
			alias[k] = full[within[0]]
		}
	}
	published := map[string]bool{}
	for _, a := range articles {
		published[nlp.SourceKey(a.Outlet)] = true
	}
	for ci := range claims {
		for si := range claims[ci].Statements {
			st := &claims[ci].Statements[si]
			for k := range st.Chain {
				if k > 0 && st.Chain[k].Kind != claimtrail.KindOutlet && published[nlp.SourceKey(st.Chain[k].Name)] {
					// A source named like an outlet of the story is that
					// outlet ("Tickerline Markets reported", "according
					// to the Lowland Observer"), whatever kind the
					// sentence suggested.
					st.Chain[k].Kind = claimtrail.KindOutlet
				}
				if st.Chain[k].Kind == claimtrail.KindOutlet {
					if name, ok := alias[nlp.SourceKey(st.Chain[k].Name)]; ok {
						st.Chain[k].Name = name
					}
				}
			}
			st.Chain = collapseRepeats(st.Chain)
		}
	}
}

// collapseRepeats drops a source that repeats the one before it: an outlet
// citing itself by its short name ("the Echo reported" in the Varn Valley
// Echo) is one link, not two.
func collapseRepeats(chain []claimtrail.Source) []claimtrail.Source {
	out := chain[:0:0]
	for i, s := range chain {
		if i > 0 && s.Kind == chain[i-1].Kind && s.Name == chain[i-1].Name {
			continue
		}
		out = append(out, s)
	}
	return out
}

// wordsWithin reports whether every word of short (but "the") is a word of
// long, and long has more words.
func wordsWithin(short, long string) bool {
	sw, lw := nameWords(short), nameWords(long)
	if len(sw) == 0 || len(sw) >= len(lw) {
		return false
	}
	set := map[string]bool{}
	for _, w := range lw {
		set[w] = true
	}
	for _, w := range sw {
		if !set[w] {
			return false
		}
	}
	return true
}

func nameWords(name string) []string {
	var out []string
	for _, w := range strings.Fields(name) {
		if f := nlp.Fold(w); f != "" && f != "the" {
			out = append(out, f)
		}
	}
	return out
}
