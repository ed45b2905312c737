package attrib

import (
	"strings"

	"github.com/claimtrail/claimtrail/nlp"
)

// The lexicons below are claimtrail's own lists of the words that signal
// attribution, denial, hedging and anonymity in English news.

// speechVerbs are verbs that introduce what a source says, believes or
// reports. Inflected forms are listed because the tagger gives no lemmas.
var speechVerbs = set(`said says say saying told tells tell reported reports report reporting
claimed claims claim alleged alleges allege confirmed confirms confirm stated states state
added adds add noted notes note announced announces announce argued argues argue contend contends
contended cautioned cautions caution warned warns warn insisted insists insist suggested suggests
suggest revealed reveals disclosed discloses wrote writes tweeted posted asserted asserts
acknowledged acknowledges believe believes believed estimated estimates explained explains
maintained maintains concluded concludes conclude described describes describe quoted
indicated indicates indicate predicted predicts declared declares admitted admits
conceded concedes concede testified testifies testify maintain
denied denies deny rejected rejects reject dismissed dismisses dismiss rubbished rubbishes rubbish
refuted refutes refute debunked debunks slammed slams disputed disputes dispute contradicted
contradicts called calls termed terms branded brands labelled labeled show shows showed
recorded`)

// denialVerbs are speech verbs whose object is what the source says is false.
var denialVerbs = set(`denied denies deny rejected rejects reject dismissed dismisses dismiss
rubbished rubbishes rubbish refuted refutes refute debunked debunks disputed disputes dispute
contradicted contradicts`)

// verdictWords call a report or proposition false.
var verdictWords = set(`fabricated fabrication fabrications baseless false falsehood falsehoods
propaganda disinformation misinformation fake hoax untrue unfounded lie lies lying rubbish
nonsense concocted fictitious fiction groundless misleading bogus manufactured wrong incorrect
inaccurate erroneous`)

// negators turn a restatement into a denial when the claim is stated
// positively elsewhere.
var negators = set(`no not never neither nor none nothing n't nobody without cannot`)

// hedgeWords distance the writer from a statement.
var hedgeWords = set(`reportedly allegedly alleged purportedly apparently supposedly unconfirmed
unverified rumoured rumored possibly potentially may might could perhaps likely`)

// hedgePhrases are multi-word hedges, matched on lower-cased text.
var hedgePhrases = []string{"if confirmed", "is said to", "are said to", "was said to", "were said to", "is believed to",
	"are believed to", "it is understood", "is understood to", "are understood to", "was understood to",
	"were understood to", "is expected to", "are expected to", "not yet confirmed",
	"is thought to", "are thought to", "was thought to", "were thought to", "is reported to", "are reported to",
	"was reported to", "were reported to", "is rumoured to", "are rumoured to", "is rumored to", "are rumored to",
	"if the reports are true", "if the report is true", "if the reports are accurate", "if true"}

// raisingHedges are the participles that, passive and followed by a
// "to"-infinitive, hedge a statement in the writer's own voice and name
// no speaker: in "the mayor is believed to have resigned" the mayor is
// what the statement is about, not who says it ("was said to", "is
// understood to", "are thought to").
var raisingHedges = set(`said reported believed thought understood rumoured rumored alleged reputed`)

// raisingHedgeAt reports whether toks[v] is a raising hedge: a participle
// of raisingHedges after a form of "be" and before "to" and a verb ("was
// reported to be", "is believed to have"). "was reported to the police"
// is no hedge: a noun follows "to".
func raisingHedgeAt(toks []nlp.Token, v int) bool {
	if v < 1 || v+2 >= len(toks) || !raisingHedges[lower(toks[v])] || !beForms[lower(toks[v-1])] {
		return false
	}
	if lower(toks[v+1]) != "to" {
		return false
	}
	next := toks[v+2]
	return strings.HasPrefix(next.Tag, "VB") || beForms[lower(next)] || lower(next) == "have"
}

// anonymousHeads are head nouns of unnamed sources.
var anonymousHeads = set(`source sources official officials insider insiders people person persons
diplomat diplomats aide aides analyst analysts expert experts observer observers
circles circle quarters authorities investigators someone spokesperson critics residents witnesses
politicians journalists lawmakers legislators activists scholars commentators officers groups
opponents supporters campaigners lawyers doctors scientists researchers economists workers members
leaders organisers organizers protesters families relatives neighbours villagers farmers teachers
students parents voters residents insiders staff employees executives
employee engineer engineers worker officer witness resident doctor nurse nurses lawyer scientist
researcher economist teacher farmer fisherman fishermen driver drivers pilot pilots passenger
passengers survivor survivors victim victims patient patients customer customers shopkeeper
shopkeepers trader traders haulier hauliers trucker truckers miner miners soldier soldiers
inspector inspectors manager managers colleague colleagues neighbour neighbor neighbors friend
friends relative investigator activist protester protesters volunteer volunteers
eyewitness eyewitnesses bystander bystanders user users commuters commuter locals executive
director adviser advisor consultant consultants contractor contractors firefighter firefighters
paramedic paramedics welder welders guard guards crew crews employee`)

// outletHeads are definite descriptions that refer back to an outlet.
var outletHeads = set(`channel outlet newspaper paper broadcaster network website site portal daily
publication tabloid agency magazine station`)

// documentHeads are descriptions of written material.
var documentHeads = set(`report reports story article statement post piece item dispatch memo
document documents inputs input dossier bulletin release assessment figures data statistics
survey poll study records record audit audits filing filings minutes transcript transcripts
invoices emails letter letters memos cables headline headlines`)

// officialHeads make an unnamed body an official source.
var officialHeads = set(`ministry government office department military army spokesman spokeswoman
spokesperson embassy administration cabinet presidency secretariat wing establishment police
foreign minister authorities navy air force guard coastguard council court prosecutor prosecutors
regulator agency authority commission committee parliament senate congress presidency palace mayor
governor ministers department city town county municipality`)

// organizationHeads make an unnamed body an organisation: "the company
// said", "the union denied".
var organizationHeads = set(`company firm group union club party campaign team board bank charity
organisation organization network coalition alliance association federation league university
hospital school operator manufacturer airline carrier insurer developer owner owners
utility utilities provider supplier companies firms unions banks operators`)

// determiners are stripped from the front of a source's name.
var determiners = set(`the a an this that these those its his her their our`)

// withholdingVerbs make "X declined to say whether Y" a refusal to state,
// not a statement of Y.
var withholdingVerbs = set(`declined declines decline refused refuses refuse`)

// denialPhrases are multi-word verbs that deny their object: "shot down
// claims that …", "poured cold water on reports …". Each is listed by its
// first word with the words that must follow.
var denialPhrases = map[string][][]string{
	"shot": {{"down"}}, "shoots": {{"down"}}, "knocked": {{"down"}}, "knocks": {{"down"}},
	"batted": {{"down"}}, "bats": {{"down"}}, "brushed": {{"aside"}}, "brushes": {{"aside"}},
	"waved": {{"away"}}, "waves": {{"away"}}, "played": {{"down"}}, "plays": {{"down"}},
	"pushed": {{"back", "on"}, {"back", "against"}, {"back"}}, "pushes": {{"back", "on"}, {"back", "against"}, {"back"}},
	"poured": {{"cold", "water", "on"}}, "pours": {{"cold", "water", "on"}},
	"cast": {{"doubt", "on"}, {"doubt", "over"}}, "casts": {{"doubt", "on"}, {"doubt", "over"}},
}

// denialPhrase returns the length of the denial phrase starting at
// toks[i], or 0.
func denialPhraseAt(toks []nlp.Token, i, hi int) int {
	for _, rest := range denialPhrases[lower(toks[i])] {
		if i+len(rest) >= hi {
			continue
		}
		ok := true
		for k, w := range rest {
			ok = ok && lower(toks[i+1+k]) == w
		}
		if ok {
			return 1 + len(rest)
		}
	}
	return 0
}

// relayCues mark a source that passes on another's words: "citing",
// "per", "quoting".
var relayCues = set(`citing quoting per`)

// set makes a lexicon from a list of words separated by white space.
func set(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}
