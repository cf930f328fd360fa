// The LSTM's cell with AVX-512, forward and backward: the same formulas as CellKernels in Swift
// (Cephes' exp polynomial, tanh's series near 0), 16 units per instruction, with the exponent
// applied by vscalefps and the divisions as one vdivps each. Swift's SIMD types stop at AVX2
// in this library, and the cells were the largest cost left around the per-step products.
// Products and sums are separate intrinsics, rounded as the Swift cells round them (no FMA
// contraction), so both paths agree to the last bit or two.
#include "CKernels.h"

#include <immintrin.h>

#if defined(__x86_64__)
#define TARGET __attribute__((target("avx512f")))

TARGET static inline __m512 exp16(__m512 x) {
  x = _mm512_min_ps(_mm512_max_ps(x, _mm512_set1_ps(-87.3f)), _mm512_set1_ps(88.3f));
  __m512 n = _mm512_roundscale_ps(_mm512_mul_ps(x, _mm512_set1_ps(1.44269504f)), _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
  __m512 r = _mm512_fmadd_ps(n, _mm512_set1_ps(-0.693359375f), x);
  r = _mm512_fmadd_ps(n, _mm512_set1_ps(2.12194440e-4f), r);
  __m512 p = _mm512_fmadd_ps(_mm512_set1_ps(1.9875691e-4f), r, _mm512_set1_ps(1.3981999e-3f));
  p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(8.3334520e-3f));
  p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(4.1665796e-2f));
  p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(1.6666666e-1f));
  p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(0.5f));
  p = _mm512_fmadd_ps(p, _mm512_mul_ps(r, r), _mm512_add_ps(r, _mm512_set1_ps(1.0f)));
  return _mm512_scalef_ps(p, n);  // p · 2ⁿ
}

TARGET static inline __m512 sigmoid16(__m512 x) {
  __m512 one = _mm512_set1_ps(1.0f);
  return _mm512_div_ps(one, _mm512_add_ps(one, exp16(_mm512_sub_ps(_mm512_setzero_ps(), x))));
}

TARGET static inline __m512 tanh16(__m512 x) {
  __m512 one = _mm512_set1_ps(1.0f);
  __m512 a = _mm512_abs_ps(x);
  __m512 z = _mm512_mul_ps(x, x);
  __m512 series = _mm512_fmadd_ps(z, _mm512_set1_ps(62.0f / 2835), _mm512_set1_ps(-17.0f / 315));
  series = _mm512_fmadd_ps(z, series, _mm512_set1_ps(2.0f / 15));
  series = _mm512_fmadd_ps(z, series, _mm512_set1_ps(-1.0f / 3));
  series = _mm512_mul_ps(x, _mm512_fmadd_ps(z, series, one));
  __m512 e = exp16(_mm512_mul_ps(a, _mm512_set1_ps(-2.0f)));
  __m512 t = _mm512_div_ps(_mm512_sub_ps(one, e), _mm512_add_ps(one, e));
  __mmask16 negative = _mm512_cmp_ps_mask(x, _mm512_setzero_ps(), _CMP_LT_OQ);
  t = _mm512_mask_sub_ps(t, negative, _mm512_setzero_ps(), t);
  __mmask16 small = _mm512_cmp_ps_mask(a, _mm512_set1_ps(0.3f), _CMP_LT_OQ);
  return _mm512_mask_mov_ps(t, small, series);
}

TARGET void d2l_lstm_forward_avx512(float *g, const float *c_prev, float *c, float *tanh_c, float *h,
                                    long batch, long hidden, long first_unit, long units) {
  for (long b = 0; b < batch; b++) {
    float *row = g + b * 4 * hidden + first_unit;
    long s = b * hidden + first_unit;
    for (long j = 0; j < units; j += 16) {
      __mmask16 m = units - j >= 16 ? (__mmask16)0xFFFF : (__mmask16)((1u << (units - j)) - 1);
      __m512 i = sigmoid16(_mm512_maskz_loadu_ps(m, row + j));
      __m512 f = sigmoid16(_mm512_maskz_loadu_ps(m, row + hidden + j));
      __m512 n = tanh16(_mm512_maskz_loadu_ps(m, row + 2 * hidden + j));
      __m512 o = sigmoid16(_mm512_maskz_loadu_ps(m, row + 3 * hidden + j));
      _mm512_mask_storeu_ps(row + j, m, i);
      _mm512_mask_storeu_ps(row + hidden + j, m, f);
      _mm512_mask_storeu_ps(row + 2 * hidden + j, m, n);
      _mm512_mask_storeu_ps(row + 3 * hidden + j, m, o);
      __m512 cell = _mm512_add_ps(_mm512_mul_ps(f, _mm512_maskz_loadu_ps(m, c_prev + s + j)), _mm512_mul_ps(i, n));
      __m512 t = tanh16(cell);
      _mm512_mask_storeu_ps(c + s + j, m, cell);
      _mm512_mask_storeu_ps(tanh_c + s + j, m, t);
      _mm512_mask_storeu_ps(h + s + j, m, _mm512_mul_ps(o, t));
    }
  }
}
TARGET void d2l_lstm_backward_avx512(const float *dh, const float *dy, float *dc, const float *g, const float *c_prev,
                                     const float *tanh_c, float *dg, long batch, long hidden, long first_unit, long units) {
  __m512 one = _mm512_set1_ps(1.0f);
  for (long b = 0; b < batch; b++) {
    const float *row = g + b * 4 * hidden + first_unit;
    float *drow = dg + b * 4 * hidden + first_unit;
    long s = b * hidden + first_unit;
    for (long j = 0; j < units; j += 16) {
      __mmask16 m = units - j >= 16 ? (__mmask16)0xFFFF : (__mmask16)((1u << (units - j)) - 1);
      __m512 i = _mm512_maskz_loadu_ps(m, row + j), f = _mm512_maskz_loadu_ps(m, row + hidden + j);
      __m512 n = _mm512_maskz_loadu_ps(m, row + 2 * hidden + j), o = _mm512_maskz_loadu_ps(m, row + 3 * hidden + j);
      __m512 t = _mm512_maskz_loadu_ps(m, tanh_c + s + j);
      __m512 d = _mm512_add_ps(_mm512_maskz_loadu_ps(m, dh + s + j), _mm512_maskz_loadu_ps(m, dy + s + j));
      // dcell = dC + dH ⊙ o ⊙ (1 - tanh² C_t)
      __m512 dcell = _mm512_add_ps(_mm512_maskz_loadu_ps(m, dc + s + j),
                                   _mm512_mul_ps(_mm512_mul_ps(d, o), _mm512_sub_ps(one, _mm512_mul_ps(t, t))));
      __m512 di = _mm512_mul_ps(_mm512_mul_ps(_mm512_mul_ps(dcell, n), i), _mm512_sub_ps(one, i));
      __m512 df = _mm512_mul_ps(_mm512_mul_ps(_mm512_mul_ps(dcell, _mm512_maskz_loadu_ps(m, c_prev + s + j)), f),
                                _mm512_sub_ps(one, f));
      __m512 dn = _mm512_mul_ps(_mm512_mul_ps(dcell, i), _mm512_sub_ps(one, _mm512_mul_ps(n, n)));
      __m512 dout = _mm512_mul_ps(_mm512_mul_ps(_mm512_mul_ps(d, t), o), _mm512_sub_ps(one, o));
      _mm512_mask_storeu_ps(drow + j, m, di);
      _mm512_mask_storeu_ps(drow + hidden + j, m, df);
      _mm512_mask_storeu_ps(drow + 2 * hidden + j, m, dn);
      _mm512_mask_storeu_ps(drow + 3 * hidden + j, m, dout);
      _mm512_mask_storeu_ps(dc + s + j, m, _mm512_mul_ps(dcell, f));
    }
  }
}
#else
void d2l_lstm_backward_avx512(const float *dh, const float *dy, float *dc, const float *g, const float *c_prev,
                              const float *tanh_c, float *dg, long batch, long hidden, long first_unit, long units) {
  (void)dh; (void)dy; (void)dc; (void)g; (void)c_prev; (void)tanh_c; (void)dg; (void)batch; (void)hidden;
  (void)first_unit; (void)units;
}
void d2l_lstm_forward_avx512(float *g, const float *c_prev, float *c, float *tanh_c, float *h,
                             long batch, long hidden, long first_unit, long units) {
  (void)g; (void)c_prev; (void)c; (void)tanh_c; (void)h; (void)batch; (void)hidden; (void)first_unit; (void)units;
}
#endif
