// The bf16 level's products: C (m x n) (+)= A (m x k) * B and dW += Aᵀ B with bf16 operands and
// FP32 sums (VDPBF16PS: 16 lanes, each adding two bf16 products per instruction, twice the FP32
// FMA's work). A and B arrive in FP32 and are rounded to bf16 (nearest, ties to even) as they
// are packed; C, the sums and everything outside the products stay FP32.
//
// B's layout ("pair panels"): panels of 16 columns as for FP32, at the same offsets (panel p at
// p * k * 16 floats, so every caller's offsets hold at both precisions); inside a panel, pair
// q of rows (2q, 2q + 1) is 64 bytes, one dword per column: B[2q, j] in its low half, B[2q + 1,
// j] in its high half (zero past k). The second half of each panel's space is left unused.
#if defined(__x86_64__)
#include "CKernels.h"
#include "packed_gemm.h"

#include <immintrin.h>
#include <stdint.h>

#define TARGET __attribute__((target("avx512f,avx512bw,avx512vl,avx512bf16")))

// s0[i] += A[i, pair q] · panel0[q], s1[i] likewise with panel1, for q in [0, pairs): A's pair
// (i, q) is the dword at a + i * row_bytes + q * q_bytes. The FP32 kernel's loop in assembly
// (packed_gemm.h), with VDPBF16PS for its FMAs.
TARGET static void dot_8x32(const uint32_t *a, long row_bytes, long q_bytes, const float *p0, const float *p1,
                            long pairs, __m512 *s0, __m512 *s1) {
  D2L_LOOP_8X32("vpbroadcastd", "vdpbf16ps", a, row_bytes, q_bytes, p0, p1, pairs, s0, s1);
}

// Rows [0, rows) of C (rows <= 8), columns [0, 16) or [0, 32) (`two`), over `pairs` pairs of A
// (laid out as dot_8x32 reads it) and the panels p0 and p0 + panel_stride. Row i starts from
// start[i] + column when start is given, else from C (accumulate) or 0.
TARGET static void block(const uint32_t *a, long row_bytes, long q_bytes, const float *p0, long panel_stride,
                         bool two, float *c, long ldc, long rows, long pairs, bool accumulate,
                         const float *const *start, long column) {
  __m512 s0[8], s1[8];
  __mmask16 all = 0xffff;
  for (int i = 0; i < 8; i++) {
    bool load = i < rows && (start || accumulate);
    const float *from = start && i < rows ? start[i] + column : c + i * ldc;
    s0[i] = load ? _mm512_maskz_loadu_ps(all, from) : _mm512_setzero_ps();
    s1[i] = load && two ? _mm512_maskz_loadu_ps(all, from + 16) : _mm512_setzero_ps();
  }
  dot_8x32(a, row_bytes, q_bytes, p0, two ? p0 + panel_stride : p0, pairs, s0, s1);
  for (long i = 0; i < rows; i++) {
    _mm512_storeu_ps(c + i * ldc, s0[i]);
    if (two) _mm512_storeu_ps(c + i * ldc + 16, s1[i]);
  }
}

// 32 floats (fewer at the end of a row: zeros past `count`) as 16 dwords of bf16 pairs, in order.
TARGET static __m512i pairs_of(const float *x, long count) {
  __mmask16 lo = count >= 16 ? 0xffff : (__mmask16)((1u << (count > 0 ? count : 0)) - 1);
  long rest = count - 16;
  __mmask16 hi = rest >= 16 ? 0xffff : (__mmask16)((1u << (rest > 0 ? rest : 0)) - 1);
  __m512 v0 = _mm512_maskz_loadu_ps(lo, x), v1 = _mm512_maskz_loadu_ps(hi, x + 16);
  return (__m512i)_mm512_cvtne2ps_pbh(v1, v0);
}

// A's rows [0, rows) (the others zero), columns [k0, k0 + 2 * pairs), as `rows` rows of
// `pairs` dwords each, `stride` dwords apart.
TARGET static void convert_rows(const float *a, long lda, long rows, long k, long k0, long pairs, uint32_t *out,
                                long stride) {
  for (long i = 0; i < 8; i++)
    for (long q = 0; q < pairs; q += 16) {
      long count = i < rows ? k - (k0 + 2 * q) : 0;  // floats left in this row
      _mm512_storeu_si512(out + i * stride + q, pairs_of(a + i * lda + k0 + 2 * q, count > 32 ? 32 : count));
    }
}

TARGET void d2l_packed_gemm_avx512bf16(const float *a, long lda, const float *packed, float *c, long ldc, long m,
                                       long n, long k, bool accumulate, const float *const *start) {
  // A's rows are rounded 8 at a time, up to 512 pairs (16 KB) at once, and used for every panel.
  enum { QC = 512 };
  uint32_t scratch[8 * QC] __attribute__((aligned(64)));
  long panels = n / 16, pairs = (k + 1) / 2;
  if (n % 16) d2l_gemm_partial_panel(d2l_packed_gemm_avx512bf16, a, lda, packed + panels * k * 16, c, ldc, m, n, panels * 16, k, accumulate, start);
  for (long r = 0; r < m; r += 8) {
    long rows = m - r < 8 ? m - r : 8;
    for (long q0 = 0; q0 < pairs; q0 += QC) {
      long qc = pairs - q0 < QC ? pairs - q0 : QC, stride = (qc + 15) / 16 * 16;
      convert_rows(a + r * lda, lda, rows, k, 2 * q0, qc, scratch, stride);
      bool first = q0 == 0;
      for (long p = 0; p < panels; p += 2)
        block(scratch, 4 * stride, 4, packed + p * k * 16 + q0 * 16, k * 16, p + 1 < panels, c + r * ldc + p * 16, ldc,
              rows, qc, first ? accumulate : true, first && start ? start + r : 0, p * 16);
    }
  }
}

// dG's columns [i, i + 8), rows [k0, k0 + 2 * pairs) of the (k x lda) matrix a, as pairs of
// rows: dword (q, i) at out[q * 8 + i]. Their FP32 sums go to sums[0, 8) unless it is null.
TARGET static void pack_transposed_pairs(const float *a, long lda, long k, long k0, long pairs, uint32_t *out,
                                         float *sums) {
  const __m256i interleave = _mm256_setr_epi16(0, 8, 1, 9, 2, 10, 3, 11, 4, 12, 5, 13, 6, 14, 7, 15);
  __m256 total = _mm256_setzero_ps();
  for (long q = 0; q < pairs; q++) {
    long kk = k0 + 2 * q;
    __m256 even = _mm256_loadu_ps(a + kk * lda);
    __m256 odd = kk + 1 < k ? _mm256_loadu_ps(a + (kk + 1) * lda) : _mm256_setzero_ps();
    total = _mm256_add_ps(total, _mm256_add_ps(even, odd));
    __m256i both = (__m256i)_mm256_cvtne2ps_pbh(odd, even);  // 8 evens, then 8 odds
    _mm256_storeu_si256((__m256i *)(out + q * 8), _mm256_permutexvar_epi16(interleave, both));
  }
  if (sums) _mm256_storeu_ps(sums, _mm256_add_ps(_mm256_loadu_ps(sums), total));
}

TARGET void d2l_packed_gemm_at_avx512bf16(const float *a, long lda, const float *packed, float *c, long ldc, long m,
                                          long n, long k, float *scratch, float *column_sums) {
  // k in chunks whose share of each panel (256 rows: 16 KB of pairs) stays in L2, as in
  // d2l_packed_gemm_at_avx512; 128 pairs of 8 dwords fill 4 KB of `scratch`.
  enum { KC = 256 };
  long panels = n / 16;
  uint32_t *pairs = (uint32_t *)scratch;
  for (long k0 = 0; k0 < k; k0 += KC) {
    long kc = k - k0 < KC ? k - k0 : KC, qc = (kc + 1) / 2;
    for (long r = 0; r + 8 <= m; r += 8) {
      pack_transposed_pairs(a + r, lda, k, k0, qc, pairs, column_sums ? column_sums + r : 0);
      for (long p = 0; p < panels; p += 2)
        block(pairs, 4, 32, packed + p * k * 16 + (k0 / 2) * 16, k * 16, p + 1 < panels, c + r * ldc + p * 16, ldc, 8,
              qc, true, 0, 0);
    }
  }
}

// FP32 panels of up to 64 rows at a time from the AVX2 packer, then each pair of rows as bf16
// pairs: the rounding and interleaving are two instructions per 32 values.
TARGET void d2l_pack_panels_avx512bf16(const float *b, long k, long n, long row_stride, long column_stride, float *out,
                                       long first_panel, long panels) {
  enum { KC = 64 };
  float rows[KC * 16] __attribute__((aligned(64)));
  const __m512i interleave = _mm512_setr_epi32(0x00100000, 0x00110001, 0x00120002, 0x00130003, 0x00140004,
                                               0x00150005, 0x00160006, 0x00170007, 0x00180008, 0x00190009,
                                               0x001a000a, 0x001b000b, 0x001c000c, 0x001d000d, 0x001e000e,
                                               0x001f000f);
  for (long panel = first_panel; panel < first_panel + panels; panel++) {
    long j0 = panel * 16, width = n - j0 < 16 ? n - j0 : 16;
    char *dst = (char *)(out + panel * k * 16);
    for (long k0 = 0; k0 < k; k0 += KC) {
      long kc = k - k0 < KC ? k - k0 : KC;
      d2l_pack_panels_avx2(b + k0 * row_stride + j0 * column_stride, kc, width, row_stride, column_stride, rows, 0, 1);
      for (long q = 0; q < (kc + 1) / 2; q++) {
        __m512 even = _mm512_load_ps(rows + 32 * q);
        __m512 odd = 2 * q + 1 < kc ? _mm512_load_ps(rows + 32 * q + 16) : _mm512_setzero_ps();
        __m512i both = (__m512i)_mm512_cvtne2ps_pbh(odd, even);  // 16 evens, then 16 odds
        _mm512_storeu_si512(dst + (k0 / 2 + q) * 64, _mm512_permutexvar_epi16(interleave, both));
      }
    }
  }
}
#endif
