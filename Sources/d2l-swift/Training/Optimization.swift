/// Gradient clipping and stochastic gradient descent, as D2L's `grad_clipping` and `sgd`.
public enum Optimization {
  /// The global L2 norm of all gradients, ‖g‖ = √(Σ g²) over every parameter.
  public static func gradientNorm(_ parameters: [Tensor]) -> Float {
    var total: Double = 0
    for p in parameters {
      if let g = p.node?.grad { total += Kernels.sumOfSquares(g.base, count: g.count) }
    }
    return Float(total.squareRoot())
  }

  /// Rescales all gradients so that their global norm is at most `theta` (D2L's
  /// `grad_clipping`): g ← θ g / ‖g‖ when ‖g‖ > θ. Returns the norm before clipping.
  @discardableResult
  public static func clipGradients(_ parameters: [Tensor], maxNorm theta: Float) -> Float {
    let norm = gradientNorm(parameters)
    if norm > theta {
      let scale = theta / norm
      for p in parameters {
        if let g = p.node?.grad { for i in 0..<g.count { g.base[i] *= scale } }
      }
    }
    return norm
  }

  /// One SGD step, p ← p - lr · g, in place.
  public static func sgdStep(_ parameters: [Tensor], learningRate lr: Float) {
    for p in parameters {
      guard let g = p.node?.grad else { continue }
      Kernels.addScaled(g.base, -lr, into: p.storage.base, count: p.count)
    }
  }
}
