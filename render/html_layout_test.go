package render_test

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/load"
	"github.com/claimtrail/claimtrail/pipeline"
	"github.com/claimtrail/claimtrail/render"
	"github.com/claimtrail/claimtrail/web/webtest"
)

type point struct{ x, y float64 }

// drawnSegments reads SVG path data as drawn (absolute M, L, H, V and C;
// each cubic flattened into short chords) and returns its segments.
func drawnSegments(d string) ([][2]point, error) {
	f := strings.Fields(strings.NewReplacer(",", " ", "M", " M ", "L", " L ", "H", " H ", "V", " V ", "C", " C ").Replace(d))
	var segs [][2]point
	var cur point
	num := func(i int) (float64, error) {
		if i >= len(f) {
			return 0, errors.New("path ends early")
		}
		return strconv.ParseFloat(f[i], 64)
	}
	nums := func(i, n int) ([]float64, error) {
		out := make([]float64, n)
		for k := range out {
			v, err := num(i + k)
			if err != nil {
				return nil, err
			}
			out[k] = v
		}
		return out, nil
	}
	for i := 0; i < len(f); {
		cmd := f[i]
		i++
		var n int
		switch cmd {
		case "M", "L":
			n = 2
		case "H", "V":
			n = 1
		case "C":
			n = 6
		default:
			return nil, fmt.Errorf("path command %q not understood", cmd)
		}
		v, err := nums(i, n)
		if err != nil {
			return nil, err
		}
		i += n
		next := cur
		switch cmd {
		case "M":
			cur = point{v[0], v[1]}
			continue
		case "L":
			next = point{v[0], v[1]}
		case "H":
			next.x = v[0]
		case "V":
			next.y = v[0]
		case "C":
			p1, p2, p3 := point{v[0], v[1]}, point{v[2], v[3]}, point{v[4], v[5]}
			const steps = 64
			prev := cur
			for s := 1; s <= steps; s++ {
				t := float64(s) / steps
				u := 1 - t
				q := point{
					u*u*u*cur.x + 3*u*u*t*p1.x + 3*u*t*t*p2.x + t*t*t*p3.x,
					u*u*u*cur.y + 3*u*u*t*p1.y + 3*u*t*t*p2.y + t*t*t*p3.y,
				}
				segs = append(segs, [2]point{prev, q})
				prev = q
			}
			cur = p3
			continue
		}
		segs = append(segs, [2]point{cur, next})
		cur = next
	}
	return segs, nil
}

// hitsBox reports whether segment a–b meets the closed box (Liang–Barsky).
func hitsBox(a, b point, x0, y0, x1, y1 float64) bool {
	t0, t1 := 0.0, 1.0
	dx, dy := b.x-a.x, b.y-a.y
	for _, c := range [][2]float64{{-dx, a.x - x0}, {dx, x1 - a.x}, {-dy, a.y - y0}, {dy, y1 - a.y}} {
		p, q := c[0], c[1]
		if p == 0 {
			if q < 0 {
				return false
			}
			continue
		}
		r := q / p
		if p < 0 {
			t0 = max(t0, r)
		} else {
			t1 = min(t1, r)
		}
		if t0 > t1 {
			return false
		}
	}
	return true
}

// checkGeometry fails t for every edge drawn across a node that is not
// one of its ends, for boxes that overlap, and for drawing outside the
// canvas.
func checkGeometry(t *testing.T, name string, g *render.Graph) {
	t.Helper()
	for i, a := range g.Nodes {
		if a.X < 0 || a.Y < 0 || a.X+a.W > g.Width || a.Y+a.H > g.Height {
			t.Errorf("%s: node %q outside the %d×%d canvas", name, a.Source.Name, g.Width, g.Height)
		}
		for _, b := range g.Nodes[i+1:] {
			if a.X < b.X+b.W && b.X < a.X+a.W && a.Y < b.Y+b.H && b.Y < a.Y+a.H {
				t.Errorf("%s: nodes %q and %q overlap", name, a.Source.Name, b.Source.Name)
			}
		}
	}
	for _, e := range g.Edges {
		segs, err := drawnSegments(e.Path)
		if err != nil {
			t.Fatalf("%s: edge path %q: %v", name, e.Path, err)
		}
		from, to := g.Nodes[e.From].Source.Name, g.Nodes[e.To].Source.Name
		for k, n := range g.Nodes {
			if k == e.From || k == e.To {
				continue
			}
			for _, s := range segs {
				if hitsBox(s[0], s[1], float64(n.X), float64(n.Y), float64(n.X+n.W), float64(n.Y+n.H)) {
					t.Errorf("%s: edge %q → %q passes under node %q", name, from, to, n.Source.Name)
					break
				}
			}
		}
		for _, s := range segs {
			for _, p := range s {
				if p.x < 0 || p.y < 0 || p.x > float64(g.Width) || p.y > float64(g.Height) {
					t.Errorf("%s: edge %q → %q leaves the canvas at (%g, %g)", name, from, to, p.x, p.y)
				}
			}
		}
	}
}

func TestGraphGeometryCatchesCrossing(t *testing.T) {
	// The checker itself: a straight edge through a box is caught, one
	// beside it is not.
	if !hitsBox(point{0, 50}, point{300, 50}, 100, 40, 200, 60) {
		t.Error("segment through a box not caught")
	}
	if hitsBox(point{0, 10}, point{300, 10}, 100, 40, 200, 60) {
		t.Error("segment above a box caught")
	}
	segs, err := drawnSegments("M0 50 C50 50 250 50 300 50 L300 0")
	if err != nil {
		t.Fatal(err)
	}
	hit := false
	for _, s := range segs {
		hit = hit || hitsBox(s[0], s[1], 100, 40, 200, 60)
	}
	if !hit || len(segs) != 65 {
		t.Errorf("curve through a box not caught (%d segments)", len(segs))
	}
}

func TestGraphGeometryWeb(t *testing.T) {
	l := webtest.Ledger()
	for i := range l.Claims {
		checkGeometry(t, l.Claims[i].ID, render.NewGraph(l, &l.Claims[i]))
	}
	// A cycle and a chain that skips back are drawn around the boxes too.
	c := claimtrail.Claim{ID: "cycle", Statements: []claimtrail.Statement{
		{Article: "a1", Chain: []claimtrail.Source{{Name: "A"}, {Name: "B"}, {Name: "C"}, {Name: "A"}}},
		{Article: "a1", Chain: []claimtrail.Source{{Name: "C"}, {Name: "B"}}},
		{Article: "a1", Chain: []claimtrail.Source{{Name: "D"}, {Name: "E"}}},
	}}
	checkGeometry(t, "cycle", render.NewGraph(l, &c))
}

// randomClaim makes a claim whose statements follow random chains over a
// small pool of sources, so chains share, skip and revisit parties.
func randomClaim(r *rand.Rand, id string) claimtrail.Claim {
	kinds := []claimtrail.SourceKind{claimtrail.KindOutlet, claimtrail.KindOfficial, claimtrail.KindAnonymous, claimtrail.KindPerson}
	pool := 3 + r.IntN(10)
	c := claimtrail.Claim{ID: id}
	for range 1 + r.IntN(8) {
		var chain []claimtrail.Source
		for range 1 + r.IntN(5) {
			k := r.IntN(pool)
			chain = append(chain, claimtrail.Source{Name: fmt.Sprintf("Party %d", k), Kind: kinds[k%len(kinds)]})
		}
		pol := claimtrail.Asserts
		if r.IntN(5) == 0 {
			pol = claimtrail.Denies
		}
		c.Statements = append(c.Statements, claimtrail.Statement{Article: "a1", Chain: chain, Polarity: pol})
		if r.IntN(3) == 0 {
			c.Origins = append(c.Origins, chain[len(chain)-1])
		}
	}
	return c
}

func TestGraphGeometryRandom(t *testing.T) {
	l := webtest.Ledger()
	r := rand.New(rand.NewPCG(14, 4))
	for i := range 500 {
		c := randomClaim(r, fmt.Sprintf("r%d", i))
		checkGeometry(t, c.ID, render.NewGraph(l, &c))
		if t.Failed() {
			t.Fatalf("chains of %s: %+v", c.ID, c.Statements)
		}
	}
}

const seedStory = "../../shared/seed-story"

func TestGraphGeometrySeedStory(t *testing.T) {
	if _, err := os.Stat(seedStory); errors.Is(err, os.ErrNotExist) {
		t.Skipf("seed story not found at %s: skipping", seedStory)
	}
	arts, errs := load.Paths(t.Context(), []string{seedStory}, load.Options{})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	p, err := pipeline.New(pipeline.Options{})
	if err != nil {
		t.Fatal(err)
	}
	l, err := p.Ledger(t.Context(), arts)
	if err != nil {
		t.Fatal(err)
	}
	for i := range l.Claims {
		checkGeometry(t, l.Claims[i].ID, render.NewGraph(l, &l.Claims[i]))
	}
}
