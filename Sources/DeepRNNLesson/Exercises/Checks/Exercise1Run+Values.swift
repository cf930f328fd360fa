import ExerciseChecks
import D2L
/// The rows that compare the answer's results with the concise API's: values, then gradients.
extension Exercise1Run {
  /// Output shape, every layer's H_t^(l), the outputs, and the final states.
  func forwardRows(
    _ result: (outputs: Tensor, states: [Tensor], layerOutputs: [Tensor]), _ expected: Exercise1Expected,
    sharesWeights: Bool
  ) -> [CheckResult] {
    let (T, B, H, L) = (c.steps, c.batch, c.numHiddens, c.numLayers)
    var rows: [CheckResult] = []
    let shape = [T, B, H]
    let gotShape = result.outputs.shape
    rows.append(CheckResult(
      name: ct("row.outputShape", ["label": c.label, "shape": Tensor.describe(shape)]), topic: ct("topic.outputShape"),
      passed: gotShape == shape,
      detail: ct("outputs.shape", ["expected": Tensor.describe(shape), "got": Tensor.describe(gotShape)])
        + (gotShape == data.X.shape && gotShape != shape ? "\n" + ct("outputs.inputsShape") : "")))

    if result.layerOutputs.count != L {
      rows.append(CheckResult(
        name: ct("row.layerOutputs", ["label": c.label, "layers": L]), topic: ct("topic.layerOutputs"), passed: false,
        detail: ct("outputs.count", ["layers": L, "got": result.layerOutputs.count]) + "\n" + ct("outputs.append")))
    } else {
      for l in 0..<L {
        let got = result.layerOutputs[l]
        let comparison = TensorComparison(got: got, expected: expected.layerOutputs[l])
        var detail = comparison.mismatch(axes: ["t", "batch"])
        if !comparison.passed, comparison.shapesMatch {
          let received = l == 0 ? data.X : result.layerOutputs[l - 1]
          let finding = Exercise1Diagnosis(c, data).explain(layer: l, got: got, received: received, sharesWeights: sharesWeights)
          detail += "\n" + finding.message
          if finding.readsInputs, readsInputs == nil { readsInputs = l }
        }
        rows.append(CheckResult(name: ct("row.layerValues", ["label": c.label, "layer": l + 1, "steps": T]), topic: "H_t^(\(l + 1))", passed: comparison.passed,
                                detail: detail, maxDifference: comparison.maxDifference))
      }
    }

    let outputs = TensorComparison(got: result.outputs, expected: expected.outputs)
    var detail = outputs.mismatch(axes: ["t", "batch"])
    if !outputs.passed, outputs.shapesMatch,
       let k = expected.layerOutputs.indices.first(where: { TensorComparison(got: result.outputs, expected: expected.layerOutputs[$0]).passed }) {
      detail += "\n" + ct("outputs.layer", ["layer": k + 1, "layers": L])
    }
    rows.append(CheckResult(name: ct("row.outputs", ["label": c.label, "layers": L]), topic: ct("topic.outputs"), passed: outputs.passed,
                            detail: detail, maxDifference: outputs.maxDifference))
    rows.append(finalStatesRow(result.states, expected))
    return rows
  }

  /// One final state H_T^(l) per layer, each (B, H), in layer order.
  func finalStatesRow(_ states: [Tensor], _ expected: Exercise1Expected) -> CheckResult {
    let name = ct("row.finalStates", ["label": c.label, "layers": c.numLayers])
    guard states.count == c.numLayers else {
      return CheckResult(name: name, topic: ct("topic.finalStates"), passed: false,
                         detail: ct("states.count", ["layers": c.numLayers, "got": states.count]) + "\n" + ct("states.append"))
    }
    var worst: Float = 0
    for (l, state) in states.enumerated() {
      let comparison = TensorComparison(got: state, expected: expected.finalStates[l])
      worst = max(worst, comparison.maxDifference)
      guard !comparison.passed else { continue }
      var detail = ct("states.layer", ["layer": l + 1]) + comparison.mismatch(axes: ["batch"])
      if TensorComparison(got: state, expected: data.H0[l]).passed {
        detail += "\n" + ct("states.initial", ["layer": l + 1])
      } else if let k = expected.finalStates.indices.first(where: { $0 != l && TensorComparison(got: state, expected: expected.finalStates[$0]).passed }) {
        detail += "\n" + ct("states.other", ["layer": k + 1])
      }
      return CheckResult(name: name, topic: ct("topic.finalStates"), passed: false, detail: detail, maxDifference: comparison.maxDifference)
    }
    return CheckResult(name: name, topic: ct("topic.finalStates"), passed: true, maxDifference: worst)
  }

  // MARK: - Gradients

  /// d(loss)/d(every parameter) for loss = Σ outputs ⊙ R + Σ_l H_T^(l) ⊙ S_l, one row per layer.
  func gradientRows(
    _ result: (outputs: Tensor, states: [Tensor], layerOutputs: [Tensor]), _ layers: [RNNScratch],
    _ expected: Exercise1Expected, valuesWrong: Bool
  ) -> [CheckResult] {
    let name = ct("row.gradients", ["label": c.label])
    // The loss needs outputs and states of the right shapes; `backward` needs a recorded loss.
    guard result.outputs.shape == data.R.shape, result.states.count == c.numLayers,
          zip(result.states, data.S).allSatisfy({ $0.shape == $1.shape })
    else {
      return [CheckResult(name: name, topic: ct("topic.gradients"), passed: false, detail: ct("skip.gradientShapes"))]
    }
    var loss = (result.outputs * data.R).sum()
    for (state, s) in zip(result.states, data.S) { loss = loss + (state * s).sum() }
    guard loss.requiresGradient else {
      return [CheckResult(name: name, topic: ct("topic.gradients"), passed: false, detail: ct("gradients.untracked"))]
    }
    loss.backward()
    return layers.enumerated().map { l, layer in
      let want = expected.gradients[l]
      let params = [("W_xh", layer.W_xh, want.W_xh), ("W_hh", layer.W_hh, want.W_hh), ("b_h", layer.b_h, want.b_h)]
      var problems: [String] = [], worst: Float = 0
      for (pname, p, w) in params {
        guard let gradient = p.gradient else {
          problems.append("d\(pname)^(\(l + 1)): " + ct("gradients.none", ["layer": l + 1]))
          worst = .infinity
          continue
        }
        let comparison = TensorComparison(got: gradient, expected: w)
        worst = max(worst, comparison.maxDifference)
        if !comparison.passed { problems.append("d\(pname)^(\(l + 1)): " + comparison.mismatch(axes: ["row"])) }
      }
      // Wrong values make wrong gradients: then the numbers would only repeat the rows above.
      let detail = valuesWrong
        ? ct("gradients.follow", ["difference": CheckResult.format(worst)])
        : problems.joined(separator: "\n")
      return CheckResult(name: ct("row.layerGradients", ["label": c.label, "layer": l + 1]), topic: ct("topic.layerGradients", ["layer": l + 1]),
                         passed: problems.isEmpty, detail: detail, maxDifference: worst)
    }
  }
}
