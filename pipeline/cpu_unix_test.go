//go:build unix

package pipeline

import "syscall"

// cpuSeconds is the CPU time (user and system) the process has used, and
// its peak resident memory in MB: on a shared machine, CPU time says more
// than the wall clock.
func cpuSeconds() (float64, float64) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0, 0
	}
	sec := func(t syscall.Timeval) float64 { return float64(t.Sec) + float64(t.Usec)/1e6 }
	return sec(ru.Utime) + sec(ru.Stime), float64(ru.Maxrss) / 1024
}
