import CKernels
import Foundation

/// What the recurrent engine needs to know about a cell: its gate layout, its state, and its
/// fused step kernels, forward and backward, with a plain reference of each beside them.
///
/// One time step computes the gates' pre-activations as products (the engine's job, the same
/// for every cell) and then the cell's pointwise part (the cell's job, one fused pass). A new
/// cell is one new type conforming to this protocol; the time loops do not change.
protocol RecurrentCell {
  /// The PyTorch names of the gate blocks that `weight_ih` and `weight_hh` stack, in order.
  static var gates: [String] { get }
  /// The state carries a memory cell C besides H (the LSTM).
  static var hasCellState: Bool { get }
  /// The hidden side's product H_{t-1} W_hhᵀ + b_hh is kept apart from the input side's instead
  /// of being added to it (the GRU, whose n gate scales it by r). Backward, the cell then writes
  /// two gate gradients and a direct part of dH_{t-1}.
  static var separateHiddenGates: Bool { get }
  /// The fused step, forward and backward, in the given kernel level.
  static func kernels(_ set: KernelSet) -> (forward: d2l_cell_kernel, backward: d2l_cell_kernel)
  /// The book's equations for one step, one unit at a time, in plain Swift and libm: what the
  /// tests hold the fused kernels to. Reads and writes the same fields as the kernels.
  static func referenceForward(_ s: d2l_cell_step)
  static func referenceBackward(_ s: d2l_cell_step)
}

extension RecurrentCell {
  static var gateCount: Int { gates.count }
}

extension CellKind {
  /// The cell's layout and kernels.
  var cell: any RecurrentCell.Type {
    switch self {
    case .rnn: RNNCell.self
    case .gru: GRUCell.self
    case .lstm: LSTMCell.self
    }
  }
}

/// Helpers the reference cells share: σ and the loop over a step's rows and units.
enum Reference {
  static func sigmoid(_ x: Float) -> Float { 1 / (1 + Foundation.exp(-x)) }

  /// Calls `body(gateRow, stateIndex, w)` for every row b and unit j of the step: `gateRow` is
  /// where unit j of gate 0 sits in a (B, G·H) block, `stateIndex` where it sits in (B, H).
  static func forEachUnit(_ s: d2l_cell_step, gates: Int, _ body: (Int, Int, Int) -> Void) {
    let w = s.hidden
    for b in 0..<s.batch {
      for j in s.first_unit..<(s.first_unit + s.units) { body(b * gates * w + j, b * w + j, w) }
    }
  }
}
