import CKernels
import Foundation

/// The gated recurrent unit, PyTorch's gate order r, z, n:
/// n = tanh(A_n + r ⊙ (W_hn H_{t-1} + b_hn)), H_t = (1 - z) ⊙ n + z ⊙ H_{t-1}.
/// The reset gate scales the hidden side's product, so that product is kept apart.
enum GRUCell: RecurrentCell {
  static let gates = ["r", "z", "n"]
  static let hasCellState = false
  static let separateHiddenGates = true

  static func kernels(_ set: KernelSet) -> (forward: d2l_cell_kernel, backward: d2l_cell_kernel) {
    (set.table.gru_forward, set.table.gru_backward)
  }

  /// `g` holds X_t W_ihᵀ + b_ih and `gh` H_{t-1} W_hhᵀ + b_hh; r, z, n replace `g`, the hidden
  /// part of n goes to `hn`, and H_t to `h`.
  static func referenceForward(_ s: d2l_cell_step) {
    Reference.forEachUnit(s, gates: 3) { g, at, w in
      let r = Reference.sigmoid(s.g[g] + s.gh[g]), z = Reference.sigmoid(s.g[g + w] + s.gh[g + w])
      let hiddenPart = s.gh[g + 2 * w]
      let n = Foundation.tanh(s.g[g + 2 * w] + r * hiddenPart)
      (s.g[g], s.g[g + w], s.g[g + 2 * w]) = (r, z, n)
      s.hn[at] = hiddenPart
      s.h[at] = (1 - z) * n + z * s.h_prev[at]
    }
  }

  /// The input side's gate gradients into `dg`, the hidden side's into `dgh` (the n block
  /// scaled by r), and the direct part z ⊙ dH_t of dH_{t-1} into `dh_prev`.
  static func referenceBackward(_ s: d2l_cell_step) {
    Reference.forEachUnit(s, gates: 3) { g, at, w in
      let (r, z, n) = (s.g[g], s.g[g + w], s.g[g + 2 * w])
      let dH = s.dh[at] + s.dy[at]
      let dn = dH * (1 - z) * (1 - n * n)
      let dz = dH * (s.h_prev[at] - n) * z * (1 - z)
      let dr = dn * s.hn[at] * r * (1 - r)
      (s.dg[g], s.dg[g + w], s.dg[g + 2 * w]) = (dr, dz, dn)
      (s.dgh[g], s.dgh[g + w], s.dgh[g + 2 * w]) = (dr, dz, dn * r)
      s.dh_prev[at] = dH * z
    }
  }
}
