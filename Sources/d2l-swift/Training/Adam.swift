import Foundation

/// Adam (Kingma & Ba), with PyTorch's defaults and arithmetic (`torch.optim.Adam(params, lr)`:
/// β₁ = 0.9, β₂ = 0.999, ε = 1e-8, no weight decay):
///
///     m ← β₁ m + (1 − β₁) g          v ← β₂ v + (1 − β₂) g²
///     p ← p − lr / (1 − β₁ᵗ) · m / (√v / √(1 − β₂ᵗ) + ε)
///
/// A parameter without a gradient is skipped, and its step count does not advance (as PyTorch).
public final class Adam {
  public let parameters: [Tensor]
  public var learningRate: Float
  public let beta1: Float, beta2: Float, epsilon: Float
  /// The first and second moments of each parameter, and its step count t.
  private var moments: [(m: TensorStorage, v: TensorStorage, step: Int)]

  public init(parameters: [Tensor], learningRate: Float, beta1: Float = 0.9, beta2: Float = 0.999, epsilon: Float = 1e-8) {
    (self.parameters, self.learningRate, self.beta1, self.beta2, self.epsilon) = (parameters, learningRate, beta1, beta2, epsilon)
    moments = parameters.map { (TensorStorage(count: $0.count), TensorStorage(count: $0.count), 0) }
  }

  /// One update of every parameter that has a gradient.
  public func step() {
    for (i, p) in parameters.enumerated() {
      guard let g = p.node?.grad else { continue }
      moments[i].step += 1
      let t = Double(moments[i].step)
      // PyTorch computes the corrections in Python floats (double), then works in float32.
      let stepSize = Float(Double(learningRate) / (1 - pow(Double(beta1), t)))
      let correction2 = Float((1 - pow(Double(beta2), t)).squareRoot())
      let (m, v, x, gg) = (moments[i].m.base, moments[i].v.base, p.storage.base, g.base)
      let (b1, b2, oneMinusB2, eps) = (1 - beta1, beta2, 1 - beta2, epsilon)
      for k in 0..<p.count {
        let grad = gg[k]
        m[k] += b1 * (grad - m[k])  // torch's lerp
        v[k] = v[k] * b2 + oneMinusB2 * grad * grad
        x[k] -= stepSize * (m[k] / (v[k].squareRoot() / correction2 + eps))
      }
    }
  }
}
