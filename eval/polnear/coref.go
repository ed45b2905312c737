package polnear

import (
	"strings"
	"unicode"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/nlp"
)

// PronounCase is an attribution whose annotated source is "he" or "she"
// and whose antecedent the annotation settles: every named source the
// annotators marked in the window before it names one person (Key, the
// fold of the name's last word). PolNeAR annotates no coreference; this
// is the part of it its sources decide without judgement. Cases with two
// different people named before the pronoun are left out, since which one
// is meant would be the scorer's guess.
type PronounCase struct {
	Article string
	Source  claimtrail.Span // the pronoun
	Pronoun string
	Key     string // the person's surname, folded
	Name    string // the named source it was read from
}

// PronounWindow is how far back, in bytes, named sources are looked for.
const PronounWindow = 1200

// PronounCases returns the article's pronoun cases, in text order.
func PronounCases(a *Article) []PronounCase {
	var out []PronounCase
	for _, at := range a.Attributions {
		if len(at.Source) != 1 {
			continue
		}
		sp := at.Source[0]
		p := strings.ToLower(sp.In(a.Text))
		if p != "he" && p != "she" {
			continue
		}
		keys := map[string]string{}
		for _, o := range a.Attributions {
			if len(o.Source) == 0 {
				continue
			}
			b := o.Source.Bounds()
			if b.End > sp.Start || b.Start < sp.Start-PronounWindow {
				continue
			}
			if k := nameKey(b.In(a.Text)); k != "" {
				keys[k] = b.In(a.Text)
			}
		}
		if len(keys) != 1 {
			continue
		}
		for k, name := range keys {
			if !genderAgrees(p, name) {
				continue // the annotators' window names someone else: "Mayor Jennifer Roberts … he said"
			}
			out = append(out, PronounCase{Article: a.Name, Source: sp, Pronoun: p, Key: k, Name: name})
		}
	}
	return out
}

// genderAgrees reports whether the name's given name or title marks no
// gender other than the pronoun's.
func genderAgrees(pronoun, name string) bool {
	g := nlp.DefaultGazetteer()
	got := nlp.Unknown
	w := strings.Fields(name)
	for k := 0; k < len(w) && got == nlp.Unknown; k++ {
		got = g.TitleGender(w[k]) // "Mr.", "Rep. Gwen Moore": any word
		if got == nlp.Unknown && k+1 < len(w) {
			got = g.NameGender(w[k] + " " + w[k+1])
		}
	}
	want := nlp.Male
	if pronoun == "she" {
		want = nlp.Female
	}
	return got == nlp.Unknown || got == want
}

// notNames open descriptions of groups, not names: "Many Mexicans".
var notNames = map[string]bool{"many": true, "some": true, "most": true, "other": true, "several": true,
	"few": true, "all": true, "he": true, "she": true, "they": true, "it": true}

// nameKey returns the fold of the last capitalised word of a source that
// names someone ("Mr. Obama" → "obama", "Hillary Clinton’s campaign" →
// ""), or "" for descriptions and pronouns.
func nameKey(s string) string {
	words := strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' })
	if len(words) == 0 || len(words) > 4 {
		return ""
	}
	if notNames[strings.ToLower(words[0])] {
		return ""
	}
	last := words[len(words)-1]
	r := []rune(last)
	if !unicode.IsUpper(r[0]) || last == "I" || strings.ToUpper(last) == last {
		return "" // a description ("the campaign"), "I", an acronym ("FBI")
	}
	for _, w := range words {
		if w != "the" && w != "The" && !unicode.IsUpper([]rune(w)[0]) {
			return "" // "Trump campaign officials"
		}
	}
	return fold(last) // "Ki-moon" → "kimoon", as resolved names are compared
}

// CorefScore counts how a resolver did on pronoun cases.
type CorefScore struct {
	Cases      int // pronoun cases
	Found      int // cases where the extractor made a statement with that source
	Right      int // ... and resolved the pronoun to the person
	Wrong      int // ... and resolved it to someone else
	Unresolved int // ... and left the pronoun unresolved
}

// Add scores one case given the name the extractor resolved its source to
// ("" when it made no statement with that source span).
func (s *CorefScore) Add(c PronounCase, resolved string) {
	s.Cases++
	if resolved == "" {
		return
	}
	s.Found++
	low := strings.ToLower(resolved)
	switch {
	case low == "he" || low == "she":
		s.Unresolved++
	case strings.Contains(fold(low), c.Key):
		s.Right++
	default:
		s.Wrong++
	}
}

// Accuracy is Right over Found: how often a pronoun the extractor read as a
// source was resolved to the right person.
func (s CorefScore) Accuracy() float64 {
	if s.Found == 0 {
		return 0
	}
	return float64(s.Right) / float64(s.Found)
}

func fold(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}
