package stance

import (
	"context"
	"fmt"
	"runtime"
	"sync"
)

// PredictPairs judges every pair (its Label is ignored) on all CPUs,
// preparing each body once. bodies maps Body IDs to texts; the result is in
// the order of pairs.
func (m *Model) PredictPairs(ctx context.Context, bodies map[int]string, pairs []Pair) ([]Prediction, error) {
	byBody := make(map[int][]int)
	var order []int
	for i, p := range pairs {
		if _, ok := bodies[p.BodyID]; !ok {
			return nil, fmt.Errorf("predict stance: pair %d names unknown body %d", i, p.BodyID)
		}
		if _, ok := byBody[p.BodyID]; !ok {
			order = append(order, p.BodyID)
		}
		byBody[p.BodyID] = append(byBody[p.BodyID], i)
	}
	out := make([]Prediction, len(pairs))
	jobs := make(chan int, 64)
	var wg sync.WaitGroup
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for id := range jobs {
				b := m.PrepareBody(bodies[id])
				for _, i := range byBody[id] {
					out[i] = m.PredictPrepared(pairs[i].Claim, b)
				}
			}
		}()
	}
	var err error
	for _, id := range order {
		if err = ctx.Err(); err != nil {
			break
		}
		jobs <- id
	}
	close(jobs)
	wg.Wait()
	if err != nil {
		return nil, err
	}
	return out, nil
}
