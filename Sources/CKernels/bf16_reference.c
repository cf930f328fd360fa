// bf16 products in plain C: the rounding, the packed layout and the two products of the bf16
// level, one element at a time. They run nowhere in training; `BF16KernelTests` holds the
// level's kernels (packed_gemm_avx512bf16.c) to them, as the cells are held to their reference.
#include "CKernels.h"

#include <stdint.h>
#include <string.h>

uint16_t d2l_bf16_from_float(float x) {
  uint32_t u;
  memcpy(&u, &x, 4);
  if ((u & 0x7fffffffu) > 0x7f800000u) return (uint16_t)((u >> 16) | 0x40);  // NaN stays a quiet NaN
  if ((u & 0x7f800000u) == 0) return (uint16_t)((u >> 16) & 0x8000);  // VCVTNE2PS2BF16 reads denormals as 0
  u += 0x7fffu + ((u >> 16) & 1);  // round to nearest, ties to even
  return (uint16_t)(u >> 16);
}

float d2l_float_from_bf16(uint16_t h) {
  uint32_t u = (uint32_t)h << 16;
  float x;
  memcpy(&x, &u, 4);
  return x;
}

void d2l_pack_panels_bf16_reference(const float *b, long k, long n, long row_stride, long column_stride, float *out,
                                    long first_panel, long panels) {
  for (long panel = first_panel; panel < first_panel + panels; panel++) {
    uint16_t *dst = (uint16_t *)(out + panel * k * 16);
    for (long q = 0; q < (k + 1) / 2; q++)
      for (long j = 0; j < 16; j++) {
        long column = panel * 16 + j;
        for (long half = 0; half < 2; half++) {
          long kk = 2 * q + half;
          float v = column < n && kk < k ? b[kk * row_stride + column * column_stride] : 0;
          dst[q * 32 + 2 * j + half] = d2l_bf16_from_float(v);
        }
      }
  }
}

/// B(kk, j) from bf16 pair panels.
static float packed_bf16(const float *packed, long k, long kk, long j) {
  const uint16_t *panel = (const uint16_t *)(packed + (j / 16) * k * 16);
  return d2l_float_from_bf16(panel[(kk / 2) * 32 + 2 * (j % 16) + kk % 2]);
}

/// Σ over pairs, the odd element's product added before the even one's (VDPBF16PS's order).
static float pair_sum(float sum, float a_even, float b_even, float a_odd, float b_odd) {
  sum += a_odd * b_odd;
  return sum + a_even * b_even;
}

void d2l_packed_gemm_bf16_reference(const float *a, long lda, const float *packed, float *c, long ldc, long m, long n,
                                    long k, bool accumulate, const float *const *start) {
  for (long i = 0; i < m; i++)
    for (long j = 0; j < n; j++) {
      float sum = start ? start[i][j] : accumulate ? c[i * ldc + j] : 0;
      for (long kk = 0; kk < k; kk += 2) {
        float a_odd = kk + 1 < k ? d2l_float_from_bf16(d2l_bf16_from_float(a[i * lda + kk + 1])) : 0;
        sum = pair_sum(sum, d2l_float_from_bf16(d2l_bf16_from_float(a[i * lda + kk])), packed_bf16(packed, k, kk, j),
                       a_odd, kk + 1 < k ? packed_bf16(packed, k, kk + 1, j) : 0);
      }
      c[i * ldc + j] = sum;
    }
}

void d2l_packed_gemm_at_bf16_reference(const float *a, long lda, const float *packed, float *c, long ldc, long m, long n,
                                       long k, float *column_sums) {
  for (long i = 0; i < m; i++) {
    for (long j = 0; j < n; j++) {
      float sum = c[i * ldc + j];
      for (long kk = 0; kk < k; kk += 2) {
        float a_odd = kk + 1 < k ? d2l_float_from_bf16(d2l_bf16_from_float(a[(kk + 1) * lda + i])) : 0;
        sum = pair_sum(sum, d2l_float_from_bf16(d2l_bf16_from_float(a[kk * lda + i])), packed_bf16(packed, k, kk, j),
                       a_odd, kk + 1 < k ? packed_bf16(packed, k, kk + 1, j) : 0);
      }
      c[i * ldc + j] = sum;
    }
    if (column_sums)
      for (long kk = 0; kk < k; kk++) column_sums[i] += a[kk * lda + i];
  }
}
