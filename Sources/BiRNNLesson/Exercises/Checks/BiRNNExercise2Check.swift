import ExerciseChecks
import D2L

/// Verifies an answer to bi-rnn's exercise 2 (a multi-layer bidirectional RNN from
/// `RNNScratch` layers) against the concise `RNN(numLayers:bidirectional: true)` holding the same
/// weights, row by row as `Exercise1Check` does: `OK` or `NOT OK`, expected vs got, the largest
/// difference and, for the usual mistakes, what is wrong.
///
/// Cases, each on fixed seeded weights, inputs and non-zero initial states:
/// 1. `L=2 (I=5, H=4)`, row by row: the layers' shapes, their own weights, the output shape,
///    every layer's H_t, the final states, the gradients of every layer's parameters.
/// 2. `L=1` and `L=3`, one row each: the answer must be general in L.
///
/// Named mistakes: the backward states left in reversed time order, the two directions sharing
/// a layer, the halves concatenated backward first, a layer above reading h numbers instead of
/// 2h, initial states ignored or swapped, and final states taken at the wrong end.
public enum BiRNNExercise2Check {
  /// Runs every check on `type` and returns the rows in order; `onResult` sees each row as soon
  /// as it is known.
  public static func run<Answer: DeepBiRNNExercise>(
    _ type: Answer.Type, onResult: (CheckResult) -> Void = { _ in }
  ) -> [CheckResult] {
    var rows: [CheckResult] = []
    func emit(_ row: CheckResult) { rows.append(row); onResult(row) }
    let main = BiRNNCase(numInputs: 5, numHiddens: 4, numLayers: 2, seed: 201)
    let mainRows = BiRNNExercise2Run<Answer>(main).rows(onRow: emit)
    let shown = Set(mainRows.filter { !$0.passed }.map(\.topic))
    for (layers, seed) in [(1, 202), (3, 203)] as [(Int, UInt64)] {
      let general = BiRNNCase(numInputs: 5, numHiddens: 4, numLayers: layers, seed: seed)
      let generalRows = BiRNNExercise2Run<Answer>(general).rows()
      emit(CheckResult.condense(generalRows, name: bt("row.general", ["label": general.label]), shown: shown))
    }
    return rows
  }

  /// The rows as a report: one per line (details indented), then the summary.
  public static func report(_ rows: [CheckResult]) -> String {
    (rows.map(\.description) + ["", rows.summary]).joined(separator: "\n")
  }
}

/// One case of exercise 2's check: builds the answer, writes the case's weights into it, runs
/// it, and turns every comparison with the concise layer into a row.
final class BiRNNExercise2Run<Answer: DeepBiRNNExercise> {
  let c: BiRNNCase
  let data: BiRNNData

  init(_ c: BiRNNCase) {
    self.c = c
    data = BiRNNData(c)
  }

  func rows(onRow: (CheckResult) -> Void = { _ in }) -> [CheckResult] {
    var rows: [CheckResult] = []
    func emit(_ new: [CheckResult]) { rows += new; new.forEach(onRow) }

    var g = RandomGenerator(seed: c.seed &+ 1000)
    let answer = Answer(numInputs: c.numInputs, numHiddens: c.numHiddens, numLayers: c.numLayers, using: &g)
    let directions = answer.layers.flatMap { [$0.forward, $0.backward] }
    let structure = structureRow(answer.layers), ownWeights = ownWeightsRow(directions)
    emit([structure, ownWeights])
    guard structure.passed else {
      emit([CheckResult(name: bt("row.forward", ["label": c.label]), topic: bt("topic.forward"), passed: false, detail: bt("skip.shapes"))])
      return rows
    }
    for (k, layer) in directions.enumerated() {
      let w = data.weights[k]
      overwrite(layer.W_xh, with: w.W_xh)
      overwrite(layer.W_hh, with: w.W_hh)
      overwrite(layer.b_h, with: w.b_h)
      layer.zeroGradients()
    }
    let expected = BiRNNExpected(c, data)
    let result = answer(data.X, states: data.H0)
    emit(forwardRows(result, expected))
    let valuesWrong = rows.contains { !$0.passed }
    emit(gradientRows(result, directions, expected, valuesWrong: valuesWrong))
    return rows
  }

  // MARK: - The layers

  /// `numLayers` layers of two directions; layer 1 reads I inputs, every layer above 2H.
  func structureRow(_ layers: [(forward: RNNScratch, backward: RNNScratch)]) -> CheckResult {
    let H = c.numHiddens
    let widths = (0..<c.numLayers).map { Tensor.describe([c.inputWidth(ofLayer: $0), H]) }
    let name = bt("row.layers", ["label": c.label, "count": c.numLayers, "widths": widths.joined(separator: bt("then"))])
    var problems: [String] = []
    if layers.count != c.numLayers {
      problems.append(bt("layers.count", ["expected": c.numLayers, "got": layers.count]))
    }
    for (l, layer) in layers.prefix(c.numLayers).enumerated() {
      for (direction, rnn) in [(bt("forward"), layer.forward), (bt("backward"), layer.backward)] {
        let shapes = [("W_xh", rnn.W_xh.shape, [c.inputWidth(ofLayer: l), H]), ("W_hh", rnn.W_hh.shape, [H, H]), ("b_h", rnn.b_h.shape, [H])]
        for (pname, got, want) in shapes where got != want {
          problems.append(bt("layers.shape", [
            "layer": l + 1, "direction": direction, "name": pname, "got": Tensor.describe(got), "expected": Tensor.describe(want),
          ]))
        }
        if l > 0, rnn.W_xh.shape.first == H {
          problems.append(bt("layers.readsH", ["layer": l + 1, "h": H, "twoH": 2 * H]))
        }
      }
    }
    return CheckResult(name: name, topic: bt("topic.layers"), passed: problems.isEmpty,
                       detail: Array(Set(problems)).sorted().joined(separator: "\n"))
  }

  /// No two scratch layers, in either direction or layer, are one object or hold equal weights.
  func ownWeightsRow(_ directions: [RNNScratch]) -> CheckResult {
    var problems: [String] = []
    func describe(_ k: Int) -> String { bt("direction.of", ["direction": bt(k % 2 == 0 ? "forward" : "backward"), "layer": k / 2 + 1]) }
    for i in directions.indices {
      for j in directions.indices where j > i {
        let (a, b) = (directions[i], directions[j])
        if a === b {
          problems.append(bt("weights.sameObject", ["first": describe(i), "second": describe(j)]))
        } else if a.W_hh.shape == b.W_hh.shape, a.W_hh.count > 0, a.W_hh.scalars == b.W_hh.scalars {
          problems.append(bt("weights.identical", ["first": describe(i), "second": describe(j)]))
        }
      }
    }
    return CheckResult(name: bt("row.ownWeights", ["label": c.label]), topic: bt("topic.ownWeights"), passed: problems.isEmpty,
                       detail: problems.joined(separator: "\n"))
  }

  // MARK: - Values

  func forwardRows(_ result: (outputs: Tensor, states: [Tensor], layerOutputs: [Tensor]), _ expected: BiRNNExpected) -> [CheckResult] {
    let (T, B, H, L) = (c.steps, c.batch, c.numHiddens, c.numLayers)
    var rows: [CheckResult] = []
    let shape = [T, B, 2 * H]
    let gotShape = result.outputs.shape
    var shapeDetail = bt("outputs.shape", ["expected": Tensor.describe(shape), "got": Tensor.describe(gotShape)])
    if gotShape == [T, B, H] { shapeDetail += "\n" + bt("outputs.oneDirection") }
    rows.append(CheckResult(
      name: bt("row.outputShape", ["label": c.label, "shape": Tensor.describe(shape)]), topic: bt("topic.outputShape"),
      passed: gotShape == shape, detail: shapeDetail))

    if result.layerOutputs.count != L {
      rows.append(CheckResult(
        name: bt("row.layerOutputs", ["label": c.label, "layers": L]), topic: bt("topic.layerOutputs"), passed: false,
        detail: bt("outputs.count", ["layers": L, "got": result.layerOutputs.count])))
    } else {
      for l in 0..<L {
        let got = result.layerOutputs[l]
        let comparison = TensorComparison(got: got, expected: expected.layerOutputs[l])
        var detail = comparison.mismatch(axes: ["t", "batch"])
        if !comparison.passed, comparison.shapesMatch, let finding = diagnose(got, layer: l, expected) {
          detail += "\n" + finding
        }
        rows.append(CheckResult(
          name: bt("row.layerValues", ["label": c.label, "layer": l + 1, "steps": T]), topic: "H_t^(\(l + 1))",
          passed: comparison.passed, detail: detail, maxDifference: comparison.maxDifference))
      }
    }
    let outputs = TensorComparison(got: result.outputs, expected: expected.outputs)
    rows.append(CheckResult(
      name: bt("row.outputs", ["label": c.label, "layers": L]), topic: bt("topic.outputs"), passed: outputs.passed,
      detail: outputs.mismatch(axes: ["t", "batch"]), maxDifference: outputs.maxDifference))
    rows.append(finalStatesRow(result.states, expected))
    return rows
  }

  /// What is likely wrong with a layer's outputs of the right shape: the usual mistakes, each
  /// recognised by recomputing the expected values with that mistake.
  func diagnose(_ got: Tensor, layer l: Int, _ expected: BiRNNExpected) -> String? {
    let want = expected.layerOutputs[l]
    func matches(_ candidate: Tensor) -> Bool { TensorComparison(got: got, expected: candidate).passed }
    if matches(want.halvesSwapped()) { return bt("diagnosis.order") }
    if matches(want.backwardHalfReversed()) { return bt("diagnosis.notReversed") }
    if matches(expected.fromZeroStates[l]) { return bt("diagnosis.zeroStates", ["layer": l + 1]) }
    if matches(expected.fromSwappedStates[l]) { return bt("diagnosis.swappedStates", ["layer": l + 1]) }
    let forwardRight = TensorComparison(got: got.half(false), expected: want.half(false)).passed
    let backwardRight = TensorComparison(got: got.half(true), expected: want.half(true)).passed
    if forwardRight && !backwardRight { return bt("diagnosis.backward") }
    if backwardRight && !forwardRight { return bt("diagnosis.forward") }
    if l > 0 && !forwardRight && !backwardRight { return bt("diagnosis.below", ["layer": l + 1]) }
    return nil
  }

  /// 2L final states, in PyTorch's order.
  func finalStatesRow(_ states: [Tensor], _ expected: BiRNNExpected) -> CheckResult {
    let name = bt("row.finalStates", ["label": c.label, "count": 2 * c.numLayers])
    guard states.count == 2 * c.numLayers else {
      return CheckResult(name: name, topic: bt("topic.finalStates"), passed: false,
                         detail: bt("states.count", ["count": 2 * c.numLayers, "got": states.count]))
    }
    var worst: Float = 0
    for (k, state) in states.enumerated() {
      let comparison = TensorComparison(got: state, expected: expected.finalStates[k])
      worst = max(worst, comparison.maxDifference)
      guard !comparison.passed else { continue }
      let (l, backward) = (k / 2, k % 2 == 1)
      var detail = bt("states.which", ["index": k, "direction": bt(backward ? "backward" : "forward"), "layer": l + 1])
        + comparison.mismatch(axes: ["batch"])
      if TensorComparison(got: state, expected: data.H0[k]).passed {
        detail += "\n" + bt("states.initial")
      } else if backward, l < expected.layerOutputs.count,
                TensorComparison(got: state, expected: withoutGradients { expected.layerOutputs[l][c.steps - 1] }.half(true)).passed {
        detail += "\n" + bt("states.backwardEnd")
      } else if let other = expected.finalStates.indices.first(where: { $0 != k && TensorComparison(got: state, expected: expected.finalStates[$0]).passed }) {
        detail += "\n" + bt("states.other", ["index": other])
      }
      return CheckResult(name: name, topic: bt("topic.finalStates"), passed: false, detail: detail, maxDifference: comparison.maxDifference)
    }
    return CheckResult(name: name, topic: bt("topic.finalStates"), passed: true, maxDifference: worst)
  }

  // MARK: - Gradients

  /// d(loss)/d(every parameter) for loss = Σ outputs ⊙ R + Σ_k state_k ⊙ S_k, one row per layer.
  func gradientRows(
    _ result: (outputs: Tensor, states: [Tensor], layerOutputs: [Tensor]), _ directions: [RNNScratch],
    _ expected: BiRNNExpected, valuesWrong: Bool
  ) -> [CheckResult] {
    let name = bt("row.gradients", ["label": c.label])
    guard result.outputs.shape == data.R.shape, result.states.count == data.S.count,
          zip(result.states, data.S).allSatisfy({ $0.shape == $1.shape })
    else {
      return [CheckResult(name: name, topic: bt("topic.gradients"), passed: false, detail: bt("skip.gradientShapes"))]
    }
    var loss = (result.outputs * data.R).sum()
    for (state, s) in zip(result.states, data.S) { loss = loss + (state * s).sum() }
    guard loss.requiresGradient else {
      return [CheckResult(name: name, topic: bt("topic.gradients"), passed: false, detail: bt("gradients.untracked"))]
    }
    loss.backward()
    return (0..<c.numLayers).map { l in
      var problems: [String] = [], worst: Float = 0
      for k in [2 * l, 2 * l + 1] {
        let (layer, want) = (directions[k], expected.gradients[k])
        let arrow = k % 2 == 0 ? "→" : "←"
        for (pname, p, w) in [("W_xh", layer.W_xh, want.W_xh), ("W_hh", layer.W_hh, want.W_hh), ("b_h", layer.b_h, want.b_h)] {
          guard let gradient = p.gradient else {
            problems.append("d\(arrow)\(pname)^(\(l + 1)): " + bt("gradients.none"))
            worst = .infinity
            continue
          }
          let comparison = TensorComparison(got: gradient, expected: w)
          worst = max(worst, comparison.maxDifference)
          if !comparison.passed { problems.append("d\(arrow)\(pname)^(\(l + 1)): " + comparison.mismatch(axes: ["row"])) }
        }
      }
      let detail = valuesWrong ? bt("gradients.follow", ["difference": CheckResult.format(worst)]) : problems.joined(separator: "\n")
      return CheckResult(
        name: bt("row.layerGradients", ["label": c.label, "layer": l + 1]), topic: bt("topic.layerGradients", ["layer": l + 1]),
        passed: problems.isEmpty, detail: detail, maxDifference: worst)
    }
  }
}
