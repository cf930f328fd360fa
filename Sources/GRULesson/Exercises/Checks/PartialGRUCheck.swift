import D2L
import ExerciseChecks

/// The GRU lesson's exercise 4: one step of a GRU with a gate left out, written from the
/// section's equations. Each function reads the weights of `gru` (a full `GRUScratch`) that it
/// needs and leaves the others alone.
public protocol PartialGRUExercise {
  /// Hₜ of a GRU without its update gate (Zₜ = 0, so Hₜ = H̃ₜ), from Xₜ (B, d) and Hₜ₋₁ (B, h).
  static func resetOnlyStep(_ gru: GRUScratch, X: Tensor, H: Tensor) -> Tensor
  /// Hₜ of a GRU without its reset gate (Rₜ = 1, so H̃ₜ reads all of Hₜ₋₁).
  static func updateOnlyStep(_ gru: GRUScratch, X: Tensor, H: Tensor) -> Tensor
}

/// Verifies an answer to the GRU lesson's exercise 4: the reset-only and the update-only step
/// against `GRUScratch(gates: .resetOnly)` and `.updateOnly` with the same weights.
public enum PartialGRUCheck {
  public static func run<Answer: PartialGRUExercise>(_ type: Answer.Type, onResult: (CheckResult) -> Void = { _ in }) -> [CheckResult] {
    let gru = VariantCheck.weights({ GRUScratch(numInputs: 5, numHiddens: 4, sigma: 0.5, using: &$0) }, seed: 301)
    let cases = [
      VariantCase(label: "resetOnly", cell: gru, reference: GRUScratch(sharing: gru, gates: .resetOnly), hint: gt("hint.resetOnly")) { x, s in
        ScratchState(H: Answer.resetOnlyStep(gru, X: x, H: s.H))
      },
      VariantCase(label: "updateOnly", cell: gru, reference: GRUScratch(sharing: gru, gates: .updateOnly), hint: gt("hint.updateOnly")) { x, s in
        ScratchState(H: Answer.updateOnlyStep(gru, X: x, H: s.H))
      },
    ]
    var rows: [CheckResult] = []
    for (k, c) in cases.enumerated() {
      for row in VariantCheck.rows(c, seed: 311 + UInt64(k)) { rows.append(row); onResult(row) }
    }
    return rows
  }
}

extension PartialGRUCheck {
  /// The answer's two GRUs and the full one, each of `hidden` units from seed 0, trained for
  /// `epochs` epochs side by side: lines to print after a passing check.
  public static func trainSideBySide<Answer: PartialGRUExercise>(_ type: Answer.Type, hidden: Int = 32, epochs: Int = 3) throws
    -> [String]
  {
    let vocabSize = try loadCorpusTimeMachine(maxTokens: 10_000).vocab.count
    var g = RandomGenerator(seed: 0)
    let gru = GRUScratch(numInputs: vocabSize, numHiddens: hidden, using: &g)
    let cells: [(label: String, cell: any ScratchCell)] = [
      ("GRU", gru),
      ("resetOnlyStep", LearnerCell(gru, uses: GRUScratch(sharing: gru, gates: .resetOnly)) { x, s in
        ScratchState(H: Answer.resetOnlyStep(gru, X: x, H: s.H)) }),
      ("updateOnlyStep", LearnerCell(gru, uses: GRUScratch(sharing: gru, gates: .updateOnly)) { x, s in
        ScratchState(H: Answer.updateOnlyStep(gru, X: x, H: s.H)) }),
    ]
    // Each model trains its own copy: the three share `gru`'s tensors, so they run one after
    // another from the same starting weights, restored in between.
    let start = gru.namedParameters.map { $0.tensor.scalars }
    var lines = [gt("train.settings", ["hidden": hidden, "epochs": epochs])]
    for cell in cells {
      for (p, values) in zip(gru.namedParameters, start) { p.tensor.assign(Tensor(shape: p.tensor.shape, values)) }
      let result = try SideBySide.train([cell], epochs: epochs)[0]
      lines.append("  " + result.label.padding(toLength: 16, withPad: " ", startingAt: 0) + gt("train.perplexity", [
        "perplexity": String(format: "%.2f", result.perplexity)]))
    }
    return lines
  }
}

extension PartialGRUCheck {
  /// Why the side-by-side training did not run.
  public static func noData(_ error: Error) -> String { gt("train.noData", ["reason": "\(error)"]) }
}
