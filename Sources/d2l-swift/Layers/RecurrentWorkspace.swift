/// The buffers one recurrent layer needs for a forward pass and its backward pass.
///
/// llm.c's idea: size everything once, then reuse. A layer keeps its workspace between
/// minibatches and takes a fresh one only while a pending backward pass still holds the old one.
///
/// Gate buffers use the *part layout* (see `PartLayout`): with P parts, the gate rows of hidden
/// slice p sit together, so the weights are kept here as permuted copies (refreshed every
/// forward pass) and gradients are permuted back when they are accumulated.
final class RecurrentWorkspace {
  let kind: CellKind
  let steps: Int, batch: Int, hidden: Int, inputSize: Int
  /// P: how many threads share the time loop.
  let parts: Int
  /// (T, B, G·H): the input projections, then the gate activations of each step.
  let gates: TensorStorage
  /// (T+1, B, H): H_0 (the initial state), then H_1 … H_T.
  let states: TensorStorage
  /// LSTM: (T+1, B, H) memory cells C_0 … C_T. GRU: (T, B, H) the W_hn H_{t-1} + b_hn parts.
  let extra: TensorStorage
  /// LSTM: (T, B, H) tanh(C_t).
  let tanhCells: TensorStorage
  /// (T, B, G·H): d(loss)/d(input pre-activations), for W_ih, b_ih and the input gradient.
  let dInputGates: TensorStorage
  /// GRU: (T, B, G·H) d(loss)/d(hidden pre-activations); RNN and LSTM share `dInputGates`.
  let dHiddenGates: TensorStorage
  /// (B, G·H) scratch for the GRU's hidden projection of one step.
  let stepHidden: TensorStorage
  /// (B, H) ×3: the running state gradients dH and dC, and the next dH.
  let dState: TensorStorage, dCell: TensorStorage, dStateNext: TensorStorage

  /// Permuted copies of W_ih (G·H, I), W_hh (G·H, H) and the biases (G·H), in part layout.
  let weightIH: TensorStorage, weightHH: TensorStorage, biasIH: TensorStorage, biasHH: TensorStorage
  /// For each row of the part layout, its row in PyTorch's layout.
  let originalRow: [Int]
  /// Scratch for weight and bias gradients in part layout, before they are permuted back.
  let dWeight: TensorStorage, dBias: TensorStorage
  /// W_hh packed for the per-step products (`PackedGemm`): each part's gate rows for the
  /// forward pass, each part's columns for the backward pass.
  let packedForward: TensorStorage, packedBackward: TensorStorage
  /// W_ih packed the same way, for a dense input's per-step products: X_t W_ihᵀ forward and
  /// dG_t W_ih (the input gradient) backward.
  let packedInputForward: TensorStorage, packedInputBackward: TensorStorage

  init(kind: CellKind, steps: Int, batch: Int, hidden: Int, inputSize: Int, parts: Int) {
    check(hidden % parts == 0, "hidden \(hidden) does not split into \(parts) parts")
    self.kind = kind
    self.steps = steps
    self.batch = batch
    self.hidden = hidden
    self.inputSize = inputSize
    self.parts = parts
    let gh = kind.gateCount * hidden
    gates = TensorStorage(count: steps * batch * gh)
    states = TensorStorage(count: (steps + 1) * batch * hidden)
    switch kind {
    case .lstm: extra = TensorStorage(count: (steps + 1) * batch * hidden)
    case .gru: extra = TensorStorage(count: steps * batch * hidden)
    case .rnn: extra = TensorStorage(count: 0)
    }
    tanhCells = TensorStorage(count: kind == .lstm ? steps * batch * hidden : 0)
    dInputGates = TensorStorage(count: steps * batch * gh)
    dHiddenGates = TensorStorage(count: kind == .gru ? steps * batch * gh : 0)
    stepHidden = TensorStorage(count: kind == .gru ? batch * gh : 0)
    dState = TensorStorage(count: batch * hidden)
    dCell = TensorStorage(count: batch * hidden)
    dStateNext = TensorStorage(count: batch * hidden)
    weightIH = TensorStorage(count: parts > 1 ? gh * inputSize : 0)
    weightHH = TensorStorage(count: parts > 1 ? gh * hidden : 0)
    biasIH = TensorStorage(count: gh)
    biasHH = TensorStorage(count: gh)
    // Row (p, gate, j) of the part layout is row gate·H + p·Hp + j of PyTorch's.
    let width = hidden / parts, gates = kind.gateCount
    originalRow = (0..<gh).map { r in
      let p = r / (gates * width), gate = (r % (gates * width)) / width, j = r % width
      return gate * hidden + p * width + j
    }
    dWeight = TensorStorage(count: parts > 1 ? gh * max(inputSize, hidden) : 0)
    dBias = TensorStorage(count: gh)
    packedForward = TensorStorage(uninitializedCount: gh * hidden)
    packedBackward = TensorStorage(uninitializedCount: gh * hidden)
    packedInputForward = TensorStorage(uninitializedCount: gh * inputSize)
    packedInputBackward = TensorStorage(uninitializedCount: gh * inputSize)
  }

  func fits(kind: CellKind, steps: Int, batch: Int, hidden: Int, inputSize: Int, parts: Int) -> Bool {
    self.kind == kind && self.steps == steps && self.batch == batch && self.hidden == hidden
      && self.inputSize == inputSize && self.parts == parts
  }

  /// Copies `rows` (PyTorch layout, `columns` wide) into `out` in part layout.
  func permuteRows(_ rows: UnsafePointer<Float>, columns: Int, into out: UnsafeMutablePointer<Float>) {
    for (r, original) in originalRow.enumerated() {
      (out + r * columns).update(from: rows + original * columns, count: columns)
    }
  }

  /// Adds `rows` (part layout, `columns` wide) into `out` in PyTorch's layout.
  func addRowsBack(_ rows: UnsafePointer<Float>, columns: Int, into out: UnsafeMutablePointer<Float>) {
    for (r, original) in originalRow.enumerated() {
      let dst = out + original * columns
      Kernels.add(dst, rows + r * columns, into: dst, count: columns)
    }
  }
}
