package link

import "testing"

// TestSameCore runs the examples of cores that state one predicate of one
// subject and of those that do not.
func TestSameCore(t *testing.T) {
	for _, tc := range []struct {
		a, b core
		want bool
	}{
		{core{"close", "stage", ""}, core{"close", "stage", ""}, true},
		{core{"seiz", "e:kaspar", "tanker"}, core{"seiz", "e:kaspar", ""}, true},
		{core{"seiz", "e:kaspar", "tanker"}, core{"seiz", "e:kaspar", "boat"}, false},
		{core{"expel", "e:solvania", ""}, core{"expel", "e:dremland", ""}, false},
		{core{"close", "", ""}, core{"close", "", ""}, false}, // no subject: too little to tell
		{core{"close", "stage", ""}, core{"ignit", "stage", ""}, false},
	} {
		if got := sameCore(tc.a, tc.b); got != tc.want {
			t.Errorf("sameCore(%v, %v) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}
