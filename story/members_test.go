package story

import (
	"strconv"
	"testing"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/nlp"
)

// TestMembersLargestGroup mixes five articles of one story, which name the
// same people and places but share no linked claim, with two articles of
// another story that share one claim: the five make the story, the two
// fall off it, whatever order the inputs come in.
func TestMembersLargestGroup(t *testing.T) {
	doc := func(keys ...string) *nlp.Document {
		d := &nlp.Document{}
		for _, k := range keys {
			d.Entities = append(d.Entities, nlp.Entity{Key: k})
		}
		return d
	}
	for _, othersFirst := range []bool{true, false} {
		var arts []claimtrail.Article
		docs := map[string]*nlp.Document{}
		add := func(id string, d *nlp.Document) {
			arts = append(arts, claimtrail.Article{ID: id})
			docs[id] = d
		}
		others := func() {
			add("tram1", doc("lakeside", "council", "tram"))
			add("tram2", doc("lakeside", "council", "depot"))
		}
		if othersFirst {
			others()
		}
		for i := range 5 {
			add("kesh"+strconv.Itoa(i), doc("veldrania", "kesh", "ministry", "extra"+strconv.Itoa(i)))
		}
		if !othersFirst {
			others()
		}
		claims := []claimtrail.Claim{{Statements: []claimtrail.Statement{{Article: "tram1"}, {Article: "tram2"}}}}
		in, related := Members(arts, docs, claims)
		if !related {
			t.Errorf("others first %v: not related", othersFirst)
		}
		for _, a := range arts {
			want := a.ID[:4] == "kesh"
			if in[a.ID] != want {
				t.Errorf("others first %v: %s on the story = %v, want %v", othersFirst, a.ID, in[a.ID], want)
			}
		}
	}
}

// TestMembersThroughNames joins two articles by a claim and two more by
// names only, one naming what the other names and that one naming what
// the claim's articles name: both belong, whichever order they come in.
func TestMembersThroughNames(t *testing.T) {
	doc := func(keys ...string) *nlp.Document {
		d := &nlp.Document{}
		for _, k := range keys {
			d.Entities = append(d.Entities, nlp.Entity{Key: k})
		}
		return d
	}
	docs := map[string]*nlp.Document{
		"report":  doc("harlow", "mills", "bakery", "flour"),
		"follow":  doc("harlow", "mills", "bakery", "oven"),
		"near":    doc("harlow", "mills", "supplier", "depot"),
		"answer":  doc("supplier", "depot", "quist", "batch"),
		"faraway": doc("orbit", "rocket", "launch", "pad"),
	}
	claims := []claimtrail.Claim{{Statements: []claimtrail.Statement{{Article: "report"}, {Article: "follow"}}}}
	for _, order := range [][]string{{"report", "follow", "answer", "near", "faraway"}, {"answer", "faraway", "near", "report", "follow"}} {
		var arts []claimtrail.Article
		for _, id := range order {
			arts = append(arts, claimtrail.Article{ID: id})
		}
		in, _ := Members(arts, docs, claims)
		for _, id := range order {
			if want := id != "faraway"; in[id] != want {
				t.Errorf("order %v: %s on the story = %v, want %v", order, id, in[id], want)
			}
		}
	}
}
