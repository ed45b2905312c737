// Package outlettrain builds claimtrail's list of news outlets from public
// data: the outlet domains of the Emergent corpus, PolNeAR's publishers,
// wire services and "h/t" credits, and the names those domains stand for as
// news text writes them (FNC-1 bodies, PolNeAR articles). The list is
// embedded in nlp (nlp/outlets.txt), so the analysis knows outlets no story
// of the project names; `claimtrail train outlets` rebuilds it, byte for
// byte, from the same files.
//
// A domain names its outlet in a squeezed form: "dailymail.co.uk" is the
// Daily Mail, "nytimes.com" the New York Times, "abcnews.go.com" ABC News.
// The builder reads every run of capitalised words in the text corpora and
// keeps, for each domain, the runs whose words spell the domain's name by
// their beginnings in order ("New York Times" → n·y·times), seen at least
// twice. A single word must spell the whole name and must not be a common
// word the corpora also write in lower case ("Time", "Independent",
// "People"): such names would turn every capitalised use of the word into
// an outlet.
package outlettrain

import (
	"bufio"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/claimtrail/claimtrail/eval/fnc1"
	"github.com/claimtrail/claimtrail/nlp"
)

// Outlet is one outlet of the list: its names as news text writes them,
// most used first, and the domains or publisher slugs it was found from.
type Outlet struct {
	Names   []string
	Domains []string
}

// Inputs names the data the list is built from; an empty path is skipped,
// but at least one domain source and one text corpus are needed.
type Inputs struct {
	Emergent string // Emergent's edata_all.csv (column "source": the outlet's domain)
	FNC1     string // FNC-1's train_bodies.csv (text)
	PolNeAR  string // PolNeAR's root folder: metadata.tsv and */text/*.txt
}

// minCount is how often a name must occur in the corpora to be kept: once
// may be a typo or a one-off phrase.
const minCount = 2

// maxNames is the most names kept per domain.
const maxNames = 3

// Build reads the inputs and returns the outlets, sorted by first name.
func Build(ctx context.Context, in Inputs) ([]Outlet, error) {
	domains := map[string]bool{}
	direct := map[string]bool{} // names given as names (PolNeAR's wires and credits)
	var texts []string
	if in.Emergent != "" {
		if err := readEmergent(in.Emergent, domains); err != nil {
			return nil, err
		}
	}
	if in.PolNeAR != "" {
		t, err := readPolNeAR(ctx, in.PolNeAR, domains, direct)
		if err != nil {
			return nil, err
		}
		texts = append(texts, t...)
	}
	if in.FNC1 != "" {
		t, err := readFNC1(ctx, in.FNC1)
		if err != nil {
			return nil, err
		}
		texts = append(texts, t...)
	}
	if len(domains) == 0 || len(texts) == 0 {
		return nil, errors.New("outlet list: need the Emergent or PolNeAR domains and a text corpus (FNC-1 or PolNeAR)")
	}
	c := countRuns(ctx, texts)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return c.outlets(domains, direct), nil
}

// readEmergent adds the "source" column of Emergent's edata_all.csv.
func readEmergent(path string, domains map[string]bool) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("outlet list: %w", err)
	}
	defer f.Close()
	r := csv.NewReader(bufio.NewReader(f))
	head, err := r.Read()
	if err != nil {
		return fmt.Errorf("outlet list: %s: %w", path, err)
	}
	col := -1
	for i, h := range head {
		if h == "source" {
			col = i
		}
	}
	if col < 0 {
		return fmt.Errorf("outlet list: %s: no column \"source\" in the header", path)
	}
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("outlet list: %s: %w", path, err)
		}
		if col < len(rec) && strings.TrimSpace(rec[col]) != "" {
			domains[strings.ToLower(strings.TrimSpace(rec[col]))] = true
		}
	}
}

// readPolNeAR adds the publishers of metadata.tsv as domains, its wire and
// "h/t" credit columns as names, and returns the article texts.
func readPolNeAR(ctx context.Context, root string, domains, direct map[string]bool) ([]string, error) {
	path := filepath.Join(root, "metadata.tsv")
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("outlet list: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	var cols map[string]int
	for sc.Scan() {
		rec := strings.Split(sc.Text(), "\t")
		if cols == nil {
			cols = map[string]int{}
			for i, h := range rec {
				cols[h] = i
			}
			for _, need := range []string{"publisher", "wire", "credit"} {
				if _, ok := cols[need]; !ok {
					return nil, fmt.Errorf("outlet list: %s: no column %q in the header", path, need)
				}
			}
			continue
		}
		get := func(name string) string {
			if i := cols[name]; i < len(rec) {
				return strings.TrimSpace(rec[i])
			}
			return ""
		}
		if p := get("publisher"); p != "" && p != "None" {
			domains[p] = true
		}
		if w := get("wire"); w != "" && w != "None" && w != "NA" {
			direct[w] = true
		}
		if c, ok := strings.CutPrefix(get("credit"), "h/t:"); ok && strings.TrimSpace(c) != "" {
			direct[strings.TrimSpace(c)] = true
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("outlet list: %s: %w", path, err)
	}
	files, err := filepath.Glob(filepath.Join(root, "*", "text", "*.txt"))
	if err != nil {
		return nil, fmt.Errorf("outlet list: %w", err)
	}
	sort.Strings(files)
	var texts []string
	for _, p := range files {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, fmt.Errorf("outlet list: %w", err)
		}
		texts = append(texts, string(b))
	}
	return texts, nil
}

// readFNC1 returns the FNC-1 bodies in Body ID order.
func readFNC1(ctx context.Context, path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("outlet list: %w", err)
	}
	defer f.Close()
	bodies, err := fnc1.ReadBodies(ctx, path, bufio.NewReader(f))
	if err != nil {
		return nil, fmt.Errorf("outlet list: %w", err)
	}
	ids := make([]int, 0, len(bodies))
	for id := range bodies {
		ids = append(ids, id)
	}
	sort.Ints(ids)
	out := make([]string, 0, len(ids))
	for _, id := range ids {
		out = append(out, bodies[id])
	}
	return out, nil
}

// counts holds what the corpora say about names: how often each run of
// capitalised words occurs (as written), how often in a place only an
// outlet stands ("according to X", "X reported"), and how often each word
// occurs in lower case.
type counts struct {
	runs   map[string]int
	inRole map[string]int
	lower  map[string]int
}

// maxRun is the longest name, in words, the builder considers.
const maxRun = 5

// Words that put a name in an outlet's place: before it ("according to X",
// "told X", "via X"), or after it ("X reported", "X wrote").
var (
	outletBefore = map[string]bool{"told": true, "via": true, "citing": true, "cited": true}
	outletAfter  = map[string]bool{"reported": true, "reports": true, "reporting": true, "wrote": true,
		"writes": true, "published": true, "publishes": true, "aired": true, "airs": true,
		"broadcast": true, "broadcasts": true}
)

// countRuns counts every stretch of up to maxRun consecutive capitalised
// words (with "of" allowed inside), the stretches in an outlet's place,
// and every lower-case word.
func countRuns(ctx context.Context, texts []string) *counts {
	c := &counts{runs: map[string]int{}, inRole: map[string]int{}, lower: map[string]int{}}
	var words []nlp.Word
	for n, t := range texts {
		if n%256 == 0 && ctx.Err() != nil {
			return c
		}
		words = words[:0]
		for w := range nlp.Words(t) {
			words = append(words, w)
		}
		for i := 0; i < len(words); {
			if words[i].Flags&nlp.Capitalised == 0 {
				c.lower[words[i].Form]++
				i++
				continue
			}
			j := i + 1
			for j < len(words) && onlySpace(t[words[j-1].End:words[j].Start]) &&
				(words[j].Flags&nlp.Capitalised != 0 || words[j].Form == "of" && j+1 < len(words) && words[j+1].Flags&nlp.Capitalised != 0) {
				j++
			}
			c.addRun(t, words, i, j)
			i = j
		}
	}
	return c
}

// onlySpace reports whether s holds nothing but spaces (or "&" between
// spaces): words separated by it may be one name.
func onlySpace(s string) bool { return strings.Trim(s, " &") == "" && len(s) <= 3 }

// addRun counts every sub-run of words[lo:hi] that starts and ends with a
// capitalised word, and those of its sub-runs that stand in an outlet's
// place: the ones starting the run after "according to" or "told (the)",
// the ones ending it before "reported".
func (c *counts) addRun(text string, words []nlp.Word, lo, hi int) {
	before := lo > 0 && roleBefore(words[:lo])
	after := hi < len(words) && outletAfter[words[hi].Form] && onlySpace(text[words[hi-1].End:words[hi].Start])
	for i := lo; i < hi; i++ {
		if words[i].Flags&nlp.Capitalised == 0 {
			continue
		}
		for j := i; j < hi && j-i < maxRun; j++ {
			if words[j].Flags&nlp.Capitalised == 0 {
				continue
			}
			name := text[words[i].Start:words[j].End]
			c.runs[name]++
			if i == lo && before || j == hi-1 && after {
				c.inRole[name]++
			}
		}
	}
}

// roleBefore reports whether the words just before a name put it in an
// outlet's place ("according to (the)", "told (the)", "via").
func roleBefore(prev []nlp.Word) bool {
	k := len(prev) - 1
	if prev[k].Form == "the" && k > 0 {
		k--
	}
	w := prev[k].Form
	return outletBefore[w] || w == "to" && k > 0 && prev[k-1].Form == "according"
}

// outlets matches the counted names to the domains and assembles the list.
func (c *counts) outlets(domains, direct map[string]bool) []Outlet {
	byCore := map[string][]string{} // core → domains
	for d := range domains {
		for _, core := range domainCores(d) {
			byCore[core] = append(byCore[core], d)
		}
	}
	byFirst := map[byte][]string{}
	for core := range byCore {
		byFirst[core[0]] = append(byFirst[core[0]], core)
	}
	found := map[string]map[string]int{} // core → name → count
	for name, n := range c.runs {
		if n < minCount {
			continue
		}
		words := foldWords(name)
		if len(words) == 0 {
			continue
		}
		for _, core := range byFirst[words[0][0]] {
			if c.names(core, name, words) {
				if found[core] == nil {
					found[core] = map[string]int{}
				}
				found[core][name] = n
			}
		}
	}
	cores := make([]string, 0, len(found))
	for core := range found {
		cores = append(cores, core)
	}
	sort.Strings(cores)            // merging order decides the order of names: keep it fixed
	merged := map[string]*Outlet{} // first name's fold → outlet
	for _, core := range cores {
		o := &Outlet{Names: topNames(found[core]), Domains: byCore[core]}
		key := nlp.Fold(o.Names[0])
		if prev, ok := merged[key]; ok {
			prev.Names = union(prev.Names, o.Names)
			prev.Domains = union(prev.Domains, o.Domains)
			continue
		}
		merged[key] = o
	}
	for name := range direct {
		if n := c.runs[name]; n == 0 && !c.anyCase(name) {
			continue // a credit the texts never write as a name
		}
		key := nlp.Fold(name)
		if _, ok := merged[key]; !ok {
			merged[key] = &Outlet{Names: []string{c.usualSpelling(name)}}
		}
	}
	out := make([]Outlet, 0, len(merged))
	for _, o := range merged {
		sort.Strings(o.Domains)
		out = append(out, *o)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Names[0] < out[j].Names[0] })
	return out
}

// names reports whether the run name (folded into words) names the outlet
// whose domain reads core.
func (c *counts) names(core, name string, words []string) bool {
	// A name must stand where outlets stand in some of its uses: "Boston",
	// "Google" or "Congressional Black Caucus" spell domains too.
	if c.inRole[name]*roleShare < c.runs[name] {
		return false
	}
	if len(words) == 1 {
		if words[0] != core {
			return false
		}
		// One word: not a common word also written in lower case. Names
		// fold case away, so "TIME" is no more an outlet than "Time".
		return c.lower[words[0]]*2 < c.runs[name]
	}
	return len(core) >= 3 && (spells(core, words, 2) || acronym(core, words))
}

// roleShare: a name must stand in an outlet's place in at least one use in
// roleShare.
const roleShare = 20

// acronym reports whether core is the initials of words: "nyt" of "New
// York Times".
func acronym(core string, words []string) bool {
	var b strings.Builder
	for _, w := range words {
		if !connectors[w] {
			b.WriteByte(w[0])
		}
	}
	return b.String() == core
}

// anyCase reports whether the corpora write name in any capitalisation.
func (c *counts) anyCase(name string) bool { return c.usualSpelling(name) != name || c.runs[name] > 0 }

// usualSpelling returns the spelling of name the corpora use most.
func (c *counts) usualSpelling(name string) string {
	best, n := name, c.runs[name]
	key := nlp.Fold(name)
	for _, cand := range []string{strings.ToUpper(name), titleCase(name)} {
		if nlp.Fold(cand) == key && c.runs[cand] > n {
			best, n = cand, c.runs[cand]
		}
	}
	return best
}

func titleCase(s string) string {
	words := strings.Fields(strings.ToLower(s))
	for i, w := range words {
		words[i] = strings.ToUpper(w[:1]) + w[1:]
	}
	return strings.Join(words, " ")
}

// connectors may be left out of a squeezed domain: "timesofindia" and
// "timesindia" both spell "Times of India".
var connectors = map[string]bool{"of": true, "and": true, "the": true}

// spells reports whether core is spelt by the beginnings of words in
// order, each word giving at least least letters or the whole word
// (connectors inside may give none): "washpost" by washington·post,
// "huffpost" by huffington·post, "timesofindia" by times·of·india. With
// one letter a word, "cbc" would be spelt by "Central Bedfordshire
// Council"; initials are acronym's matter.
func spells(core string, words []string, least int) bool {
	if len(words) == 0 {
		return core == ""
	}
	w := words[0]
	if connectors[w] && len(words) > 1 && spells(core, words[1:], least) {
		return true
	}
	for k := min(len(w), len(core)); k >= 1 && (k >= least || k == len(w)); k-- {
		if core[:k] == w[:k] && spells(core[k:], words[1:], least) {
			return true
		}
	}
	return false
}

// foldWords splits a name into its folded words.
func foldWords(name string) []string {
	var out []string
	for w := range nlp.Words(name) {
		out = append(out, nlp.Fold(w.Form))
	}
	return out
}

// genericLabels are the parts of a host name that name no outlet.
var genericLabels = map[string]bool{
	"www": true, "m": true, "mobile": true, "amp": true, "edition": true, "en": true, "english": true,
	"com": true, "co": true, "org": true, "net": true, "gov": true, "ac": true, "info": true, "online": true,
	"news": true, "blog": true, "blogs": true,
}

// domainCores returns the parts of a domain (or publisher slug) that may
// spell an outlet's name: "www.dailymail.co.uk" → dailymail;
// "news.yahoo.com" → yahoo; "wash-post" → washpost.
func domainCores(d string) []string {
	d = strings.TrimSuffix(strings.ToLower(d), ".")
	if !strings.Contains(d, ".") {
		if f := nlp.Fold(d); f != "" {
			return []string{f} // a publisher slug
		}
		return nil
	}
	labels := strings.Split(d, ".")
	labels = labels[:len(labels)-1] // the top-level domain
	// The registrable label: the last one before the public suffix
	// ("co.uk", "com.au"); the ones before it are sections or cities
	// ("detroit.cbslocal.com", "latino.foxnews.com"), not outlets.
	for k := len(labels) - 1; k >= 0; k-- {
		f := nlp.Fold(labels[k])
		if f == "" || genericLabels[f] {
			continue
		}
		if len(f) == 2 && k == len(labels)-1 && k > 0 {
			continue // a country code before the top level: "smh.com.au"
		}
		return []string{f}
	}
	return nil
}

// topNames returns up to maxNames names, most frequent first (ties by
// name).
func topNames(names map[string]int) []string {
	out := make([]string, 0, len(names))
	for n := range names {
		out = append(out, n)
	}
	sort.Slice(out, func(i, j int) bool {
		if names[out[i]] != names[out[j]] {
			return names[out[i]] > names[out[j]]
		}
		return out[i] < out[j]
	})
	if len(out) > maxNames {
		out = out[:maxNames]
	}
	return out
}

// union appends the strings of b missing from a.
func union(a, b []string) []string {
	for _, s := range b {
		found := false
		for _, t := range a {
			found = found || s == t
		}
		if !found {
			a = append(a, s)
		}
	}
	return a
}

// Write writes the list in nlp's format: one outlet a line, its names then
// its domains, separated by "|", after a header comment saying how it was
// made.
func Write(w io.Writer, outlets []Outlet) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintln(bw, "# News outlets, built by `claimtrail train outlets` from the Emergent outlet domains,")
	fmt.Fprintln(bw, "# PolNeAR's publishers, wires and credits, and the names FNC-1 and PolNeAR texts give them.")
	fmt.Fprintln(bw, "# One outlet a line: names (most used first), then domains. Do not edit by hand.")
	for _, o := range outlets {
		fmt.Fprintln(bw, strings.Join(append(append([]string{}, o.Names...), o.Domains...), "|"))
	}
	return bw.Flush()
}
