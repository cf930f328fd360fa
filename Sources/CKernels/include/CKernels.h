// What Swift cannot reach from the library: kernels compiled for instructions beyond the
// baseline of the build (AVX2/FMA, AVX-512), chosen once at run time; the machine's FMA peak;
// glibc's malloc tuning, which Swift's Glibc module does not export.
//
// Why C: one C function can target more than the rest of its module
// (`__attribute__((target(...)))`), so the package needs no `-target-cpu` or other unsafe flag,
// and one binary runs the best kernels of whatever x86-64 CPU it lands on. Each kernel is
// written once and compiled for three levels: AVX-512, AVX2/FMA and portable (the baseline of
// the target: SSE2 on x86-64, NEON on Arm). Only the portable level exists off x86-64.
#ifndef D2L_CKERNELS_H
#define D2L_CKERNELS_H

#include <stdbool.h>
#include <stdint.h>

/// The instruction-set levels the kernels come in, lowest first.
typedef enum d2l_level {
  D2L_LEVEL_PORTABLE = 0,
  D2L_LEVEL_AVX2 = 1,
  D2L_LEVEL_AVX512 = 2,
  /// AVX-512 with AVX512_BF16: the products take bf16 operands and sum in FP32 (VDPBF16PS).
  /// Not a higher FP32 level but another precision, used only when it is asked for.
  D2L_LEVEL_AVX512_BF16 = 3,
} d2l_level;

/// The highest FP32 level this CPU runs (portable off x86-64).
d2l_level d2l_cpu_level(void);

/// Whether this CPU runs the bf16 level (AVX512_BF16, which Zen 4, Sapphire Rapids and later
/// have).
bool d2l_cpu_has_bf16(void);

/// One time step of a fused cell, for rows [0, batch) and hidden units
/// [first_unit, first_unit + units). Gate blocks are (batch, G·hidden), states (batch, hidden);
/// a cell reads and writes only the fields it names (see each kernel below).
typedef struct d2l_cell_step {
  long batch, hidden, first_unit, units;
  /// Gate pre-activations X W_ihᵀ + b (+ H W_hhᵀ): replaced by the activations (RNN: kept).
  float *g;
  /// GRU: H_{t-1} W_hhᵀ + b_hh, (batch, 3·hidden).
  const float *gh;
  /// H_{t-1} and H_t.
  const float *h_prev;
  float *h;
  /// LSTM: C_{t-1}, C_t and tanh C_t.
  const float *c_prev;
  float *c, *tanh_c;
  /// GRU: the hidden part of the n gate, W_hn H_{t-1} + b_hn.
  float *hn;
  /// Backward: dH_t arrives in two parts, from step t+1 (dh) and from the output (dy).
  const float *dh, *dy;
  /// LSTM: the running dC, which becomes dC_{t-1}.
  float *dc;
  /// Gate pre-activation gradients (GRU: input side dg, hidden side dgh).
  float *dg, *dgh;
  /// GRU: the direct part z ⊙ dH_t of dH_{t-1}.
  float *dh_prev;
} d2l_cell_step;

typedef void (*d2l_cell_kernel)(const d2l_cell_step *step);

/// C (m x n) = (or +=) A (m x k, row stride lda) times B, with B packed by `d2l_pack_panels`.
/// Any m and n. Unless `start` is null, row i of C is start[i][0, n) + (A B)[i] instead (a
/// bias, or a token's input projection, with no pass to copy it into C first).
typedef void (*d2l_packed_gemm)(const float *a, long lda, const float *packed, float *c, long ldc,
                                long m, long n, long k, bool accumulate, const float *const *start);

/// C (m x n) += Aᵀ times B, A given as its transpose (k x m, row stride lda), B packed by
/// `d2l_pack_panels`: the weight gradients dW = dGᵀ Y. m a multiple of 8, n of 16; `scratch`
/// holds 2048 floats. Unless `column_sums` is null, also adds the sums of A's rows to
/// column_sums[0, m) (the bias gradients), from the elements it packs anyway.
typedef void (*d2l_packed_gemm_at)(const float *a, long lda, const float *packed, float *c, long ldc,
                                   long m, long n, long k, float *scratch, float *column_sums);

/// Lays B (k x n), element (kk, j) at b[kk * row_stride + j * column_stride], out as panels of
/// k x 16 contiguous floats, panels [first_panel, first_panel + panels) of ceil(n / 16); the
/// columns past n in the last panel are zeros.
typedef void (*d2l_pack)(const float *b, long k, long n, long row_stride, long column_stride, float *out,
                         long first_panel, long panels);

/// y = f(x) elementwise over n floats.
typedef void (*d2l_activation)(const float *x, float *y, long n);

/// The kernels of one level.
typedef struct d2l_kernels {
  d2l_level level;
  const char *name;
  /// Packs B for `packed_gemm` and `packed_gemm_at` (the same layout at every level).
  d2l_pack pack_panels;
  d2l_packed_gemm packed_gemm;
  /// Null where the level has none (the caller then uses BLAS).
  d2l_packed_gemm_at packed_gemm_at;
  /// RNN: H_t = tanh(g). Backward: dg = dH_t ⊙ (1 - H_t²), from h = H_t.
  d2l_cell_kernel rnn_forward, rnn_backward;
  /// GRU (r, z, n): g = X W_ihᵀ + b_ih and gh become r, z, n; writes hn and H_t. Backward from
  /// g, h_prev and hn: dg, dgh (they differ in the n block, by r) and dh_prev.
  d2l_cell_kernel gru_forward, gru_backward;
  /// LSTM (i, f, g, o): g becomes the activations; writes C_t, tanh C_t and H_t. Backward
  /// from g, c_prev and tanh_c: dg, and dc becomes dC_{t-1}.
  d2l_cell_kernel lstm_forward, lstm_backward;
  /// tanh and σ as the cells compute them, for the tape's elementwise operations.
  d2l_activation tanh_array, sigmoid_array;
} d2l_kernels;

/// The kernels of `level`, or null when this CPU cannot run them.
const d2l_kernels *d2l_kernels_for(d2l_level level);

/// The portable level's `d2l_pack`, in plain C (the other levels fall back on it for partial
/// panels).
void d2l_pack_panels(const float *b, long k, long n, long row_stride, long column_stride, float *out,
                     long first_panel, long panels);

/// Makes glibc keep freed memory for reuse instead of returning it to the kernel: fixed mmap
/// (32 MB) and trim (256 MB) thresholds; see TensorStorage. True when glibc took both; false
/// with another C library, which is left as it is.
bool d2l_keep_freed_memory(void);

/// Asks the kernel to back the whole 2 MB extents of [start, start + bytes) with transparent
/// huge pages (madvise MADV_HUGEPAGE; Debian's default THP mode, "madvise", needs the ask).
/// Errors and systems without it leave the memory as it is: it is only advice.
void d2l_advise_huge_pages(void *start, long bytes);

/// bf16, as the bf16 level rounds: to nearest, ties to even, denormals read as zero, NaN kept.
uint16_t d2l_bf16_from_float(float x);
float d2l_float_from_bf16(uint16_t h);

/// The bf16 level's packing, one element at a time: B (k x n) as `d2l_pack` takes it, laid out
/// as pair panels (panel p at p * k * 16 floats, as for FP32; in it, pair q of rows is 16
/// dwords, one per column, B[2q, j] in the low half and B[2q + 1, j] in the high one).
void d2l_pack_panels_bf16_reference(const float *b, long k, long n, long row_stride, long column_stride, float *out,
                                    long first_panel, long panels);
/// The bf16 level's `packed_gemm` and `packed_gemm_at`, one element at a time: A rounded to
/// bf16, B from pair panels, each pair's two products added to an FP32 sum in VDPBF16PS's
/// order. Any m and n.
void d2l_packed_gemm_bf16_reference(const float *a, long lda, const float *packed, float *c, long ldc, long m, long n,
                                    long k, bool accumulate, const float *const *start);
void d2l_packed_gemm_at_bf16_reference(const float *a, long lda, const float *packed, float *c, long ldc, long m, long n,
                                       long k, float *column_sums);

/// FP32 FLOP per second of this thread running only independent FMAs of `level`'s width
/// (AVX-512, AVX2/FMA, or SSE2 multiplies and adds for portable; at most what the CPU runs)
/// for about `seconds`; 0 off x86-64. For `D2L_LEVEL_AVX512_BF16`, VDPBF16PS instead (two
/// multiplies and two adds per FP32 lane), or 0 on a CPU without it.
double d2l_fma_flops(double seconds, d2l_level level);

#endif
