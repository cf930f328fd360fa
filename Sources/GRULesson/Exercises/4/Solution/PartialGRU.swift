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
// The project's answer.
public enum PartialGRU: PartialGRUExercise {
  /// No update gate: Z_t = 0, so the new state is the candidate.
  public static func resetOnlyStep(_ gru: GRUScratch, X: Tensor, H: Tensor) -> Tensor {
    let R = (X.matmul(gru.W_xr) + H.matmul(gru.W_hr) + gru.b_r).sigmoid()
    return (X.matmul(gru.W_xh) + (R * H).matmul(gru.W_hh) + gru.b_h).tanh()
  }

  /// No reset gate: R_t = 1, so the candidate reads all of H_{t-1}.
  public static func updateOnlyStep(_ gru: GRUScratch, X: Tensor, H: Tensor) -> Tensor {
    let Z = (X.matmul(gru.W_xz) + H.matmul(gru.W_hz) + gru.b_z).sigmoid()
    let H_tilde = (X.matmul(gru.W_xh) + H.matmul(gru.W_hh) + gru.b_h).tanh()
    return Z * H + (1 - Z) * H_tilde
  }
}
