import CKernels

/// One run of a layer's time loop: the sizes, buffers and pieces it uses, shared by the forward
/// loop (`TimeLoop+Forward`), the backward loop (`TimeLoop+Backward`) and the weight gradients
/// (`TimeLoop+Gradients`). The same loops serve every cell; the cell supplies its kernels.
/// T = steps, B = batch, H = hidden, I = input size, G = the cell's gates.
struct TimeLoop {
  let cell: any RecurrentCell.Type
  let kernels: (forward: d2l_cell_kernel, backward: d2l_cell_kernel)
  let products: PackedGemm
  let T: Int, B: Int, H: Int, I: Int, G: Int
  let ws: RecurrentWorkspace
  let team: WorkerTeam
  /// The layer's weights: W_ih (G·H, I) and W_hh (G·H, H).
  let wih: UnsafePointer<Float>, whh: UnsafePointer<Float>
  /// A dense input (T, B, I), or the tokens of a one-hot one with the table of W_ihᵀ + b rows.
  let x: UnsafePointer<Float>?
  let tokens: [Int32]

  var GH: Int { G * H }

  init(
    pass: RecurrentLayerPass, input: RecurrentInput, steps: Int, batch: Int, workspace: RecurrentWorkspace, team: WorkerTeam,
    kernels kernelSet: KernelSet
  ) {
    cell = pass.kind.cell
    kernels = cell.kernels(kernelSet)
    products = PackedGemm(kernels: kernelSet)
    (T, B, H, I, G) = (steps, batch, pass.hidden, pass.inputSize, cell.gateCount)
    (ws, self.team) = (workspace, team)
    wih = UnsafePointer(pass.weightIH.storage.base)
    whh = UnsafePointer(pass.weightHH.storage.base)
    switch input {
    case .dense(let dense): (x, tokens) = (UnsafePointer(dense.storage.base), [])
    case .tokens(let ids, _): (x, tokens) = (nil, ids)
    }
  }

  /// Floats one gate's block of a packed forward weight takes (k = H or I).
  func packedGate(k: Int) -> Int { PackedGemm.packedCount(k: k, n: H) }
}

/// Row pointers a product starts from instead of copying them into its output first (the
/// bias, the same row for every sequence, or each sequence's token row of the input table),
/// allocated once per part and pass.
struct StartRows {
  typealias Rows = UnsafeMutablePointer<UnsafePointer<Float>?>
  let bias: Rows, hiddenBias: Rows, tokens: Rows, shifted: Rows

  init(rows: Int, bias: UnsafePointer<Float>, hiddenBias: UnsafePointer<Float>) {
    (self.bias, self.hiddenBias) = (Rows.allocate(capacity: rows), Rows.allocate(capacity: rows))
    (tokens, shifted) = (Rows.allocate(capacity: rows), Rows.allocate(capacity: rows))
    self.bias.initialize(repeating: bias, count: rows)
    self.hiddenBias.initialize(repeating: hiddenBias, count: rows)
  }

  func deallocate() { [bias, hiddenBias, tokens, shifted].forEach { $0.deallocate() } }
}
