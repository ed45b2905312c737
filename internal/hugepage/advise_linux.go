package hugepage

import (
	"syscall"
	"unsafe"
)

// advise asks the kernel to back the huge-page-aligned interior of s with
// huge pages (madvise MADV_HUGEPAGE, which Go's allocator does not do
// itself). Failure is ignored: the memory stays as it was.
func advise[T any](s []T) {
	if len(s) == 0 {
		return
	}
	size := uintptr(len(s)) * unsafe.Sizeof(s[0])
	if size < minSize {
		return
	}
	start := uintptr(unsafe.Pointer(unsafe.SliceData(s)))
	lo := (start + pageSize - 1) &^ (pageSize - 1)
	hi := (start + size) &^ (pageSize - 1)
	if hi <= lo {
		return
	}
	b := unsafe.Slice((*byte)(unsafe.Add(unsafe.Pointer(unsafe.SliceData(s)), lo-start)), hi-lo)
	_ = syscall.Madvise(b, syscall.MADV_HUGEPAGE)
}
