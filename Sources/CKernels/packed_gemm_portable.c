// Packing for the per-step products, and the product itself on the target's baseline vectors:
// plain loops over 16-column panels, which the compiler vectorises (SSE2, NEON).
#include "CKernels.h"
#include "packed_gemm.h"

void d2l_pack_panels(const float *b, long k, long n, long row_stride, long column_stride, float *out,
                     long first_panel, long panels) {
  for (long panel = first_panel; panel < first_panel + panels; panel++) {
    float *dst = out + panel * k * 16;
    long j0 = panel * 16, width = n - j0 < 16 ? n - j0 : 16;
    if (column_stride == 1 && width == 16) {  // a panel row is 16 contiguous floats
      for (long kk = 0; kk < k; kk++)
        for (long j = 0; j < 16; j++) dst[kk * 16 + j] = b[kk * row_stride + j0 + j];
    } else {  // B is a transposed matrix: read each of its source rows contiguously
      for (long j = 0; j < 16; j++) {
        const float *src = b + (j0 + j) * column_stride;
        for (long kk = 0; kk < k; kk++) dst[kk * 16 + j] = j < width ? src[kk * row_stride] : 0;
      }
    }
  }
}

void d2l_gemm_partial_panel(d2l_packed_gemm full, const float *a, long lda, const float *panel, float *c, long ldc,
                            long m, long n, long column, long k, bool accumulate, const float *const *start) {
  enum { ROWS = 8 };
  float tile[ROWS * 16] __attribute__((aligned(64)));
  long width = n - column;
  for (long r = 0; r < m; r += ROWS) {
    long rows = m - r < ROWS ? m - r : ROWS;
    for (long i = 0; i < rows; i++)
      for (long j = 0; j < 16; j++)
        tile[i * 16 + j] = j >= width ? 0 : start ? start[r + i][column + j] : accumulate ? c[(r + i) * ldc + column + j] : 0;
    full(a + r * lda, lda, panel, tile, 16, rows, 16, k, true, 0);
    for (long i = 0; i < rows; i++)
      for (long j = 0; j < width; j++) c[(r + i) * ldc + column + j] = tile[i * 16 + j];
  }
}

/// One row of C against one panel: 16 sums the compiler keeps in vector registers.
static void panel_row(const float *a, const float *panel, float *out, const float *from, long k) {
  float s[16];
  for (long j = 0; j < 16; j++) s[j] = from ? from[j] : 0;
  for (long kk = 0; kk < k; kk++)
    for (long j = 0; j < 16; j++) s[j] += a[kk] * panel[kk * 16 + j];
  for (long j = 0; j < 16; j++) out[j] = s[j];
}

void d2l_packed_gemm_portable(const float *a, long lda, const float *packed, float *c, long ldc,
                              long m, long n, long k, bool accumulate, const float *const *start) {
  long panels = n / 16;
  if (n % 16) d2l_gemm_partial_panel(d2l_packed_gemm_portable, a, lda, packed + panels * k * 16, c, ldc, m, n, panels * 16, k, accumulate, start);
  for (long p = 0; p < panels; p++)
    for (long i = 0; i < m; i++) {
      float *out = c + i * ldc + p * 16;
      const float *from = start ? start[i] + p * 16 : accumulate ? out : 0;
      panel_row(a + i * lda, packed + p * k * 16, out, from, k);
    }
}
