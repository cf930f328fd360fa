/// The input of the first layer: dense vectors, or token indices standing for one-hot vectors.
///
/// A one-hot row times W_ihᵀ is just a column of W_ih, so token input skips both the (T·B, V)
/// one-hot matrix and its GEMM: the input projection becomes a gather, its gradient a scatter.
public enum RecurrentInput {
  /// (T, B, I)
  case dense(Tensor)
  /// T·B indices, time-major (index t·B + b), each below `vocabSize`.
  case tokens([Int32], vocabSize: Int)

  /// The dense input, if it is one.
  var dense: Tensor? {
    if case .dense(let x) = self { return x }
    return nil
  }
}

/// One layer of a recurrent network over a whole sequence, as a single tape operation.
///
/// Forward: one GEMM projects the inputs of all T steps; each step adds only the recurrent
/// product H_{t-1} W_hhᵀ and applies the fused cell. Backward (BPTT): steps in reverse, one
/// (B, G·H)·(G·H, H) GEMM per step for dH_{t-1}; then the weight gradients as one GEMM each over
/// all steps. The time loops run on a `WorkerTeam`: each thread owns a slice of the hidden units
/// (its gates, its GEMM, its share of the cell) and the threads meet once per step.
struct RecurrentLayerPass {
  let kind: CellKind
  let weightIH: Tensor, weightHH: Tensor, biasIH: Tensor, biasHH: Tensor

  var hidden: Int { weightHH.shape[1] }
  var inputSize: Int { weightIH.shape[1] }

  /// Runs the layer from state (h0, c0), both (B, H). Returns outputs (T, B, H), H_T, C_T.
  func callAsFunction(
    _ input: RecurrentInput, steps T: Int, batch B: Int, h0: Tensor, c0: Tensor?,
    workspace ws: RecurrentWorkspace, team: WorkerTeam
  ) -> (output: Tensor, h: Tensor, c: Tensor?) {
    let H = hidden, GH = kind.gateCount * H, P = ws.parts
    let gates = ws.gates.base, states = ws.states.base
    let (wih, whh) = PhaseClock.measure("fwd prepare weights") { prepareWeights(ws) }
    let bias = ws.biasIH.base, I = inputSize
    // A dense input's products X_t W_ihᵀ run in the time loop, step by step on weights packed
    // once, before each step's barrier. One GEMM over all steps was slower: its operands are
    // cold, and its (T·B, G·H) result makes a round trip through memory.
    let x = input.dense.map { UnsafePointer($0.storage.base) }
    let inputInLoop = x != nil && PackedGemm.fits(m: B, n: kind.gateCount * (H / P))
    if inputInLoop {
      check(input.dense!.count == T * B * I, "\(kind.displayName): input \(Tensor.describe(input.dense!.shape)) does not fit weight_ih \(Tensor.describe(weightIH.shape))")
    } else {
      // Input projections of every step at once, with the biases folded in (the GRU keeps b_hh
      // apart, since its n gate scales the hidden part by r).
      PhaseClock.measure("fwd project inputs") { projectInputs(input, rows: T * B, weights: wih, bias: bias, into: gates) }
    }
    states.update(from: h0.storage.base, count: B * H)
    if kind == .lstm { ws.extra.base.update(from: c0!.storage.base, count: B * H) }

    let kind = self.kind
    PhaseClock.measure("fwd time loop") { team.run(parts: P) { p in
      let layout = PartLayout(kind: kind, hidden: H, parts: P, part: p)
      let rows = kind.gateCount * layout.width  // this part's gate columns
      let w = whh + layout.gateOffset * H  // this part's rows of W_hh
      // H_{t-1} W_hhᵀ for this part's gates, accumulated into `out` (row stride G·H).
      let packed = ws.packedForward.base + layout.gateOffset * H
      let usePacked = PackedGemm.fits(m: B, n: rows)
      if usePacked { PackedGemm.pack(w, k: H, n: rows, rowStride: 1, columnStride: H, into: packed) }
      let packedInput = ws.packedInputForward.base + layout.gateOffset * I
      if inputInLoop { PackedGemm.pack(wih + layout.gateOffset * I, k: I, n: rows, rowStride: 1, columnStride: I, into: packedInput) }
      func recurrentProduct(_ hPrev: UnsafePointer<Float>, into out: UnsafeMutablePointer<Float>) {
        if usePacked {
          PackedGemm.multiply(hPrev, lda: H, packed: packed, into: out, ldc: GH, m: B, n: rows, k: H, accumulate: true)
        } else {
          Tensor.gemm(hPrev, transposeA: false, w, transposeB: true, into: out, m: B, n: rows, k: H, accumulate: true, ldc: GH)
        }
      }
      for t in 0..<T {
        let g = gates + t * B * GH
        if inputInLoop, let x {  // this part's gates = b_ih (+ b_hh) + X_t W_ihᵀ: needs no H_{t-1}
          for b in 0..<B { (g + b * GH + layout.gateOffset).update(from: bias + layout.gateOffset, count: rows) }
          PackedGemm.multiply(x + t * B * I, lda: I, packed: packedInput, into: g + layout.gateOffset, ldc: GH,
                              m: B, n: rows, k: I, accumulate: true)
        }
        if t > 0 { team.sync(parts: P) }  // every part of H_{t-1} is written
        let hPrev = states + t * B * H, h = states + (t + 1) * B * H
        switch kind {
        case .rnn:
          recurrentProduct(hPrev, into: g + layout.gateOffset)
          CellKernels.rnnForward(g: g, h: h, batch: B, layout: layout)
        case .lstm:
          recurrentProduct(hPrev, into: g + layout.gateOffset)
          let c = ws.extra.base
          CellKernels.lstmForward(g: g, cPrev: c + t * B * H, c: c + (t + 1) * B * H,
                                  tanhC: ws.tanhCells.base + t * B * H, h: h, batch: B, layout: layout)
        case .gru:
          let gh = ws.stepHidden.base
          for b in 0..<B {
            (gh + b * GH + layout.gateOffset).update(from: ws.biasHH.base + layout.gateOffset, count: rows)
          }
          recurrentProduct(hPrev, into: gh + layout.gateOffset)
          CellKernels.gruForward(g: g, gh: gh, hPrev: hPrev, hn: ws.extra.base + t * B * H, h: h, batch: B, layout: layout)
        }
      }
    } }

    let output = TensorStorage(uninitializedCount: T * B * H)
    output.base.initialize(from: states + B * H, count: T * B * H)
    let hT = TensorStorage(uninitializedCount: B * H)
    hT.base.initialize(from: states + T * B * H, count: B * H)
    var outputs: [(shape: [Int], storage: TensorStorage)] = [([T, B, H], output), ([B, H], hT)]
    if kind == .lstm {
      let cT = TensorStorage(uninitializedCount: B * H)
      cT.base.initialize(from: ws.extra.base + T * B * H, count: B * H)
      outputs.append(([B, H], cT))
    }

    var operands = [weightIH, weightHH, biasIH, biasHH, h0]
    if let c0 { operands.append(c0) }
    if case .dense(let x) = input { operands.append(x) }
    let results = Tensor.multiOutput("\(kind.displayName) layer", outputs: outputs, operands: operands) { grads in
      backward(input, steps: T, batch: B, h0: h0, c0: c0, workspace: ws, team: team,
               dOutput: grads[0], dhT: grads[1], dcT: kind == .lstm ? grads[2] : nil)
    }
    return (results[0], results[1], kind == .lstm ? results[2] : nil)
  }

  /// The weights in part layout (the parameters themselves when there is one part) and the
  /// biases, summed where the cell allows, in the workspace.
  private func prepareWeights(_ ws: RecurrentWorkspace) -> (ih: UnsafePointer<Float>, hh: UnsafePointer<Float>) {
    let bih = biasIH.storage.base, bhh = biasHH.storage.base
    for (r, original) in ws.originalRow.enumerated() {
      ws.biasIH.base[r] = kind == .gru ? bih[original] : bih[original] + bhh[original]
      ws.biasHH.base[r] = bhh[original]
    }
    guard ws.parts > 1 else { return (UnsafePointer(weightIH.storage.base), UnsafePointer(weightHH.storage.base)) }
    ws.permuteRows(weightIH.storage.base, columns: inputSize, into: ws.weightIH.base)
    ws.permuteRows(weightHH.storage.base, columns: hidden, into: ws.weightHH.base)
    return (UnsafePointer(ws.weightIH.base), UnsafePointer(ws.weightHH.base))
  }

  /// Writes X W_ihᵀ + b for all T·B rows into `gates`: one GEMM, or a gather of W_ih's columns.
  private func projectInputs(
    _ input: RecurrentInput, rows: Int, weights: UnsafePointer<Float>, bias: UnsafePointer<Float>,
    into gates: UnsafeMutablePointer<Float>
  ) {
    let GH = kind.gateCount * hidden, I = inputSize
    switch input {
    case .dense(let x):
      check(x.count == rows * I, "\(kind.displayName): input \(Tensor.describe(x.shape)) does not fit weight_ih \(Tensor.describe(weightIH.shape))")
      Tensor.gemm(x.storage.base, transposeA: false, weights, transposeB: true, into: gates, m: rows, n: GH, k: I, accumulate: false)
      for r in 0..<rows { Kernels.add(gates + r * GH, bias, into: gates + r * GH, count: GH) }
    case .tokens(let tokens, let vocab):
      check(vocab == I, "\(kind.displayName): vocabulary \(vocab) does not fit weight_ih \(Tensor.describe(weightIH.shape))")
      // Gather from W_ihᵀ + b (V, G·H), so that each row is one contiguous copy.
      let table = TensorStorage(uninitializedCount: vocab * GH)
      Tensor.transpose(weights, rows: GH, columns: vocab, into: table.base)
      for v in 0..<vocab { Kernels.add(table.base + v * GH, bias, into: table.base + v * GH, count: GH) }
      for (r, token) in tokens.enumerated() {
        (gates + r * GH).update(from: table.base + Int(token) * GH, count: GH)
      }
    }
  }

  /// Backpropagation through time for this layer, accumulating into every operand that records
  /// gradients.
  private func backward(
    _ input: RecurrentInput, steps T: Int, batch B: Int, h0: Tensor, c0: Tensor?,
    workspace ws: RecurrentWorkspace, team: WorkerTeam, dOutput: UnsafePointer<Float>,
    dhT: UnsafePointer<Float>, dcT: UnsafePointer<Float>?
  ) {
    let H = hidden, GH = kind.gateCount * H, P = ws.parts, kind = self.kind
    let whh = P > 1 ? UnsafePointer(ws.weightHH.base) : UnsafePointer(weightHH.storage.base)
    let gates = ws.gates.base, states = ws.states.base
    let dGx = ws.dInputGates.base
    let dGh = kind == .gru ? ws.dHiddenGates.base : dGx
    ws.dState.base.update(from: dhT, count: B * H)
    if let dcT { ws.dCell.base.update(from: dcT, count: B * H) }

    // A dense input's gradient dX_t = dG_t · W_ih is computed in the time loop too, while dG_t
    // is in cache; each part computes its share of X's columns.
    let I = inputSize
    let wih = P > 1 ? UnsafePointer(ws.weightIH.base) : UnsafePointer(weightIH.storage.base)
    let dX = input.dense?.gradientBuffer
    let inputGradientInLoop = dX != nil && I % P == 0 && PackedGemm.fits(m: B, n: I / P)
    PhaseClock.measure("bwd time loop") { team.run(parts: P) { p in
      let layout = PartLayout(kind: kind, hidden: H, parts: P, part: p)
      // W_hh's columns of this part, packed for dH_{t-1} = dG_t · W_hh.
      let packed = ws.packedBackward.base + layout.stateOffset * GH
      let usePacked = PackedGemm.fits(m: B, n: layout.width)
      if usePacked {
        PackedGemm.pack(whh + layout.stateOffset, k: GH, n: layout.width, rowStride: H, columnStride: 1, into: packed)
      }
      let inputColumns = I / P, firstInputColumn = p * inputColumns
      let packedInput = ws.packedInputBackward.base + firstInputColumn * GH
      if inputGradientInLoop {
        PackedGemm.pack(wih + firstInputColumn, k: GH, n: inputColumns, rowStride: I, columnStride: 1, into: packedInput)
      }
      var dh = ws.dState.base, dhNext = ws.dStateNext.base
      let dc = ws.dCell.base
      for t in stride(from: T - 1, through: 0, by: -1) {
        for b in 0..<B {  // this part's share of dH_t += dY_t
          let s = b * H + layout.stateOffset
          Kernels.add(dh + s, dOutput + t * B * H + s, into: dh + s, count: layout.width)
        }
        let g = gates + t * B * GH
        let hPrev = states + t * B * H
        let dx = dGx + t * B * GH, dhh = dGh + t * B * GH
        switch kind {
        case .rnn:
          CellKernels.rnnBackward(dh: dh, h: states + (t + 1) * B * H, dA: dx, batch: B, layout: layout)
        case .lstm:
          let c = ws.extra.base
          CellKernels.lstmBackward(dh: dh, dc: dc, g: g, cPrev: c + t * B * H, tanhC: ws.tanhCells.base + t * B * H,
                                   dG: dx, batch: B, layout: layout)
        case .gru:
          CellKernels.gruBackward(dh: dh, g: g, hPrev: hPrev, hn: ws.extra.base + t * B * H, dGx: dx, dGh: dhh,
                                  dhPrev: dhNext, batch: B, layout: layout)
        }
        team.sync(parts: P)  // every part of dG_t is written
        // dH_{t-1}[:, this part] (+)= dG_t · W_hh[:, this part]: the part layout of dG and of
        // W_hh's rows cancel out.
        if usePacked {
          PackedGemm.multiply(dhh, lda: GH, packed: packed, into: dhNext + layout.stateOffset, ldc: H,
                              m: B, n: layout.width, k: GH, accumulate: kind == .gru)
        } else {
          Tensor.gemm(dhh, transposeA: false, whh + layout.stateOffset, transposeB: false,
                      into: dhNext + layout.stateOffset, m: B, n: layout.width, k: GH,
                      accumulate: kind == .gru, ldb: H, ldc: H)
        }
        if inputGradientInLoop, let dX {
          PackedGemm.multiply(dx, lda: GH, packed: packedInput, into: dX + t * B * I + firstInputColumn, ldc: I,
                              m: B, n: inputColumns, k: GH, accumulate: true)
        }
        swap(&dh, &dhNext)
      }
    } }
    // After T swaps the running dH is in dState when T is even, else in dStateNext.
    let dh0 = T % 2 == 0 ? ws.dState.base : ws.dStateNext.base

    // Weight and bias gradients, each as one product over all T·B rows (BLAS threads again).
    if let dW = weightHH.gradientBuffer {
      // dW_hh += dGhᵀ (G·H, T·B) · [H_0 … H_{T-1}] (T·B, H)
      PhaseClock.measure("bwd dW_hh") { accumulateRows(into: dW, columns: H, ws: ws) { out, beta in
        Tensor.gemm(dGh, transposeA: true, states, transposeB: false, into: out, m: GH, n: H, k: T * B, accumulate: beta)
      } }
    }
    PhaseClock.measure("bwd biases") {
      // The RNN and the LSTM share one gate gradient for both biases: sum its columns once.
      let sharedSums = dGh == dGx && biasHH.gradientBuffer != nil && biasIH.gradientBuffer != nil
      if let db = biasHH.gradientBuffer { addColumnSumsBack(dGh, rows: T * B, into: db, ws: ws) }
      if let db = biasIH.gradientBuffer {
        if sharedSums { ws.addRowsBack(ws.dBias.base, columns: 1, into: db) } else { addColumnSumsBack(dGx, rows: T * B, into: db, ws: ws) }
      }
    }
    switch input {
    case .dense(let x):
      if let dW = weightIH.gradientBuffer {
        PhaseClock.measure("bwd dW_ih") { accumulateRows(into: dW, columns: I, ws: ws) { out, beta in
          Tensor.gemm(dGx, transposeA: true, x.storage.base, transposeB: false, into: out, m: GH, n: I, k: T * B, accumulate: beta)
        } }
      }
      if let dX = x.gradientBuffer, !inputGradientInLoop {
        PhaseClock.measure("bwd dX") { Tensor.gemm(dGx, transposeA: false, wih, transposeB: false, into: dX, m: T * B, n: I, k: GH, accumulate: true) }
      }
    case .tokens(let tokens, let vocab):
      if let dW = weightIH.gradientBuffer { PhaseClock.measure("bwd dW_ih one-hot") {
        // A one-hot input's gradient lands in the column of its token: sum the rows of dG per
        // token first (contiguous, vectorised), then add each token's sum into its column.
        let perToken = TensorStorage(count: vocab * GH)
        for (r, token) in tokens.enumerated() {
          let sum = perToken.base + Int(token) * GH
          Kernels.add(sum, dGx + r * GH, into: sum, count: GH)
        }
        for (k, row) in ws.originalRow.enumerated() {
          for v in 0..<vocab { dW[row * vocab + v] += perToken.base[v * GH + k] }
        }
      } }
    }
    if let d = h0.gradientBuffer { Kernels.add(d, dh0, into: d, count: B * H) }
    if let c0, let d = c0.gradientBuffer { Kernels.add(d, ws.dCell.base, into: d, count: B * H) }
  }

  /// Runs `product(out, accumulate)` so that its (G·H, columns) result, in part layout, ends up
  /// added to `gradient` in PyTorch's layout: directly when there is one part, else through
  /// the workspace's scratch.
  private func accumulateRows(
    into gradient: UnsafeMutablePointer<Float>, columns: Int, ws: RecurrentWorkspace,
    _ product: (UnsafeMutablePointer<Float>, Bool) -> Void
  ) {
    if ws.parts == 1 { product(gradient, true); return }
    product(ws.dWeight.base, false)
    ws.addRowsBack(ws.dWeight.base, columns: columns, into: gradient)
  }

  /// out[original(k)] += Σ_r m[r, k]; the sums stay in `ws.dBias`.
  private func addColumnSumsBack(_ m: UnsafePointer<Float>, rows: Int, into out: UnsafeMutablePointer<Float>, ws: RecurrentWorkspace) {
    let columns = kind.gateCount * hidden
    let sums = ws.dBias.base
    sums.update(repeating: 0, count: columns)
    for r in 0..<rows { Kernels.add(sums, m + r * columns, into: sums, count: columns) }
    ws.addRowsBack(sums, columns: 1, into: out)
  }
}

