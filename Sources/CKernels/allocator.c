// glibc's malloc tuning, which Swift's Glibc module does not export (<malloc.h> is not in it).
#include "CKernels.h"

#if __has_include(<malloc.h>)
#include <malloc.h>
#endif

void d2l_keep_freed_memory(void) {
#if defined(M_TRIM_THRESHOLD) && defined(M_MMAP_THRESHOLD)
  mallopt(M_MMAP_THRESHOLD, 64 << 20);  // blocks above 64 MB still get their own mapping
  mallopt(M_TRIM_THRESHOLD, 256 << 20);
#endif
}
