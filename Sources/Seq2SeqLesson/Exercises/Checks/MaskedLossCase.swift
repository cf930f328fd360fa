import D2L
import ExerciseChecks
import Foundation

/// One case of the masked loss: scores, labels and valid lengths, with the expected losses and
/// gradient computed in Double from the definition, and the values that the usual mistakes give.
struct LossCase {
  let pred: Tensor  // (n, T, V)
  let labels: [Int]  // n·T
  let validLength: [Int]  // n
  var batch: Int { pred.shape[0] }
  var steps: Int { pred.shape[1] }
  var vocab: Int { pred.shape[2] }

  /// `n=4, T=6, V=7`: how the rows name this case.
  var label: String { "n=\(batch), T=\(steps), V=\(vocab), valid \(validLength)" }

  /// A seeded case: normal scores, uniform labels.
  static func random(batch: Int, steps: Int, vocab: Int, validLength: [Int], seed: UInt64) -> LossCase {
    var g = RandomGenerator(seed: seed)
    let pred = Tensor.normal([batch, steps, vocab], using: &g)
    let labels = (0..<(batch * steps)).map { _ in g.nextInt(below: vocab) }
    return LossCase(pred: pred, labels: labels, validLength: validLength)
  }

  /// -log softmax(pred[i, t])[label] in Double, for every (i, t), and the softmax itself.
  func crossEntropies(_ scores: [Float]) -> (losses: [Double], softmax: [Double]) {
    var losses: [Double] = [], softmax: [Double] = []
    for r in 0..<(batch * steps) {
      let row = scores[(r * vocab)..<((r + 1) * vocab)].map(Double.init)
      let peak = row.max()!
      let sum = row.reduce(0) { $0 + exp($1 - peak) }
      softmax += row.map { exp($0 - peak) / sum }
      losses.append(log(sum) + peak - row[labels[r]])
    }
    return (losses, softmax)
  }

  /// Each sequence's loss: the cross-entropies of its first `validLength + keep` steps (all of
  /// them when `keep` is nil), summed and divided by `divisor(i)`.
  func losses(keep: Int? = 0, scores: [Float]? = nil, divisor: (Int) -> Double) -> [Float] {
    let ce = crossEntropies(scores ?? pred.scalars).losses
    return (0..<batch).map { i in
      let counted = keep.map { min(steps, validLength[i] + $0) } ?? steps
      let total = (0..<counted).reduce(0.0) { $0 + ce[i * steps + $1] }
      let d = divisor(i)
      return d == 0 ? 0 : Float(total / d)
    }
  }

  /// The book's losses: masked, averaged over all T steps.
  var expected: [Float] { losses(divisor: { _ in Double(steps) }) }

  /// d(Σ_i ℓ_i)/d pred = mask[i, t] / T · (softmax − onehot(label)).
  var expectedGradient: [Float] {
    let softmax = crossEntropies(pred.scalars).softmax
    var g = [Float](repeating: 0, count: pred.count)
    for i in 0..<batch {
      for t in 0..<min(validLength[i], steps) {
        let r = i * steps + t
        for k in 0..<vocab {
          g[r * vocab + k] = Float((softmax[r * vocab + k] - (k == labels[r] ? 1 : 0)) / Double(steps))
        }
      }
    }
    return g
  }

  /// The answer's losses against the book's, with a diagnosis of the usual mistakes.
  func valueRow<Answer: MaskedLossExercise>(_: Answer.Type, name: String) -> CheckResult {
    let got = withoutGradients { Answer.loss(pred, labels: labels, validLength: validLength) }
    let comparison = TensorComparison(got: got, expected: Tensor(shape: [batch], expected))
    guard !comparison.passed else { return CheckResult(name: name, passed: true, maxDifference: comparison.maxDifference) }
    var detail = comparison.mismatch(axes: [])
    if got.shape == [batch], let mistake = mistake(got.scalars) { detail += "\n" + mistake }
    return CheckResult(name: name, passed: false, detail: detail, maxDifference: comparison.maxDifference)
  }

  /// Which usual mistake gives `values`, if any.
  func mistake(_ values: [Float]) -> String? {
    let T = Double(steps)
    var maskedScores = pred.scalars
    for i in 0..<batch {
      for t in min(validLength[i], steps)..<steps { for k in 0..<vocab { maskedScores[(i * steps + t) * vocab + k] = 0 } }
    }
    let candidates: [(String, [Float])] = [
      ("loss.noMask", losses(keep: nil, divisor: { _ in T })),
      ("loss.oneTooMany", losses(keep: 1, divisor: { _ in T })),
      ("loss.perValid", losses(divisor: { Double(validLength[$0]) })),
      ("loss.sum", losses(divisor: { _ in 1 })),
      ("loss.maskedScores", losses(keep: nil, scores: maskedScores, divisor: { _ in T })),
    ]
    for (key, candidate) in candidates where candidate != expected {
      if zip(values, candidate).allSatisfy({ abs($0 - $1) <= 1e-5 * max(1, abs($1)) }) { return st(key) }
    }
    return nil
  }

  /// The gradient of Σ_i ℓ_i with respect to the scores against the definition's.
  func gradientRow<Answer: MaskedLossExercise>(_: Answer.Type, name: String, valuesWrong: Bool) -> CheckResult {
    let scores = Tensor(shape: pred.shape, pred.scalars).requiringGradient()
    let loss = Answer.loss(scores, labels: labels, validLength: validLength)
    guard loss.requiresGradient else {
      return CheckResult(name: name, passed: false, detail: st("gradient.detached"))
    }
    loss.sum().backward()
    guard let gradient = scores.gradient else {
      return CheckResult(name: name, passed: false, detail: st("gradient.detached"))
    }
    let comparison = TensorComparison(got: gradient, expected: Tensor(shape: pred.shape, expectedGradient))
    guard !comparison.passed else { return CheckResult(name: name, passed: true, maxDifference: comparison.maxDifference) }
    var detail = comparison.mismatch(axes: ["i", "t"])
    if valuesWrong { detail += "\n" + st("gradient.followsValues") }
    return CheckResult(name: name, passed: false, detail: detail, maxDifference: comparison.maxDifference)
  }
}
