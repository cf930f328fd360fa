import CKernels
import Foundation

/// Elementwise functions: exp, log, tanh, sigmoid, relu, and their derivatives.
extension Tensor {
  /// Applies a kernel over all elements at once; the pullback is `map`'s.
  private func map(
    _ op: String, _ kernel: d2l_activation, derivative: @escaping (Float, Float) -> Float
  ) -> Tensor {
    let out = TensorStorage(uninitializedCount: count)
    kernel(storage.base, out.base, count)
    return pullingBack(op, out, derivative)
  }

  /// Applies `f` elementwise; the pullback multiplies by `derivative(x, y)` where y = f(x).
  private func map(
    _ op: String, _ f: (Float) -> Float, derivative: @escaping (Float, Float) -> Float
  ) -> Tensor {
    let out = TensorStorage(uninitializedCount: count)
    let x = storage.base, y = out.base
    for i in 0..<count { y[i] = f(x[i]) }
    return pullingBack(op, out, derivative)
  }

  /// The result `out` = f(self), recorded with the pullback g ⊙ derivative(x, y).
  private func pullingBack(_ op: String, _ out: TensorStorage, _ derivative: @escaping (Float, Float) -> Float) -> Tensor {
    let x = storage.base, y = out.base
    return Tensor.result(op, shape: shape, storage: out, operands: [self]) { g in
      let d = TensorStorage(uninitializedCount: out.count)
      for i in 0..<out.count { d.base[i] = g.base[i] * derivative(x[i], y[i]) }
      node?.accumulate(handingOver: d)
    }
  }

  /// eˣ; d/dx = eˣ.
  public func exp() -> Tensor { map("exp", Foundation.exp, derivative: { _, y in y }) }
  /// ln x; d/dx = 1/x.
  public func log() -> Tensor { map("log", Foundation.log, derivative: { x, _ in 1 / x }) }
  /// tanh x; d/dx = 1 - tanh²x. Computed by the fused cells' kernel (`KernelSet`), so that a
  /// scratch cell and the fused one share their activations, and a whole row is one call.
  public func tanh() -> Tensor {
    map("tanh", KernelSet.selected.table.tanh_array, derivative: { _, y in 1 - y * y })
  }
  /// σ(x) = 1 / (1 + e⁻ˣ); d/dx = σ(1 - σ). Computed as `tanh()` is.
  public func sigmoid() -> Tensor {
    map("sigmoid", KernelSet.selected.table.sigmoid_array, derivative: { _, y in y * (1 - y) })
  }
  /// max(x, 0); d/dx = 1 where x > 0.
  public func relu() -> Tensor { map("relu", { max($0, 0) }, derivative: { x, _ in x > 0 ? 1 : 0 }) }
}
