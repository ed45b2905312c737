package story_test

import (
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail"
)

func chainText(st claimtrail.Statement) string {
	var names []string
	for _, s := range st.Chain {
		names = append(names, s.Name)
	}
	return strings.Join(names, " ← ")
}

// TestRelayChainAsWritten: the relay names only the wire, so its chain
// stops at the wire (a chain says what the article says, as ledger-dev's
// gold chains do), while the wire's own article says whom it relied on:
// the claim has one origin, the engineer.
func TestRelayChainAsWritten(t *testing.T) {
	l := ledger(t,
		art("Tarn Wire", "The dam at Lake Vessa was weakened by an unrepaired crack in its spillway, according to an engineer who was not authorised to speak publicly."),
		art("Hill Courier", "Tarn Wire reported on Monday that the dam at Lake Vessa was weakened by an unrepaired crack in its spillway."),
	)
	c := find(t, l, "spillway")
	if len(c.Origins) != 1 || c.Status != claimtrail.SingleSource {
		t.Errorf("origins %v status %s, want the engineer alone", c.Origins, c.Status)
	}
	want := "Hill Courier ← Tarn Wire"
	found := false
	for _, st := range c.Statements {
		found = found || chainText(st) == want
	}
	if !found {
		t.Errorf("no chain %q", want)
	}
}

// TestOneParty: a person named in full and by surname, and an outlet's own
// passing restatement of what she said, are one origin.
func TestOneParty(t *testing.T) {
	l := ledger(t,
		art("Marsh Post", "The Orvik ferry service will be suspended for three weeks from Monday, harbour master Elsa Brandt said on Friday."),
		art("Fen Radio", "The Orvik ferry service will be suspended for three weeks from Monday, Brandt said."),
		art("Delta Times", "The Orvik ferry service will be suspended for three weeks from Monday. Repairs to the slipway are overdue, the harbour master's office said."),
	)
	c := find(t, l, "suspended")
	if len(c.Origins) != 1 || c.Status != claimtrail.SingleSource {
		t.Errorf("origins %v status %s, want Elsa Brandt alone", c.Origins, c.Status)
	}
}

// TestBlanketVerdict: a verdict on the report as a whole reaches the
// report's other claims as a denial of their source, without making them
// contested.
func TestBlanketVerdict(t *testing.T) {
	l := ledger(t,
		art("North Ledger", "Velmar's navy is preparing to blockade the port of Kesh, sources told the Ridge Times. The navy has also moved four frigates to the Kesh strait, the Ridge Times reported, citing the same sources."),
		art("Kesh Daily", "Velmar's defence ministry denied that its navy was preparing to blockade the port of Kesh. \"The news item is completely fabricated,\" the ministry said."),
	)
	frigates := find(t, l, "frigates")
	if len(frigates.ReportDenials) == 0 {
		t.Fatalf("frigates claim: no denial of its report; statements %+v", frigates.Statements)
	}
	if frigates.Status == claimtrail.Contested {
		t.Errorf("frigates claim contested by a verdict on its report, want it shown apart")
	}
}

// TestBlanketReachesReportItself: a verdict on a report reaches the claims
// the report's own article makes, not only those its relays repeat: the
// outlet that published the report is its voice, not a relay. An article
// in its own voice that no chain cites is no such report.
func TestBlanketReachesReportItself(t *testing.T) {
	l := ledger(t,
		art("Brask Wire", "Orlen's army is preparing to close the Tamsa border crossing, senior officials told Brask Wire. The army has also cancelled all leave for border units, the officials said."),
		art("Fjord Courier", "Orlen's army is preparing to close the Tamsa border crossing, Brask Wire reported, citing senior officials."),
		art("Orsk Beacon", "Orlen's interior ministry denied that the army was preparing to close the Tamsa border crossing. It said the Brask Wire report was \"fabricated\". Trade through Tamsa rose by a tenth last year."),
	)
	leave := find(t, l, "leave")
	if len(leave.ReportDenials) == 0 {
		t.Errorf("leave claim of the report's own article: no denial of its report")
	}
	if leave.Status == claimtrail.Contested {
		t.Errorf("leave claim contested by a verdict on its report, want it shown apart")
	}
	trade := find(t, l, "Trade")
	if len(trade.ReportDenials) != 0 {
		t.Errorf("the denier's own statement carries a denial of a report it is no part of: %+v", trade.ReportDenials)
	}
}
