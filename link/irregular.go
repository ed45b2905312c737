package link

// irregularPasts maps the stems of irregular past forms to the stem of
// their base form. A negation says "did not come", "has not taken", "did
// not steal" where the claim it answers says "came", "took", "stole":
// Snowball stems leave the two forms apart, so without this table the
// denial and its claim share no predicate. Only forms that are not also
// common words of another sense are listed ("left", "found", "saw" and
// "lay" are not).
var irregularPasts = map[string]string{
	"came": "come", "took": "take", "taken": "take",
	"gave": "give", "given": "give", "made": "make", "knew": "know", "known": "know",
	"paid": "pay", "sold": "sell", "bought": "buy", "began": "begin", "begun": "begin",
	"broke": "break", "broken": "break", "fell": "fall", "fallen": "fall", "held": "hold",
	"kept": "keep", "lost": "lose", "ran": "run", "sent": "send", "stole": "steal",
	"stolen": "steal", "struck": "strike", "spent": "spend", "won": "win", "wrote": "write",
	"written": "write", "drove": "drive", "driven": "drive", "flew": "fli", "flown": "fli",
	"shot": "shoot", "hid": "hide", "hidden": "hide", "chose": "choos", "chosen": "choos",
	"froze": "freez", "frozen": "freez", "sank": "sink", "sunk": "sink", "spoke": "speak",
	"spoken": "speak", "threw": "throw", "thrown": "throw", "withdrew": "withdraw",
	"withdrawn": "withdraw", "forbad": "forbid", "forbidden": "forbid", "brought": "bring",
	"caught": "catch", "fought": "fight", "sought": "seek", "taught": "teach", "thought": "think",
}

// linkSynonyms is the synonym fold linking uses: the groups of words news
// uses interchangeably (synonyms) and the irregular past forms.
var linkSynonyms = func() map[string]string {
	m := map[string]string{}
	for k, v := range irregularPasts {
		m[k] = v
	}
	for k, v := range synonyms {
		m[k] = v
	}
	return m
}()
