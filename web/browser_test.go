package web_test

import (
	"context"
	"fmt"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/load"
	"github.com/claimtrail/claimtrail/pipeline"
	"github.com/claimtrail/claimtrail/render"
	"github.com/claimtrail/claimtrail/stance"
	"github.com/claimtrail/claimtrail/web"
)

// findChromium returns the browser to drive: $CLAIMTRAIL_CHROMIUM, or
// Debian's chromium (or another Chromium-family browser) on the PATH.
func findChromium() string {
	if p := os.Getenv("CLAIMTRAIL_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// newBrowser starts headless Chromium with a fresh profile and returns a
// tab's context; the test skips when no Chromium is installed.
func newBrowser(t *testing.T) context.Context {
	t.Helper()
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	bin := findChromium()
	if bin == "" {
		t.Skip("no Chromium found: install Debian's chromium package (apt-get install -y chromium) or set CLAIMTRAIL_CHROMIUM")
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(bin),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.WindowSize(1280, 900),
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	actx, acancel := chromedp.NewExecAllocator(ctx, opts...)
	bctx, bcancel := chromedp.NewContext(actx)
	t.Cleanup(func() { bcancel(); acancel(); cancel() })
	return bctx
}

// screenshot saves the whole page as name in $CLAIMTRAIL_SCREENSHOT_DIR,
// or in a temporary folder.
func screenshot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	shot, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	dir := os.Getenv("CLAIMTRAIL_SCREENSHOT_DIR")
	if dir == "" {
		dir = t.TempDir()
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, shot, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s (%d bytes)", path, len(shot))
}

// browserCheck evaluates a JavaScript predicate in the page.
func browserCheck(t *testing.T, ctx context.Context, what, js string) {
	t.Helper()
	ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](js))
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	if !ok {
		t.Errorf("%s: false (%s)", what, js)
	}
}

// TestBrowser drives headless Chromium through the UI: the stories list,
// the story's matrix (with arrow-key navigation), a contested claim's page
// (chain graph and evidence highlight), the hostile article, and the
// "check a claim" form through htmx. It saves a screenshot of the claim
// page in $CLAIMTRAIL_SCREENSHOT_DIR, or in a temporary folder.
func TestBrowser(t *testing.T) {
	s, _ := newServer(t, web.Options{})
	srv := httptest.NewServer(s)
	defer srv.Close()
	bctx := newBrowser(t)
	evalBool := func(what, js string) { t.Helper(); browserCheck(t, bctx, what, js) }

	// Live search through htmx: typing filters the list in place.
	if err := chromedp.Do(bctx,
		chromedp.Navigate(srv.URL+"/"),
		chromedp.WaitVisible(`#q`),
		chromedp.SendKeys(`#q`, "volcano"),
		chromedp.WaitVisible(`//div[@id="stories"]/p[contains(., "No story matches")]`),
	); err != nil {
		t.Fatalf("live search: %v", err)
	}
	if loc, _ := chromedp.Run(bctx, chromedp.Location()); !strings.HasSuffix(loc, "/?q=volcano") {
		t.Errorf("live search did not update the address: %q", loc)
	}

	// Stories list → story page.
	if err := chromedp.Do(bctx,
		chromedp.Navigate(srv.URL+"/"),
		chromedp.WaitVisible(`#stories`),
		chromedp.Click(`a[href="/stories/port"]`),
		chromedp.WaitVisible(`table.matrix`),
	); err != nil {
		t.Fatalf("open story: %v", err)
	}
	evalBool("htmx loaded under the CSP", `typeof window.htmx === "object"`)
	evalBool("matrix shows a denial with its symbol", `[...document.querySelectorAll("td.cell.denies")].some(td => td.textContent.includes("✘"))`)

	// Keyboard: the first stance cell of the first row, then ArrowRight and ArrowDown.
	if err := chromedp.Do(bctx,
		chromedp.Focus(`table.matrix tbody tr:first-child td.cell a`),
		chromedp.KeyEvent(kb.ArrowRight),
	); err != nil {
		t.Fatalf("keyboard: %v", err)
	}
	evalBool("ArrowRight moves to the second outlet", `document.activeElement.closest("td").cellIndex === 3`)
	if err := chromedp.Do(bctx, chromedp.KeyEvent(kb.ArrowDown)); err != nil {
		t.Fatal(err)
	}
	evalBool("ArrowDown moves to the next claim", `document.activeElement.closest("tr").sectionRowIndex === 1`)

	// Open the contested claim from its row.
	if err := chromedp.Do(bctx,
		chromedp.Click(`//tr[.//span[contains(@class,"contested")]]//th[@scope="row"]/a`),
		chromedp.WaitVisible(`#chain-graph svg`),
	); err != nil {
		t.Fatalf("open contested claim: %v", err)
	}
	loc, err := chromedp.Run(bctx, chromedp.Location())
	if err != nil || !strings.HasSuffix(loc, "/stories/port/claims/c1") {
		t.Fatalf("claim page at %q: %v", loc, err)
	}
	evalBool("graph draws outlets, a relay, the origin and the denier",
		`["outlet","relay","origin","denier"].every(r => document.querySelector("#chain-graph g.node." + r))`)
	evalBool("graph has arrows", `document.querySelectorAll("#chain-graph path.edge").length >= 3`)
	evalBool("evidence sentence highlighted",
		`[...document.querySelectorAll("mark.evidence")].some(m => m.textContent.startsWith("The city port will close its container terminal on Friday"))`)
	evalBool("denial highlighted", `document.querySelector("mark.evidence.denies") !== null`)
	evalBool("highlight is visibly coloured", `getComputedStyle(document.querySelector("mark.evidence")).backgroundColor !== "rgba(0, 0, 0, 0)"`)

	screenshot(t, bctx, "claim-contested.png")

	// The hostile article renders inert: no script ran, no inline script exists.
	if err := chromedp.Do(bctx,
		chromedp.Navigate(srv.URL+"/stories/port/articles/a5"),
		chromedp.WaitVisible(`.article-text`),
	); err != nil {
		t.Fatalf("hostile article: %v", err)
	}
	evalBool("no inline script on the hostile article", `document.querySelectorAll("script:not([src])").length === 0`)
	evalBool("no javascript: link", `![...document.querySelectorAll("a")].some(a => a.href.toLowerCase().startsWith("javascript:"))`)
	evalBool("markup shows as text", `document.querySelector(".article-text").textContent.includes('<script>alert("pwned")</script>')`)

	// Check a claim through htmx: the results replace the placeholder in place.
	if err := chromedp.Do(bctx,
		chromedp.Navigate(srv.URL+"/stories/port/check"),
		chromedp.WaitVisible(`#claim`),
		chromedp.SetValue(`#claim`, "cargo goes to the northern harbour"),
		chromedp.Click(`form button[type="submit"]`),
		chromedp.WaitVisible(`#results table`),
	); err != nil {
		t.Fatalf("check a claim: %v", err)
	}
	loc, _ = chromedp.Run(bctx, chromedp.Location())
	if !strings.HasSuffix(loc, "/stories/port/check") {
		t.Errorf("after the htmx post the page is %q", loc)
	}
	evalBool("check evidence highlighted", `document.querySelectorAll("#results mark.evidence").length >= 3`)

}

// TestBrowserReport opens the offline report as the server serves it,
// under its strict policy (style-src 'self'): the report's own inline
// stylesheet, let in by hash, still applies.
func TestBrowserReport(t *testing.T) {
	s, _ := newServer(t, web.Options{})
	srv := httptest.NewServer(s)
	defer srv.Close()
	bctx := newBrowser(t)
	if err := chromedp.Do(bctx,
		chromedp.Navigate(srv.URL+"/stories/port/report.html"),
		chromedp.WaitReady(`table.matrix`),
	); err != nil {
		t.Fatalf("report: %v", err)
	}
	browserCheck(t, bctx, "report styled under the server's CSP",
		`getComputedStyle(document.querySelector("table.matrix")).borderCollapse === "collapse"`)
}

// TestBrowserExample runs the real pipeline over the example story
// (examples/story), serves it, opens its first contested claim in headless
// Chromium, checks the chain graph and the evidence highlight, and saves a
// screenshot (example-contested.png).
func TestBrowserExample(t *testing.T) {
	bctx := newBrowser(t)
	dir := filepath.Join("..", "examples", "story")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("example story not found at %s: %v", dir, err)
	}
	arts, errs := load.Paths(t.Context(), []string{dir}, load.Options{})
	if len(errs) > 0 || len(arts) == 0 {
		t.Fatalf("load %s: %d articles, errors %v", dir, len(arts), errs)
	}
	p, err := pipeline.New(pipeline.Options{Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	l, err := p.Ledger(t.Context(), arts)
	if err != nil {
		t.Fatal(err)
	}
	contested := ""
	for _, c := range l.Claims {
		if c.Status == claimtrail.Contested {
			contested = c.ID
			break
		}
	}
	if contested == "" {
		t.Fatal("the example story has no contested claim")
	}
	m := web.NewMemory(p.Ledger)
	if err := m.Put("example", "Example story", l); err != nil {
		t.Fatal(err)
	}
	opt := web.Options{Source: m}
	model, err := stance.Default()
	if err != nil {
		t.Logf("no stance model, the check form is not exercised: %v", err)
	} else {
		opt.Checker = stanceChecker{model}
	}
	s, err := web.New(opt)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(s)
	defer srv.Close()

	check := func(what, js string) { t.Helper(); browserCheck(t, bctx, what, js) }
	if err := chromedp.Do(bctx,
		chromedp.Navigate(srv.URL+"/stories/example"),
		chromedp.WaitVisible(`table.matrix`),
	); err != nil {
		t.Fatalf("open the story page: %v", err)
	}
	others := len(render.OtherAttributions(l))
	if others == 0 {
		t.Error("the example story has no attributions that are no claims: the story page's section goes unchecked")
	}
	check("story page lists the attributions that are no claims",
		fmt.Sprintf(`document.querySelectorAll("ul.attributions > li").length === %d && document.querySelector("#attributions") !== null`, others))
	if err := chromedp.Do(bctx,
		chromedp.Click(`//tr[.//span[contains(@class,"contested")]]//th[@scope="row"]/a`),
		chromedp.WaitVisible(`#chain-graph svg`),
	); err != nil {
		t.Fatalf("open the first contested claim: %v", err)
	}
	loc, err := chromedp.Run(bctx, chromedp.Location())
	if err != nil || !strings.HasSuffix(loc, "/stories/example/claims/"+contested) {
		t.Fatalf("claim page at %q, want claim %s: %v", loc, contested, err)
	}
	check("graph has nodes and arrows", `document.querySelectorAll("#chain-graph g.node").length >= 2 && document.querySelectorAll("#chain-graph path.edge").length >= 1`)
	check("graph marks the denier", `document.querySelector("#chain-graph g.node.denier") !== null`)
	check("assertion highlighted in context", `document.querySelector("blockquote.context mark.evidence.asserts") !== null`)
	check("denial highlighted in context", `document.querySelector("blockquote.context mark.evidence.denies") !== null`)
	check("status shown as contested", `document.querySelector(".status.contested") !== null`)
	screenshot(t, bctx, "example-contested.png")

	if opt.Checker == nil {
		return
	}
	c := l.Claims[0]
	if err := chromedp.Do(bctx,
		chromedp.Navigate(srv.URL+"/stories/example/check"),
		chromedp.WaitVisible(`#claim`),
		chromedp.SetValue(`#claim`, c.Text),
		chromedp.Click(`form button[type="submit"]`),
		chromedp.WaitVisible(`#results table`),
	); err != nil {
		t.Fatalf("check a claim: %v", err)
	}
	check("every article judged", fmt.Sprintf(`document.querySelectorAll("#results tbody tr").length === %d`, len(l.Articles)))
	check("evidence highlighted", `document.querySelectorAll("#results mark.evidence").length >= 1`)
	screenshot(t, bctx, "example-check.png")
}

// stanceChecker puts the stance model behind web.Checker, as serve does.
type stanceChecker struct{ m *stance.Model }

func (c stanceChecker) Check(ctx context.Context, claim string, arts []claimtrail.Article) ([]web.Verdict, error) {
	out := make([]web.Verdict, len(arts))
	for i := range arts {
		p := c.m.Predict(claim, arts[i].Text)
		out[i] = web.Verdict{Stance: p.Label.Stance(), Label: p.Label.String(), Confidence: p.Confidence, Evidence: p.Evidence}
	}
	return out, nil
}
