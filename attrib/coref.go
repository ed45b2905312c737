package attrib

import (
	"strings"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/nlp"
)

// Coreference of "he" and "she" sources. The candidates are the people
// named in the sentence so far and the corefWindow sentences before it;
// each is weighed by the cues a reader uses (corefWeights): a gender that
// disagrees rules a candidate out, and recency, being the subject of its
// sentence, and having spoken before count for it. "Deputy mayor Helga
// Brandvik did not deny … She said" is Brandvik even when another person
// spoke last; "Mayor Anna Berg met Tom Holm. She told reporters" is Berg.
// Measured by `claimtrail eval coref` (docs/attribution.md).

// corefWindow is how many sentences before the pronoun's are searched.
const corefWindow = 4

// corefUnknownWindow is how many sentences before the pronoun's a person
// of no known gender may be named in to be its referent: with no gender to
// agree, only the nearest, lone candidate is firm ground.
const corefUnknownWindow = 1

// corefSpoken is how many of the latest statements count as "has spoken".
const corefSpoken = 24

// corefWeights are the weights of the cues, with an example each.
var corefWeights = struct {
	perSentence float64 // "Berg met Holm. Vorne arrived. He said": Vorne, the nearer
	subject     float64 // "Holm was thanked by Vorne. He said": Vorne is no subject, Holm is
	spoke       float64 // "Holm said … Vorne was there. He added": Holm has spoken
	gender      float64 // "Mr Holm and Anna Berg met. He said": the agreeing one
	inContent   float64 // "Vorne said Holm lied. He added": Holm is talked about
}{perSentence: 0.5, subject: 1, spoke: 3, gender: 0.5, inContent: -1.5}

// personCandidate is one person a pronoun may refer to.
type personCandidate struct {
	name  string
	key   string
	at    int // where it is named
	score float64
}

// resolvePerson finds the person "he" or "she" at byte offset at refers
// to, by corefWeights; false when no candidate fits.
func (r *reader) resolvePerson(pronoun string, at int) ([]claimtrail.Source, bool) {
	want := nlp.Male
	if pronoun == "she" || pronoun == "her" {
		want = nlp.Female
	}
	si := r.doc.SentenceAt(at)
	if si < 0 {
		return nil, false
	}
	spoke := r.spokenKeys(at)
	gz := nlp.DefaultGazetteer()
	var best *personCandidate
	consider := func(c personCandidate) {
		if best == nil || c.score > best.score || c.score == best.score && c.at > best.at {
			best = &c
		}
	}
	// The people who spoke last are candidates however far back they were
	// named: "he said" mostly goes on with the speaker.
	for _, c := range r.lastSpeakers(gz, want, at, si) {
		consider(c)
	}
	for s := si; s >= 0 && s >= si-corefWindow; s-- {
		sent := r.doc.Sentences[s]
		if !r.visible(sent.Start) {
			continue
		}
		toks := r.doc.SentenceTokens(s)
		for _, e := range r.doc.EntitiesIn(sent.Span) {
			if e.Label != nlp.Person || e.End > at || strings.ToUpper(e.Text) == e.Text {
				continue
			}
			name := e.Text
			if full := r.person(&e); full != "" {
				name = full
			}
			g := r.personGender(gz, name, e.Key)
			if g != want {
				continue // unknown too: only lonePerson takes it, alone
			}
			c := personCandidate{name: name, key: e.Key, at: e.Start, score: -corefWeights.perSentence * float64(si-s)}
			if g == want {
				c.score += corefWeights.gender
			}
			if r.isSubject(s, toks, e) {
				c.score += corefWeights.subject
			}
			if spoke[e.Key] {
				c.score += corefWeights.spoke
			}
			if r.inContent(e.Span) {
				c.score += corefWeights.inContent
			}
			consider(c)
		}
	}
	if best == nil {
		return nil, false
	}
	if c, ok := r.recent(func(m mention) bool {
		return m.src.Kind == claimtrail.KindPerson && personKeyOf(m.src.Name) == best.key && samePerson(m.src.Name, best.name)
	}); ok {
		return c, true // the chain it spoke under: "CNN reported that Vorne said … He added"
	}
	return r.remember(claimtrail.Source{Name: best.name, Kind: claimtrail.KindPerson}, nil), true
}

// lastSpeakers returns, as candidates, the people who are the sources of
// the statements read before byte offset at (the latest few), scored as
// subjects that spoke.
func (r *reader) lastSpeakers(gz *nlp.Gazetteer, want nlp.Gender, at, si int) []personCandidate {
	var out []personCandidate
	seen := 0
	for i := len(r.out) - 1; i >= 0 && seen < 6; i-- {
		st := r.out[i]
		if st.Sentence.Start >= at || !r.visible(st.Sentence.Start) {
			continue
		}
		seen++
		src := st.Chain[len(st.Chain)-1]
		if src.Kind != claimtrail.KindPerson {
			continue
		}
		key := personKeyOf(src.Name)
		g := r.personGender(gz, src.Name, key)
		if g != nlp.Unknown && g != want {
			continue
		}
		d := si - r.doc.SentenceAt(st.Sentence.Start)
		c := personCandidate{name: src.Name, key: key, at: st.Source.Start,
			score: corefWeights.spoke + corefWeights.subject - corefWeights.perSentence*float64(d)}
		if g == want {
			c.score += corefWeights.gender
		}
		out = append(out, c)
	}
	return out
}

// inContent reports whether sp lies in the content of a statement read
// already: a person talked about, not talking.
func (r *reader) inContent(sp claimtrail.Span) bool {
	for i := len(r.out) - 1; i >= 0 && i >= len(r.out)-8; i-- {
		if r.out[i].Content.Contains(sp) {
			return true
		}
	}
	return false
}

// lonePerson is the last resort for "he" or "she" at byte offset at:
// one person of no known gender named in the pronoun's sentence or the
// one before (corefUnknownWindow), and nobody else of unknown gender
// there: "… one of its inspectors, Dr Zoltek Varandi. He said …" is
// Varandi, whose given name no list holds. It runs only when no person
// source at all was found before the pronoun.
func (r *reader) lonePerson(at int) ([]claimtrail.Source, bool) {
	si := r.doc.SentenceAt(at)
	if si < 0 {
		return nil, false
	}
	gz := nlp.DefaultGazetteer()
	var found *personCandidate
	for s := si; s >= 0 && s >= si-corefUnknownWindow; s-- {
		sent := r.doc.Sentences[s]
		if !r.visible(sent.Start) {
			continue
		}
		for _, e := range r.doc.EntitiesIn(sent.Span) {
			if e.Label != nlp.Person || e.End > at || strings.ToUpper(e.Text) == e.Text || r.inAttributed(e.Span, at) {
				continue
			}
			name := e.Text
			if full := r.person(&e); full != "" {
				name = full
			}
			if r.personGender(gz, name, e.Key) != nlp.Unknown {
				continue
			}
			if found != nil && found.key != e.Key {
				return nil, false
			}
			found = &personCandidate{name: name, key: e.Key}
		}
	}
	if found == nil {
		return nil, false
	}
	return r.remember(claimtrail.Source{Name: found.name, Kind: claimtrail.KindPerson}, nil), true
}

// inAttributed reports whether sp lies in the content of a statement read
// already that someone is cited for, and the pronoun at byte offset at
// does not: a person talked about by another speaker. An outlet's own
// narration ("The council met Dr Velasi") does not count: it names the
// people it introduces; nor does a passage both lie in ("The letter
// reads: … Dr Velasi. He said …").
func (r *reader) inAttributed(sp claimtrail.Span, at int) bool {
	for i := len(r.out) - 1; i >= 0 && i >= len(r.out)-8; i-- {
		c := r.out[i].Content
		if len(r.out[i].Chain) > 1 && c.Contains(sp) && (at < c.Start || at >= c.End) {
			return true
		}
	}
	return false
}

// markedSpeaker returns, for "she", the latest of the last corefMarked
// statements' person sources whose name or title says she is a woman: news
// quotes men more often, so a name of unknown gender spoken after her
// ("Ilka Brandsma said … Pell Andar agreed … She added") is more likely a man.
// For "he" it finds nothing: the same bias makes unknown names fit.
func (r *reader) markedSpeaker(pronoun string) ([]claimtrail.Source, bool) {
	if pronoun != "she" {
		return nil, false
	}
	gz := nlp.DefaultGazetteer()
	seen := 0
	for i := len(r.out) - 1; i >= 0 && seen < corefMarked; i-- {
		st := r.out[i]
		if !r.visible(st.Sentence.Start) || st.Sentence.Start >= r.at {
			continue
		}
		seen++
		for k, src := range st.Chain {
			if src.Kind == claimtrail.KindPerson && r.personGender(gz, src.Name, personKeyOf(src.Name)) == nlp.Female {
				return append([]claimtrail.Source{}, st.Chain[1:k+1]...), true
			}
		}
	}
	return nil, false
}

// corefMarked is how many statements back markedSpeaker looks.
const corefMarked = 6

// agreesWith returns the test a source must pass to be what pronoun
// refers to: a person whose name or title marks no other gender.
func (r *reader) agreesWith(pronoun string) func(m mention) bool {
	want := nlp.Male
	if pronoun == "she" || pronoun == "her" {
		want = nlp.Female
	}
	gz := nlp.DefaultGazetteer()
	return func(m mention) bool {
		if m.src.Kind != claimtrail.KindPerson {
			return false
		}
		g := r.personGender(gz, m.src.Name, personKeyOf(m.src.Name))
		return g == nlp.Unknown || g == want
	}
}

// personGender is the gender a person's name marks, or a title before any
// of the document's mentions of the person ("Ms Berg"). The genders of the
// document's people are indexed by key on first use, so that resolving
// every pronoun of a long document does not walk all its entities each
// time.
func (r *reader) personGender(gz *nlp.Gazetteer, name, key string) nlp.Gender {
	if g := gz.NameGender(name); g != nlp.Unknown {
		return g
	}
	if r.genders == nil {
		r.genders = map[string]nlp.Gender{}
		for _, e := range r.doc.Entities {
			if e.Label != nlp.Person || r.genders[e.Key] != nlp.Unknown {
				continue
			}
			if g := r.mentionGender(gz, e); g != nlp.Unknown {
				r.genders[e.Key] = g
			}
		}
	}
	return r.genders[key]
}

// mentionGender is the gender one mention of a person marks: by its given
// name, or by the title just before it.
func (r *reader) mentionGender(gz *nlp.Gazetteer, e nlp.Entity) nlp.Gender {
	if g := gz.NameGender(e.Text); g != nlp.Unknown {
		return g
	}
	si := r.doc.SentenceAt(e.Start)
	if si < 0 {
		return nlp.Unknown
	}
	return appositiveGender(gz, r.doc.SentenceTokens(si), e)
}

// appositiveGender is the gender the title next to a mention marks: just
// before it ("Mr Vorne"), before it across a comma ("the bank's
// spokeswoman, Runa Vick"), or heading the apposition after it ("Pell
// Andar, a spokesman for the port").
func appositiveGender(gz *nlp.Gazetteer, toks []nlp.Token, e nlp.Entity) nlp.Gender {
	for k := len(toks) - 1; k >= 0; k-- {
		if toks[k].End > e.Start {
			continue
		}
		if g := gz.TitleGender(toks[k].Text); g != nlp.Unknown || toks[k].Text != "," || k == 0 {
			return g
		}
		return gz.TitleGender(toks[k-1].Text)
	}
	for k, t := range toks {
		if t.Start < e.End {
			continue
		}
		if t.Text != "," {
			return nlp.Unknown
		}
		for j := k + 1; j < len(toks) && j <= k+4; j++ {
			if g := gz.TitleGender(toks[j].Text); g != nlp.Unknown {
				return g
			}
			if w := lower(toks[j]); w == "," || w == "said" || w == "of" || w == "for" {
				break
			}
		}
		return nlp.Unknown
	}
	return nlp.Unknown
}

// spokenKeys returns the keys of the people who are sources of the latest
// statements (corefSpoken of them) read before byte offset at.
func (r *reader) spokenKeys(at int) map[string]bool {
	m := map[string]bool{}
	seen := 0
	for i := len(r.out) - 1; i >= 0 && seen < corefSpoken; i-- {
		st := r.out[i]
		if st.Sentence.Start >= at || !r.visible(st.Sentence.Start) {
			continue
		}
		seen++
		for _, s := range st.Chain {
			if s.Kind == claimtrail.KindPerson {
				m[personKeyOf(s.Name)] = true
			}
		}
	}
	return m
}

// samePerson reports whether two names of one key name one person: the
// same words, or one the surname or short form of the other. "German
// Ortega" and "Freddy Ortega" share a key and are two people.
func samePerson(a, b string) bool {
	return strings.EqualFold(a, b) || fullerName(a, b) || fullerName(b, a) || shortGiven(a, b)
}

// personKeyOf keys a person's name as nlp keys person entities: by the
// fold of the surname, particles included.
func personKeyOf(name string) string {
	return nlp.PersonKey(name)
}

// isSubject reports whether the person e, named in sentence s, is the
// subject of its clause: by the dependency tree (nsubj, also of a
// passive), read from the name's head through flat and compound
// relations; by the words around it when no tree can be had.
func (r *reader) isSubject(s int, toks []nlp.Token, e nlp.Entity) bool {
	t := r.doc.Tree(s)
	if t == nil {
		return subjectAt(toks, e.End) && !afterPreposition(toks, e.Start)
	}
	for i := 0; i < t.Len(); i++ {
		if tok := t.Token(i); tok.Start < e.Start || tok.End > e.End {
			continue
		}
		w := i
		for steps := 0; steps < 4 && w >= 0 && (nlp.RelIs(t.Rel(w), "flat") || nlp.RelIs(t.Rel(w), "compound")); steps++ {
			w = t.Head(w)
		}
		if w >= 0 && nlp.RelIs(t.Rel(w), "nsubj") {
			return true
		}
	}
	return false
}

// afterPreposition reports whether the name starting at byte offset start
// follows a preposition ("met with Holm", "thanked by Vorne"): then it is
// no subject, whatever follows it.
func afterPreposition(toks []nlp.Token, start int) bool {
	for k := len(toks) - 1; k >= 0; k-- {
		if toks[k].End <= start {
			if capitalised(toks[k].Text) {
				continue // a title: "by Mayor Berg"
			}
			switch lower(toks[k]) {
			case "by", "with", "to", "from", "for", "of", "against", "on", "about", "at", "and":
				return true
			}
			return false
		}
	}
	return false
}
