package story

import (
	"testing"

	"github.com/claimtrail/claimtrail"
)

// TestOffTopic: an article that shares the story's town but not its topic
// falls off; a column about the story, in other words, stays.
func TestOffTopic(t *testing.T) {
	arts := []claimtrail.Article{
		{ID: "a1", Title: "Ferry sinks off Portvale", Text: "A passenger ferry sank off Portvale on Friday after striking rocks in fog. The coast guard said 14 passengers were rescued and two crew members were missing."},
		{ID: "a2", Title: "Two crew missing after Portvale ferry sinking", Text: "Rescuers searched through the night for two crew members missing after a ferry sank near Portvale. The ferry struck rocks in thick fog, the coast guard said."},
		{ID: "a3", Title: "Ferry operator blames fog", Text: "The operator of the ferry that sank off Portvale said thick fog hid the rocks. The coast guard rescued passengers from the water; two crew members are still missing."},
		{ID: "a4", Title: "Comment: Portvale's ferries need radar", Text: "Every winter the fog rolls in and the ferry keeps sailing. Friday's sinking, with two crew still missing, should end the habit of sailing blind past the rocks."},
		{ID: "a5", Title: "Portvale festival draws crowds", Text: "Portvale's summer music festival drew 20,000 visitors to the old town at the weekend. Bands played on three stages and the mayor thanked volunteers."},
	}
	in := map[string]bool{"a1": true, "a2": true, "a3": true, "a4": true, "a5": true}
	off := offTopic(arts, in)
	if !off["a5"] || len(off) != 1 {
		t.Errorf("off topic %v, want only the festival (a5)", off)
	}
	delete(in, "a5")
	delete(in, "a4")
	if off := offTopic(arts, in); len(off) != 0 {
		t.Errorf("three articles: %v, want none judged (too few to tell the topic)", off)
	}
}
