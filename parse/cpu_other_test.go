//go:build !unix

package parse

import "time"

// cpuTime is unknown here; the benchmark then reports wall-clock speed only.
func cpuTime() time.Duration { return 0 }
