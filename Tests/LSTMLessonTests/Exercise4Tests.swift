import Foundation
import Testing
@testable import D2L
import ExerciseChecks
@testable import LSTMChecks
import LSTMExercise4Solution
import LSTMExercise4Starter

/// Exercise 4 of the LSTM lesson: the checker passes the shipped solution, fails the shipped
/// starter, and refuses the classic wrong answers (the cell's tanh kept, the forget gate on the
/// candidate, a bias left out, the output gate left out, ...).
@Suite(.serialized) struct Exercise4Tests {
  static func failures(_ rows: [CheckResult]) -> String {
    rows.filter { !$0.passed }.map(\.description).joined(separator: "\n")
  }

  @Test func lstmSolutionPasses() {
    let rows = NoTanhLSTMCheck.run(LSTMExercise4Solution.NoTanhLSTM.self)
    #expect(rows.allPassed, "\(Self.failures(rows))")
    #expect(rows.count == 4)  // shapes, H_t, C_t, gradients
  }

  @Test func lstmStarterFails() {
    let rows = NoTanhLSTMCheck.run(LSTMExercise4Starter.NoTanhLSTM.self)
    #expect(rows.filter { !$0.passed }.count >= 2, "\(Self.failures(rows))")
  }

  @Test(arguments: WrongLSTM.Mistake.allCases)
  func wrongLSTMsAreRefused(mistake: WrongLSTM.Mistake) {
    WrongLSTM.mistake = mistake
    #expect(!NoTanhLSTMCheck.run(WrongLSTM.self).allPassed, "\(mistake) passed")
  }
}

// MARK: - Wrong answers

/// The LSTM solution with one mistake switched on.
enum WrongLSTM: NoTanhLSTMExercise {
  enum Mistake: String, CaseIterable, Sendable {
    case tanhKept, forgetOnTheCandidate, inputGateWithoutBias, outputGateLeftOut, candidateWithoutTanh
  }
  nonisolated(unsafe) static var mistake = Mistake.tanhKept

  static func noTanhStep(_ lstm: LSTMScratch, X: Tensor, H: Tensor, C: Tensor) -> (H: Tensor, C: Tensor) {
    let I = (X.matmul(lstm.W_xi) + H.matmul(lstm.W_hi) + (mistake == .inputGateWithoutBias ? Tensor(0) : lstm.b_i)).sigmoid()
    let F = (X.matmul(lstm.W_xf) + H.matmul(lstm.W_hf) + lstm.b_f).sigmoid()
    let O = (X.matmul(lstm.W_xo) + H.matmul(lstm.W_ho) + lstm.b_o).sigmoid()
    let pre = X.matmul(lstm.W_xc) + H.matmul(lstm.W_hc) + lstm.b_c
    let C_tilde = mistake == .candidateWithoutTanh ? pre : pre.tanh()
    let C_t = mistake == .forgetOnTheCandidate ? F * C_tilde + I * C : F * C + I * C_tilde
    switch mistake {
    case .tanhKept: return (O * C_t.tanh(), C_t)
    case .outputGateLeftOut: return (C_t, C_t)
    default: return (O * C_t, C_t)
    }
  }
}
