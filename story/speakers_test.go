package story_test

import (
	"slices"
	"testing"
)

// TestOriginIdentity: one origin named two ways is one origin, two
// offices are two. A union speaking through its leaders and its general
// secretary is one origin named after the union; a ministry spelt the
// British and the American way is one; a regional governor and the
// regional fire service are two, though the governor speaks of the fire
// service and both roles say "regional".
func TestOriginIdentity(t *testing.T) {
	l := ledgerOf(t, "speakers")
	for _, tc := range []struct {
		claim string
		want  []string
	}{
		{"dock workers at Pellmouth would strike", []string{"union"}},
		{"northern border overnight", []string{"defense ministry"}},
		{"Lund warehouse was started deliberately", []string{"regional fire service", "Ana Rell"}},
	} {
		c := find(t, l, tc.claim)
		got := originNames(c)
		slices.Sort(got)
		want := slices.Clone(tc.want)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("%q: origins %q, want %q", c.Text, got, want)
		}
	}
}
