package link

import (
	_ "embed"
	"strings"
)

// synonymTable is the synonym groups derived from WordNet by `claimtrail
// train synonyms` (train/synonymtrain): verbs and nouns whose dominant
// senses are one synset ("happen" / "occur") or a verb and the noun of
// its event ("invade" / "invasion"), as link stems.
//
//go:embed synonyms.tsv
var synonymTable string

// tableSynonyms maps each stem of the table to its group's first stem.
// Lines that are not a group (comments, fewer than two stems) are
// skipped; TestSynonymTable checks that the table has groups.
var tableSynonyms = parseSynonyms(synonymTable)

func parseSynonyms(table string) map[string]string {
	m := map[string]string{}
	for line := range strings.Lines(table) {
		if strings.HasPrefix(line, "#") {
			continue
		}
		stems, _, _ := strings.Cut(line, "#")
		f := strings.Fields(stems)
		for _, s := range f[min(1, len(f)):] {
			m[s] = f[0]
		}
	}
	return m
}
