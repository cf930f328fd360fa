import Testing
@testable import D2L

/// Central finite differences against the tape: micrograd's test, for every op.
///
/// The op's output is projected onto fixed random weights R (loss = sum(f(x) * R)), so every
/// output element matters with a different weight and a wrong sign or a missing term shows.
func checkGradients(
  _ name: String, inputs: [Tensor], epsilon: Float = 1e-2, tolerance: Float = 1e-2,
  sourceLocation: SourceLocation = #_sourceLocation, _ f: ([Tensor]) -> Tensor
) {
  var generator = RandomGenerator(seed: 99)
  let leaves = inputs.map { Tensor(shape: $0.shape, $0.scalars).requiringGradient() }
  let output = f(leaves)
  let weights = Tensor.normal(output.shape, using: &generator)
  (output * weights).sum().backward()

  func loss(_ xs: [Tensor]) -> Double {
    let y = withoutGradients { f(xs) }
    return zip(y.scalars, weights.scalars).reduce(0) { $0 + Double($1.0) * Double($1.1) }
  }
  for (k, leaf) in leaves.enumerated() {
    let analytic = leaf.gradient?.scalars ?? [Float](repeating: 0, count: leaf.count)
    var numeric = [Float](repeating: 0, count: leaf.count)
    for i in 0..<leaf.count {
      var plus = leaves.map { Tensor(shape: $0.shape, $0.scalars) }
      var minus = plus
      var p = plus[k].scalars, m = minus[k].scalars
      p[i] += epsilon; m[i] -= epsilon
      plus[k] = Tensor(shape: leaf.shape, p); minus[k] = Tensor(shape: leaf.shape, m)
      numeric[i] = Float((loss(plus) - loss(minus)) / Double(2 * epsilon))
    }
    let scale = max(1, numeric.map(abs).max() ?? 1)
    let worst = zip(analytic, numeric).map { abs($0 - $1) }.max() ?? 0
    #expect(
      worst <= tolerance * scale,
      "\(name): input \(k): largest |analytic - numeric| = \(worst) (analytic \(analytic.prefix(4)), numeric \(numeric.prefix(4)))",
      sourceLocation: sourceLocation)
  }
}
