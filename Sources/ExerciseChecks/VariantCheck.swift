import D2L

/// One variant under check: the learner's step function, and the library's cell of that
/// variant sharing the same weights.
public struct VariantCase {
  public let label: String
  public let cell: any ScratchCell
  public let reference: any ScratchCell
  public let step: (Tensor, ScratchState) -> ScratchState
  /// The hint shown under a wrong state, in the learner's language.
  public let hint: String

  public init(label: String, cell: any ScratchCell, reference: any ScratchCell, hint: String,
              step: @escaping (Tensor, ScratchState) -> ScratchState) {
    (self.label, self.cell, self.reference, self.hint, self.step) = (label, cell, reference, hint, step)
  }
}

/// Checks a variant's step (a gated cell with a part changed) over a seeded sequence against the reference cell: the shape of
/// every state, every Hₜ (and Cₜ), and the gradient of every weight, llm.c style rows.
public enum VariantCheck {
  static let (steps, batch) = (5, 3)

  public static func rows(_ c: VariantCase, seed: UInt64) -> [CheckResult] {
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
      name: vt("row.shapes", ["label": c.label, "shape": Tensor.describe([batch, h])]), passed: wrongShapes.isEmpty,
      detail: wrongShapes.first.map { vt("detail.shape", ["t": $0.offset + 1, "got": Tensor.describe($0.element.H.shape)]) } ?? ""))
    guard wrongShapes.isEmpty else { return rows }

    let H = TensorComparison(got: Tensor.stack(got.states.map(\.H)), expected: Tensor.stack(expected.states.map(\.H)))
    rows.append(CheckResult(name: vt("row.states", ["label": c.label, "steps": steps]), passed: H.passed,
                            detail: H.passed ? "" : H.mismatch(axes: ["t", "batch"]) + "\n" + c.hint,
                            maxDifference: H.maxDifference))
    if c.cell.hasMemoryCell {
      let C = TensorComparison(got: Tensor.stack(got.states.map { $0.C! }), expected: Tensor.stack(expected.states.map { $0.C! }))
      rows.append(CheckResult(name: vt("row.cells", ["label": c.label, "steps": steps]), passed: C.passed,
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
        problems.append(vt(used.contains(ObjectIdentifier(p.storage)) ? "detail.gradient" : "detail.unused", [
          "name": name, "difference": CheckResult.format(difference),
        ]))
      }
    }
    return CheckResult(name: vt("row.gradients", ["label": c.label]), passed: problems.isEmpty,
                       detail: problems.joined(separator: "\n"), maxDifference: worst)
  }

  /// A cell of `numInputs` 5 and `numHiddens` 4 with weights from N(0, 0.5²) and non-zero
  /// biases, so that a bias left out shows.
  public static func weights<Cell: ScratchCell>(_ make: (inout RandomGenerator) -> Cell, seed: UInt64) -> Cell {
    var g = RandomGenerator(seed: seed)
    let cell = make(&g)
    for gate in cell.pyTorchGateBlocks { gate.b.assign(Tensor.normal(gate.b.shape, std: 0.5, using: &g)) }
    return cell
  }
}

/// A learner's step function as a scratch cell, with the weights of `weights`: so that a
/// passing answer of a gated-cell exercise can be trained like the library's cells.
public final class LearnerCell<Weights: ScratchCell>: ScratchCell {
  let weights: Weights
  let uses: Weights
  let body: (Tensor, ScratchState) -> ScratchState

  /// - Parameters:
  ///   - uses: the library's variant sharing `weights`, which names the parameters trained.
  public init(_ weights: Weights, uses: Weights, step body: @escaping (Tensor, ScratchState) -> ScratchState) {
    (self.weights, self.uses, self.body) = (weights, uses, body)
  }

  public static var kind: CellKind { Weights.kind }
  public var numInputs: Int { weights.numInputs }
  public var numHiddens: Int { weights.numHiddens }
  public var hasMemoryCell: Bool { weights.hasMemoryCell }
  public var pyTorchGateBlocks: [(W_x: Tensor, W_h: Tensor, b: Tensor)] { weights.pyTorchGateBlocks }
  public var namedParameters: [(name: String, tensor: Tensor)] { uses.namedParameters }
  public func step(_ X: Tensor, _ state: ScratchState) -> (state: ScratchState, gates: ScratchGates) { (body(X, state), ScratchGates([])) }
}

/// Brief training runs of a passing answer beside the library's full cell, from the same seed
/// on The Time Machine: each model's perplexity after `epochs` epochs.
public enum SideBySide {
  public static func train(_ cells: [(label: String, cell: any ScratchCell)], epochs: Int) throws -> [(label: String, perplexity: Double)] {
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

