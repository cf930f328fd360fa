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

  /// One update of every parameter that has a gradient, each gradient first multiplied by
  /// `gradientScale` (gradient clipping's θ/‖g‖, applied here instead of in a pass of its own).
  public func step(gradientScale: Float = 1) {
    for (i, p) in parameters.enumerated() {
      guard let g = p.node?.grad else { continue }
      moments[i].step += 1
      let t = Double(moments[i].step)
      // PyTorch computes the corrections in Python floats (double), then works in float32.
      let stepSize = Float(Double(learningRate) / (1 - pow(Double(beta1), t)))
      let correction2 = Float((1 - pow(Double(beta2), t)).squareRoot())
      Self.update(p.storage.base, gradient: g.base, m: moments[i].m.base, v: moments[i].v.base, count: p.count,
                  scale: gradientScale, coefficients: (1 - beta1, beta2, 1 - beta2, stepSize, correction2, epsilon))
    }
  }

  /// m += (1 − β₁)(g − m) (torch's lerp); v = β₂ v + (1 − β₂) g²; x −= s · m / (√v / c₂ + ε);
  /// eight lanes at a time (the pointers may alias as far as the compiler knows, so it would not
  /// vectorise the square root and division itself).
  private static func update(
    _ x: UnsafeMutablePointer<Float>, gradient g: UnsafePointer<Float>, m: UnsafeMutablePointer<Float>,
    v: UnsafeMutablePointer<Float>, count: Int, scale: Float,
    coefficients c: (oneMinusBeta1: Float, beta2: Float, oneMinusBeta2: Float, stepSize: Float, correction2: Float, epsilon: Float)
  ) {
    typealias V = SIMD8<Float>
    func load(_ p: UnsafePointer<Float>, _ k: Int) -> V { UnsafeRawPointer(p + k).loadUnaligned(as: V.self) }
    func store(_ value: V, _ p: UnsafeMutablePointer<Float>, _ k: Int) { UnsafeMutableRawPointer(p + k).storeBytes(of: value, as: V.self) }
    var k = 0
    while k + 8 <= count {
      let grad = load(g, k) * scale
      var mk = load(m, k), vk = load(v, k)
      mk += c.oneMinusBeta1 * (grad - mk)
      vk = vk * c.beta2 + c.oneMinusBeta2 * grad * grad
      store(mk, m, k)
      store(vk, v, k)
      store(load(x, k) - c.stepSize * (mk / (vk.squareRoot() / c.correction2 + c.epsilon)), x, k)
      k += 8
    }
    while k < count {
      let grad = g[k] * scale
      m[k] += c.oneMinusBeta1 * (grad - m[k])
      v[k] = v[k] * c.beta2 + c.oneMinusBeta2 * grad * grad
      x[k] -= c.stepSize * (m[k] / (v[k].squareRoot() / c.correction2 + c.epsilon))
      k += 1
    }
  }
}
