// Package synth writes invented news texts of any size, from a fixed seed,
// for benchmarks and tests that need long inputs: a story told in
// attributed, denied, quoted and own-voice sentences about made-up people,
// places, outlets and numbers. Nothing in it comes from a data set.
package synth

import (
	"bytes"
	"math/rand/v2"
	"strconv"
	"strings"
)

var (
	people = []string{"Wenna Solvik", "Tobiah Akande", "Ilse Varga", "Rufus Okonedo", "Petra Lindqvist",
		"Anselm Kuroda", "Dalia Ferrante", "Oskar Breen", "Nadia Callowan", "Idris Mbeki-Shaw",
		"Greta Paulsen", "Hamid Castellano", "Yara Ostrowski", "Bram Tesfaye", "Clio Orsini"}
	titles  = []string{"mayor", "harbour master", "finance minister", "chief engineer", "police spokesperson", "union leader"}
	places  = []string{"Eastfold", "Port Calder", "Vennick", "Lowmarsh", "Brackenridge", "Saint Orwen", "Kettleby", "Norhaven", "Dunmere", "Ashgrove"}
	outlets = []string{"the Calder Courier", "Radio Vennick", "the Eastfold Ledger", "Norhaven Today", "the Lowmarsh Post", "Channel Nine North"}
	orgs    = []string{"the Ministry of Transport", "the Port Authority", "Kestrel Shipping", "the Dock Workers Union", "Ashgrove Council", "the Coastal Safety Agency"}
	nouns   = []string{"workers", "ferries", "containers", "tonnes of grain", "households", "inspectors", "cranes", "passengers", "contracts", "trucks"}
	verbs   = []string{"moved", "lost", "ordered", "inspected", "evacuated", "approved", "delayed", "cancelled", "repaired", "hired"}
	things  = []string{"the new sea wall", "the night ferry", "the grain terminal", "the old swing bridge", "the fuel depot", "the pilot station"}
	states  = []string{"was closed for repairs", "failed a safety inspection", "will reopen in March", "cost more than planned", "was sold to a private buyer", "is sinking by two centimetres a year"}
	days    = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
	months  = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
)

// gen draws words and sentences from one seeded source.
type gen struct{ r *rand.Rand }

func (g gen) pick(list []string) string { return list[g.r.IntN(len(list))] }

func (g gen) number() string {
	n := 2 + g.r.IntN(4000)
	return strconv.Itoa(n)
}

// clause is a proposition: something happened, or some thing is some way.
func (g gen) clause() string {
	if g.r.IntN(2) == 0 {
		return g.pick(places) + " " + g.pick(verbs) + " " + g.number() + " " + g.pick(nouns) + " in " + g.pick(months)
	}
	return g.pick(things) + " in " + g.pick(places) + " " + g.pick(states)
}

func capital(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// sentence is one sentence of a news story, in one of several forms.
func (g gen) sentence() string {
	switch g.r.IntN(8) {
	case 0:
		return g.pick(people) + ", the " + g.pick(titles) + " of " + g.pick(places) + ", said on " + g.pick(days) + " that " + g.clause() + "."
	case 1:
		return "According to " + g.pick(outlets) + ", " + g.clause() + "."
	case 2:
		return capital(g.pick(orgs)) + " denied that " + g.clause() + "."
	case 3:
		return "“" + capital(g.clause()) + ",” said " + g.pick(people) + "."
	case 4:
		return capital(g.clause()) + ", " + g.pick(outlets) + " reported, citing officials."
	case 5:
		return g.pick(people) + " told " + g.pick(outlets) + " that " + g.clause() + "."
	default:
		return capital(g.clause()) + "."
	}
}

// Story returns an invented news text of about size bytes (at least one
// paragraph): a title line, then paragraphs of two to five sentences
// separated by blank lines. The same seed gives the same text.
func Story(seed uint64, size int) []byte {
	g := gen{rand.New(rand.NewPCG(seed, 0x5eed))}
	var b bytes.Buffer
	b.WriteString("Storm damage: " + g.pick(things) + " in " + g.pick(places) + " under review\n\n")
	for b.Len() < size {
		for i, n := 0, 2+g.r.IntN(4); i < n; i++ {
			if i > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(g.sentence())
		}
		b.WriteString("\n\n")
	}
	return b.Bytes()
}

// Paragraph returns a title line and then one paragraph of about size
// bytes: sentences run together with no paragraph break.
func Paragraph(seed uint64, size int) []byte {
	g := gen{rand.New(rand.NewPCG(seed, 0x5eed))}
	var b bytes.Buffer
	b.WriteString("One long paragraph\n\n")
	for b.Len() < size {
		b.WriteString(g.sentence())
		b.WriteByte(' ')
	}
	b.WriteByte('\n')
	return b.Bytes()
}

// Punctuation returns a title line, a sentence, a run of n copies of
// mark, and another sentence: input that a tokenizer may read in time
// that grows with the square of the run.
func Punctuation(mark string, n int) []byte {
	var b bytes.Buffer
	b.WriteString("A strange page\n\n")
	b.WriteString("The harbour master of Vennick said the night ferry was late. ")
	b.WriteString(strings.Repeat(mark, n))
	b.WriteString(" Radio Vennick reported that 40 passengers waited.\n")
	return b.Bytes()
}

// Runs returns a story of about size bytes, as Story, in which every
// third paragraph ends with a run of 20,000 copies of mark: long runs of
// punctuation throughout a long text.
func Runs(seed uint64, size int, mark string) []byte {
	g := gen{rand.New(rand.NewPCG(seed, 0x5eed))}
	var b bytes.Buffer
	b.WriteString("Storm damage: " + g.pick(things) + " in " + g.pick(places) + " under review\n\n")
	for p := 0; b.Len() < size; p++ {
		for i, n := 0, 2+g.r.IntN(4); i < n; i++ {
			if i > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(g.sentence())
		}
		if p%3 == 2 {
			b.WriteByte(' ')
			b.WriteString(strings.Repeat(mark, 20_000))
		}
		b.WriteString("\n\n")
	}
	return b.Bytes()
}
