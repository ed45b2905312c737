package load

import (
	"strings"
	"testing"
)

func TestTailScore(t *testing.T) {
	tests := []struct {
		para        string
		boilerplate bool
	}{
		{"Catch the latest port and shipping stories, or download the Quayside App to get alerts on the go!", true},
		{"Find the best of our weekend reads in one place, curated for you every Saturday.", true},
		{"Stay on top of the biggest business news of the week.", true},
		{"Sign up for our morning newsletter.", true},
		{"Leave a Comment", true},
		{"Older Post Newer Post", true},
		{"Also read: Ferry crews vote to join the strike", true},
		{"Also Read | Union leader says talks have stalled", true},
		{"Share this story", true},
		{"Follow us on X and Instagram for more updates", true},
		{"© 2026 Quayside Media Ltd", true},
		{"Copyright Quayside Media. All rights reserved.", true},
		{"Advertisement", true},
		{"Tags: strike, port, Veloria", true},
		{"12 comments", true},
		{"Join our WhatsApp channel for breaking news", true},
		{"Follow the Quay Times: Twitter | Facebook", true},
		{"Reply", true},
		{"A version of this article appears in print on page 4 of the Sunday edition.", true},
		{"Next page: Sports >>", true},
		// body text, even with promotional words in it
		{"The union said members could follow the vote on a new app the port authority launched last month.", false},
		{"He said the offer was “not worth the paper it is written on”.", false},
		{"The strike has cost exporters millions, according to the chamber of commerce.", false},
		{"Regional reaction", false},
		{"Talks resume on Wednesday.", false},
		{"Readers who download the ministry's new app can see ship queues in real time; officials say the figures are updated every hour and that the app has been installed more than 40,000 times since it was released in January, a number that surprised even the developers who built it in a hurry.", false},
	}
	for _, tt := range tests {
		got := tailScore(tt.para) >= boilerplateScore
		if got != tt.boilerplate {
			t.Errorf("tailScore(%q) = %d: boilerplate %v, want %v", tt.para, tailScore(tt.para), got, tt.boilerplate)
		}
	}
}

func TestCutBoilerplateOnlyAtTail(t *testing.T) {
	body := []string{
		"Dock workers walked out on Monday, the union said.",
		"Sign up for our newsletter.", // promotion inside the body: kept
		"The port authority called the strike illegal.",
	}
	tail := []string{
		"Download the Quayside App for alerts!",
		"Share on X",
		"Previous Post Next Post",
	}
	got := cutBoilerplate(append(append([]string{}, body...), tail...))
	if strings.Join(got, "|") != strings.Join(body, "|") {
		t.Errorf("cut = %q, want the body %q", got, body)
	}

	only := []string{"Sign up for our newsletter.", "Share this story"}
	if got := cutBoilerplate(only); len(got) != 1 || got[0] != only[0] {
		t.Errorf("an all-boilerplate text must keep its first paragraph; got %q", got)
	}
	if got := cutBoilerplate(nil); len(got) != 0 {
		t.Errorf("cutBoilerplate(nil) = %q", got)
	}
}

func TestChrome(t *testing.T) {
	tests := []struct {
		para   string
		chrome bool
	}{
		{"Continue reading the main story", true},
		{"Read more about ferries and the Quayside strike.", true},
		{"Filed in Shipping > Ports. Read more about dock strikes.", true},
		{"MORE TO FOLLOW...", true},
		{"Photos by Harbour Lens:", true},
		{"Related Stories", true},
		{"He's back! Moment stranded ferry captain nearly swept into...", true},
		{"Union leader reveals his plan after being pushed to...", true},
		// body text
		{"Continue reading, the minister told the committee, and you will find the clause.", false},
		{"The port will reopen on Monday, the authority said.", false},
		{"Assuming it's not safe to go out yet...", false},
		{"\"We waited and waited and...\" she said.", false},
		{"Sign up for our newsletter.", false}, // a promotion, cut only at the end
		{"Related talks between the unions and the port authority broke down on Sunday night after nine hours, with no date set for their resumption.", false},
	}
	for _, tt := range tests {
		if got := Chrome(tt.para); got != tt.chrome {
			t.Errorf("Chrome(%q) = %v, want %v", tt.para, got, tt.chrome)
		}
	}
}
