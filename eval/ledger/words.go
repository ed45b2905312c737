package ledger

import (
	"math"
	"math/big"
	"regexp"
	"strings"
	"unicode"
)

// The words of this file are the reference scorer's, not nlp's: its
// normalisation (number words to digits, light stemming, its stop words) is
// part of the scoring rules, and the figures must agree with the reference
// scorer's, so the notion is kept apart on purpose.

// Threshold is the similarity a text needs to match a gold wording.
const Threshold = 0.30

// minContentWords: a ledger claim with fewer content words is trivial.
const minContentWords = 4

// stopWords are left out of the content-word sets: function words, reporting
// verbs (a claim's wording should not match on "said") and "1", which
// "one" becomes.
var stopWords = wordSet(`
a about above across after again against all almost also although am among an and another any are
around as at be been before being below between both but by can could did do does doing done down
during each either else even ever every few for from further had has have having he her here hers
herself him himself his how however i if in into is it its itself just least less let like made
many may me might more most much must my myself neither no nor not now of off on once only onto or
other our ours ourselves out over own per quite rather same she should since so some such than that
the their theirs them themselves then there these they this those though through thus to too under
until up upon us very was we were what when where whether which while who whom whose why will with
within would yet you your yours yourself
said say says saying told tell tells telling reported reports report reportedly according citing
cited quoted added adding stated statement claimed claim claims announced confirmed
mr ms mrs dr 1`)

// nameStop are the words a name is matched without.
var nameStop = wordSet(`the a an of s and for at in on to`)

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

var numberWords = map[string]int{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
	"nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
	"fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
	"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
	"eighty": 80, "ninety": 90,
}

// The alternations keep the reference scorer's order (tens first), so that
// leftmost-first matching picks the same word.
const (
	tensAlt  = `twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety`
	digitAlt = `one|two|three|four|five|six|seven|eight|nine`
	unitAlt  = digitAlt + `|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen`
)

var (
	reThousandsSep = regexp.MustCompile(`(\d),(\d{3})`)
	reCompound     = regexp.MustCompile(`\b(` + tensAlt + `)[- ](` + digitAlt + `)\b`)
	reNumberWord   = regexp.MustCompile(`\b(` + tensAlt + `|` + unitAlt + `)\b`)
	reThousand     = regexp.MustCompile(`\b(\d+) thousand\b`)
	reHundred      = regexp.MustCompile(`\b(\d+) hundred\b`)
	reMillion      = regexp.MustCompile(`\b(\d+(?:\.\d+)?)m\b`)
	reBillion      = regexp.MustCompile(`\b(\d+(?:\.\d+)?)bn\b`)
	reToken        = regexp.MustCompile(`[a-z0-9]+(?:\.[0-9]+)?`)
	reNameToken    = regexp.MustCompile(`[a-z0-9]+`)
)

// normalise lower-cases a text, straightens quotes and writes numbers as
// digits ("forty-six thousand" → 46000, "12,000" → 12000, "4.2m" → "4.2
// million").
func normalise(s string) string {
	s = strings.ToLower(s)
	s = strings.NewReplacer("\u2019", "'", "\u2018", "'").Replace(s)
	s = strings.ReplaceAll(s, "per cent", "percent")
	s = strings.ReplaceAll(s, "%", " percent")
	s = asciiWords(s)
	for reThousandsSep.MatchString(s) {
		s = reThousandsSep.ReplaceAllString(s, "${1}${2}")
	}
	s = reCompound.ReplaceAllStringFunc(s, func(m string) string {
		p := reCompound.FindStringSubmatch(m)
		return itoa(numberWords[p[1]] + numberWords[p[2]])
	})
	s = reNumberWord.ReplaceAllStringFunc(s, func(m string) string { return itoa(numberWords[m]) })
	s = reThousand.ReplaceAllStringFunc(s, func(m string) string { return times(reThousand, m, 1000) })
	s = reHundred.ReplaceAllStringFunc(s, func(m string) string { return times(reHundred, m, 100) })
	s = reMillion.ReplaceAllString(s, "${1} million")
	return reBillion.ReplaceAllString(s, "${1} billion")
}

// asciiWords replaces every non-ASCII letter or number with '_'. Go's \b
// knows only ASCII word characters, the reference scorer's (Python) all of
// Unicode; '_' is a word character to both and a token character to neither,
// so boundaries and tokens come out the same.
func asciiWords(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	return strings.Map(func(r rune) rune {
		if r >= 0x80 && (unicode.IsLetter(r) || unicode.IsNumber(r)) {
			return '_'
		}
		return r
	}, s)
}

func itoa(n int) string { return big.NewInt(int64(n)).String() }

// times multiplies the number a pattern's first group holds (of any size).
func times(re *regexp.Regexp, m string, k int64) string {
	n, ok := new(big.Int).SetString(re.FindStringSubmatch(m)[1], 10)
	if !ok {
		return m
	}
	return n.Mul(n, big.NewInt(k)).String()
}

// rawTokens returns the words and numbers of a normalised text, without
// single letters.
func rawTokens(s string) []string {
	toks := reToken.FindAllString(normalise(s), -1)
	out := toks[:0]
	for _, t := range toks {
		if len(t) == 1 && t[0] >= 'a' && t[0] <= 'z' {
			continue
		}
		out = append(out, t)
	}
	return out
}

// suffixes are stripped in this order, the first that fits: suffix,
// replacement and the shortest stem left.
var suffixes = []struct {
	suf, rep string
	keep     int
}{
	{"ations", "ate", 3}, {"ation", "ate", 3}, {"ments", "", 4}, {"ment", "", 4},
	{"ions", "", 4}, {"ion", "", 4}, {"ies", "y", 3}, {"ing", "", 3}, {"ed", "", 3},
	{"es", "", 3}, {"s", "", 3},
}

// stem strips one inflectional or derivational suffix and a final "e":
// light enough that "evacuated" and "evacuation" meet.
func stem(w string) string {
	if w != "" && w[0] >= '0' && w[0] <= '9' {
		return w
	}
	for _, s := range suffixes {
		if strings.HasSuffix(w, s.suf) && len(w)-len(s.suf) >= s.keep {
			w = w[:len(w)-len(s.suf)] + s.rep
			break
		}
	}
	if strings.HasSuffix(w, "e") && len(w) > 4 {
		w = w[:len(w)-1]
	}
	return w
}

// wordBag is a set of stemmed content words.
type wordBag map[string]bool

// content returns the stemmed content words of a text.
func content(s string) wordBag {
	b := wordBag{}
	for _, t := range rawTokens(s) {
		if !stopWords[t] {
			b[stem(t)] = true
		}
	}
	return b
}

// ochiai is |A∩B| / √(|A|·|B|), 0 when either is empty.
func ochiai(a, b wordBag) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	n := 0
	for w := range a {
		if b[w] {
			n++
		}
	}
	return float64(n) / math.Sqrt(float64(len(a)*len(b)))
}

// keyOK reports whether all content words of at least one key phrase occur
// in the text, as a prefix of one of its words or with the same stem. No
// key passes everything.
func keyOK(keys []string, text string) bool {
	if len(keys) == 0 {
		return true
	}
	toks := rawTokens(text)
	stems := map[string]bool{}
	for _, t := range toks {
		stems[stem(t)] = true
	}
	for _, phrase := range keys {
		if phraseIn(phrase, toks, stems) {
			return true
		}
	}
	return false
}

func phraseIn(phrase string, toks []string, stems map[string]bool) bool {
	all := rawTokens(phrase)
	var kws []string
	for _, k := range all {
		if !stopWords[k] {
			kws = append(kws, k)
		}
	}
	if len(kws) == 0 {
		kws = all
	}
	if len(kws) == 0 {
		return false
	}
	for _, k := range kws {
		found := stems[stem(k)]
		for _, t := range toks {
			if found {
				break
			}
			found = strings.HasPrefix(t, k)
		}
		if !found {
			return false
		}
	}
	return true
}

// nameTokens returns the stemmed words of a name, without articles and
// prepositions.
func nameTokens(name string) map[string]bool {
	out := map[string]bool{}
	for _, t := range reNameToken.FindAllString(normalise(name), -1) {
		if !nameStop[t] {
			out[stem(t)] = true
		}
	}
	return out
}

// nameMatch reports whether all words of one of the accepted aliases occur
// in the name.
func nameMatch(aliases []string, name string) bool {
	have := nameTokens(name)
	for _, a := range aliases {
		want := nameTokens(a)
		if len(want) == 0 {
			continue
		}
		all := true
		for w := range want {
			if !have[w] {
				all = false
				break
			}
		}
		if all {
			return true
		}
	}
	return false
}
