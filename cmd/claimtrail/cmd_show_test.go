package main

import "testing"

// TestShowAllFlag checks that show takes --all as analyze does, listing
// the asides only when asked, and that it is off by default.
func TestShowAllFlag(t *testing.T) {
	for name, cmd := range map[string]func() bool{
		"show":    func() bool { f := newShowCmd().Flags().Lookup("all"); return f != nil && f.DefValue == "false" },
		"analyze": func() bool { f := newAnalyzeCmd().Flags().Lookup("all"); return f != nil && f.DefValue == "false" },
	} {
		if !cmd() {
			t.Errorf("%s: no --all flag off by default", name)
		}
	}
}
