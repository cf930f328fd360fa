import ExerciseChecks
import D2L
/// One case of exercise 1's check: builds the answer, writes the case's weights into its layers,
/// runs it, and turns every comparison with the concise API into a row.
final class Exercise1Run<Answer: StackedRNNExercise> {
  let c: Exercise1Case
  let data: Exercise1Data
  /// The layer (from 0) found reading the inputs X instead of the layer below, if any.
  var readsInputs: Int?

  init(_ c: Exercise1Case) {
    self.c = c
    data = Exercise1Data(c)
  }

  /// The rows of this case, in order.
  ///
  /// - Parameters:
  ///   - skip: when given, the reason the answer's forward pass must not run (the rows about
  ///     its layers still do).
  ///   - onRow: sees each row as soon as it is known.
  func rows(skippingForward skip: String? = nil, onRow: (CheckResult) -> Void = { _ in }) -> [CheckResult] {
    var rows: [CheckResult] = []
    func emit(_ new: [CheckResult]) { rows += new; new.forEach(onRow) }

    var g = RandomGenerator(seed: c.seed &+ 1000)
    let answer = Answer(numInputs: c.numInputs, numHiddens: c.numHiddens, numLayers: c.numLayers, using: &g)
    let layers = answer.rnns
    let structure = structureRow(layers), ownWeights = ownWeightsRow(layers)
    emit([structure, ownWeights])
    let reason = structure.passed ? skip : ct("skip.shapes")
    if let reason {
      emit([CheckResult(name: ct("row.forward", ["label": c.label]), topic: ct("topic.forward"), passed: false, detail: reason)])
      return rows
    }
    for (l, layer) in layers.enumerated() {
      let w = data.weights[l]
      overwrite(layer.W_xh, with: w.W_xh)
      overwrite(layer.W_hh, with: w.W_hh)
      overwrite(layer.b_h, with: w.b_h)
      layer.zeroGradients()
    }
    let expected = Exercise1Expected(c, data)
    let result = answer(data.X, states: data.H0)
    emit(forwardRows(result, expected, sharesWeights: !ownWeights.passed))
    emit(gradientRows(result, layers, expected, valuesWrong: rows.contains { !$0.passed && $0.topic != ct("topic.ownWeights") }))
    return rows
  }

  // MARK: - The layers

  /// `numLayers` layers whose W_xh, W_hh and b_h have the shapes the equation needs.
  func structureRow(_ layers: [RNNScratch]) -> CheckResult {
    let H = c.numHiddens
    let widths = (0..<c.numLayers).map { Tensor.describe([c.inputWidth(ofLayer: $0), H]) }
    let name = ct("row.layers", ["label": c.label, "count": c.numLayers, "widths": widths.joined(separator: ct("then")), "hidden": H])
    var problems: [String] = []
    if layers.count != c.numLayers {
      problems.append(ct("layers.count", ["expected": c.numLayers, "got": layers.count]))
      problems.append(ct(layers.isEmpty ? "layers.empty" : "layers.build"))
    }
    for (l, layer) in layers.prefix(c.numLayers).enumerated() {
      let shapes = [("W_xh", layer.W_xh.shape, [c.inputWidth(ofLayer: l), H]),
                    ("W_hh", layer.W_hh.shape, [H, H]), ("b_h", layer.b_h.shape, [H])]
      for (name, got, want) in shapes where got != want {
        problems.append(ct("layers.shape", ["layer": l + 1, "name": name, "got": Tensor.describe(got), "expected": Tensor.describe(want)]))
      }
      if l > 0, layer.W_xh.shape.first == c.numInputs, c.numInputs != H {
        problems.append(ct("layers.inputs"))
      }
    }
    return CheckResult(name: name, topic: ct("topic.layers"), passed: problems.isEmpty, detail: problems.joined(separator: "\n"))
  }

  /// No two layers share a weight (one object repeated, or one generator state copied).
  func ownWeightsRow(_ layers: [RNNScratch]) -> CheckResult {
    var problems: [String] = []
    for i in layers.indices {
      for j in layers.indices where j > i {
        let (a, b) = (layers[i], layers[j])
        if a === b {
          problems.append(ct("weights.sameObject", ["first": i + 1, "second": j + 1]))
          problems.append(ct("weights.newObject"))
        } else if a.W_hh.shape == b.W_hh.shape, a.W_hh.count > 0, a.W_hh.scalars == b.W_hh.scalars {
          problems.append(ct("weights.identical", ["first": i + 1, "second": j + 1]))
          problems.append(ct("weights.generator"))
        }
      }
    }
    return CheckResult(name: ct("row.ownWeights", ["label": c.label]), topic: ct("topic.ownWeights"), passed: problems.isEmpty,
                       detail: problems.joined(separator: "\n"))
  }
}
