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
// tablePhrases maps the table's two-word verbs ("give_way": the verb's
// stem, "_", the second word) to the stem of the one-word verb they fold
// to ("collaps"). tableAntonyms are the table's pairs of verb stems of
// opposite senses ("lower", "rais"), as written.
var tableSynonyms, tablePhrases, tableAntonyms = parseSynonyms(synonymTable)

func parseSynonyms(table string) (groups, phrases map[string]string, antonyms [][2]string) {
	groups, phrases = map[string]string{}, map[string]string{}
	for line := range strings.Lines(table) {
		if strings.HasPrefix(line, "#") {
			continue
		}
		stems, _, _ := strings.Cut(line, "#")
		f := strings.Fields(stems)
		if len(f) == 3 && f[0] == "phrase" {
			phrases[f[1]] = f[2]
			continue
		}
		if len(f) == 3 && f[0] == "antonym" {
			antonyms = append(antonyms, [2]string{f[1], f[2]})
			continue
		}
		if len(f) == 3 && f[0] == "antonym" {
			antonyms = append(antonyms, [2]string{f[1], f[2]})
			continue
		}
		for _, s := range f[min(1, len(f)):] {
			groups[s] = f[0]
		}
	}
	return groups, phrases, antonyms
}
