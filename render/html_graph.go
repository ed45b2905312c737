package render

import (
	"strings"
	"unicode/utf8"

	"github.com/claimtrail/claimtrail"
)

// Node roles in an attribution graph.
const (
	RoleOutlet = "outlet" // publishes the article the statement is in
	RoleRelay  = "relay"  // passes on what another source said
	RoleOrigin = "origin" // an independent ultimate source of the claim
	RoleSource = "source" // a speaker the ledger does not count as independent
	RoleDenier = "denier" // denies the claim
)

// Graph is a claim's attribution chains as a layered graph: publishing
// outlets on the left, the sources they cite to the right.
type Graph struct {
	Nodes  []Node
	Edges  []Edge
	Width  int
	Height int
}

// Node is one party in a Graph.
type Node struct {
	Source claimtrail.Source
	Role   string
	Layer  int
	X, Y   int    // top left corner of the node's box
	W, H   int    // size of the box
	Label  string // name cut to fit the box
}

// Edge says that From cites To; Denies marks chains of denials.
type Edge struct {
	From, To int // node indexes
	Count    int // statements following this edge
	Denies   bool
	Path     string // SVG path data
}

// NewGraph lays out the attribution chains of c's statements. An
// unattributed statement is drawn as its outlet alone.
func NewGraph(l *claimtrail.Ledger, c *claimtrail.Claim) *Graph {
	g := &Graph{}
	index := map[string]int{}
	// Nodes of one kind merge when their names differ only in case, a
	// leading "the" or a trailing "(…)": "The Capital Ledger" is "Capital Ledger".
	key := func(s claimtrail.Source) string {
		return string(s.Kind) + "\x00" + strings.TrimPrefix(bareName(s.Name), "the ")
	}
	node := func(s claimtrail.Source) int {
		k := key(s)
		if i, ok := index[k]; ok {
			return i
		}
		index[k] = len(g.Nodes)
		g.Nodes = append(g.Nodes, Node{Source: s})
		return len(g.Nodes) - 1
	}
	edges := map[[3]int]int{}
	// Origins and deniers match chain nodes by name, ignoring kind and a
	// trailing qualifier: "top sources (TVR-News24)" is the node "top sources".
	isOrigin, isDenier := map[string]bool{}, map[string]bool{}
	for _, s := range c.Origins {
		isOrigin[bareName(s.Name)] = true
	}
	for _, s := range c.DeniedBy {
		isDenier[bareName(s.Name)] = true
	}
	roles := map[int]string{}
	for _, st := range c.Statements {
		chain := st.Chain
		if len(chain) == 0 {
			if a := l.Article(st.Article); a != nil && a.Outlet != "" {
				chain = []claimtrail.Source{{Name: a.Outlet, Kind: claimtrail.KindOutlet}}
			} else {
				continue
			}
		}
		prev := -1
		for i, s := range chain {
			n := node(s)
			switch {
			case isDenier[bareName(s.Name)]:
				roles[n] = RoleDenier
			case isOrigin[bareName(s.Name)] && roles[n] != RoleDenier:
				roles[n] = RoleOrigin
			case roles[n] == RoleOrigin || roles[n] == RoleDenier:
			case i == len(chain)-1 && i > 0:
				if roles[n] == "" || roles[n] == RoleOutlet {
					roles[n] = RoleSource
				}
			case i > 0:
				roles[n] = RoleRelay
			case roles[n] == "":
				roles[n] = RoleOutlet
			}
			if prev >= 0 && prev != n {
				deny := 0
				if st.Polarity == claimtrail.Denies {
					deny = 1
				}
				k := [3]int{prev, n, deny}
				if e, ok := edges[k]; ok {
					g.Edges[e].Count++
				} else {
					edges[k] = len(g.Edges)
					g.Edges = append(g.Edges, Edge{From: prev, To: n, Count: 1, Denies: deny == 1})
				}
			}
			prev = n
		}
	}
	for i := range g.Nodes {
		g.Nodes[i].Role = roles[i]
		g.Nodes[i].Label = cut(g.Nodes[i].Source.Name, 24)
	}
	g.layout()
	return g
}

// bareName is a source name lower-cased, without a trailing "(…)".
func bareName(name string) string {
	name = strings.ToLower(strings.TrimSpace(name))
	if strings.HasSuffix(name, ")") {
		if i := strings.LastIndex(name, " ("); i > 0 {
			name = strings.TrimSpace(name[:i])
		}
	}
	return name
}

// layout gives each node the longest path from a publishing outlet as its
// layer (bounded, so a cycle in odd chains cannot loop), then positions.

func cut(s string, n int) string {
	s = strings.TrimSpace(s)
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}
