// The FP32 FLOP rate of one thread doing nothing but independent FMAs of the width the kernels
// run: the ceiling that `lessons bench` reports its share of, measured in the same run instead
// of assumed.
#include "CKernels.h"

#include <time.h>

#if defined(__x86_64__)
#include <immintrin.h>

static double seconds_now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

// Twelve accumulators: more than FMA latency (4 cycles) times FMA units (2), so the units never
// wait. The empty asm keeps the compiler from merging or removing the chains.
#define FMA_LOOP(TYPE, SET1, FMA, LANES)                                                   \
  TYPE a0 = SET1(1.0f), a1 = SET1(1.1f), a2 = SET1(1.2f), a3 = SET1(1.3f), a4 = SET1(1.4f), \
       a5 = SET1(1.5f), a6 = SET1(1.6f), a7 = SET1(1.7f), a8 = SET1(1.8f), a9 = SET1(1.9f), \
       a10 = SET1(2.0f), a11 = SET1(2.1f);                                                \
  const TYPE b = SET1(0.999999f), c = SET1(1e-7f);                                         \
  long rounds = 0;                                                                         \
  double start = seconds_now(), elapsed = 0;                                               \
  do {                                                                                     \
    for (int i = 0; i < 100000; i++) {                                                     \
      a0 = FMA(a0, b, c); a1 = FMA(a1, b, c); a2 = FMA(a2, b, c); a3 = FMA(a3, b, c);      \
      a4 = FMA(a4, b, c); a5 = FMA(a5, b, c); a6 = FMA(a6, b, c); a7 = FMA(a7, b, c);      \
      a8 = FMA(a8, b, c); a9 = FMA(a9, b, c); a10 = FMA(a10, b, c); a11 = FMA(a11, b, c);  \
      __asm__ volatile("" : "+v"(a0), "+v"(a1), "+v"(a2), "+v"(a3), "+v"(a4), "+v"(a5),    \
                       "+v"(a6), "+v"(a7), "+v"(a8), "+v"(a9), "+v"(a10), "+v"(a11));      \
    }                                                                                      \
    rounds++;                                                                              \
    elapsed = seconds_now() - start;                                                       \
  } while (elapsed < seconds);                                                             \
  return (double)rounds * 100000.0 * 12 * LANES * 2 / elapsed;

__attribute__((target("avx512f"))) static double fma_avx512(double seconds) {
  FMA_LOOP(__m512, _mm512_set1_ps, _mm512_fmadd_ps, 16)
}

__attribute__((target("avx2,fma"))) static double fma_avx2(double seconds) {
  FMA_LOOP(__m256, _mm256_set1_ps, _mm256_fmadd_ps, 8)
}

// The bf16 level's ceiling: VDPBF16PS adds two bf16 products to each of 16 FP32 lanes, 64 FLOP
// an instruction. Its operands are bf16 pairs; the loop's sums only have to stay finite.
__attribute__((target("avx512f,avx512bf16"))) static inline __m512 dot_bf16(__m512 a, __m512 b, __m512 c) {
  return _mm512_dpbf16_ps(a, (__m512bh)b, (__m512bh)c);
}

// x rounded to bf16 in both halves of every lane (the FP32 loop's constants would put NaNs in
// the low halves).
__attribute__((target("avx512f"))) static inline __m512 bf16_pairs(float x) {
  uint32_t h = d2l_bf16_from_float(x);
  return _mm512_castsi512_ps(_mm512_set1_epi32((int)(h << 16 | h)));
}

__attribute__((target("avx512f,avx512bf16"))) static double dot_avx512bf16(double seconds) {
  FMA_LOOP(__m512, bf16_pairs, dot_bf16, 32)
}

// The portable level's ceiling: SSE2 has no FMA, so a multiply and an add per lane.
static inline __m128 mul_add(__m128 a, __m128 b, __m128 c) { return _mm_add_ps(_mm_mul_ps(a, b), c); }

static double mul_add_sse(double seconds) {
  FMA_LOOP(__m128, _mm_set1_ps, mul_add, 4)
}

double d2l_fma_flops(double seconds, d2l_level level) {
  if (level == D2L_LEVEL_AVX512_BF16) return d2l_cpu_has_bf16() ? dot_avx512bf16(seconds) : 0;
  if (level > d2l_cpu_level()) level = d2l_cpu_level();
  switch (level) {
  case D2L_LEVEL_AVX512: return fma_avx512(seconds);
  case D2L_LEVEL_AVX2: return fma_avx2(seconds);
  default: return mul_add_sse(seconds);
  }
}
#else
double d2l_fma_flops(double seconds, d2l_level level) {
  (void)seconds;
  (void)level;
  return 0;
}
#endif
