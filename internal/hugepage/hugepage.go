// Package hugepage allocates the large, read-mostly tables of the trained
// models (the parser's and tagger's weights, the attribution labeller's)
// so that the kernel may back them with huge pages.
//
// Scoring reads those tables at random places, tens of megabytes apart:
// with 4 KiB pages nearly every read also misses the TLB, and on a virtual
// machine a TLB miss walks two sets of page tables. With 2 MiB pages one
// TLB entry covers 512 times as much of the table. Where the kernel has no
// huge page to give, or on systems other than Linux, the table is ordinary
// memory: the advice changes speed only, never contents.
package hugepage

// minSize is the smallest table worth advising: below a few huge pages
// the TLB covers it anyway.
const minSize = 4 << 20

// pageSize is the size of a huge page on the platforms advised.
const pageSize = 2 << 20

// Make returns a zeroed slice of n elements, as make([]T, n) does; when
// it is large, its memory is advised for huge pages before it is first
// written, so that filling it faults in huge pages.
func Make[T any](n int) []T {
	s := make([]T, n)
	advise(s)
	return s
}
