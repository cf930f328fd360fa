// C (m x n) (+)= A (m x k) * B with AVX-512, B packed as 16-column panels (d2l_pack_panels).
//
// 8 rows x 32 columns (two panels) per block: 16 zmm accumulators, two loads of B and eight
// broadcasts of A per k. On Zen 4 this reaches about 95% of a core's FMA peak for the chapter's
// per-step product.
#if defined(__x86_64__)
#include "CKernels.h"
#include "packed_gemm.h"

#include <immintrin.h>

#define TARGET __attribute__((target("avx512f")))

// The hot loop of an 8-row, two-panel block: s0[i] += A[i, kk] * panel0[kk], s1[i] likewise
// with panel1, for kk in [0, k). Row i of A starts i * row_bytes after `a`, and each kk moves
// every row on by k_bytes: (4 lda, 4) for A as given, (4, 32) for a block that
// `pack_transposed_block` laid out.
//
// In assembly because SwiftPM compiles C at -O0 in debug builds and clang has no way for a
// source file to ask for more (it ignores `optimize` attributes); at -O0 the same loop in
// intrinsics keeps its accumulators on the stack and ran 60 times slower. This way the loop
// is the same instructions in every build. Each element of A is broadcast once into a register
// (two in turn) for both panels' FMAs: broadcasting from memory inside each FMA doubled the loads
// and ran 8% slower.
TARGET static void fma_8x32(const float *a, long row_bytes, long k_bytes, const float *p0, const float *p1, long k,
                            __m512 *s0, __m512 *s1) {
  D2L_LOOP_8X32("vbroadcastss", "vfmadd231ps", a, row_bytes, k_bytes, p0, p1, k, s0, s1);
}

// Rows [r, r + R) of C against panels p0 and (when TWO) p0 + panel_stride, R <= 8, over k.
// A's element (i, kk) is at a[i * RS + kk * KS]: (lda, 1) for A as given, (1, 8) for a block
// that `pack_transposed_block` laid out. Row i starts from start[i] + column when start is
// given, else from C (accumulate) or 0.
#define BLOCK(NAME, R, TWO, RS, KS)                                                      \
  TARGET static void NAME(const float *a, long lda, const float *p0, long panel_stride,  \
                          float *c, long ldc, long k, bool accumulate,                   \
                          const float *const *start, long column) {                      \
    (void)lda;                                                                           \
    const float *p1 = p0 + panel_stride;                                                 \
    __m512 s0[R], s1[R];                                                                 \
    for (int i = 0; i < R; i++) {                                                        \
      const float *from = start ? start[i] + column : c + i * ldc;                       \
      bool load = start || accumulate;                                                   \
      s0[i] = load ? _mm512_loadu_ps(from) : _mm512_setzero_ps();                        \
      if (TWO) s1[i] = load ? _mm512_loadu_ps(from + 16) : _mm512_setzero_ps();          \
    }                                                                                    \
    if (R == 8 && TWO) {                                                                 \
      fma_8x32(a, 4 * (RS), 4 * (KS), p0, p1, k, s0, s1);                                \
      k = 0;                                                                             \
    }                                                                                    \
    for (long kk = 0; kk < k; kk++) {                                                    \
      __m512 b0 = _mm512_loadu_ps(p0 + kk * 16);                                         \
      __m512 b1 = TWO ? _mm512_loadu_ps(p1 + kk * 16) : b0;                              \
      for (int i = 0; i < R; i++) {                                                      \
        __m512 av = _mm512_set1_ps(a[i * (RS) + kk * (KS)]);                             \
        s0[i] = _mm512_fmadd_ps(av, b0, s0[i]);                                          \
        if (TWO) s1[i] = _mm512_fmadd_ps(av, b1, s1[i]);                                 \
      }                                                                                  \
    }                                                                                    \
    for (int i = 0; i < R; i++) {                                                        \
      _mm512_storeu_ps(c + i * ldc, s0[i]);                                              \
      if (TWO) _mm512_storeu_ps(c + i * ldc + 16, s1[i]);                                \
    }                                                                                    \
  }

BLOCK(block_8_1, 8, 1, lda, 1)
BLOCK(block_1_1, 1, 1, lda, 1)
BLOCK(block_8_0, 8, 0, lda, 1)
BLOCK(block_1_0, 1, 0, lda, 1)
BLOCK(packed_block_8_1, 8, 1, 1, 8)
BLOCK(packed_block_8_0, 8, 0, 1, 8)

TARGET void d2l_packed_gemm_avx512(const float *a, long lda, const float *packed, float *c, long ldc,
                                   long m, long n, long k, bool accumulate, const float *const *start) {
  long panels = n / 16;
  if (n % 16) d2l_gemm_partial_panel(d2l_packed_gemm_avx512, a, lda, packed + panels * k * 16, c, ldc, m, n, panels * 16, k, accumulate, start);
  for (long p = 0; p < panels; p += 2) {
    int two = p + 1 < panels;
    const float *panel = packed + p * k * 16;
    long r = 0;
    for (; r + 8 <= m; r += 8) {
      const float *const *s = start ? start + r : 0;
      if (two) block_8_1(a + r * lda, lda, panel, k * 16, c + r * ldc + p * 16, ldc, k, accumulate, s, p * 16);
      else block_8_0(a + r * lda, lda, panel, k * 16, c + r * ldc + p * 16, ldc, k, accumulate, s, p * 16);
    }
    for (; r < m; r++) {
      const float *const *s = start ? start + r : 0;
      if (two) block_1_1(a + r * lda, lda, panel, k * 16, c + r * ldc + p * 16, ldc, k, accumulate, s, p * 16);
      else block_1_0(a + r * lda, lda, panel, k * 16, c + r * ldc + p * 16, ldc, k, accumulate, s, p * 16);
    }
  }
}

// Columns [i, i + 8) of the (k x lda) matrix a, rows [0, k), as k rows of 8 contiguous floats;
// their sums are added to sums[0, 8) when sums is not null.
TARGET static void pack_transposed_block(const float *a, long lda, long k, float *out, float *sums) {
  __m256 total = _mm256_setzero_ps();
  for (long kk = 0; kk < k; kk++) {
    __m256 row = _mm256_loadu_ps(a + kk * lda);
    _mm256_storeu_ps(out + kk * 8, row);
    total = _mm256_add_ps(total, row);
  }
  if (sums) _mm256_storeu_ps(sums, _mm256_add_ps(_mm256_loadu_ps(sums), total));
}

TARGET void d2l_packed_gemm_at_avx512(const float *a, long lda, const float *packed, float *c, long ldc,
                                      long m, long n, long k, float *scratch, float *column_sums) {
  // k in chunks, so that the chunk of packed B each block of rows goes through stays in L2
  // (128 measured a little faster than 64, 256 or 512 in the chapter's training).
  enum { KC = 128 };
  long panels = n / 16;
  for (long k0 = 0; k0 < k; k0 += KC) {
    long kc = k - k0 < KC ? k - k0 : KC;
    for (long r = 0; r + 8 <= m; r += 8) {
      pack_transposed_block(a + k0 * lda + r, lda, kc, scratch, column_sums ? column_sums + r : 0);
      for (long p = 0; p < panels; p += 2) {
        const float *panel = packed + p * k * 16 + k0 * 16;
        if (p + 1 < panels) packed_block_8_1(scratch, 8, panel, k * 16, c + r * ldc + p * 16, ldc, kc, true, 0, 0);
        else packed_block_8_0(scratch, 8, panel, k * 16, c + r * ldc + p * 16, ldc, kc, true, 0, 0);
      }
    }
  }
}
#endif
