/// The buffers one recurrent layer needs for a forward pass and its backward pass.
///
/// llm.c's idea: size everything once, then reuse. A layer keeps its workspace between
/// minibatches and takes a fresh one only while a pending backward pass still holds the old one.
/// Buffers are in PyTorch's layout; threads share them by rows of the batch.
final class RecurrentWorkspace {
  let kind: CellKind
  let steps: Int, batch: Int, hidden: Int, inputSize: Int
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

  /// The biases as the time loop adds them (G·H each): b_ih + b_hh (the GRU's b_ih alone, since
  /// its n gate scales the hidden part by r), and b_hh.
  let biasIH: TensorStorage, biasHH: TensorStorage
  /// Scratch for the column sums of a gate gradient (G·H).
  let dBias: TensorStorage
  /// For token input: W_ihᵀ + b (V, G·H), the gate inputs of each token.
  let inputTable: TensorStorage
  /// H_0 … H_{T-1} or a dense input (T·B, H or I), packed for the weight gradients, and the
  /// gradient kernel's scratch (256 × 8 floats per thread).
  let packedRows: TensorStorage, gemmScratch: TensorStorage
  /// W_hh packed for the per-step products (`PackedGemm`): its rows for H_{t-1} W_hhᵀ forward,
  /// its columns for dG_t W_hh backward.
  let packedForward: TensorStorage, packedBackward: TensorStorage
  /// W_ih packed the same way, for a dense input's per-step products: X_t W_ihᵀ forward and
  /// dG_t W_ih (the input gradient) backward.
  let packedInputForward: TensorStorage, packedInputBackward: TensorStorage

  init(kind: CellKind, steps: Int, batch: Int, hidden: Int, inputSize: Int) {
    self.kind = kind
    self.steps = steps
    self.batch = batch
    self.hidden = hidden
    self.inputSize = inputSize
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
    biasIH = TensorStorage(count: gh)
    biasHH = TensorStorage(count: gh)
    dBias = TensorStorage(count: gh)
    inputTable = TensorStorage(uninitializedCount: gh * inputSize)
    packedRows = TensorStorage(uninitializedCount: steps * batch * max(hidden, inputSize))
    gemmScratch = TensorStorage(uninitializedCount: 8 * 2048)
    packedForward = TensorStorage(uninitializedCount: gh * hidden)
    packedBackward = TensorStorage(uninitializedCount: gh * hidden)
    packedInputForward = TensorStorage(uninitializedCount: gh * inputSize)
    packedInputBackward = TensorStorage(uninitializedCount: gh * inputSize)
  }

  func fits(kind: CellKind, steps: Int, batch: Int, hidden: Int, inputSize: Int) -> Bool {
    self.kind == kind && self.steps == steps && self.batch == batch && self.hidden == hidden
      && self.inputSize == inputSize
  }
}
