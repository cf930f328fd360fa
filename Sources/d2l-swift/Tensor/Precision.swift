/// The precision of a recurrent layer's matrix products.
///
/// - `fp32`: PyTorch's numerics (the default; every fixture holds to it).
/// - `bf16`: opt-in, on a CPU with AVX512_BF16. The products' operands (weights, states, gate
///   gradients) are rounded to bf16 as they are packed and summed in FP32 by VDPBF16PS, at
///   twice the FP32 FMA's rate. The weights the optimiser updates, the gate nonlinearities, the
///   cell state, the output layer and the loss stay FP32.
public enum Precision: String, CaseIterable, Codable, Sendable {
  case fp32, bf16

  /// Throws, with one line that says why, when this process cannot run `self` (bf16 without
  /// AVX512_BF16, or with `D2L_KERNELS` below avx512bf16).
  public func checkAvailable() throws(PrecisionUnavailable) { _ = try KernelSet.forPrecision(self) }
}

/// Why a precision cannot run here.
public struct PrecisionUnavailable: Error, CustomStringConvertible, Sendable {
  public let description: String
  init(_ description: String) { self.description = description }
}
