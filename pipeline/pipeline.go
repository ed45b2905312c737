// Package pipeline runs claimtrail's stages in order over a set of
// articles: analyse each article (in parallel), extract its statements, link
// statements into claims across articles, and build the story's ledger.
package pipeline

import (
	"context"
	"fmt"
	"runtime"
	"strconv"
	"sync"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/attrib"
	"github.com/claimtrail/claimtrail/attrib/seq"
	"github.com/claimtrail/claimtrail/dedup"
	"github.com/claimtrail/claimtrail/link"
	"github.com/claimtrail/claimtrail/nlp"
	"github.com/claimtrail/claimtrail/parse"
	"github.com/claimtrail/claimtrail/story"
)

// Options configure a Pipeline.
type Options struct {
	// Workers is how many articles are analysed at once; 0 means one per CPU.
	Workers int
	// Judge, when set, gives stances for articles with no statement about a
	// claim (the trained stance model).
	Judge story.Judge
	// CopyOf maps near-copies to their originals (by article ID).
	CopyOf map[string]string
	// Learned is the trained attribution labeller whose findings are added
	// to the rules' statements (attrib.Extractor.WithModel); nil means the
	// embedded model (seq.Default). How it is combined with the rules is
	// Combination.
	Learned *seq.Model
	// Combination is how the rules' statements and the labeller's
	// attributions are merged; the zero value is what ships
	// (attrib.ShippedCombination). It is for measuring the others.
	Combination attrib.Combination
	// RulesOnly leaves the labeller out: attribution by the rules alone,
	// which tags only sentences with a cue and is about twice as fast.
	RulesOnly bool
	// Cues says how the rules read cues: through the reporting frames on
	// dependency trees first (the default), or one way alone, for
	// comparison (attrib.CueReading).
	Cues attrib.CueReading
}

// Pipeline turns articles into a ledger. It is safe for concurrent use.
type Pipeline struct {
	opts     Options
	analyzer *nlp.Analyzer
	extract  *attrib.Extractor
	linker   *link.Linker
	docs     *docCache // Members' analyses of stored articles
}

// New loads the models the stages need.
func New(opts Options) (*Pipeline, error) {
	a, err := nlp.NewAnalyzer(nlp.TagOnly(attrib.NeedsTags))
	if err != nil {
		return nil, fmt.Errorf("new pipeline: %w", err)
	}
	extract := attrib.New().WithCues(opts.Cues)
	if !opts.RulesOnly {
		if opts.Learned == nil {
			m, err := seq.Default()
			if err != nil {
				return nil, fmt.Errorf("new pipeline: %w", err)
			}
			opts.Learned = m
		}
		extract = extract.WithModel(opts.Learned, a).WithCombination(opts.Combination)
	}
	if opts.Workers <= 0 {
		opts.Workers = runtime.GOMAXPROCS(0)
	}
	// The linker parses a few statements (link's frames and negations);
	// the parser's model loads once per process, here alongside analysis,
	// so that linking, which must stop promptly when cancelled, never
	// waits seconds for it.
	go parse.DefaultContext(context.Background()) // a load error reaches the linker, which then parses nothing
	return &Pipeline{opts: opts, analyzer: a, extract: extract, linker: link.New(), docs: newDocCache(1024)}, nil
}

// Analysis is one article's analysis and statements.
type Analysis struct {
	Doc        *nlp.Document
	Statements []claimtrail.Statement
	// Attributions are the article's attributions that are no statements
	// (attrib.Extraction): the ledger reports them beside its claims,
	// never in them.
	Attributions []claimtrail.Attribution
}

// Analyze analyses one article and extracts its statements.
func (p *Pipeline) Analyze(ctx context.Context, art *claimtrail.Article) (*Analysis, error) {
	return p.analyze(ctx, art, nil)
}

// analyze is Analyze with the parses of other articles' sentences shared
// through ps (nil: none).
func (p *Pipeline) analyze(ctx context.Context, art *claimtrail.Article, ps *nlp.Parses) (*Analysis, error) {
	doc, err := p.analyzer.Analyze(ctx, art)
	if err != nil {
		return nil, fmt.Errorf("analyse %s: %w", art.ID, err)
	}
	if ps != nil {
		doc.ShareParses(ps)
	}
	// The extractor parses sentences with cue words, and the first parse
	// waits for the parser's model: wait here, where a cancelled run can
	// stop waiting, instead of inside the parser.
	if err := parserReady(ctx); err != nil {
		return nil, fmt.Errorf("analyse %s: %w", art.ID, err)
	}
	e, err := p.extract.ExtractAll(ctx, doc)
	if err != nil {
		return nil, fmt.Errorf("analyse %s: %w", art.ID, err)
	}
	return &Analysis{Doc: doc, Statements: applyCredit(doc, applyRetractions(doc, dropChrome(doc, e.Statements))), Attributions: e.Attributions}, nil
}

// parserReady returns when the parser's model is loaded, or with ctx's
// error when ctx is done first. A model that failed to load is no error
// here: the stages that parse then parse nothing.
func parserReady(ctx context.Context) error {
	_, err := parse.DefaultContext(ctx)
	if cerr := ctx.Err(); cerr != nil && err != nil {
		return cerr
	}
	return nil
}

// Ledger numbers the articles that have no ID ("a1", "a2", … in order),
// analyses them in parallel, links their statements and builds the ledger.
// Every stage stops, and Ledger returns the context's error, when ctx is
// done.
func (p *Pipeline) Ledger(ctx context.Context, articles []claimtrail.Article) (*claimtrail.Ledger, error) {
	arts, analyses, err := p.AnalyzeAll(ctx, articles)
	if err != nil {
		return nil, err
	}
	return p.Build(ctx, arts, analyses)
}

// Build links analysed articles and builds their ledger; analyses[i]
// belongs to arts[i].
func (p *Pipeline) Build(ctx context.Context, arts []claimtrail.Article, analyses []*Analysis) (*claimtrail.Ledger, error) {
	b := story.Builder{Judge: p.opts.Judge, CopyOf: p.opts.CopyOf}
	if b.CopyOf == nil {
		b.CopyOf = dedup.Copies(arts)
	}
	b.CreditOf = credits(arts, analyses)
	docs, claims, err := p.Link(ctx, arts, analyses)
	if err != nil {
		return nil, err
	}
	l, err := b.BuildContext(ctx, arts, docs, claims)
	if err != nil {
		return nil, err
	}
	l.Unmatched = unmatchedDenials(l, analyses)
	for _, an := range analyses {
		l.Attributions = append(l.Attributions, an.Attributions...)
	}
	return l, nil
}

// unmatchedDenials returns the denials of articles on the story that no
// claim holds: linking found nothing asserted that they deny. Only a
// source's denials of a proposition count: "slammed the outlet as …"
// judges a source, "there is so much fake stuff online" is the outlet's
// own aside, "said the video was a hoax" may judge anything, and a
// negation alone ("had not proposed …") is a negative fact: only denial
// verbs with a source are kept, and correction notes (an outlet retracting
// what it said earlier).
func unmatchedDenials(l *claimtrail.Ledger, analyses []*Analysis) []claimtrail.Statement {
	type key struct {
		article string
		content claimtrail.Span
	}
	held := map[key]bool{}
	for _, c := range l.Claims {
		for _, st := range c.Statements {
			held[key{st.Article, st.Content}] = true
		}
	}
	var out []claimtrail.Statement
	for _, an := range analyses {
		for _, st := range an.Statements {
			denial := st.Retracts || attrib.DenialCue(st.Cue.In(an.Doc.Text())) && len(st.Chain) > 1
			if st.Polarity == claimtrail.Denies && !st.Negated && denial &&
				!held[key{st.Article, st.Content}] && !l.IsOffStory(st.Article) && attrib.Proposition(an.Doc, st.Content) {
				out = append(out, st)
			}
		}
	}
	return out
}

// Link joins the statements of analysed articles into claims; analyses[i]
// belongs to arts[i]. It returns the documents by article ID with the claims.
func (p *Pipeline) Link(ctx context.Context, arts []claimtrail.Article, analyses []*Analysis) (map[string]*nlp.Document, []claimtrail.Claim, error) {
	docs := make(map[string]*nlp.Document, len(arts))
	var stmts []claimtrail.Statement
	for i, an := range analyses {
		an.Doc.Article = &arts[i]
		docs[arts[i].ID] = an.Doc
		stmts = append(stmts, an.Statements...)
	}
	claims, err := p.linker.LinkContext(ctx, docs, stmts)
	return docs, claims, err
}

// AnalyzeAll numbers articles without an ID and analyses them on the
// pipeline's workers, keeping their order.
func (p *Pipeline) AnalyzeAll(ctx context.Context, articles []claimtrail.Article) ([]claimtrail.Article, []*Analysis, error) {
	arts := make([]claimtrail.Article, len(articles))
	copy(arts, articles)
	for i := range arts {
		if arts[i].ID == "" {
			arts[i].ID = "a" + strconv.Itoa(i+1)
		}
	}
	analyses, err := p.analyzeAll(ctx, arts)
	return arts, analyses, err
}

// analyzeAll analyses articles on a pool of workers, keeping their order.
func (p *Pipeline) analyzeAll(ctx context.Context, arts []claimtrail.Article) ([]*Analysis, error) {
	out := make([]*Analysis, len(arts))
	errs := make([]error, len(arts))
	jobs := make(chan int)
	// Articles of one story share sentences (wire copy, a statement
	// quoted in several): each is parsed once per batch.
	ps := nlp.NewParses()
	var wg sync.WaitGroup
	for w := 0; w < p.opts.Workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				out[i], errs[i] = p.analyze(ctx, &arts[i], ps)
			}
		}()
	}
feed:
	for i := range arts {
		select {
		case jobs <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(jobs)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// Members decides story membership (story.Members) for articles whose
// statements are already known — stmts[i] are arts[i]'s, as the store
// keeps them — the way Build does for a ledger: it analyses their text
// (sentences, tokens, entities; no attribution), links the statements and
// returns which articles belong to the story and whether any two are
// joined at all. The store files a new article under a story only when
// Members over the story's articles and the new one keeps it (ingest's
// Grouper), so a story in the corpus is what analyze would make of the
// same files.
func (p *Pipeline) Members(ctx context.Context, arts []claimtrail.Article, stmts [][]claimtrail.Statement) (map[string]bool, bool, error) {
	if len(arts) != len(stmts) {
		return nil, false, fmt.Errorf("members: %d articles but %d statement lists", len(arts), len(stmts))
	}
	// One call at a time: the cached documents are shared, and linking
	// points them at this call's articles. The store calls Members inside
	// its write transaction, where writers queue anyway.
	p.docs.mu.Lock()
	defer p.docs.mu.Unlock()
	analyses := make([]*Analysis, len(arts))
	for i := range arts {
		doc, err := p.docs.analyze(ctx, p.analyzer, &arts[i])
		if err != nil {
			return nil, false, fmt.Errorf("members: analyse %s: %w", arts[i].ID, err)
		}
		own := make([]claimtrail.Statement, len(stmts[i]))
		copy(own, stmts[i])
		for k := range own {
			own[k].Article = arts[i].ID // stored statements carry the ID they were analysed under
		}
		analyses[i] = &Analysis{Doc: doc, Statements: own}
	}
	docs, claims, err := p.Link(ctx, arts, analyses)
	if err != nil {
		return nil, false, err
	}
	in, joined := story.Members(arts, docs, claims)
	return in, joined, nil
}

// docCache keeps the text analyses Members made of stored articles, so
// that filing each article of a story does not analyse the story's earlier
// articles again: a story's articles are asked about once per article
// that arrives. Keyed by ID and text; emptied when full.
type docCache struct {
	mu  sync.Mutex
	max int
	m   map[docKey]*nlp.Document
}

type docKey struct{ id, text string }

func newDocCache(max int) *docCache { return &docCache{max: max, m: map[docKey]*nlp.Document{}} }

// analyze returns the cached analysis of art, or analyses it. The caller
// holds c.mu.
func (c *docCache) analyze(ctx context.Context, a *nlp.Analyzer, art *claimtrail.Article) (*nlp.Document, error) {
	k := docKey{art.ID, art.Text}
	if d, ok := c.m[k]; ok {
		return d, nil
	}
	d, err := a.Analyze(ctx, art)
	if err != nil {
		return nil, err
	}
	if len(c.m) >= c.max {
		clear(c.m)
	}
	c.m[k] = d
	return d, nil
}
