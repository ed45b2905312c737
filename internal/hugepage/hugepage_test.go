package hugepage

import "testing"

// TestMake checks that Make gives zeroed slices of the length asked, small
// and large, and that the large one can be written and read throughout.
func TestMake(t *testing.T) {
	for _, n := range []int{0, 1, 1000, 3 << 20} {
		s := Make[uint32](n)
		if len(s) != n {
			t.Fatalf("Make(%d): length %d", n, len(s))
		}
		for i := range s {
			if s[i] != 0 {
				t.Fatalf("Make(%d)[%d] = %d, want 0", n, i, s[i])
			}
			s[i] = uint32(i)
		}
		for i := range s {
			if s[i] != uint32(i) {
				t.Fatalf("Make(%d)[%d] = %d after writing %d", n, i, s[i], i)
			}
		}
	}
}
