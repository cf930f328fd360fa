/// The input of the first layer: dense vectors, or token indices standing for one-hot vectors.
///
/// A one-hot row times W_ihᵀ is just a column of W_ih, so token input skips both the (T·B, V)
/// one-hot matrix and its GEMM: the input projection becomes a gather, its gradient a scatter.
public enum RecurrentInput {
  /// (T, B, I)
  case dense(Tensor)
  /// T·B indices, time-major (index t·B + b), each below `vocabSize`.
  case tokens([Int32], vocabSize: Int)
}

/// One layer of a recurrent network over a whole sequence, as a single tape operation.
///
/// Forward: one GEMM projects the inputs of all T steps; each step adds only the recurrent
/// product H_{t-1} W_hhᵀ and applies the fused cell. Backward (BPTT): steps in reverse, one
/// (B, G·H)·(G·H, H) GEMM per step for dH_{t-1}; then the weight gradients as one GEMM each over
/// all steps.
struct RecurrentLayerPass {
  let kind: CellKind
  let weightIH: Tensor, weightHH: Tensor, biasIH: Tensor, biasHH: Tensor

  var hidden: Int { weightHH.shape[1] }

  /// Runs the layer from state (h0, c0), both (B, H). Returns outputs (T, B, H), H_T, C_T.
  func callAsFunction(
    _ input: RecurrentInput, steps T: Int, batch B: Int, h0: Tensor, c0: Tensor?,
    workspace ws: RecurrentWorkspace
  ) -> (output: Tensor, h: Tensor, c: Tensor?) {
    let H = hidden, GH = kind.gateCount * H
    let gates = ws.gates.base, states = ws.states.base
    // Input projections of every step at once, with the biases folded in (the GRU keeps b_hh
    // apart, since its n gate scales the hidden part by r).
    projectInputs(input, rows: T * B, into: gates)
    let whh = weightHH.storage.base
    let bias = biasIH.storage.base, biasH = biasHH.storage.base
    for r in 0..<(T * B) {
      let row = gates + r * GH
      if kind == .gru {
        for k in 0..<GH { row[k] += bias[k] }
      } else {
        for k in 0..<GH { row[k] += bias[k] + biasH[k] }
      }
    }
    states.update(from: h0.storage.base, count: B * H)
    if kind == .lstm { ws.extra.base.update(from: c0!.storage.base, count: B * H) }

    for t in 0..<T {
      let g = gates + t * B * GH
      let hPrev = states + t * B * H, h = states + (t + 1) * B * H
      switch kind {
      case .rnn:
        Tensor.gemm(hPrev, transposeA: false, whh, transposeB: true, into: g, m: B, n: GH, k: H, accumulate: true)
        CellKernels.rnnForward(g: g, h: h, count: B * H)
      case .lstm:
        Tensor.gemm(hPrev, transposeA: false, whh, transposeB: true, into: g, m: B, n: GH, k: H, accumulate: true)
        let c = ws.extra.base
        CellKernels.lstmForward(
          g: g, cPrev: c + t * B * H, c: c + (t + 1) * B * H, tanhC: ws.tanhCells.base + t * B * H,
          h: h, batch: B, hidden: H)
      case .gru:
        let gh = ws.stepHidden.base
        for b in 0..<B { (gh + b * GH).update(from: biasH, count: GH) }
        Tensor.gemm(hPrev, transposeA: false, whh, transposeB: true, into: gh, m: B, n: GH, k: H, accumulate: true)
        CellKernels.gruForward(g: g, gh: gh, hPrev: hPrev, hn: ws.extra.base + t * B * H, h: h, batch: B, hidden: H)
      }
    }

    let output = TensorStorage(count: T * B * H)
    output.base.update(from: states + B * H, count: T * B * H)
    let hT = TensorStorage(count: B * H)
    hT.base.update(from: states + T * B * H, count: B * H)
    var outputs: [(shape: [Int], storage: TensorStorage)] = [([T, B, H], output), ([B, H], hT)]
    if kind == .lstm {
      let cT = TensorStorage(count: B * H)
      cT.base.update(from: ws.extra.base + T * B * H, count: B * H)
      outputs.append(([B, H], cT))
    }

    var operands = [weightIH, weightHH, biasIH, biasHH, h0]
    if let c0 { operands.append(c0) }
    if case .dense(let x) = input { operands.append(x) }
    let results = Tensor.multiOutput("\(kind.displayName) layer", outputs: outputs, operands: operands) { grads in
      backward(input, steps: T, batch: B, h0: h0, c0: c0, workspace: ws,
               dOutput: grads[0], dhT: grads[1], dcT: kind == .lstm ? grads[2] : nil)
    }
    return (results[0], results[1], kind == .lstm ? results[2] : nil)
  }

  /// Writes X W_ihᵀ for all T·B rows into `gates`: one GEMM, or a gather of W_ih's columns.
  private func projectInputs(_ input: RecurrentInput, rows: Int, into gates: UnsafeMutablePointer<Float>) {
    let GH = kind.gateCount * hidden
    switch input {
    case .dense(let x):
      let I = weightIH.shape[1]
      precondition(x.count == rows * I, "\(kind.displayName): input \(Tensor.describe(x.shape)) does not fit weight_ih \(Tensor.describe(weightIH.shape))")
      Tensor.gemm(x.storage.base, transposeA: false, weightIH.storage.base, transposeB: true,
                  into: gates, m: rows, n: GH, k: I, accumulate: false)
    case .tokens(let tokens, let vocab):
      precondition(vocab == weightIH.shape[1], "\(kind.displayName): vocabulary \(vocab) does not fit weight_ih \(Tensor.describe(weightIH.shape))")
      let w = weightIH.storage.base
      for (r, token) in tokens.enumerated() {
        let row = gates + r * GH, column = Int(token)
        for k in 0..<GH { row[k] = w[k * vocab + column] }
      }
    }
  }

  /// Backpropagation through time for this layer, accumulating into every operand that records
  /// gradients.
  private func backward(
    _ input: RecurrentInput, steps T: Int, batch B: Int, h0: Tensor, c0: Tensor?,
    workspace ws: RecurrentWorkspace, dOutput: UnsafePointer<Float>, dhT: UnsafePointer<Float>,
    dcT: UnsafePointer<Float>?
  ) {
    let H = hidden, GH = kind.gateCount * H
    let whh = weightHH.storage.base
    let gates = ws.gates.base, states = ws.states.base
    let dGx = ws.dInputGates.base
    let dGh = kind == .gru ? ws.dHiddenGates.base : dGx
    var dh = ws.dState.base, dhNext = ws.dStateNext.base
    let dc = ws.dCell.base
    dh.update(from: dhT, count: B * H)
    if let dcT { dc.update(from: dcT, count: B * H) }

    for t in stride(from: T - 1, through: 0, by: -1) {
      Kernels.add(dh, dOutput + t * B * H, into: dh, count: B * H)
      let g = gates + t * B * GH
      let hPrev = states + t * B * H
      let dx = dGx + t * B * GH, dhh = dGh + t * B * GH
      switch kind {
      case .rnn:
        CellKernels.rnnBackward(dh: dh, h: states + (t + 1) * B * H, dA: dx, count: B * H)
        Tensor.gemm(dx, transposeA: false, whh, transposeB: false, into: dhNext, m: B, n: H, k: GH, accumulate: false)
      case .lstm:
        let c = ws.extra.base
        CellKernels.lstmBackward(
          dh: dh, dc: dc, g: g, cPrev: c + t * B * H, tanhC: ws.tanhCells.base + t * B * H,
          dG: dx, batch: B, hidden: H)
        Tensor.gemm(dx, transposeA: false, whh, transposeB: false, into: dhNext, m: B, n: H, k: GH, accumulate: false)
      case .gru:
        CellKernels.gruBackward(
          dh: dh, g: g, hPrev: hPrev, hn: ws.extra.base + t * B * H, dGx: dx, dGh: dhh,
          dhPrev: dhNext, batch: B, hidden: H)
        Tensor.gemm(dhh, transposeA: false, whh, transposeB: false, into: dhNext, m: B, n: H, k: GH, accumulate: true)
      }
      swap(&dh, &dhNext)
    }

    // Weight and bias gradients, each as one product over all T·B rows.
    if let dW = weightHH.gradientBuffer {
      // dW_hh += dGhᵀ (G·H, T·B) · [H_0 … H_{T-1}] (T·B, H)
      Tensor.gemm(dGh, transposeA: true, states, transposeB: false, into: dW, m: GH, n: H, k: T * B, accumulate: true)
    }
    if let db = biasHH.gradientBuffer { Self.addColumnSums(dGh, rows: T * B, columns: GH, into: db) }
    if let db = biasIH.gradientBuffer { Self.addColumnSums(dGx, rows: T * B, columns: GH, into: db) }
    switch input {
    case .dense(let x):
      let I = weightIH.shape[1]
      if let dW = weightIH.gradientBuffer {
        Tensor.gemm(dGx, transposeA: true, x.storage.base, transposeB: false, into: dW, m: GH, n: I, k: T * B, accumulate: true)
      }
      if let dX = x.gradientBuffer {
        Tensor.gemm(dGx, transposeA: false, weightIH.storage.base, transposeB: false, into: dX, m: T * B, n: I, k: GH, accumulate: true)
      }
    case .tokens(let tokens, let vocab):
      if let dW = weightIH.gradientBuffer {
        // A one-hot input's gradient lands in the column of its token.
        for (r, token) in tokens.enumerated() {
          let row = dGx + r * GH, column = Int(token)
          for k in 0..<GH { dW[k * vocab + column] += row[k] }
        }
      }
    }
    if let d = h0.gradientBuffer { Kernels.add(d, dh, into: d, count: B * H) }
    if let c0, let d = c0.gradientBuffer { Kernels.add(d, dc, into: d, count: B * H) }
  }

  /// out[k] += Σ_r m[r, k]
  static func addColumnSums(_ m: UnsafePointer<Float>, rows: Int, columns: Int, into out: UnsafeMutablePointer<Float>) {
    for r in 0..<rows {
      let row = m + r * columns
      for k in 0..<columns { out[k] += row[k] }
    }
  }
}
