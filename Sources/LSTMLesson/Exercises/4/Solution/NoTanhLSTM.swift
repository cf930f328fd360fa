import D2L
import LSTMChecks

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
public enum NoTanhLSTM: NoTanhLSTMExercise {
  public static func noTanhStep(_ lstm: LSTMScratch, X: Tensor, H: Tensor, C: Tensor) -> (H: Tensor, C: Tensor) {
    let I = (X.matmul(lstm.W_xi) + H.matmul(lstm.W_hi) + lstm.b_i).sigmoid()
    let F = (X.matmul(lstm.W_xf) + H.matmul(lstm.W_hf) + lstm.b_f).sigmoid()
    let O = (X.matmul(lstm.W_xo) + H.matmul(lstm.W_ho) + lstm.b_o).sigmoid()
    let C_tilde = (X.matmul(lstm.W_xc) + H.matmul(lstm.W_hc) + lstm.b_c).tanh()
    let C_t = F * C + I * C_tilde
    return (O * C_t, C_t)
  }
}
