import D2L
import ExerciseChecks
import Foundation

/// Verifies an answer to seq2seq's exercise 2 (the sequence mask and the masked softmax
/// cross-entropy) row by row, as the other checkers do: `OK` or `NOT OK`, expected vs got, and
/// for the usual mistakes what is wrong. The expected values are computed here in Double, from
/// the definition, not with the library's loss, so that the check does not trust what it checks.
///
/// Rows: the book's two masking examples; a three-axis mask with the edge lengths 0 and T; the
/// book's sanity check (losses 2.3026, 1.1513, 0); a seeded random case's losses; their gradient
/// with respect to the scores; the same at another T (the average must be over T, whatever it is).
///
/// Named mistakes: no mask, a mask that keeps one step too many, the average over the valid
/// tokens instead of T, a sum without the average, the mask applied to the scores instead of
/// the losses, and a loss cut from the gradient tape.
public enum MaskedLossCheck {
  /// Runs every check on `type` and returns the rows in order; `onResult` sees each row as soon
  /// as it is known.
  public static func run<Answer: MaskedLossExercise>(
    _ type: Answer.Type, onResult: (CheckResult) -> Void = { _ in }
  ) -> [CheckResult] {
    var rows: [CheckResult] = []
    func emit(_ row: CheckResult) { rows.append(row); onResult(row) }

    // The book's first example: [[1, 2, 3], [4, 5, 6]] with valid lengths 1 and 2.
    let small = Tensor(shape: [2, 3], [1, 2, 3, 4, 5, 6])
    emit(maskRow(Answer.self, small, [1, 2], value: 0, name: st("row.maskBook")))
    // Its second: ones (2, 3, 4), valid lengths 1 and 2, filled with -1.
    emit(maskRow(Answer.self, Tensor.ones([2, 3, 4]), [1, 2], value: -1, name: st("row.maskValue")))
    var g = RandomGenerator(seed: 31)
    let three = Tensor.normal([3, 5, 2], using: &g)
    emit(maskRow(Answer.self, three, [0, 5, 2], value: 0, name: st("row.maskEdges")))

    // The book's sanity check: equal scores, labels 1, valid lengths 4, 2, 0.
    let book = LossCase(pred: Tensor.ones([3, 4, 10]), labels: Array(repeating: 1, count: 12), validLength: [4, 2, 0])
    emit(book.valueRow(Answer.self, name: st("row.lossBook")))
    let random = LossCase.random(batch: 4, steps: 6, vocab: 7, validLength: [6, 3, 1, 0], seed: 32)
    let values = random.valueRow(Answer.self, name: st("row.lossRandom", ["label": random.label]))
    emit(values)
    emit(random.gradientRow(Answer.self, name: st("row.gradient", ["label": random.label]), valuesWrong: !values.passed))
    let other = LossCase.random(batch: 3, steps: 9, vocab: 5, validLength: [2, 9, 5], seed: 33)
    let otherValues = other.valueRow(Answer.self, name: st("row.lossRandom", ["label": other.label]))
    emit(otherValues)
    emit(other.gradientRow(Answer.self, name: st("row.gradient", ["label": other.label]), valuesWrong: !otherValues.passed))
    return rows
  }

  /// The rows as a report: one per line (details indented), then the summary.
  public static func report(_ rows: [CheckResult]) -> String {
    (rows.map(\.description) + ["", rows.summary]).joined(separator: "\n")
  }

  /// `sequenceMask` on `X` against the definition.
  static func maskRow<Answer: MaskedLossExercise>(
    _: Answer.Type, _ X: Tensor, _ validLength: [Int], value: Float, name: String
  ) -> CheckResult {
    let (batch, steps) = (X.shape[0], X.shape[1])
    let inner = X.count / (batch * steps)
    var expected = X.scalars
    for i in 0..<batch {
      for t in validLength[i]..<steps { for k in 0..<inner { expected[(i * steps + t) * inner + k] = value } }
    }
    let got = withoutGradients { Answer.sequenceMask(X, validLength: validLength, value: value) }
    let comparison = TensorComparison(got: got, expected: Tensor(shape: X.shape, expected))
    let label = name + "  " + st("row.maskArguments", ["shape": Tensor.describe(X.shape), "lengths": "\(validLength)", "value": plainNumber(value)])
    guard !comparison.passed else { return CheckResult(name: label, passed: true, maxDifference: comparison.maxDifference) }
    var detail = comparison.mismatch(axes: ["i", "t"])
    if got.shape == X.shape, got.scalars == X.scalars {
      detail += "\n" + st("mask.unchanged")
    } else if got.shape == X.shape, got.scalars == masked(X, validLength, value: value, keep: 1) {
      detail += "\n" + st("mask.oneTooMany")
    } else if got.shape == X.shape, value != 0, got.scalars == masked(X, validLength, value: 0, keep: 0) {
      detail += "\n" + st("mask.ignoresValue")
    }
    return CheckResult(name: label, passed: false, detail: detail, maxDifference: comparison.maxDifference)
  }

  /// X with the steps from `validLength[i] + keep` on set to `value`.
  static func masked(_ X: Tensor, _ validLength: [Int], value: Float, keep: Int) -> [Float] {
    let (batch, steps) = (X.shape[0], X.shape[1])
    let inner = X.count / (batch * steps)
    var v = X.scalars
    for i in 0..<batch where validLength[i] + keep < steps {
      for t in (validLength[i] + keep)..<steps { for k in 0..<inner { v[(i * steps + t) * inner + k] = value } }
    }
    return v
  }
}

/// `0` or `-1`: a mask's fill value as the book writes it.
func plainNumber(_ v: Float) -> String { v == v.rounded() ? String(Int(v)) : String(v) }
