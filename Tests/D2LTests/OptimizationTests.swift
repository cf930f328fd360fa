import Testing
@testable import D2L

/// The fused, two-thread clip-and-SGD step against D2L's two steps (`grad_clipping`, `sgd`).
@Suite struct OptimizationTests {
  /// Parameters with gradients of a known size: a loss Σ w·r over random weights.
  func parameters(seed: UInt64, gradientScale: Float) -> [Tensor] {
    var g = RandomGenerator(seed: seed)
    let shapes = [[64, 33], [64], [7, 64], [1]]
    let ps = shapes.map { Tensor.uniform($0, low: -1, high: 1, using: &g).requiringGradient() }
    var loss = Tensor(0)
    for p in ps { loss = loss + (p * Tensor.uniform(p.shape, low: -gradientScale, high: gradientScale, using: &g)).sum() }
    loss.backward()
    return ps
  }

  @Test(arguments: [0.001, 10] as [Float])
  func fusedStepMatchesClipThenSGD(gradientScale: Float) {
    let expected = parameters(seed: 5, gradientScale: gradientScale)
    let norm = Optimization.clipGradients(expected, maxNorm: 1)
    Optimization.sgdStep(expected, learningRate: 0.5)
    let got = parameters(seed: 5, gradientScale: gradientScale)
    let fusedNorm = Optimization.clippedSGDStep(got, learningRate: 0.5, maxNorm: 1)
    #expect(abs(norm - fusedNorm) <= 1e-6 * norm, "norms \(norm) and \(fusedNorm)")
    #expect((gradientScale > 1) == (norm > 1), "this case should \(gradientScale > 1 ? "" : "not ")clip")
    for (a, b) in zip(expected, got) {
      #expect(a.scalars == b.scalars, "parameter \(a.shape) after the step")
    }
  }
}
