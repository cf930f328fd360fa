// Shared by the packed products of every level (internal to CKernels).
#ifndef D2L_PACKED_GEMM_H
#define D2L_PACKED_GEMM_H

#include <stdbool.h>

#include "CKernels.h"

/// Columns [column, n) of C for rows [0, m), where n - column < 16: the last panel when n is
/// not a multiple of 16 (the Linear layer's 28 outputs, hidden sizes like 20). The packed
/// panel's columns past n are zeros, so each group of up to 8 rows is copied into a 16-wide
/// tile, multiplied there by the level's own full-panel product `full`, and copied back: at
/// the speed of a full panel rather than of a scalar loop.
void d2l_gemm_partial_panel(d2l_packed_gemm full, const float *a, long lda, const float *panel, float *c, long ldc,
                            long m, long n, long column, long k, bool accumulate, const float *const *start);

#endif
