// Which kernels this CPU runs: one table per level, built from the per-level files.
#include "CKernels.h"

#define DECLARE_LEVEL(L)                                                                    \
  void d2l_packed_gemm_##L(const float *, long, const float *, float *, long, long, long,   \
                           long, bool, const float *const *);                               \
  void d2l_rnn_forward_##L(const d2l_cell_step *);                                         \
  void d2l_rnn_backward_##L(const d2l_cell_step *);                                        \
  void d2l_gru_forward_##L(const d2l_cell_step *);                                         \
  void d2l_gru_backward_##L(const d2l_cell_step *);                                        \
  void d2l_lstm_forward_##L(const d2l_cell_step *);                                        \
  void d2l_lstm_backward_##L(const d2l_cell_step *);                                        \
  void d2l_tanh_array_##L(const float *, float *, long);                                    \
  void d2l_sigmoid_array_##L(const float *, float *, long);

#define TABLE(LEVEL, L, PACK, AT)                                                           \
  {LEVEL, #L, PACK, d2l_packed_gemm_##L, AT, d2l_rnn_forward_##L, d2l_rnn_backward_##L,     \
   d2l_gru_forward_##L, d2l_gru_backward_##L, d2l_lstm_forward_##L, d2l_lstm_backward_##L,   \
   d2l_tanh_array_##L, d2l_sigmoid_array_##L}

DECLARE_LEVEL(portable)
static const d2l_kernels portable = TABLE(D2L_LEVEL_PORTABLE, portable, d2l_pack_panels, 0);

#if defined(__x86_64__)
DECLARE_LEVEL(avx2)
DECLARE_LEVEL(avx512)
void d2l_pack_panels_avx2(const float *, long, long, long, long, float *, long, long);
void d2l_packed_gemm_at_avx512(const float *, long, const float *, float *, long, long, long, long, float *,
                               float *);
static const d2l_kernels avx2 = TABLE(D2L_LEVEL_AVX2, avx2, d2l_pack_panels_avx2, 0);
static const d2l_kernels avx512 = TABLE(D2L_LEVEL_AVX512, avx512, d2l_pack_panels_avx2, d2l_packed_gemm_at_avx512);
// bf16 products (packed_gemm_avx512bf16.c) with the AVX-512 cells: only the products change.
void d2l_pack_panels_avx512bf16(const float *, long, long, long, long, float *, long, long);
void d2l_packed_gemm_avx512bf16(const float *, long, const float *, float *, long, long, long, long, bool,
                                const float *const *);
void d2l_packed_gemm_at_avx512bf16(const float *, long, const float *, float *, long, long, long, long, float *,
                                   float *);
static const d2l_kernels avx512bf16 = {
    D2L_LEVEL_AVX512_BF16, "avx512bf16", d2l_pack_panels_avx512bf16, d2l_packed_gemm_avx512bf16,
    d2l_packed_gemm_at_avx512bf16, d2l_rnn_forward_avx512, d2l_rnn_backward_avx512, d2l_gru_forward_avx512,
    d2l_gru_backward_avx512, d2l_lstm_forward_avx512, d2l_lstm_backward_avx512};
#endif

d2l_level d2l_cpu_level(void) {
#if defined(__x86_64__)
  __builtin_cpu_init();
  if (__builtin_cpu_supports("avx512f")) return D2L_LEVEL_AVX512;
  if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) return D2L_LEVEL_AVX2;
#endif
  return D2L_LEVEL_PORTABLE;
}

bool d2l_cpu_has_bf16(void) {
#if defined(__x86_64__)
  __builtin_cpu_init();
  return __builtin_cpu_supports("avx512bf16") && __builtin_cpu_supports("avx512bw") &&
         __builtin_cpu_supports("avx512vl");
#else
  return false;
#endif
}

const d2l_kernels *d2l_kernels_for(d2l_level level) {
  if (level == D2L_LEVEL_AVX512_BF16 ? !d2l_cpu_has_bf16() : level > d2l_cpu_level()) return 0;
  switch (level) {
#if defined(__x86_64__)
  case D2L_LEVEL_AVX512_BF16: return &avx512bf16;
  case D2L_LEVEL_AVX512: return &avx512;
  case D2L_LEVEL_AVX2: return &avx2;
#endif
  default: return &portable;
  }
}
