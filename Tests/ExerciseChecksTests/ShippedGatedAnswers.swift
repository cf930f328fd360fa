import D2L
import ExerciseChecks

// The shipped solutions and starters of the GRU and LSTM lessons' exercise 4, copied here so that
// the tests run them; `GatedVariantTests` checks that the copies still match exercises/.

// BEGIN GRU SOLUTION COPY
// Exercise 4 of "Gated Recurrent Units (GRU)": what happens with only parts of a GRU? Write one
// step of a GRU with only a reset gate, and one with only an update gate, from the section's
// equations, with the weights of a full GRUScratch:
//
//     R_t = σ(X_t W_xr + H_{t-1} W_hr + b_r),   Z_t = σ(X_t W_xz + H_{t-1} W_hz + b_z)
//     H̃_t = tanh(X_t W_xh + (R_t ⊙ H_{t-1}) W_hh + b_h)
//     H_t = Z_t ⊙ H_{t-1} + (1 − Z_t) ⊙ H̃_t
//
// The project's answer.
public enum ShippedPartialGRU: PartialGRUExercise {
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
// END GRU SOLUTION COPY

// BEGIN GRU STARTER COPY
// Exercise 4 of "Gated Recurrent Units (GRU)": what happens with only parts of a GRU? Write one
// step of a GRU with only a reset gate, and one with only an update gate, from the section's
// equations, with the weights of a full GRUScratch:
//
//     R_t = σ(X_t W_xr + H_{t-1} W_hr + b_r),   Z_t = σ(X_t W_xz + H_{t-1} W_hz + b_z)
//     H̃_t = tanh(X_t W_xh + (R_t ⊙ H_{t-1}) W_hh + b_h)
//     H_t = Z_t ⊙ H_{t-1} + (1 − Z_t) ⊙ H̃_t
//
// `lessons check 4 --lesson gru` checks both against the library's variants with the same weights:
// every H_t and the gradient of every weight. `lessons hint 4 --lesson gru` helps.
public enum StarterPartialGRU: PartialGRUExercise {
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
// END GRU STARTER COPY

// BEGIN LSTM SOLUTION COPY
// Exercise 4 of "Long Short-Term Memory (LSTM)": why does the hidden state need a second tanh?
// Write one step of an LSTM without it, from the section's equations, with the weights of an
// LSTMScratch:
//
//     I_t = σ(X_t W_xi + H_{t-1} W_hi + b_i)   F_t = σ(X_t W_xf + H_{t-1} W_hf + b_f)
//     O_t = σ(X_t W_xo + H_{t-1} W_ho + b_o)   C̃_t = tanh(X_t W_xc + H_{t-1} W_hc + b_c)
//     C_t = F_t ⊙ C_{t-1} + I_t ⊙ C̃_t
//     H_t = O_t ⊙ C_t                           (the LSTM has O_t ⊙ tanh(C_t))
//
// The project's answer.
public enum ShippedNoTanhLSTM: NoTanhLSTMExercise {
  public static func noTanhStep(_ lstm: LSTMScratch, X: Tensor, H: Tensor, C: Tensor) -> (H: Tensor, C: Tensor) {
    let I = (X.matmul(lstm.W_xi) + H.matmul(lstm.W_hi) + lstm.b_i).sigmoid()
    let F = (X.matmul(lstm.W_xf) + H.matmul(lstm.W_hf) + lstm.b_f).sigmoid()
    let O = (X.matmul(lstm.W_xo) + H.matmul(lstm.W_ho) + lstm.b_o).sigmoid()
    let C_tilde = (X.matmul(lstm.W_xc) + H.matmul(lstm.W_hc) + lstm.b_c).tanh()
    let C_t = F * C + I * C_tilde
    return (O * C_t, C_t)
  }
}
// END LSTM SOLUTION COPY

// BEGIN LSTM STARTER COPY
// Exercise 4 of "Long Short-Term Memory (LSTM)": why does the hidden state need a second tanh?
// Write one step of an LSTM without it, from the section's equations, with the weights of an
// LSTMScratch:
//
//     I_t = σ(X_t W_xi + H_{t-1} W_hi + b_i)   F_t = σ(X_t W_xf + H_{t-1} W_hf + b_f)
//     O_t = σ(X_t W_xo + H_{t-1} W_ho + b_o)   C̃_t = tanh(X_t W_xc + H_{t-1} W_hc + b_c)
//     C_t = F_t ⊙ C_{t-1} + I_t ⊙ C̃_t
//     H_t = O_t ⊙ C_t                           (the LSTM has O_t ⊙ tanh(C_t))
//
// `lessons check 4 --lesson lstm` checks it against the library's variant with the same
// weights: every H_t and C_t, and the gradient of every weight.
public enum StarterNoTanhLSTM: NoTanhLSTMExercise {
  public static func noTanhStep(_ lstm: LSTMScratch, X: Tensor, H: Tensor, C: Tensor) -> (H: Tensor, C: Tensor) {
    // TODO: the three gates and the candidate, the memory cell C_t, then H_t without tanh.
    return (H, C)
  }
}
// END LSTM STARTER COPY
