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

  /// `clipGradients` then `sgdStep` in one pass over memory, on the worker team's threads: each
  /// thread sums the squares of its half of every gradient, and then updates its half of every
  /// parameter with p ← p - lr · (g · min(1, θ/‖g‖)). The same floating-point operations as the
  /// two steps, except that the gradients are left as they were. Returns the norm before clipping.
  @discardableResult
  public static func clippedSGDStep(
    _ parameters: [Tensor], learningRate lr: Float, maxNorm theta: Float, team: WorkerTeam = .shared
  ) -> Float {
    let pairs = parameters.compactMap { p in p.node?.grad.map { (UnsafeSendable(p.storage.base), UnsafeSendable($0.base), p.count) } }
    let parts = team.size
    let partial = UnsafeMutableBufferPointer<Double>.allocate(capacity: parts)
    defer { partial.deallocate() }
    let sums = UnsafeSendable(partial)
    team.run(parts: parts) { part in
      var total: Double = 0
      for (_, g, count) in pairs {
        let range = WorkerTeam.share(part, of: parts, in: count)
        total += Kernels.sumOfSquares(g.value + range.lowerBound, count: range.count)
      }
      sums.value[part] = total
    }
    let norm = Float(partial.reduce(0, +).squareRoot())
    let scale: Float? = norm > theta ? theta / norm : nil
    team.run(parts: parts) { part in
      for (p, g, count) in pairs {
        let range = WorkerTeam.share(part, of: parts, in: count)
        let pp = p.value + range.lowerBound, gg = g.value + range.lowerBound
        if let scale {
          for i in 0..<range.count { pp[i] += -lr * (gg[i] * scale) }
        } else {
          Kernels.addScaled(gg, -lr, into: pp, count: range.count)
        }
      }
    }
    return norm
  }
}
