import D2L
import GRUChecks

// Exercise 4 of "Gated Recurrent Units (GRU)": what happens with only parts of a GRU? Write one
// step of a GRU with only a reset gate, and one with only an update gate, from the section's
// equations, with the weights of a full GRUScratch:
//
//     R_t = σ(X_t W_xr + H_{t-1} W_hr + b_r),   Z_t = σ(X_t W_xz + H_{t-1} W_hz + b_z)
//     H̃_t = tanh(X_t W_xh + (R_t ⊙ H_{t-1}) W_hh + b_h)
//     H_t = Z_t ⊙ H_{t-1} + (1 − Z_t) ⊙ H̃_t
//
// `lessons check gru:4` checks both against the library's variants with the same weights:
// every H_t and the gradient of every weight. Stuck? `lessons hint gru:4`. Start over: `lessons reset gru:4`.
public enum PartialGRU: PartialGRUExercise {
  /// No update gate: Z_t = 0. Return H_t (batch, hidden).
  public static func resetOnlyStep(_ gru: GRUScratch, X: Tensor, H: Tensor) -> Tensor {
    // TODO: the reset gate R, then the candidate, which is the new state.
    return H
  }

  /// No reset gate: R_t = 1. Return H_t (batch, hidden).
  public static func updateOnlyStep(_ gru: GRUScratch, X: Tensor, H: Tensor) -> Tensor {
    // TODO: the update gate Z, the candidate reading all of H, and their mix.
    return H
  }
}
