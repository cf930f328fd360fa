import CKernels
import Foundation

/// The vanilla RNN's cell: H_t = tanh(X_t W_ihᵀ + b_ih + H_{t-1} W_hhᵀ + b_hh).
enum RNNCell: RecurrentCell {
  static let gates = [""]
  static let hasCellState = false
  static let separateHiddenGates = false

  static func kernels(_ set: KernelSet) -> (forward: d2l_cell_kernel, backward: d2l_cell_kernel) {
    (set.table.rnn_forward, set.table.rnn_backward)
  }

  /// H_t = tanh(A), A the pre-activation in `g` (kept: backward needs only H_t).
  static func referenceForward(_ s: d2l_cell_step) {
    Reference.forEachUnit(s, gates: 1) { g, at, _ in s.h[at] = Foundation.tanh(s.g[g]) }
  }

  /// dA = dH_t ⊙ (1 - H_t²).
  static func referenceBackward(_ s: d2l_cell_step) {
    Reference.forEachUnit(s, gates: 1) { g, at, _ in
      let dH = s.dh[at] + s.dy[at], h = s.h[at]
      s.dg[g] = dH * (1 - h * h)
    }
  }
}
