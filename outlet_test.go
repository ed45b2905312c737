package claimtrail

import "testing"

func TestOutletName(t *testing.T) {
	tests := []struct {
		a    Article
		want string
	}{
		{Article{ID: "a5", Outlet: " Harbour Post "}, "Harbour Post"},
		{Article{ID: "a5"}, "unknown outlet (a5)"},
		{Article{ID: "a5", Outlet: "  "}, "unknown outlet (a5)"},
		{Article{}, "unknown outlet"},
	}
	for _, tt := range tests {
		if got := tt.a.OutletName(); got != tt.want {
			t.Errorf("OutletName(%+v) = %q, want %q", tt.a, got, tt.want)
		}
	}
}
