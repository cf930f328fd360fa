/// One layer of a recurrent network over a whole sequence, as a single tape operation.
///
/// Forward, each step adds the recurrent product H_{t-1} W_hhᵀ to the input's share of the
/// gates and applies the cell's fused kernel (`TimeLoop+Forward`). Backward (BPTT), steps in
/// reverse, then the weight gradients as one product each over all steps (`TimeLoop+Backward`,
/// `TimeLoop+Gradients`). The cell (`RecurrentCell`), the split across threads (`Partition`)
/// and the products' kernels (`PackedGemm`) are each chosen in one place.
struct RecurrentLayerPass {
  let kind: CellKind
  let weightIH: Tensor, weightHH: Tensor, biasIH: Tensor, biasHH: Tensor

  var hidden: Int { weightHH.shape[1] }
  var inputSize: Int { weightIH.shape[1] }

  /// What one forward run of the pass leaves for the tape: its outputs (T, B, H), H_T and C_T
  /// as raw storage, the operands that may take gradients, and the backward pass over them.
  struct Run {
    let outputs: [(shape: [Int], storage: TensorStorage)]
    let operands: [Tensor]
    /// Receives d(loss)/d(each output) and accumulates into the operands.
    let pullback: ([UnsafeMutablePointer<Float>]) -> Void
  }

  /// Runs the layer from state (h0, c0), both (B, H), with the time loop in `parts` shares, its
  /// products and cells on `kernels`. Returns outputs (T, B, H), H_T, C_T, recorded as one tape
  /// operation.
  func callAsFunction(
    _ input: RecurrentInput, steps T: Int, batch B: Int, h0: Tensor, c0: Tensor?,
    workspace ws: RecurrentWorkspace, team: WorkerTeam, parts P: Int, kernels: KernelSet
  ) -> (output: Tensor, h: Tensor, c: Tensor?) {
    let run = forward(input, steps: T, batch: B, h0: h0, c0: c0, workspace: ws, team: team, parts: P, kernels: kernels)
    let results = Tensor.multiOutput("\(kind.displayName) layer", outputs: run.outputs, operands: run.operands, pullback: run.pullback)
    return (results[0], results[1], kind.hasCellState ? results[2] : nil)
  }

  /// The forward time loop, leaving the tape to the caller (which may join two directions into
  /// one operation).
  func forward(
    _ input: RecurrentInput, steps T: Int, batch B: Int, h0: Tensor, c0: Tensor?,
    workspace ws: RecurrentWorkspace, team: WorkerTeam, parts P: Int, kernels: KernelSet
  ) -> Run {
    checkInput(input, steps: T, batch: B)
    let H = hidden
    let loop = TimeLoop(pass: self, input: input, steps: T, batch: B, workspace: ws, team: team, kernels: kernels)
    prepareBiases(ws)
    if case .tokens = input { prepareInputTable(ws) }
    ws.states.base.update(from: h0.storage.base, count: B * H)
    if let c0 { ws.cells.base.update(from: c0.storage.base, count: B * H) }
    PhaseClock.measure("fwd time loop") { loop.forward(Partition(batch: B, hidden: H, parts: P)) }

    func copy(_ from: UnsafePointer<Float>, _ shape: [Int]) -> (shape: [Int], storage: TensorStorage) {
      let out = TensorStorage(uninitializedCount: shape.reduce(1, *))
      out.base.initialize(from: from, count: out.count)
      return (shape, out)
    }
    var outputs = [copy(ws.states.base + B * H, [T, B, H]), copy(ws.states.base + T * B * H, [B, H])]
    if kind.hasCellState { outputs.append(copy(ws.cells.base + T * B * H, [B, H])) }
    var operands = [weightIH, weightHH, biasIH, biasHH, h0]
    if let c0 { operands.append(c0) }
    if case .dense(let x) = input { operands.append(x) }
    return Run(outputs: outputs, operands: operands) { grads in
      backward(loop, input, h0: h0, c0: c0, parts: P, dOutput: grads[0], dhT: grads[1], dcT: kind.hasCellState ? grads[2] : nil)
    }
  }

  /// Misuse is caught here, once per pass, so that the loops index without checks.
  private func checkInput(_ input: RecurrentInput, steps T: Int, batch B: Int) {
    let name = kind.displayName
    switch input {
    case .dense(let x):
      check(x.count == T * B * inputSize, "\(name): input \(Tensor.describe(x.shape)) does not fit weight_ih \(Tensor.describe(weightIH.shape))")
    case .tokens(let ids, let vocab):
      check(vocab == inputSize, "\(name): vocabulary \(vocab) does not fit weight_ih \(Tensor.describe(weightIH.shape))")
      check(ids.count == T * B, "\(name): \(ids.count) tokens do not fill \(T) steps × \(B) sequences")
      check(ids.allSatisfy { $0 >= 0 && Int($0) < vocab }, "\(name): a token is outside the vocabulary of \(vocab)")
    }
  }

  /// The biases as the time loop adds them: b_ih + b_hh, except for a cell that keeps its hidden
  /// side apart (the GRU), which adds b_hh to that side.
  private func prepareBiases(_ ws: RecurrentWorkspace) {
    let bih = biasIH.storage.base, bhh = biasHH.storage.base, separate = kind.cell.separateHiddenGates
    for r in 0..<(kind.gateCount * hidden) {
      ws.biasIH.base[r] = separate ? bih[r] : bih[r] + bhh[r]
      ws.biasHH.base[r] = bhh[r]
    }
  }

  /// A one-hot row times W_ihᵀ is a column of W_ih: the table (V, G·H) of W_ihᵀ + b rows.
  private func prepareInputTable(_ ws: RecurrentWorkspace) {
    let (GH, V) = (kind.gateCount * hidden, inputSize)
    let (table, w, bias) = (ws.inputTable.base, weightIH.storage.base, ws.biasIH.base)
    for v in 0..<V {  // row v of the table: column v of W_ih (in cache: (G·H, V) is small) plus b
      let row = table + v * GH
      for r in 0..<GH { row[r] = w[r * V + v] + bias[r] }
    }
  }

  /// Backpropagation through time for this layer, accumulating into every operand that records
  /// gradients.
  private func backward(
    _ loop: TimeLoop, _ input: RecurrentInput, h0: Tensor, c0: Tensor?, parts: Int,
    dOutput: UnsafePointer<Float>, dhT: UnsafePointer<Float>, dcT: UnsafePointer<Float>?
  ) {
    let (ws, B, H, GH) = (loop.ws, loop.B, loop.H, loop.GH)
    let split = Partition.backward(batch: B, hidden: H, parts: parts)
    ws.dState.base.update(from: dhT, count: B * H)
    if let dcT { ws.dCell.base.update(from: dcT, count: B * H) }
    let perToken: TensorStorage? = if case .tokens = input, weightIH.gradientBuffer != nil {
      TensorStorage(count: split.parts * inputSize * GH)
    } else { nil }
    let upstream = TimeLoop.Upstream(dOutput: dOutput, dX: input.dense?.gradientBuffer, perToken: perToken?.base,
                                     needsInitialStateGradient: h0.requiresGradient)
    let dh0 = PhaseClock.measure("bwd time loop") { loop.backward(split, upstream) }
    loop.hiddenWeightGradients(weightHH: weightHH, biasIH: biasIH, biasHH: biasHH)
    if let dW = weightIH.gradientBuffer {
      if case .dense(let x) = input { loop.denseInputWeightGradient(x.storage.base, into: dW) }
      if let perToken { loop.tokenWeightGradient(perToken.base, parts: split.parts, into: dW) }
    }
    if let d = h0.gradientBuffer { Kernels.add(d, dh0, into: d, count: B * H) }
    if let c0, let d = c0.gradientBuffer { Kernels.add(d, ws.dCell.base, into: d, count: B * H) }
  }
}
