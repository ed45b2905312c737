package web_test

import (
	"context"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
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

// TestBrowser drives headless Chromium through the UI: the stories list,
// the story's matrix (with arrow-key navigation), a contested claim's page
// (chain graph and evidence highlight), the hostile article, and the
// "check a claim" form through htmx. It saves a screenshot of the claim
// page in $CLAIMTRAIL_SCREENSHOT_DIR, or in a temporary folder.
func TestBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	bin := findChromium()
	if bin == "" {
		t.Skip("no Chromium found: install Debian's chromium package (apt-get install -y chromium) or set CLAIMTRAIL_CHROMIUM")
	}
	s, _ := newServer(t, web.Options{})
	srv := httptest.NewServer(s)
	defer srv.Close()

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
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	actx, acancel := chromedp.NewExecAllocator(ctx, opts...)
	defer acancel()
	bctx, bcancel := chromedp.NewContext(actx)
	defer bcancel()

	evalBool := func(what, js string) {
		t.Helper()
		ok, err := chromedp.Run(bctx, chromedp.Evaluate[bool](js))
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		if !ok {
			t.Errorf("%s: false (%s)", what, js)
		}
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

	shot, err := chromedp.Run(bctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	dir := os.Getenv("CLAIMTRAIL_SCREENSHOT_DIR")
	if dir == "" {
		dir = t.TempDir()
	}
	path := filepath.Join(dir, "claim-contested.png")
	if err := os.WriteFile(path, shot, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s (%d bytes)", path, len(shot))

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
