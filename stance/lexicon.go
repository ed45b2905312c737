package stance

import "strings"

// Lexicon categories. Each word may belong to several.
const (
	catRefute   = iota // the claim is false: hoax, fake, debunked
	catDeny            // someone denies it: denied, rejects, refuted
	catNegation        // not, no, never, isn't
	catHedge           // reportedly, allegedly, rumoured, may
	catReport          // said, according, told, sources
	catConfirm         // confirmed, evidence, officially, proof
	catDoubt           // doubt, skeptical, questionable, unlikely
	catQuote           // quotation marks (counted from punctuation, not words)
	numCats
)

// lexiconWords lists, per category, words written by the claimtrail
// authors from the vocabulary of news stance: refutation, denial,
// hedging, attribution, confirmation and doubt.
var lexiconWords = [numCats]string{
	catRefute: `fake fakes faked hoax hoaxes hoaxed hoaxer hoaxers false falsely falsehood untrue
		debunk debunked debunks debunking bogus fabricated fabrication fabricate fraud fraudulent
		prank pranks pranked prankster satire satirical parody spoof spoofed myth myths misleading
		misinformation disinformation baseless unfounded nonsense rubbish ruse scam scams
		photoshopped doctored retract retracted retraction joke lie lies lied lying erroneous
		inaccurate incorrect wrong fiction fictional made-up invented phony phoney sham urban`,
	catDeny: `deny denies denied denying denial denials refute refutes refuted refuting dismiss
		dismissed dismisses dismissing reject rejected rejects rejecting contradict contradicts
		contradicted dispute disputed disputes disputing rebut rebuts rebutted disavow disavowed
		clarify clarified clarifies clarification correction corrected`,
	catNegation: `not no never nothing none neither nor nobody nowhere without cannot`,
	catHedge: `reportedly allegedly alleged purportedly purported apparently supposedly
		rumor rumors rumour rumours rumored rumoured unconfirmed unverified speculation speculated
		speculate speculating may might could possibly possible perhaps likely unclear suggests
		suggest suggested suggesting appears appear appeared seems seem seemed believed thought
		claims claim claimed claiming if whether potentially reported reports`,
	catReport: `said says say saying told tells according reported reporting report reports stated
		states statement announced announces wrote writes tweeted posted sources source spokesman
		spokeswoman spokesperson quoted cited quote interview insider insiders`,
	catConfirm: `confirmed confirms confirm confirming confirmation officially proof proved proven
		evidence revealed reveals reveal shows showed indeed actually true verified genuine real
		authentic certainly definitely fact facts`,
	catDoubt: `doubt doubts doubted doubtful skeptical sceptical skeptics sceptics skepticism
		questionable question questions questioned questioning suspicious dubious unlikely
		implausible suspect suspected`,
}

// stopWords are function words left out of overlap and TF-IDF.
const stopWords = `a an the and or but if of in on at to for from by with about as into
	onto over under than then that this these those there here it its it's he she they them
	his her their hers theirs him we us our you your i me my mine be is are was were been
	being am do does did done have has had having will would shall should can could may might
	must not no so such too very just also only own same other some any each all both few
	more most what which who whom whose when where why how up down out off again further once
	s t after before while during until because through between against above below again
	said says says`

// entry is what the lexicon knows about one word.
type entry struct {
	cats  uint16
	flags uint8
}

// lexicon maps word hashes to their categories and flags. It is built once
// and only read afterwards.
type lexicon struct {
	words map[uint64]entry
}

func newLexicon() *lexicon {
	lx := &lexicon{words: make(map[uint64]entry, 600)}
	for cat, list := range lexiconWords {
		for _, w := range strings.Fields(list) {
			h := hashWord(w)
			e := lx.words[h]
			e.cats |= 1 << cat
			if cat == catNegation {
				e.flags |= flagNeg
			}
			lx.words[h] = e
		}
	}
	for _, w := range strings.Fields(stopWords) {
		h := hashWord(w)
		e := lx.words[h]
		e.flags |= flagStop
		lx.words[h] = e
	}
	return lx
}
