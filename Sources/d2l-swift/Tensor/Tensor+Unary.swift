import Foundation

/// Elementwise functions: exp, log, tanh, sigmoid, relu, and their derivatives.
extension Tensor {
  /// Applies `f` elementwise; the pullback multiplies by `derivative(x, y)` where y = f(x).
  private func map(
    _ op: String, _ f: (Float) -> Float, derivative: @escaping (Float, Float) -> Float
  ) -> Tensor {
    let out = TensorStorage(count: count)
    let x = storage.base, y = out.base
    for i in 0..<count { y[i] = f(x[i]) }
    return Tensor.result(op, shape: shape, storage: out, operands: [self]) { g in
      let d = TensorStorage(count: out.count)
      for i in 0..<out.count { d.base[i] = g.base[i] * derivative(x[i], y[i]) }
      node?.accumulate(handingOver: d)
    }
  }

  /// eˣ; d/dx = eˣ.
  public func exp() -> Tensor { map("exp", Foundation.exp, derivative: { _, y in y }) }
  /// ln x; d/dx = 1/x.
  public func log() -> Tensor { map("log", Foundation.log, derivative: { x, _ in 1 / x }) }
  /// tanh x; d/dx = 1 - tanh²x.
  public func tanh() -> Tensor { map("tanh", Foundation.tanh, derivative: { _, y in 1 - y * y }) }
  /// σ(x) = 1 / (1 + e⁻ˣ); d/dx = σ(1 - σ).
  public func sigmoid() -> Tensor {
    map("sigmoid", { 1 / (1 + Foundation.exp(-$0)) }, derivative: { _, y in y * (1 - y) })
  }
  /// max(x, 0); d/dx = 1 where x > 0.
  public func relu() -> Tensor { map("relu", { max($0, 0) }, derivative: { x, _ in x > 0 ? 1 : 0 }) }
}
