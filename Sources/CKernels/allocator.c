// glibc's malloc tuning, which Swift's Glibc module does not export (<malloc.h> is not in it).
#include "CKernels.h"

#if __has_include(<malloc.h>)
#include <malloc.h>
#endif

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
