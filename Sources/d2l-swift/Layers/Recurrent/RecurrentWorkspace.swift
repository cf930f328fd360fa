import CKernels

/// The buffers one recurrent layer needs for a forward pass and its backward pass.
///
/// llm.c's idea: size everything once, then reuse. A layer keeps its workspace between
/// minibatches and takes a fresh one only while a pending backward pass still holds the old one.
/// Buffers are in PyTorch's layout; threads share them by rows of the batch (or units of a row).
/// T = steps, B = batch, H = hidden, I = inputSize, G = the cell's gates.
final class RecurrentWorkspace {
  let kind: CellKind
  let steps: Int, batch: Int, hidden: Int, inputSize: Int
  /// (T, B, G·H): the input projections, then the gate activations of each step.
  let gates: TensorStorage
  /// (T+1, B, H): H_0 (the initial state), then H_1 … H_T.
  let states: TensorStorage
  /// LSTM: (T+1, B, H) memory cells C_0 … C_T, and (T, B, H) tanh(C_t).
  let cells: TensorStorage, tanhCells: TensorStorage
  /// GRU: (T, B, H) the W_hn H_{t-1} + b_hn parts, and (B, G·H) one step's hidden products.
  let hiddenParts: TensorStorage, stepHidden: TensorStorage
  /// (T, B, G·H): d(loss)/d(input pre-activations), for W_ih, b_ih and the input gradient.
  let dInputGates: TensorStorage
  /// GRU: (T, B, G·H) d(loss)/d(hidden pre-activations); RNN and LSTM share `dInputGates`.
  let dHiddenGates: TensorStorage
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
  /// gradient kernel's scratch per thread.
  let packedRows: TensorStorage, gemmScratch: TensorStorage
  /// W_hh packed for the per-step products (`PackedGemm`), gate by gate: its rows for
  /// H_{t-1} W_hhᵀ forward, its columns for dG_t W_hh backward.
  let packedForward: TensorStorage, packedBackward: TensorStorage
  /// W_ih packed the same way, for a dense input's per-step products: X_t W_ihᵀ forward and
  /// dG_t W_ih (the input gradient) backward.
  let packedInputForward: TensorStorage, packedInputBackward: TensorStorage

  init(kind: CellKind, steps T: Int, batch B: Int, hidden H: Int, inputSize I: Int) {
    (self.kind, steps, batch, hidden, inputSize) = (kind, T, B, H, I)
    let cell = kind.cell, G = cell.gateCount, GH = G * H
    func buffer(_ count: Int, if needed: Bool = true) -> TensorStorage { TensorStorage(count: needed ? count : 0) }
    gates = buffer(T * B * GH)
    states = buffer((T + 1) * B * H)
    cells = buffer((T + 1) * B * H, if: cell.hasCellState)
    tanhCells = buffer(T * B * H, if: cell.hasCellState)
    hiddenParts = buffer(T * B * H, if: cell.separateHiddenGates)
    stepHidden = buffer(B * GH, if: cell.separateHiddenGates)
    dInputGates = buffer(T * B * GH)
    dHiddenGates = buffer(T * B * GH, if: cell.separateHiddenGates)
    (dState, dCell, dStateNext) = (buffer(B * H), buffer(B * H), buffer(B * H))
    (biasIH, biasHH, dBias) = (buffer(GH), buffer(GH), buffer(GH))
    inputTable = TensorStorage(uninitializedCount: GH * I)
    packedRows = TensorStorage(uninitializedCount: T * B * max(H, I))
    gemmScratch = TensorStorage(uninitializedCount: 8 * PackedGemm.scratchPerThread)
    // Forward, gate by gate: G blocks of H output columns, each padded to whole panels.
    packedForward = TensorStorage(count: G * PackedGemm.packedCount(k: H, n: H))
    packedInputForward = TensorStorage(count: G * PackedGemm.packedCount(k: I, n: H))
    packedBackward = TensorStorage(count: PackedGemm.packedCount(k: GH, n: H))
    packedInputBackward = TensorStorage(count: PackedGemm.packedCount(k: GH, n: I))
  }

  func fits(kind: CellKind, steps: Int, batch: Int, hidden: Int, inputSize: Int) -> Bool {
    self.kind == kind && self.steps == steps && self.batch == batch && self.hidden == hidden
      && self.inputSize == inputSize
  }

  /// The buffers of step t for the cell's kernels, rows from `b0` on (`gates` for the gate
  /// gradients' block too): what `d2l_cell_step` names, at this step. Empty buffers stay null.
  func step(_ t: Int, rows: Range<Int>, units: Range<Int>) -> d2l_cell_step {
    let (B, H, GH) = (batch, hidden, kind.gateCount * hidden)
    let row = t * B + rows.lowerBound
    func at(_ s: TensorStorage, _ offset: Int) -> UnsafeMutablePointer<Float>? { s.count > 0 ? s.base + offset : nil }
    var s = d2l_cell_step()
    (s.batch, s.hidden, s.first_unit, s.units) = (rows.count, H, units.lowerBound, units.count)
    s.g = gates.base + row * GH
    s.gh = UnsafePointer(at(stepHidden, rows.lowerBound * GH))
    s.h_prev = UnsafePointer(states.base + row * H)
    s.h = states.base + (row + B) * H
    s.c_prev = UnsafePointer(at(cells, row * H))
    s.c = at(cells, (row + B) * H)
    s.tanh_c = at(tanhCells, row * H)
    s.hn = at(hiddenParts, row * H)
    s.dc = at(dCell, rows.lowerBound * H)
    s.dg = dInputGates.base + row * GH
    s.dgh = at(dHiddenGates, row * GH) ?? s.dg
    return s
  }
}
