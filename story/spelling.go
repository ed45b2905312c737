package story

import (
	"unicode/utf8"

	"github.com/claimtrail/claimtrail"
)

// Spelling variants of one surname. Names written from another script
// reach English in several spellings ("Abdulla", "Abdullah", and a typo's
// "Adbulla"), and a story's articles each pick one; keyed by their folds they
// would be two people, and a claim they both speak to would look
// corroborated. variantRules says how near two surnames must be, with an
// example kept and one refused each (TestVariantRules checks them).
var variantRules = []struct {
	minLen, maxDist int
	same, other     [2]string
}{
	// Short surnames: one letter added, dropped, changed or two swapped.
	{minLen: 5, maxDist: 1, same: [2]string{"Yasin Haddou", "Haddu"}, other: [2]string{"Tom Holm", "Tom Helm"}},
	// Long ones: two such edits ("Khaleqzadeh", "Khaliqzade").
	{minLen: 9, maxDist: 2, same: [2]string{"Omid Khaleqzadeh", "Omid Khaliqzade"}, other: [2]string{"Ana Marten", "Ana Martins"}},
}

// variantSurnames reports whether two people's names are one person's
// name spelt two ways: their surnames are near by variantRules and start
// alike, and their given names, where both have one, are the same or near.
// "Jeff Ostrom" and "Mark Ostram" are two people.
func variantSurnames(a, b []string) bool {
	if len(a) == 0 || len(b) == 0 {
		return false
	}
	sa, sb := a[len(a)-1], b[len(b)-1]
	if sa == sb || sa[0] != sb[0] || !nearSpelling(sa, sb) {
		return false
	}
	if len(a) > 1 && len(b) > 1 {
		ga, gb := a[0], b[0]
		return ga == gb || len(ga) >= 4 && len(gb) >= 4 && ga[0] == gb[0] && editDistance(ga, gb) <= 1
	}
	return true
}

// nearSpelling applies variantRules to two folded surnames.
func nearSpelling(a, b string) bool {
	n := min(utf8.RuneCountInString(a), utf8.RuneCountInString(b))
	limit := -1
	for _, r := range variantRules {
		if n >= r.minLen {
			limit = r.maxDist
		}
	}
	return limit >= 0 && editDistance(a, b) <= limit
}

// editDistance is the optimal string alignment distance of a and b:
// insertions, deletions, substitutions and swaps of two neighbours count
// one each.
func editDistance(a, b string) int {
	x, y := []rune(a), []rune(b)
	d := make([][]int, len(x)+1)
	for i := range d {
		d[i] = make([]int, len(y)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(x); i++ {
		for j := 1; j <= len(y); j++ {
			cost := 1
			if x[i-1] == y[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && x[i-1] == y[j-2] && x[i-2] == y[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(x)][len(y)]
}

// sameSpelledPerson gives one key to the people among found whose names
// are one name spelt two ways (variantSurnames).
func sameSpelledPerson(found []origin) {
	for i := range found {
		for j := range found {
			a, b := found[i], found[j]
			if i == j || a.key == b.key || a.src.Kind != claimtrail.KindPerson || b.src.Kind != claimtrail.KindPerson {
				continue
			}
			if variantSurnames(partyWords(a.src.Name), partyWords(b.src.Name)) {
				rekey(found, a.key, b.key)
			}
		}
	}
}
