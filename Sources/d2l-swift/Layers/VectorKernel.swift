import CKernels
import Foundation

/// Which implementation of a numeric kernel runs: the portable Swift one (AVX2 on x86-64, or
/// whatever the target has), or the C one for AVX-512 (`Sources/CKernels`), chosen at run time.
/// The per-step products and the LSTM's cells, forward and backward, have both; the weight
/// gradients have only the AVX-512 kernel, and go through OpenBLAS without it.
enum VectorKernel {
  case portable, avx512

  /// The fastest this CPU runs (`D2L_NO_AVX512=1` keeps to the portable one).
  static let best: VectorKernel = d2l_has_avx512() && getenv("D2L_NO_AVX512") == nil ? .avx512 : .portable
}
