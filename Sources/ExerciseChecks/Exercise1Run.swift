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
    let reason = structure.passed ? skip : "not run: the layers' shapes are wrong (see above)"
    if let reason {
      emit([CheckResult(name: "\(c.label): forward pass and gradients", topic: "forward pass", passed: false, detail: reason)])
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
    emit(gradientRows(result, layers, expected, valuesWrong: rows.contains { !$0.passed && $0.topic != "own weights" }))
    return rows
  }

  // MARK: - The layers

  /// `numLayers` layers whose W_xh, W_hh and b_h have the shapes the equation needs.
  func structureRow(_ layers: [RNNScratch]) -> CheckResult {
    let H = c.numHiddens
    let widths = (0..<c.numLayers).map { Tensor.describe([c.inputWidth(ofLayer: $0), H]) }
    let name = "\(c.label): \(c.numLayers) RNNScratch layers, W_xh \(widths.joined(separator: " then ")), W_hh (\(H), \(H)), b_h (\(H))"
    var problems: [String] = []
    if layers.count != c.numLayers {
      problems.append("expected \(c.numLayers) layers (numLayers), got \(layers.count)")
      problems.append(layers.isEmpty
        ? "→ rnns is empty: build the layers in init"
        : "→ build numLayers layers, whatever numLayers is")
    }
    for (l, layer) in layers.prefix(c.numLayers).enumerated() {
      let shapes = [("W_xh", layer.W_xh.shape, [c.inputWidth(ofLayer: l), H]),
                    ("W_hh", layer.W_hh.shape, [H, H]), ("b_h", layer.b_h.shape, [H])]
      for (name, got, want) in shapes where got != want {
        problems.append("layer \(l + 1): \(name) is \(Tensor.describe(got)), expected \(Tensor.describe(want))")
      }
      if l > 0, layer.W_xh.shape.first == c.numInputs, c.numInputs != H {
        problems.append("→ only layer 1 reads the inputs (numInputs wide); every layer above reads the hidden states of the layer below (numHiddens wide)")
      }
    }
    return CheckResult(name: name, topic: "the layers", passed: problems.isEmpty, detail: problems.joined(separator: "\n"))
  }

  /// No two layers share a weight (one object repeated, or one generator state copied).
  func ownWeightsRow(_ layers: [RNNScratch]) -> CheckResult {
    var problems: [String] = []
    for i in layers.indices {
      for j in layers.indices where j > i {
        let (a, b) = (layers[i], layers[j])
        if a === b {
          problems.append("layers \(i + 1) and \(j + 1) are the same RNNScratch object, so they share W_xh, W_hh and b_h")
          problems.append("→ build a new RNNScratch for each layer (RNNScratch is a class: Array(repeating:count:) repeats one object)")
        } else if a.W_hh.shape == b.W_hh.shape, a.W_hh.count > 0, a.W_hh.scalars == b.W_hh.scalars {
          problems.append("layers \(i + 1) and \(j + 1) start with identical W_hh")
          problems.append("→ each layer must draw its own weights: pass the one generator on (&generator) to every RNNScratch, not a copy of it")
        }
      }
    }
    return CheckResult(name: "\(c.label): each layer has its own weights", topic: "own weights", passed: problems.isEmpty,
                       detail: problems.joined(separator: "\n"))
  }
}
