// Shared by the packed products of every level (internal to CKernels).
#ifndef D2L_PACKED_GEMM_H
#define D2L_PACKED_GEMM_H

#include <stdbool.h>

/// Columns [column, n) of C for rows [0, m), where n - column < 16: the last panel when n is
/// not a multiple of 16, in plain C (rare, and small: only hidden sizes like 20 or 28 reach it).
void d2l_gemm_partial_panel(const float *a, long lda, const float *panel, float *c, long ldc, long m, long n,
                            long column, long k, bool accumulate, const float *const *start);

#endif
