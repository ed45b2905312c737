package render

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/claimtrail/claimtrail"
)

// ClaimReviewOptions says who publishes the reviews and where.
type ClaimReviewOptions struct {
	// Author is the reviewing organisation; "claimtrail" when empty.
	Author string
	// URL is the page the reviews live on; each review's url is URL with
	// "#claim-ID" appended. Left out when empty.
	URL string
	// Date is the review date; left out when zero.
	Date time.Time
}

// ClaimReview is one schema.org ClaimReview, as JSON-LD.
type ClaimReview struct {
	Context       string       `json:"@context"`
	Type          string       `json:"@type"`
	ClaimReviewed string       `json:"claimReviewed"`
	ReviewRating  Rating       `json:"reviewRating"`
	ItemReviewed  ReviewedItem `json:"itemReviewed"`
	Author        Party        `json:"author"`
	DatePublished string       `json:"datePublished,omitempty"`
	URL           string       `json:"url,omitempty"`
}

// Rating is a schema.org Rating whose alternateName carries the ledger's
// status in words ("Contested: 1 independent origin (...); denied by ...").
type Rating struct {
	Type          string `json:"@type"`
	AlternateName string `json:"alternateName"`
	Name          string `json:"name"` // the status label alone: "Contested"
}

// ReviewedItem is the schema.org Claim under review.
type ReviewedItem struct {
	Type            string        `json:"@type"`
	Author          []Party       `json:"author,omitempty"`
	Appearance      []CreativeRef `json:"appearance,omitempty"`
	FirstAppearance *CreativeRef  `json:"firstAppearance,omitempty"`
	DatePublished   string        `json:"datePublished,omitempty"`
	Text            string        `json:"text,omitempty"`
}

// Party is a schema.org Person or Organization.
type Party struct {
	Type string `json:"@type"`
	Name string `json:"name"`
}

// CreativeRef is an article in which the claim appears.
type CreativeRef struct {
	Type          string `json:"@type"`
	URL           string `json:"url,omitempty"`
	Headline      string `json:"headline,omitempty"`
	DatePublished string `json:"datePublished,omitempty"`
	Publisher     *Party `json:"publisher,omitempty"`
}

// ClaimReviews returns one ClaimReview per claim to check of l, in ledger
// order; asides (opinions, questions, fragments: Claim.Aside) are no
// claims to review and are left out.
// The claim's appearances are the articles that assert or report it (in
// ledger order); its first appearance and date are the earliest dated one;
// its authors are the claim's independent origins.
func ClaimReviews(l *claimtrail.Ledger, opt ClaimReviewOptions) []ClaimReview {
	author := opt.Author
	if author == "" {
		author = "claimtrail"
	}
	out := make([]ClaimReview, 0, len(l.Claims))
	for i := range l.Claims {
		c := &l.Claims[i]
		if c.Aside {
			continue
		}
		r := ClaimReview{
			Context:       "https://schema.org",
			Type:          "ClaimReview",
			ClaimReviewed: c.Text,
			ReviewRating:  Rating{Type: "Rating", AlternateName: StatusWords(c), Name: StatusLabel(c.Status)},
			ItemReviewed:  reviewedItem(l, c),
			Author:        Party{Type: "Organization", Name: author},
		}
		if !opt.Date.IsZero() {
			r.DatePublished = opt.Date.UTC().Format("2006-01-02")
		}
		if opt.URL != "" {
			r.URL = strings.TrimRight(opt.URL, "#") + "#claim-" + c.ID
		}
		out = append(out, r)
	}
	return out
}

func reviewedItem(l *claimtrail.Ledger, c *claimtrail.Claim) ReviewedItem {
	it := ReviewedItem{Type: "Claim"}
	for _, s := range c.Origins {
		it.Author = append(it.Author, party(s))
	}
	var first *claimtrail.Article
	for i := range l.Articles {
		a := &l.Articles[i]
		s := StanceOf(c, a.ID)
		if s != claimtrail.StanceAsserts && s != claimtrail.StanceReports {
			continue
		}
		it.Appearance = append(it.Appearance, creative(a))
		if !a.Published.IsZero() && (first == nil || a.Published.Before(first.Published)) {
			first = a
		}
	}
	if first != nil {
		ref := creative(first)
		it.FirstAppearance = &ref
		it.DatePublished = first.Published.UTC().Format(time.RFC3339)
	}
	return it
}

func party(s claimtrail.Source) Party {
	switch s.Kind {
	case claimtrail.KindPerson, claimtrail.KindOfficial, claimtrail.KindAnonymous:
		return Party{Type: "Person", Name: s.Name}
	}
	return Party{Type: "Organization", Name: s.Name}
}

func creative(a *claimtrail.Article) CreativeRef {
	r := CreativeRef{Type: "NewsArticle", URL: SafeURL(a.URL), Headline: a.Title}
	if a.Outlet != "" {
		r.Publisher = &Party{Type: "Organization", Name: a.Outlet}
	}
	if !a.Published.IsZero() {
		r.DatePublished = a.Published.UTC().Format(time.RFC3339)
	}
	return r
}

// ClaimReviewJSON writes the ClaimReviews of l as an indented JSON array.
// Markup characters are escaped (\u003c), so the output can be embedded in
// a <script type="application/ld+json"> element safely.
func ClaimReviewJSON(w io.Writer, l *claimtrail.Ledger, opt ClaimReviewOptions) error {
	if l == nil {
		return fmt.Errorf("render claimreview: nil ledger")
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(ClaimReviews(l, opt)); err != nil {
		return fmt.Errorf("render claimreview: %w", err)
	}
	return nil
}
