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

/// The 8-row, two-panel hot loop of the AVX-512 levels (`fma_8x32` in packed_gemm_avx512.c says
/// why it is assembly), as a statement: for each of `k` steps, B's next 64 bytes of panels p0
/// and p1, and for each row i the element of A at A + i * ROW_BYTES, broadcast by BROADCAST and
/// multiplied into S0[i] and S1[i] by MULTIPLY_ADD; then A moves on by K_BYTES. FP32 passes
/// "vbroadcastss" and "vfmadd231ps"; bf16 "vpbroadcastd" and "vdpbf16ps" (A's element is then
/// a pair of bf16, and each lane adds two products). The variables P0, P1 and K are used up.
#define D2L_ROW_8X32(BROADCAST, MULTIPLY_ADD, ADDRESS, T, S0, S1)  \
  BROADCAST " " ADDRESS ", %[" T "]\n\t"                           \
  MULTIPLY_ADD " %[" T "], %[b0], %[" S0 "]\n\t"                   \
  MULTIPLY_ADD " %[" T "], %[b1], %[" S1 "]\n\t"
#define D2L_LOOP_8X32(BROADCAST, MULTIPLY_ADD, A, ROW_BYTES, K_BYTES, P0, P1, K, S0, S1)                         \
  do {                                                                                                        \
    if ((K) <= 0) break;                                                                                         \
    const char *a0 = (const char *)(A), *a4 = a0 + 4 * (ROW_BYTES);                                           \
    long row3 = 3 * (ROW_BYTES);                                                                              \
    __m512 b0, b1, t0, t1;                                                                                    \
    __asm__ volatile(                                                                                         \
        "1:\n\t"                                                                                              \
        "vmovups (%[p0]), %[b0]\n\t"                                                                          \
        "vmovups (%[p1]), %[b1]\n\t"                                                                          \
        D2L_ROW_8X32(BROADCAST, MULTIPLY_ADD, "(%[a0])", "t0", "s00", "s10")                                  \
        D2L_ROW_8X32(BROADCAST, MULTIPLY_ADD, "(%[a0],%[rb],1)", "t1", "s01", "s11")                          \
        D2L_ROW_8X32(BROADCAST, MULTIPLY_ADD, "(%[a0],%[rb],2)", "t0", "s02", "s12")                          \
        D2L_ROW_8X32(BROADCAST, MULTIPLY_ADD, "(%[a0],%[r3],1)", "t1", "s03", "s13")                          \
        D2L_ROW_8X32(BROADCAST, MULTIPLY_ADD, "(%[a4])", "t0", "s04", "s14")                                  \
        D2L_ROW_8X32(BROADCAST, MULTIPLY_ADD, "(%[a4],%[rb],1)", "t1", "s05", "s15")                          \
        D2L_ROW_8X32(BROADCAST, MULTIPLY_ADD, "(%[a4],%[rb],2)", "t0", "s06", "s16")                          \
        D2L_ROW_8X32(BROADCAST, MULTIPLY_ADD, "(%[a4],%[r3],1)", "t1", "s07", "s17")                          \
        "add %[kb], %[a0]\n\t"                                                                                \
        "add %[kb], %[a4]\n\t"                                                                                \
        "add $64, %[p0]\n\t"                                                                                  \
        "add $64, %[p1]\n\t"                                                                                  \
        "dec %[k]\n\t"                                                                                        \
        "jnz 1b\n\t"                                                                                          \
        : [s00] "+v"(S0[0]), [s01] "+v"(S0[1]), [s02] "+v"(S0[2]), [s03] "+v"(S0[3]), [s04] "+v"(S0[4]),      \
          [s05] "+v"(S0[5]), [s06] "+v"(S0[6]), [s07] "+v"(S0[7]), [s10] "+v"(S1[0]), [s11] "+v"(S1[1]),      \
          [s12] "+v"(S1[2]), [s13] "+v"(S1[3]), [s14] "+v"(S1[4]), [s15] "+v"(S1[5]), [s16] "+v"(S1[6]),      \
          [s17] "+v"(S1[7]), [b0] "=&v"(b0), [b1] "=&v"(b1), [t0] "=&v"(t0), [t1] "=&v"(t1), [a0] "+r"(a0),   \
          [a4] "+r"(a4), [p0] "+r"(P0), [p1] "+r"(P1), [k] "+r"(K)                                            \
        : [rb] "r"(ROW_BYTES), [r3] "r"(row3), [kb] "r"(K_BYTES)                                              \
        : "cc", "memory");                                                                                    \
  } while (0)

/// The AVX2 level's packer (packed_gemm_avx2.c), which the bf16 level's packer starts from.
void d2l_pack_panels_avx2(const float *b, long k, long n, long row_stride, long column_stride, float *out,
                          long first_panel, long panels);

#endif
