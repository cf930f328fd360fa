import D2L
import ExerciseChecks

/// The LSTM lesson's exercise 4: one step of an LSTM whose hidden state skips the second
/// tanh, Hₜ = Oₜ ⊙ Cₜ.
public protocol NoTanhLSTMExercise {
  /// (Hₜ, Cₜ) from Xₜ (B, d), Hₜ₋₁ and Cₜ₋₁ (B, h), with the weights of `lstm`.
  static func noTanhStep(_ lstm: LSTMScratch, X: Tensor, H: Tensor, C: Tensor) -> (H: Tensor, C: Tensor)
}

/// Verifies an answer to the LSTM lesson's exercise 4 against `LSTMScratch(hiddenTanh: false)`
/// with the same weights.
public enum NoTanhLSTMCheck {
  public static func run<Answer: NoTanhLSTMExercise>(_ type: Answer.Type, onResult: (CheckResult) -> Void = { _ in }) -> [CheckResult] {
    let lstm = VariantCheck.weights({ LSTMScratch(numInputs: 5, numHiddens: 4, sigma: 0.5, using: &$0) }, seed: 401)
    let c = VariantCase(label: "noHiddenTanh", cell: lstm, reference: LSTMScratch(sharing: lstm, hiddenTanh: false), hint: lt("hint.noHiddenTanh")) { x, s in
      let (H, C) = Answer.noTanhStep(lstm, X: x, H: s.H, C: s.C!)
      return ScratchState(H: H, C: C)
    }
    var rows: [CheckResult] = []
    for row in VariantCheck.rows(c, seed: 411) { rows.append(row); onResult(row) }
    return rows
  }
}

