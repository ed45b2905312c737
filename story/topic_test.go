package story

import (
	"testing"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/nlp"
)

// offTopic returns the articles of in that the topic rules drop when they
// are weighed with each other alone.
func offTopic(arts []claimtrail.Article, in map[string]bool) map[string]bool {
	var within []claimtrail.Article
	for _, a := range arts {
		if in[a.ID] {
			within = append(within, a)
		}
	}
	kept := onTopic(within, in)
	off := map[string]bool{}
	for id := range in {
		if !kept[id] {
			off[id] = true
		}
	}
	return off
}

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

// TestOffTopicVoices: a wire and its update share many details; counted as
// two members, those details would be the topic every other article must
// use, and a follow-up by another outlet with new figures would fall off.
// Counted as one voice, the follow-up stays and the festival still falls.
func TestOffTopicVoices(t *testing.T) {
	wire := "A passenger ferry sank off Portvale on Friday after striking rocks in fog near the Skell lighthouse. The coast guard said 14 passengers were rescued by the trawler Marta and two crew members were missing; the ferry carried 38 cars and a cargo of timber from Ashcombe."
	arts := []claimtrail.Article{
		{ID: "a1", Outlet: "Coast Wire", Title: "Ferry sinks off Portvale", Text: wire},
		{ID: "a2", Outlet: "Coast Wire", Title: "UPDATE: Ferry sinks off Portvale, two missing", Text: wire + " Divers reached the wreck on Saturday."},
		{ID: "a3", Outlet: "Portvale Post", Title: "Ferry owner offers help to families", Text: "The owner of the ferry that sank off Portvale said it would pay for the families of the two missing crew members to travel to the port. The coast guard said the search would go on."},
		{ID: "a4", Outlet: "Harbour Radio", Title: "Search for missing ferry crew widens", Text: "The coast guard widened the search for the two crew members missing since the ferry sank off Portvale, sending a second helicopter. Rescued passengers were released from hospital."},
		{ID: "a5", Outlet: "Portvale Post", Title: "Portvale festival draws crowds", Text: "Portvale's summer music festival drew 20,000 visitors to the old town at the weekend. Bands played on three stages and the mayor thanked volunteers."},
	}
	in := map[string]bool{"a1": true, "a2": true, "a3": true, "a4": true, "a5": true}
	if off := offTopic(arts, in); !off["a5"] || len(off) != 1 {
		t.Errorf("off topic %v, want only the festival (a5)", off)
	}
}

// TestOffTopicBrief: a two-line brief that repeats the story's lead has
// room for few of the topic's words, yet nearly all its words are the
// topic's: it stays; the festival, as long, still falls.
func TestOffTopicBrief(t *testing.T) {
	long := " The coast guard said 14 passengers were rescued by a trawler and two crew members were missing; the operator said the captain had reported engine trouble before the ferry struck the rocks, and divers would reach the wreck on Saturday. Relatives gathered at the harbour office, where the mayor promised an inquiry into the timetable, the lifeboats, the radar and the training of the deckhands, and the maritime authority grounded the operator's two other vessels pending inspections of their hulls, engines and pumps. Insurers, unions, shipping analysts and the regional governor each called for a review of winter sailings, ticket prices and compensation."
	arts := []claimtrail.Article{
		{ID: "a1", Outlet: "Coast Wire", Title: "Ferry sinks off Portvale", Text: "A passenger ferry sank off Portvale on Friday after striking rocks in fog." + long},
		{ID: "a2", Outlet: "Portvale Post", Title: "Two crew missing after Portvale ferry sinking", Text: "A ferry sank near Portvale after it struck rocks in thick fog." + long},
		{ID: "a3", Outlet: "Harbour Radio", Title: "Ferry operator blames fog", Text: "The ferry that sank off Portvale struck rocks hidden by fog." + long},
		{ID: "a4", Outlet: "Daily Brief", Title: "Portvale ferry sinks", Text: "A ferry sank off Portvale after striking rocks in fog; two crew missing."},
		{ID: "a5", Outlet: "Town Crier", Title: "Portvale festival draws crowds", Text: "Portvale's summer music festival drew 20,000 visitors to the old town at the weekend. Bands played on three stages and the mayor thanked volunteers."},
	}
	in := map[string]bool{"a1": true, "a2": true, "a3": true, "a4": true, "a5": true}
	if off := offTopic(arts, in); !off["a5"] || len(off) != 1 {
		t.Errorf("off topic %v, want only the festival (a5)", off)
	}
}

// TestJoinByWords: four reports of a survey, joined by a claim, and two
// articles no claim and no name joins: an expert's rebuttal of the
// survey's sample, which uses the topic's words though it names none of
// the survey's people or bodies, joins; a long report of a council vote,
// which meets a fifth of the topic's words by its length alone, does not.
func TestJoinByWords(t *testing.T) {
	survey := " The survey of 400 households found that one in three renters skipped meals to pay rent, and the institute said the figure had doubled since its last survey."
	arts := []claimtrail.Article{
		{ID: "r1", Outlet: "Tarn Wire", Title: "Survey: one in three renters skip meals", Text: "A survey by the Halden Trust found renters skipping meals." + survey},
		{ID: "r2", Outlet: "Marlow Post", Title: "Renters skip meals to pay rent, survey finds", Text: "Renters are skipping meals, a Halden Trust survey says." + survey},
		{ID: "r3", Outlet: "Civic Radio", Title: "Rent survey alarms charities", Text: "Charities called the Halden Trust survey of renters alarming." + survey},
		{ID: "r4", Outlet: "Evening Ledger", Title: "Hungry renters", Text: "The Halden Trust survey says renters skip meals." + survey},
		{ID: "rebut", Outlet: "Numbers Weekly", Title: "Experts question rent survey", Text: "Statisticians at the Pascoe Institute say the survey's sample of households was too small to support its headline figure on renters skipping meals."},
		{ID: "vote", Outlet: "Marlow Post", Title: "Council approves new bus depot", Text: "The council voted on Tuesday to approve a new bus depot on the eastern ring road, ending a year of debate. Councillors said the depot would cut journey times, and the institute of transport planners said the figure of 40 new buses was a fair estimate. Residents near the site said they feared noise at night and asked the council to pay for double glazing; the leader said a survey of the site would come first. Work begins in spring and should take two years, with the depot open by the following summer, officials said. Opponents said the cost had doubled since the plan was first published, and that households on the ring road had not been asked."},
	}
	docs := map[string]*nlp.Document{}
	for _, a := range arts {
		docs[a.ID] = &nlp.Document{}
	}
	for _, id := range []string{"r1", "r2", "r3", "r4"} {
		docs[id].Entities = []nlp.Entity{{Key: "haldentrust"}}
	}
	claims := []claimtrail.Claim{{Statements: []claimtrail.Statement{{Article: "r1"}, {Article: "r2"}, {Article: "r3"}, {Article: "r4"}}}}
	in, _ := Members(arts, docs, claims)
	for _, a := range arts {
		if want := a.ID != "vote"; in[a.ID] != want {
			t.Errorf("%s on the story = %v, want %v", a.ID, in[a.ID], want)
		}
	}
}
