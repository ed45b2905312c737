package render_test

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail/render"
	"github.com/claimtrail/claimtrail/web/webtest"
)

func TestCSV(t *testing.T) {
	l := webtest.Ledger()
	l.Articles[1].Title = "=HYPERLINK(\"http://evil.example\")"
	var b bytes.Buffer
	if err := render.CSV(&b, l); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1+7 {
		t.Fatalf("%d rows, want header + 7 statements", len(rows))
	}
	if strings.Join(rows[0], ",") != strings.Join(render.CSVHeader, ",") {
		t.Errorf("header %v", rows[0])
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	r := rows[2] // c1, statement in a2
	want := map[string]string{
		"claim": "c1", "claim_status": "contested", "article": "a2", "outlet": "Coastal Times",
		"title": "'=HYPERLINK(\"http://evil.example\")", "stance": "reports", "polarity": "asserts",
		"chain":   "Coastal Times > Harbor Daily > officials familiar with the plan",
		"speaker": "officials familiar with the plan", "speaker_kind": "anonymous", "cue": "reported",
		"text": "the city port will close its container terminal on Friday", "start": "27", "end": "84",
	}
	for k, v := range want {
		if r[col[k]] != v {
			t.Errorf("%s = %q, want %q", k, r[col[k]], v)
		}
	}
	if got := l.Articles[1].Text[27:84]; got != want["text"] {
		t.Errorf("span does not match text: %q", got)
	}
}
