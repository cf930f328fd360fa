import CKernels
import Foundation

/// Long short-term memory, PyTorch's gate order i, f, g, o:
/// C_t = f ⊙ C_{t-1} + i ⊙ g, H_t = o ⊙ tanh(C_t).
enum LSTMCell: RecurrentCell {
  static let gates = ["i", "f", "g", "o"]
  static let hasCellState = true
  static let separateHiddenGates = false

  static func kernels(_ set: KernelSet) -> (forward: d2l_cell_kernel, backward: d2l_cell_kernel) {
    (set.table.lstm_forward, set.table.lstm_backward)
  }

  /// The gates' activations replace their pre-activations in `g`; writes C_t, tanh C_t, H_t.
  static func referenceForward(_ s: d2l_cell_step) {
    Reference.forEachUnit(s, gates: 4) { g, at, w in
      let i = Reference.sigmoid(s.g[g]), f = Reference.sigmoid(s.g[g + w])
      let candidate = Foundation.tanh(s.g[g + 2 * w]), o = Reference.sigmoid(s.g[g + 3 * w])
      (s.g[g], s.g[g + w], s.g[g + 2 * w], s.g[g + 3 * w]) = (i, f, candidate, o)
      let c = f * s.c_prev[at] + i * candidate
      s.c[at] = c
      s.tanh_c[at] = Foundation.tanh(c)
      s.h[at] = o * Foundation.tanh(c)
    }
  }

  /// From dH_t and the running dC: the gates' pre-activation gradients, and dC_{t-1} into `dc`.
  static func referenceBackward(_ s: d2l_cell_step) {
    Reference.forEachUnit(s, gates: 4) { g, at, w in
      let (i, f, candidate, o) = (s.g[g], s.g[g + w], s.g[g + 2 * w], s.g[g + 3 * w])
      let dH = s.dh[at] + s.dy[at], tanhC = s.tanh_c[at]
      let dC = s.dc[at] + dH * o * (1 - tanhC * tanhC)
      s.dg[g] = dC * candidate * i * (1 - i)  // σ' = σ(1 - σ)
      s.dg[g + w] = dC * s.c_prev[at] * f * (1 - f)
      s.dg[g + 2 * w] = dC * i * (1 - candidate * candidate)  // tanh' = 1 - tanh²
      s.dg[g + 3 * w] = dH * tanhC * o * (1 - o)
      s.dc[at] = dC * f
    }
  }
}
