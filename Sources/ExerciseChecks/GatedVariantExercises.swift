import D2L

/// The GRU lesson's exercise 4: one step of a GRU with a gate left out, written from the
/// section's equations. Each function reads the weights of `gru` (a full `GRUScratch`) that it
/// needs and leaves the others alone.
public protocol PartialGRUExercise {
  /// Hₜ of a GRU without its update gate (Zₜ = 0, so Hₜ = H̃ₜ), from Xₜ (B, d) and Hₜ₋₁ (B, h).
  static func resetOnlyStep(_ gru: GRUScratch, X: Tensor, H: Tensor) -> Tensor
  /// Hₜ of a GRU without its reset gate (Rₜ = 1, so H̃ₜ reads all of Hₜ₋₁).
  static func updateOnlyStep(_ gru: GRUScratch, X: Tensor, H: Tensor) -> Tensor
}

/// The LSTM lesson's exercise 4: one step of an LSTM whose hidden state skips the second
/// tanh, Hₜ = Oₜ ⊙ Cₜ.
public protocol NoTanhLSTMExercise {
  /// (Hₜ, Cₜ) from Xₜ (B, d), Hₜ₋₁ and Cₜ₋₁ (B, h), with the weights of `lstm`.
  static func noTanhStep(_ lstm: LSTMScratch, X: Tensor, H: Tensor, C: Tensor) -> (H: Tensor, C: Tensor)
}

/// One variant under check: the learner's step function, and the library's cell of that
/// variant sharing the same weights.
struct VariantCase {
  let label: String
  let cell: any ScratchCell
  let reference: any ScratchCell
  let step: (Tensor, ScratchState) -> ScratchState
}

/// Checks a variant's step over a seeded sequence against the reference cell: the shape of
/// every state, every Hₜ (and Cₜ), and the gradient of every weight, llm.c style rows.
enum VariantCheck {
  static let (steps, batch) = (5, 3)

  static func rows(_ c: VariantCase, seed: UInt64) -> [CheckResult] {
    var g = RandomGenerator(seed: seed)
    let (d, h) = (c.cell.numInputs, c.cell.numHiddens)
    let X = Tensor.normal([steps, batch, d], using: &g)
    let H0 = Tensor.normal([batch, h], std: 0.5, using: &g)
    let C0 = c.cell.hasMemoryCell ? Tensor.normal([batch, h], std: 0.5, using: &g) : nil
    let weights = Tensor.normal([steps, batch, h], using: &g)

    let parameters = c.cell.pyTorchGateBlocks.flatMap { [$0.W_x, $0.W_h, $0.b] }
    func run(_ step: (Tensor, ScratchState) -> ScratchState) -> (states: [ScratchState], gradients: [[Float]?]) {
      parameters.forEach { $0.zeroGradient() }
      var state = ScratchState(H: H0, C: C0), states: [ScratchState] = []
      for t in 0..<steps {
        state = step(X[t], state)
        states.append(state)
      }
      // Only a tensor of the right shape takes part in the loss: a wrong shape is a row, not a trap.
      let terms = states.enumerated().compactMap { t, s in s.H.shape == [batch, h] ? (s.H * weights[t]).sum() : nil }
      if let first = terms.first, first.requiresGradient {
        terms.dropFirst().reduce(first, +).backward()
      }
      return (states, parameters.map { p in p.gradient.map(\.scalars) })
    }
    let got = run(c.step)
    let expected = run { x, s in c.reference.step(x, s).state }

    var rows: [CheckResult] = []
    let wrongShapes = got.states.enumerated().filter { $0.element.H.shape != [batch, h] || (c.cell.hasMemoryCell && $0.element.C?.shape != [batch, h]) }
    rows.append(CheckResult(
      name: gt("row.shapes", ["label": c.label, "shape": Tensor.describe([batch, h])]), passed: wrongShapes.isEmpty,
      detail: wrongShapes.first.map { gt("detail.shape", ["t": $0.offset + 1, "got": Tensor.describe($0.element.H.shape)]) } ?? ""))
    guard wrongShapes.isEmpty else { return rows }

    let H = TensorComparison(got: Tensor.stack(got.states.map(\.H)), expected: Tensor.stack(expected.states.map(\.H)))
    rows.append(CheckResult(name: gt("row.states", ["label": c.label, "steps": steps]), passed: H.passed,
                            detail: H.passed ? "" : H.mismatch(axes: ["t", "batch"]) + "\n" + gt("hint.\(c.label)"),
                            maxDifference: H.maxDifference))
    if c.cell.hasMemoryCell {
      let C = TensorComparison(got: Tensor.stack(got.states.map { $0.C! }), expected: Tensor.stack(expected.states.map { $0.C! }))
      rows.append(CheckResult(name: gt("row.cells", ["label": c.label, "steps": steps]), passed: C.passed,
                              detail: C.passed ? "" : C.mismatch(axes: ["t", "batch"]), maxDifference: C.maxDifference))
    }
    rows.append(gradientRow(c, parameters: parameters, got: got.gradients, expected: expected.gradients))
    return rows
  }

  /// Every weight's gradient as the reference's: the used ones equal, the unused ones absent.
  static func gradientRow(_ c: VariantCase, parameters: [Tensor], got: [[Float]?], expected: [[Float]?]) -> CheckResult {
    let names = Dictionary(uniqueKeysWithValues: c.cell.namedParameters.map { (ObjectIdentifier($0.tensor.storage), $0.name) })
    let used = Set(c.reference.namedParameters.map { ObjectIdentifier($0.tensor.storage) })
    var problems: [String] = [], worst: Float = 0
    for (k, p) in parameters.enumerated() {
      let name = names[ObjectIdentifier(p.storage)] ?? "#\(k)"
      let zero = [Float](repeating: 0, count: p.count)
      let (a, b) = (got[k] ?? zero, expected[k] ?? zero)
      let difference = zip(a, b).map { abs($0 - $1) }.max() ?? 0
      let scale = max(1, b.map(abs).max() ?? 0)
      worst = max(worst, difference)
      if !(difference <= 1e-5 * scale) {
        problems.append(gt(used.contains(ObjectIdentifier(p.storage)) ? "detail.gradient" : "detail.unused", [
          "name": name, "difference": CheckResult.format(difference),
        ]))
      }
    }
    return CheckResult(name: gt("row.gradients", ["label": c.label]), passed: problems.isEmpty,
                       detail: problems.joined(separator: "\n"), maxDifference: worst)
  }

  /// A cell of `numInputs` 5 and `numHiddens` 4 with weights from N(0, 0.5²) and non-zero
  /// biases, so that a bias left out shows.
  static func weights<Cell: ScratchCell>(_ make: (inout RandomGenerator) -> Cell, seed: UInt64) -> Cell {
    var g = RandomGenerator(seed: seed)
    let cell = make(&g)
    for gate in cell.pyTorchGateBlocks { gate.b.assign(Tensor.normal(gate.b.shape, std: 0.5, using: &g)) }
    return cell
  }
}

/// Verifies an answer to the GRU lesson's exercise 4: the reset-only and the update-only step
/// against `GRUScratch(gates: .resetOnly)` and `.updateOnly` with the same weights.
public enum PartialGRUCheck {
  public static func run<Answer: PartialGRUExercise>(_ type: Answer.Type, onResult: (CheckResult) -> Void = { _ in }) -> [CheckResult] {
    let gru = VariantCheck.weights({ GRUScratch(numInputs: 5, numHiddens: 4, sigma: 0.5, using: &$0) }, seed: 301)
    let cases = [
      VariantCase(label: "resetOnly", cell: gru, reference: GRUScratch(sharing: gru, gates: .resetOnly)) { x, s in
        ScratchState(H: Answer.resetOnlyStep(gru, X: x, H: s.H))
      },
      VariantCase(label: "updateOnly", cell: gru, reference: GRUScratch(sharing: gru, gates: .updateOnly)) { x, s in
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

/// Verifies an answer to the LSTM lesson's exercise 4 against `LSTMScratch(hiddenTanh: false)`
/// with the same weights.
public enum NoTanhLSTMCheck {
  public static func run<Answer: NoTanhLSTMExercise>(_ type: Answer.Type, onResult: (CheckResult) -> Void = { _ in }) -> [CheckResult] {
    let lstm = VariantCheck.weights({ LSTMScratch(numInputs: 5, numHiddens: 4, sigma: 0.5, using: &$0) }, seed: 401)
    let c = VariantCase(label: "noHiddenTanh", cell: lstm, reference: LSTMScratch(sharing: lstm, hiddenTanh: false)) { x, s in
      let (H, C) = Answer.noTanhStep(lstm, X: x, H: s.H, C: s.C!)
      return ScratchState(H: H, C: C)
    }
    var rows: [CheckResult] = []
    for row in VariantCheck.rows(c, seed: 411) { rows.append(row); onResult(row) }
    return rows
  }
}

/// A learner's step function as a scratch cell, with the weights of `weights`: so that a
/// passing answer can be trained like the library's cells.
final class LearnerCell<Weights: ScratchCell>: ScratchCell {
  let weights: Weights
  let uses: Weights
  let body: (Tensor, ScratchState) -> ScratchState

  /// - Parameters:
  ///   - uses: the library's variant sharing `weights`, which names the parameters trained.
  init(_ weights: Weights, uses: Weights, step body: @escaping (Tensor, ScratchState) -> ScratchState) {
    (self.weights, self.uses, self.body) = (weights, uses, body)
  }

  static var kind: CellKind { Weights.kind }
  var numInputs: Int { weights.numInputs }
  var numHiddens: Int { weights.numHiddens }
  var hasMemoryCell: Bool { weights.hasMemoryCell }
  var pyTorchGateBlocks: [(W_x: Tensor, W_h: Tensor, b: Tensor)] { weights.pyTorchGateBlocks }
  var namedParameters: [(name: String, tensor: Tensor)] { uses.namedParameters }
  func step(_ X: Tensor, _ state: ScratchState) -> (state: ScratchState, gates: ScratchGates) { (body(X, state), ScratchGates([])) }
}

/// Brief training runs of a passing answer beside the library's full cell, from the same seed
/// on The Time Machine: each model's perplexity after `epochs` epochs.
enum SideBySide {
  static func train(_ cells: [(label: String, cell: any ScratchCell)], epochs: Int) throws -> [(label: String, perplexity: Double)] {
    let (corpus, vocab) = try loadCorpusTimeMachine(maxTokens: 10_000)
    var configuration = TrainingConfiguration()
    (configuration.numLayers, configuration.learningRate, configuration.epochs) = (1, 1, epochs)
    return try cells.map { label, cell in
      var g = RandomGenerator(seed: 0)
      let model = languageModel(cell, vocabSize: vocab.count, using: &g)
      let loader = SeqDataLoader(corpus: corpus, batchSize: 32, numSteps: 35, seed: 0)
      let trainer = Trainer(model: model, loader: loader, configuration: configuration)
      for _ in 0..<epochs { _ = try trainer.trainEpoch() }
      return (label, trainer.history.last!.perplexity)
    }
  }

  /// `ScratchLanguageModel` around a cell of any type (the existential opened).
  static func languageModel<Cell: ScratchCell>(_ cell: Cell, vocabSize: Int, using g: inout RandomGenerator) -> any LanguageModel {
    ScratchLanguageModel(cell: cell, vocabSize: vocabSize, using: &g)
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
