//go:build !linux

package hugepage

// advise does nothing where huge pages are not asked for this way.
func advise[T any](s []T) {}
