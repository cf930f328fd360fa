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
/// Forward: each step adds the recurrent product H_{t-1} W_hhᵀ to the input projection and
/// applies the fused cell. A one-hot input's projection is a gather done up front; a dense
/// input's product X_t W_ihᵀ runs in the time loop too. Backward (BPTT): steps in reverse, one
/// product dG_t W_hh per step for dH_{t-1} (and dG_t W_ih for a dense input's gradient); then
/// the weight gradients as one GEMM each over all steps.
///
/// The time loops run on a `WorkerTeam`, split by *sequences*: each thread owns a share of the
/// batch rows and runs every step of them on its own, with the weights packed once per pass and
/// shared. The rows of a batch never meet inside a step, so the threads need no barrier there.
struct RecurrentLayerPass {
  let kind: CellKind
  let weightIH: Tensor, weightHH: Tensor, biasIH: Tensor, biasHH: Tensor

  var hidden: Int { weightHH.shape[1] }
  var inputSize: Int { weightIH.shape[1] }

  /// Runs the layer from state (h0, c0), both (B, H), with the time loop in `parts` shares (of
  /// the batch, or of the hidden units for a small batch). Returns outputs (T, B, H), H_T, C_T.
  func callAsFunction(
    _ input: RecurrentInput, steps T: Int, batch B: Int, h0: Tensor, c0: Tensor?,
    workspace ws: RecurrentWorkspace, team: WorkerTeam, parts P: Int
  ) -> (output: Tensor, h: Tensor, c: Tensor?) {
    let H = hidden, I = inputSize, G = kind.gateCount, GH = G * H, kind = self.kind
    let gates = ws.gates.base, states = ws.states.base
    let wih = UnsafePointer(weightIH.storage.base), whh = UnsafePointer(weightHH.storage.base)
    prepareBiases(ws)
    let bias = UnsafePointer(ws.biasIH.base), hiddenBias = UnsafePointer(ws.biasHH.base)
    // Parts share the batch's rows when each gets a few; a small batch (prediction runs one
    // sequence) shares the hidden units instead, each part multiplying by its own rows of W_hh,
    // which then stay in its core's cache, and meeting the others at a barrier every step.
    let byRows = B >= 4 * P
    let shares = (0..<P).map { p in
      byRows ? (rows: WorkerTeam.share(p, of: P, in: B), units: 0..<H) : (rows: 0..<B, units: WorkerTeam.share(p, of: P, in: H))
    }
    let usePacked = shares.allSatisfy { PackedGemm.fits(m: $0.rows.count, n: $0.units.count) }
    // The input's share of the gates is made step by step inside the time loop, where it stays
    // in cache for the recurrent product. A dense input's X_t W_ihᵀ runs on weights packed once
    // (one GEMM over all steps was slower: its operands were cold, and its (T·B, G·H) result made
    // a round trip through memory). A one-hot row times W_ihᵀ is a column of W_ih: each step's
    // recurrent product starts from its tokens' rows of W_ihᵀ + b (the GRU copies them).
    let (x, tokens, table): (UnsafePointer<Float>?, [Int32], UnsafePointer<Float>?) = {
      switch input {
      case .dense(let dense):
        check(dense.count == T * B * I, "\(kind.displayName): input \(Tensor.describe(dense.shape)) does not fit weight_ih \(Tensor.describe(weightIH.shape))")
        return (UnsafePointer(dense.storage.base), [], nil)
      case .tokens(let ids, let vocab):
        check(vocab == I, "\(kind.displayName): vocabulary \(vocab) does not fit weight_ih \(Tensor.describe(weightIH.shape))")
        check(ids.count == T * B, "\(kind.displayName): \(ids.count) tokens do not fill \(T) steps × \(B) sequences")
        let t = ws.inputTable.base
        Tensor.transpose(wih, rows: GH, columns: vocab, into: t)
        for v in 0..<vocab { Kernels.add(t + v * GH, bias, into: t + v * GH, count: GH) }
        return (nil, ids, UnsafePointer(t))
      }
    }()
    let inputInLoop = x != nil && usePacked
    if let x, !inputInLoop { PhaseClock.measure("fwd project inputs") { projectInputs(x, rows: T * B, bias: bias, into: gates) } }
    states.update(from: h0.storage.base, count: B * H)
    if kind == .lstm { ws.extra.base.update(from: c0!.storage.base, count: B * H) }

    PhaseClock.measure("fwd time loop") { team.run(parts: P) { p in
      let (rows, units) = shares[p]
      let b0 = rows.lowerBound, nb = rows.count, u0 = units.lowerBound, nu = units.count
      // Packed W (G·H, K) is G blocks of H rows, one per gate, each as H/16 panels: the panels
      // of units `units` of gate q start at (q·H + u0)·K. With shares of rows every part packs
      // some of the panels; with shares of units each packs its own.
      if usePacked {
        let (part, of) = byRows ? (p, P) : (0, 1)
        for q in 0..<G {
          let first = q * H + u0
          PackedGemm.pack(whh + first * H, k: H, n: nu, rowStride: 1, columnStride: H, into: ws.packedForward.base + first * H,
                          part: part, of: of)
          if inputInLoop {
            PackedGemm.pack(wih + first * I, k: I, n: nu, rowStride: 1, columnStride: I, into: ws.packedInputForward.base + first * I,
                            part: part, of: of)
          }
        }
        if byRows { team.sync(parts: P) }
      }
      // The gate rows a product starts from, instead of copying them into the gates first: the
      // bias (the same row for every sequence), or each sequence's token row of the input table.
      typealias Rows = UnsafeMutablePointer<UnsafePointer<Float>?>
      let biasRows = Rows.allocate(capacity: nb), hiddenBiasRows = Rows.allocate(capacity: nb)
      let tokenRows = Rows.allocate(capacity: nb), shiftedRows = Rows.allocate(capacity: nb)
      defer { [biasRows, hiddenBiasRows, tokenRows, shiftedRows].forEach { $0.deallocate() } }
      biasRows.initialize(repeating: bias, count: nb)
      hiddenBiasRows.initialize(repeating: hiddenBias, count: nb)
      /// out[rows, gates of units] = start[rows] (or out itself) + A[rows] (nb, K) · W[gates of units]ᵀ.
      func product(_ a: UnsafePointer<Float>, _ w: UnsafePointer<Float>, _ packed: UnsafeMutablePointer<Float>, k: Int,
                   into out: UnsafeMutablePointer<Float>, startingFrom start: Rows? = nil) {
        if usePacked && nu == H {  // all gates' units: one product over the whole packed matrix
          PackedGemm.multiply(a, lda: k, packed: packed, into: out, ldc: GH, m: nb, n: GH, k: k, accumulate: true, start: start)
          return
        }
        for q in 0..<G {
          let first = q * H + u0
          if let start { for b in 0..<nb { shiftedRows[b] = start[b]! + first } }
          if usePacked {
            PackedGemm.multiply(a, lda: k, packed: packed + first * k, into: out + first, ldc: GH, m: nb, n: nu, k: k,
                                accumulate: true, start: start == nil ? nil : shiftedRows)
          } else {
            if start != nil { for b in 0..<nb { (out + b * GH + first).update(from: shiftedRows[b]!, count: nu) } }
            Tensor.gemm(a, transposeA: false, w + first * k, transposeB: true, into: out + first, m: nb, n: nu, k: k,
                        accumulate: true, ldc: GH)
          }
        }
      }
      for t in 0..<T {
        let g = gates + (t * B + b0) * GH
        // Where the recurrent product into `g` starts: from g as it stands, or from the tokens' rows.
        var recurrentStart: Rows? = nil
        if inputInLoop, let x {  // gates = b_ih (+ b_hh) + X_t W_ihᵀ: needs no H_{t-1}
          product(x + (t * B + b0) * I, wih, ws.packedInputForward.base, k: I, into: g, startingFrom: biasRows)
        } else if let table {
          for b in 0..<nb { tokenRows[b] = table + Int(tokens[t * B + b0 + b]) * GH }
          if kind == .gru {  // its recurrent product goes elsewhere: copy this part's units
            for b in 0..<nb {
              for q in 0..<G { (g + b * GH + q * H + u0).update(from: tokenRows[b]! + q * H + u0, count: nu) }
            }
          } else {
            recurrentStart = tokenRows
          }
        }
        if t > 0 && !byRows { team.sync(parts: P) }  // every part of H_{t-1} is written
        let hPrev = states + (t * B + b0) * H, h = states + ((t + 1) * B + b0) * H
        switch kind {
        case .rnn:
          product(hPrev, whh, ws.packedForward.base, k: H, into: g, startingFrom: recurrentStart)
          CellKernels.rnnForward(g: g, h: h, batch: nb, hidden: H, units: units)
        case .lstm:
          product(hPrev, whh, ws.packedForward.base, k: H, into: g, startingFrom: recurrentStart)
          let c = ws.extra.base + (t * B + b0) * H
          CellKernels.lstmForward(g: g, cPrev: c, c: c + B * H, tanhC: ws.tanhCells.base + (t * B + b0) * H, h: h,
                                  batch: nb, hidden: H, units: units)
        case .gru:
          let gh = ws.stepHidden.base + b0 * GH
          product(hPrev, whh, ws.packedForward.base, k: H, into: gh, startingFrom: hiddenBiasRows)
          CellKernels.gruForward(g: g, gh: gh, hPrev: hPrev, hn: ws.extra.base + (t * B + b0) * H, h: h,
                                 batch: nb, hidden: H, units: units)
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
      backward(input, steps: T, batch: B, h0: h0, c0: c0, workspace: ws, team: team, parts: P,
               dOutput: grads[0], dhT: grads[1], dcT: kind == .lstm ? grads[2] : nil)
    }
    return (results[0], results[1], kind == .lstm ? results[2] : nil)
  }

  /// The biases as the time loop adds them: b_ih + b_hh, except for the GRU, whose n gate scales
  /// the hidden part (b_hh included) by r.
  private func prepareBiases(_ ws: RecurrentWorkspace) {
    let bih = biasIH.storage.base, bhh = biasHH.storage.base
    for r in 0..<(kind.gateCount * hidden) {
      ws.biasIH.base[r] = kind == .gru ? bih[r] : bih[r] + bhh[r]
      ws.biasHH.base[r] = bhh[r]
    }
  }

  /// Writes X W_ihᵀ + b for all T·B rows into `gates` with one GEMM (sizes the packed kernel
  /// does not take).
  private func projectInputs(_ x: UnsafePointer<Float>, rows: Int, bias: UnsafePointer<Float>, into gates: UnsafeMutablePointer<Float>) {
    let GH = kind.gateCount * hidden
    Tensor.gemm(x, transposeA: false, weightIH.storage.base, transposeB: true, into: gates, m: rows, n: GH, k: inputSize, accumulate: false)
    for r in 0..<rows { Kernels.add(gates + r * GH, bias, into: gates + r * GH, count: GH) }
  }

  /// Backpropagation through time for this layer, accumulating into every operand that records
  /// gradients.
  private func backward(
    _ input: RecurrentInput, steps T: Int, batch B: Int, h0: Tensor, c0: Tensor?,
    workspace ws: RecurrentWorkspace, team: WorkerTeam, parts P: Int, dOutput: UnsafePointer<Float>,
    dhT: UnsafePointer<Float>, dcT: UnsafePointer<Float>?
  ) {
    let H = hidden, I = inputSize, GH = kind.gateCount * H, kind = self.kind
    let wih = UnsafePointer(weightIH.storage.base), whh = UnsafePointer(weightHH.storage.base)
    let gates = ws.gates.base, states = ws.states.base
    let P = B >= P ? P : 1  // backward always shares the rows
    let dGx = ws.dInputGates.base
    let dGh = kind == .gru ? ws.dHiddenGates.base : dGx
    ws.dState.base.update(from: dhT, count: B * H)
    if let dcT { ws.dCell.base.update(from: dcT, count: B * H) }
    // A dense input's gradient dX_t = dG_t W_ih is computed in the time loop too, while dG_t is
    // in cache.
    let dX = input.dense?.gradientBuffer
    let counts = (0..<P).map { WorkerTeam.share($0, of: P, in: B).count }
    let needsInitialStateGradient = h0.requiresGradient
    let usePacked = counts.allSatisfy { PackedGemm.fits(m: $0, n: H) }
    let inputGradientInLoop = dX != nil && counts.allSatisfy { PackedGemm.fits(m: $0, n: I) }
    // A one-hot input's weight gradient lands in the column of each row's token: every thread sums
    // its rows of dG_t per token while they are in cache, into its own (V, G·H) block.
    let tokens: [Int32]? = if case .tokens(let ids, _) = input, weightIH.gradientBuffer != nil { ids } else { nil }
    let perToken = TensorStorage(count: tokens == nil ? 0 : P * I * GH)

    PhaseClock.measure("bwd time loop") { team.run(parts: P) { p in
      if usePacked || inputGradientInLoop {
        if usePacked {  // B(kk, j) = W_hh[kk, j]: dG_t W_hh
          PackedGemm.pack(whh, k: GH, n: H, rowStride: H, columnStride: 1, into: ws.packedBackward.base, part: p, of: P)
        }
        if inputGradientInLoop {
          PackedGemm.pack(wih, k: GH, n: I, rowStride: I, columnStride: 1, into: ws.packedInputBackward.base, part: p, of: P)
        }
        team.sync(parts: P)
      }
      let rows = WorkerTeam.share(p, of: P, in: B), b0 = rows.lowerBound, nb = rows.count, units = 0..<H
      var dh = ws.dState.base + b0 * H, dhNext = ws.dStateNext.base + b0 * H
      let dc = ws.dCell.base + b0 * H
      for t in stride(from: T - 1, through: 0, by: -1) {
        let dy = dOutput + (t * B + b0) * H  // dH_t = dh + dy
        let g = gates + (t * B + b0) * GH
        let hPrev = states + (t * B + b0) * H
        let dx = dGx + (t * B + b0) * GH, dhh = dGh + (t * B + b0) * GH
        switch kind {
        case .rnn:
          CellKernels.rnnBackward(dh: dh, dy: dy, h: hPrev + B * H, dA: dx, batch: nb, hidden: H, units: units)
        case .lstm:
          CellKernels.lstmBackward(dh: dh, dy: dy, dc: dc, g: g, cPrev: ws.extra.base + (t * B + b0) * H,
                                   tanhC: ws.tanhCells.base + (t * B + b0) * H, dG: dx, batch: nb, hidden: H, units: units)
        case .gru:
          CellKernels.gruBackward(dh: dh, dy: dy, g: g, hPrev: hPrev, hn: ws.extra.base + (t * B + b0) * H, dGx: dx, dGh: dhh,
                                  dhPrev: dhNext, batch: nb, hidden: H, units: units)
        }
        // dH_{t-1} (+)= dG_t · W_hh (the GRU's cell wrote its direct part z ⊙ dH_t first). At
        // t = 0 that is d(loss)/dH_0, needed only when the initial state takes gradients (not
        // in training, whose state is detached between minibatches).
        if t > 0 || needsInitialStateGradient {
          if usePacked {
            PackedGemm.multiply(dhh, lda: GH, packed: ws.packedBackward.base, into: dhNext, ldc: H,
                                m: nb, n: H, k: GH, accumulate: kind == .gru)
          } else {
            Tensor.gemm(dhh, transposeA: false, whh, transposeB: false, into: dhNext, m: nb, n: H, k: GH,
                        accumulate: kind == .gru)
          }
        }
        if inputGradientInLoop, let dX {
          PackedGemm.multiply(dx, lda: GH, packed: ws.packedInputBackward.base, into: dX + (t * B + b0) * I, ldc: I,
                              m: nb, n: I, k: GH, accumulate: true)
        }
        if let tokens {
          for b in 0..<nb {
            let sum = perToken.base + (p * I + Int(tokens[t * B + b0 + b])) * GH
            Kernels.add(sum, dx + b * GH, into: sum, count: GH)
          }
        }
        swap(&dh, &dhNext)
      }
    } }
    // After T swaps the running dH is in dState when T is even, else in dStateNext.
    let dh0 = T % 2 == 0 ? ws.dState.base : ws.dStateNext.base

    // Weight and bias gradients, each as one product over all T·B rows (both threads again).
    // The bias gradients are dGh's column sums, which the dW_hh product adds up as it goes.
    let sums = ws.dBias.base
    var summed = false
    if let dW = weightHH.gradientBuffer {
      PhaseClock.measure("bwd dW_hh") {  // dW_hh += dGhᵀ (G·H, T·B) · [H_0 … H_{T-1}] (T·B, H)
        summed = weightGradient(dGh, states, columns: H, rows: T * B, into: dW, gateSums: sums, ws: ws, team: team)
      }
    }
    PhaseClock.measure("bwd biases") {
      // The RNN and the LSTM share one gate gradient for both biases: sum its columns once.
      let needed = biasHH.gradientBuffer != nil || (biasIH.gradientBuffer != nil && dGh == dGx)
      if needed && !summed { columnSums(dGh, rows: T * B, into: sums) }
      if let db = biasHH.gradientBuffer { Kernels.add(db, sums, into: db, count: GH) }
      if let db = biasIH.gradientBuffer {
        if dGh != dGx { columnSums(dGx, rows: T * B, into: sums) }
        Kernels.add(db, sums, into: db, count: GH)
      }
    }
    switch input {
    case .dense(let x):
      if let dW = weightIH.gradientBuffer {
        PhaseClock.measure("bwd dW_ih") {
          weightGradient(dGx, x.storage.base, columns: I, rows: T * B, into: dW, ws: ws, team: team)
        }
      }
      if let dX, !inputGradientInLoop {
        PhaseClock.measure("bwd dX") { Tensor.gemm(dGx, transposeA: false, wih, transposeB: false, into: dX, m: T * B, n: I, k: GH, accumulate: true) }
      }
    case .tokens(_, let vocab):
      if let dW = weightIH.gradientBuffer {
        PhaseClock.measure("bwd dW_ih one-hot") {  // the threads' per-token sums, into each token's column
          for q in 1..<P { Kernels.add(perToken.base, perToken.base + q * vocab * GH, into: perToken.base, count: vocab * GH) }
          for k in 0..<GH {
            for v in 0..<vocab { dW[k * vocab + v] += perToken.base[v * GH + k] }
          }
        }
      }
    }
    if let d = h0.gradientBuffer { Kernels.add(d, dh0, into: d, count: B * H) }
    if let c0, let d = c0.gradientBuffer { Kernels.add(d, ws.dCell.base, into: d, count: B * H) }
  }

  /// dW (G·H, columns) += dGᵀ Y for dG (rows, G·H) and Y (rows, columns): with the AVX-512
  /// kernel on Y packed once (shared by the team's threads, each taking a share of dW's rows),
  /// else through BLAS. OpenBLAS reached about 78% of the peak on this transposed shape.
  /// The AVX-512 kernel can also write dG's column sums, Σ over rows (the bias gradient), into
  /// `gateSums`; the result says whether it did.
  @discardableResult
  private func weightGradient(
    _ dG: UnsafePointer<Float>, _ y: UnsafePointer<Float>, columns: Int, rows: Int,
    into dW: UnsafeMutablePointer<Float>, gateSums: UnsafeMutablePointer<Float>? = nil, ws: RecurrentWorkspace, team: WorkerTeam
  ) -> Bool {
    let GH = kind.gateCount * hidden, P = team.size
    guard VectorKernel.best == .avx512, columns % 16 == 0, GH % (8 * P) == 0 else {
      Tensor.gemm(dG, transposeA: true, y, transposeB: false, into: dW, m: GH, n: columns, k: rows, accumulate: true)
      return false
    }
    gateSums?.update(repeating: 0, count: GH)
    let packed = ws.packedRows.base, scratch = ws.gemmScratch.base
    team.run(parts: P) { p in
      PackedGemm.pack(y, k: rows, n: columns, rowStride: columns, columnStride: 1, into: packed, part: p, of: P)
      team.sync(parts: P)
      let blocks = WorkerTeam.share(p, of: P, in: GH / 8), first = blocks.lowerBound * 8
      PackedGemm.multiplyTransposedA(dG + first, lda: GH, packed: packed, into: dW + first * columns, ldc: columns,
                                     m: blocks.count * 8, n: columns, k: rows, scratch: scratch + p * 2048,
                                     dGColumnSums: gateSums.map { $0 + first })
    }
    return gateSums != nil
  }

  /// out[k] = Σ_r m[r, k] over the (rows, G·H) matrix m.
  private func columnSums(_ m: UnsafePointer<Float>, rows: Int, into out: UnsafeMutablePointer<Float>) {
    let columns = kind.gateCount * hidden
    out.update(repeating: 0, count: columns)
    for r in 0..<rows { Kernels.add(out, m + r * columns, into: out, count: columns) }
  }
}
