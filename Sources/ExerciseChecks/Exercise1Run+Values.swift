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
      name: "\(c.label): outputs shape (T, B, H) = \(Tensor.describe(shape))", topic: "output shape", passed: gotShape == shape,
      detail: "expected \(Tensor.describe(shape)), got \(Tensor.describe(gotShape))"
        + (gotShape == data.X.shape && gotShape != shape ? "\n→ these are the inputs' shape: return the last layer's outputs" : "")))

    if result.layerOutputs.count != L {
      rows.append(CheckResult(
        name: "\(c.label): every layer's outputs H_t^(l), l = 1…\(L)", topic: "every layer's outputs", passed: false,
        detail: "expected \(L) tensors (one (T, B, H) per layer), got \(result.layerOutputs.count)\n→ append each layer's stacked outputs to layerOutputs"))
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
        rows.append(CheckResult(name: "\(c.label): H_t^(\(l + 1)), t = 1…\(T)", topic: "H_t^(\(l + 1))", passed: comparison.passed,
                                detail: detail, maxDifference: comparison.maxDifference))
      }
    }

    let outputs = TensorComparison(got: result.outputs, expected: expected.outputs)
    var detail = outputs.mismatch(axes: ["t", "batch"])
    if !outputs.passed, outputs.shapesMatch,
       let k = expected.layerOutputs.indices.first(where: { TensorComparison(got: result.outputs, expected: expected.layerOutputs[$0]).passed }) {
      detail += "\n→ these are layer \(k + 1)'s outputs: return the last layer's, H^(\(L))"
    }
    rows.append(CheckResult(name: "\(c.label): outputs = H^(\(L)), the last layer's", topic: "outputs", passed: outputs.passed,
                            detail: detail, maxDifference: outputs.maxDifference))
    rows.append(finalStatesRow(result.states, expected))
    return rows
  }

  /// One final state H_T^(l) per layer, each (B, H), in layer order.
  func finalStatesRow(_ states: [Tensor], _ expected: Exercise1Expected) -> CheckResult {
    let name = "\(c.label): final states H_T^(l), l = 1…\(c.numLayers)"
    guard states.count == c.numLayers else {
      return CheckResult(name: name, topic: "final states", passed: false,
                         detail: "expected \(c.numLayers) states (one (B, H) per layer), got \(states.count)\n→ append each layer's final state to states")
    }
    var worst: Float = 0
    for (l, state) in states.enumerated() {
      let comparison = TensorComparison(got: state, expected: expected.finalStates[l])
      worst = max(worst, comparison.maxDifference)
      guard !comparison.passed else { continue }
      var detail = "layer \(l + 1): " + comparison.mismatch(axes: ["batch"])
      if TensorComparison(got: state, expected: data.H0[l]).passed {
        detail += "\n→ this is layer \(l + 1)'s initial state: keep the final state each layer returns"
      } else if let k = expected.finalStates.indices.first(where: { $0 != l && TensorComparison(got: state, expected: expected.finalStates[$0]).passed }) {
        detail += "\n→ this is layer \(k + 1)'s final state: states[i] belongs to rnns[i]"
      }
      return CheckResult(name: name, topic: "final states", passed: false, detail: detail, maxDifference: comparison.maxDifference)
    }
    return CheckResult(name: name, topic: "final states", passed: true, maxDifference: worst)
  }

  // MARK: - Gradients

  /// d(loss)/d(every parameter) for loss = Σ outputs ⊙ R + Σ_l H_T^(l) ⊙ S_l, one row per layer.
  func gradientRows(
    _ result: (outputs: Tensor, states: [Tensor], layerOutputs: [Tensor]), _ layers: [RNNScratch],
    _ expected: Exercise1Expected, valuesWrong: Bool
  ) -> [CheckResult] {
    let name = "\(c.label): gradients of W_xh, W_hh, b_h"
    // The loss needs outputs and states of the right shapes; `backward` needs a recorded loss.
    guard result.outputs.shape == data.R.shape, result.states.count == c.numLayers,
          zip(result.states, data.S).allSatisfy({ $0.shape == $1.shape })
    else {
      return [CheckResult(name: name, topic: "gradients", passed: false, detail: "not run: the outputs or the final states have the wrong shape (see above)")]
    }
    var loss = (result.outputs * data.R).sum()
    for (state, s) in zip(result.states, data.S) { loss = loss + (state * s).sum() }
    guard loss.requiresGradient else {
      return [CheckResult(name: name, topic: "gradients", passed: false, detail: "the outputs and states do not depend on the layers' weights (nothing was recorded for gradients)\n→ compute them with the layers in rnns, without detaching")]
    }
    loss.backward()
    return layers.enumerated().map { l, layer in
      let want = expected.gradients[l]
      let params = [("W_xh", layer.W_xh, want.W_xh), ("W_hh", layer.W_hh, want.W_hh), ("b_h", layer.b_h, want.b_h)]
      var problems: [String] = [], worst: Float = 0
      for (pname, p, w) in params {
        guard let gradient = p.gradient else {
          problems.append("d\(pname)^(\(l + 1)): no gradient reached it\n→ layer \(l + 1) is not used, or its result is detached")
          worst = .infinity
          continue
        }
        let comparison = TensorComparison(got: gradient, expected: w)
        worst = max(worst, comparison.maxDifference)
        if !comparison.passed { problems.append("d\(pname)^(\(l + 1)): " + comparison.mismatch(axes: ["row"])) }
      }
      // Wrong values make wrong gradients: then the numbers would only repeat the rows above.
      let detail = valuesWrong
        ? "max |difference| \(CheckResult.format(worst)): follows from the wrong values above; fix those first"
        : problems.joined(separator: "\n")
      return CheckResult(name: "\(c.label): gradients of layer \(l + 1): dW_xh, dW_hh, db_h", topic: "gradients of layer \(l + 1)",
                         passed: problems.isEmpty, detail: detail, maxDifference: worst)
    }
  }
}
