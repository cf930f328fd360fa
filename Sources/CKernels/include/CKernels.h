// What Swift cannot reach from the library. Mostly instructions beyond its AVX2, chosen at run
// time: the time loop's per-step products, the weight gradients and the LSTM's cells with
// AVX-512, and the machine's FMA peak. Also glibc's malloc tuning, which Swift's Glibc module
// does not export.
//
// Swift compiles the library for AVX2 (every x86-64 machine since 2013); a function compiled for
// AVX-512 has to live in C, where one function can target more than the rest of the module.
#ifndef D2L_CKERNELS_H
#define D2L_CKERNELS_H

#include <stdbool.h>

/// True when this CPU runs AVX-512F, so `d2l_packed_gemm_avx512` may be called.
bool d2l_has_avx512(void);

/// C (m x n) = (or +=) A (m x k, row stride lda) times B, with B packed as n/16 panels of
/// k x 16 (contiguous). n must be a multiple of 16; any m. Unless `start` is null, row i of C
/// is start[i][0, n) + (A B)[i] instead (a bias, or a token's input projection, with no pass
/// to copy it into C first). Requires `d2l_has_avx512()`.
void d2l_packed_gemm_avx512(const float *a, long lda, const float *packed, float *c, long ldc,
                            long m, long n, long k, bool accumulate, const float *const *start);

/// C (m x n) = (or +=) Aᵀ times B, where A is given as its transpose (k x m, row stride lda),
/// B packed as for `d2l_packed_gemm_avx512`: the weight gradients dW = dGᵀ Y. m must be a
/// multiple of 8 and n of 16; `scratch` holds 2048 floats. Unless `column_sums` is null, it also
/// adds the sums of A's rows to column_sums[0, m): the column sums of the k x m matrix as given
/// (dG: the bias gradients), from the elements it packs anyway. Requires `d2l_has_avx512()`.
void d2l_packed_gemm_at_avx512(const float *a, long lda, const float *packed, float *c, long ldc,
                               long m, long n, long k, bool accumulate, float *scratch, float *column_sums);

/// The LSTM's forward cell (CellKernels.lstmForward) for rows [0, batch) and units
/// [first_unit, first_unit + units): gates g (batch, 4·hidden) become i, f, g, o; C_t, tanh C_t
/// and H_t are written. Requires `d2l_has_avx512()`.
void d2l_lstm_forward_avx512(float *g, const float *c_prev, float *c, float *tanh_c, float *h,
                             long batch, long hidden, long first_unit, long units);

/// The LSTM's backward cell (CellKernels.lstmBackward) for the same rows and units: from
/// dH_t = dh + dy, the running dC (which becomes dC_{t-1}) and the forward pass's activations
/// g, C_{t-1} and tanh C_t, the gate gradients dg (batch, 4·hidden). Requires `d2l_has_avx512()`.
void d2l_lstm_backward_avx512(const float *dh, const float *dy, float *dc, const float *g, const float *c_prev,
                              const float *tanh_c, float *dg, long batch, long hidden, long first_unit, long units);

/// Makes glibc keep freed memory for reuse instead of returning it to the kernel: fixed mmap
/// (32 MB) and trim (256 MB) thresholds; see TensorStorage. True when glibc took both; false
/// with another C library, which is left as it is.
bool d2l_keep_freed_memory(void);

/// FP32 FLOP per second of this thread running only independent FMAs (AVX-512 where the CPU
/// has it, else AVX2/FMA) for about `seconds`; 0 on a CPU with neither.
double d2l_fma_flops(double seconds);

#endif
