// C (m x n) (+)= A (m x k) * B with AVX2 and FMA, B packed as 16-column panels
// (d2l_pack_panels): 6 rows x 16 columns per block, 12 ymm accumulators, two loads of B and
// six broadcasts of A per k, which leaves the FMA units busy within the 16 ymm registers.
#if defined(__x86_64__)
#include "CKernels.h"
#include "packed_gemm.h"

#include <immintrin.h>

#define TARGET __attribute__((target("avx2,fma")))

// The hot loop of a block of 6 or 4 rows against one panel: s0[i] += A[i, kk] * panel[kk][0, 8),
// s1[i] likewise with [8, 16), for kk in [0, k); row i of A starts i * lda floats after `a`.
// In assembly so that it runs the same in debug builds (-O0) as in release: see fma_8x32 in
// packed_gemm_avx512.c. Four rows already keep both FMA pipes busy (8 independent chains of
// 4-cycle FMAs); six load a little less per FMA.
#define ROW(ADDRESS, S0, S1)                                 \
  "vbroadcastss " ADDRESS ", %[t]\n\t"                       \
  "vfmadd231ps %[t], %[b0], %[" S0 "]\n\t"                   \
  "vfmadd231ps %[t], %[b1], %[" S1 "]\n\t"
#define LOOP_HEAD "1:\n\t vmovups (%[p]), %[b0]\n\t vmovups 32(%[p]), %[b1]\n\t"
#define LOOP_TAIL "add $4, %[a0]\n\t add $4, %[a4]\n\t add $64, %[p]\n\t dec %[k]\n\t jnz 1b\n\t"

TARGET static void fma_6x16(const float *a, long lda, const float *panel, long k, __m256 *s0, __m256 *s1) {
  if (k <= 0) return;
  long rb = 4 * lda, r3 = 3 * rb;
  const char *a0 = (const char *)a, *a4 = a0 + 4 * rb;
  __m256 b0, b1, t;
  __asm__ volatile(
      LOOP_HEAD
      ROW("(%[a0])", "s00", "s10") ROW("(%[a0],%[rb],1)", "s01", "s11") ROW("(%[a0],%[rb],2)", "s02", "s12")
      ROW("(%[a0],%[r3],1)", "s03", "s13") ROW("(%[a4])", "s04", "s14") ROW("(%[a4],%[rb],1)", "s05", "s15")
      LOOP_TAIL
      : [s00] "+x"(s0[0]), [s01] "+x"(s0[1]), [s02] "+x"(s0[2]), [s03] "+x"(s0[3]), [s04] "+x"(s0[4]),
        [s05] "+x"(s0[5]), [s10] "+x"(s1[0]), [s11] "+x"(s1[1]), [s12] "+x"(s1[2]), [s13] "+x"(s1[3]),
        [s14] "+x"(s1[4]), [s15] "+x"(s1[5]), [b0] "=&x"(b0), [b1] "=&x"(b1), [t] "=&x"(t),
        [a0] "+r"(a0), [a4] "+r"(a4), [p] "+r"(panel), [k] "+r"(k)
      : [rb] "r"(rb), [r3] "r"(r3)
      : "cc", "memory");
}

TARGET static void fma_4x16(const float *a, long lda, const float *panel, long k, __m256 *s0, __m256 *s1) {
  if (k <= 0) return;
  long rb = 4 * lda, r3 = 3 * rb;
  const char *a0 = (const char *)a, *a4 = a0;  // a4 only keeps LOOP_TAIL shared
  __m256 b0, b1, t;
  __asm__ volatile(
      LOOP_HEAD
      ROW("(%[a0])", "s00", "s10") ROW("(%[a0],%[rb],1)", "s01", "s11") ROW("(%[a0],%[rb],2)", "s02", "s12")
      ROW("(%[a0],%[r3],1)", "s03", "s13")
      LOOP_TAIL
      : [s00] "+x"(s0[0]), [s01] "+x"(s0[1]), [s02] "+x"(s0[2]), [s03] "+x"(s0[3]),
        [s10] "+x"(s1[0]), [s11] "+x"(s1[1]), [s12] "+x"(s1[2]), [s13] "+x"(s1[3]),
        [b0] "=&x"(b0), [b1] "=&x"(b1), [t] "=&x"(t), [a0] "+r"(a0), [a4] "+r"(a4), [p] "+r"(panel), [k] "+r"(k)
      : [rb] "r"(rb), [r3] "r"(r3)
      : "cc", "memory");
}
#undef ROW
#undef LOOP_HEAD
#undef LOOP_TAIL

// One row against one panel, for the rows left over by blocks of 6.
TARGET static void fma_1x16(const float *a, const float *panel, long k, __m256 *s0, __m256 *s1) {
  if (k <= 0) return;
  __m256 t;
  __asm__ volatile(
      "1:\n\t"
      "vbroadcastss (%[a]), %[t]\n\t"
      "vfmadd231ps (%[p]), %[t], %[s0]\n\t"
      "vfmadd231ps 32(%[p]), %[t], %[s1]\n\t"
      "add $4, %[a]\n\t"
      "add $64, %[p]\n\t"
      "dec %[k]\n\t"
      "jnz 1b\n\t"
      : [s0] "+x"(*s0), [s1] "+x"(*s1), [t] "=&x"(t), [a] "+r"(a), [p] "+r"(panel), [k] "+r"(k)
      :
      : "cc", "memory");
}

// Rows [0, R) of C (R = 6, 4 or 1) against one panel over k, each row from start[i] + column
// when start is given, else from C (accumulate) or 0.
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
    if (R == 6) fma_6x16(a, lda, panel, k, s0, s1);                                        \
    else if (R == 4) fma_4x16(a, lda, panel, k, s0, s1);                                   \
    else fma_1x16(a, panel, k, s0, s1);                                                    \
    for (int i = 0; i < R; i++) {                                                          \
      _mm256_storeu_ps(c + i * ldc, s0[i]);                                                \
      _mm256_storeu_ps(c + i * ldc + 8, s1[i]);                                            \
    }                                                                                      \
  }

BLOCK(block_6, 6)
BLOCK(block_4, 4)
BLOCK(block_1, 1)

/// How many blocks of 6 rows to take before blocks of 4: as many as leave a multiple of 4 (16
/// rows, a thread's share of the chapter's batch, are 6 + 6 + 4), so that single rows, whose
/// two chains of FMAs wait on their latency, are rare.
static long blocks_of_six(long m) {
  for (long six = m / 6; six > 0; six--)
    if ((m - 6 * six) % 4 == 0) return six;
  return m % 4 == 0 ? 0 : m / 6;
}

TARGET void d2l_packed_gemm_avx2(const float *a, long lda, const float *packed, float *c, long ldc,
                                 long m, long n, long k, bool accumulate, const float *const *start) {
  long panels = n / 16, six = blocks_of_six(m);
  if (n % 16) d2l_gemm_partial_panel(d2l_packed_gemm_avx2, a, lda, packed + panels * k * 16, c, ldc, m, n, panels * 16, k, accumulate, start);
  for (long p = 0; p < panels; p++) {
    const float *panel = packed + p * k * 16;
    long r = 0;
#define AT(r) a + (r) * lda, lda, panel, c + (r) * ldc + p * 16, ldc, k, accumulate, start ? start + (r) : 0, p * 16
    for (; r < 6 * six; r += 6) block_6(AT(r));
    for (; r + 4 <= m; r += 4) block_4(AT(r));
    for (; r < m; r++) block_1(AT(r));
#undef AT
  }
}
// Rows r[0, 8) of 8 floats each, transposed in registers: on return r[i] holds element i of
// every input row.
TARGET static inline void transpose_8x8(__m256 r[8]) {
  __m256 t[8], u[8];
  for (int i = 0; i < 8; i += 2) (t[i] = _mm256_unpacklo_ps(r[i], r[i + 1]), t[i + 1] = _mm256_unpackhi_ps(r[i], r[i + 1]));
  for (int i = 0; i < 8; i += 4) {
    u[i] = _mm256_shuffle_ps(t[i], t[i + 2], _MM_SHUFFLE(1, 0, 1, 0));
    u[i + 1] = _mm256_shuffle_ps(t[i], t[i + 2], _MM_SHUFFLE(3, 2, 3, 2));
    u[i + 2] = _mm256_shuffle_ps(t[i + 1], t[i + 3], _MM_SHUFFLE(1, 0, 1, 0));
    u[i + 3] = _mm256_shuffle_ps(t[i + 1], t[i + 3], _MM_SHUFFLE(3, 2, 3, 2));
  }
  for (int i = 0; i < 4; i++) {
    r[i] = _mm256_permute2f128_ps(u[i], u[i + 4], 0x20);
    r[i + 4] = _mm256_permute2f128_ps(u[i], u[i + 4], 0x31);
  }
}

// d2l_pack_panels with 8-float vectors, for the AVX2 and AVX-512 levels. The scalar loops of the
// portable packer wrote one float at a time, and in training, where every weight is packed
// again after each SGD step, they took 4.5% of the time. A full panel of a row-major B is two
// vectors per k; a full panel of a transposed B (the forward weights: B = Wᵀ, each of W's rows
// contiguous) is transposed 8 x 8 at a time in registers. Partial panels and odd strides go to
// the portable packer.
TARGET void d2l_pack_panels_avx2(const float *b, long k, long n, long row_stride, long column_stride, float *out,
                                 long first_panel, long panels) {
  for (long panel = first_panel; panel < first_panel + panels; panel++) {
    float *dst = out + panel * k * 16;
    long j0 = panel * 16;
    if (n - j0 < 16 || (column_stride != 1 && row_stride != 1)) {
      d2l_pack_panels(b, k, n, row_stride, column_stride, out, panel, 1);
    } else if (column_stride == 1) {  // (kk, j0 + j) at b[kk * row_stride + j0 + j]
      for (long kk = 0; kk < k; kk++) {
        const float *src = b + kk * row_stride + j0;
        _mm256_storeu_ps(dst + kk * 16, _mm256_loadu_ps(src));
        _mm256_storeu_ps(dst + kk * 16 + 8, _mm256_loadu_ps(src + 8));
      }
    } else {  // (kk, j0 + j) at b[kk + (j0 + j) * column_stride]: 16 contiguous source rows
      long kk = 0;
      for (; kk + 8 <= k; kk += 8) {
        for (long half = 0; half < 16; half += 8) {
          __m256 r[8];
          for (int i = 0; i < 8; i++) r[i] = _mm256_loadu_ps(b + kk + (j0 + half + i) * column_stride);
          transpose_8x8(r);
          for (int i = 0; i < 8; i++) _mm256_storeu_ps(dst + (kk + i) * 16 + half, r[i]);
        }
      }
      for (; kk < k; kk++)
        for (long j = 0; j < 16; j++) dst[kk * 16 + j] = b[kk + (j0 + j) * column_stride];
    }
  }
}
#endif
