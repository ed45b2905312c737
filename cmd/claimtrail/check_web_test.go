package main

import (
	"encoding/json"
	"math"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// checkStory is a small invented story: an article that asserts the
// claim, one that denies it, one that reports it through another outlet,
// one on the same town about something else, and one on the topic that
// never states the claim.
var checkStory = map[string]string{
	"assert.txt": "Ferry sinks off Quillan\n\nThe Quillan ferry sank on Monday night, the coast guard said. Rescuers pulled twelve people from the cold water near the harbour wall.\n",
	"deny.txt":   "Harbour office denies ferry loss\n\nThe Quillan harbour office denied that the Quillan ferry sank, saying the vessel was towed to port with a damaged rudder.\n",
	"relay.txt":  "Ferry reports spread\n\nThe Varn Courier reported that the Quillan ferry sank, citing two crew members. The Courier said the crew were safe.\n",
	"fair.txt":   "Quillan fair opens\n\nThe Quillan autumn fair opened on Saturday with forty stalls and a brass band. Organisers said the crowds were the largest in years.\n",
	"topic.txt":  "Ferry timetable changes\n\nThe Quillan ferry will keep its winter timetable until March, the operator said. Tickets bought for the summer sailings stay valid.\n",
}

// TestCheckWebMatchesCLI checks the same claim against the same articles
// with `claimtrail check` and with the web API of `claimtrail serve` over
// those files: every article must get the same stance, label and
// confidence from both.
func TestCheckWebMatchesCLI(t *testing.T) {
	dir := t.TempDir()
	for name, text := range checkStory {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	const claim = "The Quillan ferry sank"
	out, _, err := run(t, "check", "--format", "json", claim, dir)
	if err != nil {
		t.Fatal(err)
	}
	var cli checkReport
	if err := json.Unmarshal([]byte(out), &cli); err != nil {
		t.Fatal(err)
	}
	base, stop := startServe(t, dir)
	defer stop()
	res, err := http.Post(base+"/api/stories/story/check", "application/json", strings.NewReader(`{"claim":"`+claim+`"}`))
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var web struct {
		Results []checkAnswerJSON `json:"results"`
	}
	if err := json.NewDecoder(res.Body).Decode(&web); err != nil || res.StatusCode != http.StatusOK {
		t.Fatalf("web check: status %d, %v", res.StatusCode, err)
	}
	byTitle := map[string]checkAnswerJSON{}
	for _, w := range web.Results {
		byTitle[w.Title] = w
	}
	if len(cli.Articles) != len(checkStory) || len(web.Results) != len(checkStory) {
		t.Fatalf("CLI judged %d articles, web %d; want %d", len(cli.Articles), len(web.Results), len(checkStory))
	}
	for _, c := range cli.Articles {
		w, ok := byTitle[c.Title]
		if !ok {
			t.Errorf("%s (%s): not in the web's answer", c.ID, c.Title)
			continue
		}
		label := c.By // "ledger", "statements", "coverage"…, as the web labels them
		if c.By == "model" {
			label = c.Label.String()
		}
		if string(c.Stance) != w.Stance || label != w.Label || math.Abs(c.Confidence-w.Confidence) > 1e-9 {
			t.Errorf("%s: CLI %s/%s/%.4f, web %s/%s/%.4f", c.Title, c.Stance, label, c.Confidence, w.Stance, w.Label, w.Confidence)
		}
	}
}

// checkAnswerJSON is one result of the web API's check response.
type checkAnswerJSON struct {
	Title      string  `json:"title"`
	Stance     string  `json:"stance"`
	Label      string  `json:"label"`
	Confidence float64 `json:"confidence"`
}

// TestCheckConfidenceIsChosenStance: check's confidence is what the
// chooser (by) measures, and for the model it is the probability of the
// chosen stance: probs[label], with stance the label's stance. An article
// the coverage test sets absent says so (by "coverage"), instead of giving
// the probability of "unrelated" beside probabilities that said otherwise.
func TestCheckConfidenceIsChosenStance(t *testing.T) {
	dir := t.TempDir()
	for name, text := range checkStory {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	seen := map[string]int{}
	for _, c := range []struct{ claim, dir string }{
		{"The Quillan ferry sank", dir},
		{"Quillan ferry passengers were rescued by fishermen", dir},
		{checkClaim, filepath.Join("testdata", "check")},
	} {
		out, _, err := run(t, "check", "--format", "json", c.claim, c.dir)
		if err != nil {
			t.Fatal(err)
		}
		var rep checkReport
		if err := json.Unmarshal([]byte(out), &rep); err != nil {
			t.Fatal(err)
		}
		for _, r := range rep.Articles {
			seen[r.By]++
			switch r.By {
			case "model":
				if r.Label == nil || r.Probs[r.Label.String()] != r.Confidence || r.Label.Stance() != r.Stance {
					t.Errorf("%q %s: model stance %s label %v confidence %v, probs %v", c.claim, r.Path, r.Stance, r.Label, r.Confidence, r.Probs)
				}
			case "coverage":
				if r.Stance != "absent" || r.Confidence <= 0.5 || r.Confidence > 1 || r.Probs == nil {
					t.Errorf("%q %s: coverage stance %s confidence %v", c.claim, r.Path, r.Stance, r.Confidence)
				}
			case "off-story":
				if r.Stance != "absent" || r.Probs != nil {
					t.Errorf("%q %s: off-story stance %s probs %v", c.claim, r.Path, r.Stance, r.Probs)
				}
			case "statements", "ledger", "ledger-model":
				if r.Probs != nil || r.Confidence <= 0 || r.Confidence > 1 {
					t.Errorf("%q %s: statements confidence %v probs %v", c.claim, r.Path, r.Confidence, r.Probs)
				}
			default:
				t.Errorf("%q %s: by %q", c.claim, r.Path, r.By)
			}
		}
	}
	if seen["coverage"] == 0 || seen["ledger"] == 0 {
		t.Errorf("the cases do not exercise every chooser: %v", seen)
	}
}
