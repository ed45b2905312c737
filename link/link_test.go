package link

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/attrib"
	"github.com/claimtrail/claimtrail/nlp"
)

// linkTexts analyses each text as one article and links their statements.
func linkTexts(t *testing.T, texts ...string) []claimtrail.Claim {
	t.Helper()
	an, err := nlp.NewAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	docs := map[string]*nlp.Document{}
	var stmts []claimtrail.Statement
	for i, text := range texts {
		a := &claimtrail.Article{ID: string(rune('a' + i)), Outlet: "Outlet " + string(rune('A'+i)), Text: text}
		d, err := an.Analyze(context.Background(), a)
		if err != nil {
			t.Fatal(err)
		}
		docs[a.ID] = d
		stmts = append(stmts, attrib.New().Extract(d)...)
	}
	return New().Link(docs, stmts)
}

func claimWith(claims []claimtrail.Claim, words string) *claimtrail.Claim {
	for i := range claims {
		for _, st := range claims[i].Statements {
			if strings.Contains(claims[i].Text, words) {
				return &claims[i]
			}
			_ = st
		}
	}
	return nil
}

func articlesOf(c *claimtrail.Claim, pol claimtrail.Polarity) string {
	var ids []string
	for _, st := range c.Statements {
		if st.Polarity == pol {
			ids = append(ids, st.Article)
		}
	}
	return strings.Join(ids, ",")
}

func TestSamePropositionLinks(t *testing.T) {
	claims := linkTexts(t,
		"Navy sources said the frigate Aldis ran aground near Port Veyra on Sunday.",
		"The frigate Aldis struck a sandbank and ran aground near Port Veyra, Coast Wire reported.",
		"The Lindenhof rose society said its summer show would open in July.",
	)
	c := claimWith(claims, "Aldis")
	if c == nil || articlesOf(c, claimtrail.Asserts) != "a,b" {
		t.Fatalf("the two Aldis statements were not linked: %+v", claims)
	}
	if roses := claimWith(claims, "summer show"); roses == nil || articlesOf(roses, claimtrail.Asserts) != "c" {
		t.Error("the unrelated statement was linked to something")
	}
}

func TestLongerRestatementLinks(t *testing.T) {
	claims := linkTexts(t,
		"Navy sources said the frigate Aldis ran aground near Port Veyra.",
		"Harbour officials said the frigate Aldis ran aground near Port Veyra on Sunday evening after its steering failed in heavy seas and two tugs needed six hours to pull it free.",
	)
	c := claimWith(claims, "aground")
	if c == nil || articlesOf(c, claimtrail.Asserts) != "a,b" {
		t.Fatalf("the longer restatement was not linked to the shorter: %q", texts(claims))
	}
}

func TestDenialJoinsWhatItNegates(t *testing.T) {
	claims := linkTexts(t,
		"Navy sources said the frigate Aldis ran aground near Port Veyra. Port Veyra handled 12,000 containers in May, harbour data show.",
		"The navy said the frigate Aldis had not run aground near Port Veyra or anywhere else.",
	)
	aground := claimWith(claims, "aground")
	if aground == nil || articlesOf(aground, claimtrail.Denies) != "b" {
		t.Fatalf("the denial did not join the aground claim: %q", texts(claims))
	}
	if c := claimWith(claims, "containers"); c == nil || articlesOf(c, claimtrail.Denies) != "" {
		t.Error("the denial joined the containers claim")
	}
}

func TestNegativeFactStandsAlone(t *testing.T) {
	claims := linkTexts(t, "The ministry said Veyra has never held a referendum on independence.")
	if len(claims) != 1 || claims[0].Statements[0].Polarity != claimtrail.Asserts {
		t.Fatalf("a negation with nothing to deny should be asserted as a negative fact: %+v", claims)
	}
}

func TestBareVerdictFollowsSpecificDenial(t *testing.T) {
	claims := linkTexts(t,
		"Navy sources said the frigate Aldis ran aground near Port Veyra.",
		"“The story is false,” the navy said. The navy said the frigate Aldis had not run aground near Port Veyra.",
	)
	c := claimWith(claims, "aground")
	if c == nil || articlesOf(c, claimtrail.Denies) != "b,b" {
		var got []string
		for _, st := range c.Statements {
			got = append(got, string(st.Polarity)+":"+st.Article+":"+st.Speaker().Name)
		}
		t.Fatalf("the bare verdict should join the claim its speaker denied: %q", got)
	}
}

func TestWording(t *testing.T) {
	if got := Wording("  “the port   will reopen”, "); got != "The port will reopen" {
		t.Errorf("Wording = %q", got)
	}
	if got := Wording("…und Äpfel"); !utf8.ValidString(got) || got != "…und Äpfel" {
		t.Errorf("Wording broke a multibyte start: %q", got)
	}
	if got := Wording(strings.Repeat("é", 300)); !utf8.ValidString(got) {
		t.Errorf("Wording cut inside a character: %q", got)
	}
	long := strings.Repeat("word ", 100)
	if got := Wording(long); len(got) > 250 || !strings.HasSuffix(got, "…") {
		t.Errorf("long wording not cut: %d bytes", len(got))
	}
}

func texts(claims []claimtrail.Claim) []string {
	var out []string
	for _, c := range claims {
		out = append(out, c.Text)
	}
	return out
}

func TestSynonymsLink(t *testing.T) {
	claims := linkTexts(t,
		"Ministry documents show the health ministry has ordered the closure of the Varlen chemical plant.",
		"The Evening Courier had reported that the ministry ordered the Varlen plant shut.",
	)
	c := claimWith(claims, "Varlen")
	if c == nil || articlesOf(c, claimtrail.Asserts) != "a,b" {
		t.Fatalf("'ordered the plant shut' did not link to 'ordered the closure of the plant': %q", texts(claims))
	}
}

func TestNegationAnswersTheClaimItNegates(t *testing.T) {
	claims := linkTexts(t,
		"Forty pupils in Dorvale fell ill with seizures after the vaccination, parents said.",
		"“There is no cluster of seizures in Dorvale,” the health director, Ilse Marno, said. “It is a matter for the board, not for me,” Marno said.",
	)
	c := claimWith(claims, "pupils")
	if c == nil || articlesOf(c, claimtrail.Denies) != "b" {
		t.Fatalf("the negation did not answer the seizures claim: %q", texts(claims))
	}
}

func TestMirrorActsStayApart(t *testing.T) {
	claims := linkTexts(t,
		"Veyra has expelled three diplomats from Ostland's embassy, the foreign ministry said.",
		"Ostland will expel three Veyran diplomats from Veyra's embassy, officials said.",
	)
	if c := claimWith(claims, "Veyra has expelled"); c == nil || strings.Contains(articlesOf(c, claimtrail.Asserts), "b") {
		t.Fatalf("Ostland's expulsion joined Veyra's: %q", texts(claims))
	}
}

func TestNegatedActsDenyTheirNouns(t *testing.T) {
	claims := linkTexts(t,
		"People familiar with the matter said discussions with Halden on a merger of the two dairies were at an advanced stage. The board would meet on Friday, they said.",
		"The Orvik board added that the company had not proposed, agreed or discussed any merger with Halden.",
	)
	c := claimWith(claims, "advanced stage")
	if c == nil || articlesOf(c, claimtrail.Denies) != "b" {
		t.Fatalf("the denial of the acts did not reach the claim that they are under way: %q", texts(claims))
	}
	if c := claimWith(claims, "Friday"); c != nil && articlesOf(c, claimtrail.Denies) != "" {
		t.Error("the denial reached the meeting claim")
	}
}

// TestBareVerdictJoinsTheArticlesDenial: a verdict on "the report" by a
// speaker named otherwise than the party that denied it specifically ("the
// company" and its chairman) falls on the claim the article showed denied,
// not on the claim most articles carry.
func TestBareVerdictJoinsTheArticlesDenial(t *testing.T) {
	claims := linkTexts(t,
		"The ferry Selka carried 300 passengers when it ran aground near Tolmar on Friday, port officials said. The Harbour Post reported that the Selka had skipped a safety inspection in May, citing port records.",
		"The ferry Selka carried 300 passengers when it ran aground near Tolmar on Friday, port officials said.",
		"Selka Lines has rejected a newspaper report that the ferry had skipped a safety inspection in May. Ivo Brandt, the company's chairman, said the report was wrong.")
	passengers := claimWith(claims, "300 passengers")
	if passengers == nil {
		t.Fatalf("no passengers claim in %+v", claims)
	}
	if got := articlesOf(passengers, claimtrail.Denies); got != "" {
		t.Errorf("passengers claim denied by %q, want by no article", got)
	}
	for _, c := range claims {
		for _, st := range c.Statements {
			if st.Polarity == claimtrail.Denies && st.Speaker().Name == "Ivo Brandt" && !strings.Contains(c.Text, "inspection") {
				t.Errorf("the chairman's verdict joined %q, want the inspection claim", c.Text)
			}
		}
	}
}

// TestRestatedDenialJoinsTheFirst: a speaker who repeats her denial in a
// quotation, with too few of the claim's words to deny it alone, denies
// what her first denial did; it is no negative fact of its own.
func TestRestatedDenialJoinsTheFirst(t *testing.T) {
	claims := linkTexts(t,
		"Opposition leader Mara Lind conceded defeat in the election in a telephone call to the prime minister, two people familiar with the call said.",
		"Mara Lind said she had not conceded defeat and would not do so until every vote had been counted. \"I have not conceded, and I will not concede until every vote is counted,\" Lind said.")
	for _, c := range claims {
		if strings.Contains(c.Text, "I have not conceded") {
			t.Errorf("the quoted denial is a claim of its own: %+v", c)
		}
	}
}

// TestPartyOfficerDeniesNotItsOwnBody: a negative fact by an officer of the
// body that states the claim in the same article ("the council's head of
// engineering") is no denial of that claim.
func TestPartyOfficerDeniesNotItsOwnBody(t *testing.T) {
	claims := linkTexts(t,
		"Tolmar Harbour Council said inspectors had checked the two other piers after the collapse. \"Our inspectors found no structural faults in the two other piers,\" the council's head of engineering, Ada Brannock, said.")
	for _, c := range claims {
		for _, st := range c.Statements {
			if st.Polarity == claimtrail.Denies {
				t.Errorf("%q denied by %v", c.Text, st.Speaker())
			}
		}
	}
}

// TestCannotIsNegative: "cannot" and "can not" state the same negative
// fact; the one is no denial of the other.
func TestCannotIsNegative(t *testing.T) {
	claims := linkTexts(t,
		"Mayor Ilse Varga said the Orvel bridge cannot be reopened before May.",
		"Mayor Ilse Varga said the Orvel bridge can not be reopened before May.")
	c := claimWith(claims, "reopened")
	if c == nil {
		t.Fatalf("no claim about the bridge: %+v", claims)
	}
	if got := articlesOf(c, claimtrail.Asserts); got != "a,b" {
		t.Errorf("asserted by %q, want a,b; denied by %q", got, articlesOf(c, claimtrail.Denies))
	}
}

// TestSharedCountAloneDoesNotLink: statements from unrelated articles that
// share only a count ("five", "three") and function words state nothing in
// common, however short they are.
func TestSharedCountAloneDoesNotLink(t *testing.T) {
	claims := linkTexts(t,
		"Officials said all five are still in Varnia.",
		"Doctors said a family of five tested positive for the marsh fever.",
		"The ministry said the rebels had killed five foreign hostages since June.",
		"His cousin said he had four sisters.",
		"Police said four or five shots rang out after a short pause.",
		"The mayor said the rebels took 30 hostages, three of whom have been executed.",
		"Her lawyer said he has three.",
	)
	noneLinked(t, claims)
}

// noneLinked fails for every claim asserted in more than one article.
func noneLinked(t *testing.T, claims []claimtrail.Claim) {
	t.Helper()
	for _, c := range claims {
		if arts := articlesOf(&c, claimtrail.Asserts); strings.Contains(arts, ",") {
			t.Errorf("statements sharing only a count were linked (%s): %q", arts, c.Text)
		}
	}
}

// TestSharedFigureWithWordsLinks: a count shared with the words of the
// predicate still links, and so does a specific figure ("2.3 billion")
// given twice for one price.
func TestSharedFigureWithWordsLinks(t *testing.T) {
	claims := linkTexts(t,
		"Rescuers said five miners were trapped in the Orlan pit.",
		"Five miners remain trapped underground at Orlan, the union said.",
		"Bankers said Tessaly Mills had offered about 2.3 billion crowns.",
		"Analysts said a price of 2.3 billion would be high.",
	)
	if c := claimWith(claims, "trapped"); c == nil || articlesOf(c, claimtrail.Asserts) != "a,b" {
		t.Errorf("the two statements of five trapped miners were not linked: %q", texts(claims))
	}
	if c := claimWith(claims, "2.3 billion"); c == nil || articlesOf(c, claimtrail.Asserts) != "c,d" {
		t.Errorf("the two statements of one 2.3 billion price were not linked: %q", texts(claims))
	}
}

// TestSharedCountFragmentDoesNotLink: within one story (the articles name
// one town), a fragment that shares only a count with a statement ("he has
// three") still joins nothing.
func TestSharedCountFragmentDoesNotLink(t *testing.T) {
	claims := linkTexts(t,
		"Gunmen in Maravel took 30 hostages, three of whom have been executed, the governor said.",
		"A cousin of one hostage in Maravel said he has three.",
	)
	noneLinked(t, claims)
}
