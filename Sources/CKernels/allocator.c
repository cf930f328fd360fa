// glibc's malloc tuning, which Swift's Glibc module does not export (<malloc.h> is not in it).
#include "CKernels.h"

#if __has_include(<malloc.h>)
#include <malloc.h>
#endif
#if __has_include(<sys/mman.h>)
#include <sys/mman.h>
#endif
#include <stdint.h>

bool d2l_keep_freed_memory(void) {
#if defined(M_TRIM_THRESHOLD) && defined(M_MMAP_THRESHOLD)
  // 32 MB is the largest mmap threshold that mallopt(3) promises on 64-bit
  // (DEFAULT_MMAP_THRESHOLD_MAX); some glibc versions refuse more, returning 0.
  int mapped = mallopt(M_MMAP_THRESHOLD, 32 << 20);
  int trimmed = mallopt(M_TRIM_THRESHOLD, 256 << 20);
  return mapped == 1 && trimmed == 1;
#else
  return false;
#endif
}

void d2l_advise_huge_pages(void *start, long bytes) {
#if defined(MADV_HUGEPAGE)
  // Only whole 2 MB extents can become huge pages; the caller aligns and sizes for them.
  const uintptr_t huge = (uintptr_t)2 << 20;
  uintptr_t first = ((uintptr_t)start + huge - 1) & ~(huge - 1), end = ((uintptr_t)start + (uintptr_t)bytes) & ~(huge - 1);
  if (end > first) (void)madvise((void *)first, end - first, MADV_HUGEPAGE);
#else
  (void)start;
  (void)bytes;
#endif
}
