/// The weight and bias gradients after the backward loop, each as one product over all T·B
/// rows (on all the team's threads), accumulated into the parameters that record gradients.
extension TimeLoop {
  /// dW_hh += dGhᵀ [H_0 … H_{T-1}]; the biases' gradients are dG's column sums, which the
  /// product's kernel may add up as it goes.
  func hiddenWeightGradients(weightHH: Tensor, biasIH: Tensor, biasHH: Tensor) {
    let dGx = ws.dInputGates.base, dGh = cell.separateHiddenGates ? ws.dHiddenGates.base : dGx
    let sums = ws.dBias.base
    var summed = false
    if let dW = weightHH.gradientBuffer {
      PhaseClock.measure("bwd dW_hh") {
        summed = weightGradient(dGh, ws.states.base, columns: H, into: dW, gateSums: sums)
      }
    }
    PhaseClock.measure("bwd biases") {
      // A cell without separate hidden gates has one gate gradient for both biases: sum it once.
      let needed = biasHH.gradientBuffer != nil || (biasIH.gradientBuffer != nil && dGh == dGx)
      if needed && !summed { columnSums(dGh, into: sums) }
      if let db = biasHH.gradientBuffer { Kernels.add(db, sums, into: db, count: GH) }
      if let db = biasIH.gradientBuffer {
        if dGh != dGx { columnSums(dGx, into: sums) }
        Kernels.add(db, sums, into: db, count: GH)
      }
    }
  }

  /// dW_ih += dGxᵀ X for a dense input.
  func denseInputWeightGradient(_ x: UnsafePointer<Float>, into dW: UnsafeMutablePointer<Float>) {
    PhaseClock.measure("bwd dW_ih") {
      weightGradient(ws.dInputGates.base, x, columns: I, into: dW, gateSums: nil)
    }
  }

  /// dW_ih (G·H, V) += the threads' per-token sums (P blocks of (V, G·H)), each into its token's
  /// column.
  func tokenWeightGradient(_ perToken: UnsafeMutablePointer<Float>, parts P: Int, into dW: UnsafeMutablePointer<Float>) {
    PhaseClock.measure("bwd dW_ih one-hot") {
      for q in 1..<max(P, 1) { Kernels.add(perToken, perToken + q * I * GH, into: perToken, count: I * GH) }
      for k in 0..<GH {
        for v in 0..<I { dW[k * I + v] += perToken[v * GH + k] }
      }
    }
  }

  @discardableResult
  private func weightGradient(
    _ dG: UnsafePointer<Float>, _ y: UnsafePointer<Float>, columns: Int, into dW: UnsafeMutablePointer<Float>,
    gateSums: UnsafeMutablePointer<Float>?
  ) -> Bool {
    products.weightGradient(dG, y, gateRows: GH, columns: columns, rows: T * B, into: dW, gateSums: gateSums,
                            packed: ws.packedRows.base, scratch: ws.gemmScratch.base, team: team)
  }

  /// out[k] = Σ_r m[r, k] over the (T·B, G·H) matrix m.
  private func columnSums(_ m: UnsafePointer<Float>, into out: UnsafeMutablePointer<Float>) {
    out.update(repeating: 0, count: GH)
    for r in 0..<(T * B) { Kernels.add(out, m + r * GH, into: out, count: GH) }
  }
}
