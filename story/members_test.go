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
