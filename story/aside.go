package story

import (
	"regexp"
	"strings"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/nlp"
)

// asideKind is one kind of statement that is not a claim to check: an
// opinion, a piece of advice, a feeling, a procedural line. Each pattern
// comes with an example its test runs.
type asideKind struct {
	name    string
	re      *regexp.Regexp
	example string
}

// asideKinds are read over a statement's lower-cased content.
var asideKinds = []asideKind{
	{"advice", regexp.MustCompile(`\b(should|ought to|must|needs? to|ideally|would like|we want|let us)\b`),
		"Regulators should publish every inspection report"},
	{"opinion", regexp.MustCompile(`\b(it|this|that)(’s|'s| is| was| would be)\b.{0,40}\b(difficult|defining|important|welcome|good|bad|better|worse|best|worst|right|fair|unfair|remarkable|historic|desperate|shameful|disgrace\w*|tragedy|tragic|mistake|choice|bargain|chance)\b`),
		"It's a difficult but defining choice"},
	{"opinion", regexp.MustCompile(`\b(less|more) about \w+ (and|than) (less|more)? ?about\b`),
		"This is less about money and more about pride"},
	{"feeling", regexp.MustCompile(`\b(we|i) (hope|are glad|am glad|are proud|am proud|regret|apologi[sz]e|are sorry|am sorry|deserve)\b|\bour thoughts are with\b|\bthey deserve\b`),
		"Our thoughts are with the families"},
	{"procedure", regexp.MustCompile(`\b(will|would|is due to|are due to|is expected to|are expected to) (resume|meet|hold|be held|reconvene|continue talks|announce|publish|brief)\b|\ban announcement is expected\b`),
		"Talks will resume on Thursday"},
}

// aside names the kind of a statement that is no claim to check, or "".
func aside(content string) string {
	low := strings.ToLower(content)
	for _, k := range asideKinds {
		if k.re.MatchString(low) {
			return k.name
		}
	}
	return ""
}

// isAside reports whether a claim is an aside: no denial, no number, and
// every assertion an opinion, advice, feeling or procedural line. Asides
// are listed after the claims to check; the text view shows them with
// --all.
func isAside(c *claimtrail.Claim, docs map[string]*nlp.Document) bool {
	n := 0
	for _, st := range c.Statements {
		if st.Polarity != claimtrail.Asserts {
			return false
		}
		d := docs[st.Article]
		if d == nil {
			return false
		}
		if len(d.QuantitiesIn(st.Content)) > 0 || aside(st.Content.In(d.Text())) == "" {
			return false
		}
		n++
	}
	return n > 0
}
