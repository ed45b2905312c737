package render

import (
	"fmt"
)

const (
	nodeW, nodeH = 176, 42
	gapX, gapY   = 64, 14
	pad          = 8
)

func (g *Graph) layout() {
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
	rows := map[int]int{}
	layers, maxRows := 0, 0
	for i := range g.Nodes {
		n := &g.Nodes[i]
		r := rows[n.Layer]
		rows[n.Layer]++
		n.X = pad + n.Layer*(nodeW+gapX)
		n.Y = pad + r*(nodeH+gapY)
		layers, maxRows = max(layers, n.Layer+1), max(maxRows, r+1)
	}
	g.Width = 2*pad + layers*nodeW + max(0, layers-1)*gapX
	g.Height = 2*pad + maxRows*nodeH + max(0, maxRows-1)*gapY
	for i := range g.Edges {
		e := &g.Edges[i]
		a, b := g.Nodes[e.From], g.Nodes[e.To]
		x1, y1 := a.X+nodeW, a.Y+nodeH/2
		x2, y2 := b.X, b.Y+nodeH/2
		if b.Layer <= a.Layer { // backwards: loop under the boxes
			x1, x2 = a.X+nodeW/2, b.X+nodeW/2
			y1, y2 = a.Y+nodeH, b.Y+nodeH
			e.Path = fmt.Sprintf("M%d %d C%d %d %d %d %d %d", x1, y1, x1, y1+40, x2, y2+40, x2, y2)
			g.Height = max(g.Height, max(y1, y2)+44)
			continue
		}
		mid := (x1 + x2) / 2
		e.Path = fmt.Sprintf("M%d %d C%d %d %d %d %d %d", x1, y1, mid, y1, mid, y2, x2-2, y2)
	}
}
