// C (m x n) (+)= A (m x k) * B with AVX2 and FMA, B packed as 16-column panels
// (d2l_pack_panels): 6 rows x 16 columns per block, 12 ymm accumulators, two loads of B and
// six broadcasts of A per k, which leaves the FMA units busy within the 16 ymm registers.
#if defined(__x86_64__)
#include "CKernels.h"
#include "packed_gemm.h"

#include <immintrin.h>

#define TARGET __attribute__((target("avx2,fma")))

// Rows [0, R) of C against one panel over k, each row from start[i] + column when start is
// given, else from C (accumulate) or 0.
#define BLOCK(NAME, R)                                                                     \
  TARGET static void NAME(const float *a, long lda, const float *panel, float *c, long ldc, \
                          long k, bool accumulate, const float *const *start, long column) { \
    __m256 s0[R], s1[R];                                                                   \
    for (int i = 0; i < R; i++) {                                                          \
      const float *from = start ? start[i] + column : c + i * ldc;                         \
      bool load = start || accumulate;                                                     \
      s0[i] = load ? _mm256_loadu_ps(from) : _mm256_setzero_ps();                          \
      s1[i] = load ? _mm256_loadu_ps(from + 8) : _mm256_setzero_ps();                      \
    }                                                                                      \
    for (long kk = 0; kk < k; kk++) {                                                      \
      __m256 b0 = _mm256_loadu_ps(panel + kk * 16), b1 = _mm256_loadu_ps(panel + kk * 16 + 8); \
      for (int i = 0; i < R; i++) {                                                        \
        __m256 av = _mm256_broadcast_ss(a + i * lda + kk);                                 \
        s0[i] = _mm256_fmadd_ps(av, b0, s0[i]);                                            \
        s1[i] = _mm256_fmadd_ps(av, b1, s1[i]);                                            \
      }                                                                                    \
    }                                                                                      \
    for (int i = 0; i < R; i++) {                                                          \
      _mm256_storeu_ps(c + i * ldc, s0[i]);                                                \
      _mm256_storeu_ps(c + i * ldc + 8, s1[i]);                                            \
    }                                                                                      \
  }

BLOCK(block_6, 6)
BLOCK(block_1, 1)

TARGET void d2l_packed_gemm_avx2(const float *a, long lda, const float *packed, float *c, long ldc,
                                 long m, long n, long k, bool accumulate, const float *const *start) {
  long panels = n / 16;
  if (n % 16) d2l_gemm_partial_panel(a, lda, packed + panels * k * 16, c, ldc, m, n, panels * 16, k, accumulate, start);
  for (long p = 0; p < panels; p++) {
    const float *panel = packed + p * k * 16;
    long r = 0;
    for (; r + 6 <= m; r += 6)
      block_6(a + r * lda, lda, panel, c + r * ldc + p * 16, ldc, k, accumulate, start ? start + r : 0, p * 16);
    for (; r < m; r++)
      block_1(a + r * lda, lda, panel, c + r * ldc + p * 16, ldc, k, accumulate, start ? start + r : 0, p * 16);
  }
}
#endif
