package ledger

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Summary holds the micro-averaged figures over all stories, with the keys
// and rounding of the reference scorer's SUMMARY line. A ratio is nil when
// nothing was counted.
type Summary struct {
	Stories                 int      `json:"stories"`
	GoldClaims              int      `json:"gold_claims"`
	ClaimRecall             *float64 `json:"claim_recall"`
	ClaimPrecision          *float64 `json:"claim_precision"`
	StatusAccuracy          *float64 `json:"status_accuracy"`
	OriginCountAccuracy     *float64 `json:"origin_count_accuracy"`
	DenialAccuracy          *float64 `json:"denial_accuracy"`
	StanceAccuracy          *float64 `json:"stance_accuracy"`
	StanceAccuracyNonAbsent *float64 `json:"stance_accuracy_non_absent"`
	ChainAccuracy           *float64 `json:"chain_accuracy"`
	FalseMerges             int      `json:"false_merges"`
	MustNotMergePairs       int      `json:"must_not_merge_pairs"`
	FalseCorroboration      int      `json:"false_corroboration"`
	StatusAccuracyAll       *float64 `json:"status_accuracy_all"`
	OriginCountAccuracyAll  *float64 `json:"origin_count_accuracy_all"`
	StanceAccuracyAll       *float64 `json:"stance_accuracy_all"`
	ImpureMatches           int      `json:"impure_matches"`
	FlagAccuracy            *float64 `json:"flag_accuracy"`
	OriginNameRecall        *float64 `json:"origin_name_recall"`
	Splits                  int      `json:"splits"`
	LedgerClaims            int      `json:"ledger_claims"`
	LedgerClaimsMinor       int      `json:"ledger_claims_minor"`
	LedgerClaimsTrivial     int      `json:"ledger_claims_trivial"`
	LedgerClaimsUnmatched   int      `json:"ledger_claims_unmatched"`
	OffstoryLeakClaims      int      `json:"offstory_leak_claims"`
	OffstoryArticleAccuracy *float64 `json:"offstory_article_accuracy"`
	LedgersUnreadable       int      `json:"ledgers_unreadable"`
	// Chains and ChainsN are the counts behind ChainAccuracy (not in the
	// reference scorer's line, which shows them in its TOTAL row).
	Chains  int `json:"chains"`
	ChainsN int `json:"chains_n"`
	// The aside figures (not in the reference scorer): how many ledger
	// claims are kept apart as asides and what they match;
	// ClaimRecallCheckworthy is claim recall counting a gold claim whose
	// matching ledger claim is an aside as missed.
	LedgerAsides           int      `json:"ledger_asides"`
	AsidesMatchingGold     int      `json:"asides_matching_gold"`
	AsidesMatchingMinor    int      `json:"asides_matching_minor"`
	AsidesUnmatched        int      `json:"asides_unmatched"`
	ClaimRecallCheckworthy *float64 `json:"claim_recall_checkworthy"`
}

// Report is a scored set of stories: score.py's score.json.
type Report struct {
	Summary Summary      `json:"summary"`
	Stories []StoryScore `json:"stories"`
	// Errors name the stories that could not be scored (a malformed
	// gold.json); they are left out of the figures.
	Errors []string `json:"errors,omitempty"`
}

// totals are the counts summed over stories.
type totals struct {
	Counts
	prec          Precision
	merges, pairs int
	offOK, offN   int
}

func (r *Report) totals() totals {
	var t totals
	for i := range r.Stories {
		s := &r.Stories[i]
		n := s.N
		t.Gold += n.Gold
		t.Matched += n.Matched
		t.Status += n.Status
		t.Origins += n.Origins
		t.Flags += n.Flags
		t.Denial += n.Denial
		t.DenialN += n.DenialN
		t.Stance += n.Stance
		t.StanceN += n.StanceN
		t.StancePres += n.StancePres
		t.StancePresN += n.StancePresN
		t.Chain += n.Chain
		t.ChainN += n.ChainN
		t.FalseCorr += n.FalseCorr
		t.Splits += n.Splits
		t.OriginNames += n.OriginNames
		t.OriginNamesN += n.OriginNamesN
		t.Impure += n.Impure
		t.StanceAllN += n.StanceAllN
		t.AsideMatched += n.AsideMatched
		p := s.Prec
		t.prec.Total += p.Total
		t.prec.Matched += p.Matched
		t.prec.Minor += p.Minor
		t.prec.Trivial += p.Trivial
		t.prec.Leak += p.Leak
		t.prec.Unmatched += p.Unmatched
		t.prec.Asides += p.Asides
		t.prec.AsideGold += p.AsideGold
		t.prec.AsideMinor += p.AsideMinor
		t.prec.AsideUnmatched += p.AsideUnmatched
		t.merges += s.Merges
		t.pairs += s.Pairs
		t.offOK += s.OffOK
		t.offN += s.OffN
	}
	return t
}

// Summarize fills in the report's summary from its stories.
func (r *Report) Summarize() {
	t := r.totals()
	sm := Summary{
		Stories: len(r.Stories), GoldClaims: t.Gold,
		ClaimRecall:             ratio(t.Matched, t.Gold),
		ClaimPrecision:          ratio(t.prec.Matched, t.prec.Matched+t.prec.Unmatched),
		StatusAccuracy:          ratio(t.Status, t.Matched),
		OriginCountAccuracy:     ratio(t.Origins, t.Matched),
		DenialAccuracy:          ratio(t.Denial, t.DenialN),
		StanceAccuracy:          ratio(t.Stance, t.StanceN),
		StanceAccuracyNonAbsent: ratio(t.StancePres, t.StancePresN),
		ChainAccuracy:           ratio(t.Chain, t.ChainN),
		FalseMerges:             t.merges, MustNotMergePairs: t.pairs,
		FalseCorroboration:     t.FalseCorr,
		StatusAccuracyAll:      ratio(t.Status, t.Gold),
		OriginCountAccuracyAll: ratio(t.Origins, t.Gold),
		StanceAccuracyAll:      ratio(t.Stance, t.StanceAllN),
		ImpureMatches:          t.Impure,
		FlagAccuracy:           ratio(t.Flags, t.Matched),
		OriginNameRecall:       ratio(t.OriginNames, t.OriginNamesN),
		Splits:                 t.Splits,
		LedgerClaims:           t.prec.Total, LedgerClaimsMinor: t.prec.Minor,
		LedgerClaimsTrivial: t.prec.Trivial, LedgerClaimsUnmatched: t.prec.Unmatched,
		OffstoryLeakClaims:      t.prec.Leak,
		OffstoryArticleAccuracy: ratio(t.offOK, t.offN),
		Chains:                  t.Chain, ChainsN: t.ChainN,
		LedgerAsides: t.prec.Asides, AsidesMatchingGold: t.prec.AsideGold,
		AsidesMatchingMinor: t.prec.AsideMinor, AsidesUnmatched: t.prec.AsideUnmatched,
		ClaimRecallCheckworthy: ratio(t.Matched-t.AsideMatched, t.Gold),
	}
	for i := range r.Stories {
		if r.Stories[i].LedgerError != nil {
			sm.LedgersUnreadable++
		}
	}
	r.Summary = sm
}

// ratio is n/d rounded to three decimals as Python's round does (the
// nearest decimal to the exact binary value), nil when d is 0.
func ratio(n, d int) *float64 {
	if d == 0 {
		return nil
	}
	v, _ := strconv.ParseFloat(strconv.FormatFloat(float64(n)/float64(d), 'f', 3, 64), 64)
	return &v
}

// fraction writes n/d as the table does, "-" when d is 0.
func fraction(n, d int) string {
	if d == 0 {
		return "   -  "
	}
	return fmt.Sprintf("%2d/%-3d", n, d)
}

// WriteTable writes one row per story and a TOTAL row, as the reference
// scorer prints them; with details, each story's lines follow its row.
func (r *Report) WriteTable(w io.Writer, details bool) error {
	var b strings.Builder
	hdr := fmt.Sprintf("%-22s%8s%8s%8s%8s%8s%9s%9s%8s%7s%7s", "story", "recall", "prec", "status", "origins",
		"denial", "stance", "st!=abs", "chain", "merge", "falseC")
	rule := strings.Repeat("-", len(hdr))
	fmt.Fprintf(&b, "%s\n%s\n", hdr, rule)
	for i := range r.Stories {
		s := &r.Stories[i]
		note := ""
		if s.LedgerError != nil {
			note = "   (ledger: " + *s.LedgerError + ")"
		}
		b.WriteString(row(cut(s.Story, 21), s.N, s.Prec, s.Merges, s.Pairs) + note + "\n")
		if details {
			for _, l := range s.Lines {
				b.WriteString(l + "\n")
			}
		}
	}
	t := r.totals()
	fmt.Fprintf(&b, "%s\n%s\n", rule, row("TOTAL", t.Counts, t.prec, t.merges, t.pairs))
	_, err := io.WriteString(w, b.String())
	return err
}

func row(name string, n Counts, p Precision, merges, pairs int) string {
	return fmt.Sprintf("%-22s%8s%8s%8s%8s%8s%9s%9s%8s%7s%7d", name,
		fraction(n.Matched, n.Gold), fraction(p.Matched, p.Matched+p.Unmatched),
		fraction(n.Status, n.Matched), fraction(n.Origins, n.Matched),
		fraction(n.Denial, n.DenialN), fraction(n.Stance, n.StanceN),
		fraction(n.StancePres, n.StancePresN), fraction(n.Chain, n.ChainN),
		fraction(merges, pairs), n.FalseCorr)
}

// WriteMarkdown writes the report as Markdown tables: one row per story and
// a total row (right/total counts), then every summary figure.
func (r *Report) WriteMarkdown(w io.Writer) error {
	var b strings.Builder
	b.WriteString("| story | recall | precision | status | origins | deniers | stance | stance (not absent) | chains | false merges | false corroboration |\n")
	b.WriteString("|---|---|---|---|---|---|---|---|---|---|---|\n")
	for i := range r.Stories {
		s := &r.Stories[i]
		b.WriteString(markdownRow(s.Story, s.N, s.Prec, s.Merges, s.Pairs))
	}
	t := r.totals()
	b.WriteString(markdownRow("**total**", t.Counts, t.prec, t.merges, t.pairs))
	b.WriteString("\n| figure | value |\n|---|---|\n")
	data, err := json.Marshal(r.Summary)
	if err != nil {
		return err
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	if _, err := dec.Token(); err != nil {
		return err
	}
	for dec.More() {
		k, err := dec.Token()
		if err != nil {
			return err
		}
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return err
		}
		fmt.Fprintf(&b, "| %s | %s |\n", k, v)
	}
	_, err = io.WriteString(w, b.String())
	return err
}

func markdownRow(name string, n Counts, p Precision, merges, pairs int) string {
	f := func(a, b int) string {
		if b == 0 {
			return "–"
		}
		return fmt.Sprintf("%d/%d", a, b)
	}
	return fmt.Sprintf("| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %d |\n", name,
		f(n.Matched, n.Gold), f(p.Matched, p.Matched+p.Unmatched), f(n.Status, n.Matched), f(n.Origins, n.Matched),
		f(n.Denial, n.DenialN), f(n.Stance, n.StanceN), f(n.StancePres, n.StancePresN), f(n.Chain, n.ChainN),
		f(merges, pairs), n.FalseCorr)
}
