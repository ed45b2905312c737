package render

import (
	"fmt"
	"slices"
	"strings"
)

// Geometry of the attribution graph, in SVG user units.
const (
	nodeW, nodeH = 176, 42
	gapX, gapY   = 64, 14 // between columns, between rows
	pad          = 8      // around the drawing
	laneH        = 10     // a row through which an edge crosses a column
	loopGap      = 10     // between the channels of edges drawn backwards
)

// slot is one row of a layer: a node's box, or a lane through which an
// edge that skips the layer crosses it, so that no edge is drawn across a
// box that is not one of its ends.
type slot struct {
	node int // node index; -1 for a lane
	edge int // for a lane, the edge crossing
	cy   int // vertical centre, set by place
}

// layout places the nodes in layers (columns) by chain depth, orders each
// layer to follow the one before it, and routes every edge around the
// boxes: between adjacent columns as a curve in the gap, across a skipped
// column through a lane of its own, and backwards (a cycle in odd chains)
// down the gap beside its start, along a channel under every box and up
// the gap beside its end.
func (g *Graph) layout() {
	g.assignLayers()
	layers := g.slots()
	order(layers, g.predecessors(layers))
	g.place(layers)
	g.route(layers)
}

// assignLayers gives each node the longest path from a publishing outlet
// as its layer (bounded, so a cycle in odd chains cannot loop).
func (g *Graph) assignLayers() {
	for pass := 0; pass < len(g.Nodes); pass++ {
		changed := false
		for _, e := range g.Edges {
			if want := g.Nodes[e.From].Layer + 1; g.Nodes[e.To].Layer < want && want < len(g.Nodes) {
				g.Nodes[e.To].Layer, changed = want, true
			}
		}
		if !changed {
			break
		}
	}
}

// forward reports whether e goes to a later layer.
func (g *Graph) forward(e Edge) bool { return g.Nodes[e.To].Layer > g.Nodes[e.From].Layer }

// slots lists each layer's nodes, in order of appearance, then a lane for
// every forward edge that skips the layer.
func (g *Graph) slots() [][]slot {
	n := 0
	for _, nd := range g.Nodes {
		n = max(n, nd.Layer+1)
	}
	layers := make([][]slot, n)
	for i, nd := range g.Nodes {
		layers[nd.Layer] = append(layers[nd.Layer], slot{node: i})
	}
	for i, e := range g.Edges {
		if !g.forward(e) {
			continue
		}
		for m := g.Nodes[e.From].Layer + 1; m < g.Nodes[e.To].Layer; m++ {
			layers[m] = append(layers[m], slot{node: -1, edge: i})
		}
	}
	return layers
}

// slotKey identifies a slot across reorderings: a node, or an edge's lane
// in a layer.
type slotKey struct{ node, edge, layer int }

func keyOf(s slot, layer int) slotKey {
	if s.node >= 0 {
		return slotKey{s.node, -1, -1}
	}
	return slotKey{-1, s.edge, layer}
}

// predecessors maps each slot to the slots in the layer before it that a
// forward edge joins it to.
func (g *Graph) predecessors(layers [][]slot) map[slotKey][]slotKey {
	pred := map[slotKey][]slotKey{}
	for i, e := range g.Edges {
		if !g.forward(e) {
			continue
		}
		prev := slotKey{e.From, -1, -1}
		for m := g.Nodes[e.From].Layer + 1; m < g.Nodes[e.To].Layer; m++ {
			lane := slotKey{-1, i, m}
			pred[lane] = append(pred[lane], prev)
			prev = lane
		}
		to := slotKey{e.To, -1, -1}
		pred[to] = append(pred[to], prev)
	}
	return pred
}

// order sorts each layer after the first by the mean position of its
// slots' predecessors (the barycentre heuristic), which keeps chains
// straight and crossings few; a slot with none keeps its position.
func order(layers [][]slot, pred map[slotKey][]slotKey) {
	pos := map[slotKey]int{}
	for m, layer := range layers {
		bary := make(map[slotKey]float64, len(layer))
		for i, s := range layer {
			k := keyOf(s, m)
			bary[k] = float64(i)
			if ps := pred[k]; len(ps) > 0 && m > 0 {
				sum := 0
				for _, p := range ps {
					sum += pos[p]
				}
				bary[k] = float64(sum) / float64(len(ps))
			}
		}
		slices.SortStableFunc(layer, func(a, b slot) int {
			x, y := bary[keyOf(a, m)], bary[keyOf(b, m)]
			switch {
			case x < y:
				return -1
			case x > y:
				return 1
			}
			return 0
		})
		for i, s := range layer {
			pos[keyOf(s, m)] = i
		}
	}
}

// place gives every node its box and every slot its centre, and sizes
// the drawing.
func (g *Graph) place(layers [][]slot) {
	bottom := 0
	for m, layer := range layers {
		y := pad
		for i := range layer {
			s := &layer[i]
			if s.node < 0 {
				s.cy = y + laneH/2
				y += laneH + gapY
				continue
			}
			n := &g.Nodes[s.node]
			n.X, n.Y, n.W, n.H = columnX(m), y, nodeW, nodeH
			s.cy = y + nodeH/2
			y += nodeH + gapY
		}
		bottom = max(bottom, y-gapY)
	}
	g.Width = 2*pad + len(layers)*nodeW + max(0, len(layers)-1)*gapX
	g.Height = bottom + pad
}

// columnX is the left edge of a layer's column.
func columnX(layer int) int { return pad + layer*(nodeW+gapX) }

// route draws every edge's path (see layout).
func (g *Graph) route(layers [][]slot) {
	lanes := map[slotKey]int{} // lane → centre
	for m, layer := range layers {
		for _, s := range layer {
			if s.node < 0 {
				lanes[keyOf(s, m)] = s.cy
			}
		}
	}
	channel := g.Height - pad // the lowest box or lane
	for i := range g.Edges {
		e := &g.Edges[i]
		if g.forward(*e) {
			e.Path = g.forwardPath(i, lanes)
			continue
		}
		a, b := g.Nodes[e.From], g.Nodes[e.To]
		right := a.X + nodeW + gapX/2 // in the gap right of the start's column
		back := b.X + nodeW + gapX/2  // in the gap right of the end's column
		y1, y2 := a.Y+nodeH/2, b.Y+nodeH/2
		if a.Layer == b.Layer {
			e.Path = fmt.Sprintf("M%d %d L%d %d L%d %d L%d %d", a.X+nodeW, y1, right, y1, right, y2, b.X+nodeW+2, y2)
		} else {
			channel += loopGap
			e.Path = fmt.Sprintf("M%d %d L%d %d L%d %d L%d %d L%d %d L%d %d", a.X+nodeW, y1, right, y1,
				right, channel, back, channel, back, y2, b.X+nodeW+2, y2)
		}
		g.Width = max(g.Width, right+pad)
	}
	g.Height = max(g.Height, channel+pad)
}

// forwardPath draws edge i from its start's right side to its end's left
// side: a curve across each gap between columns, a straight line along
// its lane across each column it skips.
func (g *Graph) forwardPath(i int, lanes map[slotKey]int) string {
	e := g.Edges[i]
	a, b := g.Nodes[e.From], g.Nodes[e.To]
	x, y := a.X+nodeW, a.Y+nodeH/2
	var p strings.Builder
	fmt.Fprintf(&p, "M%d %d", x, y)
	curve := func(x2, y2 int) {
		mid := (x + x2) / 2
		fmt.Fprintf(&p, " C%d %d %d %d %d %d", mid, y, mid, y2, x2, y2)
		x, y = x2, y2
	}
	for m := a.Layer + 1; m < b.Layer; m++ {
		cy := lanes[slotKey{-1, i, m}]
		curve(columnX(m), cy)
		x = columnX(m) + nodeW
		fmt.Fprintf(&p, " L%d %d", x, y)
	}
	curve(b.X-2, b.Y+nodeH/2)
	return p.String()
}
